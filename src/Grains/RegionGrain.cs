using CarbonSim.Contracts;
using CarbonSim.Model.Accounting;

namespace CarbonSim.Grains;

/// <summary>Agglomeration totals per year; see <see cref="IRegionGrain"/>. The arithmetic is <see cref="RegionTotals"/>.</summary>
public sealed class RegionGrain : Grain, IRegionGrain
{
    readonly SortedDictionary<int, YearTotals> _years = [];

    readonly SortedDictionary<int, CompensationYear> _books = [];

    public Task<CompensationYear[]> GetBooks() => Task.FromResult(_books.Values.ToArray());

    public Task<YearTotals> RecordYear(int year, YearTotals[] cities, RegionYearContext context)
    {
        var record = KernelFailureException.Wrap("region", () => RegionTotals.Close(year, cities));
        if (KernelFailureException.Wrap($"region year {year}", () =>
                RegionTotals.Books(year, cities, context.Compensation, context.FirstYear, context.YearCount, context.CityNames)) is { } books)
            _books[year] = books;
        _years[year] = record;
        return Task.FromResult(record);
    }

    public Task<YearTotals[]> GetSeries() => Task.FromResult(_years.Values.ToArray());
}
