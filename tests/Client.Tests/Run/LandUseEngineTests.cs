using CarbonSim.Client.Cli;
using CarbonSim.Client.Commands;
using CarbonSim.Contracts;
using CarbonSim.Model.Engine;
using Xunit.Abstractions;

namespace CarbonSim.Client.Tests.Run;

/// <summary>
/// Land-use change inside the Orleans engine (issue #5): tiles offer from their halo windows, cities allocate,
/// tiles convert and close the books. Checked against the same Model.Engine classes driven in one process
/// (<see cref="InProcessRun"/>, one tile and many: tiling invariance), across tile sizes, against the baseline when nothing changes, and on the
/// four bundled Jing-Jin-Ji scenarios.
/// </summary>
public class LandUseEngineTests(ITestOutputHelper output)
{
    static string Scratch() => TestScenarios.Scratch("carbonsim-luc-tests");

    static string Scenario(string name, int lastYear, Func<string, string>? edit = null) => TestScenarios.Write(name, lastYear, edit, name + ".yaml");

    /// <summary>Urban expansion with growth fast enough that 20 km cells change within a few years.</summary>
    static string FastUrbanExpansion(int lastYear) => Scenario("jjj-urban-expansion", lastYear, t => t
        .Replace("\"*\": {built_up: 0.25, cropland: -0.25}", "\"*\": {built_up: 2, cropland: -2}")
        .Replace("{built_up: 0.25, grassland: -0.15, unused: -0.10}", "{built_up: 2, grassland: -2}")
        .Replace("{built_up: 0.25, grassland: -0.20, unused: -0.05}", "{built_up: 2, grassland: -2}"));

    static Task<RunCommand.Finished> Engine(string scenario, double km, int tileSize) =>
        RunCommand.Execute(new RunOptions { ScenarioPath = scenario, OutDir = Scratch(), ResolutionKm = km, TileSize = tileSize }, null);

