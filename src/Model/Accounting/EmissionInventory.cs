using System.Globalization;
using CarbonSim.Model.Io.Formats;
namespace CarbonSim.Model.Accounting;

/// <summary>Emissions of a city in a year.</summary>
/// <param name="TonnesCo2">[t CO2 a-1] Emissions.</param>
/// <param name="Observed">True if the year is in the inventory; false if it comes from the pathway or a fill rule.</param>
/// <param name="Basis">How the value was obtained ("inventory", or the pathway / fill rule and the year it starts from).</param>
public sealed record EmissionValue(string CityId, int Year, double TonnesCo2, bool Observed, string Basis);

/// <summary>
/// Emissions after a city's last inventory year (docs/accounting.md §2). Values come from the last inventory
/// value E_L of year L. Every kind keeps emissions &gt; 0 (ESC and ECC divide by them).
/// </summary>
public abstract record EmissionPathway
{
    /// <summary>[t CO2 a-1] The value in <paramref name="year"/> &gt; <paramref name="lastYear"/>, and its basis.</summary>
    public abstract (double TonnesCo2, string Basis) After(string cityId, int lastYear, double lastTonnes, int year);

    /// <summary>Held flat at E_L (illustrative; the default).</summary>
    public sealed record Hold : EmissionPathway
    {
        public override (double, string) After(string cityId, int lastYear, double lastTonnes, int year) =>
            (lastTonnes, $"illustrative: held flat from inventory year {lastYear}");
    }

    /// <summary>E = E_L·(1 + g)^(t − L) up to the peak year, then E_peak·(1 − d)^(t − peak) (g, d in % a-1; peak ≤ L declines from L).</summary>
    public sealed record PeakDecline(int PeakYear, double GrowthPctPerYear, double DeclinePctPerYear) : EmissionPathway
    {
        public override (double, string) After(string cityId, int lastYear, double lastTonnes, int year)
        {
            int peak = Math.Max(PeakYear, lastYear);
            double atPeak = lastTonnes * Math.Pow(1 + GrowthPctPerYear / 100, peak - lastYear);
            double v = year <= peak ? lastTonnes * Math.Pow(1 + GrowthPctPerYear / 100, year - lastYear)
                : atPeak * Math.Pow(1 - DeclinePctPerYear / 100, year - peak);
            return (v, FormattableString.Invariant($"pathway: peak {peak}, +{GrowthPctPerYear}% a-1 before, -{DeclinePctPerYear}% a-1 after, from inventory year {lastYear}"));
        }
    }

    /// <summary>Linear from E_L in L to E_L·level/100 in the target year, held after.</summary>
    public sealed record Target(int TargetYear, double LevelPct) : EmissionPathway
    {
        public override (double, string) After(string cityId, int lastYear, double lastTonnes, int year)
        {
            double f = TargetYear <= lastYear ? 1 : Math.Min(1.0, (double)(year - lastYear) / (TargetYear - lastYear));
            return (lastTonnes * (1 + f * (LevelPct / 100 - 1)), FormattableString.Invariant($"pathway: linear to {LevelPct}% of inventory year {lastYear} by {TargetYear}"));
        }
    }

    /// <summary>A table of values by city and year (t CO2 a-1); a year after the inventory missing from it is an error.</summary>
    public sealed record Table(string Path, IReadOnlyDictionary<(string City, int Year), double> Values) : EmissionPathway
    {
        public override (double, string) After(string cityId, int lastYear, double lastTonnes, int year) =>
            Values.TryGetValue((cityId, year), out var v) ? (v, $"pathway table {System.IO.Path.GetFileName(Path)}")
                : throw new InvalidInputException(Path, $"city {cityId} year {year}", "no row", $"a row for every city and year after its last inventory year ({lastYear})");

        /// <summary>Reads city_id, year and the value column (× <paramref name="toTonnes"/>); values must be &gt; 0.</summary>
        public static Table Load(string path, string valueColumn, double toTonnes)
        {
            var csv = CsvTable.Read(path, "city_id", "year", valueColumn);
            var d = new Dictionary<(string, int), double>();
            foreach (var r in csv.Rows)
            {
                string city = r.RequireText("city_id"); int year = r.Integer("year");
                double v = r.Number(valueColumn);
                if (!(v > 0)) throw new InvalidInputException(path, r.Place(valueColumn), r.Text(valueColumn), "emissions > 0 (a pathway may not reach or go below zero: ESC and ECC divide by a city's emissions)");
                if (!d.TryAdd((city, year), v * toTonnes)) throw new InvalidInputException(path, $"line {r.Line}", $"city {city} year {year} again", "one row per city and year");
            }
            return new Table(path, d);
        }
    }
}

