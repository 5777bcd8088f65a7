using System.Globalization;
using System.Text;

namespace CarbonSim.Model.Region;

/// <summary>
/// An ESRI ASCII grid (.asc): header lines <c>ncols, nrows, xllcorner|xllcenter, yllcorner|yllcenter,
/// cellsize[, nodata_value]</c>, then nrows lines of ncols values, northern row first. An optional
/// sidecar <c>.prj</c> (same name) holds the WKT of the coordinate system.
/// </summary>
/// <param name="XllCorner">[map units] x of the lower-left corner of the lower-left cell.</param>
/// <param name="YllCorner">[map units] y of the lower-left corner.</param>
/// <param name="CellSize">[map units] Cell edge.</param>
/// <param name="Values">Row-major values, row 0 = northern row.</param>
/// <param name="Prj">Contents of the .prj sidecar, or null.</param>
public sealed record EsriAsciiGrid(int Cols, int Rows, double XllCorner, double YllCorner, double CellSize, double? NoData, double[] Values, string? Prj)
{
    public double YMax => YllCorner + Rows * CellSize;
    public double Value(int row, int col) => Values[row * Cols + col];

    /// <summary>
    /// Reads a grid. Header errors and non-numeric or NaN/infinite values are <see cref="InvalidInputException"/>s
    /// naming the file, the line or the row/col (0-based, row 0 = north), the value and the expectation.
    /// </summary>
    public static EsriAsciiGrid Read(string path)
    {
        if (!File.Exists(path)) throw new InvalidInputException(path, "file", path, "an existing ESRI ASCII grid");
        using var reader = new StreamReader(path, Encoding.ASCII);
        var header = new Dictionary<string, (string Text, int Line)>(StringComparer.OrdinalIgnoreCase);
        int lineNo = 0;
        string? line;
        string? firstDataLine = null;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNo++;
            var t = line.Trim();
            if (t.Length == 0) continue;
            if (!char.IsLetter(t[0])) { firstDataLine = t; break; }
            var parts = t.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            var key = parts[0].ToLowerInvariant();
            if (key is not ("ncols" or "nrows" or "xllcorner" or "yllcorner" or "xllcenter" or "yllcenter" or "cellsize" or "nodata_value"))
                throw new InvalidInputException(path, $"line {lineNo}", parts[0], "a header key (ncols, nrows, xllcorner/xllcenter, yllcorner/yllcenter, cellsize, nodata_value)");
            if (parts.Length != 2)
                throw new InvalidInputException(path, $"line {lineNo}", t, $"'{parts[0]} <number>'");
            if (!header.TryAdd(key, (parts[1], lineNo)))
                throw new InvalidInputException(path, $"line {lineNo}", parts[0], "each header key once");
        }
        int Int(string key, int min)
        {
            if (!header.TryGetValue(key, out var h)) throw new InvalidInputException(path, "header", "missing " + key, $"a '{key}' header line");
            if (!int.TryParse(h.Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) || v < min)
                throw new InvalidInputException(path, $"line {h.Line} ({key})", h.Text, $"an integer >= {min}");
            return v;
        }
        double Num(string key, bool positive)
        {
            var h = header[key];
            if (!double.TryParse(h.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v) || (positive && v <= 0))
                throw new InvalidInputException(path, $"line {h.Line} ({key})", h.Text, positive ? "a positive number" : "a finite number");
            return v;
        }
        int cols = Int("ncols", 1), rows = Int("nrows", 1);
        if (!header.ContainsKey("cellsize")) throw new InvalidInputException(path, "header", "missing cellsize", "a 'cellsize' header line");
        double cell = Num("cellsize", true);
        double xll, yll;
        if (header.ContainsKey("xllcorner")) xll = Num("xllcorner", false);
        else if (header.ContainsKey("xllcenter")) xll = Num("xllcenter", false) - cell / 2;
        else throw new InvalidInputException(path, "header", "missing xllcorner", "an 'xllcorner' or 'xllcenter' header line");
        if (header.ContainsKey("yllcorner")) yll = Num("yllcorner", false);
        else if (header.ContainsKey("yllcenter")) yll = Num("yllcenter", false) - cell / 2;
        else throw new InvalidInputException(path, "header", "missing yllcorner", "a 'yllcorner' or 'yllcenter' header line");
        double? nodata = header.ContainsKey("nodata_value") ? Num("nodata_value", false) : null;

        var values = new double[(long)rows * cols];
        long k = 0;
        int dataLine = lineNo;
        line = firstDataLine;
        while (line is not null)
        {
            foreach (var tok in line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            {
                long row = k / cols, col = k % cols;
                if (k >= values.Length)
                    throw new InvalidInputException(path, $"line {dataLine}", tok, $"exactly {rows} x {cols} = {values.Length} values (found more)");
                if (!double.TryParse(tok, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
                    throw new InvalidInputException(path, $"row {row}, col {col} (line {dataLine})", tok, "a finite number (use nodata_value for missing cells)");
                values[k++] = v;
            }
            line = reader.ReadLine();
            dataLine++;
        }
        if (k != values.Length)
            throw new InvalidInputException(path, "data", $"{k} values", $"exactly {rows} x {cols} = {values.Length} values");
        var prjPath = Path.ChangeExtension(path, ".prj");
        var prj = File.Exists(prjPath) ? File.ReadAllText(prjPath).Trim() : null;
        return new EsriAsciiGrid(cols, rows, xll, yll, cell, nodata, values, prj);
    }

    /// <summary>Writes the grid (and its .prj when <see cref="Prj"/> is set). Integers are written without decimals.</summary>
    public void Write(string path)
    {
        var sb = new StringBuilder();
        sb.Append("ncols ").Append(Cols).Append('\n');
        sb.Append("nrows ").Append(Rows).Append('\n');
        sb.Append("xllcorner ").Append(XllCorner.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        sb.Append("yllcorner ").Append(YllCorner.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        sb.Append("cellsize ").Append(CellSize.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        if (NoData is double nd) sb.Append("NODATA_value ").Append(nd.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        for (int r = 0; r < Rows; r++)
        {
            for (int c = 0; c < Cols; c++)
            {
                if (c > 0) sb.Append(' ');
                sb.Append(Values[r * Cols + c].ToString("R", CultureInfo.InvariantCulture));
            }
            sb.Append('\n');
        }
        File.WriteAllText(path, sb.ToString(), Encoding.ASCII);
        if (Prj is not null) File.WriteAllText(Path.ChangeExtension(path, ".prj"), Prj, Encoding.ASCII);
    }
}
