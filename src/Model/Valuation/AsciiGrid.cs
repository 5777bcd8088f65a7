using System.Globalization;
using System.Text;

namespace CarbonSim.Model.Valuation;

/// <summary>
/// An ESRI ASCII grid (ncols, nrows, xllcorner|xllcenter, yllcorner|yllcenter, cellsize, optional
/// NODATA_value, then rows from north to south). Values are kept as doubles, row-major.
/// </summary>
public sealed record AsciiGrid(int Columns, int Rows, double XLowerLeft, double YLowerLeft, bool CornerRegistered,
    double CellSize, double? NoData, double[] Values)
{
    /// <summary>[m2] Pixel area, assuming a projected grid in metres.</summary>
    public double PixelAreaM2 => CellSize * CellSize;

    public static AsciiGrid Load(string path) =>
        File.Exists(path) ? Parse(path, File.ReadAllText(path)) : throw new InvalidInputException(path, "file", "missing", "an existing ESRI ASCII grid");

    public static AsciiGrid Parse(string source, string text)
    {
        var lines = text.Replace("\r", "").Split('\n');
        var head = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        int li = 0;
        for (; li < lines.Length; li++)
        {
            var t = lines[li].Trim();
            if (t.Length == 0) continue;
            var parts = t.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2 || !char.IsLetter(parts[0][0])) break;
            head[parts[0]] = parts[1];
        }
        string Need(string k) => head.TryGetValue(k, out var v) ? v : throw new InvalidInputException(source, "header", string.Join(" ", head.Keys), $"a '{k}' line");
        double Num(string k, string v) => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d
            : throw new InvalidInputException(source, $"header {k}", v, "a finite number");
        int nc = (int)Num("ncols", Need("ncols")), nr = (int)Num("nrows", Need("nrows"));
        if (nc <= 0 || nr <= 0) throw new InvalidInputException(source, "header ncols/nrows", $"{nc}x{nr}", "positive sizes");
        bool corner = head.ContainsKey("xllcorner");
        double x = Num("xll", corner ? Need("xllcorner") : Need("xllcenter"));
        double y = Num("yll", head.ContainsKey("yllcorner") ? Need("yllcorner") : Need("yllcenter"));
        double cs = Num("cellsize", Need("cellsize"));
        if (cs <= 0) throw new InvalidInputException(source, "header cellsize", cs.ToString("R"), "a cell size > 0");
        double? nd = head.TryGetValue("NODATA_value", out var ndv) ? Num("NODATA_value", ndv) : null;
        var values = new double[nc * nr];
        int n = 0;
        for (; li < lines.Length; li++)
            foreach (var tok in lines[li].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            {
                if (n >= values.Length) throw new InvalidInputException(source, $"line {li + 1}", tok, $"exactly {nc}x{nr} values");
                if (!double.TryParse(tok, NumberStyles.Float, CultureInfo.InvariantCulture, out values[n]))
                    throw new InvalidInputException(source, $"line {li + 1} value {n % nc + 1}", tok, "a number");
                n++;
            }
        if (n != values.Length) throw new InvalidInputException(source, "data", $"{n} values", $"exactly {nc}x{nr} = {values.Length} values");
        return new AsciiGrid(nc, nr, x, y, corner, cs, nd, values);
    }

    /// <summary>Integer class codes (throws on a non-integer value other than NODATA).</summary>
    public int[] AsClasses(string source, out int? nodata)
    {
        nodata = NoData.HasValue ? (int)NoData.Value : null;
        var r = new int[Values.Length];
        for (int i = 0; i < r.Length; i++)
        {
            var v = Values[i];
            if (v != Math.Floor(v)) throw new InvalidInputException(source, $"row {i / Columns + 1} column {i % Columns + 1}", v.ToString("R"), "an integer land-use code");
            r[i] = (int)v;
        }
        return r;
    }

    /// <summary>Writes the grid with the same header; NaN is written as NODATA (−9999 if none set).</summary>
    public string Format()
    {
        var sb = new StringBuilder();
        var ci = CultureInfo.InvariantCulture;
        double nd = NoData ?? -9999;
        sb.Append($"ncols {Columns}\nnrows {Rows}\n");
        sb.Append(CornerRegistered ? "xllcorner " : "xllcenter ").Append(XLowerLeft.ToString("R", ci)).Append('\n');
        sb.Append(CornerRegistered ? "yllcorner " : "yllcenter ").Append(YLowerLeft.ToString("R", ci)).Append('\n');
        sb.Append("cellsize ").Append(CellSize.ToString("R", ci)).Append('\n');
        sb.Append("NODATA_value ").Append(nd.ToString("R", ci)).Append('\n');
        for (int r = 0; r < Rows; r++)
        {
            for (int c = 0; c < Columns; c++)
            {
                if (c > 0) sb.Append(' ');
                var v = Values[r * Columns + c];
                sb.Append((double.IsNaN(v) ? nd : v).ToString("R", ci));
            }
            sb.Append('\n');
        }
        return sb.ToString();
    }
}
