using CarbonSim.Contracts;
using CarbonSim.Model.Engine;
using CarbonSim.Model.Accounting;

namespace CarbonSim.Grains.Persistence;

/// <summary>
/// A city's durable series (grain storage <c>city</c>, provider <see cref="Engine.StorageNames.Engine"/>):
/// every recorded year and every allocation, rewritten after each <c>RecordYear</c> and <c>Allocate</c>
/// (a year recorded again overwrites itself with the same value) and restored when the grain activates,
/// so the series survives the loss of the silo that hosted the city. Stored like every other state
/// (<see cref="CheckpointSerializer"/>: Orleans field ids inside a versioned MessagePack envelope, never a
/// .NET type name); <see cref="Schema"/> versions the record itself.
/// </summary>
[GenerateSerializer, Alias("carbonsim.CityBooksRecord")]
public sealed class CityBooksRecord : IBooksRecord
{
    [Id(0)] public int Schema { get; set; } = BooksSchema.Current;
    /// <summary>Totals by year.</summary>
    [Id(1)] public Dictionary<int, YearTotals> Years { get; set; } = [];
    /// <summary>Land-use allocations by year (runs with land-use change).</summary>
    [Id(2)] public Dictionary<int, CityAllocation> Allocations { get; set; } = [];
}

/// <summary>The region's durable series and books (grain storage <c>region</c>); see <see cref="CityBooksRecord"/>.</summary>
[GenerateSerializer, Alias("carbonsim.RegionBooksRecord")]
public sealed class RegionBooksRecord : IBooksRecord
{
    [Id(0)] public int Schema { get; set; } = BooksSchema.Current;
    /// <summary>Agglomeration totals by year.</summary>
    [Id(1)] public Dictionary<int, YearTotals> Years { get; set; } = [];
    /// <summary>Budgets and compensation ledger by year (runs with a compensation scheme).</summary>
    [Id(2)] public Dictionary<int, CompensationYear> Books { get; set; } = [];
}

/// <summary>A stored books record: its <see cref="Schema"/> says which layout it was written in.</summary>
public interface IBooksRecord
{
    int Schema { get; }
}

/// <summary>Reading and writing the city and region records.</summary>
public static class BooksSchema
{
    /// <summary>Version of <see cref="CityBooksRecord"/> and <see cref="RegionBooksRecord"/>; bump when a field changes meaning.</summary>
    public const int Current = 1;

    /// <summary>The restored record, refused with a message if it was written under another schema.</summary>
    public static T Checked<T>(IPersistentState<T> stored, string what) where T : IBooksRecord
    {
        if (stored.RecordExists && stored.State.Schema != Current)
            throw new InvalidOperationException($"{what}: stored series has schema {stored.State.Schema}; this build reads schema {Current}");
        return stored.State;
    }

    /// <summary>
    /// Writes the record. If the write fails the grain deactivates before the error goes back to the
    /// caller, so the caller's retry meets a fresh activation that reloads what storage really holds
    /// (after a lost storage race the old activation's ETag would fail every later write).
    /// </summary>
    public static async Task Save<T>(IPersistentState<T> stored, IGrainBase grain)
    {
        try { await stored.WriteStateAsync(); }
        catch
        {
            grain.DeactivateOnIdle();
            throw;
        }
    }
}
