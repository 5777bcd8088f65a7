using System.CommandLine;
using CarbonSim.Client.Cli;
using CarbonSim.Grains.Persistence;

namespace CarbonSim.Client.Hosting;

/// <summary>
/// The options every cluster verb (submit, status, wait, results, cancel, list, batch) shares:
/// <c>--cluster redis://host:port</c> (or env <c>CARBONSIM_REDIS</c>), <c>--cluster-id</c>,
/// <c>--service-id</c>, <c>--connect-timeout</c>, <c>--config</c>; <see cref="From"/> reads them from a parse result.
/// </summary>
public sealed class ClusterCli
{
    public string? ClusterAddress { get; init; }
    public string? ClusterId { get; init; }
    public string? ServiceId { get; init; }
    public string? ConfigFile { get; init; }
    public double ConnectTimeoutSeconds { get; init; } = 30;

    public static readonly Option<string?> ClusterOption = new("--cluster")
    {
        Description = $"redis://[:password@]host:port of the cluster (default: ${ClusterSettings.RedisVariable}; password also from ${ClusterSettings.PasswordVariable}, never printed)",
        HelpName = "address",
    };
    static readonly Option<string?> ClusterIdOption = new("--cluster-id") { Description = $"Orleans cluster id (env {ClusterSettings.ClusterIdVariable}, default {ClusterSettings.DefaultClusterId})", HelpName = "id" };
    static readonly Option<string?> ServiceIdOption = new("--service-id") { Description = $"Orleans service id (env {ClusterSettings.ServiceIdVariable}, default {ClusterSettings.DefaultServiceId})", HelpName = "id" };
    static readonly Option<string?> ConfigOption = new("--config") { Description = "NAME=value lines (CARBONSIM_REDIS=…, CARBONSIM_CLUSTER_ID=…); the environment and flags override it", HelpName = "file" };
    static readonly Option<double> ConnectTimeoutOption = new("--connect-timeout")
    {
        Description = "give up waiting for a silo after this many seconds (an unreachable Redis fails at once)",
        HelpName = "s",
        DefaultValueFactory = _ => 30,
        CustomParser = r => CliOptions.ParsePositive(r, "--connect-timeout", "seconds > 0"),
    };

    /// <summary>Adds the shared cluster options to a verb.</summary>
    public static void AddTo(Command command)
    {
        command.Options.Add(ClusterOption);
        command.Options.Add(ClusterIdOption);
        command.Options.Add(ServiceIdOption);
        command.Options.Add(ConnectTimeoutOption);
        command.Options.Add(ConfigOption);
    }

    public static ClusterCli From(ParseResult r) => new()
    {
        ClusterAddress = r.GetValue(ClusterOption),
        ClusterId = r.GetValue(ClusterIdOption),
        ServiceId = r.GetValue(ServiceIdOption),
        ConfigFile = r.GetValue(ConfigOption),
        ConnectTimeoutSeconds = r.GetValue(ConnectTimeoutOption),
    };

    /// <summary>The cluster to talk to; a bad input (exit 2) if no address was given anywhere.</summary>
    public ClusterSettings Settings() =>
        ClusterSettings.Resolve(ClusterAddress, ClusterId, ServiceId, ConfigFile is null ? null : ConfigEnvironment(ConfigFile))
        ?? throw new UsageException($"no cluster address: give --cluster redis://host:port or set {ClusterSettings.RedisVariable}");

    /// <summary>The <c>--config</c> file's variables, after checking it is a regular file (not a FIFO or device) of at most 16 MiB.</summary>
    static Func<string, string?> ConfigEnvironment(string path)
    {
        if (File.Exists(path) || Directory.Exists(path))
            Model.Safety.InputFiles.RequireRegular(path, path, "file", "a configuration file", Model.Safety.InputFiles.MaxTextFileBytes);
        return ClusterConfigFile.Environment(path);
    }

    public Task<ClusterConnection> ConnectAsync() =>
        ClusterConnection.ConnectAsync(Settings(), TimeSpan.FromSeconds(ConnectTimeoutSeconds));
}

/// <summary>A job-level problem the user should read: an unknown id (exit 2), or a run that failed, was cancelled or is not done (exit 3).</summary>
public sealed class JobException(string message, int exitCode = ExitCodes.RunFailed) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
