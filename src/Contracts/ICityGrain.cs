namespace CarbonSim.Contracts;

/// <summary>A city of one run (key: <c>"{runId}/{cityIndex}"</c>): its annual series, built from tile partial sums.</summary>
[Alias("carbonsim.ICityGrain")]
public interface ICityGrain : IGrainWithStringKey
{
    /// <summary>
    /// Closes a year's books: sums the partial sums (given in ascending tile-index order) and
    /// stores the total. Recording the same year again replaces it with the same value.
    /// </summary>
    [Alias("RecordYear")]
    Task<YearTotals> RecordYear(int year, FixedSum[][] partialsByTile);

    /// <summary>
    /// Allocates the year's land-use change among the city's cells: from the class counts at the start of the
    /// year (the tiles' counts summed), the candidates the tiles offered and the year's demand, picks the cells
    /// that change (<c>Model.LandUse.CityAllocator</c>: by potential, exact demand or a reported shortfall).
    /// Deterministic; a year asked again returns the same allocation.
    /// </summary>
    [Alias("Allocate")]
    Task<CityAllocation> Allocate(int year, int[] counts, CellCandidate[] candidates, int[] demand);

    [Alias("GetSeries")]
    Task<CitySeries> GetSeries(string cityId, double areaM2);
}
