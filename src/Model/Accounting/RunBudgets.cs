using CarbonSim.Model.Engine;
using CarbonSim.Model.Output;
using CarbonSim.Model.Scenarios;

namespace CarbonSim.Model.Accounting;

/// <summary>
/// A run's carbon budgets and compensation books (science notes §5; docs/accounting.md §3), one
/// <see cref="CompensationYear"/> per simulated year.
/// </summary>
/// <param name="SinkBasis">"nep" or "nbp": the engine flux used as each city's sink.</param>
/// <param name="Settings">Scheme, smoothing window, zoning thresholds, hysteresis band and currency the books were closed with.</param>
/// <param name="InventorySource">Path of the emission inventory.</param>
/// <param name="Years">Books per year, ascending.</param>
/// <param name="Emissions">Emission value and its basis (inventory, pathway or fill rule) per city and year.</param>
/// <param name="Population">[persons] Population per city and year (the scenario's population pathway), or null when the scenario has none.</param>
public sealed record BudgetBooks(string SinkBasis, CompensationSettings Settings, string InventorySource,
    IReadOnlyList<CompensationYear> Years, IReadOnlyList<EmissionValue> Emissions,
    IReadOnlyDictionary<(string City, int Year), double>? Population = null)
{
    /// <summary>[persons] Per-city column <see cref="RunBudgets.Attach(RunResults, BudgetBooks)"/> adds when the books carry a population (the region row is the sum).</summary>
    public const string PopulationColumn = "population_persons";

    /// <summary>Names of the per-city extra columns <see cref="RunBudgets.Attach"/> adds to the annual tables (summable totals); the amounts carry the currency (RMB by default).</summary>
    public const string SinkColumn = "sink_tCO2_yr", EmissionsColumn = "emissions_tCO2_yr", NcbColumn = "ncb_tCO2_yr",
        ValueColumn = "compensation_value_RMB_yr", PaidColumn = "compensation_paid_RMB_yr", ReceivedColumn = "compensation_received_RMB_yr";

    /// <summary>An amount column name in <paramref name="currency"/> (the RMB constants above for RMB).</summary>
    public static string InCurrency(string rmbColumn, string currency) => rmbColumn.Replace("_RMB_", "_" + currency + "_", StringComparison.Ordinal);

    /// <summary>The books' basis of an emission value, "" if unknown.</summary>
    public string BasisOf(string cityId, int year) => Emissions.FirstOrDefault(e => e.CityId == cityId && e.Year == year)?.Basis ?? "";
}

/// <summary>
/// A run's budgets and compensation books attached to its results: per city and year the sink (NEP or NBP ×
/// area, t CO2), emissions, NCB, ESC/ECC zoning, compensation value, the balanced ledger and the priority
/// ranking (all by <see cref="Compensation.Close"/>). The Orleans engine closes the books in its region
/// grain every year and hands them over (<c>closedBooks</c>); <see cref="Compute"/> closes them here from the
/// city series for runs outside the engine (<c>carbonsim landuse --kernel</c>) and as the check the engine's
/// books are tested against.
/// </summary>
public static class RunBudgets
{
    /// <summary>
    /// The scheme for the region grain (<see cref="CompensationPlan"/>): price path, sink basis, settings, and per
    /// city (in <paramref name="cityIds"/> order) its emissions by year (inventory, then pathway), GDP by year and k.
    /// A city of the inventory that is not in the region, or a region city without emissions or GDP, is an error.
    /// </summary>
    public static CompensationPlan Plan(Scenario s, IReadOnlyList<string> cityIds)
    {
        var comp = s.Compensation ?? throw new InvalidInputException(s.SourcePath, "compensation", "missing", "a compensation scheme");
        var em = s.Emissions ?? throw new InvalidInputException(s.SourcePath, "emissions (top level)", "missing", "an emission inventory for the compensation scheme");
        em.Inventory.CheckCities(cityIds.ToHashSet(StringComparer.Ordinal), s.Region.BoundariesPath);
        int years = s.EndYear - s.StartYear + 1;
        var range = Enumerable.Range(s.StartYear, years);
        PopulationOf(s, cityIds, range);   // a bad population table or a missing population fails before the run
        return new CompensationPlan
        {
            PriceByYear = range.Select(y => comp.Price.At(y)).ToArray(),
            SinkIsNep = comp.Sink == SinkBasis.Nep,
            Settings = comp.Settings,
            Source = s.SourcePath,
            Cities = cityIds.Select(id =>
            {
                var eco = em.Economy.TryGetValue(id, out var e) ? e
                    : throw new InvalidInputException(em.EconomyPath, $"city {id}", "no GDP row", "a GDP for every simulated city");
                return new CityEconomics
                {
                    Id = id,
                    EmissionTCo2ByYear = range.Select(y => em.Inventory.For(id, y).TonnesCo2).ToArray(),
                    GdpBillionRmbByYear = range.Select(y => eco.GdpIn(y, em.GdpGrowthPctPerYear)).ToArray(),
                    K = comp.KFor(id),
                };
            }).ToArray(),
        };
    }