/// <summary>
/// A city emission inventory (t CO2 per city and year). Years after a city's last inventory year follow the
/// <see cref="Pathway"/> (default: the <b>illustrative</b> hold-flat rule); years before the first are held at
/// the first year and gaps at the year before; such values are flagged <see cref="EmissionValue.Observed"/> =
/// false and say how they were made in <see cref="EmissionValue.Basis"/>.
/// </summary>
public sealed class EmissionInventory
{
    private readonly SortedDictionary<string, SortedDictionary<int, double>> _byCity;
    public string Source { get; }
    public EmissionPathway Pathway { get; }

    public EmissionInventory(string source, SortedDictionary<string, SortedDictionary<int, double>> byCity, EmissionPathway? pathway = null)
    {
        Source = source; _byCity = byCity; Pathway = pathway ?? new EmissionPathway.Hold();
    }

    public IEnumerable<string> Cities => _byCity.Keys;

    /// <summary>The same inventory with another pathway after its last years.</summary>
    public EmissionInventory WithPathway(EmissionPathway pathway) => new(Source, _byCity, pathway);

    /// <summary>The CEADs table of data/jjj/emissions.csv (city_id, year, co2_mt in Mt CO2), converted to t CO2 (× 10^6).</summary>
    public static EmissionInventory LoadCeads(string path) => Load(path, "co2_mt", 1e6);

    /// <summary>Generic inventory: columns city_id (text), year and a value column in t CO2 (or any unit × factor).</summary>
    public static EmissionInventory Load(string path, string valueColumn = "t_co2", double toTonnes = 1.0)
    {
        var csv = CsvTable.Read(path, "city_id", "year", valueColumn);
        var d = new SortedDictionary<string, SortedDictionary<int, double>>(StringComparer.Ordinal);
        foreach (var r in csv.Rows)
        {
            string city = r.RequireText("city_id"); int year = r.Integer("year");
            double val = r.Number(valueColumn, 0, double.PositiveInfinity, "emissions >= 0");
            if (!d.TryGetValue(city, out var s)) d[city] = s = new SortedDictionary<int, double>();
            if (!s.TryAdd(year, val * toTonnes))
                throw new InvalidInputException(path, $"line {r.Line}", $"city {city} year {year} again", "one row per city and year");
        }
        return new EmissionInventory(path, d);
    }

    /// <summary>Throws naming the first city of the inventory that is not one of <paramref name="regionCities"/>.</summary>
    public void CheckCities(IReadOnlyCollection<string> regionCities, string regionSource)
    {
        foreach (var c in _byCity.Keys)
            if (!regionCities.Contains(c))
                throw new InvalidInputException(Source, $"city_id {c}", "not in the region", $"a city of {regionSource} ({string.Join(", ", regionCities)})");
    }

    public EmissionValue For(string cityId, int year)
    {
        if (!_byCity.TryGetValue(cityId, out var s))
            throw new InvalidInputException(Source, $"city {cityId}", "not in the inventory", $"one of the inventory's cities ({string.Join(", ", _byCity.Keys)})");
        if (s.TryGetValue(year, out var v)) return new EmissionValue(cityId, year, v, true, "inventory");
        int first = s.Keys.First(), last = s.Keys.Last();
        if (year > last)
        {
            var (t, basis) = Pathway.After(cityId, last, s[last], year);
            return new EmissionValue(cityId, year, t, false, basis);
        }
        int from = year < first ? first : s.Keys.Where(k => k < year).Max();
        return new EmissionValue(cityId, year, s[from], false, $"illustrative: held flat from inventory year {from}");
    }
}

