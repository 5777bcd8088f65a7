using System.Net;
using System.Net.Sockets;
using CarbonSim.Grains.Engine;
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
    public static IHost Build(SiloOptions options)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
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
            if (options.Cluster is { } cluster) silo.UseCarbonSimRedis(cluster, options);
            else
            {
                silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort);
                silo.AddCarbonSimEngine();
            }
        });
        if (options.WatchdogSeconds > 0)
            builder.Services.AddHostedService(sp => new RunWatchdog(
                sp.GetRequiredService<IGrainFactory>(), TimeSpan.FromSeconds(options.WatchdogSeconds), sp.GetRequiredService<ILogger<RunWatchdog>>()));
        return builder.Build();
    }

    /// <summary>Redis membership, Redis grain storage for the engine (MessagePack envelopes, see <see cref="CheckpointSerializer"/>), endpoints.</summary>
    public static ISiloBuilder UseCarbonSimRedis(this ISiloBuilder silo, ClusterSettings cluster, SiloOptions options)
    {
        var advertise = AdvertiseAddress(options.AdvertiseIp, cluster);
        silo.Configure<ClusterOptions>(o => { o.ClusterId = cluster.ClusterId; o.ServiceId = cluster.ServiceId; });
        silo.ConfigureEndpoints(advertise, options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: !IPAddress.IsLoopback(advertise));
        silo.UseRedisClustering(o => o.ConfigurationOptions = ConfigurationOptions.Parse(cluster.RedisConfiguration));
        // Heartbeat in the table every 10 s; an entry silent for 30 s counts as stale. Then silos started
        // after every silo died do not wait minutes to reach the dead ones before joining.
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(10);
            o.NumMissedTableIAmAliveLimit = 3;
        });
        silo.AddRedisGrainStorage(StorageNames.Engine, ob => ob.Configure<Serializer>((o, serializer) =>
        {
            o.ConfigurationOptions = ConfigurationOptions.Parse(cluster.RedisConfiguration);
            o.GrainStorageSerializer = new CheckpointSerializer(serializer);
        }));
        silo.AddCarbonSimEngine(inMemoryStorage: false);
        return silo;
    }

    /// <summary>The address this silo publishes in the membership table.</summary>
    static IPAddress AdvertiseAddress(string? configured, ClusterSettings cluster)
    {
        if (configured is not null)
            return IPAddress.TryParse(configured, out var ip) ? ip
                : Dns.GetHostAddresses(configured).FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork)
                  ?? throw new ArgumentException($"--advertise: got '{configured}', expected an IPv4 address or a resolvable host name");
        if (cluster.IsLoopback) return IPAddress.Loopback;
        return Dns.GetHostAddresses(Dns.GetHostName()).FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
            ?? IPAddress.Loopback;
    }
}
