namespace CarbonSim.Model.Accounting;

/// <summary>One city's year as a region comparison reads it (from a run's <c>cities_annual.csv</c>).</summary>
/// <param name="AreaKm2">[km2] City area on the grid.</param>
/// <param name="TotalCTg">[Tg C] Ecosystem carbon stock at the end of the year.</param>
/// <param name="SinkTCo2">[t CO2 a-1] Sink (the books' NEP or NBP × 44/12; NaN when unknown).</param>
/// <param name="EmissionTCo2">[t CO2 a-1] Emissions (NaN when the run has no inventory).</param>
/// <param name="PaidRmb">[currency a-1] Paid into the compensation scheme (NaN when the run has no books).</param>
/// <param name="ReceivedRmb">[currency a-1] Received from the scheme (NaN when the run has no books).</param>
/// <param name="Population">[persons] Population in the year, or null when unknown.</param>
public sealed record GroupCityYear(string CityId, int Year, double AreaKm2, double TotalCTg, double SinkTCo2, double EmissionTCo2,
    double PaidRmb, double ReceivedRmb, double? Population);

/// <summary>
/// A group of cities (a region, an agglomeration, or part of one) over a run's years, per area and per capita
/// (docs/accounting.md §6). Fluxes per year are means over the years; per capita they are Σ flux / Σ population
/// over the years (per person and year); per area they are the mean per year over the area in the last year.
/// NaN where an input is unknown (no books, no population).
/// </summary>
/// <param name="AreaKm2">[km2] Area in the last year.</param>
/// <param name="Population">[persons] Population in the last year (NaN when unknown).</param>
/// <param name="StockTg">[Tg C] Ecosystem carbon at the end of the last year.</param>
/// <param name="StockTcPerHa">[t C ha-1] Stock per area.</param>
/// <param name="StockTcPerCapita">[t C person-1] Stock per person in the last year.</param>
/// <param name="SinkTCo2PerYear">[t CO2 a-1] Mean sink.</param>
/// <param name="SinkTCo2PerHaYear">[t CO2 ha-1 a-1] Mean sink per area.</param>
/// <param name="SinkTCo2PerCapitaYear">[t CO2 person-1 a-1] Sink per person and year.</param>
/// <param name="EmissionTCo2PerYear">[t CO2 a-1] Mean emissions.</param>
/// <param name="EmissionTCo2PerHaYear">[t CO2 ha-1 a-1] Mean emissions per area.</param>
/// <param name="EmissionTCo2PerCapitaYear">[t CO2 person-1 a-1] Emissions per person and year.</param>
/// <param name="PaidRmb">[currency] Paid over the years by the group's cities (transfers among them included).</param>
/// <param name="ReceivedRmb">[currency] Received over the years by the group's cities.</param>
/// <param name="NetRmbPerCapitaYear">[currency person-1 a-1] (received − paid) per person and year.</param>
/// <param name="NetRmbPerHaYear">[currency ha-1 a-1] (received − paid) per area and year.</param>
public sealed record GroupProfile(string Name, IReadOnlyList<string> CityIds, int FirstYear, int LastYear, double AreaKm2, double Population,
    double StockTg, double StockTcPerHa, double StockTcPerCapita,
    double SinkTCo2PerYear, double SinkTCo2PerHaYear, double SinkTCo2PerCapitaYear,
    double EmissionTCo2PerYear, double EmissionTCo2PerHaYear, double EmissionTCo2PerCapitaYear,
    double PaidRmb, double ReceivedRmb, double NetRmbPerCapitaYear, double NetRmbPerHaYear)
{
    /// <summary>[currency] Received − paid over the years (negative: the group paid).</summary>
    public double NetRmb => ReceivedRmb - PaidRmb;

    /// <summary>
    /// The profile of <paramref name="cityIds"/> from their rows (every city needs a row in every year the group
    /// covers: the years all its cities share). A city with no row is an input error naming <paramref name="source"/>.
    /// </summary>
    public static GroupProfile Of(string name, IReadOnlyList<string> cityIds, IEnumerable<GroupCityYear> rows, string source)
    {
        if (cityIds.Count == 0) throw new InvalidInputException(source, $"group {name}", "no cities", "at least one city id");
        var byCity = rows.Where(r => cityIds.Contains(r.CityId)).GroupBy(r => r.CityId).ToDictionary(g => g.Key, g => g.ToDictionary(r => r.Year));
        foreach (var id in cityIds)
            if (!byCity.ContainsKey(id))
                throw new InvalidInputException(source, $"group {name} city {id}", "not in the run", "a city id of the run's cities_annual.csv");
        var years = byCity.Values.Select(d => d.Keys.ToHashSet()).Aggregate((a, b) => { a.IntersectWith(b); return a; }).Order().ToList();
        if (years.Count == 0) throw new InvalidInputException(source, $"group {name}", "no year shared by its cities", "cities with rows in the same years");
        int last = years[^1];
        double area = 0, stock = 0, pop = 0, sink = 0, em = 0, paid = 0, received = 0, popYears = 0;
        bool popKnown = true;
        foreach (var id in cityIds.Order(StringComparer.Ordinal))
        {
            var l = byCity[id][last];
            area += l.AreaKm2; stock += l.TotalCTg;
            if (l.Population is double n) pop += n; else popKnown = false;
            foreach (var y in years)
            {
                var r = byCity[id][y];
                sink += r.SinkTCo2; em += r.EmissionTCo2; paid += r.PaidRmb; received += r.ReceivedRmb;
                if (r.Population is double m) popYears += m; else popKnown = false;
            }
        }
        if (!popKnown) { pop = double.NaN; popYears = double.NaN; }
        double ha = area * 100, nYears = years.Count;
        return new GroupProfile(name, cityIds, years[0], last, area, pop,
            stock, stock * 1e6 / ha, stock * 1e6 / pop,
            sink / nYears, sink / nYears / ha, sink / popYears,
            em / nYears, em / nYears / ha, em / popYears,
            paid, received, (received - paid) / popYears, (received - paid) / nYears / ha);
    }
}
