using CarbonSim.Client.Hosting;
using CarbonSim.Contracts;
using CarbonSim.Model.Engine;
using CarbonSim.Grains.Engine;
using Xunit.Abstractions;

namespace CarbonSim.Cluster.Tests;

[Collection(RedisCollection.Name)]
public sealed class DetachedJobTests(RedisFixture redis, ITestOutputHelper output)
{
    [Fact]
    public async Task Client_killed_mid_run_then_status_wait_and_results_from_a_new_client_complete()
    {
        await using var cluster = await LocalCluster.StartAsync(redis, "detach", 3);
        var spec = TinyRegion.Build(rows: 16, cols: 16, lastYear: 2034, tileSize: 4);
        string specPath = Path.Combine(cluster.LogDir, "tiny.runspec");
        ClusterSpecFile.Write(specPath, spec);
        const string runId = "tiny-detach";
        var (exit, log) = await cluster.Cli("submit", ["submit", specPath, "--id", runId]);
        Assert.True(exit == 0, log);

        // A waiting client, killed (SIGKILL) while the run is in its years.
        var waiter = cluster.StartCli("wait-killed", ["wait", runId, "--poll", "0.5"]);
        var grains = cluster.Connection!.Grains;
        var mid = await ClusterFailureTests.WaitFor(grains, runId, p => p.Phase == RunPhase.Transient && p.YearsDone >= 2, TimeSpan.FromMinutes(3));
        Assert.False(waiter.HasExited, waiter.Log());
        waiter.KillHard();
        Assert.True(waiter.HasExited);
        output.WriteLine($"killed the waiting client at year {mid.LastCompletedYear}");

        (exit, log) = await cluster.Cli("status", ["status", runId]);
        Assert.True(exit == 0, log);
        Assert.Contains(runId, log);
        output.WriteLine(log);

        (exit, log) = await cluster.Cli("wait", ["wait", runId, "--poll", "0.5"]);
        Assert.True(exit == 0, log);
        Assert.Contains($"{runId} done", log);

        string outDir = Path.Combine(cluster.LogDir, "out");
        (exit, log) = await cluster.Cli("results", ["results", runId, "--out", Path.Combine(outDir, runId)]); // --out is the run folder itself
        Assert.True(exit == 0, log);
        Assert.True(File.Exists(Path.Combine(outDir, runId, "manifest.json")), log);
        Assert.True(File.Exists(Path.Combine(outDir, runId, "cities_annual.csv")), log);
        int rows = File.ReadAllLines(Path.Combine(outDir, runId, "cities_annual.csv")).Length;
        Assert.True(rows >= spec.YearCount * spec.CityIds.Length, $"{rows} rows in cities_annual.csv");

        // Cancel: a second run stops at a year boundary; wait reports it and exits 1.
        const string cancelId = "tiny-cancel";
        string longSpec = Path.Combine(cluster.LogDir, "tiny-long.runspec");
        ClusterSpecFile.Write(longSpec, TinyRegion.Build(rows: 16, cols: 16, lastYear: 2150, tileSize: 4));
        (exit, log) = await cluster.Cli("submit2", ["submit", longSpec, "--id", cancelId]);
        Assert.True(exit == 0, log);
        await ClusterFailureTests.WaitFor(grains, cancelId, p => p.Phase == RunPhase.Transient, TimeSpan.FromMinutes(3));
        (exit, log) = await cluster.Cli("cancel", ["cancel", cancelId]);
        Assert.True(exit == 0, log);
        (exit, log) = await cluster.Cli("wait-cancelled", ["wait", cancelId, "--poll", "0.5"]);
        Assert.Equal(3, exit); // run failed / cancelled
        Assert.Contains("cancelled", log);
        var cancelled = await ClusterJobs.Progress(grains, cancelId);
        Assert.Equal(RunPhase.Cancelled, cancelled.Phase);
        Assert.True(cancelled.LastCompletedYear < 2150);

        (exit, log) = await cluster.Cli("list", ["list"]);
        Assert.True(exit == 0, log);
        Assert.Contains(runId, log);
        Assert.Contains(cancelId, log);
        output.WriteLine(log);

        // Unknown ids and results of an unfinished job are clear one-line errors.
        (exit, log) = await cluster.Cli("status-unknown", ["status", "no-such-run"]);
        Assert.Equal(2, exit); // bad input
        Assert.Contains("no run or batch with id 'no-such-run'", log);
        (exit, log) = await cluster.Cli("results-cancelled", ["results", cancelId, "--out", Path.Combine(outDir, cancelId)]);
        Assert.Equal(3, exit); // not done
        Assert.Contains("not done", log);
    }

