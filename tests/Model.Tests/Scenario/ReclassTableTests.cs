using CarbonSim.Model.Scenarios;

namespace CarbonSim.Model.Tests.Scenario;

/// <summary>The bundled reclassification tables (data/landuse/reclass) read against the bundled class table.</summary>
public class ReclassTableTests
{
    [Theory]
    [InlineData("clcd.csv", 9, 1, 8)]
    [InlineData("cnlucc.csv", 26, 11, 53)]
    [InlineData("globeland30.csv", 11, 10, 80)]
    [InlineData("esa_worldcover.csv", 12, 40, 50)]
    public void Bundled_table_reads_and_maps_cropland_and_built_up(string file, int codes, int croplandCode, int builtUpCode)
    {
        var classesPath = Path.Combine(TestRepo.Root, "data", "vegetation", "class_mix.csv");
        var scenario = ScenarioLoader.Load(TestRepo.Baseline);
        var t = ReclassTable.Read(Path.Combine(TestRepo.Root, "data", "landuse", "reclass", file), scenario.LandUse.Classes, classesPath);
        Assert.Equal(codes, t.ClassOfCode.Count);
        Assert.Equal("cropland", t.ClassOfCode[croplandCode]);
        Assert.Equal("built_up", t.ClassOfCode[builtUpCode]);
    }
}
