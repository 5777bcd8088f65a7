using System.Text.Json.Nodes;
using CarbonSim.Client.Hosting;
using CarbonSim.Client.Output;
using CarbonSim.Contracts;
using CarbonSim.Model.Engine;
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

[Collection(RedisCollection.Name)]
public sealed class ClusterFailureTests(RedisFixture redis, ITestOutputHelper output)
{
    /// <summary>Every file of <paramref name="a"/> and <paramref name="b"/> (relative paths) must match byte for byte, except the timings in manifest.json.</summary>
    internal static void AssertSameOutputs(string a, string b, ITestOutputHelper output)
    {
        static string[] Files(string dir) => Directory.GetFiles(dir, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(dir, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToArray();
        var fa = Files(a); var fb = Files(b);
        Assert.Equal(fa, fb);
        Assert.True(fa.Length >= 5, $"only {fa.Length} files");
        foreach (var rel in fa)
        {
            if (rel == Manifest.FileName)
            {
                var ja = JsonNode.Parse(File.ReadAllText(Path.Combine(a, rel)))!.AsObject();
                var jb = JsonNode.Parse(File.ReadAllText(Path.Combine(b, rel)))!.AsObject();
                ja.Remove("timings"); jb.Remove("timings");
                Assert.Equal(ja.ToJsonString(), jb.ToJsonString());
            }
            else
                Assert.True(File.ReadAllBytes(Path.Combine(a, rel)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(b, rel))), $"{rel} differs");
        }
        output.WriteLine($"{fa.Length} files identical: {string.Join(", ", fa)}");
    }

    /// <summary>The reference: the same spec on one embedded silo in this process, written by the same writer.</summary>
    internal static async Task<string> SingleSiloReference(RunSpec spec, string dir)
    {
        await using var embedded = await EmbeddedCluster.StartAsync();
        var outcome = await RunDriver.RunAsync(embedded.Grains, "reference", spec);
        var results = ClusterResults.FromSpec(spec, outcome, ClusterSpecHash.Of(spec), []);
        return OutputWriter.WriteAll(results, Path.Combine(dir, "reference")).Directory;
    }

    [Fact]
    public async Task Silo_killed_mid_run_the_run_completes_with_outputs_identical_to_a_single_silo_run()
    {
        await using var cluster = await LocalCluster.StartAsync(redis, "kill", 3);
        var spec = TinyRegion.Build(rows: 16, cols: 16, lastYear: 2039, tileSize: 4, checkpointEvery: 3);
        string specPath = Path.Combine(cluster.LogDir, "tiny.runspec");
        ClusterSpecFile.Write(specPath, spec);
        const string runId = "tiny-kill";
        var (exit, log) = await cluster.Cli("submit", ["submit", specPath, "--id", runId]);
        Assert.True(exit == 0, log);

        // Mid-run: some years done, most not. Kill the silo that hosts the run's coordinator (SIGKILL).
        var grains = cluster.Connection!.Grains;
        var before = await KillCoordinatorAfter(cluster, runId, 2, output);
        Assert.True(before.LastCompletedYear < spec.LastYear - 3, "the run was nearly finished before the kill; make it longer");

        (exit, log) = await cluster.Cli("wait", ["wait", runId, "--poll", "1", "--timeout", "400"], TimeSpan.FromMinutes(8));
        output.WriteLine(log);
        Assert.True(exit == 0, log);
        var after = await Retrying(() => ClusterJobs.Progress(grains, runId));
        Assert.Equal(RunPhase.Done, after.Phase);
        Assert.True(after.Resumes >= 1, "the run should have been resumed by a new coordinator");

        string outDir = Path.Combine(cluster.LogDir, "out");
        (exit, log) = await cluster.Cli("results", ["results", runId, "--out", Path.Combine(outDir, runId)]); // --out is the run folder itself
        Assert.True(exit == 0, log);
        string reference = await SingleSiloReference(spec, cluster.LogDir);
        AssertSameOutputs(reference, Path.Combine(outDir, runId), output);
    }

    [Fact]
    public async Task Every_silo_killed_mid_run_new_silos_finish_it_from_the_stored_checkpoints()
    {
        await using var cluster = await LocalCluster.StartAsync(redis, "restart", 2);
        var spec = TinyRegion.Build(rows: 16, cols: 16, lastYear: 2039, tileSize: 4, checkpointEvery: 3);
        string specPath = Path.Combine(cluster.LogDir, "tiny.runspec");
        ClusterSpecFile.Write(specPath, spec);
        const string runId = "tiny-restart";
        var (exit, log) = await cluster.Cli("submit", ["submit", specPath, "--id", runId]);
        Assert.True(exit == 0, log);
        var before = await WaitFor(cluster.Connection!.Grains, runId, p => p.Phase == RunPhase.Transient && p.YearsDone >= 4, TimeSpan.FromMinutes(3));
        foreach (var silo in cluster.Silos) silo.KillHard();
        output.WriteLine($"killed every silo after year {before.LastCompletedYear}");
        Assert.True(before.LastCompletedYear < spec.LastYear - 3, "the run was nearly finished before the kill; make it longer");

        // New silo processes (new ports) on the same Redis, cluster id and service id; no client until they are up.
        cluster.StartSilo();
        cluster.StartSilo();
        (exit, log) = await cluster.Cli("wait", ["wait", runId, "--poll", "1", "--timeout", "400", "--connect-timeout", "120"], TimeSpan.FromMinutes(8));
        output.WriteLine(log);
        Assert.True(exit == 0, log);
        (exit, log) = await cluster.Cli("status", ["status", runId, "--connect-timeout", "60"]);
        Assert.Contains("resumed", log);

        string outDir = Path.Combine(cluster.LogDir, "out");
        (exit, log) = await cluster.Cli("results", ["results", runId, "--out", Path.Combine(outDir, runId), "--connect-timeout", "60"]);
        Assert.True(exit == 0, log);
        string reference = await SingleSiloReference(spec, cluster.LogDir);
        AssertSameOutputs(reference, Path.Combine(outDir, runId), output);
    }

    /// <summary>Retries a call from the test's own client for up to a minute (its gateway may be the silo that was killed).</summary>
    internal static async Task<T> Retrying<T>(Func<Task<T>> call)
    {
        var until = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            try { return await call(); }
            catch (Exception) when (DateTime.UtcNow < until) { await Task.Delay(500); }
        }
    }

