using System.Globalization;
using CarbonSim.Grains.Persistence;

namespace CarbonSim.Silo;

/// <summary>Command line of <c>carbonsim-silo</c>; every flag has an environment variable beside it.</summary>
public sealed record SiloOptions
{
    public const string Usage =
        """
        carbonsim-silo: one CarbonSim silo (Microsoft Orleans 10)

        usage: carbonsim-silo [--cluster redis://[:password@]host:port] [options]

          --cluster <address>      Redis for clustering, grain storage and the job registry
                                   (env CARBONSIM_REDIS). Without it: a single localhost silo with
                                   in-memory storage (development only).
          --cluster-id <id>        Orleans cluster id (env CARBONSIM_CLUSTER_ID, default carbonsim)
          --service-id <id>        Orleans service id (env CARBONSIM_SERVICE_ID, default carbonsim);
                                   storage keys are per service id, so keep it across restarts
          --silo-port <port>       silo-to-silo port (env CARBONSIM_SILO_PORT, default 11111)
          --gateway-port <port>    client gateway port (env CARBONSIM_GATEWAY_PORT, default 30000)
          --advertise <ip>         address other silos and clients reach this silo at
                                   (env CARBONSIM_ADVERTISE_IP; default 127.0.0.1 when Redis is on
                                   loopback, else this host's first IPv4 address)
          --watchdog-seconds <s>   how often this silo pings unfinished runs and batches so a run
                                   whose coordinator died resumes on its own (env
                                   CARBONSIM_WATCHDOG_SECONDS, default 10; 0 = off)
          --storage-outage-seconds <s>  how long grain storage (Redis) may be unreachable before
                                   a run is failed: writes and calls failing for that reason are
                                   retried until then (env CARBONSIM_STORAGE_OUTAGE_SECONDS,
                                   default 300)
          --dashboard [port]       serve the Orleans Dashboard at http://<bind>:<port>/dashboard
                                   (env CARBONSIM_DASHBOARD_PORT; port default 8080; off when
                                   neither is given: then no web server listens at all)
          --dashboard-bind <ip>    address the dashboard listens on (env CARBONSIM_DASHBOARD_BIND;
                                   default the --advertise address if one is given, else 127.0.0.1;
                                   0.0.0.0 = every interface). The dashboard has no login.
          --silo-name <name>       this silo's name in the membership table (env CARBONSIM_SILO_NAME;
                                   default Orleans' own, e.g. Silo_1a2b3)
          --books-silo <name>      place the city and region grains of runs on the silo of that
                                   name while it is active, else anywhere (env CARBONSIM_BOOKS_SILO)
          --coordinator-silo <name>  same for the runs' coordinators (simulation grains) (env
                                   CARBONSIM_COORDINATOR_SILO); give every silo the same values
          --config <file>          NAME=value lines with the variables above (CARBONSIM_REDIS=…);
                                   the environment and flags override it
          --log-level <level>      Information, Warning (default), Error
          -h, --help               this text

        The Redis password may also come from CARBONSIM_REDIS_PASSWORD; it is never printed.
        """;

    public ClusterSettings? Cluster { get; init; }
    public int SiloPort { get; init; } = 11111;
    public int GatewayPort { get; init; } = 30000;
    public string? AdvertiseIp { get; init; }
    public double WatchdogSeconds { get; init; } = 10;
    /// <summary>[s] Storage outage window (<see cref="StorageOutageOptions"/>).</summary>
    public double StorageOutageSeconds { get; init; } = StorageOutageOptions.DefaultWindowSeconds;
    public string LogLevel { get; init; } = "Warning";
    /// <summary>Port of the Orleans Dashboard web server; null = no dashboard, no web server.</summary>
    public int? DashboardPort { get; init; }
    /// <summary>Address the dashboard listens on (IP or host name); null = the advertise address if given, else loopback.</summary>
    public string? DashboardBind { get; init; }
    public bool Help { get; init; }
    /// <summary>Orleans silo name (membership table); null = Orleans' default.</summary>
    public string? SiloName { get; init; }
    /// <summary>Silo names for pinned placement of books and coordinators (see <c>PinnedPlacementDirector</c>); null = default placement.</summary>
    public string? BooksSilo { get; init; }
    public string? CoordinatorSilo { get; init; }

    /// <summary>Dashboard port when <c>--dashboard</c> comes without one.</summary>
    public const int DefaultDashboardPort = 8080;

