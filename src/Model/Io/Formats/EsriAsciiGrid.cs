using System.Globalization;
using System.Text;

namespace CarbonSim.Model.Io.Formats;

/// <summary>
/// The project's one ESRI ASCII grid (<c>.asc</c>) reader and writer: header lines <c>ncols, nrows,
/// xllcorner|xllcenter, yllcorner|yllcenter, cellsize[, NODATA_value]</c>, then nrows lines of ncols values,
/// northern row first. An optional sidecar <c>.prj</c> (same name) holds the WKT of the coordinate system.
/// Used for land-use inputs, masks, the InVEST maps and the run's output rasters (GDAL's AAIGrid driver,
/// and so QGIS, reads what <see cref="Write"/> writes).
/// </summary>
/// <param name="Cols">[-] Number of columns (west to east).</param>
/// <param name="Rows">[-] Number of rows (north to south).</param>
/// <param name="XllCorner">[map units] x of the lower-left corner of the lower-left cell.</param>
/// <param name="YllCorner">[map units] y of the lower-left corner.</param>
/// <param name="CellSize">[map units] Cell edge.</param>
/// <param name="NoData">[value units] The NODATA_value, or null when the header has none.</param>
/// <param name="Values">Row-major values, row 0 = northern row (NODATA cells hold <paramref name="NoData"/>).</param>
/// <param name="Prj">Contents of the .prj sidecar, or null.</param>
public sealed record EsriAsciiGrid(int Cols, int Rows, double XllCorner, double YllCorner, double CellSize, double? NoData, double[] Values, string? Prj = null)
{
    /// <summary>NODATA written when a grid has none set and a value is not finite.</summary>
    public const double DefaultNoData = -9999;

    /// <summary>True when the header gave cell centres (<c>xllcenter</c>/<c>yllcenter</c>); <see cref="Format"/> writes them back so.</summary>
    public bool CentreHeader { get; init; }

    /// <summary>[map units] North edge of the grid.</summary>
    public double YMax => YllCorner + Rows * CellSize;
    /// <summary>[map units²] Cell area (m² for a projected grid in metres).</summary>
    public double CellArea => CellSize * CellSize;
    /// <summary>Value of a cell (row 0 = north).</summary>
    public double Value(int row, int col) => Values[row * Cols + col];

    /// <summary>The values with NODATA cells as <see cref="double.NaN"/>.</summary>
    public double[] ValuesOrNaN() => NoData is double nd ? Values.Select(v => v == nd ? double.NaN : v).ToArray() : (double[])Values.Clone();

    /// <summary>
    /// Reads a grid and its <c>.prj</c> (if any). Header errors and non-numeric or NaN/infinite values are
    /// <see cref="InvalidInputException"/>s naming the file, the line or the row/col (0-based, row 0 = north),
    /// the value and the expectation.
    /// </summary>
    public static EsriAsciiGrid Read(string path)
    {
        if (!File.Exists(path)) throw new InvalidInputException(path, "file", path, "an existing ESRI ASCII grid");
        var grid = Parse(path, File.ReadAllText(path, Encoding.UTF8));
        var prjPath = Path.ChangeExtension(path, ".prj");
        return File.Exists(prjPath) ? grid with { Prj = File.ReadAllText(prjPath).Trim() } : grid;
    }

