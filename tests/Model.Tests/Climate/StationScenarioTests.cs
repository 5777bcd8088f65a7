using CarbonSim.Model.Climate;
using CarbonSim.Model.Region;
using CarbonSim.Model.Scenarios;
using CarbonSim.Model.Tests.Scenario;

namespace CarbonSim.Model.Tests.Climate;

/// <summary>scenarios/beijing-station.yaml: the zone's met years are the calendar years (history cycled), and zone elevations apply the lapse rate.</summary>
public class StationScenarioTests
{
    static string BeijingScenario(Func<string, string>? edit = null)
    {
        var text = File.ReadAllText(Path.Combine(TestRepo.Root, "scenarios", "beijing-station.yaml")).Replace("../data/", Path.Combine(TestRepo.Root, "data") + "/");
        var dir = Path.Combine(Path.GetTempPath(), "carbonsim-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var p = Path.Combine(dir, "beijing.yaml");
        File.WriteAllText(p, edit is null ? text : edit(text));
        return p;
    }

    [Fact]
    public void Met_years_are_the_calendar_years_and_the_history_cycles_the_record()
    {
        var setup = RegionBuilder.Build(ScenarioLoader.Load(BeijingScenario()));
        var met = Assert.Single(setup.ClimateZones).Met;
        Assert.Equal(53 + 110, met.YearCount);                 // 1960–2012, then the history 1850–1959
        Assert.Equal(Enumerable.Range(1960, 53), met.Years[..53]);
        Assert.Equal(1974, met.Years[53]);                       // 1850 → 1951 + ((1850 − 1951) mod 62)
        Assert.Equal(2012, met.Years[^10]);                      // 1950 → 2012, the record's last year
        Assert.Equal(1959, met.Years[^1]);
        // The engine's rule (year y → met year (y − start) mod length) picks each calendar year's own weather.
        Assert.Equal(1959, met.Years[CarbonSim.Model.Kernel.TransientHistory.MetYearOf(1959, 1960, met.YearCount)]);
        Assert.Equal(1985, met.Years[(1985 - 1960) % met.YearCount]);
        // Met year 0 is the record's 1960, day for day.
        var rec = StationGaps.Take(StationRecordReader.Read(StationRecordTests.BeijingPath, null, "t"), 1951, 2012, 0, "t");
        Assert.Equal(rec.Tmax.Skip(9 * 365).Take(365), met.Tmax.Take(365));
        Assert.Equal(rec.Prcp.Skip(34 * 365).Take(365), met.Prcp.Skip(25 * 365).Take(365)); // 1985
    }

    [Fact]
    public void A_zone_elevation_moves_temperatures_by_the_lapse_rate()
    {
        var flat = Assert.Single(RegionBuilder.Build(ScenarioLoader.Load(BeijingScenario())).ClimateZones);
        var high = Assert.Single(RegionBuilder.Build(ScenarioLoader.Load(BeijingScenario(t => t.Replace("  max_gap_days: 5\n", "  max_gap_days: 5\n  zone_elevation_m: {\"110000\": 1055}\n")))).ClimateZones);
        Assert.Equal(55, flat.Site.Elevation, 9);
        Assert.Equal(1055, high.Site.Elevation, 9);
        for (int i = 0; i < 365; i++) Assert.Equal(flat.Met.Tmax[i] - 6.5, high.Met.Tmax[i], 9);
        Assert.Equal(flat.Met.Prcp, high.Met.Prcp);
        Assert.Contains("CHM00054511", flat.Source);
    }
    [Theory]
    [InlineData("      years: [1951, 2012]", "      years: [2012, 1951]", "climate.stations[0].years (line 50): got '2012, 1951', expected [first, last] calendar years in [1000, 3000], first <= last")]
    [InlineData("      years: [1951, 2012]", "      latitude: 40\n      years: [1951, 2012]", "climate.stations[0] (line 49): got '1 of latitude/longitude/elevation_m', expected all three or none")]
    [InlineData("  max_gap_days: 5\n", "  max_gap_days: 40\n", "climate.max_gap_days (line 52): got '40', expected a number of days in [0, 31]")]
    [InlineData("  max_gap_days: 5\n", "  max_gap_days: 5\n  zone_elevation_m: {\"999999\": 100}\n", "climate.zone_elevation_m.999999: got '999999', expected a city id of the region (110000)")]
    [InlineData("  max_gap_days: 5\n", "  max_gap_days: 5\n  seed: 3\n", "climate.seed (line 53): got 'seed', expected a known key of 'climate'")]
    public void Bad_station_keys_name_the_key_line_value_and_expectation(string from, string to, string expected)
    {
        var path = BeijingScenario(t => { Assert.Contains(from, t); return t.Replace(from, to); });
        var e = Assert.Throws<InvalidInputException>(() => RegionBuilder.Build(ScenarioLoader.Load(path)));
        Assert.StartsWith($"{path}: {expected}", e.Message);
    }
}
