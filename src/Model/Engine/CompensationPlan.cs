using CarbonSim.Model.Accounting;

namespace CarbonSim.Model.Engine;

/// <summary>
/// The scenario's <c>emissions</c> and <c>compensation</c> sections resolved for the region grain, which
/// closes each year's budgets and compensation ledger (science notes §5; docs/accounting.md) from the
/// cities' exact totals. <see cref="Cities"/> is in city-index order; <see cref="RunSpecCheck"/> checks it.
/// Built by <see cref="CompensationInputs.Plan"/>.
/// </summary>
public sealed record CompensationPlan
{
    /// <summary>[currency (t CO2)-1] Carbon price P by year, index 0 = the run's first year.</summary>
    public double[] PriceByYear { get; init; } = [];
    /// <summary>True: a city's sink is its NEP; false: its NBP (land-use emissions count against it).</summary>
    public bool SinkIsNep { get; init; }
    /// <summary>Scheme, smoothing window, zoning thresholds, hysteresis band, currency.</summary>
    public CompensationSettings Settings { get; init; } = new();
    /// <summary>Each city's emissions, GDP by year and adjustment factor, city-index order.</summary>
    public CityEconomics[] Cities { get; init; } = [];
    /// <summary>Where the scheme comes from (the scenario file), for messages.</summary>
    public string Source { get; init; } = "";

    /// <summary>The year's inputs from the cities' totals (city-index order): sink = NEP or NBP [kgC] → t CO2.</summary>
    public IReadOnlyList<CityBudgetInput> Inputs(int year, int firstYear, IReadOnlyList<string> cityNames, IReadOnlyList<YearTotals> cities)
    {
        int y = year - firstYear;
        var inputs = new List<CityBudgetInput>(cities.Count);
        for (int c = 0; c < cities.Count; c++)
        {
            double sinkKg = cities[c].Sums[SinkIsNep ? CarbonVariables.Nep : CarbonVariables.Nbp].ToKg();
            var e = Cities[c];
            inputs.Add(new CityBudgetInput(e.Id, cityNames[c], Compensation.TonnesCo2FromKgC(sinkKg), e.EmissionTCo2ByYear[y], e.GdpBillionRmbByYear[y], e.K));
        }
        return inputs;
    }

    /// <summary>
    /// The year's books (<see cref="Compensation.Close"/>) from the cities' totals and the books of the
    /// years before (ascending; the smoothing window and the zone hysteresis read them).
    /// </summary>
    public CompensationYear Evaluate(int year, int firstYear, IReadOnlyList<string> cityNames, IReadOnlyList<YearTotals> cities,
        IReadOnlyList<CompensationYear> earlier) =>
        Compensation.Close(year, Inputs(year, firstYear, cityNames, cities), PriceByYear[year - firstYear], Settings, earlier, Source);

    /// <summary>
    /// Closes <paramref name="year"/> into <paramref name="books"/> (the books by year closed so far) and closes
    /// again, from their own stored inputs, any later years already there: a year recorded again after later
    /// ones (recovery) leaves the same books as recording in order. Returns the year's books.
    /// </summary>
    public CompensationYear Record(IDictionary<int, CompensationYear> books, int year, int firstYear, IReadOnlyList<string> cityNames,
        IReadOnlyList<YearTotals> cities)
    {
        List<CompensationYear> Before(int y) => books.Where(b => b.Key < y).OrderBy(b => b.Key).Select(b => b.Value).ToList();
        var closed = books[year] = Evaluate(year, firstYear, cityNames, cities, Before(year));
        foreach (int later in books.Keys.Where(k => k > year).Order().ToArray())
        {
            var old = books[later];
            books[later] = Compensation.Close(later, old.Cities.Select(c => c.Input).ToList(), old.PricePerTCo2, Settings, Before(later), Source);
        }
        return closed;
    }
}

/// <summary>A city's economic inputs to the compensation scheme.</summary>
public sealed record CityEconomics
{
    /// <summary>City id as the boundaries, the emission inventory and the economy table name it.</summary>
    public string Id { get; init; } = "";
    /// <summary>[t CO2 a-1] Emissions by year, index 0 = the run's first year (inventory, then the pathway).</summary>
    public double[] EmissionTCo2ByYear { get; init; } = [];
    /// <summary>[10⁹ currency a-1] GDP by year, index 0 = the run's first year (for the ECC and the priority).</summary>
    public double[] GdpBillionRmbByYear { get; init; } = [];
    /// <summary>[-] Adjustment factor k.</summary>
    public double K { get; init; } = 1;
}
