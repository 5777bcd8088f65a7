using System.Globalization;
using CarbonSim.Model.Output;
using U = CarbonSim.Model.Output.OutputUnits;

namespace CarbonSim.Client.Output;

/// <summary>
/// <c>classes_annual.csv</c> (one row per city — and the region — land-use class and year) and
/// <c>validation.csv</c> (every reference row next to the engine's number); units converted here.
/// </summary>
public static class ValidationTables
{
    /// <summary>File name of the per-class annual table.</summary>
    public const string ClassesFile = "classes_annual.csv";
    /// <summary>File name of the comparison with the scenario's references.</summary>
    public const string ValidationFile = "validation.csv";

    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Columns of <c>classes_annual.csv</c> after city_id, city_name, class, year.</summary>
    public static IReadOnlyList<(string Name, Func<ClassYear, double> Value)> ClassColumns { get; } =
    [
        ("area_km2", y => U.ToKm2(y.AreaM2)),
        ("vegc_tC_ha", y => U.ToTonnesPerHa(y.VegC)),
        ("litterc_tC_ha", y => U.ToTonnesPerHa(y.LitterC)),
        ("soilc_tC_ha", y => U.ToTonnesPerHa(y.SoilC)),
        ("totalc_tC_ha", y => U.ToTonnesPerHa(y.TotalC)),
        ("npp_gC_m2_yr", y => U.ToGramsPerM2(y.Npp)),
        ("nbp_gC_m2_yr", y => U.ToGramsPerM2(y.Nbp)),
        (CarbonSim.Model.Io.Formats.OutputColumns.HarvestPerArea, y => U.ToGramsPerM2(y.Harvest)),
    ];

    /// <summary>Writes <c>classes_annual.csv</c>: cities in the run's order then <c>region</c>; per city classes in class order, years ascending.</summary>
    public static void WriteClasses(RunResults r, string path)
    {
        var header = new[] { "city_id", "city_name", "class", "year" }.Concat(ClassColumns.Select(c => c.Name)).ToList();
        var names = r.Cities.ToDictionary(c => c.Id, c => c.Name, StringComparer.Ordinal);
        var classOrder = r.ClassYears.Select(c => c.Class).Distinct().Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        var cityOrder = r.Cities.Select((c, i) => (c.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var rows = r.ClassYears
            .OrderBy(c => c.CityId == ClassYear.RegionId ? int.MaxValue : cityOrder[c.CityId])
            .ThenBy(c => classOrder[c.Class]).ThenBy(c => c.Year)
            .Select(c => (IReadOnlyList<string>)new[] { c.CityId, c.CityId == ClassYear.RegionId ? "Region" : names[c.CityId], c.Class, c.Year.ToString(Inv) }
                .Concat(ClassColumns.Select(col => Csv.Num(col.Value(c)))).ToList());
        Csv.Write(path, header, rows);
    }

    /// <summary>Writes <c>validation.csv</c>: one row per reference row, in the references file's order.</summary>
    public static void WriteValidation(IReadOnlyList<ValidationRow> rows, string path)
    {
        string[] header = ["scope", "class", "variable", "unit", "reference_years", "engine_years", "year_match", "low", "high",
            "engine", "status", "miss_pct", "engine_area_km2", "source", "reference_status", "note", "references_line", "crop"];
        Csv.Write(path, header, rows.Select(x => (IReadOnlyList<string>)
        [
            x.Reference.Scope, x.Reference.Class, x.Reference.Variable.Name, x.Reference.Variable.Unit, x.Reference.Years,
            x.EngineYears, x.YearMatch, Csv.Num(x.Reference.Low), Csv.Num(x.Reference.High), Csv.Num(x.Engine), x.StatusText,
            Csv.Num(x.MissPct), Csv.Num(x.AreaKm2), x.Reference.Source, x.Reference.Status, x.Reference.Note, x.Reference.Line.ToString(Inv), x.Reference.Crop,
        ]));
    }

    /// <summary>The console lines: how many within, the worst misses, and a line when the scenario names no references.</summary>
    public static string ConsoleLines(RunResults r, int worst = 3)
    {
        if (r.References is null) return $"Validation: {NoReferences(r)}.\n";
        var rows = Validation.Evaluate(r);
        var sb = new System.Text.StringBuilder($"Validation ({Path.GetFileName(r.References.File)}): {Validation.Summary(rows)}.\n");
        foreach (var x in Validation.WorstMisses(rows, worst))
            sb.Append($"  {x.StatusText} by {x.MissPct.ToString("F0", Inv)}%: {Describe(x.Reference)} {x.EngineYears}: engine {x.Engine.ToString("G4", Inv)}, " +
                      $"reference {x.Reference.Low.ToString("G4", Inv)}–{x.Reference.High.ToString("G4", Inv)} {x.Reference.Variable.Unit}\n");
        return sb.ToString();
    }

    /// <summary>Why a run without references compares nothing (one sentence, no final stop).</summary>
    public static string NoReferences(RunResults r) =>
        r.NoValidationReason ?? "the scenario names no references (validation.references), so nothing is compared";

    /// <summary>"npp_gC_m2_yr, region, all classes" / "vegc_tC_ha, 130700;130800, forest".</summary>
    public static string Describe(ReferenceRow row) =>
        $"{row.Variable.Name}{(row.Crop.Length > 0 ? $" ({row.Crop})" : "")}, {row.Scope}, {(row.Class == ReferenceRow.AnyClass ? "all classes" : row.Class)}";
}
