using System.Globalization;
using CarbonSim.Model.Io.Formats;

namespace CarbonSim.Model.Output;

/// <summary>How the engine's number for a reference variable is formed.</summary>
public enum ReferenceKind
{
    /// <summary>Area-weighted mean of an end-of-year density over the scope's cells of the class.</summary>
    Density,
    /// <summary>Area-weighted mean of an annual flux.</summary>
    Flux,
    /// <summary>Sum of a stock over the scope's cells of the class.</summary>
    Stock,
    /// <summary>Area of the class as a share of the scope's area.</summary>
    AreaShare,
    /// <summary>No engine counterpart yet: listed as "not modelled yet", never compared.</summary>
    NotModelled,
    /// <summary>Least-squares slope over the compared years of an area-weighted end-of-year density (per year).</summary>
    Trend,
    /// <summary>Grain yield of the row's crop (<see cref="ReferenceRow.Crop"/>): fresh grain over the area that grew it (<see cref="CropYear.Over"/>).</summary>
    Yield,
}

/// <summary>
/// A variable a reference row may name: the name is the column name of the annual tables where one exists
/// (<c>totalc_tC_ha</c>, <c>npp_gC_m2_yr</c>, <c>totalc_TgC</c>), its unit as the file must state it, and how the
/// engine's number is formed (<paramref name="Value"/>: from a year record's mean to the report unit).
/// </summary>
public sealed record ReferenceVariable(string Name, string Unit, ReferenceKind Kind, Func<AreaCarbonYear, double>? Value, string Meaning)
{
    /// <summary>Every variable the references file may name, by name.</summary>
    public static IReadOnlyDictionary<string, ReferenceVariable> All { get; } = new[]
    {
        new ReferenceVariable("vegc_tC_ha", "t C ha-1", ReferenceKind.Density, y => OutputUnits.ToTonnesPerHa(y.VegC), "vegetation carbon density, end of year"),
        new ReferenceVariable("litterc_tC_ha", "t C ha-1", ReferenceKind.Density, y => OutputUnits.ToTonnesPerHa(y.LitterC), "litter (incl. coarse woody debris) carbon density"),
        new ReferenceVariable("soilc_tC_ha", "t C ha-1", ReferenceKind.Density, y => OutputUnits.ToTonnesPerHa(y.SoilC), "soil organic carbon density"),
        new ReferenceVariable("totalc_tC_ha", "t C ha-1", ReferenceKind.Density, y => OutputUnits.ToTonnesPerHa(y.TotalC), "total ecosystem carbon density"),
        new ReferenceVariable("gpp_gC_m2_yr", "g C m-2 a-1", ReferenceKind.Flux, y => OutputUnits.ToGramsPerM2(y.Gpp), "gross primary production"),
        new ReferenceVariable("npp_gC_m2_yr", "g C m-2 a-1", ReferenceKind.Flux, y => OutputUnits.ToGramsPerM2(y.Npp), "net primary production"),
        new ReferenceVariable("nep_gC_m2_yr", "g C m-2 a-1", ReferenceKind.Flux, y => OutputUnits.ToGramsPerM2(y.Nep), "net ecosystem production"),
        new ReferenceVariable("nbp_gC_m2_yr", "g C m-2 a-1", ReferenceKind.Flux, y => OutputUnits.ToGramsPerM2(y.Nbp), "net biome production"),
        new ReferenceVariable("hr_gC_m2_yr", "g C m-2 a-1", ReferenceKind.Flux, y => OutputUnits.ToGramsPerM2(y.Hr), "heterotrophic respiration"),
        new ReferenceVariable("vegc_TgC", "Tg C", ReferenceKind.Stock, y => OutputUnits.KgToTg(y.VegCKg), "vegetation carbon stock"),
        new ReferenceVariable("litterc_TgC", "Tg C", ReferenceKind.Stock, y => OutputUnits.KgToTg(y.LitterCKg), "litter carbon stock"),
        new ReferenceVariable("soilc_TgC", "Tg C", ReferenceKind.Stock, y => OutputUnits.KgToTg(y.SoilCKg), "soil carbon stock"),
        new ReferenceVariable("totalc_TgC", "Tg C", ReferenceKind.Stock, y => OutputUnits.KgToTg(y.TotalCKg), "total ecosystem carbon stock"),
        new ReferenceVariable("area_pct", "%", ReferenceKind.AreaShare, null, "area of the class as a share of the scope's area"),
        new ReferenceVariable("soilc_trend_gC_m2_yr", "g C m-2 a-1", ReferenceKind.Trend, y => OutputUnits.ToGramsPerM2(y.SoilC), "change of soil organic carbon density per year (least-squares slope over the compared years)"),
        new ReferenceVariable("yield_t_ha", "t ha-1", ReferenceKind.Yield, null, "grain yield of the row's crop at statistical moisture (crop_yields.csv)"),
        new ReferenceVariable("harvest_gC_m2_yr", "g C m-2 a-1", ReferenceKind.Flux, y => OutputUnits.ToGramsPerM2(y.Harvest), "carbon removed by management (grain and removed straw of managed cropland, clippings and swept leaves of managed urban green, stem wood of harvested forest)"),
    }.ToDictionary(v => v.Name, StringComparer.Ordinal);
}

