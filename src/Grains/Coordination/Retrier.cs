using CarbonSim.Grains.Persistence;
using Microsoft.Extensions.Logging;

namespace CarbonSim.Grains.Coordination;

/// <summary>Repeats a grain call of run <paramref name="runId"/> until it succeeds, a permanent error occurs, or the recovery budget (<see cref="RecoveryPolicy"/>) is spent.</summary>
public sealed class Retrier(ILogger logger, string runId)
{
    public async Task<T> Retry<T>(string what, Func<Task<T>> call, int firstPauseIndex = 0)
    {
        var started = TimeProvider.System.GetTimestamp();
        for (int retry = firstPauseIndex; ; retry++)
        {
            if (retry > 0) await Task.Delay(RecoveryPolicy.Pause(retry));
            try { return await call(); }
            catch (Exception e) when (!RecoveryPolicy.IsPermanent(e)
                && TimeProvider.System.GetElapsedTime(started).TotalSeconds < RecoveryPolicy.BudgetSeconds)
            {
                logger.LogWarning("run {RunId}: {What} failed ({Error}: {Message}); retrying", runId, what, e.GetType().Name, e.Message);
            }
        }
    }

    /// <summary>Logs a failed first attempt before a recovery; true unless the error is permanent.</summary>
    public bool Recovering(Exception e, int tile, int year)
    {
        if (RecoveryPolicy.IsPermanent(e)) return false;
        logger.LogWarning("run {RunId}: tile {Tile} year {Year} failed ({Error}); recovering the tile", runId, tile, year, e.GetType().Name);
        return true;
    }
}
