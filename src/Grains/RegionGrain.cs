using CarbonSim.Contracts;
using CarbonSim.Grains.Engine;
using CarbonSim.Grains.Hosting;
using CarbonSim.Grains.Persistence;
using CarbonSim.Model.Accounting;

namespace CarbonSim.Grains;

/// <summary>Agglomeration totals per year; see <see cref="IRegionGrain"/>. The arithmetic is <see cref="RegionTotals"/>.</summary>
/// <remarks>Totals and books live in grain storage (<see cref="RegionBooksRecord"/>), written on every year and
/// restored on activation; placed on the <c>--books-silo</c> if one is named.</remarks>
[BooksPlacement]
public sealed class RegionGrain(
    [PersistentState("region", StorageNames.Engine)] IPersistentState<RegionBooksRecord> stored)
    : Grain, IRegionGrain
{
    RegionBooksRecord Stored => BooksSchema.Checked(stored, "region");

    public Task<CompensationYear[]> GetBooks() => Task.FromResult(Stored.Books.OrderBy(b => b.Key).Select(b => b.Value).ToArray());

    public async Task<YearTotals> RecordYear(int year, YearTotals[] cities, RegionYearContext context)
    {
        var record = KernelFailureException.Wrap("region", () => RegionTotals.Close(year, cities));
        KernelFailureException.Wrap($"region year {year}", () =>
            { RegionTotals.Books(Stored.Books, year, cities, context.Compensation, context.FirstYear, context.CityNames); return 0; });
        Stored.Years[year] = record;
        await BooksSchema.Save(stored, this);
        return record;
    }

    public Task<YearTotals[]> GetSeries() => Task.FromResult(Stored.Years.OrderBy(y => y.Key).Select(y => y.Value).ToArray());
}
