using CarbonSim.Grains.Contracts;

namespace CarbonSim.Grains;

/// <summary>Agglomeration totals per year; see <see cref="IRegionGrain"/>.</summary>
public sealed class RegionGrain : Grain, IRegionGrain
{
    readonly SortedDictionary<int, CityYear> _years = [];

    readonly SortedDictionary<int, CarbonSim.Model.Accounting.CompensationYear> _books = [];

    public Task<CarbonSim.Model.Accounting.CompensationYear[]> GetBooks() => Task.FromResult(_books.Values.ToArray());

    public Task<CityYear> RecordYear(int year, CityYear[] cities, RegionYearContext context)
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
        return Task.FromResult(record);
    }

    public Task<CityYear[]> GetSeries() => Task.FromResult(_years.Values.ToArray());
}
