namespace CarbonSim.Contracts;

/// <summary>Where a run stands.</summary>
[GenerateSerializer, Alias("carbonsim.RunPhase")]
public enum RunPhase
{
    /// <summary>Nothing submitted under this run id.</summary>
    NotStarted = 0,
    /// <summary>Computing (or fetching cached) equilibrium states.</summary>
    Spinup = 1,
    /// <summary>Stepping the years of the scenario.</summary>
    Transient = 2,
    Done = 3,
    Failed = 4,
    /// <summary>Stopped on request (<c>carbonsim cancel</c>) at a year boundary.</summary>
    Cancelled = 5,
}

/// <summary>A snapshot of a run's progress; cheap to ask for at any time.</summary>
[GenerateSerializer, Immutable, Alias("carbonsim.RunProgress")]
public sealed record RunProgress
{
    [Id(0)] public RunPhase Phase { get; init; }
    /// <summary>[-] Distinct spin-up keys of the run and how many of them are finished.</summary>
    [Id(1)] public int SpinupsTotal { get; init; }
    [Id(2)] public int SpinupsDone { get; init; }
    /// <summary>[a] First and last year of the run.</summary>
    [Id(3)] public int FirstYear { get; init; }
    [Id(4)] public int LastYear { get; init; }
    /// <summary>[a] Last year completed everywhere (tiles, cities, region); FirstYear − 1 before the first.</summary>
    [Id(5)] public int LastCompletedYear { get; init; }
    /// <summary>[-] Tiles and cells in the run.</summary>
    [Id(6)] public int TileCount { get; init; }
    [Id(7)] public int CellCount { get; init; }
    /// <summary>Failure message when <see cref="Phase"/> is <see cref="RunPhase.Failed"/>.</summary>
    [Id(8)] public string? Error { get; init; }
    /// <summary>When the run was submitted, when its years began, and when progress last changed
    /// (UTC, for status and ETA only: never used in any computation of results).</summary>
    [Id(9)] public DateTime? SubmittedUtc { get; init; }
    [Id(10)] public DateTime? YearsStartedUtc { get; init; }
    [Id(11)] public DateTime? UpdatedUtc { get; init; }
    /// <summary>[-] How often the run was resumed after its coordinator was lost (e.g. a silo died).</summary>
    [Id(12)] public int Resumes { get; init; }
    /// <summary>[-] Attempt number: 1, plus one each time the id was submitted again after the run failed or was cancelled.
    /// Each attempt has grains of its own (<see cref="GrainKeys.Attempt"/>), so nothing of a failed attempt is reused.</summary>
    [Id(13)] public int Attempt { get; init; } = 1;

    public int YearsTotal => LastYear - FirstYear + 1;
    public int YearsDone => Math.Max(0, LastCompletedYear - FirstYear + 1);
    public bool IsFinished => Phase is RunPhase.Done or RunPhase.Failed or RunPhase.Cancelled;
}
