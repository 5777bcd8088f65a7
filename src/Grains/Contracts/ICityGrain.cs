namespace CarbonSim.Grains.Contracts;

/// <summary>A city of one run (key: <c>"{runId}/{cityIndex}"</c>): its annual series, built from tile partial sums.</summary>
[Alias("carbonsim.ICityGrain")]
public interface ICityGrain : IGrainWithStringKey
{
    /// <summary>
    /// Closes a year's books: sums the partial sums (given in ascending tile-index order) and
    /// stores the total. Recording the same year again replaces it with the same value.
    /// </summary>
    [Alias("RecordYear")]
    Task<CityYear> RecordYear(int year, FixedSum[][] partialsByTile);

    [Alias("GetSeries")]
    Task<CitySeries> GetSeries(string cityId, double areaM2);
}
