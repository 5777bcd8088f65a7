using CarbonSim.Grains.Persistence;
using CarbonSim.Client.Hosting;
using CarbonSim.Contracts;
using Xunit.Abstractions;

namespace CarbonSim.Cluster.Tests;

/// <summary>
/// A redis-server of a test's own on a fixed loopback port and data folder, which the test kills (SIGKILL) and starts
/// again on the same port and folder: with <c>--appendonly yes</c> the restarted server reloads what it had.
/// </summary>
public sealed class RestartableRedis : IRedisServer, IDisposable
{
    public int Port { get; } = Net.FreePort();
    public string LogDir { get; }
    public string DataDir { get; }
    readonly bool _appendOnly;
    ChildProcess? _redis;
    int _starts;

    public RestartableRedis(string logDir, bool appendOnly)
    {
        LogDir = logDir;
        _appendOnly = appendOnly;
        DataDir = Path.Combine(logDir, $"redis-data-{Port}");
        Directory.CreateDirectory(DataDir);
        Start();
    }

    /// <summary>Starts redis-server (again) and waits until it answers PING (after loading its append-only file).</summary>
    public void Start()
    {
        _redis?.Dispose();
        string redis = Paths.OnPath("redis-server") ?? throw new InvalidOperationException("redis-server is not installed (apt-get install -y redis-server)");
        _redis = ChildProcess.Start($"redis-{Port}-{++_starts}", redis,
            ["--port", Port.ToString(), "--bind", "127.0.0.1", "--dir", DataDir, "--save", "",
             "--appendonly", _appendOnly ? "yes" : "no", "--appendfsync", "everysec"], LogDir);
        var until = DateTime.UtcNow.AddSeconds(20);
        while (!RedisPing.Answers(Port))
        {
            if (DateTime.UtcNow > until || _redis.HasExited) throw new InvalidOperationException($"redis-server did not answer on port {Port}: {_redis.Log()}");
            Thread.Sleep(50);
        }
    }

    /// <summary>SIGKILL: Redis dies without a chance to write anything more.</summary>
    public void Kill() => _redis?.KillHard();

    public void Dispose() => _redis?.Dispose();
}

/// <summary>Issue #14: a run rides out a Redis outage (real redis-server, two silo processes, the CLI).</summary>
[Collection(OwnRedisCollection.Name)]
public sealed class RedisOutageTests(RedisFixture shared, ITestOutputHelper output)
{
    /// <summary>Seconds Redis stays down.</summary>
    const int OutageSeconds = 10;

    [Fact]
    public async Task Redis_killed_for_10_s_mid_run_with_AOF_the_run_completes_identical_to_an_embedded_run()
    {
        using var redis = new RestartableRedis(shared.LogDir, appendOnly: true);
        await using var cluster = await LocalCluster.StartAsync(redis, "outage", 2);
        var spec = TinyRegion.Build(rows: 12, cols: 12, lastYear: 2035, tileSize: 4, checkpointEvery: 3);
        string specPath = Path.Combine(cluster.LogDir, "tiny.runspec");
        ClusterSpecFile.Write(specPath, spec);
        const string runId = "tiny-outage";
        var (exit, log) = await cluster.Cli("submit", ["submit", specPath, "--id", runId]);
        Assert.True(exit == 0, log);

        var before = await ClusterFailureTests.WaitFor(cluster.Connection!.Grains, runId, p => p.Phase == RunPhase.Transient && p.YearsDone >= 2, TimeSpan.FromMinutes(5));
        redis.Kill();
        output.WriteLine($"Redis killed after year {before.LastCompletedYear} of {before.FirstYear}-{before.LastYear}");
        Assert.True(before.LastCompletedYear < spec.LastYear - 3, "the run was nearly finished before the outage; make it longer");
        await Task.Delay(TimeSpan.FromSeconds(OutageSeconds));
        // Every year's progress is written to Redis before the next starts, so the run cannot have finished meanwhile.
        var during = await ClusterFailureTests.Retrying(() => ClusterJobs.Progress(cluster.Connection.Grains, runId));
        Assert.False(during.IsFinished, $"the run ended while Redis was down: {during.Phase} {during.Error}");
        redis.Start();
        output.WriteLine($"Redis restarted; the run was at year {during.LastCompletedYear}");

        (exit, log) = await cluster.Cli("wait", ["wait", runId, "--poll", "1", "--timeout", "400"], TimeSpan.FromMinutes(8));
        output.WriteLine(log);
        Assert.True(exit == 0, log);
        string outDir = Path.Combine(cluster.LogDir, "out", runId);
        (exit, log) = await cluster.Cli("results", ["results", runId, "--out", outDir]);
        Assert.True(exit == 0, log);
        string reference = await ClusterFailureTests.SingleSiloReference(spec, cluster.LogDir);
        ClusterFailureTests.AssertSameOutputs(reference, outDir, output);
        var silos = string.Join("\n", cluster.Silos.Select(s => s.Log()));
        Assert.Contains("RedisConnectionException", silos); // the outage reached the run's storage writes, which were retried
    }

