using System.Globalization;
using CarbonSim.Grains.Persistence;

namespace CarbonSim.Client.Hosting;

/// <summary>
/// Arguments shared by the cluster verbs (submit, status, wait, results, cancel, list, batch):
/// <c>--cluster redis://host:port</c> (or env <c>CARBONSIM_REDIS</c>), <c>--cluster-id</c>,
/// <c>--service-id</c>, <c>--connect-timeout</c>; the rest are returned as positionals and
/// verb-specific options.
/// </summary>
public sealed class ClusterCli
{
    public const string CommonUsage =
        """
          --cluster <address>       redis://[:password@]host:port of the cluster (env CARBONSIM_REDIS)
          --cluster-id <id>         Orleans cluster id (env CARBONSIM_CLUSTER_ID, default carbonsim)
          --service-id <id>         Orleans service id (env CARBONSIM_SERVICE_ID, default carbonsim)
          --connect-timeout <s>     give up connecting after this many seconds (default 30)
          --config <file>           NAME=value lines (CARBONSIM_REDIS=…, CARBONSIM_CLUSTER_ID=…);
                                    the environment and flags override it
        The Redis password may also come from CARBONSIM_REDIS_PASSWORD; it is never printed.
        """;

    public string? ClusterAddress { get; private set; }
    public string? ClusterId { get; private set; }
    public string? ServiceId { get; private set; }
    public string? ConfigFile { get; private set; }
    public double ConnectTimeoutSeconds { get; private set; } = 30;
    public bool Help { get; private set; }
    public List<string> Positionals { get; } = [];
    readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);

    /// <summary>Parses <paramref name="args"/>; <paramref name="valued"/> are the verb's options that take a value, <paramref name="flags"/> those that do not.</summary>
    public static ClusterCli Parse(IReadOnlyList<string> args, IEnumerable<string>? valued = null, IEnumerable<string>? flags = null)
    {
        var takesValue = new HashSet<string>(valued ?? [], StringComparer.Ordinal);
        var isFlag = new HashSet<string>(flags ?? [], StringComparer.Ordinal);
        var cli = new ClusterCli();
        for (int i = 0; i < args.Count; i++)
        {
            string a = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{a} needs a value");
            switch (a)
            {
                case "-h" or "--help": cli.Help = true; break;
                case "--cluster": cli.ClusterAddress = Value(); break;
                case "--cluster-id": cli.ClusterId = Value(); break;
                case "--service-id": cli.ServiceId = Value(); break;
                case "--config": cli.ConfigFile = Value(); break;
                case "--connect-timeout":
                    string t = Value();
                    cli.ConnectTimeoutSeconds = double.TryParse(t, CultureInfo.InvariantCulture, out var s) && s > 0 ? s
                        : throw new ArgumentException($"--connect-timeout: got '{t}', expected seconds > 0");
                    break;
                default:
                    if (takesValue.Contains(a)) cli._options[a] = Value();
                    else if (isFlag.Contains(a)) cli._options[a] = null;
                    else if (a.StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"unknown option '{a}' (see --help)");
                    else cli.Positionals.Add(a);
                    break;
            }
        }
        return cli;
    }

    public bool Has(string option) => _options.ContainsKey(option);
    public string? Option(string option) => _options.TryGetValue(option, out var v) ? v : null;

    public int? IntOption(string option, int min)
    {
        if (Option(option) is not { } text) return null;
        return int.TryParse(text, CultureInfo.InvariantCulture, out int v) && v >= min ? v
            : throw new ArgumentException($"{option}: got '{text}', expected a whole number ≥ {min}");
    }

    public double? DoubleOption(string option)
    {
        if (Option(option) is not { } text) return null;
        return double.TryParse(text, CultureInfo.InvariantCulture, out double v) && v > 0 ? v
            : throw new ArgumentException($"{option}: got '{text}', expected a number > 0");
    }

    /// <summary>The cluster to talk to; throws if no address was given anywhere.</summary>
    public ClusterSettings Settings() =>
        ClusterSettings.Resolve(ClusterAddress, ClusterId, ServiceId, ConfigFile is null ? null : ClusterConfigFile.Environment(ConfigFile))
        ?? throw new ArgumentException($"no cluster address: give --cluster redis://host:port or set {ClusterSettings.RedisVariable}");

    public Task<ClusterConnection> ConnectAsync() =>
        ClusterConnection.ConnectAsync(Settings(), TimeSpan.FromSeconds(ConnectTimeoutSeconds));

    /// <summary>Runs a verb body with the usual error handling: one line on standard error, exit 1 (2 for usage errors).</summary>
    public static async Task<int> Guard(string verb, Func<Task<int>> body)
    {
        try { return await body(); }
        catch (ArgumentException e) { Console.Error.WriteLine($"carbonsim {verb}: {e.Message}"); return 2; }
        catch (CarbonSim.Model.InvalidInputException e) { Console.Error.WriteLine($"carbonsim {verb}: {e.Message}"); return 1; }
        catch (ClusterUnavailableException e) { Console.Error.WriteLine($"carbonsim {verb}: {e.Message}"); return 1; }
        catch (JobException e) { Console.Error.WriteLine($"carbonsim {verb}: {e.Message}"); return 1; }
        catch (IOException e) { Console.Error.WriteLine($"carbonsim {verb}: {e.Message}"); return 1; }
    }
}

/// <summary>A job-level problem the user should read (unknown id, not finished, failed).</summary>
public sealed class JobException(string message) : Exception(message);
