using CarbonSim.Grains.Contracts;
using CarbonSim.Model.LandUse;

namespace CarbonSim.Grains;

/// <summary>A city's annual series from tile partial sums; see <see cref="ICityGrain"/>.</summary>
public sealed class CityGrain : Grain, ICityGrain
{
    readonly SortedDictionary<int, CityYear> _years = [];

    readonly SortedDictionary<int, CityAllocation> _allocations = [];

    public Task<CityYear> RecordYear(int year, FixedSum[][] partialsByTile)
    {
        var total = new FixedSum[partialsByTile.Length > 0 ? partialsByTile[0].Length : CarbonVariables.Count];
        foreach (var partial in partialsByTile)
        {
            if (partial.Length != total.Length)
                throw new ArgumentException($"city {CityIndex} year {year}: partial sums of {partial.Length} and {total.Length} entries");
            for (int v = 0; v < total.Length; v++)
                total[v] += partial[v];
        }
        if (LandUseSums.HasLedger(total.Length)) // land-use ledger: ΔC = uptake − conversion − decay, or the run stops
            KernelFailureException.Wrap($"city {CityIndex}", () => { LandUseSums.Books(year, total).Check($"city {CityIndex}"); return 0; });
        var record = new CityYear { Year = year, Sums = total };
        _years[year] = record;
        return Task.FromResult(record);
    }

    public Task<CitySeries> GetSeries(string cityId, double areaM2) =>
        Task.FromResult(new CitySeries { CityIndex = CityIndex, CityId = cityId, AreaM2 = areaM2, Years = [.. _years.Values] });

    public Task<CityAllocation> Allocate(int year, int[] counts, CellCandidate[] candidates, int[] demand)
    {
        if (_allocations.TryGetValue(year, out var done)) return Task.FromResult(done);
        var result = KernelFailureException.Wrap($"city {CityIndex} year {year}", () =>
            CityAllocator.SelectWinners(CityIndex, year, counts, demand, candidates.Select(c => c.ToModel())));
        var shortfall = new int[counts.Length];
        foreach (var s in result.Shortfalls) shortfall[s.ClassIndex] += s.MissingCells;
        var allocation = new CityAllocation
        {
            City = CityIndex, Year = year,
            Winners = Array.ConvertAll(result.Winners, CellCandidate.Of),
            ShortfallByClass = shortfall, CountsBefore = counts, Demand = demand,
        };
        _allocations[year] = allocation;
        return Task.FromResult(allocation);
    }

    int CityIndex => int.Parse(this.GetPrimaryKeyString().AsSpan(this.GetPrimaryKeyString().LastIndexOf('/') + 1));
}
