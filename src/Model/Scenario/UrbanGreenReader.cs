using System.Collections.Immutable;
using System.Globalization;
using CarbonSim.Model.Io.Formats;
using CarbonSim.Model.Management;

namespace CarbonSim.Model.Scenarios;

/// <summary>
/// Reads an urban-green practice CSV (<c>management.urban_green</c>; data/management/urban_green.csv; docs/management.md,
/// "Managed urban green"): one row per land-use class and vegetation type (or <c>*</c> for the class's other types).
/// Units in the file: days of year 1–365, mm (irrigation), kg N ha-1 (fertiliser), shares 0–1; converted here to the
/// kernel's kg m-2 and 0-based days. Each row names its source and a status (verified, recalled, assumption). A
/// malformed row throws <see cref="InvalidInputException"/> naming file, line, column, value and expectation.
/// </summary>
public static class UrbanGreenReader
{
    public static readonly string[] Columns =
        ["class", "vegetation", "irrigation_mm", "irrigation_interval_days", "irrigation_first_doy", "irrigation_last_doy", "irrigation_trigger",
         "fertiliser_kg_n_ha", "fertiliser_release_days", "clip_leaf_share", "clip_interval_days", "clip_first_doy", "clip_last_doy",
         "litter_removal_share", "litter_removal_first_doy", "litter_removal_last_doy", "source", "status"];

    /// <summary>Statuses a row may carry.</summary>
    public static readonly string[] Statuses = ["verified", "recalled", "assumption"];

    /// <summary>[kg m-2 per kg ha-1] Area conversion.</summary>
    const double PerHectare = 1e-4;

    /// <summary>Practices of the file in file order, with the line of each row (for later messages).</summary>
    public static IReadOnlyList<(UrbanGreenPractice Practice, int Line)> Read(string path)
    {
        var table = CsvTable.Read(path, Columns);
        var seen = new HashSet<(string, string)>();
        var list = new List<(UrbanGreenPractice, int)>();
        foreach (var row in table.Rows)
        {
            string cls = row.RequireText("class"), veg = row.RequireText("vegetation");
            if (!seen.Add((cls, veg)))
                throw new InvalidInputException(row.File, row.Place("vegetation"), $"{cls}/{veg} again", "one row per class and vegetation type");
            int irrFirst = row.Integer("irrigation_first_doy", 1, 365) - 1, irrLast = row.Integer("irrigation_last_doy", 1, 365) - 1;
            if (irrLast < irrFirst)
                throw new InvalidInputException(row.File, row.Place("irrigation_last_doy"), (irrLast + 1).ToString(CultureInfo.InvariantCulture), $"a day ≥ irrigation_first_doy ({irrFirst + 1})");
            int clipFirst = row.Integer("clip_first_doy", 1, 365) - 1, clipLast = row.Integer("clip_last_doy", 1, 365) - 1;
            if (clipLast < clipFirst)
                throw new InvalidInputException(row.File, row.Place("clip_last_doy"), (clipLast + 1).ToString(CultureInfo.InvariantCulture), $"a day ≥ clip_first_doy ({clipFirst + 1})");
            int sweepFirst = row.Integer("litter_removal_first_doy", 1, 365) - 1, sweepLast = row.Integer("litter_removal_last_doy", 1, 365) - 1;
            if (sweepLast < sweepFirst)
                throw new InvalidInputException(row.File, row.Place("litter_removal_last_doy"), (sweepLast + 1).ToString(CultureInfo.InvariantCulture), $"a day ≥ litter_removal_first_doy ({sweepFirst + 1})");
            var status = row.RequireText("status");
            if (!Statuses.Contains(status))
                throw new InvalidInputException(row.File, row.Place("status"), status, "verified, recalled or assumption");
            row.RequireText("source");
            list.Add((new UrbanGreenPractice(cls, veg,
                IrrigationAmount: row.Number("irrigation_mm", 0.0, 500.0),
                IrrigationIntervalDays: row.Integer("irrigation_interval_days", 1, 365),
                IrrigationFirstDay: irrFirst, IrrigationLastDay: irrLast,
                IrrigationTrigger: row.Number("irrigation_trigger", 0.0, 2.0),
                Fertiliser: Fertiliser(row),
                FertiliserReleaseDays: row.Integer("fertiliser_release_days", 1, 365),
                ClipLeafShare: row.Number("clip_leaf_share", 0.0, 0.9),
                ClipIntervalDays: row.Integer("clip_interval_days", 1, 365),
                ClipFirstDay: clipFirst, ClipLastDay: clipLast,
                LitterRemovalShare: row.Number("litter_removal_share", 0.0, 1.0),
                LitterRemovalFirstDay: sweepFirst, LitterRemovalLastDay: sweepLast), row.Line));
        }
        if (list.Count == 0) throw new InvalidInputException(path, "file", "no rows", "at least one urban-green practice");
        return list;
    }

