namespace CarbonSim.Contracts;

/// <summary>The agglomeration of one run (key: run id): yearly totals over its cities.</summary>
[Alias("carbonsim.IRegionGrain")]
public interface IRegionGrain : IGrainWithStringKey
{
    /// <summary>
    /// Sums the cities' totals (given in city-index order) for a year and stores it; with a compensation
    /// scheme also closes the year's budgets and ledger (<see cref="CompensationPlan.Evaluate"/>). Idempotent.
    /// </summary>
    [Alias("RecordYear")]
    Task<YearTotals> RecordYear(int year, YearTotals[] cities, RegionYearContext context);

    /// <summary>The books closed so far, by year (empty without a scheme).</summary>
    [Alias("GetBooks")]
    Task<CarbonSim.Model.Accounting.CompensationYear[]> GetBooks();

    [Alias("GetSeries")]
    Task<YearTotals[]> GetSeries();
}

/// <summary>What the region grain needs besides the city totals to close a year: the run's first year, city names and scheme.</summary>
[GenerateSerializer, Immutable, Alias("carbonsim.RegionYearContext")]
public sealed record RegionYearContext
{
    [Id(0)] public int FirstYear { get; init; }
    [Id(2)] public string[] CityNames { get; init; } = [];
    [Id(3)] public CompensationPlan? Compensation { get; init; }
}