    [Fact]
    public async Task The_engine_equals_the_in_process_driver_bit_for_bit_and_closes_every_city_book()
    {
        string scenario = FastUrbanExpansion(2024);
        var run = await Engine(scenario, 20, 4);
        // The same Model.Engine classes in one process, with one tile and with the engine's tiling: the same bits.
        foreach (int tiles in new[] { 1000, 4 })
        {
            var reference = InProcessRun.Run(run.Spec, new BgcKernel(), tileSize: tiles);
            Assert.Equal(tiles == 1000 ? 1 : run.Outcome.TileCount, reference.TileCount);
            for (int c = 0; c < run.Outcome.Cities.Length; c++)
                Assert.Equal(reference.Cities[c].Years.Select(y => y.Sums), run.Outcome.Cities[c].Years.Select(y => y.Sums));
            Assert.Equal(reference.Region.Select(y => y.Sums), run.Outcome.Region.Select(y => y.Sums));
            for (int s = 0; s < run.Outcome.CellSnapshots.Length; s++)
            {
                Assert.Equal(reference.CellSnapshots[s].Classes, run.Outcome.CellSnapshots[s].Classes);
                Assert.Equal(reference.CellSnapshots[s].Values, run.Outcome.CellSnapshots[s].Values);
            }
            Assert.Equal(reference.Allocations.Select(a => a.CountsAfter), run.Outcome.Allocations.Select(a => a.CountsAfter));
            Assert.Equal(reference.Books.Select(b => b.TotalPaidRmb), run.Outcome.Books.Select(b => b.TotalPaidRmb));
        }
        double converted = run.Results.CityYears.Sum(c => c.Extra["converted_cells_yr"]);
        Assert.All(run.Results.CityYears, e => Assert.Equal(0, e.Extra["demand_shortfall_cells_yr"]));
        Assert.True(converted > 20, $"only {converted} conversions: the test would not exercise land-use change");

        // Every city's books: ΔC = uptake − conversion − decay, and each year starts where the last ended.
        foreach (var city in run.Outcome.Cities)
        {
            double? lastEnd = null;
            foreach (var y in city.Years)
            {
                var books = LandUseSums.Books(y.Year, y.Sums);
                Assert.True(Math.Abs(books.ResidualKg) <= 1e-9 * books.EndKg, $"city {city.CityId} {y.Year}: residual {books.ResidualKg} kg");
                double stocks = y.Sums[CarbonVariables.TotalC].ToKg() + y.Sums[LandUseSums.Ledger(LandUseSums.WoodProductsKg)].ToKg();
                Assert.True(Math.Abs(stocks - books.EndKg) <= 1e-9 * stocks, $"city {city.CityId} {y.Year}: stocks {stocks} kg, books end {books.EndKg} kg");
                if (lastEnd is double end) Assert.True(Math.Abs(books.StartKg - end) <= 1e-9 * end, $"city {city.CityId} {y.Year} starts at {books.StartKg}, last year ended at {end}");
                lastEnd = books.EndKg;
            }
        }
        // The region grain closed the budgets and the compensation ledger every year; they equal the books
        // closed from the written city series, and every year's ledger balances.
        var scenarioSpec = CarbonSim.Model.Scenarios.ScenarioLoader.Load(scenario);
        var client = CarbonSim.Model.Accounting.RunBudgets.Compute(run.Results, scenarioSpec)!;
        Assert.Equal(run.Spec.YearCount, run.Outcome.Books.Length);
        for (int y = 0; y < run.Outcome.Books.Length; y++)
        {
            var engine = run.Outcome.Books[y];
            var expected = client.Years[y];
            Assert.Equal(expected.Year, engine.Year);
            Assert.True(engine.TotalPaidRmb > 0, $"{engine.Year}: nothing paid");   // the default scheme moves money every year
            Assert.True(Math.Abs(engine.TotalPaidRmb - engine.TotalReceivedRmb) <= 1e-9 * engine.TotalPaidRmb);
            for (int c = 0; c < engine.Cities.Length; c++)
            {
                var (e, x) = (engine.Cities[c], expected.Cities[c]);
                Assert.Equal(x.CityId, e.CityId);
                Assert.Equal(x.Zone, e.Zone);
                foreach (var (what, a, b) in new[] { ("sink", x.SinkTCo2, e.SinkTCo2), ("NCB", x.NcbTCo2, e.NcbTCo2), ("value", x.ValueRmb, e.ValueRmb), ("ESC", x.Esc, e.Esc) })
                    Assert.True(Math.Abs(a - b) <= 1e-9 * Math.Max(1, Math.Abs(a)), $"{e.CityId} {engine.Year} {what}: from the series {a:R}, region grain {b:R}");
            }
        }
        Assert.Same(run.Outcome.Books[0], run.Results.Budgets!.Years[0]);   // the written budgets are the region grain's

        // A run known only by its spec (cluster spec files, batch members) gets the same books and land-use columns.
        var fromSpec = CarbonSim.Client.Hosting.ClusterResults.FromSpec(run.Spec, run.Outcome, "spec", []);
        Assert.Equal(run.Outcome.Books.Length, fromSpec.Budgets!.Years.Count);
        Assert.Equal(run.Results.CityYears.Sum(c => c.Extra["converted_cells_yr"]), fromSpec.CityYears.Sum(c => c.Extra["converted_cells_yr"]));
        Assert.Contains(fromSpec.Rasters, r => r.Name.StartsWith("land_use_", StringComparison.Ordinal));
        // report.html says what the land-use change did, with the numbers of the tables.
        var report = File.ReadAllText(Path.Combine(run.Output.Directory, "report.html"));
        Assert.Contains("<h2>Land-use change</h2>", report);
        Assert.Contains($"{converted:F0} cells changed class over 2020–2024; demand not met: 0 cells", report);
        output.WriteLine($"{converted} conversions over {run.Spec.YearCount} years, {run.Spec.Cells.Count} cells");
    }

