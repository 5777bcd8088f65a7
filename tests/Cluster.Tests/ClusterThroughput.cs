using System.Globalization;
using CarbonSim.Client.Hosting;
using CarbonSim.Contracts;
using CarbonSim.Model.Engine;
using Xunit.Abstractions;

namespace CarbonSim.Cluster.Tests;

/// <summary>Runs only when <c>CARBONSIM_CLUSTER_BENCH</c> is set (it takes minutes and measures, rather than checks).</summary>
public sealed class BenchFactAttribute : FactAttribute
{
    public BenchFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CARBONSIM_CLUSTER_BENCH")))
            Skip = "measurement: set CARBONSIM_CLUSTER_BENCH=1 (see docs/benchmarks.md, Cluster)";
    }
}

/// <summary>
/// Cluster throughput in cell-years per second of the transient phase (spin-ups excluded) with 1, 2 and 3
/// silo processes on this machine. Writes a table to the test output and to
/// <c>$CARBONSIM_CLUSTER_BENCH_OUT</c> if set.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class ClusterThroughput(RedisFixture redis, ITestOutputHelper output)
{
    [BenchFact]
    public async Task Cell_years_per_second_with_one_two_and_three_silos()
    {
        int size = int.Parse(Environment.GetEnvironmentVariable("CARBONSIM_CLUSTER_BENCH_SIZE") ?? "48", CultureInfo.InvariantCulture);
        int years = int.Parse(Environment.GetEnvironmentVariable("CARBONSIM_CLUSTER_BENCH_YEARS") ?? "10", CultureInfo.InvariantCulture);
        var spec = TinyRegion.Build(rows: size, cols: size, firstYear: 2020, lastYear: 2020 + years - 1, tileSize: 8, checkpointEvery: 5)
            with { CellOutputYears = [] };
        var lines = new List<string> { $"grid {size}x{size}: {spec.Cells.Count} cells, {years} years, tile size 8 ({Environment.ProcessorCount} cores)", "silos\ttiles\ttransient_s\tcell_years_per_s" };
        foreach (int silos in new[] { 1, 2, 3 })
        {
            await using var cluster = await LocalCluster.StartAsync(redis, $"bench{silos}", silos);
            string specPath = Path.Combine(cluster.LogDir, "bench.runspec");
            ClusterSpecFile.Write(specPath, spec);
            var (exit, log) = await cluster.Cli("submit", ["submit", specPath, "--id", "bench"]);
            Assert.True(exit == 0, log);
            (exit, log) = await cluster.Cli("wait", ["wait", "bench", "--poll", "0.5", "--quiet"], TimeSpan.FromMinutes(30));
            Assert.True(exit == 0, log);
            var p = await ClusterJobs.Progress(cluster.Connection!.Grains, "bench");
            double seconds = (p.UpdatedUtc!.Value - p.YearsStartedUtc!.Value).TotalSeconds;
            double rate = spec.Cells.Count * (double)years / seconds;
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{silos}\t{p.TileCount}\t{seconds:F1}\t{rate:F0}"));
            output.WriteLine(lines[^1]);
        }
        string table = string.Join('\n', lines);
        output.WriteLine(table);
        if (Environment.GetEnvironmentVariable("CARBONSIM_CLUSTER_BENCH_OUT") is { Length: > 0 } path) File.WriteAllText(path, table + "\n");
    }
}
