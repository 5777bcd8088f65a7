namespace CarbonSim.Cluster.Tests;

/// <summary>
/// The cluster verbs' failure reports through the real <c>carbonsim</c> process (README exit codes): Redis up
/// but no silo registered is exit 4 with one line naming the cluster, after <c>--connect-timeout</c>, not a
/// hosting stack trace. (Redis not listening at all: Client.Tests/Cli/BadInputTests.)
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class ClusterCliErrorTests(RedisFixture redis)
{
    [Fact]
    public async Task Status_with_redis_up_and_no_silo_exits_4_with_one_line_after_the_connect_timeout()
    {
        string clusterId = "no-silos-" + Guid.NewGuid().ToString("N")[..8];
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var cli = ChildProcess.Start("status-no-silo", Paths.Dotnet,
            [Paths.ClientDll, "status", "--cluster", $"redis://127.0.0.1:{redis.Port}", "--cluster-id", clusterId, "--connect-timeout", "3"], redis.LogDir);
        int exit = await cli.WaitAsync(TimeSpan.FromMinutes(1));
        string log = cli.Log();
        Assert.True(exit == 4, $"exit {exit}: {log}");
        Assert.Contains("no CarbonSim silo answered", log);
        Assert.Contains($"cluster={clusterId}", log);
        Assert.DoesNotContain("   at ", log); // no stack trace
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed.TotalSeconds:F0} s with --connect-timeout 3");
    }
}
