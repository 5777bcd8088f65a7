using CarbonSim.Contracts;

namespace CarbonSim.Grains;

/// <summary>A city's annual series from tile partial sums; see <see cref="ICityGrain"/>. The arithmetic is <see cref="CityTotals"/>.</summary>
public sealed class CityGrain : Grain, ICityGrain
{
    readonly SortedDictionary<int, YearTotals> _years = [];

    readonly SortedDictionary<int, CityAllocation> _allocations = [];

    public Task<YearTotals> RecordYear(int year, FixedSum[][] partialsByTile)
    {
        var record = KernelFailureException.Wrap($"city {CityIndex}", () => CityTotals.Close(CityIndex, year, partialsByTile));
        _years[year] = record;
        return Task.FromResult(record);
    }

    public Task<CitySeries> GetSeries(string cityId, double areaM2) =>
        Task.FromResult(new CitySeries { CityIndex = CityIndex, CityId = cityId, AreaM2 = areaM2, Years = [.. _years.Values] });

    public Task<CityAllocation> Allocate(int year, int[] counts, CellCandidate[] candidates, int[] demand)
    {
        if (!_allocations.TryGetValue(year, out var allocation))
            _allocations[year] = allocation = KernelFailureException.Wrap($"city {CityIndex} year {year}",
                () => CityTotals.Allocate(CityIndex, year, counts, candidates, demand));
        return Task.FromResult(allocation);
    }

    int CityIndex => int.Parse(this.GetPrimaryKeyString().AsSpan(this.GetPrimaryKeyString().LastIndexOf('/') + 1));
}
