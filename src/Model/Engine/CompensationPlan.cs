using CarbonSim.Model.Accounting;

namespace CarbonSim.Model.Engine;

/// <summary>
/// The scenario's <c>emissions</c> and <c>compensation</c> sections resolved for the region grain, which
/// closes each year's budgets and compensation ledger (science notes §5; docs/accounting.md) from the
/// cities' exact totals. <see cref="Cities"/> is in city-index order; <see cref="RunSpecCheck"/> checks it.
/// </summary>
public sealed record CompensationPlan
{
    /// <summary>[RMB (t CO2)-1] Carbon price P.</summary>
    public double PricePerTCo2 { get; init; }
    /// <summary>True: a city's sink is its NEP; false: its NBP (land-use emissions count against it).</summary>
    public bool SinkIsNep { get; init; }
    /// <summary>Each city's emissions by year, GDP and adjustment factor, city-index order.</summary>
    public CityEconomics[] Cities { get; init; } = [];
    /// <summary>Where the scheme comes from (the scenario file), for messages.</summary>
    public string Source { get; init; } = "";

    /// <summary>
    /// The year's books from the cities' totals (city-index order): sink = NEP or NBP [kgC] → t CO2, then
    /// <see cref="Compensation.Evaluate"/> (NCB, ESC/ECC, zones, values, balanced ledger, priority).
    /// </summary>
    public CompensationYear Evaluate(int year, int firstYear, IReadOnlyList<string> cityNames, IReadOnlyList<YearTotals> cities)
    {
        int y = year - firstYear;
        var inputs = new List<CityBudgetInput>(cities.Count);
        for (int c = 0; c < cities.Count; c++)
        {
            double sinkKg = cities[c].Sums[SinkIsNep ? CarbonVariables.Nep : CarbonVariables.Nbp].ToKg();
            var e = Cities[c];
            inputs.Add(new CityBudgetInput(e.Number, cityNames[c], Compensation.TonnesCo2FromKgC(sinkKg), e.EmissionTCo2ByYear[y], e.GdpBillionRmb, e.K));
        }
        return Compensation.Evaluate(year, inputs, PricePerTCo2, Source);
    }
}

/// <summary>A city's economic inputs to the compensation scheme.</summary>
public sealed record CityEconomics
{
    /// <summary>[-] Numeric city id (GB/T 2260 code), as the emission inventory names the city.</summary>
    public int Number { get; init; }
    /// <summary>[t CO2 a-1] Emissions by year, index 0 = the run's first year (inventory, or its illustrative hold-flat fill).</summary>
    public double[] EmissionTCo2ByYear { get; init; } = [];
    /// <summary>[10⁹ RMB] GDP (for the economic contribution coefficient and the priority).</summary>
    public double GdpBillionRmb { get; init; }
    /// <summary>[-] Adjustment factor k.</summary>
    public double K { get; init; } = 1;
}
