using CarbonSim.Model.Climate;
using CarbonSim.Model.Io.BiomeBgc;
using CarbonSim.Model.Parameters;
using CarbonSim.Model.Point;
using CarbonSim.Model.Tests.Io;

namespace CarbonSim.Model.Tests.Point;

public class PointForcingTests
{
    private static readonly BgcIni Enf = IniReader.Read(Path.Combine(TestData.BgcInputs, "ini_anchor_runs", "enf.ini"));
    private static readonly AnnualSeries Co2 = Co2FileReader.Parse(new StringReader("1950 300\n1951 310\n1952 320\n1953 330\n"), "co2.txt");

    private static PointInputs Inputs(BgcIni ini, AnnualSeries? co2 = null, AnnualSeries? ndep = null) => new()
    {
        Ini = ini, Epc = new EcophysParameters(), Co2File = co2, NdepFile = ndep,
        Met = new MetSeries([2000], new double[365], new double[365], new double[365], new double[365], new double[365], new double[365]),
    };

    [Fact]
    public void Mode0IsConstantCo2AndSiteNdepAndIgnoresTheRamp()
    {
        var ini = Enf with { RampNdep = Enf.RampNdep with { Enabled = true } };
        var f = PointForcing.ForYear(Inputs(ini, Co2), 1952);
        Assert.Equal(new YearInputs(1952, 294.842, 0.0001, 0.0004), f);
    }

    [Fact]
    public void Mode1ReadsCo2ByCalendarYear()
    {
        var ini = Enf with { Co2 = Enf.Co2 with { Mode = Co2Mode.AnnualFile } };
        Assert.Equal(320, PointForcing.ForYear(Inputs(ini, Co2), 1952).Co2Ppm);
        Assert.Throws<InvalidInputException>(() => PointForcing.ForYear(Inputs(ini, Co2), 1954));
    }

    [Fact]
    public void Mode2KeepsCo2ConstantAndRampsNdepWithTheCo2Curve()
    {
        // pre = 0.0001, industrial = 0.0031 at 1953 (CO2 330); first year 1950 (CO2 300).
        var ini = Enf with
        {
            Co2 = Enf.Co2 with { Mode = Co2Mode.ConstantWithFileForNdep },
            RampNdep = new IniRampNdep(true, 1953, 0.0031),
        };
        var f = PointForcing.ForYear(Inputs(ini, Co2), 1951);
        Assert.Equal(294.842, f.Co2Ppm);
        Assert.Equal(0.0001 + (310 - 300) * (0.0031 - 0.0001) / (330 - 300), f.NDeposition, 15); // 0.0011
        Assert.Equal(0.0001, PointForcing.ForYear(Inputs(ini, Co2), 1950).NDeposition, 15);
        Assert.Equal(0.0031, PointForcing.ForYear(Inputs(ini, Co2), 1953).NDeposition, 15);
    }

    [Fact]
    public void NdepFileOverridesEverythingAndSpinupIsAlwaysConstant()
    {
        var ndep = NdepFileReader.Parse(new StringReader("1950 0.002\n1951 0.003\n"), "n.txt");
        var ini = Enf with { Co2 = Enf.Co2 with { Mode = Co2Mode.AnnualFile }, RampNdep = new IniRampNdep(true, 1953, 0.0031) };
        var f = PointForcing.ForYear(Inputs(ini, Co2, ndep), 1951);
        Assert.Equal(0.003, f.NDeposition);
        Assert.Equal(310, f.Co2Ppm);
        Assert.Equal(new YearInputs(1950, 294.842, 0.0001, 0.0004), PointForcing.Spinup(ini));
    }

    [Fact]
    public void RampWithFlatCo2IsRejectedUpFront()
    {
        var flat = Co2FileReader.Parse(new StringReader("1950 300\n1951 300\n"), "flat.txt");
        var ini = Enf with { Time = Enf.Time with { SimYears = 2 }, RampNdep = new IniRampNdep(true, 1951, 0.001) };
        var e = Assert.Throws<InvalidInputException>(() => PointForcing.CheckRamp(ini, flat));
        Assert.Contains("RAMP_NDEP reference year", e.Message);
        Assert.Contains("'1951'", e.Message);
    }

    [Fact]
    public void ClimateChangeShiftsAndScalesTheWholeRecord()
    {
        int n = 365;
        var met = new MetSeries([1950], Enumerable.Repeat(10.0, n).ToArray(), Enumerable.Repeat(-2.0, n).ToArray(),
            Enumerable.Repeat(3.0, n).ToArray(), Enumerable.Repeat(400.0, n).ToArray(), Enumerable.Repeat(200.0, n).ToArray(),
            Enumerable.Repeat(40000.0, n).ToArray());
        var m = MetAdjust.ApplyClimateChange(met, new IniClimateChange(2, 1.5, 2, 0.5, 1.1));
        Assert.All(m.Tmax, v => Assert.Equal(12.0, v));
        Assert.All(m.Tmin, v => Assert.Equal(-0.5, v));
        Assert.All(m.Prcp, v => Assert.Equal(6.0, v));
        Assert.All(m.Vpd, v => Assert.Equal(200.0, v));
        Assert.All(m.Srad, v => Assert.Equal(220.0, v, 12));
        Assert.All(m.DayLength, v => Assert.Equal(40000.0, v));
        Assert.Equal(10.0, met.Tmax[0]); // input untouched
        Assert.Same(met, MetAdjust.ApplyClimateChange(met, new IniClimateChange(0, 0, 1, 1, 1)));
    }

    [Fact]
    public void TakeYearsTrimsLongRecordsAndRejectsShortOnes()
    {
        var met = new MetSeries([1, 2], new double[730], new double[730], new double[730], new double[730], new double[730], new double[730]);
        Assert.Equal(1, MetAdjust.TakeYears(met, 1, "m.mtc", "a.ini").YearCount);
        var e = Assert.Throws<InvalidInputException>(() => MetAdjust.TakeYears(met, 44, "m.mtc", "a.ini"));
        Assert.Contains("m.mtc: line 731", e.Message);
        Assert.Contains("2 years (730 days)", e.Message);
        Assert.Contains("at least 44 years of 365 days", e.Message);
        Assert.Contains("a.ini", e.Message);
    }
}
