using CarbonSim.Model.Io.BiomeBgc;

namespace CarbonSim.Model.Tests.Io;

public class IniReaderTests
{
    private static string AnchorIni(string name) => Path.Combine(TestData.BgcInputs, "ini_anchor_runs", name);

    [Fact]
    public void ReadsEveryBlockOfTheEnfAnchorIni()
    {
        var ini = IniReader.Read(AnchorIni("enf.ini"));
        Assert.Equal("Biome-BGC v4.2 anchor run: enf (normal), Missoula site", ini.Header);
        Assert.Equal(new IniMetInput("metdata/miss5093.mtc41", 4), ini.Met);
        Assert.Equal(new IniRestart(true, false, true, "restart/enf.endpoint", "restart/enf.endpoint"), ini.Restart);
        Assert.Equal(new IniTime(44, 44, 1950, false, 6000), ini.Time);
        Assert.True(ini.ClimateChange.IsIdentity);
        Assert.Equal(Co2Mode.Constant, ini.Co2.Mode);
        Assert.Equal(294.842, ini.Co2.ConstantPpm);
        Assert.Equal(1.0, ini.Site.SoilDepth);
        Assert.Equal((30.0, 50.0, 20.0), (ini.Site.SandPercent, ini.Site.SiltPercent, ini.Site.ClayPercent));
        Assert.Equal(977.0, ini.Site.Elevation);
        Assert.Equal(46.8, ini.Site.Latitude);
        Assert.Equal(0.2, ini.Site.Albedo);
        Assert.Equal(0.0001, ini.Site.NDeposition);
        Assert.Equal(0.0004, ini.Site.NFixation);
        Assert.Equal(new IniRampNdep(false, 2099, 0.0001), ini.RampNdep);
        Assert.Equal("epc/enf.epc", ini.EpcFile);
        Assert.Equal(new IniWaterState(0.0, 0.5), ini.WaterState);
        Assert.Equal(0.001, ini.CarbonState.MaxLeafC);
        Assert.Equal(0.0, ini.CarbonState.Soil4C);
        Assert.Equal(new IniNitrogenState(0, 0), ini.NitrogenState);
        Assert.Equal("outputs/enf", ini.Output.Prefix);
        Assert.True(ini.Output.Daily);
        Assert.False(ini.Output.MonthlyAverage);
        Assert.True(ini.Output.Annual);
        Assert.Equal(30, ini.Output.DailyCodes.Count);
        Assert.Equal(623, ini.Output.DailyCodes[3]);
        Assert.Equal(14, ini.Output.AnnualCodes.Count);
        Assert.Equal(635, ini.Output.AnnualCodes[13]);
    }

    [Fact]
    public void SpinupFlagAndCo2FileModesAreRead()
    {
        Assert.True(IniReader.Read(AnchorIni("enf_spinup.ini")).Time.Spinup);
        var tr = IniReader.Read(AnchorIni("enf_co2transient.ini"));
        Assert.Equal(Co2Mode.AnnualFile, tr.Co2.Mode);
        Assert.Equal("co2/co2.txt", tr.Co2.File);
        var warm = IniReader.Read(AnchorIni("enf_warm2.ini"));
        Assert.Equal(2.0, warm.ClimateChange.TmaxOffset);
        Assert.Equal(2.0, warm.ClimateChange.TminOffset);
        Assert.False(warm.ClimateChange.IsIdentity);
    }

    public static IEnumerable<object[]> AllShippedInis() =>
        Directory.GetFiles(Path.Combine(TestData.BgcInputs, "ini_anchor_runs"), "*.ini")
            .Concat(Directory.GetFiles(Path.Combine(TestData.BgcInputs, "ini_shipped"), "*.ini"))
            .Select(f => new object[] { Path.GetRelativePath(TestData.BgcInputs, f) });

    [Theory]
    [MemberData(nameof(AllShippedInis))]
    public void EveryShippedIniParses(string relative)
    {
        var ini = IniReader.Read(Path.Combine(TestData.BgcInputs, relative));
        Assert.False(string.IsNullOrWhiteSpace(ini.EpcFile));
        Assert.InRange(ini.Site.SandPercent + ini.Site.SiltPercent + ini.Site.ClayPercent, 99.9, 100.1);
        Assert.True(ini.Time.MetYears >= 1);
    }

    [Fact]
    public void CrlfFilesWithTrailingSpacesParse()
    {
        // oth.ini is CRLF with trailing blanks; template.ini has an absolute epc path and first year 0.
        var oth = IniReader.Read(Path.Combine(TestData.BgcInputs, "ini_shipped", "oth.ini"));
        Assert.Equal("metdata/oth.mtc43", oth.Met.File);
        Assert.Equal(71, oth.Time.MetYears);
        Assert.Equal(305.206, oth.Co2.ConstantPpm);
        Assert.Equal(23, oth.Output.DailyCodes.Count);
        var template = IniReader.Read(Path.Combine(TestData.BgcInputs, "ini_shipped", "template.ini"));
        Assert.Equal("/ntsg/peter/vemap/epc/enf.epc", template.EpcFile);
        Assert.Equal(2.0, template.ClimateChange.PrcpMultiplier);
        Assert.Equal(0, template.Time.FirstYear);
    }

    [Fact]
    public void ResolvePathIsRelativeToTheGivenFolderAndKeepsAbsolutePaths()
    {
        Assert.Equal(Path.GetFullPath("/base/epc/enf.epc"), BgcIni.ResolvePath("epc/enf.epc", "/base"));
        Assert.Equal("/abs/x.epc", BgcIni.ResolvePath("/abs/x.epc", "/base"));
    }
}
