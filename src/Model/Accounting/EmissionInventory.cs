using CarbonSim.Model.Io.Formats;
namespace CarbonSim.Model.Accounting;

/// <summary>Emissions of a city in a year.</summary>
/// <param name="TonnesCo2">[t CO2 a-1] Emissions.</param>
/// <param name="Observed">True if the year is in the inventory; false if extrapolated (illustrative).</param>
/// <param name="Basis">How the value was obtained ("inventory", or the extrapolation rule and the year it came from).</param>
public sealed record EmissionValue(int CityId, int Year, double TonnesCo2, bool Observed, string Basis);

/// <summary>
/// A city emission inventory (t CO2 per city and year). Years outside the inventory are filled by the
/// <b>illustrative</b> rule "hold the nearest inventory year flat" (last year carried forward, first year
/// carried back); such values are flagged <see cref="EmissionValue.Observed"/> = false and say so in
/// <see cref="EmissionValue.Basis"/>. This is not a projection: it only keeps budgets computable.
/// </summary>
public sealed class EmissionInventory
{
    private readonly SortedDictionary<int, SortedDictionary<int, double>> _byCity;
    public string Source { get; }

    public EmissionInventory(string source, SortedDictionary<int, SortedDictionary<int, double>> byCity) { Source = source; _byCity = byCity; }

    public IEnumerable<int> Cities => _byCity.Keys;

    /// <summary>The CEADs table of data/jjj/emissions.csv (city_id, year, co2_mt in Mt CO2), converted to t CO2 (× 10^6).</summary>
    public static EmissionInventory LoadCeads(string path) => Load(path, "co2_mt", 1e6);

    /// <summary>Generic inventory: columns city_id, year and a value column in t CO2 (or any unit × factor).</summary>
    public static EmissionInventory Load(string path, string valueColumn = "t_co2", double toTonnes = 1.0)
    {
        var csv = CsvTable.Read(path, "city_id", "year", valueColumn);
        var d = new SortedDictionary<int, SortedDictionary<int, double>>();
        foreach (var r in csv.Rows)
        {
            int city = r.Integer("city_id"), year = r.Integer("year");
            double val = r.Number(valueColumn, 0, double.PositiveInfinity, "emissions >= 0");
            if (!d.TryGetValue(city, out var s)) d[city] = s = new SortedDictionary<int, double>();
            if (!s.TryAdd(year, val * toTonnes))
                throw new InvalidInputException(path, $"line {r.Line}", $"city {city} year {year} again", "one row per city and year");
        }
        return new EmissionInventory(path, d);
    }

    public EmissionValue For(int cityId, int year)
    {
        if (!_byCity.TryGetValue(cityId, out var s))
            throw new InvalidInputException(Source, $"city {cityId}", "not in the inventory", $"one of the inventory's cities ({string.Join(", ", _byCity.Keys)})");
        if (s.TryGetValue(year, out var v)) return new EmissionValue(cityId, year, v, true, "inventory");
        int first = s.Keys.First(), last = s.Keys.Last();
        int from = year > last ? last : year < first ? first : s.Keys.Where(k => k < year).Max();
        return new EmissionValue(cityId, year, s[from], false, $"illustrative: held flat from inventory year {from}");
    }
}

/// <summary>GDP and Engel coefficient per city (data/jjj/economy.csv).</summary>
/// <param name="GdpBillionRmb">[10^9 RMB a-1] GDP.</param>
/// <param name="EngelCoefficient">[0–1] Food share of consumption, null if unknown (blank for all JJJ cities).</param>
public sealed record CityEconomy(int CityId, int Year, double GdpBillionRmb, double? EngelCoefficient)
{
    public static IReadOnlyDictionary<int, CityEconomy> Load(string path)
    {
        var csv = CsvTable.Read(path, "city_id", "year", "gdp_billion_rmb", "engel_coefficient");
        var d = new SortedDictionary<int, CityEconomy>();
        foreach (var r in csv.Rows)
        {
            double gdp = r.Number("gdp_billion_rmb");
            if (gdp <= 0) throw new InvalidInputException(path, r.Place("gdp_billion_rmb"), r.Text("gdp_billion_rmb"), "a GDP > 0");
            double? en = r.OptionalNumber("engel_coefficient");
            if (en is double share && !(share > 0 && share < 1)) throw new InvalidInputException(path, r.Place("engel_coefficient"), r.Text("engel_coefficient"), "a share in (0, 1) or blank");
            int city = r.Integer("city_id");
            if (!d.TryAdd(city, new CityEconomy(city, r.Integer("year"), gdp, en)))
                throw new InvalidInputException(path, r.Place("city_id"), city.ToString(System.Globalization.CultureInfo.InvariantCulture), "one row per city");
        }
        return d;
    }
}
