
namespace CarbonSim.Contracts;

/// <summary>A batch as submitted: its members (each a complete run spec) and how many may run at once.</summary>
[GenerateSerializer, Immutable, Alias("carbonsim.BatchSpec")]
public sealed record BatchSpec
{
    [Id(0)] public string Name { get; init; } = "";
    /// <summary>[-] Most members running at once (≥ 1).</summary>
    [Id(1)] public int Concurrency { get; init; } = 1;
    [Id(2)] public BatchMember[] Members { get; init; } = [];
}

/// <summary>One member of a batch: its run id, a label (scenario name or perturbation), and its spec.</summary>
[GenerateSerializer, Immutable, Alias("carbonsim.BatchMember")]
public sealed record BatchMember
{
    [Id(0)] public string RunId { get; init; } = "";
    [Id(1)] public string Label { get; init; } = "";
    [Id(2)] public RunSpec Spec { get; init; } = null!;
}

/// <summary>Where a batch stands: each member's phase and years, and the batch's own phase.</summary>
[GenerateSerializer, Immutable, Alias("carbonsim.BatchStatus")]
public sealed record BatchStatus
{
    [Id(0)] public string Name { get; init; } = "";
    [Id(1)] public int Concurrency { get; init; }
    /// <summary>NotStarted, Transient while members remain, Done when all are done, Failed if any failed, Cancelled.</summary>
    [Id(2)] public RunPhase Phase { get; init; }
    [Id(3)] public BatchMemberStatus[] Members { get; init; } = [];

    public int Running => Members.Count(m => m.Phase is RunPhase.Spinup or RunPhase.Transient);
    public int Finished => Members.Count(m => m.Phase is RunPhase.Done or RunPhase.Failed or RunPhase.Cancelled);
}

[GenerateSerializer, Immutable, Alias("carbonsim.BatchMemberStatus")]
public sealed record BatchMemberStatus
{
    [Id(0)] public string RunId { get; init; } = "";
    [Id(1)] public string Label { get; init; } = "";
    /// <summary>NotStarted until the batch starts it, then the run's phase.</summary>
    [Id(2)] public RunPhase Phase { get; init; }
    [Id(3)] public int YearsDone { get; init; }
    [Id(4)] public int YearsTotal { get; init; }
    [Id(5)] public string? Error { get; init; }
}

/// <summary>
/// A set of runs with a limit on how many run at once (key: batch id). The batch starts members in
/// order, keeps at most <see cref="BatchSpec.Concurrency"/> of them unfinished, and is durable like a
/// run: its state is in grain storage and a new activation picks up where it stood. Members share
/// spin-ups through the spin-up grains (keyed by content hash), so a spin-up used by several members is
/// computed once.
/// </summary>
[Alias("carbonsim.IBatchGrain")]
public interface IBatchGrain : IGrainWithStringKey
{
    /// <summary>Submits the batch and returns at once; submitting again is a no-op.</summary>
    [Alias("Start")] Task Start(BatchSpec spec);
    [Alias("GetStatus")] Task<BatchStatus> GetStatus();
    /// <summary>Cancels the running members and starts no more.</summary>
    [Alias("Cancel")] Task Cancel();
}
