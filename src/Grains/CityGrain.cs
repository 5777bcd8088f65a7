using CarbonSim.Grains.Contracts;
using CarbonSim.Grains.Engine;
using CarbonSim.Grains.Hosting;
using CarbonSim.Grains.Persistence;
using CarbonSim.Model.LandUse;

namespace CarbonSim.Grains;

/// <summary>A city's annual series from tile partial sums; see <see cref="ICityGrain"/>.</summary>
/// <remarks>Recovery (issue #9): the series and allocations live in grain storage (<see cref="CityBooksRecord"/>),
/// written on every year and restored on activation; placed on the <c>--books-silo</c> if one is named.</remarks>
[BooksPlacement]
public sealed class CityGrain(
    [PersistentState("city", StorageNames.Engine)] IPersistentState<CityBooksRecord> stored)
    : Grain, ICityGrain
{
    Dictionary<int, CityYear> _years => BooksSchema.Checked(stored, stored.State.Schema, $"city {CityIndex}").Years;

    Dictionary<int, CityAllocation> _allocations => BooksSchema.Checked(stored, stored.State.Schema, $"city {CityIndex}").Allocations;

    public async Task<CityYear> RecordYear(int year, FixedSum[][] partialsByTile)
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
        await BooksSchema.Save(stored, this);
        return record;
    }

    public Task<CitySeries> GetSeries(string cityId, double areaM2) =>
        Task.FromResult(new CitySeries { CityIndex = CityIndex, CityId = cityId, AreaM2 = areaM2, Years = [.. _years.OrderBy(y => y.Key).Select(y => y.Value)] });

    public async Task<CityAllocation> Allocate(int year, int[] counts, CellCandidate[] candidates, int[] demand)
    {
        if (_allocations.TryGetValue(year, out var done)) return done;
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
        await BooksSchema.Save(stored, this);
        return allocation;
    }

    int CityIndex => int.Parse(this.GetPrimaryKeyString().AsSpan(this.GetPrimaryKeyString().LastIndexOf('/') + 1));
}
