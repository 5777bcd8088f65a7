using CarbonSim.Grains.Batch;
using CarbonSim.Contracts;
using CarbonSim.Model.Engine;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CarbonSim.Silo;

/// <summary>
/// Pings every unfinished run and batch in the job registry every few seconds. A ping activates the
/// coordinator grain; a new activation of an unfinished run resumes it (see SimulationGrain), so a run
/// whose silo died continues on the remaining silos with no client attached. Every silo runs one;
/// the pings are cheap and idempotent.
/// </summary>
public sealed class RunWatchdog(IGrainFactory grains, TimeSpan period, ILogger<RunWatchdog> logger) : BackgroundService
{
    /// <summary>[s] Longest wait for one ping.</summary>
    static readonly TimeSpan PingTimeout = TimeSpan.FromSeconds(20);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try { await Task.Delay(period, stoppingToken); } catch (OperationCanceledException) { return; }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var registry = grains.GetGrain<IJobRegistryGrain>(IJobRegistryGrain.Key);
                foreach (var entry in await registry.List().WaitAsync(PingTimeout, stoppingToken))
                {
                    if (entry.Finished) continue;
                    bool finished = entry.Kind == JobKind.Batch
                        ? (await grains.GetGrain<IBatchGrain>(entry.Id).GetStatus().WaitAsync(PingTimeout, stoppingToken)).Phase is RunPhase.Done or RunPhase.Failed or RunPhase.Cancelled
                        : (await grains.GetGrain<ISimulationGrain>(entry.Id).GetProgress().WaitAsync(PingTimeout, stoppingToken)).IsFinished;
                    if (finished) await registry.MarkFinished(entry.Id).WaitAsync(PingTimeout, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception e)
            {
                logger.LogInformation("watchdog: {Error}: {Message}", e.GetType().Name, e.Message);
            }
            try { await Task.Delay(period, stoppingToken); } catch (OperationCanceledException) { return; }
        }
    }
}
