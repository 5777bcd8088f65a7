using CarbonSim.Contracts;
using CarbonSim.Grains.Engine;
using CarbonSim.Grains.Hosting;
using CarbonSim.Grains.Persistence;

namespace CarbonSim.Grains;

/// <summary>A city's annual series from tile partial sums; see <see cref="ICityGrain"/>. The arithmetic is <see cref="CityTotals"/>.</summary>
/// <remarks>The series and allocations live in grain storage (<see cref="CityBooksRecord"/>), written on every
/// year and restored on activation, so they survive the loss of the silo hosting the city; placed on the
/// <c>--books-silo</c> if one is named.</remarks>
[BooksPlacement]
public sealed class CityGrain(
    [PersistentState("city", StorageNames.Engine)] IPersistentState<CityBooksRecord> stored)
    : Grain, ICityGrain
{
    CityBooksRecord Books => BooksSchema.Checked(stored, $"city {CityIndex}");

    public async Task<YearTotals> RecordYear(int year, FixedSum[][] partialsByTile)
    {
        var record = KernelFailureException.Wrap($"city {CityIndex}", () => CityTotals.Close(CityIndex, year, partialsByTile));
        Books.Years[year] = record;
        await BooksSchema.Save(stored, this);
        return record;
    }

    public Task<CitySeries> GetSeries(string cityId, double areaM2) =>
        Task.FromResult(new CitySeries { CityIndex = CityIndex, CityId = cityId, AreaM2 = areaM2, Years = [.. Books.Years.OrderBy(y => y.Key).Select(y => y.Value)] });

    public async Task<CityAllocation> Allocate(int year, int[] counts, CellCandidate[] candidates, int[] demand)
    {
        if (Books.Allocations.TryGetValue(year, out var done)) return done;
        var allocation = KernelFailureException.Wrap($"city {CityIndex} year {year}",
            () => CityTotals.Allocate(CityIndex, year, counts, candidates, demand));
        Books.Allocations[year] = allocation;
        await BooksSchema.Save(stored, this);
        return allocation;
    }

    int CityIndex => int.Parse(this.GetPrimaryKeyString().AsSpan(this.GetPrimaryKeyString().LastIndexOf('/') + 1));
}
