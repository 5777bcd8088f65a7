using CarbonSim.Grains.Persistence;
using Microsoft.Extensions.Logging;

namespace CarbonSim.Grains.Coordination;

/// <summary>
/// Repeats a grain call of run <paramref name="runId"/> until it succeeds, a permanent error occurs, or the recovery budget
/// (<see cref="RecoveryPolicy.BudgetSeconds"/>) is spent; once a failure said storage is unreachable
/// (<see cref="RecoveryPolicy.IsStorageOutage"/>) the budget is the storage outage window <paramref name="storageOutage"/>
/// instead (default 300 s; a shorter window set by the operator makes a run fail sooner when Redis is gone).
/// </summary>
public sealed class Retrier(ILogger logger, string runId, TimeSpan storageOutage)
{
    /// <summary>[s] The budget after the failures seen so far.</summary>
    double Budget(bool outage) => outage ? storageOutage.TotalSeconds : RecoveryPolicy.BudgetSeconds;

    public async Task<T> Retry<T>(string what, Func<Task<T>> call, int firstPauseIndex = 0)
    {
        var started = TimeProvider.System.GetTimestamp();
        bool outage = false;
        for (int retry = firstPauseIndex; ; retry++)
        {
            if (retry > 0) await Task.Delay(RecoveryPolicy.Pause(retry));
            try { return await call(); }
            catch (Exception e) when (!RecoveryPolicy.IsPermanent(e)
                && TimeProvider.System.GetElapsedTime(started).TotalSeconds < Budget(outage |= RecoveryPolicy.IsStorageOutage(e)))
            {
                logger.LogWarning("run {RunId}: {What} failed ({Error}: {Message}); retrying{Outage}", runId, what, RecoveryPolicy.Chain(e), e.Message,
                    outage ? $" while storage is unreachable, for up to {storageOutage.TotalSeconds:F0} s" : "");
            }
        }
    }

    /// <summary>Logs a failed first attempt before a recovery; true unless the error is permanent.</summary>
    public bool Recovering(Exception e, int tile, int year)
    {
        if (RecoveryPolicy.IsPermanent(e)) return false;
        logger.LogWarning("run {RunId}: tile {Tile} year {Year} failed ({Error}); recovering the tile", runId, tile, year, RecoveryPolicy.Chain(e));
        return true;
    }
}
