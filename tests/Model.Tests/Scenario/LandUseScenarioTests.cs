using CarbonSim.Model.Region;
using CarbonSim.Model.Scenarios;
using CarbonSim.Model.Valuation;

namespace CarbonSim.Model.Tests.Scenario;

/// <summary>The four named Jing-Jin-Ji scenarios run through land-use allocation and the conversion ledger (static-pool mode).</summary>
public class LandUseScenarioTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static string ScenarioPath(string name) => Path.Combine(TestRepo.Root, "scenarios", name + ".yaml");
    private static PoolTable Pools => PoolTable.Load(Path.Combine(TestRepo.Root, "data", "jjj", "class_pools_illustrative.csv"));

    public static IEnumerable<object[]> Four =>
        new[] { "jjj-natural-development", "jjj-ecological-protection", "jjj-urban-expansion", "jjj-green-space-planning" }.Select(n => new object[] { n });

    [Theory]
    [MemberData(nameof(Four))]
    public void Allocation_meets_demand_for_every_city_and_year_and_carbon_is_conserved(string name)
    {
        var setup = RegionBuilder.Build(ScenarioLoader.Load(ScenarioPath(name)));
        var r = LandUseScenarioRun.Run(setup, Pools);
        Assert.Equal(41 * setup.Cities.Length, r.CityYears.Count);
        foreach (var y in r.CityYears)
        {
            Assert.True(y.ShortfallCells == 0, $"{name}: city {y.CityId} year {y.Year} short by {y.ShortfallCells} cells");
            Assert.True(y.Demand.SequenceEqual(y.Counts), $"{name}: city {y.CityId} year {y.Year} demand [{string.Join(",", y.Demand)}] counts [{string.Join(",", y.Counts)}]");
            // Per-city ledger: ΔStock = −(conversion to atmosphere + wood decay) (no kernel uptake in this mode).
            Assert.True(Math.Abs(y.Books.ResidualKg) <= 1e-9 * Math.Abs(y.Books.StartKg), $"{name}: city {y.CityId} {y.Year} residual {y.Books.ResidualKg}");
        }
        // Books chain from year to year: a city's start stock is its previous end stock.
        foreach (var g in r.CityYears.GroupBy(c => c.CityId))
        {
            var list = g.OrderBy(c => c.Year).ToList();
            for (int i = 1; i < list.Count; i++) Assert.Equal(list[i - 1].Books.EndKg, list[i].Books.StartKg, list[i].Books.StartKg * 1e-12);
        }
        int converted = r.CityYears.Sum(c => c.Conversions);
        double lucEmission = r.CityYears.Sum(c => c.Books.LandUseEmissionKg) / 1e9;
        double stock2020 = r.CityYears.Where(c => c.Year == 2020).Sum(c => c.StaticStockKg) / 1e9, stock2060 = r.CityYears.Where(c => c.Year == 2060).Sum(c => c.StaticStockKg) / 1e9;
        output.WriteLine($"{name}: {converted} conversions, static stock {stock2020:F1} -> {stock2060:F1} Tg C, land-use emissions 2020-2060 {lucEmission:F2} Tg C");
        Assert.True(converted > 0);
    }

    [Fact]
    public void Urban_expansion_stores_less_carbon_than_ecological_protection()
    {
        double Stock(string n, out double emission)
        {
            var r = LandUseScenarioRun.Run(RegionBuilder.Build(ScenarioLoader.Load(ScenarioPath(n))), Pools);
            emission = r.CityYears.Sum(c => c.Books.LandUseEmissionKg) / 1e9;
            return r.CityYears.Where(c => c.Year == 2060).Sum(c => c.StaticStockKg) / 1e9;
        }
        double urban = Stock("jjj-urban-expansion", out var eu), eco = Stock("jjj-ecological-protection", out var ee);
        output.WriteLine($"2060 static stock: urban expansion {urban:F2} Tg C, ecological protection {eco:F2} Tg C, difference {eco - urban:F2} Tg C; land-use emissions {eu:F2} vs {ee:F2} Tg C");
        Assert.True(urban < eco);
        Assert.True(eu > ee);
    }

    [Fact]
    public void Allocation_is_identical_for_tile_sizes_1_8_and_32()
    {
        var setup = RegionBuilder.Build(ScenarioLoader.Load(ScenarioPath("jjj-urban-expansion")));
        var runs = new[] { 1, 8, 32 }.Select(t => LandUseScenarioRun.Run(setup, Pools, tileSize: t, lastYear: 2024)).ToList();
        foreach (var other in runs.Skip(1))
        {
            foreach (var (y, m) in runs[0].Maps) Assert.Equal(m.Classes, other.Maps[y].Classes);
            for (int i = 0; i < runs[0].CityYears.Count; i++)
            {
                Assert.Equal(runs[0].CityYears[i].Books, other.CityYears[i].Books);
                Assert.Equal(runs[0].CityYears[i].StaticStockKg, other.CityYears[i].StaticStockKg);
            }
        }
        Assert.True(runs[0].CityYears.Sum(c => c.Conversions) > 0);
    }

    [Fact]
    public void Zero_demand_change_leaves_map_and_carbon_as_they_are()
    {
        var path = ScenarioPath("jjj-natural-development");
        var dir = Path.Combine(Path.GetTempPath(), "carbonsim-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var copy = Path.Combine(dir, "zero.yaml");
        File.WriteAllText(copy, File.ReadAllText(path).Replace("../data/", Path.Combine(TestRepo.Root, "data") + "/")
            .Replace("\"*\": {built_up: 0.15, cropland: -0.15}", "\"*\": {built_up: 0, cropland: 0}")
            .Replace("{built_up: 0.15, grassland: -0.10, unused: -0.05}", "{built_up: 0}").Replace("{built_up: 0.15, grassland: -0.15}", "{built_up: 0}"));
        var setup = RegionBuilder.Build(ScenarioLoader.Load(copy));
        var r = LandUseScenarioRun.Run(setup, Pools, lastYear: 2025);
        foreach (var (_, m) in r.Maps) Assert.Equal(r.StartMap.Classes, m.Classes);
        Assert.All(r.CityYears, c => { Assert.Equal(0, c.Conversions); Assert.Equal(c.Books.StartKg, c.Books.EndKg); });
    }
}
