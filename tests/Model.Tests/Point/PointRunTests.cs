using CarbonSim.Model.Climate;
using CarbonSim.Model.Io.BiomeBgc;
using CarbonSim.Model.Io.Restart;
using CarbonSim.Model.Parameters;
using CarbonSim.Model.Point;
using CarbonSim.Model.Tests.Io;

namespace CarbonSim.Model.Tests.Point;

public class PointRunTests
{
    private static BgcIni EnfIni(bool spinup = false) =>
        IniReader.Read(Path.Combine(TestData.BgcInputs, "ini_anchor_runs", spinup ? "enf_spinup.ini" : "enf.ini"));

    /// <summary>Synthetic met: every day of met year k has srad = 100·(k+1), prcp = k+1 mm, Tmax 10, Tmin 0.</summary>
    private static MetSeries Met(int years)
    {
        int n = years * 365;
        var srad = new double[n]; var prcp = new double[n];
        for (int d = 0; d < n; d++) { srad[d] = 100 * (d / 365 + 1); prcp[d] = d / 365 + 1; }
        return new MetSeries(Enumerable.Range(2000, years).ToArray(), Enumerable.Repeat(10.0, n).ToArray(),
            new double[n], prcp, Enumerable.Repeat(500.0, n).ToArray(), srad, Enumerable.Repeat(43200.0, n).ToArray());
    }

    private static PointInputs Inputs(BgcIni ini, int metYears = 3) => new()
    {
        Ini = ini with { Time = ini.Time with { MetYears = metYears }, Restart = ini.Restart with { Read = false } },
        Epc = new EcophysParameters(),
        Met = Met(metYears),
    };

    [Fact]
    public void NormalRunGivesOneRowPerYearAndCyclesTheMetRecord()
    {
        var ini = EnfIni();
        var inputs = Inputs(ini with { Time = ini.Time with { SimYears = 7 } });
        var r = PointRun.Execute(inputs, new PointRunOptions(), new FakePointKernel());
        Assert.Null(r.Spinup);
        Assert.Equal(Enumerable.Range(1950, 7), r.AnnualRows.Select(a => a.Year));
        Assert.Equal(7 * 365, r.DailyRows.Count);
        // prcp of met year k is (k+1) mm/day: years cycle 0,1,2,0,1,2,0
        Assert.Equal(new[] { 365.0, 730, 1095, 365, 730, 1095, 365 }, r.AnnualRows.Select(a => Math.Round(a.Prcp, 6)));
        Assert.Equal(1, r.FinalMetYear); // 7 years from met year 0 over a 3-year record
        Assert.Equal(1950, r.DailyRows[0].Year);
        Assert.Equal(365, r.DailyRows[364].YearDay);
        Assert.Equal(1956, r.DailyRows[^1].Year);
    }

    [Fact]
    public void AnnualRowsConvertToGramsAndAggregateLikeTheReference()
    {
        var ini = EnfIni();
        var inputs = Inputs(ini with { Time = ini.Time with { SimYears = 1 } });
        var days = new List<PointDay>();
        var m = new FakePointKernel().Prepare(inputs);
        m.RunYear(m.InitialState(), 0, PointForcing.ForYear(inputs, 1950), (_, d) => days.Add(d));
        var row = PointRun.Execute(inputs, new PointRunOptions(), new FakePointKernel()).AnnualRows.Single();
        Assert.Equal(days.Sum(d => d.Gpp) * 1000, row.Gpp, 9);
        Assert.Equal(days.Sum(d => d.NeeUptakePositive) * 1000, row.NeeUptakePositive, 9);
        Assert.Equal(days.Sum(d => d.Et), row.Et, 9);
        Assert.Equal(days.Average(d => d.Tavg), row.TavgMean, 9);
        Assert.Equal(days.Max(d => d.ProjLai), row.LaiMax, 12);
        Assert.Equal(days.Max(d => d.LeafC) * 1000, row.LeafCMax, 9);
        Assert.Equal(days[^1].SoilC * 1000, row.SoilCEnd, 9);
        Assert.Equal(days[^1].SoilMineralN * 1000, row.SoilMineralNEnd, 9);
        Assert.Equal(days.Average(d => d.SoilWater), row.SoilWaterMean, 9);
        Assert.Equal(294.842, row.Co2Mean, 9);
    }