    [Fact]
    public async Task A_run_failed_by_an_outage_longer_than_the_window_is_resumed_with_identical_outputs()
    {
        using var redis = new RestartableRedis(shared.LogDir, appendOnly: true);
        await using var cluster = await LocalCluster.StartAsync(redis, "resume", 2, "--storage-outage-seconds", "3");
        var spec = TinyRegion.Build(rows: 12, cols: 12, lastYear: 2035, tileSize: 4, checkpointEvery: 3);
        string specPath = Path.Combine(cluster.LogDir, "tiny.runspec");
        ClusterSpecFile.Write(specPath, spec);
        const string runId = "tiny-resume";
        var (exit, log) = await cluster.Cli("submit", ["submit", specPath, "--id", runId]);
        Assert.True(exit == 0, log);
        var grains = cluster.Connection!.Grains;
        var before = await ClusterFailureTests.WaitFor(grains, runId, p => p.Phase == RunPhase.Transient && p.YearsDone >= 2, TimeSpan.FromMinutes(5));
        redis.Kill();
        output.WriteLine($"Redis killed after year {before.LastCompletedYear}");

        // Down for longer than the 3 s window: the run fails (the coordinator answers from memory; Redis is not needed for that).
        var until = DateTime.UtcNow.AddMinutes(4);
        RunProgress failed;
        while ((failed = await ClusterFailureTests.Retrying(() => ClusterJobs.Progress(grains, runId))).Phase != RunPhase.Failed)
        {
            Assert.False(failed.IsFinished, $"the run ended {failed.Phase} while Redis was down");
            Assert.True(DateTime.UtcNow < until, $"the run did not fail within 4 minutes of Redis going down (year {failed.LastCompletedYear})");
            await Task.Delay(500);
        }
        output.WriteLine($"failed at year {failed.LastCompletedYear}: {failed.Error}");
        Assert.True(failed.LastCompletedYear < spec.LastYear, "the run failed after its last year");
        redis.Start();

        (exit, log) = await cluster.Cli("resume", ["resume", runId], TimeSpan.FromMinutes(3));
        output.WriteLine(log);
        Assert.True(exit == 0, log);
        Assert.Contains("resumed after it failed", log);
        (exit, log) = await cluster.Cli("wait", ["wait", runId, "--poll", "1", "--timeout", "400"], TimeSpan.FromMinutes(8));
        output.WriteLine(log);
        Assert.True(exit == 0, log);
        var done = await ClusterFailureTests.Retrying(() => ClusterJobs.Progress(grains, runId));
        Assert.Equal(1, done.Attempt); // the same attempt, continued; not a new submission
        Assert.True(done.Resumes >= 1);
        (exit, log) = await cluster.Cli("resume", ["resume", runId]);
        Assert.True(exit == 0 && log.Contains("already done"), log);

        string outDir = Path.Combine(cluster.LogDir, "out", runId);
        (exit, log) = await cluster.Cli("results", ["results", runId, "--out", outDir]);
        Assert.True(exit == 0, log);
        string reference = await ClusterFailureTests.SingleSiloReference(spec, cluster.LogDir);
        ClusterFailureTests.AssertSameOutputs(reference, outDir, output);
    }
}

/// <summary>Issue #14 without a cluster: which failures count as a storage outage, and how a write rides one out.</summary>
public sealed class StorageOutageUnitTests
{
    /// <summary>An <see cref="IPersistentState{T}"/> whose writes fail as scripted.</summary>
    sealed class ScriptedState(params Exception?[] writes) : IPersistentState<List<int>>
    {
        int _write;
        public List<int> State { get; set; } = [];
        public List<List<int>> Written { get; } = [];
        public int Reads { get; private set; }
        public string? Etag => null;
        public bool RecordExists => Written.Count > 0;
        public Task ClearStateAsync() => Task.CompletedTask;
        public Task ReadStateAsync() { Reads++; State = [.. Written.LastOrDefault() ?? []]; return Task.CompletedTask; }
        public Task WriteStateAsync()
        {
            var failure = _write < writes.Length ? writes[_write] : null;
            _write++;
            if (failure is not null) throw failure;
            Written.Add([.. State]);
            return Task.CompletedTask;
        }
    }

