using Microsoft.Extensions.Logging;

namespace CarbonSim.Grains.Persistence;

/// <summary>
/// How long grain storage (Redis on a cluster) may be unreachable before a run is failed. Set per silo
/// (<c>--storage-outage-seconds</c>, env <c>CARBONSIM_STORAGE_OUTAGE_SECONDS</c>); see docs/cluster.md.
/// </summary>
public sealed class StorageOutageOptions
{
    /// <summary>[s] Default window: a Redis restart (seconds) or a failover (tens of seconds) fits several times over.</summary>
    public const double DefaultWindowSeconds = 300;

    /// <summary>[s] Longest time a storage write (and a grain call failing because storage is unreachable) is retried.</summary>
    public double WindowSeconds { get; set; } = DefaultWindowSeconds;
}

/// <summary>
/// Writes grain state through a storage outage: a write that fails because storage is unreachable
/// (<see cref="RecoveryPolicy.IsStorageOutage"/>) is repeated with the recovery pauses (0.5, 1, 2, 4, then 5 s) until
/// it succeeds or the outage window is spent. A write that lost the ETag race (<see cref="Orleans.Storage.InconsistentStateException"/>,
/// typically: the previous write reached Redis but its reply was lost when Redis went down) reloads the stored
/// record, applies the grain's values again and writes once more. Only for a grain that is the sole writer of
/// its state (the coordinator, a batch, the job registry); grains written on behalf of a caller (tiles, books)
/// fail fast and leave the retry to the caller's <see cref="Coordination.Retrier"/>.
/// </summary>
public static class StorageWrites
{
    /// <summary>Applies <paramref name="apply"/> to the state and writes it; see the class summary.</summary>
    public static async Task Write<T>(IPersistentState<T> state, Action<T> apply, TimeSpan window, ILogger logger, string what)
    {
        var started = TimeProvider.System.GetTimestamp();
        bool reloaded = false;
        for (int retry = 0; ; retry++)
        {
            if (retry > 0) await Task.Delay(RecoveryPolicy.Pause(retry));
            try
            {
                apply(state.State);
                await state.WriteStateAsync();
                if (retry > 0) logger.LogWarning("{What}: written after {Seconds:F1} s of storage failures", what, TimeProvider.System.GetElapsedTime(started).TotalSeconds);
                return;
            }
            catch (Orleans.Storage.InconsistentStateException) when (!reloaded)
            {
                logger.LogWarning("{What}: stored record changed under this activation (a write whose reply was lost); reloading it", what);
                reloaded = true;
                await Reload(state, started, window, logger, what);
            }
            catch (Exception e) when (RecoveryPolicy.IsStorageOutage(e) && TimeProvider.System.GetElapsedTime(started) < window)
            {
                logger.LogWarning("{What}: storage unreachable ({Error}); retrying for up to {Window:F0} s", what, e.GetType().Name, window.TotalSeconds);
            }
        }
    }

    static async Task Reload<T>(IPersistentState<T> state, long started, TimeSpan window, ILogger logger, string what)
    {
        for (int retry = 0; ; retry++)
        {
            if (retry > 0) await Task.Delay(RecoveryPolicy.Pause(retry));
            try { await state.ReadStateAsync(); return; }
            catch (Exception e) when (RecoveryPolicy.IsStorageOutage(e) && TimeProvider.System.GetElapsedTime(started) < window)
            {
                logger.LogWarning("{What}: storage unreachable while reloading ({Error}); retrying", what, e.GetType().Name);
            }
        }
    }
}