    /// <summary>Parses grid text; <paramref name="file"/> names it in errors.</summary>
    public static EsriAsciiGrid Parse(string file, string text)
    {
        var lines = text.Split('\n');
        var header = new Dictionary<string, (string Text, int Line)>(StringComparer.OrdinalIgnoreCase);
        int li = 0;
        for (; li < lines.Length; li++)
        {
            var t = lines[li].Trim();
            if (t.Length == 0) continue;
            if (!char.IsLetter(t[0])) break;
            int lineNo = li + 1;
            var parts = t.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            var key = parts[0].ToLowerInvariant();
            if (key is not ("ncols" or "nrows" or "xllcorner" or "yllcorner" or "xllcenter" or "yllcenter" or "cellsize" or "nodata_value"))
                throw new InvalidInputException(file, $"line {lineNo}", parts[0], "a header key (ncols, nrows, xllcorner/xllcenter, yllcorner/yllcenter, cellsize, nodata_value)");
            if (parts.Length != 2)
                throw new InvalidInputException(file, $"line {lineNo}", t, $"'{parts[0]} <number>'");
            if (!header.TryAdd(key, (parts[1], lineNo)))
                throw new InvalidInputException(file, $"line {lineNo}", parts[0], "each header key once");
        }
        int Int(string key, int min)
        {
            if (!header.TryGetValue(key, out var h)) throw new InvalidInputException(file, "header", "missing " + key, $"a '{key}' header line");
            if (!int.TryParse(h.Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) || v < min)
                throw new InvalidInputException(file, $"line {h.Line} ({key})", h.Text, $"an integer >= {min}");
            return v;
        }
        double Num(string key, bool positive)
        {
            var h = header[key];
            if (!double.TryParse(h.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v) || (positive && v <= 0))
                throw new InvalidInputException(file, $"line {h.Line} ({key})", h.Text, positive ? "a positive number" : "a finite number");
            return v;
        }
        int cols = Int("ncols", 1), rows = Int("nrows", 1);
        if (!header.ContainsKey("cellsize")) throw new InvalidInputException(file, "header", "missing cellsize", "a 'cellsize' header line");
        double cell = Num("cellsize", true);
        double xll, yll;
        bool centre = false;
        if (header.ContainsKey("xllcorner")) xll = Num("xllcorner", false);
        else if (header.ContainsKey("xllcenter")) { xll = Num("xllcenter", false) - cell / 2; centre = true; }
        else throw new InvalidInputException(file, "header", "missing xllcorner", "an 'xllcorner' or 'xllcenter' header line");
        if (header.ContainsKey("yllcorner")) yll = Num("yllcorner", false);
        else if (header.ContainsKey("yllcenter")) yll = Num("yllcenter", false) - cell / 2;
        else throw new InvalidInputException(file, "header", "missing yllcorner", "a 'yllcorner' or 'yllcenter' header line");
        if (header.ContainsKey("xllcorner") != header.ContainsKey("yllcorner"))
            throw new InvalidInputException(file, "header", "xll and yll of different kinds", "both corners (xllcorner, yllcorner) or both centres (xllcenter, yllcenter)");
        double? nodata = header.ContainsKey("nodata_value") ? Num("nodata_value", false) : null;

        long n = (long)rows * cols;
        if (n > int.MaxValue) throw new InvalidInputException(file, "header", $"{rows} x {cols}", "at most 2^31 - 1 cells");
        // Every value takes at least one character and a separator: a header asking for more than the text can hold
        // is refused before the value array is allocated (a 2e9-column header must not allocate 16 GB).
        if (n > (text.Length + 1L) / 2)
            throw new InvalidInputException(file, "header", $"{rows} x {cols}", $"a grid the file can hold ({text.Length} characters are too few for {n} values)");
        var values = new double[n];
        long k = 0;
        for (; li < lines.Length; li++)
        {
            int lineNo = li + 1;
            foreach (var tok in lines[li].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            {
                long row = k / cols, col = k % cols;
                if (k >= values.Length)
                    throw new InvalidInputException(file, $"line {lineNo}", tok, $"exactly {rows} x {cols} = {values.Length} values (found more)");
                if (!double.TryParse(tok, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
                    throw new InvalidInputException(file, $"row {row}, col {col} (line {lineNo})", tok, "a finite number (use nodata_value for missing cells)");
                values[k++] = v;
            }
        }
        if (k != values.Length)
            throw new InvalidInputException(file, "data", $"{k} values", $"exactly {rows} x {cols} = {values.Length} values");
        return new EsriAsciiGrid(cols, rows, xll, yll, cell, nodata, values) { CentreHeader = centre };
    }

    /// <summary>
    /// The grid as text: header (coordinates and cell size round-trip, <c>"R"</c>), NODATA_value when set, then
    /// rows with values in <paramref name="valueFormat"/> (invariant culture); a non-finite value is written as
    /// NODATA (<see cref="DefaultNoData"/> when none is set). <c>\n</c> line ends.
    /// </summary>
    public string Format(string valueFormat = "R")
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append("ncols ").Append(Cols.ToString(inv)).Append('\n');
        sb.Append("nrows ").Append(Rows.ToString(inv)).Append('\n');
        if (CentreHeader)
        {
            sb.Append("xllcenter ").Append((XllCorner + CellSize / 2).ToString("R", inv)).Append('\n');
            sb.Append("yllcenter ").Append((YllCorner + CellSize / 2).ToString("R", inv)).Append('\n');
        }
        else
        {
            sb.Append("xllcorner ").Append(XllCorner.ToString("R", inv)).Append('\n');
            sb.Append("yllcorner ").Append(YllCorner.ToString("R", inv)).Append('\n');
        }
        sb.Append("cellsize ").Append(CellSize.ToString("R", inv)).Append('\n');
        if (NoData is double nd) sb.Append("NODATA_value ").Append(nd.ToString("R", inv)).Append('\n');
        string missing = (NoData ?? DefaultNoData).ToString("R", inv);
        for (int r = 0; r < Rows; r++)
        {
            for (int c = 0; c < Cols; c++)
            {
                if (c > 0) sb.Append(' ');
                double v = Values[r * Cols + c];
                sb.Append(double.IsFinite(v) ? v.ToString(valueFormat, inv) : missing);
            }
            sb.Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>Writes the grid (UTF-8 without BOM) and, when <see cref="Prj"/> is set, its <c>.prj</c>.</summary>
    public void Write(string path, string valueFormat = "R")
    {
        File.WriteAllText(path, Format(valueFormat), Utf8NoBom);
        if (Prj is not null) File.WriteAllText(Path.ChangeExtension(path, ".prj"), Prj, Utf8NoBom);
    }

    /// <summary>Integer class codes (a non-integer value other than NODATA is an error naming its row and column).</summary>
    public int[] AsClasses(string file, out int? nodata)
    {
        nodata = NoData.HasValue ? (int)NoData.Value : null;
        var r = new int[Values.Length];
        for (int i = 0; i < r.Length; i++)
        {
            var v = Values[i];
            if (v != Math.Floor(v) || v < int.MinValue || v > int.MaxValue)
                throw new InvalidInputException(file, $"row {i / Cols}, col {i % Cols}", v.ToString("R", CultureInfo.InvariantCulture), "an integer land-use code");
            r[i] = (int)v;
        }
        return r;
    }

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);
}
