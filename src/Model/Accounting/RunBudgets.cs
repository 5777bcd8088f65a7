using System.Globalization;
using CarbonSim.Model.Output;
using CarbonSim.Model.Scenarios;

namespace CarbonSim.Model.Accounting;

/// <summary>
/// A run's carbon budgets and compensation books (science notes §5; docs/accounting.md §3), one
/// <see cref="CompensationYear"/> per simulated year.
/// </summary>
/// <param name="SinkBasis">"nep" or "nbp": the engine flux used as each city's sink.</param>
/// <param name="PricePerTCo2">[RMB (t CO2)-1] Carbon price P.</param>
/// <param name="InventorySource">Path of the emission inventory.</param>
/// <param name="Years">Books per year, ascending.</param>
/// <param name="Emissions">Emission value and its basis (inventory or the illustrative hold-flat rule) per city and year.</param>
public sealed record BudgetBooks(string SinkBasis, double PricePerTCo2, string InventorySource,
    IReadOnlyList<CompensationYear> Years, IReadOnlyList<EmissionValue> Emissions)
{
    /// <summary>Names of the per-city extra columns <see cref="RunBudgets.Attach"/> adds to the annual tables (summable totals).</summary>
    public const string SinkColumn = "sink_tCO2_yr", EmissionsColumn = "emissions_tCO2_yr", NcbColumn = "ncb_tCO2_yr",
        ValueColumn = "compensation_value_RMB_yr", PaidColumn = "compensation_paid_RMB_yr", ReceivedColumn = "compensation_received_RMB_yr";
}

/// <summary>
/// A run's budgets and compensation books attached to its results: per city and year the sink (NEP or NBP ×
/// area, t CO2), emissions, NCB, ESC/ECC zoning, compensation value, the balanced ledger and the priority
/// ranking (all by <see cref="Compensation.Evaluate"/>). The Orleans engine closes the books in its region
/// grain every year and hands them over (<c>closedBooks</c>); <see cref="Compute"/> closes them here from the
/// city series for runs outside the engine (<c>carbonsim landuse --kernel</c>) and as the check the engine's
/// books are tested against.
/// </summary>
public static class RunBudgets
{
    /// <summary>The books of a run, or null when the scenario has no <c>compensation</c> section.</summary>
    public static BudgetBooks? Compute(RunResults r, Scenario s)
    {
        if (s.Compensation is not { } comp) return null;
        var em = s.Emissions ?? throw new InvalidInputException(s.SourcePath, "emissions", "missing", "an emission inventory for the compensation scheme");
        var names = new Dictionary<int, string>();
        foreach (var c in r.Cities) names[CityNumber(c.Id)] = c.Name;
        var years = new List<CompensationYear>();
        var emissions = new List<EmissionValue>();
        foreach (var y in r.Years)
        {
            var sink = new SortedDictionary<int, double>();
            foreach (var c in r.Cities)
            {
                var row = r.Row(c.Id, y) ?? throw new InvalidInputException("RunResults", $"CityYears[{c.Id}, {y}]", "missing", "one row per city and year");
                sink[CityNumber(c.Id)] = comp.Sink == SinkBasis.Nep ? row.NepKg : row.NbpKg;
            }
            var k = sink.Keys.ToDictionary(id => id, comp.KFor);
            var inputs = Compensation.Assemble(y, sink, names, em.Inventory, em.Economy, k, em.EconomyPath);
            years.Add(Compensation.Evaluate(y, inputs, comp.PricePerTCo2, s.SourcePath));
            foreach (var id in sink.Keys) emissions.Add(em.Inventory.For(id, y));
        }
        return new BudgetBooks(comp.Sink == SinkBasis.Nep ? "nep" : "nbp", comp.PricePerTCo2, em.InventoryPath, years, emissions);
    }

    /// <summary>
    /// The run with its books attached: <see cref="RunResults.Budgets"/> set and the summable budget columns
    /// (<see cref="BudgetBooks.SinkColumn"/>, …) added to every city row and summed into the region rows, so the
    /// annual tables and <c>carbonsim compare</c> carry them. Unchanged when the scenario has no compensation.
    /// </summary>
    /// <param name="closedBooks">The books the engine's region grain closed, one per year, or null to compute them here.</param>
    public static RunResults Attach(RunResults r, Scenario s, IReadOnlyList<CompensationYear>? closedBooks = null)
    {
        var books = closedBooks is { Count: > 0 } ? FromEngine(r, s, closedBooks) : Compute(r, s);
        return books is null ? r : Attach(r, books);
    }