    [Fact]
    public void DailyOutputOffGivesNoDailyRows()
    {
        var ini = EnfIni();
        var inputs = Inputs(ini with { Time = ini.Time with { SimYears = 2 }, Output = ini.Output with { Daily = false } });
        Assert.Empty(PointRun.Execute(inputs, new PointRunOptions(), new FakePointKernel()).DailyRows);
    }

    [Fact]
    public void SpinupProducesOneRowPerSpinupYearAndNoAnnualRows()
    {
        var inputs = Inputs(EnfIni(spinup: true));
        var r = PointRun.Execute(inputs, new PointRunOptions(), new FakePointKernel { SpinupYears = 5 });
        Assert.Equal(5, r.Spinup!.Years);
        Assert.Equal(Enumerable.Range(1, 5), r.SpinupRows.Select(s => s.SpinupYear));
        Assert.Empty(r.AnnualRows);
        Assert.False(r.NormalRun);
        Assert.Equal(2, r.FinalMetYear); // 5 years over a 3-year record
        Assert.Equal(r.FinalState[0] * 1000, r.SpinupRows[^1].SoilCEnd, 9);
    }

    [Fact]
    public void ModeOverridesAndSpinAndGo()
    {
        var spinIni = EnfIni(spinup: true);
        var forcedNormal = PointRun.Execute(Inputs(spinIni), new PointRunOptions(PointMode.Normal), new FakePointKernel());
        Assert.Null(forcedNormal.Spinup);
        Assert.Equal(44, forcedNormal.AnnualRows.Count);

        var forcedSpin = PointRun.Execute(Inputs(EnfIni()), new PointRunOptions(PointMode.Spinup), new FakePointKernel());
        Assert.NotNull(forcedSpin.Spinup);
        Assert.Empty(forcedSpin.AnnualRows);

        var go = PointRun.Execute(Inputs(EnfIni()), new PointRunOptions(PointMode.SpinAndGo), new FakePointKernel { SpinupYears = 2 });
        Assert.Equal(2, go.SpinupRows.Count);
        Assert.Equal(44, go.AnnualRows.Count);
        // 3-year record; spin-up ends at met year 2 and KeepMetYear=1 in enf.ini, so the run starts with met year 2 (prcp 3 mm/d).
        Assert.Equal(1095, go.AnnualRows[0].Prcp, 6);
    }

    [Fact]
    public void RestartStateAndMetYearAreUsedWhenTheIniSaysSo()
    {
        var ini = EnfIni();
        var baseInputs = Inputs(ini with { Time = ini.Time with { SimYears = 1 } });
        var restart = new RestartData(1, "x", 2, [5.0, 0.1, 0.01, 0]);
        var keep = PointRun.Execute(baseInputs with { RestartIn = restart }, new PointRunOptions(), new FakePointKernel());
        Assert.Equal(1095, keep.AnnualRows[0].Prcp, 6);      // met year 2 kept
        Assert.True(keep.AnnualRows[0].SoilCEnd > 4900);       // started from 5 kgC m-2
        var reset = baseInputs with { Ini = baseInputs.Ini with { Restart = baseInputs.Ini.Restart with { KeepMetYear = false } }, RestartIn = restart };
        Assert.Equal(365, PointRun.Execute(reset, new PointRunOptions(), new FakePointKernel()).AnnualRows[0].Prcp, 6);
        Assert.Equal(5.0, restart.State[0]); // the driver does not modify the restart it was given
    }
}
