using System.Globalization;
using CarbonSim.Model.Output;

namespace CarbonSim.Client.Output;

/// <summary>
/// ESRI ASCII grid (<c>.asc</c>) with its <c>.prj</c>, as GDAL's AAIGrid driver (and so QGIS) reads it:
/// header ncols, nrows, xllcorner, yllcorner, cellsize, NODATA_value; then nrows lines, north row first.
/// </summary>
public static class AsciiGrid
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    /// <summary>Value written for cells without data.</summary>
    public const double NoData = -9999;

    /// <summary>Report unit and factor for a layer's internal unit (t C ha-1 for pools, g C m-2 a-1 for fluxes).</summary>
    public static (string Unit, string Slug, double Factor) ReportUnit(string internalUnit) => internalUnit switch
    {
        OutputUnits.KgCPerM2 => ("t C ha-1", "tC_ha", OutputUnits.ToTonnesPerHa(1)),
        OutputUnits.KgCPerM2PerYear => ("g C m-2 a-1", "gC_m2_yr", OutputUnits.ToGramsPerM2(1)),
        _ => (internalUnit, new string(internalUnit.Select(ch => char.IsLetterOrDigit(ch) ? ch : '_').ToArray()), 1.0),
    };

    /// <summary>File stem of a layer: name + report unit, e.g. <c>total_c_2020_tC_ha</c>.</summary>
    public static string FileStem(RasterLayer layer) => $"{layer.Name}_{ReportUnit(layer.Unit).Slug}";

    /// <summary>Writes <c>&lt;stem&gt;.asc</c> and <c>&lt;stem&gt;.prj</c>; values converted to the report unit, NaN → NODATA.</summary>
    public static void Write(string directory, GridSpec grid, RasterLayer layer)
    {
        grid.Validate();
        if (layer.Values.Length != grid.CellCount)
            throw new ArgumentException($"layer {layer.Name} has {layer.Values.Length} values, grid {grid.CellCount}");
        var (_, _, factor) = ReportUnit(layer.Unit);
        string stem = Path.Combine(directory, FileStem(layer));
        using (var w = new StreamWriter(stem + ".asc", false, Csv.Utf8NoBom) { NewLine = "\n" })
        {
            w.WriteLine($"ncols {grid.Cols.ToString(Inv)}");
            w.WriteLine($"nrows {grid.Rows.ToString(Inv)}");
            w.WriteLine($"xllcorner {grid.XllCorner.ToString("R", Inv)}");
            w.WriteLine($"yllcorner {grid.YllCorner.ToString("R", Inv)}");
            w.WriteLine($"cellsize {grid.CellSize.ToString("R", Inv)}");
            w.WriteLine($"NODATA_value {NoData.ToString(Inv)}");
            var line = new System.Text.StringBuilder();
            for (int row = 0; row < grid.Rows; row++)
            {
                line.Clear();
                for (int col = 0; col < grid.Cols; col++)
                {
                    if (col > 0) line.Append(' ');
                    double v = layer.Values[grid.Index(row, col)];
                    line.Append(double.IsFinite(v) ? (v * factor).ToString("G7", Inv) : NoData.ToString(Inv));
                }
                w.WriteLine(line.ToString());
            }
        }
        File.WriteAllText(stem + ".prj", grid.CrsWkt, Csv.Utf8NoBom);
    }

    /// <summary>A grid read back: header values and cells (north row first, NODATA → NaN).</summary>
    public sealed record Grid(int Cols, int Rows, double XllCorner, double YllCorner, double CellSize, double NoDataValue, double[] Values);

    /// <summary>Reads an ESRI ASCII grid (the subset <see cref="Write"/> produces, corner-registered).</summary>
    public static Grid Read(string path)
    {
        var lines = File.ReadAllLines(path);
        var head = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        int i = 0;
        for (; i < lines.Length && i < 6; i++)
        {
            var parts = lines[i].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2 || !char.IsLetter(parts[0][0])) break;
            head[parts[0]] = Csv.ParseNum(parts[1], path, $"line {i + 1}");
        }
        foreach (var k in new[] { "ncols", "nrows", "xllcorner", "yllcorner", "cellsize" })
            if (!head.ContainsKey(k)) throw new CarbonSim.Model.InvalidInputException(path, "header", k + " missing", "ncols, nrows, xllcorner, yllcorner, cellsize");
        int cols = (int)head["ncols"], rows = (int)head["nrows"];
        double nd = head.GetValueOrDefault("NODATA_value", NoData);
        var vals = new double[rows * cols];
        for (int r = 0; r < rows; r++)
        {
            var parts = lines[i + r].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != cols) throw new CarbonSim.Model.InvalidInputException(path, $"line {i + r + 1}", parts.Length.ToString(Inv) + " values", $"{cols} values");
            for (int c = 0; c < cols; c++)
            {
                double v = Csv.ParseNum(parts[c], path, $"line {i + r + 1}, column {c + 1}");
                vals[r * cols + c] = v == nd ? double.NaN : v;
            }
        }
        return new Grid(cols, rows, head["xllcorner"], head["yllcorner"], head["cellsize"], nd, vals);
    }
}
