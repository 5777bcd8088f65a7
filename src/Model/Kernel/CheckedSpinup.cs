namespace CarbonSim.Model.Kernel;

/// <summary>Settings of the recovery check after an accelerated spin-up (<see cref="Spinup.Recover"/>).</summary>
/// <param name="MinBlocks">[-] Recovery blocks run at least (two give the first trend).</param>
/// <param name="MaxBlocks">[-] Recovery blocks run at most before the accelerated spin-up counts as failed.</param>
public sealed record RecoveryOptions(int MinBlocks = 2, int MaxBlocks = 6)
{
    /// <summary>The settings used by the regional engine.</summary>
    public static RecoveryOptions Default { get; } = new();
}

/// <summary>Outcome of the recovery blocks after an accelerated spin-up.</summary>
/// <param name="State">State at the end of the last recovery block.</param>
/// <param name="Years">[a] Recovery years simulated.</param>
/// <param name="Steady">|<paramref name="SoilCTrend"/>| &lt; the tolerance.</param>
/// <param name="SoilCTrend">[kgC m-2 a-1] (mean daily soil C of the last block − that of the block before) / block length; NaN if fewer than two blocks fitted.</param>
/// <param name="TotalCTrend">[kgC m-2 a-1] The same statistic on total C.</param>
public sealed record RecoveryResult(CellState State, int Years, bool Steady, double SoilCTrend, double TotalCTrend);

/// <summary>A spin-up with its steady-state check and, for the accelerated method, its fallback.</summary>
/// <param name="State">End state (ready for a normal run).</param>
/// <param name="Years">[a] All years simulated for this key (accelerated + recovery + standard fallback).</param>
/// <param name="Converged">The steady-state rule was met by the state returned.</param>
/// <param name="Method">How <paramref name="State"/> was reached.</param>
/// <param name="SoilCTrend">[kgC m-2 a-1] Remaining soil-C drift of the state returned: the rule's block statistic (<see cref="Spinup.Run"/> or <see cref="Spinup.Recover"/>).</param>
/// <param name="TotalCTrend">[kgC m-2 a-1] The same statistic on total C.</param>
/// <param name="AcceleratedYears">[a] Years of the accelerated attempt incl. its recovery blocks (0 for the standard method).</param>
/// <param name="AcceleratedSoilCTrend">[kgC m-2 a-1] Soil-C drift the accelerated attempt ended with (NaN for the standard method).</param>
public sealed record CheckedSpinupResult(CellState State, int Years, bool Converged, SpinupMethod Method, double SoilCTrend, double TotalCTrend,
    int AcceleratedYears, double AcceleratedSoilCTrend);

public static partial class Spinup
{
    /// <summary>
    /// The regional engine's spin-up: every key ends either at the steady-state rule or flagged.
    /// Standard (<paramref name="accelerated"/> false): <see cref="Run"/> from bare ground.
    /// Accelerated: <see cref="RunAccelerated"/>, then <see cref="Recover"/> — unassisted blocks of
    /// the standard rule's length (no N supplement, no analytic jumps) until the block-mean soil-C
    /// trend is below the tolerance; the state returned is the end of those blocks, a simulated state.
    /// If that fails (trend still above the tolerance after <see cref="RecoveryOptions.MaxBlocks"/>, or
    /// <see cref="SpinupOptions.MaxYears"/> reached), the standard rule is run from bare ground with
    /// its own <see cref="SpinupOptions.MaxYears"/> (<see cref="SpinupMethod.AcceleratedThenStandard"/>).
    /// Point mode does not use this routine (it calls <see cref="Run"/> or <see cref="RunAccelerated"/>).
    /// </summary>
    public static CheckedSpinupResult RunChecked(CellModel model, SpinupOptions options, bool accelerated, RecoveryOptions? recovery = null)
    {
        if (!accelerated)
        {
            var std = Run(model, options);
            return new CheckedSpinupResult(std.State, std.Years, std.Steady, SpinupMethod.Standard, std.SoilCTrend, std.TotalCTrend, 0, double.NaN);
        }
        var acc = RunAccelerated(model, options);
        var rec = Recover(model, options, acc.State, acc.Years, recovery);
        int accYears = acc.Years + rec.Years;
        if (rec.Steady)
            return new CheckedSpinupResult(rec.State, accYears, true, SpinupMethod.Accelerated, rec.SoilCTrend, rec.TotalCTrend, accYears, rec.SoilCTrend);
        var fallback = Run(model, options);
        return new CheckedSpinupResult(fallback.State, accYears + fallback.Years, fallback.Steady, SpinupMethod.AcceleratedThenStandard,
            fallback.SoilCTrend, fallback.TotalCTrend, accYears, double.IsNaN(rec.SoilCTrend) ? acc.SoilCTrend : rec.SoilCTrend);
    }

    /// <summary>
    /// Recovery blocks after an accelerated spin-up: blocks of <see cref="BlockLength"/> years run
    /// from <paramref name="start"/> with the spin-up forcing and no intervention; after each block
    /// from the second on, the standard rule's statistic (mean daily soil C of the block − that of
    /// the block before) / block length is compared with <see cref="SpinupOptions.Tolerance"/>. Stops
    /// when it is below (from <see cref="RecoveryOptions.MinBlocks"/> blocks on), after
    /// <see cref="RecoveryOptions.MaxBlocks"/> blocks, or when the next block would take the total
    /// past <see cref="SpinupOptions.MaxYears"/> (<paramref name="yearsUsed"/> already spent).
    /// </summary>
    public static RecoveryResult Recover(CellModel model, SpinupOptions options, CellState start, int yearsUsed, RecoveryOptions? recovery = null)
    {
        var r = recovery ?? RecoveryOptions.Default;
        double ndep = options.NDeposition ?? model.Site.NDeposition;
        var s = start.Clone();
        int block = BlockLength(model.MetYears), years = 0;
        double prevSoil = double.NaN, prevTotal = double.NaN, soilTrend = double.NaN, totalTrend = double.NaN;
        bool steady = false;
        int k = 0;
        for (; k < r.MaxBlocks && yearsUsed + years + block <= options.MaxYears; k++)
        {
            double soil = 0, total = 0;
            for (int y = 0; y < block; y++)
            {
                var a = model.RunYear(s, new YearForcing(options.Co2Ppm, ndep));
                soil += a.SumDailySoilC; total += a.SumDailyTotalC;
            }
            years += block;
            double days = block * 365.0, mSoil = soil / days, mTotal = total / days;
            if (k > 0)
            {
                soilTrend = (mSoil - prevSoil) / block;
                totalTrend = (mTotal - prevTotal) / block;
                steady = Math.Abs(soilTrend) < options.Tolerance;
                if (steady && k + 1 >= r.MinBlocks) { k++; break; }
            }
            prevSoil = mSoil; prevTotal = mTotal;
        }
        steady = steady && k >= r.MinBlocks; // k = blocks run
        return new RecoveryResult(s, years, steady, soilTrend, totalTrend);
    }
}
