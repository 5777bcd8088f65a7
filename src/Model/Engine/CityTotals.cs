using CarbonSim.Model.LandUse;

namespace CarbonSim.Model.Engine;

/// <summary>
/// A city's year: its total is the exact sum of its tiles' partial sums (any grouping gives the same bits,
/// <see cref="FixedSum"/>), and with land-use change its carbon ledger must close
/// (ΔC = uptake − conversion − decay + seedlings), else <see cref="MassBalanceException"/>. The allocation of
/// the year's land-use change among its cells is <see cref="Allocate"/>. Pure, deterministic.
/// </summary>
public static class CityTotals
{
    /// <summary>Sums the partial sums (ascending tile order by convention; the order does not change the bits) and checks the ledger.</summary>
    public static YearTotals Close(int city, int year, IReadOnlyList<FixedSum[]> partialsByTile)
    {
        var total = new FixedSum[partialsByTile.Count > 0 ? partialsByTile[0].Length : CarbonVariables.Count];
        foreach (var partial in partialsByTile)
        {
            if (partial.Length != total.Length)
                throw new ArgumentException($"city {city} year {year}: partial sums of {partial.Length} and {total.Length} entries");
            for (int v = 0; v < total.Length; v++)
                total[v] += partial[v];
        }
        if (LandUseSums.HasLedger(total.Length))
            LandUseSums.Books(year, total).Check($"city {city}");
        return new YearTotals { Year = year, Sums = total };
    }

    /// <summary>
    /// The cells of city <paramref name="city"/> that change in <paramref name="year"/>: from the class counts at the
    /// start of the year, the tiles' candidates and the year's demand (<see cref="CityAllocator.SelectWinners"/>:
    /// by potential, exact demand or a reported shortfall).
    /// </summary>
    public static CityAllocation Allocate(int city, int year, int[] counts, CellCandidate[] candidates, int[] demand)
    {
        var result = CityAllocator.SelectWinners(city, year, counts, demand, candidates.Select(c => c.ToModel()));
        var shortfall = new int[counts.Length];
        foreach (var s in result.Shortfalls) shortfall[s.ClassIndex] += s.MissingCells;
        return new CityAllocation
        {
            City = city, Year = year,
            Winners = Array.ConvertAll(result.Winners, CellCandidate.Of),
            ShortfallByClass = shortfall, CountsBefore = counts, Demand = demand,
        };
    }
}
