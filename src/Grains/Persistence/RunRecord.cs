using CarbonSim.Contracts;

namespace CarbonSim.Grains.Persistence;

/// <summary>The durable part of a run: its spec, written once at submission (large; never rewritten).</summary>
[GenerateSerializer, Alias("carbonsim.RunSpecRecord")]
public sealed class RunSpecRecord
{
    [Id(0)] public RunSpec? Spec { get; set; }
}

/// <summary>The durable progress of a run, rewritten at every year boundary (small).</summary>
[GenerateSerializer, Alias("carbonsim.RunProgressRecord")]
public sealed class RunProgressRecord
{
    [Id(0)] public RunProgress? Progress { get; set; }
    /// <summary>Set by <c>Cancel</c>; a resumed run honours it.</summary>
    [Id(1)] public bool CancelRequested { get; set; }
}

/// <summary>The outcome of a finished run, written once when it is done (after the coordinator checked that
/// every city and the region hold every year), so results are read from one record.</summary>
[GenerateSerializer, Alias("carbonsim.RunOutcomeRecord")]
public sealed class RunOutcomeRecord
{
    [Id(0)] public RunOutcome? Outcome { get; set; }
}

/// <summary>
/// How hard the coordinator tries before it gives up on a grain call: calls to a grain on a silo that
/// just died fail (or time out) until the cluster evicts the silo (6-13 s with default membership
/// settings, see docs/cluster.md), so a failed call is retried with growing pauses for this long.
/// </summary>
public static class RecoveryPolicy
{
    /// <summary>[s] Longest total time spent retrying one call.</summary>
    public const double BudgetSeconds = 120;
    /// <summary>[s] Pause before the n-th retry: 0.5, 1, 2, 4, then 5 s.</summary>
    public static TimeSpan Pause(int retry) => TimeSpan.FromSeconds(Math.Min(5.0, 0.5 * Math.Pow(2, retry - 1)));

    /// <summary>
    /// Whether a failed call may succeed if repeated. Transient, and only these: a grain that is not ready
    /// yet (<see cref="NotReadyException"/>: a re-activated tile not set up again); the target silo
    /// unreachable or gone (<see cref="OrleansMessageRejectionException"/>, which includes
    /// <see cref="SiloUnavailableException"/>; Orleans' <c>ConnectionFailedException</c> and
    /// <c>GatewayTooBusyException</c>); an activation whose start was cancelled
    /// (<c>OrleansLifecycleCanceledException</c>: seen at 1 km on a loaded machine, when 260 tile activations
    /// reading their state at once ran past the activation timeout; and a plain <see cref="OperationCanceledException"/>
    /// thrown by <c>ActivationData.ActivateAsync</c>, seen when a spin-up grain's activation was cancelled at load
    /// average 60 — a run is cancelled by its stored flag, never by a token, so a cancelled grain call is never the
    /// user's cancel); a call or storage operation that timed out
    /// (<see cref="TimeoutException"/>, the Redis client's timeout and connection exceptions); storage that
    /// lost a race (<see cref="Orleans.Storage.InconsistentStateException"/>: the grain deactivates and the
    /// next call reloads it). Inner exceptions count too: a storage provider wraps a storage call that timed
    /// out in an <see cref="OrleansException"/> ("Error from storage provider … during WriteStateAsync"),
    /// which must be retried like the timeout. Everything else (bad input, a broken mass balance, an
    /// <see cref="InvalidOperationException"/> such as a tile asked to skip a year, a stored state of
    /// another schema, an exception type the runtime cannot serialize) repeats identically, so it fails
    /// the run at once with its message.
    /// </summary>
    public static bool IsTransient(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
        {
            if (IsTransientItself(x)) return true;
            if (x is AggregateException a && a.InnerExceptions.Any(IsTransient)) return true;
        }
        return false;
    }

    static bool IsTransientItself(Exception e) =>
        e is NotReadyException or TimeoutException or OrleansMessageRejectionException or Orleans.Storage.InconsistentStateException or OperationCanceledException
        || NameOf(e) is "ConnectionFailedException" or "GatewayTooBusyException" or "OrleansLifecycleCanceledException"
            or "RedisStorageException" or "RedisConnectionException" or "RedisTimeoutException"
        || IsStorageOutage(e);

    /// <summary>
    /// Whether <paramref name="e"/> (or an exception inside it) says grain storage is unreachable rather than
    /// wrong: the Redis client's connection and timeout exceptions, and Redis answering <c>LOADING</c> while it
    /// reads its append-only file after a restart. Such failures are retried for the storage outage window
    /// (<see cref="StorageOutageOptions"/>), not just <see cref="BudgetSeconds"/>. Orleans' Redis storage provider
    /// throws a <c>RedisStorageException</c> that carries the Redis client's exception only as text in its message (no
    /// inner exception), and its storage bridge wraps that in an <see cref="OrleansException"/> the same way, so the
    /// messages are searched for the client's exception names too.
    /// </summary>
    public static bool IsStorageOutage(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
        {
            if (NameOf(x) is "RedisConnectionException" or "RedisTimeoutException"
                || NameOf(x) == "RedisServerException" && x.Message.StartsWith("LOADING", StringComparison.Ordinal)
                || OutageInMessage.Any(m => x.Message.Contains(m, StringComparison.Ordinal)))
                return true;
            if (x is AggregateException a && a.InnerExceptions.Any(IsStorageOutage)) return true;
        }
        return false;
    }

    /// <summary>
    /// The exception's type name; for one that crossed a grain call as Orleans' fallback (its type is not one the
    /// runtime re-creates, e.g. the Redis client's exceptions thrown on another silo), the original type's name.
    /// </summary>
    static string NameOf(Exception x)
    {
        if (x is not Orleans.Serialization.UnavailableExceptionFallbackException { ExceptionType: { Length: > 0 } full }) return x.GetType().Name;
        string name = full.Split(',')[0];
        return name[(name.LastIndexOfAny(['.', '+']) + 1)..];
    }

    /// <summary>The exception's type and those inside it, outermost first (<c>OrleansException > RedisStorageException > RedisConnectionException</c>), for logs.</summary>
    public static string Chain(Exception e)
    {
        var names = new List<string>();
        for (var x = e; x is not null && names.Count < 6; x = x.InnerException) names.Add(NameOf(x));
        return string.Join(" > ", names);
    }

    /// <summary>How the Redis client's outage exceptions appear inside the storage provider's messages.</summary>
    static readonly string[] OutageInMessage =
        ["StackExchange.Redis.RedisConnectionException", "StackExchange.Redis.RedisTimeoutException", "LOADING Redis is loading"];

    /// <summary>Not <see cref="IsTransient"/>.</summary>
    public static bool IsPermanent(Exception e) => !IsTransient(e);
}
