using CarbonSim.Contracts;

namespace CarbonSim.Grains.Hosting;

/// <summary>Client side of a run: submit it to its simulation grain, follow progress, fetch the outcome.</summary>
public static class RunDriver
{
    /// <summary>
    /// Submits <paramref name="spec"/> under <paramref name="runId"/> and polls until it is done,
    /// reporting each poll to <paramref name="onProgress"/>. Throws <see cref="RunFailedException"/> if the run fails.
    /// </summary>
    public static async Task<RunOutcome> RunAsync(
        IGrainFactory grains, string runId, RunSpec spec, Action<RunProgress>? onProgress = null,
        TimeSpan? pollInterval = null, CancellationToken cancellation = default)
    {
        var simulation = grains.GetGrain<ISimulationGrain>(runId);
        await simulation.Start(spec);
        var interval = pollInterval ?? TimeSpan.FromMilliseconds(200);
        while (true)
        {
            var progress = await simulation.GetProgress();
            onProgress?.Invoke(progress);
            if (progress.Phase == RunPhase.Done) return await simulation.GetOutcome();
            if (progress.Phase is RunPhase.Failed or RunPhase.Cancelled) throw new RunFailedException(runId, progress.Error ?? progress.Phase.ToString().ToLowerInvariant());
            await Task.Delay(interval, cancellation);
        }
    }
}

/// <summary>A run ended in <see cref="RunPhase.Failed"/>.</summary>
public sealed class RunFailedException(string runId, string error) : Exception($"run {runId} failed: {error}")
{
    public string RunId { get; } = runId;
    public string Error { get; } = error;
}