    [Fact]
    public async Task Batch_of_eight_members_with_concurrency_three_completes_and_computes_each_spinup_once()
    {
        await using var cluster = await LocalCluster.StartAsync(redis, "batch", 3);
        var spec = TinyRegion.Build(lastYear: 2024);
        string specPath = Path.Combine(cluster.LogDir, "tiny.runspec");
        ClusterSpecFile.Write(specPath, spec);
        string batchFile = Path.Combine(cluster.LogDir, "ensemble.yaml");
        File.WriteAllText(batchFile,
            """
            version: 1
            name: tiny-ensemble
            concurrency: 3
            spec: tiny.runspec
            ensemble:
              members: 8
              seed: 7
              perturb:
                co2: 0.05
                ndep: 0.2
            """);
        const string batchId = "tiny-batch";
        var (exit, log) = await cluster.Cli("batch", ["batch", batchFile, "--id", batchId]);
        Assert.True(exit == 0, log);

        // Watch the batch: never more than three members unfinished-and-started at once.
        var grains = cluster.Connection!.Grains;
        int maxRunning = 0;
        CarbonSim.Contracts.BatchStatus status;
        var until = DateTime.UtcNow.AddMinutes(6);
        while (true)
        {
            status = await ClusterJobs.BatchStatus(grains, batchId);
            maxRunning = Math.Max(maxRunning, status.Running);
            if (status.Phase is not (RunPhase.Transient or RunPhase.NotStarted)) break;
            Assert.True(DateTime.UtcNow < until, $"batch stuck: {status.Finished}/{status.Members.Length}");
            await Task.Delay(100);
        }
        Assert.Equal(RunPhase.Done, status.Phase);
        Assert.Equal(8, status.Members.Length);
        Assert.All(status.Members, m => Assert.Equal(RunPhase.Done, m.Phase));
        Assert.InRange(maxRunning, 2, 3);
        output.WriteLine($"at most {maxRunning} members running at once");

        (exit, log) = await cluster.Cli("wait", ["wait", batchId]);
        Assert.True(exit == 0, log);

        // Spin-ups: one grain per distinct (vegetation, site, climate) key, each computed exactly once for all 8 members.
        var combos = Tiling.DistinctCombos(spec.Cells, Enumerable.Range(0, spec.Cells.Count));
        var keys = combos.Select(c => SpinupKey.Of(SpinupRequests.For(spec, c))).Distinct().ToArray();
        Assert.Equal(4, keys.Length);
        foreach (var key in keys)
        {
            var info = await grains.GetGrain<ISpinupGrain>(key).GetInfo();
            Assert.True(info.Done, key);
            Assert.Equal(1, info.ComputeCount);
        }
        output.WriteLine($"{keys.Length} distinct spin-ups, each computed once for {status.Members.Length} members");

        string outDir = Path.Combine(cluster.LogDir, "out");
        (exit, log) = await cluster.Cli("results", ["results", batchId, "--out", Path.Combine(outDir, batchId), "--no-charts"], TimeSpan.FromMinutes(5));
        Assert.True(exit == 0, log);
        output.WriteLine(log);
        var summary = File.ReadAllLines(Path.Combine(outDir, batchId, "batch_summary.csv"));
        Assert.Equal(1 + 8 + 4, summary.Length);
        var totals = summary.Skip(1).Take(8).Select(l => double.Parse(l.Split(',')[3], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.True(totals.Distinct().Count() > 1, "perturbed members should differ");
        var mean = double.Parse(summary[9].Split(',')[3], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(totals.Average(), mean, 12);
        Assert.All(status.Members, m => Assert.True(Directory.Exists(Path.Combine(outDir, batchId, m.RunId)), m.RunId));
    }
}
