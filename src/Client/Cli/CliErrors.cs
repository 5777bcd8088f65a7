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
    public static int ExitCodeOf(Exception e) => IsUnreadableState(e) ? ExitCodes.RunFailed
        : e is not ClusterUnavailableException && Find<StackExchange.Redis.RedisException>(e) is not null ? ExitCodes.Unreachable
        : e switch
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
                _ when IsUnreadableState(e) => "stored state cannot be read: " + Innermost(e).Message,
                not ClusterUnavailableException when Find<StackExchange.Redis.RedisException>(e) is { } redis => $"Redis storage failed ({redis.GetType().Name}): {Cut(redis.Message)}",
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

    /// <summary>
    /// Whether <paramref name="e"/> is stored grain state this build cannot read (<see cref="CarbonSim.Grains.Persistence.UnreadableStateException"/>,
    /// also when it reaches the client wrapped or as a plain exception carrying its message).
    /// </summary>
    public static bool IsUnreadableState(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
            if (x is CarbonSim.Grains.Persistence.UnreadableStateException || x.Message.Contains("stored state", StringComparison.Ordinal)) return true;
        return false;
    }

    static T? Find<T>(Exception e) where T : Exception
    {
        for (var x = e; x is not null; x = x.InnerException) if (x is T t) return t;
        return null;
    }

    static Exception Innermost(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
            if (x is CarbonSim.Grains.Persistence.UnreadableStateException || x.Message.StartsWith("stored state", StringComparison.Ordinal)) return x;
        return e;
    }

    /// <summary>The first line of a message, at most 200 characters (Redis and Orleans messages can run to kilobytes).</summary>
    static string Cut(string message)
    {
        string first = message.Split('\n')[0].Trim();
        return first.Length > 200 ? first[..200] + "…" : first;
    }
}