    /// <summary>The books of a run closed here from its city series, or null when the scenario has no compensation scheme.</summary>
    public static BudgetBooks? Compute(RunResults r, Scenario s)
    {
        if (s.Compensation is null) return null;
        var plan = Plan(s, r.Cities.Select(c => c.Id).ToArray());
        var years = r.Years.Select(y => (y, (IReadOnlyList<CityBudgetInput>)r.Cities.Select((c, i) =>
        {
            var row = r.Row(c.Id, y) ?? throw new InvalidInputException("RunResults", $"CityYears[{c.Id}, {y}]", "missing", "one row per city and year");
            var e = plan.Cities[i];
            return new CityBudgetInput(c.Id, c.Name, Compensation.TonnesCo2FromKgC(plan.SinkIsNep ? row.NepKg : row.NbpKg),
                e.EmissionTCo2ByYear[y - s.StartYear], e.GdpBillionRmbByYear[y - s.StartYear], e.K);
        }).ToList(), plan.PriceByYear[y - s.StartYear]));
        return Books(s, Compensation.CloseSeries(years, plan.Settings, s.SourcePath));
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
    public static BudgetBooks FromRunSpec(IReadOnlyList<CompensationYear> closed, CompensationPlan plan)
    {
        var years = closed.OrderBy(y => y.Year).ToList();
        var emissions = years.SelectMany(y => y.Cities.Select(c => new EmissionValue(c.CityId, y.Year, c.EmissionTCo2, false, "as carried by the run spec"))).ToList();
        return new BudgetBooks(plan.SinkIsNep ? "nep" : "nbp", plan.Settings, plan.Source, years, emissions);
    }

    /// <summary>The run with the given books and their summable columns attached.</summary>
    public static RunResults Attach(RunResults r, BudgetBooks books)
    {
        string cur = books.Settings.Currency;
        string[] columns = [BudgetBooks.SinkColumn, BudgetBooks.EmissionsColumn, BudgetBooks.NcbColumn,
            BudgetBooks.InCurrency(BudgetBooks.ValueColumn, cur), BudgetBooks.InCurrency(BudgetBooks.PaidColumn, cur), BudgetBooks.InCurrency(BudgetBooks.ReceivedColumn, cur)];
        var byKey = new Dictionary<(string, int), CityBudget>();
        foreach (var y in books.Years) foreach (var c in y.Cities) byKey[(c.CityId, y.Year)] = c;
        if (books.Population is not null) columns = [.. columns, BudgetBooks.PopulationColumn];
        var cities = r.CityYears.Select(cy =>
        {
            var b = byKey[(cy.CityId, cy.Year)];
            var extra = new Dictionary<string, double>(cy.Extra)
            {
                [columns[0]] = b.SinkTCo2, [columns[1]] = b.EmissionTCo2, [columns[2]] = b.NcbTCo2,
                [columns[3]] = b.ValueRmb, [columns[4]] = b.PaidRmb, [columns[5]] = b.ReceivedRmb,
            };
            if (books.Population is { } pop) extra[BudgetBooks.PopulationColumn] = pop[(cy.CityId, cy.Year)];
            return cy with { Extra = extra };
        }).ToList();
        var region = r.RegionYears.Select(ry =>
        {
            var extra = new Dictionary<string, double>(ry.Extra);
            foreach (var col in columns)
            {
                double sum = 0;
                foreach (var c in cities.Where(c => c.Year == ry.Year).OrderBy(c => c.CityId, StringComparer.Ordinal)) sum += c.Extra[col];
                extra[col] = sum;
            }
            return ry with { Extra = extra };
        }).ToList();
        return r with { CityYears = cities, RegionYears = region, Budgets = books };
    }

    /// <summary>The engine's books with the scenario's emission bases (inventory, pathway or fill) for the report.</summary>
    private static BudgetBooks FromEngine(RunResults r, Scenario s, IReadOnlyList<CompensationYear> closed)
    {
        var years = closed.OrderBy(y => y.Year).ToList();
        if (!years.Select(y => y.Year).SequenceEqual(r.Years))
            throw new InvalidInputException("engine books", "years", string.Join(",", years.Select(y => y.Year)), $"one book per simulated year {r.Years[0]}–{r.Years[^1]}");
        return Books(s, years);
    }

    private static BudgetBooks Books(Scenario s, IReadOnlyList<CompensationYear> years)
    {
        var comp = s.Compensation ?? throw new InvalidInputException(s.SourcePath, "compensation", "missing", "the scheme the books were closed with");
        var em = s.Emissions ?? throw new InvalidInputException(s.SourcePath, "emissions", "missing", "an emission inventory for the compensation scheme");
        var emissions = years.SelectMany(y => y.Cities.Select(c => em.Inventory.For(c.CityId, y.Year))).ToList();
        var population = years.Count == 0 ? null : PopulationOf(s, years[0].Cities.Select(c => c.CityId).ToList(), years.Select(y => y.Year));
        return new BudgetBooks(comp.Sink == SinkBasis.Nep ? "nep" : "nbp", comp.Settings, em.InventoryPath, years, emissions, population);
    }

    /// <summary>
    /// [persons] Population per city and year from the scenario's population pathway (economy table × growth, or a
    /// table), or null when the scenario has none. A city without a population, or a table without the city-year, is an error.
    /// </summary>
    public static IReadOnlyDictionary<(string City, int Year), double>? PopulationOf(Scenario s, IReadOnlyList<string> cityIds, IEnumerable<int> years)
    {
        if (s.Emissions is not { Population: { } path } em) return null;
        var d = new Dictionary<(string, int), double>();
        var ys = years.ToList();
        foreach (var id in cityIds)
        {
            var eco = em.Economy.TryGetValue(id, out var e) ? e
                : throw new InvalidInputException(em.EconomyPath, $"city {id}", "no row", "a row (GDP, population) for every simulated city");
            foreach (var y in ys) d[(id, y)] = path.At(eco, y, em.EconomyPath);
        }
        return d;
    }
}