    /// <summary>Fertiliser "doy:kg N ha-1;…" (empty = none) → events in kgN m-2 on 0-based days.</summary>
    static IReadOnlyList<ManagementEvent> Fertiliser(CsvRow row)
    {
        const string column = "fertiliser_kg_n_ha";
        var text = row.Text(column);
        if (text.Length == 0) return [];
        var list = new List<ManagementEvent>();
        foreach (var part in text.Split(';'))
        {
            var kv = part.Split(':');
            if (kv.Length != 2
                || !int.TryParse(kv[0].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int doy) || doy is < 1 or > 365
                || !double.TryParse(kv[1].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double kg) || !double.IsFinite(kg) || kg < 0 || kg > 1000)
                throw new InvalidInputException(row.File, row.Place(column), part, "applications 'day:kg N ha-1' separated by ';' (day of year 1-365, amount in [0, 1000])");
            list.Add(new ManagementEvent(doy - 1, kg * PerHectare));
        }
        return list;
    }
}

/// <summary>
/// Puts urban-green practices into a scenario: every vegetated column of a class that has a practice row (its own type's
/// row, else the class's <c>*</c> row) becomes a vegetation type <c>{type}@{class}</c> whose parameters are the type's
/// with <see cref="Parameters.EcophysParameters.UrbanGreen"/> set, and the class table's mixes name it. Columns of
/// classes without a row, and every column without the key, are untouched (BIOME-BGC unchanged).
/// </summary>
public static class UrbanGreenSetup
{
    /// <summary>Separator of a managed type's name: <c>{type}@{class}</c> ('@' is not allowed in scenario type names).</summary>
    public const char Separator = '@';

    /// <summary>The vegetation type a (possibly managed) type name derives from: "dbf@park" → "dbf".</summary>
    public static string BaseType(string name) => name.IndexOf(Separator) is int i and >= 0 ? name[..i] : name;

    public static (ImmutableSortedDictionary<string, VegetationSpec> Vegetation, LandUseClassTable Classes) Apply(string path,
        ImmutableSortedDictionary<string, VegetationSpec> vegetation, LandUseClassTable table)
    {
        var rows = UrbanGreenReader.Read(path);
        var byKey = new Dictionary<(string, string), UrbanGreenPractice>();
        foreach (var (p, line) in rows)
        {
            if (!table.TryGetByName(p.Class, out _))
                throw new InvalidInputException(path, $"line {line}, column 'class'", p.Class,
                    $"a land-use class of the class table ({string.Join(", ", table.Classes.Select(c => c.Name))})");
            if (p.Vegetation != "*" && !vegetation.ContainsKey(p.Vegetation))
                throw new InvalidInputException(path, $"line {line}, column 'vegetation'", p.Vegetation,
                    $"'*' or a vegetation type of the scenario ({string.Join(", ", vegetation.Keys)})");
            byKey[(p.Class, p.Vegetation)] = p;
        }
        return ManagedTypes.Rename(vegetation, table, byKey.Keys.Select(k => k.Item1).ToHashSet(StringComparer.Ordinal), (cls, baseSpec) =>
        {
            var p = byKey.GetValueOrDefault((cls, baseSpec.Name)) ?? byKey.GetValueOrDefault((cls, "*"));
            if (p is null) return null;
            if (baseSpec.Parameters.Management is not null)
                throw new InvalidInputException(path, $"class '{cls}'", baseSpec.Name, "urban-green practices for urban vegetation, not for a crop rotation");
            return baseSpec.Parameters with { UrbanGreen = p };
        });
    }
}
