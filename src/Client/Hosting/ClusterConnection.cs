using CarbonSim.Grains.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using StackExchange.Redis;

namespace CarbonSim.Client.Hosting;

/// <summary>An Orleans client connected to a Redis-backed CarbonSim cluster (see docs/cluster.md).</summary>
public sealed class ClusterConnection : IAsyncDisposable
{
    readonly IHost _host;

    ClusterConnection(IHost host, ClusterSettings settings) { _host = host; Settings = settings; }

    public ClusterSettings Settings { get; }
    public IClusterClient Client => _host.Services.GetRequiredService<IClusterClient>();
    public IGrainFactory Grains => Client;

    /// <summary>
    /// Connects to the silos registered in Redis under the settings' cluster id. Fails with a clear
    /// message (naming the cluster, never the password) if no silo answers within <paramref name="timeout"/>.
    /// </summary>
    public static async Task<ClusterConnection> ConnectAsync(ClusterSettings settings, TimeSpan? timeout = null)
    {
        await ProbeRedisAsync(settings, timeout ?? TimeSpan.FromSeconds(30));
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Error);
        builder.Logging.AddFilter("Orleans", LogLevel.Critical);
        builder.Logging.AddFilter("Polly", LogLevel.Critical); // retries that end in an exception are reported once, as one line
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.None); // a failed start is reported below, in one line
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o => { o.ClusterId = settings.ClusterId; o.ServiceId = settings.ServiceId; });
            client.UseRedisClustering(o => o.ConfigurationOptions = settings.RedisOptions());
        });
        var host = builder.Build();
        var wait = timeout ?? TimeSpan.FromSeconds(30);
        using var cts = new CancellationTokenSource(wait);
        string advice = "are silos running with the same --cluster, --cluster-id and --service-id?";
        var start = host.StartAsync(cts.Token);
        // The Orleans client notices the cancellation only between its connection attempts; do not wait for that.
        if (await Task.WhenAny(start, Task.Delay(wait + TimeSpan.FromSeconds(1))) != start)
        {
            _ = start.ContinueWith(_ => host.Dispose(), TaskScheduler.Default);
            throw new ClusterUnavailableException($"no CarbonSim silo answered within {wait.TotalSeconds:0.#} s for {settings}; {advice}");
        }
        try { await start; }
        catch (Exception e)
        {
            host.Dispose();
            string why = e is OperationCanceledException ? $"none within {wait.TotalSeconds:0.#} s" : $"{e.GetType().Name}: {e.Message}";
            throw new ClusterUnavailableException($"no CarbonSim silo answered for {settings} ({why}); {advice}", e);
        }
        return new ClusterConnection(host, settings);
    }

    /// <summary>
    /// Connects to Redis once, without retries, and pings it (<see cref="RedisProbe"/>), so that a stopped or unreachable
    /// Redis or a refused password is reported as such within seconds (the Orleans client would retry until its timeout and blame the silos).
    /// </summary>
    public static async Task ProbeRedisAsync(ClusterSettings settings, TimeSpan timeout)
    {
        if (await RedisProbe.ProblemAsync(settings, timeout) is { } problem) throw new ClusterUnavailableException(problem);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try { await _host.StopAsync(timeout.Token); }
        catch (Exception) { /* the process is ending; a slow gateway must not hang it */ }
        _host.Dispose();
    }
}

/// <summary>The cluster could not be reached.</summary>
public sealed class ClusterUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
