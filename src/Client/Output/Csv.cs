using System.Globalization;
using System.Text;

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

    /// <summary>Reads a CSV written by <see cref="Write"/> (or any RFC 4180 file): header and rows of fields.</summary>
    public static (IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows) Read(string path)
    {
        var text = File.ReadAllText(path, Encoding.UTF8);
        var records = new List<IReadOnlyList<string>>();
        var fields = new List<string>();
        var sb = new StringBuilder();
        bool quoted = false, any = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"') { sb.Append('"'); i++; }
                    else quoted = false;
                }
                else sb.Append(c);
                continue;
            }
            switch (c)
            {
                case '"': quoted = true; any = true; break;
                case ',': fields.Add(sb.ToString()); sb.Clear(); any = true; break;
                case '\r': break;
                case '\n':
                    fields.Add(sb.ToString()); sb.Clear();
                    records.Add(fields.ToArray()); fields.Clear(); any = false;
                    break;
                default: sb.Append(c); any = true; break;
            }
        }
        if (any || sb.Length > 0 || fields.Count > 0) { fields.Add(sb.ToString()); records.Add(fields.ToArray()); }
        if (records.Count == 0) throw new CarbonSim.Model.InvalidInputException(path, "line 1", "empty file", "a CSV header");
        return (records[0], records.Skip(1).ToList());
    }

    /// <summary>Parses a field written by <see cref="Num"/>; empty → NaN.</summary>
    public static double ParseNum(string s, string file, string place) =>
        s.Length == 0 ? double.NaN
        : double.TryParse(s, NumberStyles.Float, Inv, out var v) ? v
        : throw new CarbonSim.Model.InvalidInputException(file, place, s, "a number (invariant culture)");
}
