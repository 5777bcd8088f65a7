using CarbonSim.Model;
using CarbonSim.Model.Io.Formats;

namespace CarbonSim.Client.Output;

/// <summary>
/// An annual table read back from a run folder (<c>cities_annual.csv</c> or <c>region_annual.csv</c>),
/// kept generic over its columns: text columns are the known label columns, <c>year</c> is the key,
/// every other column is a number (empty = NaN). New columns (budgets, compensation) come through as they are.
/// </summary>
public sealed class AnnualTableReader
{
    /// <summary>Columns that hold labels, not numbers.</summary>
    public static readonly IReadOnlySet<string> LabelColumns =
        System.Collections.Frozen.FrozenSet.ToFrozenSet(OutputColumns.LabelColumns, StringComparer.Ordinal);
    /// <summary>Columns that are counts or keys rather than quantities to difference.</summary>
    public static readonly IReadOnlySet<string> KeyColumns =
        System.Collections.Frozen.FrozenSet.ToFrozenSet(OutputColumns.KeyColumns, StringComparer.Ordinal);

    /// <summary>One row: entity key (city id, or "region"), year, labels and numbers.</summary>
    public sealed record Row(string Entity, int Year, IReadOnlyDictionary<string, string> Labels, IReadOnlyDictionary<string, double> Values);

    /// <summary>File read.</summary>
    public string Path { get; }
    /// <summary>Numeric column names in file order (excluding key columns).</summary>
    public IReadOnlyList<string> NumericColumns { get; }
    /// <summary>Rows in file order.</summary>
    public IReadOnlyList<Row> Rows { get; }

    private AnnualTableReader(string path, IReadOnlyList<string> numeric, IReadOnlyList<Row> rows)
    { Path = path; NumericColumns = numeric; Rows = rows; }

    /// <summary>Reads a table; throws <see cref="InvalidInputException"/> naming file, line and column on a bad field.</summary>
    public static AnnualTableReader Read(string path)
    {
        if (!File.Exists(path)) throw new InvalidInputException(path, "file", "missing", "an annual table written by carbonsim");
        var table = CsvTable.Read(path, OutputColumns.Year);
        var header = table.Header;
        bool perCity = table.HasColumn(OutputColumns.CityId);
        var numeric = header.Where(h => !LabelColumns.Contains(h) && !KeyColumns.Contains(h)).ToList();
        var list = new List<Row>();
        foreach (var row in table.Rows)
        {
            int year = row.Integer(OutputColumns.Year);
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            var values = new Dictionary<string, double>(StringComparer.Ordinal);
            for (int i = 0; i < header.Count; i++)
            {
                if (LabelColumns.Contains(header[i])) labels[header[i]] = row.Fields[i];
                else if (!KeyColumns.Contains(header[i])) values[header[i]] = Csv.ParseNum(row.Fields[i], path, row.Place(header[i]));
            }
            list.Add(new Row(perCity ? row.Fields[header.ToList().IndexOf(OutputColumns.CityId)] : "region", year, labels, values));
        }
        return new AnnualTableReader(path, numeric, list);
    }
}