/// <summary>
/// One published observation used as a plausibility range (never an input).
/// </summary>
/// <param name="File">The references file.</param>
/// <param name="Line">1-based line of the row in it.</param>
/// <param name="CityIds">The cities the scope names, or empty for the whole region.</param>
/// <param name="Class">A class name of the scenario's class table, or <see cref="AnyClass"/> for all land.</param>
/// <param name="FirstYear">[a] First year the observation covers.</param>
/// <param name="LastYear">[a] Last year it covers (= FirstYear for one year).</param>
/// <param name="Low">[Variable.Unit] Lower end of the range.</param>
/// <param name="High">[Variable.Unit] Upper end.</param>
/// <param name="Source">Citation.</param>
/// <param name="Status">How the figure was obtained (e.g. <c>verified</c>, <c>recalled</c>) and, for a range made from a point value, the rule.</param>
/// <param name="Note">Free text (how the range was formed), may be empty.</param>
/// <param name="Crop">The crop a <c>yield_t_ha</c> row compares (optional column <c>crop</c>, a crop of the run's crop calendar); empty for other rows.</param>
public sealed record ReferenceRow(string File, int Line, IReadOnlyList<string> CityIds, string Class, ReferenceVariable Variable,
    int FirstYear, int LastYear, double Low, double High, string Source, string Status, string Note, string Crop = "")
{
    /// <summary>Class of a row over all land (every class).</summary>
    public const string AnyClass = "*";
    /// <summary>Scope of a row over the whole region.</summary>
    public const string RegionScope = "region";

    /// <summary>The scope as written: <c>region</c> or the city ids joined by ';'.</summary>
    public string Scope => CityIds.Count == 0 ? RegionScope : string.Join(';', CityIds);

    /// <summary>"2020" or "2000-2014".</summary>
    public string Years => FirstYear == LastYear ? FirstYear.ToString(CultureInfo.InvariantCulture) : $"{FirstYear}-{LastYear}";
}

/// <summary>
/// The references file a scenario names (<c>validation.references</c>): one published observation per row,
/// columns <c>scope, class, variable, years, low, high, unit, source, status</c> and optional <c>note</c> and <c>crop</c>
/// (required for <c>yield_t_ha</c> rows, empty on every other row).
/// Malformed rows are rejected with file, line, column, value and expectation.
/// </summary>
public sealed record ReferenceTable(string File, IReadOnlyList<ReferenceRow> Rows)
{
    static readonly string[] Required = ["scope", "class", "variable", "years", "low", "high", "unit", "source", "status"];

    /// <summary>Reads and checks a references CSV.</summary>
    public static ReferenceTable Read(string path) => Parse(path, System.IO.File.ReadAllText(path));