    static Exception SocketFailure() => new StackExchange.Redis.RedisConnectionException(
        StackExchange.Redis.ConnectionFailureType.SocketFailure, "SocketFailure (ReadSocketError/ConnectionReset) on 127.0.0.1:6379/Interactive");

    /// <summary>What Orleans' Redis storage and its storage bridge throw: the client's exception only as text, no inner exception.</summary>
    static Exception AsTheProviderThrowsIt(Exception client) => new OrleansException(
        "Error from storage provider RedisGrainStorage.progress during WriteStateAsync for grain simulation/x\nExc level 0: Orleans.Persistence.Redis.RedisStorageException: Failed to write grain state. "
        + client.GetType().FullName + ": " + client.Message);

    [Fact]
    public void Redis_connection_and_timeout_failures_are_an_outage_also_as_the_storage_provider_wraps_them_other_errors_are_not()
    {
        Assert.True(RecoveryPolicy.IsStorageOutage(SocketFailure()));
        Assert.True(RecoveryPolicy.IsStorageOutage(new OrleansException("storage", SocketFailure())));
        Assert.True(RecoveryPolicy.IsStorageOutage(AsTheProviderThrowsIt(SocketFailure())));
        Assert.True(RecoveryPolicy.IsStorageOutage(AsTheProviderThrowsIt(new StackExchange.Redis.RedisTimeoutException("Timeout awaiting response", StackExchange.Redis.CommandStatus.Sent))));
        Assert.True(RecoveryPolicy.IsStorageOutage(new StackExchange.Redis.RedisServerException("LOADING Redis is loading the dataset in memory")));
        Assert.True(RecoveryPolicy.IsTransient(AsTheProviderThrowsIt(SocketFailure())));

        Assert.False(RecoveryPolicy.IsStorageOutage(new InvalidOperationException("tile 3 asked to skip year 2024")));
        Assert.False(RecoveryPolicy.IsStorageOutage(new Orleans.Storage.InconsistentStateException("etag mismatch")));
        Assert.False(RecoveryPolicy.IsStorageOutage(new StackExchange.Redis.RedisServerException("WRONGPASS invalid username-password pair")));
        Assert.False(RecoveryPolicy.IsStorageOutage(new TimeoutException("grain call timed out"))); // transient, but not storage: 120 s budget
    }

    [Fact]
    public async Task A_write_failing_while_Redis_is_down_is_repeated_until_it_succeeds()
    {
        var state = new ScriptedState(SocketFailure(), AsTheProviderThrowsIt(SocketFailure()), null);
        await StorageWrites.Write(state, s => s.Add(7), TimeSpan.FromMinutes(1), Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, "test");
        var written = Assert.Single(state.Written);
        Assert.Equal([7, 7, 7], written); // applied before each attempt (this apply is not idempotent, to show the count)
    }

    [Fact]
    public async Task A_write_still_failing_when_the_window_is_spent_throws_and_other_errors_are_not_repeated()
    {
        var down = new ScriptedState(Enumerable.Range(0, 100).Select(_ => SocketFailure()).ToArray<Exception?>());
        await Assert.ThrowsAsync<StackExchange.Redis.RedisConnectionException>(() =>
            StorageWrites.Write(down, _ => { }, TimeSpan.Zero, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, "test"));
        Assert.Empty(down.Written);

        var wrong = new ScriptedState(new InvalidOperationException("stored state of another schema"), null);
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            StorageWrites.Write(wrong, _ => { }, TimeSpan.FromMinutes(1), Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, "test"));
        Assert.Empty(wrong.Written);
    }

    [Fact]
    public async Task A_write_whose_reply_was_lost_reloads_the_record_applies_again_and_writes()
    {
        var state = new ScriptedState(new Orleans.Storage.InconsistentStateException("etag mismatch"), null);
        state.State = [1];
        await StorageWrites.Write(state, s => { s.Clear(); s.Add(42); }, TimeSpan.FromMinutes(1), Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, "test");
        Assert.Equal(1, state.Reads);
        Assert.Equal([42], Assert.Single(state.Written));
    }
}
