using CarbonSim.Contracts;
using CarbonSim.Model.Engine;
using Xunit.Abstractions;

namespace CarbonSim.Cluster.Tests;

/// <summary>A real scenario file through the detached verbs, against <c>carbonsim run</c> on an embedded silo.</summary>
[Collection(RedisCollection.Name)]
public sealed class ScenarioClusterTests(RedisFixture redis, ITestOutputHelper output)
{
    /// <summary>The bundled baseline, coarsened (40 km cells) and shortened (4 years), its data paths made absolute.</summary>
    static string SmallScenario(string dir) =>
        ScenarioFiles.Write(dir, "jjj-baseline", "jjj-small", 2023);

    [Fact]
    public async Task A_scenario_submitted_to_the_cluster_gives_the_same_output_folder_as_carbonsim_run()
    {
        await using var cluster = await LocalCluster.StartAsync(redis, "scenario", 3);
        string scenario = SmallScenario(cluster.LogDir);
        const string runId = "jjj-small-cluster";
        var (exit, log) = await cluster.Cli("submit", ["submit", scenario, "--resolution", "40", "--id", runId], TimeSpan.FromMinutes(5));
        Assert.True(exit == 0, log);
        string clusterRun = await WaitAndFetch(cluster, runId);
        string embeddedRun = await RunEmbedded(cluster, scenario, "--resolution", "40");
        ClusterFailureTests.AssertSameOutputs(embeddedRun, clusterRun, output);
    }

    /// <summary>Waits for a submitted run and writes its results; returns the run's output folder.</summary>
    internal static async Task<string> WaitAndFetch(LocalCluster cluster, string runId)
    {
        var (exit, log) = await cluster.Cli("wait", ["wait", runId, "--poll", "1", "--timeout", "600", "--quiet"], TimeSpan.FromMinutes(12));
        Assert.True(exit == 0, log);
        string clusterOut = Path.Combine(cluster.LogDir, "cluster-out");
        (exit, log) = await cluster.Cli("results", ["results", runId, "--out", Path.Combine(clusterOut, runId)], TimeSpan.FromMinutes(5));
        Assert.True(exit == 0, log);
        return Path.Combine(clusterOut, runId);
    }

    /// <summary>The same scenario and options on an embedded silo in a child process (CARBONSIM_REDIS unset); returns its output folder.</summary>
    internal static async Task<string> RunEmbedded(LocalCluster cluster, string scenario, params string[] options)
    {
        string embeddedOut = Path.Combine(cluster.LogDir, "embedded-out");
        using (var run = ChildProcess.Start("run-embedded", Paths.Dotnet,
                   [Paths.ClientDll, "run", scenario, .. options, "--out", Path.Combine(embeddedOut, "run")], cluster.LogDir,
                   new Dictionary<string, string> { ["CARBONSIM_REDIS"] = "" }))
            Assert.True(await run.WaitAsync(TimeSpan.FromMinutes(15)) == 0, run.Log());
        return Assert.Single(Directory.GetDirectories(embeddedOut));
    }
}

/// <summary>Land-use change on a real cluster: the coordinator's silo is killed mid-run and the outputs still match an embedded run.</summary>
[Collection(RedisCollection.Name)]
public sealed class LandUseClusterTests(RedisFixture redis, ITestOutputHelper output)
{
    /// <summary>Urban expansion with fast growth (so 20 km cells change every year), 2020–2029, data paths made absolute.</summary>
    static string FastUrbanExpansion(string dir) =>
        ScenarioFiles.Write(dir, "jjj-urban-expansion", "jjj-luc-small", 2029, t => t
            .Replace("\"*\": {built_up: 0.25, cropland: -0.25}", "\"*\": {built_up: 1, cropland: -1}")
            .Replace("{built_up: 0.25, grassland: -0.15, unused: -0.10}", "{built_up: 1, grassland: -1}")
            .Replace("{built_up: 0.25, grassland: -0.20, unused: -0.05}", "{built_up: 1, grassland: -1}"));

    [Fact]
    public async Task A_land_use_run_survives_losing_its_coordinators_silo_with_outputs_identical_to_an_embedded_run()
    {
        await using var cluster = await LocalCluster.StartAsync(redis, "luc", 3);
        string scenario = FastUrbanExpansion(cluster.LogDir);
        const string runId = "jjj-luc-kill";
        var (exit, log) = await cluster.Cli("submit", ["submit", scenario, "--resolution", "20", "--tile-size", "4", "--id", runId], TimeSpan.FromMinutes(5));
        Assert.True(exit == 0, log);

        var before = await ClusterFailureTests.KillCoordinatorAfter(cluster, runId, 2, output);
        Assert.True(before.LastCompletedYear < before.LastYear - 2, "the run was nearly finished before the kill; make it longer");

        string clusterRun = await ScenarioClusterTests.WaitAndFetch(cluster, runId);
        string embeddedRun = await ScenarioClusterTests.RunEmbedded(cluster, scenario, "--resolution", "20", "--tile-size", "4");
        var converted = File.ReadAllLines(Path.Combine(embeddedRun, "cities_annual.csv"));
        int column = Array.IndexOf(converted[0].Split(','), "converted_cells_yr");
        Assert.True(column >= 0, "cities_annual.csv has no converted_cells_yr column");
        double conversions = converted.Skip(1).Sum(l => double.Parse(l.Split(',')[column], System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(conversions > 20, $"only {conversions} conversions");
        ClusterFailureTests.AssertSameOutputs(embeddedRun, clusterRun, output);
    }
}
