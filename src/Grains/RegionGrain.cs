using CarbonSim.Grains.Contracts;
using CarbonSim.Grains.Engine;
using CarbonSim.Grains.Hosting;
using CarbonSim.Grains.Persistence;

namespace CarbonSim.Grains;

/// <summary>Agglomeration totals per year; see <see cref="IRegionGrain"/>.</summary>
/// <remarks>Recovery (issue #9): totals and books live in grain storage (<see cref="RegionBooksRecord"/>),
/// written on every year and restored on activation; placed on the <c>--books-silo</c> if one is named.</remarks>
[BooksPlacement]
public sealed class RegionGrain(
    [PersistentState("region", StorageNames.Engine)] IPersistentState<RegionBooksRecord> stored)
    : Grain, IRegionGrain
{
    Dictionary<int, CityYear> _years => BooksSchema.Checked(stored, stored.State.Schema, "region").Years;

    Dictionary<int, CarbonSim.Model.Accounting.CompensationYear> _books => BooksSchema.Checked(stored, stored.State.Schema, "region").Books;

    public Task<CarbonSim.Model.Accounting.CompensationYear[]> GetBooks() => Task.FromResult(_books.OrderBy(b => b.Key).Select(b => b.Value).ToArray());

    public async Task<CityYear> RecordYear(int year, CityYear[] cities, RegionYearContext context)
    {
        var total = new FixedSum[cities.Length > 0 ? cities[0].Sums.Length : CarbonVariables.Count];
        foreach (var city in cities)
            for (int v = 0; v < total.Length; v++)
                total[v] += city.Sums[v];
        if (LandUseSums.HasLedger(total.Length))
            KernelFailureException.Wrap("region", () => { LandUseSums.Books(year, total).Check("region"); return 0; });
        if (context.Compensation is { } scheme)
            _books[year] = KernelFailureException.Wrap($"region year {year}", () =>
                scheme.Evaluate(year, context.FirstYear, context.YearCount, context.CityNames, cities));
        var record = new CityYear { Year = year, Sums = total };
        _years[year] = record;
        await BooksSchema.Save(stored, this);
        return record;
    }

    public Task<CityYear[]> GetSeries() => Task.FromResult(_years.OrderBy(y => y.Key).Select(y => y.Value).ToArray());
}
