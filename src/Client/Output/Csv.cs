using System.Globalization;
using System.Text;
using CarbonSim.Model.Io.Formats;

namespace CarbonSim.Client.Output;

/// <summary>
/// Plain CSV as pandas and spreadsheets read it: UTF-8 without BOM, comma separator, "\n" line ends,
/// invariant culture, no thousands separators, empty field for a missing value, fields quoted only
/// when they contain a comma, quote or line break.
/// </summary>
public static class Csv
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    /// <summary>UTF-8 without byte-order mark.</summary>
    public static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>A number with 10 significant digits (round-trips every value the reports print); NaN → empty.</summary>
    public static string Num(double v) => double.IsFinite(v) ? v.ToString("G10", Inv) : "";

    /// <summary>Quotes a field when needed (RFC 4180).</summary>
    public static string Field(string s) =>
        s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;

    /// <summary>Writes a header and rows to <paramref name="path"/>.</summary>
    public static void Write(string path, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        using var w = new StreamWriter(path, false, Utf8NoBom) { NewLine = "\n" };
        w.WriteLine(string.Join(",", header.Select(Field)));
        foreach (var r in rows)
        {
            if (r.Count != header.Count) throw new InvalidOperationException($"{Path.GetFileName(path)}: row has {r.Count} fields, header {header.Count}");
            w.WriteLine(string.Join(",", r.Select(Field)));
        }
    }

    /// <summary>
    /// Reads a CSV written by <see cref="Write"/> (or any RFC 4180 file) with the project's one reader
    /// (<see cref="CsvTable"/>): header and rows of fields.
    /// </summary>
    public static (IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows) Read(string path)
    {
        var table = CsvTable.Read(path);
        return (table.Header, table.Rows.Select(r => r.Fields).ToList());
    }

    /// <summary>Parses a field written by <see cref="Num"/>; empty → NaN.</summary>
    public static double ParseNum(string s, string file, string place) =>
        s.Length == 0 ? double.NaN
        : double.TryParse(s, NumberStyles.Float, Inv, out var v) ? v
        : throw new CarbonSim.Model.InvalidInputException(file, place, s, "a number (invariant culture)");
}