    /// <summary>Parses references CSV text (<paramref name="file"/> names it in messages).</summary>
    public static ReferenceTable Parse(string file, string text)
    {
        var table = CsvTable.Parse(file, text, Required);
        var rows = new List<ReferenceRow>();
        foreach (var r in table.Rows)
        {
            var scopeText = r.RequireText("scope");
            var ids = new List<string>();
            if (scopeText != ReferenceRow.RegionScope)
                foreach (var part in scopeText.Split(';'))
                {
                    var id = part.Trim();
                    if (id.Length == 0 || id == ReferenceRow.RegionScope || ids.Contains(id))
                        throw new InvalidInputException(file, r.Place("scope"), scopeText, "'region' or city ids separated by ';' (each once, none empty)");
                    ids.Add(id);
                }
            var cls = r.RequireText("class");
            var name = r.RequireText("variable");
            if (!ReferenceVariable.All.TryGetValue(name, out var variable))
                throw new InvalidInputException(file, r.Place("variable"), name, $"one of {string.Join(", ", ReferenceVariable.All.Keys)}");
            var (first, last) = YearsOf(r);
            if (variable.Kind == ReferenceKind.Trend && last == first)
                throw new InvalidInputException(file, r.Place("years"), r.Text("years"), $"a range of years (e.g. 1980-2010): {name} is a trend");
            double low = r.Number("low"), high = r.Number("high");
            if (high < low)
                throw new InvalidInputException(file, r.Place("high"), r.Text("high"), $"a number >= low ({r.Text("low")})");
            var unit = r.RequireText("unit");
            if (unit != variable.Unit)
                throw new InvalidInputException(file, r.Place("unit"), unit, $"'{variable.Unit}', the unit of {name}");
            if (variable.Kind == ReferenceKind.AreaShare && cls == ReferenceRow.AnyClass)
                throw new InvalidInputException(file, r.Place("class"), cls, "a class name (area_pct is the share of one class)");
            string crop = table.HasColumn("crop") ? r.Text("crop").Trim() : "";
            if (variable.Kind == ReferenceKind.Yield && crop.Length == 0)
                throw new InvalidInputException(file, r.Place(table.HasColumn("crop") ? "crop" : "variable"), crop.Length == 0 && !table.HasColumn("crop") ? name : crop,
                    "a crop name in column 'crop' for a yield_t_ha row (e.g. winter_wheat)");
            if (variable.Kind != ReferenceKind.Yield && crop.Length > 0)
                throw new InvalidInputException(file, r.Place("crop"), crop, $"empty: only yield_t_ha rows name a crop ({name} does not)");
            rows.Add(new ReferenceRow(file, r.Line, ids, cls, variable, first, last, low, high,
                r.RequireText("source"), r.RequireText("status"), table.HasColumn("note") ? r.Text("note") : "", crop));
        }
        return new ReferenceTable(file, rows);
    }

    static (int First, int Last) YearsOf(CsvRow r)
    {
        var s = r.RequireText("years");
        var parts = s.Split('-');
        bool ok = parts.Length is 1 or 2;
        int first = 0, last = 0;
        ok = ok && int.TryParse(parts[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out first);
        ok = ok && int.TryParse(parts[^1].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out last);
        if (!ok || first < 1000 || last > 3000 || last < first)
            throw new InvalidInputException(r.File, r.Place("years"), s, "a year (2020) or an ascending range of years (2000-2014) in [1000, 3000]");
        return (first, last);
    }

    /// <summary>
    /// Checks every row against a run's cities and classes: a scope city or a class that the run does not have is
    /// an error naming the row (a misspelt id would otherwise compare nothing).
    /// </summary>
    /// <param name="crops">The run's crops (<c>RunSpec.Crops</c>); a yield row's crop must be one of them.</param>
    public void CheckAgainst(IReadOnlyCollection<string> cityIds, IReadOnlyCollection<string> classNames, IReadOnlyCollection<string>? crops = null)
    {
        foreach (var row in Rows)
        {
            foreach (var id in row.CityIds)
                if (!cityIds.Contains(id))
                    throw new InvalidInputException(File, $"line {row.Line}, column 'scope'", id, $"a city id of the run ({string.Join(", ", cityIds)}) or 'region'");
            if (row.Class != ReferenceRow.AnyClass && !classNames.Contains(row.Class))
                throw new InvalidInputException(File, $"line {row.Line}, column 'class'", row.Class, $"'*' or a class of the run's class table ({string.Join(", ", classNames)})");
            if (row.Crop.Length > 0 && !(crops ?? []).Contains(row.Crop))
                throw new InvalidInputException(File, $"line {row.Line}, column 'crop'", row.Crop,
                    (crops ?? []).Count == 0 ? "no crop: the run has no managed cropland (management.crop_calendar)" : $"a crop of the run's crop calendar ({string.Join(", ", crops!)})");
        }
    }
}
