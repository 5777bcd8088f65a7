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
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Error);
        builder.Logging.AddFilter("Orleans", LogLevel.Critical);
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o => { o.ClusterId = settings.ClusterId; o.ServiceId = settings.ServiceId; });
            client.UseRedisClustering(o => o.ConfigurationOptions = ConfigurationOptions.Parse(settings.RedisConfiguration));
        });
        var host = builder.Build();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        try { await host.StartAsync(cts.Token); }
        catch (Exception e)
        {
            host.Dispose();
            throw new ClusterUnavailableException($"no CarbonSim silo answered for {settings} ({e.GetType().Name}: {e.Message}); are silos running with the same --cluster, --cluster-id and --service-id?", e);
        }
        return new ClusterConnection(host, settings);
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
