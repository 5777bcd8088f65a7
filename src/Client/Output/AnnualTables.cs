using CarbonSim.Model.Output;
using U = CarbonSim.Model.Output.OutputUnits;
using C = CarbonSim.Model.Io.Formats.OutputColumns;

namespace CarbonSim.Client.Output;

/// <summary>
/// Column layout of <c>cities_annual.csv</c> and <c>region_annual.csv</c>: every column name ends
/// in its unit (names: <see cref="C"/>); values converted from internal units here and nowhere else.
/// </summary>
public static class AnnualTables
{
    /// <summary>File name of the per-city annual table.</summary>
    public const string CitiesFile = "cities_annual.csv";
    /// <summary>File name of the regional annual table.</summary>
    public const string RegionFile = "region_annual.csv";

    /// <summary>Carbon columns common to both tables: name (with unit) → value from a year record.</summary>
    public static IReadOnlyList<(string Name, Func<AreaCarbonYear, double> Value)> CarbonColumns { get; } =
    [
        (C.AreaKm2, y => U.ToKm2(y.AreaM2)),
        (C.GppPerArea, y => U.ToGramsPerM2(y.Gpp)),
        (C.NppPerArea, y => U.ToGramsPerM2(y.Npp)),
        (C.NepPerArea, y => U.ToGramsPerM2(y.Nep)),
        (C.NbpPerArea, y => U.ToGramsPerM2(y.Nbp)),
        (C.HrPerArea, y => U.ToGramsPerM2(y.Hr)),
        (C.HarvestPerArea, y => U.ToGramsPerM2(y.Harvest)),
        (C.VegCDensity, y => U.ToTonnesPerHa(y.VegC)),
        (C.LitterCDensity, y => U.ToTonnesPerHa(y.LitterC)),
        (C.SoilCDensity, y => U.ToTonnesPerHa(y.SoilC)),
        (C.TotalCDensity, y => U.ToTonnesPerHa(y.TotalC)),
        (C.Gpp, y => U.ToTg(y.Gpp, y.AreaM2)),
        (C.Npp, y => U.ToTg(y.Npp, y.AreaM2)),
        (C.Nep, y => U.ToTg(y.Nep, y.AreaM2)),
        (C.Nbp, y => U.ToTg(y.Nbp, y.AreaM2)),
        (C.Hr, y => U.ToTg(y.Hr, y.AreaM2)),
        (C.Harvest, y => U.ToTg(y.Harvest, y.AreaM2)),
        (C.VegC, y => U.KgToTg(y.VegCKg)),
        (C.LitterC, y => U.KgToTg(y.LitterCKg)),
        (C.SoilC, y => U.KgToTg(y.SoilCKg)),
        (C.TotalC, y => U.KgToTg(y.TotalCKg)),
    ];

    /// <summary>Name of the year-on-year change column [Tg C] (empty in a series' first year).</summary>
    public const string ChangeColumn = C.TotalCChange;

    /// <summary>Column name of a land-use class area [km2].</summary>
    public static string ClassColumn(string cls) => C.ClassArea(cls);

    private static (List<string> Classes, List<string> Extras) Unions(IEnumerable<AreaCarbonYear> rows)
    {
        var classes = new SortedSet<string>(StringComparer.Ordinal);
        var extras = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var r in rows) { classes.UnionWith(r.AreaByClassM2.Keys); extras.UnionWith(r.Extra.Keys); }
        return (classes.ToList(), extras.ToList());
    }

    private static IEnumerable<string> Values(AreaCarbonYear y, AreaCarbonYear? previous, List<string> classes, List<string> extras)
    {
        foreach (var (_, f) in CarbonColumns) yield return Csv.Num(f(y));
        yield return previous is null ? "" : Csv.Num(U.KgToTg(y.TotalCKg) - U.KgToTg(previous.TotalCKg));
        foreach (var c in classes) yield return Csv.Num(U.ToKm2(y.AreaByClassM2.GetValueOrDefault(c)));
        foreach (var e in extras) yield return y.Extra.TryGetValue(e, out var v) ? Csv.Num(v) : "";
    }

    private static IEnumerable<string> Tail(List<string> classes, List<string> extras) =>
        CarbonColumns.Select(c => c.Name).Append(ChangeColumn).Concat(classes.Select(ClassColumn)).Concat(extras);

    /// <summary>Writes <c>cities_annual.csv</c>: one row per city and year, cities in the run's order.</summary>
    public static void WriteCities(RunResults r, string path)
    {
        var (classes, extras) = Unions(r.CityYears);
        var header = new[] { C.CityId, C.CityName, C.CityNameZh, C.Province, C.Year }.Concat(Tail(classes, extras)).ToList();
        var rows = new List<IReadOnlyList<string>>();
        foreach (var c in r.Cities)
        {
            CityYear? prev = null;
            foreach (var y in r.SeriesOf(c.Id))
            {
                rows.Add(new[] { c.Id, c.Name, c.NameZh, c.Province, y.Year.ToString(System.Globalization.CultureInfo.InvariantCulture) }
                    .Concat(Values(y, prev, classes, extras)).ToList());
                prev = y;
            }
        }
        Csv.Write(path, header, rows);
    }

    /// <summary>File name of the history table (the years before the first year; scenario <c>history</c>).</summary>
    public const string HistoryFile = "history_annual.csv";

    /// <summary>Writes <c>region_annual.csv</c>: one row per year, totals and area-weighted means over all cities.</summary>
    public static void WriteRegion(RunResults r, string path) => WriteRegionRows(r.RegionYears, path);

    /// <summary>Writes <c>history_annual.csv</c>: the history years in the columns of <c>region_annual.csv</c>.</summary>
    public static void WriteHistory(RunResults r, string path) => WriteRegionRows(r.HistoryYears, path);

    private static void WriteRegionRows(IEnumerable<RegionYear> years, string path)
    {
        var ordered = years.OrderBy(y => y.Year).ToList();
        var (classes, extras) = Unions(ordered);
        var header = new[] { C.Year, C.CityCount }.Concat(Tail(classes, extras)).ToList();
        var rows = new List<IReadOnlyList<string>>();
        RegionYear? prev = null;
        foreach (var y in ordered)
        {
            rows.Add(new[] { y.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), y.CityCount.ToString(System.Globalization.CultureInfo.InvariantCulture) }
                .Concat(Values(y, prev, classes, extras)).ToList());
            prev = y;
        }
        Csv.Write(path, header, rows);
    }
}
