using CarbonSim.Model.Region;
using CarbonSim.Model.Scenarios;

namespace CarbonSim.Model.Tests.Scenario;

/// <summary>The non-default forcing modes: BIOME-BGC met files per zone, CO2 from a file, constant CO2.</summary>
public class ScenarioModesTests
{
    private static string Ref(string rel) => Path.Combine(TestRepo.Root, "data", "reference", "biomebgc", "inputs", rel);

    private const string ClimateBlock = "climate:\n  normals: ";

    private static string WithMetFiles(string t, string entries)
    {
        int i = t.IndexOf(ClimateBlock, StringComparison.Ordinal), j = t.IndexOf("\nco2:", StringComparison.Ordinal);
        return t[..i] + "climate:\n  met_files:\n" + entries + t[j..];
    }

    [Fact]
    public void Met_files_per_zone_with_a_default()
    {
        var path = TestRepo.ScratchScenario(t => WithMetFiles(t,
            $"    \"110000\": {{path: {Ref("metdata/oth.mtc43")}, header_lines: 4, elevation_m: 50, latitude: 40.0}}\n" +
            $"    \"*\": {{path: {Ref("metdata/miss5093.mtc41")}, header_lines: 4, elevation_m: 977}}\n").Replace("  end: 2060", "  end: 2030").Replace("raster_years: [2020, 2030, 2040, 2050, 2060]", "raster_years: [2030]"));
        var setup = RegionBuilder.Build(ScenarioLoader.Load(path));
        Assert.Equal(["*", "110000"], setup.ClimateZones.Select(z => z.Key));
        Assert.Equal(44, setup.Zone("*").Met.YearCount);
        Assert.Equal(977, setup.Zone("*").Site.Elevation);
        Assert.InRange(setup.Zone("*").Site.Latitude, 37, 41); // mean latitude of the cells
        Assert.Equal(40.0, setup.Zone("110000").Site.Latitude);
        Assert.All(setup.Cells, c => Assert.Equal(c.CityId == "110000" ? "110000" : "*", c.ClimateZone));
        // Forest in Chengde still takes Chengde's mix (larch) although its zone is '*'.
        Assert.Contains(setup.Cells, c => c.CityId == "130800" && c.LandUseClass == "forest" && c.Columns.Any(k => k.VegetationType == "dnf@forest"));   // harvested larch (management.forest_harvest)
    }

    [Fact]
    public void Met_files_missing_a_city_without_default_is_an_error()
    {
        var path = TestRepo.ScratchScenario(t => WithMetFiles(t, $"    \"110000\": {{path: {Ref("metdata/miss5093.mtc41")}, elevation_m: 977}}\n"));
        var e = Assert.Throws<InvalidInputException>(() => RegionBuilder.Build(ScenarioLoader.Load(path)));
        Assert.Contains("scenario.yaml: climate.met_files: got 'no entry for city 120000 (Tianjin)', expected an entry for every city or a '*' entry", e.Message);
    }

    [Fact]
    public void Co2_from_a_file_and_constant()
    {
        const string trend = "  trend:                    # continues the history (NOAA Mauna Loa 418.56 ppm in 2022) at +2.4 ppm a-1: 413.76 ppm in 2020\n    ppm: 418.56\n    year: 2022\n    ppm_per_year: 2.4";
        // Without the history (and forest_age) sections the spin-up CO2 defaults to the start year's.
        static string NoHistory(string t) => t[..t.IndexOf("history:", StringComparison.Ordinal)] + t[t.IndexOf("outputs:", StringComparison.Ordinal)..];
        Assert.Contains(trend, File.ReadAllText(TestRepo.Baseline));
        var s = ScenarioLoader.Load(TestRepo.ScratchScenario(t => NoHistory(t).Replace(trend, "  file: " + Ref("co2/co2.txt")).Replace("  end: 2060", "  end: 2000").Replace("  start: 2020", "  start: 1990").Replace("raster_years: [2020, 2030, 2040, 2050, 2060]", "raster_years: [1990]")));
        Assert.Equal(Co2Mode.File, s.Co2.Mode);
        Assert.InRange(s.Co2.PpmIn(1990), 340, 370);
        Assert.True(s.Co2.PpmIn(2000) > s.Co2.PpmIn(1990));
        Assert.Equal(s.Co2.PpmIn(1990), s.Spinup.Co2Ppm);
        var c = ScenarioLoader.Load(TestRepo.ScratchScenario(t => t.Replace(trend, "  constant_ppm: 380")));
        Assert.Equal(380, c.Co2.PpmIn(2060));
        var b = ScenarioLoader.Load(TestRepo.Baseline);
        Assert.Equal(418.56 + 2.4 * 38, b.Co2.PpmIn(2060), 9);
        Assert.Equal(0.003, b.Nitrogen.DepositionKgPerM2PerYear, 12);
        // With the history, the spin-up is at the history's 1850 forcing, and the scenario years continue its last values.
        Assert.Equal(285, b.Spinup.Co2Ppm, 9);
        Assert.Equal(0.0002, b.Spinup.NDepositionKgPerM2PerYear, 12);
        Assert.Equal(b.Nitrogen.DepositionKgPerM2PerYear, b.History!.NDepositionKg[2019], 12);
        Assert.InRange(b.Co2.PpmIn(2020) - b.History.Co2Ppm[2019], 0, 2.5);
    }
}