    public static SiloOptions Parse(IReadOnlyList<string> args, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        for (int i = 0; i + 1 < args.Count; i++)
            if (args[i] == "--config")
            {
                if (File.Exists(args[i + 1])) // a FIFO or device would block or never end
                    CarbonSim.Model.Safety.InputFiles.RequireRegular(args[i + 1], args[i + 1], "file", "a configuration file", CarbonSim.Model.Safety.InputFiles.MaxTextFileBytes);
                environment = ClusterConfigFile.Environment(args[i + 1]);
            }
        string? cluster = null, clusterId = null, serviceId = null;
        string? siloPort = environment("CARBONSIM_SILO_PORT"), gatewayPort = environment("CARBONSIM_GATEWAY_PORT");
        string? advertise = environment("CARBONSIM_ADVERTISE_IP"), watchdog = environment("CARBONSIM_WATCHDOG_SECONDS");
        string? outage = environment("CARBONSIM_STORAGE_OUTAGE_SECONDS");
        string? dashboard = environment("CARBONSIM_DASHBOARD_PORT"), dashboardBind = environment("CARBONSIM_DASHBOARD_BIND");
        string? siloName = environment("CARBONSIM_SILO_NAME"), booksSilo = environment("CARBONSIM_BOOKS_SILO"),
            coordinatorSilo = environment("CARBONSIM_COORDINATOR_SILO");
        string logLevel = "Warning";
        bool help = false;
        for (int i = 0; i < args.Count; i++)
        {
            string a = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{a} needs a value");
            switch (a)
            {
                case "-h" or "--help": help = true; break;
                case "--cluster": cluster = Value(); break;
                case "--cluster-id": clusterId = Value(); break;
                case "--service-id": serviceId = Value(); break;
                case "--silo-port": siloPort = Value(); break;
                case "--gateway-port": gatewayPort = Value(); break;
                case "--advertise": advertise = Value(); break;
                case "--watchdog-seconds": watchdog = Value(); break;
                case "--storage-outage-seconds": outage = Value(); break;
                case "--log-level": logLevel = Value(); break;
                case "--dashboard":
                    // The port is optional: take the next argument only when it is not another flag.
                    dashboard = i + 1 < args.Count && !args[i + 1].StartsWith('-') ? args[++i] : DefaultDashboardPort.ToString(CultureInfo.InvariantCulture);
                    break;
                case "--dashboard-bind": dashboardBind = Value(); break;
                case "--silo-name": siloName = Value(); break;
                case "--books-silo": booksSilo = Value(); break;
                case "--coordinator-silo": coordinatorSilo = Value(); break;
                case "--config": Value(); break;
                default: throw new ArgumentException($"unknown option '{a}' (see --help)");
            }
        }
        return new SiloOptions
        {
            Help = help,
            Cluster = help ? null : ClusterSettings.Resolve(cluster, clusterId, serviceId, environment),
            SiloPort = Port(siloPort, "--silo-port", 11111),
            GatewayPort = Port(gatewayPort, "--gateway-port", 30000),
            AdvertiseIp = string.IsNullOrWhiteSpace(advertise) ? null : advertise.Trim(),
            WatchdogSeconds = watchdog is null ? 10 : double.TryParse(watchdog, CultureInfo.InvariantCulture, out var w) && w >= 0 ? w
                : throw new ArgumentException($"--watchdog-seconds: got '{watchdog}', expected a number ≥ 0"),
            StorageOutageSeconds = outage is null ? StorageOutageOptions.DefaultWindowSeconds
                : double.TryParse(outage, CultureInfo.InvariantCulture, out var o) && o >= 0 && double.IsFinite(o) ? o
                : throw new ArgumentException($"--storage-outage-seconds: got '{outage}', expected a number of seconds ≥ 0"),
            LogLevel = logLevel,
            DashboardPort = string.IsNullOrWhiteSpace(dashboard) ? null : Port(dashboard.Trim(), "--dashboard", DefaultDashboardPort),
            DashboardBind = string.IsNullOrWhiteSpace(dashboardBind) ? null : dashboardBind.Trim(),
            SiloName = string.IsNullOrWhiteSpace(siloName) ? null : siloName.Trim(),
            BooksSilo = string.IsNullOrWhiteSpace(booksSilo) ? null : booksSilo.Trim(),
            CoordinatorSilo = string.IsNullOrWhiteSpace(coordinatorSilo) ? null : coordinatorSilo.Trim(),
        };
    }

    static int Port(string? text, string name, int fallback) =>
        text is null ? fallback
        : int.TryParse(text, out int p) && p is >= 1 and <= 65535 ? p
        : throw new ArgumentException($"{name}: got '{text}', expected a port 1-65535");
}
