namespace CarbonSim.Grains.Contracts;

/// <summary>The agglomeration of one run (key: run id): yearly totals over its cities.</summary>
[Alias("carbonsim.IRegionGrain")]
public interface IRegionGrain : IGrainWithStringKey
{
    /// <summary>Sums the cities' totals (given in city-index order) for a year and stores it; idempotent.</summary>
    [Alias("RecordYear")]
    Task<CityYear> RecordYear(int year, CityYear[] cities);

    [Alias("GetSeries")]
    Task<CityYear[]> GetSeries();
}
