using System.Globalization;
using System.Text;

namespace CarbonSim.Model.Scenarios;

/// <summary>
/// A small RFC 4180 CSV table: a header row, then records; fields may be double-quoted (with "" for a quote
/// and embedded commas/newlines). Every record remembers its 1-based line so that errors can name it.
/// </summary>
public sealed class CsvTable
{
    public string File { get; }
    public IReadOnlyList<string> Header { get; }
    public IReadOnlyList<CsvRow> Rows { get; }

    private CsvTable(string file, IReadOnlyList<string> header, IReadOnlyList<CsvRow> rows)
    {
        File = file; Header = header; Rows = rows;
    }

    /// <summary>Reads a CSV file; <paramref name="requiredColumns"/> must all be in the header.</summary>
    public static CsvTable Read(string path, params string[] requiredColumns)
    {
        if (!System.IO.File.Exists(path))
            throw new InvalidInputException(path, "file", path, "an existing CSV file");
        var text = System.IO.File.ReadAllText(path, Encoding.UTF8);
        var records = Parse(path, text);
        if (records.Count == 0)
            throw new InvalidInputException(path, "line 1", "", "a header row");
        var (headerLine, header) = records[0];
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < header.Count; i++) index[header[i].Trim()] = i;
        foreach (var col in requiredColumns)
            if (!index.ContainsKey(col))
                throw new InvalidInputException(path, $"line {headerLine} (header)", string.Join(",", header), $"a column named '{col}'");
        var rows = new List<CsvRow>();
        for (int r = 1; r < records.Count; r++)
        {
            var (line, fields) = records[r];
            if (fields.Count == 1 && fields[0].Length == 0) continue; // blank line
            if (fields.Count != header.Count)
                throw new InvalidInputException(path, $"line {line}", $"{fields.Count} fields", $"{header.Count} fields as in the header");
            rows.Add(new CsvRow(path, line, index, fields));
        }
        return new CsvTable(path, header, rows);
    }

    private static List<(int Line, List<string> Fields)> Parse(string path, string text)
    {
        var result = new List<(int, List<string>)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        int line = 1, recordLine = 1;
        bool inQuotes = false, any = false;
        int i = 0;
        if (text.Length > 0 && text[0] == '\uFEFF') i = 1;
        for (; i < text.Length; i++)
        {
            char c = text[i];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                    else inQuotes = false;
                }
                else
                {
                    if (c == '\n') line++;
                    field.Append(c);
                }
                continue;
            }
            switch (c)
            {
                case '"': inQuotes = true; any = true; break;
                case ',': fields.Add(field.ToString()); field.Clear(); any = true; break;
                case '\r': break;
                case '\n':
                    fields.Add(field.ToString()); field.Clear();
                    result.Add((recordLine, fields));
                    fields = new List<string>(); any = false;
                    line++; recordLine = line;
                    break;
                default: field.Append(c); any = true; break;
            }
        }
        if (inQuotes) throw new InvalidInputException(path, $"line {recordLine}", "an unterminated quoted field", "a closing double quote");
        if (any || field.Length > 0) { fields.Add(field.ToString()); result.Add((recordLine, fields)); }
        return result;
    }
}

/// <summary>One CSV record with typed accessors whose errors name file, line, column, value and expectation.</summary>
public sealed class CsvRow
{
    private readonly IReadOnlyDictionary<string, int> _index;
    private readonly IReadOnlyList<string> _fields;
    public string File { get; }
    public int Line { get; }

    internal CsvRow(string file, int line, IReadOnlyDictionary<string, int> index, IReadOnlyList<string> fields)
    {
        File = file; Line = line; _index = index; _fields = fields;
    }

    public string Place(string column) => $"line {Line}, column '{column}'";

    public string Text(string column) => _fields[_index[column]].Trim();

    public bool IsBlank(string column) => Text(column).Length == 0;

    public string RequireText(string column)
    {
        var s = Text(column);
        if (s.Length == 0) throw new InvalidInputException(File, Place(column), "", "a non-empty value");
        return s;
    }

    public double Number(string column, double min = double.NegativeInfinity, double max = double.PositiveInfinity, string? expectation = null)
    {
        var s = Text(column);
        if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
            throw new InvalidInputException(File, Place(column), s, expectation ?? "a finite number");
        if (v < min || v > max)
            throw new InvalidInputException(File, Place(column), s, expectation ?? $"a number in [{min.ToString(CultureInfo.InvariantCulture)}, {max.ToString(CultureInfo.InvariantCulture)}]");
        return v;
    }

    public double? OptionalNumber(string column, double min = double.NegativeInfinity, double max = double.PositiveInfinity)
        => IsBlank(column) ? null : Number(column, min, max);

    public int Integer(string column, int min = int.MinValue, int max = int.MaxValue)
    {
        var s = Text(column);
        if (!int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) || v < min || v > max)
            throw new InvalidInputException(File, Place(column), s, $"an integer in [{min}, {max}]");
        return v;
    }
}