    [Fact]
    public async Task Tile_size_does_not_change_a_land_use_run()
    {
        string scenario = FastUrbanExpansion(2023);
        var runs = new List<RunCommand.Finished>();
        foreach (int size in new[] { 1, 8, 32 }) runs.Add(await Engine(scenario, 20, size));
        Assert.True(runs[0].Outcome.Allocations.Sum(a => a.ConvertedCells.Sum()) > 20);
        Assert.True(runs[0].Results.Spinup!.DistinctSpinups > 0);
        for (int r = 1; r < runs.Count; r++)
        {
            Assert.NotEqual(runs[0].Outcome.TileCount, runs[r].Outcome.TileCount);
            for (int c = 0; c < runs[0].Outcome.Cities.Length; c++)
                for (int y = 0; y < runs[0].Outcome.Cities[c].Years.Length; y++)
                    Assert.Equal(runs[0].Outcome.Cities[c].Years[y].Sums, runs[r].Outcome.Cities[c].Years[y].Sums);   // exact, every entry
            for (int s = 0; s < runs[0].Outcome.CellSnapshots.Length; s++)
            {
                Assert.Equal(runs[0].Outcome.CellSnapshots[s].Classes, runs[r].Outcome.CellSnapshots[s].Classes);
                Assert.Equal(runs[0].Outcome.CellSnapshots[s].Values, runs[r].Outcome.CellSnapshots[s].Values);
            }
        }
    }

    [Fact]
    public async Task A_land_use_section_that_changes_nothing_gives_the_baseline_bit_for_bit()
    {
        var still = await Engine(Scenario("jjj-urban-expansion", 2023, t => t
            .Replace("\"*\": {built_up: 0.25, cropland: -0.25}", "\"*\": {built_up: 0, cropland: 0}")
            .Replace("{built_up: 0.25, grassland: -0.15, unused: -0.10}", "{built_up: 0}")
            .Replace("{built_up: 0.25, grassland: -0.20, unused: -0.05}", "{built_up: 0}")), 30, 4);
        var baseline = await Engine(Scenario("jjj-baseline", 2023, t => t.Replace("  # urban_green: ", "  urban_green: ")), 30, 4);   // the default leaves urban green off (60 s budget); the land-use scenarios manage it
        Assert.NotNull(still.Spec.LandUse);
        Assert.Null(baseline.Spec.LandUse);
        Assert.All(still.Outcome.Allocations, a => Assert.Equal(0, a.ConvertedCells.Sum()));
        for (int c = 0; c < baseline.Outcome.Cities.Length; c++)
            for (int y = 0; y < baseline.Outcome.Cities[c].Years.Length; y++)
                Assert.Equal(baseline.Outcome.Cities[c].Years[y].Sums, still.Outcome.Cities[c].Years[y].Sums); // carbon, books and class block (same classes, code order)
        for (int s = 0; s < baseline.Outcome.CellSnapshots.Length; s++)
            Assert.Equal(baseline.Outcome.CellSnapshots[s].Values, still.Outcome.CellSnapshots[s].Values);
    }

    public static TheoryData<string> Named => new() { "jjj-natural-development", "jjj-ecological-protection", "jjj-urban-expansion", "jjj-green-space-planning" };

    /// <summary>
    /// The four bundled scenarios on the engine at their 10 km grid, 2020–2035 (the full 2020–2060 runs are
    /// in docs/scenarios-jjj.md; a Debug build needs about 50 s for each): demand met by every city every
    /// year, and the map follows it.
    /// </summary>
    [Theory, MemberData(nameof(Named))]
    public async Task Every_bundled_scenario_meets_its_demand_in_every_city_and_year(string name)
    {
        // Green-space targets due after 2035 are brought forward to the last simulated year.
        var run = await Engine(Scenario(name, 2035, t => t.Replace("by_year: 2040", "by_year: 2035")), 10, 32);
        var plan = run.Spec.LandUse!;
        int k = plan.ClassCount;
        Assert.Equal(run.Spec.YearCount, run.Outcome.Allocations.Length);
        foreach (var a in run.Outcome.Allocations)
        {
            Assert.All(a.ShortfallCells, s => Assert.Equal(0, s));
            Assert.Equal(a.Demand, a.CountsAfter);
        }
        // The class areas the tiles report are the demand's cells × cell area.
        var last = run.Outcome.Allocations[^1];
        double cellArea = run.Spec.Cells.AreaM2[0];
        foreach (var city in run.Outcome.Cities)
            for (int j = 0; j < k; j++)
                Assert.Equal(last.Demand[city.CityIndex * k + j] * cellArea, city.Years[^1].Sums[LandUseSums.ClassArea(j)].ToKg(), 1e-3);
        output.WriteLine($"{name}: {run.Outcome.Allocations.Sum(a => a.ConvertedCells.Sum())} conversions, total C {run.Results.RegionYears[^1].TotalCKg / 1e9:F2} Tg in 2035");
    }
}
