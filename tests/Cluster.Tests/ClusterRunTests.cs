using System.Text.Json.Nodes;
using CarbonSim.Client.Hosting;
using CarbonSim.Client.Output;
using CarbonSim.Grains.Contracts;
using CarbonSim.Grains.Hosting;
using Xunit.Abstractions;

namespace CarbonSim.Cluster.Tests;

/// <summary>
/// Real processes: a redis-server, three silo processes (<c>dotnet carbonsim-silo.dll</c>) on a fresh
/// cluster id per test, and the <c>carbonsim</c> CLI as separate processes.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class ClusterRunTests(RedisFixture redis, ITestOutputHelper output)
{
    static string WriteSpec(string dir, RunSpec spec)
    {
        string path = Path.Combine(dir, "tiny.runspec");
        ClusterSpecFile.Write(path, spec);
        return path;
    }

    static async Task<RunProgress> WaitFor(LocalCluster cluster, string runId, Func<RunProgress, bool> condition, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            var p = await ClusterJobs.Progress(cluster.Connection!.Grains, runId);
            if (condition(p)) return p;
            if (p.Phase == RunPhase.Failed) throw new InvalidOperationException($"run failed: {p.Error}");
            if (DateTime.UtcNow > until) throw new TimeoutException($"run {runId} stayed at {p.Phase} year {p.LastCompletedYear}");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task Tiles_spread_over_all_three_silos_and_the_run_completes()
    {
        await using var cluster = await LocalCluster.StartAsync(redis, "spread", 3);
        var spec = TinyRegion.Build(lastYear: 2023);
        string specPath = WriteSpec(cluster.LogDir, spec);
        const string runId = "tiny-spread";

        var (exit, log) = await cluster.Cli("submit", ["submit", specPath, "--id", runId]);
        Assert.True(exit == 0, log);
        Assert.Contains(runId, log);
        (exit, log) = await cluster.Cli("wait", ["wait", runId, "--poll", "0.5"]);
        Assert.True(exit == 0, log);

        var perSilo = await ClusterJobs.TilesPerSilo(cluster.Connection!.Grains, runId);
        output.WriteLine(string.Join(", ", perSilo.Select(kv => $"{kv.Key}: {kv.Value} tiles")));
        Assert.Equal(3, perSilo.Count);
        Assert.All(perSilo.Values, n => Assert.True(n > 0));
        var progress = await ClusterJobs.Progress(cluster.Connection.Grains, runId);
        Assert.Equal(progress.TileCount, perSilo.Values.Sum());
        Assert.True(progress.TileCount >= 9, $"{progress.TileCount} tiles");

        (exit, log) = await cluster.Cli("status", ["status", runId]);
        Assert.True(exit == 0, log);
        Assert.Contains("done", log);
        Assert.Contains("100%", log);
    }
}
