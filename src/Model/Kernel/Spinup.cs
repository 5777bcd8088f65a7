namespace CarbonSim.Model.Kernel;

/// <summary>Settings of a spin-up (science notes §1.6).</summary>
/// <param name="Co2Ppm">[ppm] Constant CO2 during spin-up.</param>
/// <param name="NDeposition">[kgN m-2 a-1] Constant N deposition during spin-up (default: the site's).</param>
/// <param name="MaxYears">[a] Maximum spin-up years (the run still finishes the current block triplet).</param>
/// <param name="FirstYearMaxLeafC">[kgC m-2] Initial leaf C of the bare-ground start.</param>
/// <param name="FirstYearMaxStemC">[kgC m-2] Initial stem C.</param>
/// <param name="SoilWaterFraction">[-] Initial soil water as a fraction of saturation.</param>
/// <param name="Tolerance">[kgC m-2 a-1] Steady-state tolerance on the soil-C block-mean trend.</param>
public sealed record SpinupOptions(
    double Co2Ppm = 294.842,
    double? NDeposition = null,
    int MaxYears = 6000,
    double FirstYearMaxLeafC = 0.001,
    double FirstYearMaxStemC = 0.0,
    double SoilWaterFraction = 0.5,
    double Tolerance = 0.0005);

/// <summary>One spin-up year: maximum LAI and end-of-year pools.</summary>
/// <param name="Year">[a] 1-based spin-up year.</param>
/// <param name="MaxLai">[m2 m-2]</param>
/// <param name="LeafC">[kgC m-2]</param>
/// <param name="VegetationC">[kgC m-2]</param>
/// <param name="LitterC">[kgC m-2] incl. CWD.</param>
/// <param name="SoilC">[kgC m-2]</param>
/// <param name="TotalC">[kgC m-2]</param>
/// <param name="MineralN">[kgN m-2]</param>
public readonly record struct SpinupYear(int Year, double MaxLai, double LeafC, double VegetationC, double LitterC, double SoilC, double TotalC, double MineralN);

/// <summary>Result of a spin-up.</summary>
/// <param name="State">End state (ready for a normal run; its met position continues the cycle).</param>
/// <param name="Years">[a] Years simulated.</param>
/// <param name="Steady">Standard rule: whether the steady-state rule was met (false: stopped at the maximum). Accelerated: the search converged and |SoilCTrend| &lt; tolerance (<see cref="Spinup.RunAccelerated"/>).</param>
/// <param name="SoilCTrend">[kgC m-2 a-1] Last soil-C block-mean trend (accelerated: over the two halves of the last cycle).</param>
/// <param name="TotalCTrend">[kgC m-2 a-1] The same statistic on total C ("residual trend").</param>
/// <param name="Trajectory">Per-year trajectory.</param>
public sealed record SpinupResult(CellState State, int Years, bool Steady, double SoilCTrend, double TotalCTrend, IReadOnlyList<SpinupYear> Trajectory);

/// <summary>
/// BIOME-BGC 4.2's spin-up (science notes §1.6) and an accelerated alternative.
/// </summary>
public static partial class Spinup
{
    /// <summary>[a] Block length: the largest multiple of the met record not above 100 years (records of 50+ years: the record).</summary>
    public static int BlockLength(int metYears) => metYears < 50 ? metYears * (100 / metYears) : metYears;

    /// <summary>
    /// Standard spin-up from near-bare ground: met-cycle blocks in triplets; in block 0, while
    /// rising and not yet steady, N shortfalls are supplemented with a fraction falling 1 → 0 across
    /// the block; blocks 1 and 2 record mean daily soil C; steady when |trend| &lt; tolerance, first
    /// (steady1, then supplement off) and again (steady2). A trend above the tolerance after
    /// steady1 sends the run back to the supplemented stage. Stops at steady2 or at MaxYears.
    /// </summary>
    public static SpinupResult Run(CellModel model, SpinupOptions? options = null, CellState? start = null)
    {
        var o = options ?? new SpinupOptions();
        double ndep = o.NDeposition ?? model.Site.NDeposition;
        var s = start?.Clone() ?? model.BareGround(o.FirstYearMaxLeafC, o.FirstYearMaxStemC, o.SoilWaterFraction);
        int nblock = BlockLength(model.MetYears);
        var traj = new List<SpinupYear>();
        int years = 0, metCycle = 0;
        bool steady1 = false, steady2 = false, rising = true;
        double t1 = 0, tally1 = 0, tally1b = 0, tally2 = 0, tally2b = 0;
        do
        {
            if (metCycle == 0) { tally1 = tally1b = tally2 = tally2b = 0; }
            for (int y = 0; y < nblock; y++)
            {
                double nadd = (!steady1 && rising && metCycle == 0) ? 1.0 - (double)y / nblock : 0.0;
                var a = model.RunYear(s, new YearForcing(o.Co2Ppm, ndep, nadd));
                years++;
                traj.Add(new SpinupYear(years, a.MaxLai, a.LeafC, a.VegetationC, a.LitterC, a.SoilC, a.TotalC, a.MineralN));
                if (metCycle == 1) { tally1 += a.SumDailySoilC; tally1b += a.SumDailyTotalC; }
                if (metCycle == 2) { tally2 += a.SumDailySoilC; tally2b += a.SumDailyTotalC; }
            }
            if (metCycle == 2)
            {
                double n = nblock * 365.0;
                double m1 = tally1 / n, m2 = tally2 / n;
                t1 = (m2 - m1) / nblock;
                if (!steady1)
                {
                    rising = m2 > m1;
                    steady1 = Math.Abs(t1) < o.Tolerance;
                }
                else
                {
                    steady2 = Math.Abs(t1) < o.Tolerance;
                    if (t1 > o.Tolerance) { steady1 = false; rising = true; }
                }
                metCycle = 0;
            }
            else metCycle++;
        } while (!(steady1 && steady2) && (years < o.MaxYears || metCycle != 0));
        double totalTrend = (tally2b - tally1b) / (nblock * 365.0) / nblock;
        return new SpinupResult(s, years, steady1 && steady2, t1, totalTrend, traj);
    }
}
