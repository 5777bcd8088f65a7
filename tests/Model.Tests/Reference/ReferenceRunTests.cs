using CarbonSim.Model.Kernel;

namespace CarbonSim.Model.Tests.Reference;

/// <summary>
/// The kernel against BIOME-BGC 4.2's own runs (data/reference/biomebgc): spin-up from bare ground
/// with the original's steady-state rule, then 1950–1993 from the spin-up end state, compared with
/// the per-variable tolerances in tolerances.csv.
/// </summary>
public sealed class ReferenceRunTests(ReferenceFixture fx) : IClassFixture<ReferenceFixture>
{
    public static TheoryData<string> Runs => new() { "enf", "dbf", "c3grass", "enf_co2x2", "enf_warm2", "enf_ndepfile" };

    private sealed class DailyRecorder : IDailyObserver
    {
        public readonly List<double> Lai = new(), Gpp = new();
        public void OnDay(in DailyOutput d) { Lai.Add(d.ProjectedLai); Gpp.Add(d.Gpp * 1000.0); }
    }

    /// <summary>Runs 1950–1993 for <paramref name="run"/> as its ini specifies; returns annual rows and daily LAI/GPP.</summary>
    private (List<AnnualSummary> Years, DailyRecorder Daily) RunNormal(string run)
    {
        string epc = run.StartsWith("enf", StringComparison.Ordinal) ? "enf" : run;
        var offsets = run == "enf_warm2" ? new ClimateOffsets(TmaxOffset: 2.0, TminOffset: 2.0) : null;
        var model = fx.Model(epc, offsets);
        var state = fx.Spinup(epc).State.Clone();
        var ndepFile = run == "enf_ndepfile" ? ReferenceData.ReadYearValues(Path.Combine(ReferenceData.Root, "inputs", "co2", "ndep.txt")) : null;
        double co2 = run == "enf_co2x2" ? 589.684 : ReferenceData.Co2;
        var daily = new DailyRecorder();
        var years = new List<AnnualSummary>();
        for (int y = 0; y < 44; y++)
        {
            double ndep = ndepFile?[1950 + y] ?? ReferenceData.MissoulaSite.NDeposition;
            years.Add(model.RunYear(state, new YearForcing(co2, ndep), daily));
        }
        return (years, daily);
    }

    private static double Ours(AnnualSummary a, string column) => column switch
    {
        "gpp_gC_m2_yr" => a.Gpp * 1000, "npp_gC_m2_yr" => a.Npp * 1000, "nep_gC_m2_yr" => a.Nep * 1000,
        "hr_gC_m2_yr" => a.Hr * 1000, "et_mm_yr" => a.Et, "vegc_end_gC_m2" => a.VegetationC * 1000,
        "litterc_incl_cwd_end_gC_m2" => a.LitterC * 1000, "soilc_end_gC_m2" => a.SoilC * 1000,
        "totalc_end_gC_m2" => a.TotalC * 1000, _ => throw new ArgumentException(column),
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public void AnnualMeansAndCorrelationsMatchReference(string run)
    {
        var (years, _) = RunNormal(run);
        var expected = ReferenceData.ReadCsv(ReferenceData.Expected(run + "_annual.csv"));
        int compared = 0;
        var failures = new List<string>();
        foreach (var t in ReferenceData.Tolerances())
        {
            if (t.Kind is not ("mean_rel" or "annual_corr")) continue;
            var reference = expected[t.Column];
            Assert.Equal(44, reference.Length);
            var ours = years.Select(a => Ours(a, t.Column)).ToArray();
            if (t.Kind == "mean_rel")
            {
                double rel = Math.Abs(ours.Average() - reference.Average()) / Math.Abs(reference.Average());
                if (!(rel <= t.Value)) failures.Add($"{t.Variable}: ours {ours.Average():F2} ref {reference.Average():F2} ({rel:P2} > {t.Value:P0})");
            }
            else
            {
                double r = ReferenceData.Pearson(ours, reference);
                if (!(r >= t.Value)) failures.Add($"{t.Variable}: r = {r:F4} < {t.Value}");
            }
            compared += reference.Length;
        }
        Assert.True(compared > 0, "no rows compared");
        Assert.True(failures.Count == 0, run + ": " + string.Join("; ", failures));
    }

    [Theory]
    [InlineData("enf")]
    [InlineData("dbf")]
    [InlineData("c3grass")]
    public void DailyLaiAndGppCorrelateWithReference(string run)
    {
        var (_, daily) = RunNormal(run);
        var expected = ReferenceData.ReadCsv(ReferenceData.Expected(run + "_daily.csv"));
        int compared = 0;
        foreach (var t in ReferenceData.Tolerances().Where(t => t.Kind == "daily_corr"))
        {
            var reference = expected[t.Column];
            var ours = t.Variable == "lai" ? daily.Lai : daily.Gpp;
            Assert.Equal(reference.Length, ours.Count);
            double r = ReferenceData.Pearson(ours, reference);
            Assert.True(r >= t.Value, $"{run} daily {t.Variable}: r = {r:F4} < {t.Value}");
            compared += reference.Length;
        }
        Assert.True(compared > 0, "no rows compared");
    }

    [Theory]
    [InlineData("enf", 2112)]
    [InlineData("dbf", 2112)]
    [InlineData("c3grass", 1056)]
    public void SpinupLengthMatchesReference(string run, int referenceYears)
    {
        var tol = ReferenceData.Tolerances().Single(t => t.Kind == "spinup_years").Value;
        var sp = fx.Spinup(run);
        var trajectory = ReferenceData.ReadCsv(ReferenceData.Expected(run + "_spinup_annual.csv"));
        Assert.Equal(referenceYears, trajectory["spinup_year"].Length);
        Assert.True(Math.Abs(sp.Years - referenceYears) <= tol, $"{run}: {sp.Years} spin-up years vs {referenceYears}");
        Assert.True(sp.Steady);
        // the trajectory itself: end-of-year total C over the common years within 3 %
        int n = Math.Min(sp.Trajectory.Count, trajectory["spinup_year"].Length);
        Assert.True(n > 0);
        double ours = sp.Trajectory.Take(n).Average(y => y.TotalC * 1000), reference = trajectory["totalc_end_gC_m2"].Take(n).Average();
        Assert.InRange(ours / reference, 0.97, 1.03);
    }
}
