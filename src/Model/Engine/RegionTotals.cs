using CarbonSim.Model.Accounting;

namespace CarbonSim.Model.Engine;

/// <summary>
/// The region's year from its cities' totals: the exact sum (ledger checked with land-use change) and, with a
/// compensation scheme, the year's budgets and compensation ledger (<see cref="CompensationPlan.Evaluate"/>).
/// </summary>
public static class RegionTotals
{
    /// <summary>Sums the cities' totals (city-index order) and checks the region's ledger.</summary>
    public static YearTotals Close(int year, IReadOnlyList<YearTotals> cities)
    {
        var total = new FixedSum[cities.Count > 0 ? cities[0].Sums.Length : CarbonVariables.Count];
        foreach (var city in cities)
            for (int v = 0; v < total.Length; v++)
                total[v] += city.Sums[v];
        if (LandUseSums.HasLedger(total.Length))
            LandUseSums.Books(year, total).Check("region");
        return new YearTotals { Year = year, Sums = total };
    }

    /// <summary>Closes the year's books into <paramref name="books"/> (see <see cref="CompensationPlan.Record"/>); nothing without a scheme.</summary>
    public static void Books(IDictionary<int, CompensationYear> books, int year, IReadOnlyList<YearTotals> cities, CompensationPlan? scheme,
        int firstYear, IReadOnlyList<string> cityNames) =>
        scheme?.Record(books, year, firstYear, cityNames, cities);
}