    /// <summary>Waits until <paramref name="years"/> years of the run are done, then SIGKILLs the silo hosting its coordinator; returns the progress seen before the kill.</summary>
    internal static async Task<RunProgress> KillCoordinatorAfter(LocalCluster cluster, string runId, int years, ITestOutputHelper output)
    {
        var grains = cluster.Connection!.Grains;
        var before = await WaitFor(grains, runId, p => p.Phase == RunPhase.Transient && p.YearsDone >= years, TimeSpan.FromMinutes(5));
        var stats = await grains.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        var coordinator = stats.Single(s => s.GrainId.Key.ToString() == runId && s.GrainId.Type.ToString()!.Contains("simulation"));
        int victim = cluster.SiloPorts.IndexOf(coordinator.SiloAddress.Endpoint.Port);
        Assert.True(victim >= 0, $"coordinator on unknown silo {coordinator.SiloAddress}");
        cluster.Silos[victim].KillHard();
        output.WriteLine($"killed silo{victim + 1} (coordinator) after year {before.LastCompletedYear} of {before.FirstYear}-{before.LastYear}");
        return before;
    }

    internal static async Task<RunProgress> WaitFor(IGrainFactory grains, string runId, Func<RunProgress, bool> condition, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            var p = await ClusterJobs.Progress(grains, runId);
            if (condition(p)) return p;
            if (p.IsFinished) throw new InvalidOperationException($"run {runId} finished ({p.Phase}) before the condition held: {p.Error}");
            if (DateTime.UtcNow > until) throw new TimeoutException($"run {runId} stayed at {p.Phase} year {p.LastCompletedYear}");
            await Task.Delay(100);
        }
    }
}
