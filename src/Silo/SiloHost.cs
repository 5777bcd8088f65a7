using System.Net;
using System.Net.Sockets;
using CarbonSim.Grains.Engine;
using CarbonSim.Model.Engine;
using CarbonSim.Grains.Hosting;
using CarbonSim.Grains.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Serialization;
using StackExchange.Redis;

namespace CarbonSim.Silo;

/// <summary>Builds the silo host: Redis clustering + Redis grain storage when given a Redis address, localhost otherwise.</summary>
public static class SiloHost
{
    /// <summary>The silo host; with <see cref="SiloOptions.DashboardPort"/> set, an ASP.NET Core host that also serves the dashboard.</summary>
    public static IHost Build(SiloOptions options)
    {
        if (options.DashboardPort is not null) return SiloDashboard.Build(options);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        Configure(builder, options);
        return builder.Build();
    }

    /// <summary>Logging, Orleans and the watchdog: the same for the plain host and the dashboard host.</summary>
    public static void Configure(IHostApplicationBuilder builder, SiloOptions options, Action<ISiloBuilder>? extra = null)
    {
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; });
        builder.Logging.SetMinimumLevel(Enum.TryParse<LogLevel>(options.LogLevel, true, out var level) ? level : LogLevel.Warning);
        builder.Logging.AddFilter("Orleans", LogLevel.Error);
        builder.Logging.AddFilter("Polly", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Logging.AddFilter("CarbonSim", LogLevel.Information);
        builder.Logging.AddFilter("CarbonSim.Silo.RunWatchdog", LogLevel.Warning);

        builder.UseOrleans(silo =>
        {
            if (options.SiloName is { } name) silo.Configure<Orleans.Configuration.SiloOptions>(o => o.SiloName = name);
            if (options.Cluster is { } cluster) silo.UseCarbonSimRedis(cluster, options);
            else
            {
                silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort);
                silo.AddCarbonSimEngine(placement: Placement(options), storageOutageSeconds: options.StorageOutageSeconds);
            }
            extra?.Invoke(silo);
        });
        if (options.WatchdogSeconds > 0)
            builder.Services.AddHostedService(sp => new RunWatchdog(
                sp.GetRequiredService<IGrainFactory>(), TimeSpan.FromSeconds(options.WatchdogSeconds), sp.GetRequiredService<ILogger<RunWatchdog>>()));
    }

    /// <summary>Redis membership, Redis grain storage for the engine (MessagePack envelopes, see <see cref="CheckpointSerializer"/>), endpoints.</summary>
    public static ISiloBuilder UseCarbonSimRedis(this ISiloBuilder silo, ClusterSettings cluster, SiloOptions options)
    {
        var advertise = AdvertiseAddress(options.AdvertiseIp, cluster);
        silo.Configure<ClusterOptions>(o => { o.ClusterId = cluster.ClusterId; o.ServiceId = cluster.ServiceId; });
        silo.ConfigureEndpoints(advertise, options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: !IPAddress.IsLoopback(advertise));
        silo.UseRedisClustering(o => o.ConfigurationOptions = cluster.RedisOptions());
        // Heartbeat in the table every 10 s; an entry silent for 30 s counts as stale. Then silos started
        // after every silo died do not wait minutes to reach the dead ones before joining.
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(10);
            o.NumMissedTableIAmAliveLimit = 3;
        });
        silo.AddRedisGrainStorage(StorageNames.Engine, ob => ob.Configure<Serializer>((o, serializer) =>
        {
            o.ConfigurationOptions = cluster.RedisOptions();
            o.GrainStorageSerializer = new CheckpointSerializer(serializer);
        }));
        silo.AddCarbonSimEngine(inMemoryStorage: false, Placement(options), storageOutageSeconds: options.StorageOutageSeconds);
        return silo;
    }

    static PinnedPlacementOptions Placement(SiloOptions options) =>
        new() { BooksSilo = options.BooksSilo, CoordinatorSilo = options.CoordinatorSilo };

    /// <summary>The address this silo publishes in the membership table.</summary>
    static IPAddress AdvertiseAddress(string? configured, ClusterSettings cluster)
    {
        if (configured is not null) return ResolveAddress(configured, "--advertise");
        if (cluster.IsLoopback) return IPAddress.Loopback;
        return Dns.GetHostAddresses(Dns.GetHostName()).FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
            ?? IPAddress.Loopback;
    }

    /// <summary>An IP literal as is, a host name as its first IPv4 address.</summary>
    public static IPAddress ResolveAddress(string configured, string flag) =>
        IPAddress.TryParse(configured, out var ip) ? ip
        : Dns.GetHostAddresses(configured).FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork)
          ?? throw new ArgumentException($"{flag}: got '{configured}', expected an IPv4 address or a resolvable host name");
}
