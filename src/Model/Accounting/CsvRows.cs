using System.Globalization;
using System.Text;

namespace CarbonSim.Model.Accounting;

/// <summary>
/// A small RFC-4180-style CSV reader (comma separated, double-quoted fields may hold commas and "")
/// giving rows by header name with line numbers, so that errors can name file, line and column.
/// </summary>
public sealed class CsvRows
{
    public string Source { get; }
    public string[] Header { get; }
    public IReadOnlyList<(int Line, string[] Fields)> Rows { get; }

    private CsvRows(string source, string[] header, List<(int, string[])> rows) { Source = source; Header = header; Rows = rows; }

    public static CsvRows Load(string path) =>
        File.Exists(path) ? Parse(path, File.ReadAllText(path))
            : throw new InvalidInputException(path, "file", "missing", "an existing CSV file");

    public static CsvRows Parse(string source, string text)
    {
        var rows = new List<(int, string[])>();
        string[]? header = null;
        int line = 1;
        var field = new StringBuilder();
        var fields = new List<string>();
        bool quoted = false, any = false;
        int startLine = 1;
        void EndRow()
        {
            fields.Add(field.ToString()); field.Clear();
            if (!(fields.Count == 1 && fields[0].Length == 0 && !any))
            {
                if (header == null) header = fields.Select(f => f.Trim()).ToArray();
                else rows.Add((startLine, fields.ToArray()));
            }
            fields.Clear(); any = false;
        }
        for (int i = 0; i < text.Length; i++)
        {
            char ch = text[i];
            if (quoted)
            {
                if (ch == '"') { if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; } else quoted = false; }
                else { if (ch == '\n') line++; field.Append(ch); }
                continue;
            }
            switch (ch)
            {
                case '"': quoted = true; any = true; break;
                case ',': fields.Add(field.ToString()); field.Clear(); any = true; break;
                case '\r': break;
                case '\n': EndRow(); line++; startLine = line; break;
                default: field.Append(ch); any = true; break;
            }
        }
        if (quoted) throw new InvalidInputException(source, $"line {startLine}", "an open quote", "a closing double quote");
        if (field.Length > 0 || fields.Count > 0 || any) EndRow();
        if (header == null) throw new InvalidInputException(source, "line 1", "empty file", "a header line");
        return new CsvRows(source, header, rows);
    }

    public int Column(string name)
    {
        int i = Array.IndexOf(Header, name);
        return i >= 0 ? i : throw new InvalidInputException(Source, "header", string.Join(",", Header), $"a column named '{name}'");
    }

    public string Text((int Line, string[] Fields) row, int column) =>
        column < row.Fields.Length ? row.Fields[column].Trim() : "";

    public double Number((int Line, string[] Fields) row, int column, bool allowBlank = false)
    {
        var s = Text(row, column);
        if (allowBlank && s.Length == 0) return double.NaN;
        if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
            throw new InvalidInputException(Source, $"line {row.Line} column {Header[column]}", s, "a finite number");
        return v;
    }

    public int Integer((int Line, string[] Fields) row, int column)
    {
        var s = Text(row, column);
        if (!int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v))
            throw new InvalidInputException(Source, $"line {row.Line} column {Header[column]}", s, "an integer");
        return v;
    }
}
