using CarbonSim.Client.Hosting;
using CarbonSim.Grains.Hosting;
using CarbonSim.Model;

namespace CarbonSim.Client.Cli;

/// <summary>A bad command line found after parsing (a combination of options, a missing value): exit 2.</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>The one error policy of the CLI: every expected failure is one line and a documented exit code.</summary>
public static class CliErrors
{
    /// <summary>The exit code for <paramref name="e"/> (see <see cref="ExitCodes"/>).</summary>
    public static int ExitCodeOf(Exception e) => e switch
    {
        UsageException or InvalidInputException or ArgumentException or NotSupportedException
            or FileNotFoundException or DirectoryNotFoundException => ExitCodes.BadInput,
        ClusterUnavailableException => ExitCodes.Unreachable,
        JobException j => j.ExitCode,
        RunFailedException or MassBalanceException or IOException or UnauthorizedAccessException or OperationCanceledException => ExitCodes.RunFailed,
        _ => ExitCodes.Internal,
    };

    /// <summary>Writes the one line for <paramref name="e"/> (with the stack trace only for an internal error and CARBONSIM_DEBUG=1) and returns the exit code.</summary>
    public static int Report(string verb, Exception e, TextWriter stderr)
    {
        int code = ExitCodeOf(e);
        string prefix = verb.Length == 0 ? "carbonsim" : $"carbonsim {verb}";
        if (code == ExitCodes.Internal)
        {
            stderr.WriteLine($"{prefix}: internal error: {e.GetType().Name}: {OneLine(e.Message)} (set {ExitCodes.DebugVariable}=1 for the stack trace)");
            if (Environment.GetEnvironmentVariable(ExitCodes.DebugVariable) is "1" or "true") stderr.WriteLine(e.ToString());
        }
        else
        {
            string message = e switch
            {
                FileNotFoundException f when f.FileName is { } name && !e.Message.Contains(name, StringComparison.Ordinal) => $"{name}: {e.Message}",
                RunFailedException or MassBalanceException => "run failed: " + e.Message,
                OperationCanceledException => "cancelled",
                _ => e.Message,
            };
            stderr.WriteLine($"{prefix}: {OneLine(message)}");
        }
        return code;
    }

    public static string OneLine(string s) => s.Replace("\r", " ").Replace("\n", " ");
}
