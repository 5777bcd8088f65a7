using System.Globalization;
using System.Text;

namespace CarbonSim.Model.Io.Formats;

/// <summary>
/// The project's one CSV reader (RFC 4180): a header row, then records; fields may be double-quoted
/// (with <c>""</c> for a quote and embedded commas and line breaks); a UTF-8 byte-order mark is skipped,
/// blank lines are skipped, <c>\r\n</c> and <c>\n</c> line ends are both read. Every record remembers its
/// 1-based line so that errors (<see cref="InvalidInputException"/>) name file, line, column, value and
/// expectation. Writers live with their outputs; they quote only what this reader unquotes.
/// </summary>
public sealed class CsvTable
{
    /// <summary>File (or source label) the table was read from; errors name it.</summary>
    public string File { get; }
    /// <summary>Header fields as written (not trimmed).</summary>
    public IReadOnlyList<string> Header { get; }
    /// <summary>Records after the header, blank lines left out.</summary>
    public IReadOnlyList<CsvRow> Rows { get; }
    private readonly IReadOnlyDictionary<string, int> _index;

    private CsvTable(string file, IReadOnlyList<string> header, IReadOnlyDictionary<string, int> index, IReadOnlyList<CsvRow> rows)
    {
        File = file; Header = header; _index = index; Rows = rows;
    }

    /// <summary>Reads a CSV file; <paramref name="requiredColumns"/> must all be in the header.</summary>
    public static CsvTable Read(string path, params string[] requiredColumns)
    {
        if (!System.IO.File.Exists(path))
            throw new InvalidInputException(path, "file", path, "an existing CSV file");
        return Parse(path, System.IO.File.ReadAllText(path, Encoding.UTF8), requiredColumns);
    }

    /// <summary>
    /// Parses CSV text (<paramref name="file"/> names it in errors). Every record must have as many fields as
    /// the header; <paramref name="requiredColumns"/> must all be in the header (names compared after trimming).
    /// </summary>
    public static CsvTable Parse(string file, string text, params string[] requiredColumns)
    {
        var records = Records(file, text);
        if (records.Count == 0)
            throw new InvalidInputException(file, "line 1", "", "a header row");
        var (headerLine, header) = records[0];
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < header.Count; i++) index[header[i].Trim()] = i;
        foreach (var col in requiredColumns)
            if (!index.ContainsKey(col))
                throw new InvalidInputException(file, $"line {headerLine} (header)", string.Join(",", header), $"a column named '{col}'");
        var rows = new List<CsvRow>(records.Count - 1);
        for (int r = 1; r < records.Count; r++)
        {
            var (line, fields) = records[r];
            if (fields.Count != header.Count)
                throw new InvalidInputException(file, $"line {line}", $"{fields.Count} fields", $"{header.Count} fields as in the header");
            rows.Add(new CsvRow(file, line, index, fields));
        }
        return new CsvTable(file, header, index, rows);
    }

    /// <summary>True when the header has a column of this (trimmed) name.</summary>
    public bool HasColumn(string column) => _index.ContainsKey(column);

    /// <summary>
    /// The records of CSV text with their 1-based first line: BOM skipped, blank lines left out, quoted
    /// fields unquoted (a quoted field's line breaks are kept and counted). An unterminated quote is an error.
    /// </summary>
    public static List<(int Line, List<string> Fields)> Records(string file, string text)
    {
        var result = new List<(int, List<string>)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        int line = 1, recordLine = 1;
        bool inQuotes = false, any = false;
        int i = 0;
        if (text.Length > 0 && text[0] == '\uFEFF') i = 1;
        void EndRecord()
        {
            fields.Add(field.ToString()); field.Clear();
            bool blank = !any && fields.Count == 1 && fields[0].Trim().Length == 0;
            if (!blank) result.Add((recordLine, fields));
            fields = new List<string>(); any = false;
        }
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
                case '\n': EndRecord(); line++; recordLine = line; break;
                default: field.Append(c); if (!char.IsWhiteSpace(c)) any = true; break;
            }
        }
        if (inQuotes) throw new InvalidInputException(file, $"line {recordLine}", "an unterminated quoted field", "a closing double quote");
        if (any || field.Length > 0 || fields.Count > 0) EndRecord();
        return result;
    }
}

/// <summary>One CSV record with typed accessors whose errors name file, line, column, value and expectation.</summary>
public sealed class CsvRow
{
    private readonly IReadOnlyDictionary<string, int> _index;
    private readonly IReadOnlyList<string> _fields;
    /// <summary>File the record was read from.</summary>
    public string File { get; }
    /// <summary>1-based line the record starts on.</summary>
    public int Line { get; }

    internal CsvRow(string file, int line, IReadOnlyDictionary<string, int> index, IReadOnlyList<string> fields)
    {
        File = file; Line = line; _index = index; _fields = fields;
    }

    /// <summary>The fields as read (not trimmed), in header order.</summary>
    public IReadOnlyList<string> Fields => _fields;

    /// <summary>Place of a column of this record in error messages: <c>line 7, column 'year'</c>.</summary>
    public string Place(string column) => $"line {Line}, column '{column}'";

    /// <summary>The trimmed text of a column (the column must exist: see <see cref="CsvTable.Read"/>'s required columns).</summary>
    public string Text(string column) =>
        _index.TryGetValue(column, out var i) ? _fields[i].Trim()
            : throw new InvalidInputException(File, $"line {Line}", string.Join(",", _index.Keys), $"a column named '{column}'");

    public bool IsBlank(string column) => Text(column).Length == 0;

    public string RequireText(string column)
    {
        var s = Text(column);
        if (s.Length == 0) throw new InvalidInputException(File, Place(column), "", "a non-empty value");
        return s;
    }

    /// <summary>A finite number (invariant culture) in [min, max].</summary>
    public double Number(string column, double min = double.NegativeInfinity, double max = double.PositiveInfinity, string? expectation = null)
    {
        var s = Text(column);
        if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
            throw new InvalidInputException(File, Place(column), s, expectation ?? "a finite number");
        if (v < min || v > max)
            throw new InvalidInputException(File, Place(column), s, expectation ?? $"a number in [{min.ToString(CultureInfo.InvariantCulture)}, {max.ToString(CultureInfo.InvariantCulture)}]");
        return v;
    }

    /// <summary>A number, or null for an empty field.</summary>
    public double? OptionalNumber(string column, double min = double.NegativeInfinity, double max = double.PositiveInfinity)
        => IsBlank(column) ? null : Number(column, min, max);

    public int Integer(string column, int min = int.MinValue, int max = int.MaxValue)
    {
        var s = Text(column);
        if (!int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) || v < min || v > max)
            throw new InvalidInputException(File, Place(column), s,
                min == int.MinValue && max == int.MaxValue ? "an integer" : $"an integer in [{min}, {max}]");
        return v;
    }
}
