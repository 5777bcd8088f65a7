using System.Diagnostics;
using CarbonSim.Model.Region;
using CarbonSim.Model.Scenarios;
using CarbonSim.Model.Tests.Scenario;
using Xunit.Abstractions;

namespace CarbonSim.Model.Tests.Region;

public class RegionSmokeTests(ITestOutputHelper output)
{
    [Fact]
    public void Baseline_builds_at_10km()
    {
        var sw = Stopwatch.StartNew();
        var s = ScenarioLoader.Load(TestRepo.Baseline);
        var setup = RegionBuilder.Build(s);
        output.WriteLine($"{setup.Cells.Length} cells, {setup.Tiles.Length} tiles, {setup.Spinups.Length} spinups, {sw.ElapsedMilliseconds} ms");
        foreach (var c in setup.Cities) output.WriteLine($"{c.Id} {c.Name} {c.CellCount} {c.PolygonAreaM2 / 1e6:F0} km2 {c.Repair}");
        foreach (var (k, v) in setup.ClassShares()) output.WriteLine($"{k} {v:P1}");
        foreach (var z in setup.ClimateZones) output.WriteLine($"{z.Key} {z.Label} {z.Met.Tmax.Average():F1} {z.Met.Prcp.Sum() / z.Met.YearCount:F0} {z.Source[..40]}");
        Assert.NotEmpty(setup.Cells);
    }
}
