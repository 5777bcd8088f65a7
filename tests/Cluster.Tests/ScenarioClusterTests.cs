using Xunit.Abstractions;

namespace CarbonSim.Cluster.Tests;

/// <summary>A real scenario file through the detached verbs, against <c>carbonsim run</c> on an embedded silo.</summary>
[Collection(RedisCollection.Name)]
public sealed class ScenarioClusterTests(RedisFixture redis, ITestOutputHelper output)
{
    /// <summary>The bundled baseline, coarsened (40 km cells) and shortened (4 years), its data paths made absolute.</summary>
    static string SmallScenario(string dir)
    {
        string data = Path.Combine(Paths.RepoRoot, "data").Replace('\\', '/');
        string text = File.ReadAllText(Path.Combine(Paths.RepoRoot, "scenarios", "jjj-baseline.yaml"))
            .Replace("../data/", data + "/")
            .Replace("name: jjj-baseline", "name: jjj-small")
            .Replace("  end: 2060", "  end: 2023")
            .Replace("raster_years: [2020, 2030, 2040, 2050, 2060]", "raster_years: [2020, 2023]");
        Assert.Contains("end: 2023", text);
        string path = Path.Combine(dir, "jjj-small.yaml");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task A_scenario_submitted_to_the_cluster_gives_the_same_output_folder_as_carbonsim_run()
    {
        await using var cluster = await LocalCluster.StartAsync(redis, "scenario", 3);
        string scenario = SmallScenario(cluster.LogDir);
        const string runId = "jjj-small-cluster";
        var (exit, log) = await cluster.Cli("submit", ["submit", scenario, "--resolution", "40", "--id", runId], TimeSpan.FromMinutes(5));
        Assert.True(exit == 0, log);
        (exit, log) = await cluster.Cli("wait", ["wait", runId, "--poll", "1", "--quiet"], TimeSpan.FromMinutes(15));
        Assert.True(exit == 0, log);
        string clusterOut = Path.Combine(cluster.LogDir, "cluster-out");
        (exit, log) = await cluster.Cli("results", ["results", runId, "--out", clusterOut], TimeSpan.FromMinutes(5));
        Assert.True(exit == 0, log);

        // The embedded run: same scenario and options, no cluster (CARBONSIM_REDIS unset for the child).
        string embeddedOut = Path.Combine(cluster.LogDir, "embedded-out");
        using (var run = ChildProcess.Start("run-embedded", Paths.Dotnet,
                   [Paths.ClientDll, "run", scenario, "--resolution", "40", "--out", embeddedOut], cluster.LogDir,
                   new Dictionary<string, string> { ["CARBONSIM_REDIS"] = "" }))
            Assert.True(await run.WaitAsync(TimeSpan.FromMinutes(15)) == 0, run.Log());
        string embeddedRun = Assert.Single(Directory.GetDirectories(embeddedOut));
        ClusterFailureTests.AssertSameOutputs(embeddedRun, Path.Combine(clusterOut, runId), output);
    }
}
