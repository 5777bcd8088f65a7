using Orleans.Concurrency;

namespace CarbonSim.Contracts;

/// <summary>
/// The coordinator and record of one run (key: run id). It partitions the grid into tiles, runs
/// the spin-ups, drives the years one barrier at a time, and answers progress queries meanwhile.
/// </summary>
[Alias("carbonsim.ISimulationGrain")]
public interface ISimulationGrain : IGrainWithStringKey
{
    /// <summary>
    /// Submits the run and returns at once; the run proceeds in the grain. Submitting again under the same id is a no-op
    /// while the run is going on or done; after it failed or was cancelled it starts a new attempt (<see cref="RunProgress.Attempt"/>).
    /// Five minutes to answer: the call carries and stores the whole run spec, which on a loaded machine (load average
    /// about 60, runs to 2300) took longer than Orleans' default 30 s.
    /// </summary>
    [Alias("Start"), ResponseTimeout("00:05:00")]
    Task Start(RunSpec spec);

    /// <summary>Progress at any moment (interleaves with the running coordinator).</summary>
    [AlwaysInterleave, Alias("GetProgress")]
    Task<RunProgress> GetProgress();

    /// <summary>The results of a finished run; fails if the run is not done.</summary>
    [Alias("GetOutcome")]
    Task<RunOutcome> GetOutcome();

    /// <summary>Asks the run to stop at the next year boundary (phase becomes Cancelled); no-op once finished.</summary>
    [Alias("Cancel")]
    Task Cancel();

    /// <summary>
    /// Continues a failed or cancelled run (or an unfinished one whose loop is not running) from where its grains stand:
    /// the same attempt, so tiles reload their last checkpoints and cities and the region keep their stored years; the
    /// result is bit-identical to an undisturbed run. No-op for a run that is going on or done. Returns the progress after.
    /// </summary>
    [Alias("Resume")]
    Task<RunProgress> Resume();

    /// <summary>The spec the run was submitted with (null if nothing was submitted under this id).</summary>
    [Alias("GetSpec")]
    Task<RunSpec?> GetSpec();
}
