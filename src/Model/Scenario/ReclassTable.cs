using System.Collections.Immutable;
using System.Globalization;
using CarbonSim.Model.Io.Formats;

namespace CarbonSim.Model.Scenarios;

/// <summary>
/// A land-use product's codes mapped to this scenario's classes (<c>land_use.reclass</c>): CSV
/// <c>code,class[,label]</c>, one row per product code; <c>class</c> is a class name of the class table, or empty
/// to treat the code as no data (e.g. ocean, unclassified). Bundled tables for CLCD, CNLUCC/RESDC, GlobeLand30 and
/// ESA WorldCover are in <c>data/landuse/reclass/</c> (sources in their README).
/// </summary>
public sealed class ReclassTable
{
    /// <summary>Full path of the CSV.</summary>
    public string Path { get; }
    /// <summary>Product code → class name, or null for a code mapped to no data.</summary>
    public ImmutableDictionary<int, string?> ClassOfCode { get; }

    private ReclassTable(string path, ImmutableDictionary<int, string?> map) { Path = path; ClassOfCode = map; }

    public static ReclassTable Read(string path, LandUseClassTable classes, string classTablePath)
    {
        var t = CsvTable.Read(path, "code", "class");
        var b = ImmutableDictionary.CreateBuilder<int, string?>();
        foreach (var row in t.Rows)
        {
            int code = row.Integer("code");
            if (b.ContainsKey(code)) throw new InvalidInputException(path, row.Place("code"), code.ToString(CultureInfo.InvariantCulture), "each product code once");
            var cls = row.Text("class");
            if (cls.Length == 0) { b[code] = null; continue; }
            if (!classes.TryGetByName(cls, out _))
                throw new InvalidInputException(path, row.Place("class"), cls, $"a class of {classTablePath} ({string.Join(", ", classes.Classes.Select(c => c.Name))}) or empty for no data");
            b[code] = cls;
        }
        if (b.Count == 0) throw new InvalidInputException(path, "rows", "none", "at least one code,class row");
        return new ReclassTable(path, b.ToImmutable());
    }
}
