namespace CarbonSim.Contracts;

/// <summary>What was submitted to a cluster.</summary>
[GenerateSerializer, Alias("carbonsim.JobKind")]
public enum JobKind { Run = 0, Batch = 1 }

/// <summary>One submitted run or batch as the registry lists it.</summary>
[GenerateSerializer, Immutable, Alias("carbonsim.JobEntry")]
public sealed record JobEntry
{
    /// <summary>Run id (the simulation grain's key) or batch id (the batch grain's key).</summary>
    [Id(0)] public string Id { get; init; } = "";
    [Id(1)] public JobKind Kind { get; init; }
    /// <summary>Scenario (or batch) name.</summary>
    [Id(2)] public string Name { get; init; } = "";
    /// <summary>When it was submitted (UTC; listing only).</summary>
    [Id(3)] public DateTime SubmittedUtc { get; init; }
    /// <summary>Absolute path of the scenario file on the submitting machine; <c>results</c> re-reads it to label outputs.</summary>
    [Id(4)] public string? ScenarioPath { get; init; }
    /// <summary>[km] Grid resolution override given at submission, if any.</summary>
    [Id(5)] public double? ResolutionKm { get; init; }
    /// <summary>[cells] Tile edge override given at submission, if any.</summary>
    [Id(6)] public int? TileSize { get; init; }
    /// <summary>Batch this run belongs to, if any.</summary>
    [Id(7)] public string? BatchId { get; init; }
    /// <summary>Set once the run or batch reached a final phase (the watchdog stops pinging it).</summary>
    [Id(8)] public bool Finished { get; init; }
    /// <summary>Free-form label of a batch member (its perturbation), if any.</summary>
    [Id(9)] public string? Label { get; init; }
}

/// <summary>
/// The list of everything submitted to this cluster (key: <see cref="Key"/>), kept in grain storage.
/// <c>carbonsim list</c> reads it; every silo's watchdog pings the unfinished entries so a run or batch
/// whose coordinator was lost is re-activated (and so resumes) without a client.
/// </summary>
[Alias("carbonsim.IJobRegistryGrain")]
public interface IJobRegistryGrain : IGrainWithStringKey
{
    public const string Key = "jobs";

    /// <summary>Adds or replaces an entry (by id).</summary>
    [Alias("Add")] Task Add(JobEntry entry);
    [Alias("List")] Task<JobEntry[]> List();
    [Alias("Get")] Task<JobEntry?> Get(string id);
    [Alias("MarkFinished")] Task MarkFinished(string id);
}

