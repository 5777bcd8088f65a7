using CarbonSim.Contracts;

namespace CarbonSim.Grains.Batch;

/// <summary>Stored registry.</summary>
[GenerateSerializer, Alias("carbonsim.JobRegistryState")]
public sealed class JobRegistryState
{
    [Id(0)] public List<JobEntry> Entries { get; set; } = [];
}

public sealed class JobRegistryGrain(
    [PersistentState("jobs", Engine.StorageNames.Engine)] IPersistentState<JobRegistryState> stored)
    : Grain, IJobRegistryGrain
{
    public async Task Add(JobEntry entry)
    {
        stored.State.Entries.RemoveAll(e => e.Id == entry.Id);
        stored.State.Entries.Add(entry);
        await stored.WriteStateAsync();
    }

    public Task<JobEntry[]> List() => Task.FromResult(stored.State.Entries.ToArray());

    public Task<JobEntry?> Get(string id) => Task.FromResult(stored.State.Entries.FirstOrDefault(e => e.Id == id));

    public async Task MarkFinished(string id)
    {
        int i = stored.State.Entries.FindIndex(e => e.Id == id);
        if (i < 0 || stored.State.Entries[i].Finished) return;
        stored.State.Entries[i] = stored.State.Entries[i] with { Finished = true };
        await stored.WriteStateAsync();
    }
}