    /// <summary>
    /// Books the engine closed for a run known only by its run spec (no scenario file at hand): the emission
    /// values are those the spec carried, with "run spec" as their basis.
    /// </summary>
    public static BudgetBooks FromRunSpec(IReadOnlyList<CompensationYear> closed, bool sinkIsNep, double pricePerTCo2, string source)
    {
        var years = closed.OrderBy(y => y.Year).ToList();
        var emissions = years.SelectMany(y => y.Cities.Select(c => new EmissionValue(c.CityId, y.Year, c.EmissionTCo2, false, "as carried by the run spec"))).ToList();
        return new BudgetBooks(sinkIsNep ? "nep" : "nbp", pricePerTCo2, source, years, emissions);
    }

    /// <summary>The run with the given books and their summable columns attached.</summary>
    public static RunResults Attach(RunResults r, BudgetBooks books)
    {
        var byKey = new Dictionary<(int, int), CityBudget>();
        foreach (var y in books.Years) foreach (var c in y.Cities) byKey[(c.CityId, y.Year)] = c;
        var cities = r.CityYears.Select(cy =>
        {
            var b = byKey[(CityNumber(cy.CityId), cy.Year)];
            var extra = new Dictionary<string, double>(cy.Extra)
            {
                [BudgetBooks.SinkColumn] = b.SinkTCo2, [BudgetBooks.EmissionsColumn] = b.EmissionTCo2, [BudgetBooks.NcbColumn] = b.NcbTCo2,
                [BudgetBooks.ValueColumn] = b.ValueRmb, [BudgetBooks.PaidColumn] = b.PaidRmb, [BudgetBooks.ReceivedColumn] = b.ReceivedRmb,
            };
            return cy with { Extra = extra };
        }).ToList();
        var region = r.RegionYears.Select(ry =>
        {
            var extra = new Dictionary<string, double>(ry.Extra);
            foreach (var col in new[] { BudgetBooks.SinkColumn, BudgetBooks.EmissionsColumn, BudgetBooks.NcbColumn, BudgetBooks.ValueColumn, BudgetBooks.PaidColumn, BudgetBooks.ReceivedColumn })
            {
                double sum = 0;
                foreach (var c in cities.Where(c => c.Year == ry.Year).OrderBy(c => c.CityId, StringComparer.Ordinal)) sum += c.Extra[col];
                extra[col] = sum;
            }
            return ry with { Extra = extra };
        }).ToList();
        return r with { CityYears = cities, RegionYears = region, Budgets = books };
    }

    /// <summary>The engine's books with the scenario's emission bases (inventory or illustrative fill) for the report.</summary>
    private static BudgetBooks FromEngine(RunResults r, Scenario s, IReadOnlyList<CompensationYear> closed)
    {
        var comp = s.Compensation ?? throw new InvalidInputException(s.SourcePath, "compensation", "missing", "the scheme the engine's books were closed with");
        var em = s.Emissions ?? throw new InvalidInputException(s.SourcePath, "emissions", "missing", "an emission inventory for the compensation scheme");
        var years = closed.OrderBy(y => y.Year).ToList();
        if (!years.Select(y => y.Year).SequenceEqual(r.Years))
            throw new InvalidInputException("engine books", "years", string.Join(",", years.Select(y => y.Year)), $"one book per simulated year {r.Years[0]}–{r.Years[^1]}");
        var emissions = years.SelectMany(y => y.Cities.Select(c => em.Inventory.For(c.CityId, y.Year))).ToList();
        return new BudgetBooks(comp.Sink == SinkBasis.Nep ? "nep" : "nbp", comp.PricePerTCo2, em.InventoryPath, years, emissions);
    }

    private static int CityNumber(string id) =>
        int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v
            : throw new InvalidInputException("RunResults", "Cities", id, "a numeric city id (GB/T 2260 code) for the emission inventory");
}
