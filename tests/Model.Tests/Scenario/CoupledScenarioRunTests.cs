using CarbonSim.Model.Region;
using CarbonSim.Model.Scenarios;

namespace CarbonSim.Model.Tests.Scenario;

/// <summary>A named scenario coupled to the process kernel on a coarse (30 km) grid for a few years.</summary>
public class CoupledScenarioRunTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static RegionSetup Coarse(string name, Func<string, string>? edit = null)
    {
        var dir = Path.Combine(Path.GetTempPath(), "carbonsim-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var text = File.ReadAllText(Path.Combine(TestRepo.Root, "scenarios", name + ".yaml")).Replace("../data/", Path.Combine(TestRepo.Root, "data") + "/");
        File.WriteAllText(Path.Combine(dir, "s.yaml"), edit is null ? text : edit(text));
        var s = ScenarioLoader.Load(Path.Combine(dir, "s.yaml"));
        return RegionBuilder.Build(s with { Grid = s.Grid with { ResolutionKm = 30 } });
    }

    [Fact]
    public void Urban_expansion_meets_demand_and_is_tile_size_invariant_with_the_kernel()
    {
        // Faster growth than the scenario's so that 30 km cells change within three years.
        var setup = Coarse("jjj-urban-expansion", t => t.Replace("\"*\": {built_up: 0.25, cropland: -0.25}", "\"*\": {built_up: 4, cropland: -4}")
            .Replace("{built_up: 0.25, grassland: -0.15, unused: -0.10}", "{built_up: 0}").Replace("{built_up: 0.25, grassland: -0.20, unused: -0.05}", "{built_up: 0}")
            .Replace("  end: 2060", "  end: 2022").Replace("raster_years: [2020, 2030, 2040, 2050, 2060]", "raster_years: [2020]"));
        var a = CoupledScenarioRun.Run(setup, tileSize: 1, lastYear: 2022);
        var b = CoupledScenarioRun.Run(setup, tileSize: 8, lastYear: 2022);
        Assert.Equal(setup.Cities.Length * 3, a.CityYears.Count);
        Assert.All(a.CityYears, c => Assert.Equal(0, c.Extra["demand_shortfall_cells_yr"]));
        Assert.True(a.CityYears.Sum(c => c.Extra["converted_cells_yr"]) > 0);
        for (int i = 0; i < a.CityYears.Count; i++)
        {
            Assert.Equal(a.CityYears[i].TotalC, b.CityYears[i].TotalC);
            Assert.Equal(a.CityYears[i].Nbp, b.CityYears[i].Nbp);
        }
        output.WriteLine($"conversions {a.CityYears.Sum(c => c.Extra["converted_cells_yr"])}, region C {a.RegionYears[0].TotalCKg / 1e9:F1} -> {a.RegionYears[^1].TotalCKg / 1e9:F1} Tg");
    }

    [Fact]
    public void Without_land_use_change_the_map_never_changes()
    {
        var r = CoupledScenarioRun.Run(Coarse("jjj-baseline"), lastYear: 2022);
        var first = r.CityYears.Where(c => c.Year == 2020).ToDictionary(c => c.CityId, c => c.AreaByClassM2);
        foreach (var c in r.CityYears) Assert.Equal(first[c.CityId], c.AreaByClassM2);
        Assert.All(r.CityYears, c => Assert.Equal(0, c.Extra["luc_conversion_to_atmosphere_tC_yr"] + c.Extra["converted_cells_yr"]));
    }
}
