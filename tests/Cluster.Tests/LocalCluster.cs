using System.Net.Sockets;
using System.Text;
using CarbonSim.Client.Hosting;
using CarbonSim.Grains.Persistence;

namespace CarbonSim.Cluster.Tests;

/// <summary>A redis-server the cluster tests talk to: its loopback port and the folder for logs.</summary>
public interface IRedisServer
{
    int Port { get; }
    string LogDir { get; }
}

/// <summary>One redis-server on a free loopback port for the whole test collection (no persistence).</summary>
public sealed class RedisFixture : IRedisServer, IDisposable
{
    public int Port { get; }
    public string LogDir { get; }
    readonly ChildProcess _redis;

    public RedisFixture()
    {
        string redis = Paths.OnPath("redis-server")
            ?? throw new InvalidOperationException("redis-server is not installed: the cluster tests need a real Redis (apt-get install -y redis-server; .ci/run installs it)");
        LogDir = Path.Combine(Path.GetTempPath(), "carbonsim-cluster-tests", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss") + "-" + Guid.NewGuid().ToString("N")[..6]);
        Directory.CreateDirectory(LogDir);
        Port = Net.FreePort();
        _redis = ChildProcess.Start("redis", redis, ["--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], LogDir);
        var until = DateTime.UtcNow.AddSeconds(10);
        while (!Ping())
        {
            if (DateTime.UtcNow > until || _redis.HasExited) throw new InvalidOperationException($"redis-server did not answer on port {Port}: {_redis.Log()}");
            Thread.Sleep(50);
        }
    }

    bool Ping() => RedisPing.Answers(Port);

    public void Dispose() => _redis.Dispose();
}

public static class RedisPing
{
    /// <summary>Whether a Redis on loopback <paramref name="port"/> answers PING with PONG (not while it loads its append-only file).</summary>
    public static bool Answers(int port)
    {
        try
        {
            using var tcp = new TcpClient("127.0.0.1", port);
            var s = tcp.GetStream();
            s.Write("PING\r\n"u8);
            var buf = new byte[16];
            int n = s.Read(buf);
            return Encoding.ASCII.GetString(buf, 0, n).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is SocketException or IOException) { return false; }
    }
}

[CollectionDefinition(Name)]
public sealed class RedisCollection : ICollectionFixture<RedisFixture>
{
    public const string Name = "redis";
}

/// <summary>
/// Tests that start redis-servers of their own (outages, passwords): a second collection, so xunit runs them beside the
/// shared-Redis collection instead of after it (the cluster tests mostly wait on processes; CI time).
/// </summary>
[CollectionDefinition(Name)]
public sealed class OwnRedisCollection : ICollectionFixture<RedisFixture>
{
    public const string Name = "own-redis";
}

/// <summary>
/// A fresh cluster (new cluster id and service id) of N silo processes on the shared Redis, plus an
/// Orleans client in the test process for inspection. Everything is stopped by PID on dispose.
/// </summary>
public sealed class LocalCluster : IAsyncDisposable
{
    readonly IRedisServer _redis;
    public List<ChildProcess> Silos { get; } = [];
    /// <summary>Silo-to-silo port of each silo, index-aligned with <see cref="Silos"/>.</summary>
    public List<int> SiloPorts { get; } = [];
    readonly List<ChildProcess> _clients = [];
    public string ClusterId { get; }
    public string Address => $"redis://127.0.0.1:{_redis.Port}";
    public string LogDir { get; }
    public ClusterConnection? Connection { get; private set; }

    LocalCluster(IRedisServer redis, string name)
    {
        _redis = redis;
        ClusterId = $"{name}-{Guid.NewGuid().ToString("N")[..8]}";
        LogDir = Path.Combine(redis.LogDir, ClusterId);
        Directory.CreateDirectory(LogDir);
    }

    public ClusterSettings Settings => ClusterSettings.Parse(Address) with { ClusterId = ClusterId, ServiceId = ClusterId };

    /// <summary>The cluster flags every CLI call gets.</summary>
    public string[] Flags => ["--cluster", Address, "--cluster-id", ClusterId, "--service-id", ClusterId];

    /// <summary>Starts <paramref name="silos"/> silos named silo1, silo2, … (each also gets <paramref name="siloArgs"/>) and connects.</summary>
    public static async Task<LocalCluster> StartAsync(IRedisServer redis, string name, int silos, params string[] siloArgs)
    {
        if (!File.Exists(Paths.SiloDll)) throw new InvalidOperationException($"silo build output missing: {Paths.SiloDll}");
        var cluster = new LocalCluster(redis, name);
        try
        {
            for (int i = 0; i < silos; i++) cluster.StartSilo(siloArgs);
            cluster.Connection = await ClusterConnection.ConnectAsync(cluster.Settings, TimeSpan.FromSeconds(60));
            await cluster.WaitForActiveSilos(silos, TimeSpan.FromSeconds(90));
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    public ChildProcess StartSilo(params string[] extraArgs)
    {
        int index = Silos.Count + 1;
        int port = Net.FreePort();
        var silo = ChildProcess.Start($"silo{index}", Paths.Dotnet,
            [Paths.SiloDll, .. Flags, "--silo-port", port.ToString(), "--gateway-port", Net.FreePort().ToString(),
             "--watchdog-seconds", "3", "--log-level", "Information", "--silo-name", $"silo{index}", .. extraArgs], LogDir);
        Silos.Add(silo);
        SiloPorts.Add(port);
        return silo;
    }

    public async Task WaitForActiveSilos(int count, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            var hosts = await Connection!.Client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
            if (hosts.Count == count) return;
            if (DateTime.UtcNow > until)
                throw new TimeoutException($"{hosts.Count} active silos, expected {count}; logs in {LogDir}");
            await Task.Delay(250);
        }
    }

    /// <summary>Runs <c>carbonsim &lt;args&gt;</c> (with this cluster's flags appended) and returns exit code and output.</summary>
    public async Task<(int Exit, string Output)> Cli(string name, IEnumerable<string> args, TimeSpan? timeout = null)
    {
        using var child = ChildProcess.Start(name, Paths.Dotnet, [Paths.ClientDll, .. args, .. Flags], LogDir);
        int exit = await child.WaitAsync(timeout ?? TimeSpan.FromMinutes(3));
        return (exit, child.Log());
    }

    /// <summary>Starts <c>carbonsim &lt;args&gt;</c> without waiting (stopped on dispose if still running).</summary>
    public ChildProcess StartCli(string name, IEnumerable<string> args)
    {
        var child = ChildProcess.Start(name, Paths.Dotnet, [Paths.ClientDll, .. args, .. Flags], LogDir);
        _clients.Add(child);
        return child;
    }

    public async ValueTask DisposeAsync()
    {
        if (Connection is not null) await Connection.DisposeAsync();
        foreach (var c in _clients) c.Dispose();
        // Kill silos hard: a graceful shutdown of a silo whose peers are gone can take long, and the
        // cluster id is never reused.
        foreach (var s in Silos) { s.KillHard(); s.Dispose(); }
    }
}
