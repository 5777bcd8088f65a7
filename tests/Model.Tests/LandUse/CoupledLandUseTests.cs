using CarbonSim.Model.Kernel;
using CarbonSim.Model.LandUse;
using CarbonSim.Model.Region;
using CarbonSim.Model.Scenarios;

namespace CarbonSim.Model.Tests.LandUse;

/// <summary>
/// Kernel + land-use change in one yearly cycle on a 14 × 12 synthetic landscape with the real process kernel
/// (dbf and c3grass spun up on a Jing-Jin-Ji climate zone): conservation per cell and city, demand met,
/// tile-size invariance, and no change at all when no land-use change is asked for.
/// </summary>
public class CoupledLandUseTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private sealed class Kernel
    {
        public readonly CellModel[] Models;
        public readonly CellState[] Equilibrium;
        public Kernel()
        {
            var s = ScenarioLoader.Load(Path.Combine(LandUseTestData.RepoRoot, "scenarios", "jjj-baseline.yaml"));
            var zone = RegionBuilder.Build(s).ClimateZones[0];
            Models = new[] { "dbf", "c3grass" }.Select(v => new CellModel(s.Vegetation[v].Parameters, zone.Site, zone.Met)).ToArray();
            Equilibrium = Models.Select(m => Spinup.RunAccelerated(m, new SpinupOptions(Co2Ppm: 285, NDeposition: 0.0002, MaxYears: 3000)).State).ToArray();
        }
        public double RunColumn(int year, int veg, CellState state)
        {
            var a = Models[veg].RunYear(state, year - 2020, new YearForcing(412 + 2.4 * (year - 2020), 0.003));
            return a.Nbp;
        }
    }

    private static readonly Lazy<Kernel> K = new(() => new Kernel());

    // classes: 0 cropland (grass), 1 forest (dbf), 2 grassland (grass 0.8 + bare), 3 water (none), 4 built-up (dbf 0.15 + grass 0.15 + sealed)
    private static readonly ClassColumns[] Mix =
    [
        new(0, [(1, 1.0)]), new(1, [(0, 1.0)]), new(2, [(1, 0.8)]), new(3, []), new(4, [(0, 0.15), (1, 0.15)]),
    ];

    private static ConversionCarbonRules Conversion()
    {
        var rules = new List<ConversionRule>();
        double[] sealed_ = [0, 0, 0, 0, 0.7];
        for (int a = 0; a < 5; a++)
            for (int b = 0; b < 5; b++)
                if (a != b) rules.Add(new ConversionRule(a, b, 0.5, a == 1 ? 0.3 : 0, a == 1 ? 0.2 : 0.5, 0.2, ConversionRule.SoilLossOnSealing(sealed_[a], sealed_[b], 0.3)));
        return new ConversionCarbonRules(rules, 35);
    }

    private static (CoupledLandUse Run, Func<int, Func<int, int[]>> Demand) Make(ConversionCarbonRules? conversion = null, bool plant = false)
    {
        var (map, city, prot, km, elev, slope) = LandUseTestData.Landscape(14, 12, 5);
        var drivers = new AllocationDrivers(city, prot, km, elev, slope);
        var start = new SortedDictionary<int, int[]>();
        for (int g = 0; g < map.CellCount; g++)
            if (map.Classes[g] >= 0) { if (!start.TryGetValue(city[g], out var c)) start[city[g]] = c = new int[5]; c[map.Classes[g]]++; }
        // Built-up +2 cells a year, from cropland and forest.
        var plan = start.ToDictionary(p => p.Key, p => LandUseDemandPlan.MonotoneTrend(p.Value, [-1, -1, 0, 0, 2], 2020, 2030));
        var run = new CoupledLandUse(map, drivers, LandUseTestData.Rules(window: 3, radius: 2), conversion ?? Conversion(), Mix, K.Value.Equilibrium, 1e6)
        {
            Seedlings = plant ? K.Value.Models.Select((m, v) => StandHistory.ClearPlant(m, K.Value.Equilibrium[v])).ToArray() : null,
        };
        return (run, year => id => plan[id][year]);
    }

    [Fact]
    public void Carbon_is_conserved_per_cell_and_city_and_demand_is_met_every_year()
    {
        var (run, demand) = Make();
        int conversions = 0;
        double wood = 0;
        for (int y = 2020; y <= 2025; y++)
        {
            var r = run.Step(y, (_, _, v, s) => K.Value.RunColumn(y, v, s), y == 2020 ? null : demand(y), tileSize: 5);
            if (r.Allocation is { } a) { Assert.True(a.MeetsDemand); conversions += a.Conversions.Length; }
            foreach (var (_, b) in r.CellBooks) Assert.True(Math.Abs(b.ResidualKg) <= 1e-9 * Math.Max(1, Math.Abs(b.StartKg)));
            foreach (var (id, b) in r.CityBooks)
            {
                var sum = r.CellBooks.Where(p => LandUseTestData.Landscape(14, 12, 5).City[p.Key] == id).Aggregate(CarbonSim.Model.Accounting.CarbonYear.Empty(y), (acc, p) => acc.Plus(p.Value));
                Assert.Equal(sum.EndKg, b.EndKg, Math.Abs(b.EndKg) * 1e-12);
                Assert.True(Math.Abs(b.ResidualKg) <= 1e-9 * Math.Abs(b.StartKg), $"city {id} {y}: {b.ResidualKg}");
                wood += b.VegToWoodProductsKg;
            }
        }
        output.WriteLine($"{conversions} conversions, {wood / 1000:F1} t C to wood products");
        Assert.Equal(5 * 2 * 2, conversions); // 2 cells a year in each of 2 cities, 2021-2025
        Assert.True(wood > 0);
    }

    [Fact]
    public void Same_result_for_tile_sizes_1_8_and_14()
    {
        var results = new List<(LandUseMap Map, string Books)>();
        foreach (var t in new[] { 1, 8, 14 })
        {
            var (run, demand) = Make();
            string books = "";
            for (int y = 2020; y <= 2023; y++)
            {
                var r = run.Step(y, (_, _, v, s) => K.Value.RunColumn(y, v, s), y == 2020 ? null : demand(y), t);
                books += string.Join(";", r.CityBooks.Select(p => $"{p.Key}:{p.Value.EndKg:R}:{p.Value.ConversionToAtmosphereKg:R}"));
            }
            results.Add((run.Map, books));
        }
        foreach (var r in results.Skip(1))
        {
            Assert.Equal(results[0].Map.Classes, r.Map.Classes);
            Assert.Equal(results[0].Books, r.Books);
        }
    }

    [Fact]
    public void Without_land_use_change_every_column_is_bit_identical_to_the_kernel_alone()
    {
        var (run, _) = Make();
        var (map, _, _, _, _, _) = LandUseTestData.Landscape(14, 12, 5);
        // Reference: each column of each cell run by the kernel alone.
        var reference = new Dictionary<int, CellState[]>();
        for (int g = 0; g < map.CellCount; g++)
            reference[g] = Mix[map.Classes[g]].Columns.Select(c => K.Value.Equilibrium[c.Vegetation].Clone()).ToArray();
        for (int y = 2020; y <= 2022; y++)
        {
            run.Step(y, (_, _, v, s) => K.Value.RunColumn(y, v, s), null, 8);
            foreach (var (g, states) in reference)
                for (int c = 0; c < states.Length; c++) K.Value.RunColumn(y, Mix[map.Classes[g]].Columns[c].Vegetation, states[c]);
        }
        Assert.Equal(map.Classes, run.Map.Classes);
        foreach (var (g, states) in reference)
        {
            var cols = run.ColumnsOf(g);
            Assert.Equal(states.Length, cols.Length);
            for (int c = 0; c < states.Length; c++) Assert.Equal(states[c].ToArray(), cols[c].State.ToArray());
        }
    }

    [Fact]
    public void A_cover_whose_old_vegetation_is_cleared_is_planted_and_grows()
    {
        // Every transition sends all vegetation to the atmosphere: nothing is carried into the new cover.
        var rules = new List<ConversionRule>();
        for (int a = 0; a < 5; a++)
            for (int b = 0; b < 5; b++)
                if (a != b) rules.Add(new ConversionRule(a, b, 1.0, 0, 0, 0.2, 0));
        var clearAll = new ConversionCarbonRules(rules, 35);
        double VegOfConverted(bool plant, out double established)
        {
            var (run, demand) = Make(clearAll, plant);
            run.Step(2020, (_, _, v, s) => K.Value.RunColumn(2020, v, s), null, 5);
            var r = run.Step(2021, (_, _, v, s) => K.Value.RunColumn(2021, v, s), demand(2021), 5);
            var converted = r.Allocation!.Conversions.Select(c => c.CellId).ToArray();
            Assert.NotEmpty(converted);
            established = r.CityBooks.Values.Sum(b => b.EstablishmentKg);
            Assert.All(r.CityBooks.Values, b => Assert.True(Math.Abs(b.ResidualKg) <= 1e-9 * b.StartKg));
            for (int y = 2022; y <= 2026; y++) run.Step(y, (_, _, v, s) => K.Value.RunColumn(y, v, s), null, 5);
            return converted.Average(g => run.CarbonOf(g).VegC);
        }
        double bare = VegOfConverted(plant: false, out double none);
        double planted = VegOfConverted(plant: true, out double seeded);
        output.WriteLine($"veg C of converted cells after 5 years: {bare:E3} kg m-2 unplanted, {planted:E3} planted; {seeded:F0} kg C of seedlings");
        Assert.Equal(0, none);
        Assert.Equal(0, bare);                 // without establishment the new cover has no leaves and never grows
        Assert.True(seeded > 0);
        Assert.True(planted > 0.05, $"planted cover holds only {planted} kg C m-2 after 5 years");
    }
}
