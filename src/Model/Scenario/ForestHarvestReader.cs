using System.Collections.Immutable;
using CarbonSim.Model.Io.Formats;
using CarbonSim.Model.Management;

namespace CarbonSim.Model.Scenarios;

/// <summary>
/// Reads a forest-harvest CSV (<c>management.forest_harvest</c>; data/management/forest_harvest.csv; docs/management.md,
/// "Forest harvest"): one row per land-use class and woody vegetation type (or <c>*</c> for the class's other woody
/// types) with the share felled per year, the share of the felled stem wood carried away, the felling day (1–365) and the first calendar year felled.
/// Each row names its source and a status (verified, recalled, assumption). A malformed row throws
/// <see cref="InvalidInputException"/> naming file, line, column, value and expectation.
/// </summary>
public static class ForestHarvestReader
{
    public static readonly string[] Columns = ["class", "vegetation", "felled_share_per_year", "stem_export_share", "felling_doy", "first_year", "source", "status"];

    /// <summary>Practices in file order with the line of each row.</summary>
    public static IReadOnlyList<(ForestHarvestPractice Practice, int Line)> Read(string path)
    {
        var table = CsvTable.Read(path, Columns);
        var seen = new HashSet<(string, string)>();
        var list = new List<(ForestHarvestPractice, int)>();
        foreach (var row in table.Rows)
        {
            string cls = row.RequireText("class"), veg = row.RequireText("vegetation");
            if (!seen.Add((cls, veg)))
                throw new InvalidInputException(row.File, row.Place("vegetation"), $"{cls}/{veg} again", "one row per class and vegetation type");
            var status = row.RequireText("status");
            if (!UrbanGreenReader.Statuses.Contains(status))
                throw new InvalidInputException(row.File, row.Place("status"), status, "verified, recalled or assumption");
            row.RequireText("source");
            list.Add((new ForestHarvestPractice(cls, veg,
                FelledSharePerYear: row.Number("felled_share_per_year", 0.0, 0.5),
                StemExportShare: row.Number("stem_export_share", 0.0, 1.0),
                FellingDay: row.Integer("felling_doy", 1, 365) - 1,
                FirstYear: row.Integer("first_year", 1, 9999)), row.Line));
        }
        if (list.Count == 0) throw new InvalidInputException(path, "file", "no rows", "at least one forest-harvest row");
        return list;
    }
}

/// <summary>
/// Puts forest harvest into a scenario, the way <see cref="UrbanGreenSetup"/> puts urban-green practice: every woody column
/// of a class with a row (its own type's row, else the class's <c>*</c> row) becomes a type <c>{type}@{class}</c> whose
/// parameters are the type's with <see cref="Parameters.EcophysParameters.ForestHarvest"/> set, and the class table's mixes
/// name it; it takes its base type's calibrated parameters. Non-woody columns, columns of other classes and every column
/// without the key are untouched. A class that also has urban-green practice is rejected (one practice per column).
/// </summary>
public static class ForestHarvestSetup
{
    public static (ImmutableSortedDictionary<string, VegetationSpec> Vegetation, LandUseClassTable Classes) Apply(string path,
        ImmutableSortedDictionary<string, VegetationSpec> vegetation, LandUseClassTable table)
    {
        var byKey = new Dictionary<(string, string), ForestHarvestPractice>();
        foreach (var (p, line) in ForestHarvestReader.Read(path))
        {
            if (!table.TryGetByName(p.Class, out _))
                throw new InvalidInputException(path, $"line {line}, column 'class'", p.Class,
                    $"a land-use class of the class table ({string.Join(", ", table.Classes.Select(c => c.Name))})");
            if (p.Vegetation != "*" && (!vegetation.TryGetValue(p.Vegetation, out var spec) || !spec.Parameters.Woody))
                throw new InvalidInputException(path, $"line {line}, column 'vegetation'", p.Vegetation,
                    $"'*' or a woody vegetation type of the scenario ({string.Join(", ", vegetation.Where(v => v.Value.Parameters.Woody).Select(v => v.Key))})");
            byKey[(p.Class, p.Vegetation)] = p;
        }
        return ManagedTypes.Rename(vegetation, table, byKey.Keys.Select(k => k.Item1).ToHashSet(StringComparer.Ordinal), (cls, baseSpec) =>
        {
            if (!baseSpec.Parameters.Woody) return null;
            var p = byKey.GetValueOrDefault((cls, baseSpec.Name)) ?? byKey.GetValueOrDefault((cls, "*"));
            if (p is null) return null;
            if (baseSpec.Parameters.UrbanGreen is not null || baseSpec.Parameters.Management is not null)
                throw new InvalidInputException(path, $"class '{cls}'", baseSpec.Name, "forest harvest for a class without urban-green practice or crop rotation (one practice per column)");
            return baseSpec.Parameters with { ForestHarvest = p };
        });
    }
}
