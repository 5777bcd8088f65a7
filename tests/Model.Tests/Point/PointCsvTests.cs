using CarbonSim.Model.Point;
using CarbonSim.Model.Tests.Io;

namespace CarbonSim.Model.Tests.Point;

public class PointCsvTests
{
    private static string RefHeader(string file) => File.ReadLines(Path.Combine(TestData.BgcExpected, file)).First();

    [Fact]
    public void HeadersEqualTheReferenceFiles()
    {
        Assert.Equal(PointCsv.AnnualHeader, RefHeader("enf_annual.csv"));
        Assert.Equal(PointCsv.DailyHeader, RefHeader("enf_daily.csv"));
        Assert.Equal(PointCsv.SpinupHeader, RefHeader("enf_spinup_annual.csv"));
        // every reference run shares these headers
        foreach (var f in Directory.GetFiles(TestData.BgcExpected, "*_annual.csv").Where(f => !f.Contains("spinup")))
            Assert.Equal(PointCsv.AnnualHeader, File.ReadLines(f).First());
    }

    [Fact]
    public void NumberFormatsMatchTheReferenceDecimals()
    {
        // Re-format the reference's own first rows through our writers: they must come out identical.
        var refAnnual = File.ReadLines(Path.Combine(TestData.BgcExpected, "enf_annual.csv")).Skip(1).First();
        var v = refAnnual.Split(',').Select(s => double.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var row = new AnnualRow
        {
            Year = (int)v[0], Gpp = v[1], Npp = v[2], Nep = v[3], NeeUptakePositive = v[4], Mr = v[5], Gr = v[6], Hr = v[7], Fire = v[8],
            Et = v[9], Evap = v[10], Trans = v[11], Outflow = v[12], Prcp = v[13], TavgMean = v[14], Co2Mean = v[15], LaiMax = v[16],
            LeafCMax = v[17], LeafCEnd = v[18], FrootCEnd = v[19], VegCEnd = v[20], LitterCInclCwdEnd = v[21], CwdCEnd = v[22],
            SoilCEnd = v[23], TotalCEnd = v[24], SoilMineralNEnd = v[25], SoilWaterMean = v[26], VwcMean = v[27],
        };
        var w = new StringWriter();
        PointCsv.WriteAnnual([row], w);
        Assert.Equal(refAnnual, w.ToString().Split('\n')[1]);

        var refDaily = File.ReadLines(Path.Combine(TestData.BgcExpected, "enf_daily.csv")).Skip(2).First();
        var d = refDaily.Split(',').Select(s => double.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var dw = new StringWriter();
        PointCsv.WriteDaily([new DailyRow((int)d[0], (int)d[1], d[2], d[3], d[4], d[5], d[6], d[7], d[8], d[9], d[10])], dw);
        Assert.Equal(refDaily, dw.ToString().Split('\n')[1]);

        var refSpin = File.ReadLines(Path.Combine(TestData.BgcExpected, "enf_spinup_annual.csv")).Skip(1).First();
        var s = refSpin.Split(',').Select(x => double.Parse(x, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var sw = new StringWriter();
        PointCsv.WriteSpinup([new SpinupRow((int)s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7])], sw);
        Assert.Equal(refSpin, sw.ToString().Split('\n')[1]);
    }
}
