using CarbonSim.Model.Region;
using CarbonSim.Model.Scenarios;
using CarbonSim.Model.Tests.Scenario;

namespace CarbonSim.Model.Tests.Region;

public class LandUseGeneratorTests(BaselineFixture baseline) : IClassFixture<BaselineFixture>
{
    private RegionSetup Setup => baseline.Setup;

    private static double Share(RegionSetup s, Func<CellSetup, bool> where, string cls)
    {
        var cells = s.Cells.Where(where).ToList();
        return (double)cells.Count(c => c.LandUseClass == cls) / cells.Count;
    }

    [Fact]
    public void Same_seed_gives_the_same_map_and_another_seed_a_different_one()
    {
        var again = RegionBuilder.Build(ScenarioLoader.Load(TestRepo.Baseline));
        Assert.Equal(Setup.Cells.Select(c => c.LandUseClass), again.Cells.Select(c => c.LandUseClass));
        var other = RegionBuilder.Build(ScenarioLoader.Load(TestRepo.ScratchScenario(t => t.Replace("seed: 20200101", "seed: 99"))));
        int differ = Setup.Cells.Zip(other.Cells).Count(p => p.First.LandUseClass != p.Second.LandUseClass);
        Assert.InRange(differ, 1, Setup.Cells.Length / 2);
    }

    [Fact]
    public void Hebei_shares_are_near_the_third_land_survey()
    {
        bool Hebei(CellSetup c) => c.CityId.StartsWith("13", StringComparison.Ordinal);
        Assert.InRange(Share(Setup, Hebei, "forest"), 0.32, 0.36);
        Assert.InRange(Share(Setup, Hebei, "cropland"), 0.30, 0.34);
        foreach (var cls in LandUseGenerator.ClassNames)
            Assert.Contains(Setup.Cells, c => c.LandUseClass == cls);
    }

    [Fact]
    public void Forest_sits_in_the_mountains_and_cropland_on_the_plain()
    {
        var geo = new JjjGeography();
        var forest = Setup.Cells.Where(c => c.LandUseClass == "forest").ToList();
        var crop = Setup.Cells.Where(c => c.LandUseClass == "cropland").ToList();
        Assert.True(forest.Count(c => geo.MountainDepthKm(c.Lon, c.Lat) > 0) > 0.8 * forest.Count);
        Assert.True(crop.Count(c => geo.MountainDepthKm(c.Lon, c.Lat) == 0) > 0.6 * crop.Count);
        // Zhangjiakou + Chengde are much more forested than Hengshui + Cangzhou.
        Assert.True(Share(Setup, c => c.CityId is "130700" or "130800", "forest") > 3 * Share(Setup, c => c.CityId is "131100" or "130900", "forest"));
    }

    [Fact]
    public void Beijing_built_up_green_coverage_follows_green_space_csv()
    {
        string[] urban = ["built_up", "park", "protective_green", "attached_green"];
        var cells = Setup.Cells.Where(c => c.CityId == "110000" && urban.Contains(c.LandUseClass)).ToList();
        double green = cells.Sum(c => c.Columns.Sum(k => k.Fraction)) / cells.Count;
        Assert.InRange(green, 0.489 - 0.04, 0.489 + 0.04);
        // The built-up core sits around the centroid in cities.csv (116.418, 39.186 is 110000's).
        Assert.InRange(cells.Average(c => c.Lat), 39.9, 40.5);
    }

    [Fact]
    public void Generated_map_written_as_ascii_grid_reads_back_identically()
    {
        var path = TestRepo.ScratchScenario(t =>
        {
            var i = t.IndexOf("  generate:", StringComparison.Ordinal);
            var j = t.IndexOf("\nvegetation:", StringComparison.Ordinal);
            return t[..i] + "  raster: map.asc\n" + t[j..];
        });
        var asc = Path.Combine(Path.GetDirectoryName(path)!, "map.asc");
        RegionBuilder.LandUseRaster(Setup).Write(asc);
        Assert.True(File.Exists(Path.ChangeExtension(asc, ".prj")));
        var fromRaster = RegionBuilder.Build(ScenarioLoader.Load(path));
        Assert.Equal(Setup.Cells.Select(c => c.LandUseClass), fromRaster.Cells.Select(c => c.LandUseClass));
    }
}
