namespace CarbonSim.Grains.Hosting;

/// <summary>
/// How many tile years run the kernel at once in this silo (default: one per core). A tile year is seconds of
/// pure CPU; without a gate the coordinator's all-at-once calls keep every tile busy together, the thread pool
/// adds threads for the long work items, and peak memory grows with the number of tiles (5 km default run:
/// 524 MB with tiles of 16 against 447 MB with 64). Waiting tiles hold no thread. Results do not depend on
/// the order in which tiles pass the gate.
/// </summary>
public sealed class KernelGate(int slots)
{
    readonly SemaphoreSlim _slots = new(Math.Max(1, slots), Math.Max(1, slots));

    /// <summary>[-] Tile years that may run at once.</summary>
    public int Slots { get; } = Math.Max(1, slots);

    /// <summary>Runs <paramref name="work"/> once a slot is free.</summary>
    public async Task<T> Run<T>(Func<T> work)
    {
        await _slots.WaitAsync();
        try { return work(); }
        finally { _slots.Release(); }
    }
}
