using CarbonSim.Model.Scenarios;
using Xunit.Abstractions;

namespace CarbonSim.Model.Tests.Scenario;

/// <summary>The crop-calendar CSV and the scenario's management key: good files load, bad rows are rejected with file, line, value and expectation.</summary>
public class CropCalendarReaderTests(ITestOutputHelper output)
{
    static string Csv => Path.Combine(TestRepo.Root, "data", "management", "crop_calendar.csv");
    const string Header = "rotation,crop,epc,sow_doy,harvest_doy,harvest_index,residue_return,seed_kg_c_ha,fertiliser_kg_n_ha,fertiliser_release_days,irrigation_mm,irrigation_trigger,grain_moisture";

    static string Write(params string[] rows)
    {
        var dir = Path.Combine(Path.GetTempPath(), "carbonsim-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var epcDir = Path.Combine(TestRepo.Root, "data", "vegetation");
        var path = Path.Combine(dir, "calendar.csv");
        File.WriteAllText(path, string.Join("\n", [Header, .. rows.Select(r => r.Replace("EPC/", epcDir + "/"))]) + "\n");
        return path;
    }

    const string Wheat = "wm,winter_wheat,EPC/winter_wheat.epc,281,159,0.45,0.9,88,281:120;95:120,30,329:75;95:75,0.8,0.13";
    const string Maize = "wm,summer_maize,EPC/maize.epc,165,273,0.5,0.6,12,165:80,30,,0.8,0.14";

    [Fact]
    public void TheBundledCalendarLoadsWithUnitsConverted()
    {
        var r = CropCalendarReader.Read(Csv);
        Assert.Equal(["wheat_maize", "spring_maize"], r.Keys.OrderByDescending(k => k).ToArray());
        var wheat = r["wheat_maize"].Seasons[0];
        Assert.Equal(280, wheat.SowDay);                                   // day 281 → 0-based 280
        Assert.Equal(0.024, wheat.Fertiliser.Sum(e => e.Amount), 12);      // 240 kg N ha-1
        Assert.Equal(0.0088, wheat.SeedC, 12);                             // 88 kg C ha-1
        Assert.True(r["wheat_maize"].Seasons[1].Epc.C3 == false);          // maize is C4
    }

    [Fact]
    public void AGoodFileLoads() => Assert.Single(CropCalendarReader.Read(Write(Wheat, Maize)));

    public static TheoryData<string, string[]> BadRows => new()
    {
        { Wheat.Replace(",281,159,", ",400,159,"), ["line 2", "sow_doy", "'400'", "an integer in [1, 365]"] },
        { Wheat.Replace(",0.45,", ",1.5,"), ["line 2", "harvest_index", "'1.5'"] },
        { Wheat.Replace("95:120", "200:120"), ["line 2", "fertiliser_kg_n_ha", "'200:120'", "within the season"] },
        { Wheat.Replace("329:75", "329-75"), ["line 2", "irrigation_mm", "'329-75'", "day:amount"] },
        { Wheat.Replace("winter_wheat.epc", "enf.epc"), ["line 2", "epc", "non-woody"] },
        { Wheat.Replace("winter_wheat.epc", "nothere.epc"), ["line 2", "epc", "an existing .epc file"] },
        { Wheat.Replace(",281,159,", ",100,100,"), ["line 2", "harvest_doy", "'100'", "other than the sowing day"] },
        { Wheat.Replace(",30,", ",0,"), ["line 2", "fertiliser_release_days", "'0'"] },
    };

    [Theory]
    [MemberData(nameof(BadRows))]
    public void BadRowsAreRejected(string row, string[] fragments)
    {
        var path = Write(row);
        var e = Assert.Throws<InvalidInputException>(() => CropCalendarReader.Read(path));
        output.WriteLine(e.Message);
        Assert.Equal(path, e.File);
        foreach (var f in fragments) Assert.Contains(f, e.Message);
    }

    [Fact]
    public void OverlappingSeasonsAreRejected()
    {
        var path = Write(Wheat, Maize.Replace(",165,273,", ",150,273,").Replace("165:80", "150:80"));
        var e = Assert.Throws<InvalidInputException>(() => CropCalendarReader.Read(path));
        output.WriteLine(e.Message);
        Assert.Contains("line 3", e.Message);
        Assert.Contains("do not overlap", e.Message);
    }

    [Fact]
    public void TheBaselineScenarioMakesTheRotationsVegetationTypes()
    {
        var s = ScenarioLoader.Load(TestRepo.Baseline);
        Assert.NotNull(s.Management);
        Assert.NotNull(s.Vegetation["wheat_maize"].Parameters.Management);
        Assert.NotNull(s.Vegetation["spring_maize"].Parameters.Management);
        Assert.Null(s.Vegetation["c3grass"].Parameters.Management);
    }

    [Fact]
    public void ARotationNamedLikeAVegetationTypeIsRejected()
    {
        var csv = Write(Wheat.Replace("wm,", "c3grass,"));
        var path = TestRepo.ScratchScenario(t => System.Text.RegularExpressions.Regex.Replace(t, @"crop_calendar: \S+", "crop_calendar: " + csv));
        var e = Assert.Throws<InvalidInputException>(() => ScenarioLoader.Load(path));
        output.WriteLine(e.Message);
        Assert.Contains("c3grass", e.Message);
        Assert.Contains("not a vegetation type", e.Message);
    }

    [Fact]
    public void AnUnknownManagementKeyIsRejected()
    {
        var path = TestRepo.ScratchScenario(t => t.Replace("  crop_calendar:", "  fertiliser: 3\n  crop_calendar:"));
        var e = Assert.Throws<InvalidInputException>(() => ScenarioLoader.Load(path));
        output.WriteLine(e.Message);
        Assert.Contains("fertiliser", e.Message);
    }
}