/// <summary>GDP, Engel coefficient and population per city (data/jjj/economy.csv).</summary>
/// <param name="GdpBillionRmb">[10^9 currency a-1] GDP in <paramref name="Year"/>.</param>
/// <param name="EngelCoefficient">[0–1] Food share of consumption, null if unknown or the column is absent.</param>
/// <param name="Population">[persons] Population in <paramref name="Year"/>, null if the column is absent or blank.</param>
public sealed record CityEconomy(string CityId, int Year, double GdpBillionRmb, double? EngelCoefficient, double? Population = null)
{
    /// <summary>[10^9 currency a-1] GDP in <paramref name="year"/>: GDP·(1 + g/100)^(year − Year).</summary>
    public double GdpIn(int year, double growthPctPerYear) => GdpBillionRmb * Math.Pow(1 + growthPctPerYear / 100, year - Year);

    /// <summary>Reads city_id (text), year, gdp_billion_rmb and, if present, engel_coefficient and population (blank = unknown).</summary>
    public static IReadOnlyDictionary<string, CityEconomy> Load(string path)
    {
        var csv = CsvTable.Read(path, "city_id", "year", "gdp_billion_rmb");
        bool engel = csv.HasColumn("engel_coefficient"), population = csv.HasColumn("population");
        var d = new SortedDictionary<string, CityEconomy>(StringComparer.Ordinal);
        foreach (var r in csv.Rows)
        {
            double gdp = r.Number("gdp_billion_rmb");
            if (gdp <= 0) throw new InvalidInputException(path, r.Place("gdp_billion_rmb"), r.Text("gdp_billion_rmb"), "a GDP > 0");
            double? en = engel ? r.OptionalNumber("engel_coefficient") : null;
            if (en is double share && !(share > 0 && share < 1)) throw new InvalidInputException(path, r.Place("engel_coefficient"), r.Text("engel_coefficient"), "a share in (0, 1) or blank");
            double? pop = population ? r.OptionalNumber("population") : null;
            if (pop is double persons && !(persons > 0 && double.IsFinite(persons))) throw new InvalidInputException(path, r.Place("population"), r.Text("population"), "a population > 0 persons or blank");
            string city = r.RequireText("city_id");
            if (!d.TryAdd(city, new CityEconomy(city, r.Integer("year"), gdp, en, pop)))
                throw new InvalidInputException(path, r.Place("city_id"), city, "one row per city");
        }
        return d;
    }
}

/// <summary>
/// Population by city and year for per-capita figures (docs/accounting.md §2; scenario keys
/// <c>emissions.population_growth_pct_per_year</c> and <c>emissions.population_table</c>).
/// </summary>
public abstract record PopulationPath
{
    /// <summary>[persons] The population of <paramref name="eco"/>'s city in <paramref name="year"/>, or an error naming the source.</summary>
    public abstract double At(CityEconomy eco, int year, string economyPath);

    /// <summary>From the economy table's population in its year: N·(1 + g/100)^(year − table year); g = 0 holds it flat.</summary>
    public sealed record Growth(double GrowthPctPerYear) : PopulationPath
    {
        public override double At(CityEconomy eco, int year, string economyPath) =>
            eco.Population is double n ? n * Math.Pow(1 + GrowthPctPerYear / 100, year - eco.Year)
                : throw new InvalidInputException(economyPath, $"city {eco.CityId} population", "missing", "a population (column 'population', persons) for every city when a population pathway is used");
    }

    /// <summary>A table <c>city_id, year, population</c> (persons &gt; 0) that must hold every simulated city and year.</summary>
    public sealed record Table(string Path, IReadOnlyDictionary<(string City, int Year), double> Values) : PopulationPath
    {
        public override double At(CityEconomy eco, int year, string economyPath) =>
            Values.TryGetValue((eco.CityId, year), out var n) ? n
                : throw new InvalidInputException(Path, $"city {eco.CityId} year {year}", "no row", "a population for every simulated city and year");

        /// <summary>Reads city_id, year, population (persons &gt; 0; one row per city and year).</summary>
        public static Table Load(string path)
        {
            var csv = CsvTable.Read(path, "city_id", "year", "population");
            var d = new Dictionary<(string, int), double>();
            foreach (var r in csv.Rows)
            {
                string city = r.RequireText("city_id"); int year = r.Integer("year");
                double n = r.Number("population");
                if (!(n > 0) || !double.IsFinite(n)) throw new InvalidInputException(path, r.Place("population"), r.Text("population"), "a population > 0 persons");
                if (!d.TryAdd((city, year), n)) throw new InvalidInputException(path, $"line {r.Line}", $"city {city} year {year} again", "one row per city and year");
            }
            return new Table(path, d);
        }
    }
}
