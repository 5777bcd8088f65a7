using System.Diagnostics;
using CarbonSim.Client.Hosting;
using CarbonSim.Contracts;
using CarbonSim.Model.Engine;
using Xunit.Abstractions;

namespace CarbonSim.Cluster.Tests;

/// <summary>
/// Issue #9, recovery: the silo holding a run's books (city and region grains) is lost while the coordinator
/// survives. City and region grains are pinned to silo2 and the coordinator to silo1 (<c>--books-silo</c>,
/// <c>--coordinator-silo</c>), so the loss is the same in every trial. Before the fix the run still ended
/// <c>done</c> and <c>carbonsim results</c> failed with "CityYears[…]: got 'missing'".
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class BooksRecoveryTests(RedisFixture redis, ITestOutputHelper output)
{
    static readonly string[] Pinned = ["--books-silo", "silo2", "--coordinator-silo", "silo1"];

    /// <summary>12×12 grid (16 tiles of 3×3), 2020-2035: small enough for CI, long enough to lose a silo mid-run.</summary>
    static RunSpec Spec() => TinyRegion.Build(rows: 12, cols: 12, lastYear: 2035, tileSize: 3, checkpointEvery: 3);

    async Task<(LocalCluster Cluster, RunSpec Spec)> StartAndSubmit(string name, string runId)
    {
        var cluster = await LocalCluster.StartAsync(redis, name, 3, Pinned);
        var spec = Spec();
        string specPath = Path.Combine(cluster.LogDir, "tiny.runspec");
        ClusterSpecFile.Write(specPath, spec);
        var (exit, log) = await cluster.Cli("submit", ["submit", specPath, "--id", runId]);
        Assert.True(exit == 0, log);
        return (cluster, spec);
    }

    /// <summary>Silo-to-silo port of every activation of the run's city, region and simulation grains, by grain type.</summary>
    static async Task<ILookup<string, int>> Placement(LocalCluster cluster, string runId)
    {
        var stats = await ClusterFailureTests.Retrying(() => cluster.Connection!.Grains.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics());
        return stats
            .Where(s => s.GrainId.Key.ToString() is { } key && (key == runId || key.StartsWith(runId + "/", StringComparison.Ordinal)))
            .Select(s => (Type: s.GrainId.Type.ToString()!, Port: s.SiloAddress.Endpoint.Port))
            .Where(s => s.Type is "city" or "region" or "simulation")
            .ToLookup(s => s.Type, s => s.Port);
    }

    /// <summary>Waits for 3 years, checks the pinned placement: 2 cities and the region on silo2, the coordinator on silo1.</summary>
    async Task<RunProgress> WaitAndCheckPlacement(LocalCluster cluster, string runId, RunSpec spec)
    {
        var before = await ClusterFailureTests.WaitFor(cluster.Connection!.Grains, runId, p => p.Phase == RunPhase.Transient && p.YearsDone >= 3, TimeSpan.FromMinutes(4));
        var placed = await Placement(cluster, runId);
        output.WriteLine($"after year {before.LastCompletedYear}: " + string.Join("; ", placed.Select(g => $"{g.Key} on {string.Join(",", g)}")));
        Assert.Equal(Enumerable.Repeat(cluster.SiloPorts[1], 2), placed["city"]);
        Assert.Equal([cluster.SiloPorts[1]], placed["region"]);
        Assert.Equal([cluster.SiloPorts[0]], placed["simulation"]);
        Assert.True(before.LastCompletedYear < spec.LastYear - 3, "the run was nearly finished before the loss; make it longer");
        return before;
    }

    /// <summary>Waits for the run with <c>carbonsim wait</c>, then: done, never resumed (the coordinator survived), books now elsewhere, outputs equal an embedded run byte for byte.</summary>
    async Task FinishAndCompare(LocalCluster cluster, string runId, RunSpec spec)
    {
        var (exit, log) = await cluster.Cli("wait", ["wait", runId, "--poll", "1", "--timeout", "400"], TimeSpan.FromMinutes(8));
        output.WriteLine(log);
        Assert.True(exit == 0, log);
        var after = await ClusterFailureTests.Retrying(() => ClusterJobs.Progress(cluster.Connection!.Grains, runId));
        Assert.Equal(RunPhase.Done, after.Phase);
        // The coordinator's silo survived (checked before the kill), so the loop that finished is normally the first
        // one (Resumes 0). Orleans may still activate the coordinator a second time when the grain-directory
        // partition that held its entry lived on the killed silo (seen once in CI under load: Resumes 1); that
        // activation re-drives idempotent years and gives the same outputs, which is what this test checks.
        output.WriteLine($"coordinator resumes: {after.Resumes}");
        Assert.InRange(after.Resumes, 0, 1);

        var placed = await Placement(cluster, runId);
        output.WriteLine("at the end: " + string.Join("; ", placed.Select(g => $"{g.Key} on {string.Join(",", g)}")));
        Assert.Equal(2, placed["city"].Count());
        Assert.DoesNotContain(cluster.SiloPorts[1], placed["city"]);   // re-activated on a surviving silo
        Assert.DoesNotContain(cluster.SiloPorts[1], placed["region"]);

        string outDir = Path.Combine(cluster.LogDir, "out", runId);   // --out is the folder results writes into
        (exit, log) = await cluster.Cli("results", ["results", runId, "--out", outDir]);
        Assert.True(exit == 0, log);
        string reference = await ClusterFailureTests.SingleSiloReference(spec, cluster.LogDir);
        ClusterFailureTests.AssertSameOutputs(reference, outDir, output);
        Assert.True(File.Exists(Path.Combine(outDir, "cities_annual.csv")));
        Assert.True(File.Exists(Path.Combine(outDir, "region_annual.csv")));
    }

    [Fact]
    public async Task Books_silo_killed_mid_run_the_run_completes_with_outputs_identical_to_an_embedded_run()
    {
        var clock = Stopwatch.StartNew();
        const string runId = "books-kill";
        var (cluster, spec) = await StartAndSubmit("bookskill", runId);
        await using (cluster)
        {
            var before = await WaitAndCheckPlacement(cluster, runId, spec);
            cluster.Silos[1].KillHard();
            output.WriteLine($"SIGKILL silo2 (books) after year {before.LastCompletedYear}");
            await FinishAndCompare(cluster, runId, spec);
        }
        output.WriteLine($"test took {clock.Elapsed.TotalSeconds:F0} s");
    }

    [Fact]
    public async Task Books_silo_stopped_for_60_s_mid_run_the_run_goes_on_without_it_and_outputs_are_identical()
    {
        var clock = Stopwatch.StartNew();
        const string runId = "books-stop";
        var (cluster, spec) = await StartAndSubmit("booksstop", runId);
        await using (cluster)
        {
            var before = await WaitAndCheckPlacement(cluster, runId, spec);
            cluster.Silos[1].Pause();
            output.WriteLine($"SIGSTOP silo2 (books) after year {before.LastCompletedYear}");
            // At least 60 s stopped, and on until the run is done: it must finish while silo2 is frozen (its sockets
            // open, nothing answering; the cluster evicts it after about a minute), not only once silo2 is back.
            var stopped = Stopwatch.StartNew();
            await Task.Delay(TimeSpan.FromSeconds(60));
            var during = await ClusterFailureTests.Retrying(() => ClusterJobs.Progress(cluster.Connection!.Grains, runId));
            while (!during.IsFinished && stopped.Elapsed < TimeSpan.FromMinutes(5))
            {
                await Task.Delay(1000);
                during = await ClusterFailureTests.Retrying(() => ClusterJobs.Progress(cluster.Connection!.Grains, runId));
            }
            output.WriteLine($"after {stopped.Elapsed.TotalSeconds:F0} s stopped: {during.Phase}, year {during.LastCompletedYear} ({during.Error}); SIGCONT");
            cluster.Silos[1].Resume();
            Assert.Equal(RunPhase.Done, during.Phase);
            await FinishAndCompare(cluster, runId, spec);
        }
        output.WriteLine($"test took {clock.Elapsed.TotalSeconds:F0} s");
    }
}
