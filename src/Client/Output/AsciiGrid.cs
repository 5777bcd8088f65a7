using System.Globalization;
using CarbonSim.Model.Io.Formats;
using CarbonSim.Model.Output;

namespace CarbonSim.Client.Output;

/// <summary>
/// A run's raster layer as an ESRI ASCII grid (<c>.asc</c>) with its <c>.prj</c>, written by the one grid
/// writer (<see cref="EsriAsciiGrid"/>): corner-registered, NODATA_value -9999, report units.
/// </summary>
public static class AsciiGrid
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    /// <summary>Value written for cells without data.</summary>
    public const double NoData = -9999;

    /// <summary>Writes <c>&lt;stem&gt;.asc</c> and <c>&lt;stem&gt;.prj</c>; values converted to the report unit (7 significant digits), NaN → NODATA.</summary>
    public static void Write(string directory, GridSpec grid, RasterLayer layer)
    {
        grid.Validate();
        if (layer.Values.Length != grid.CellCount)
            throw new ArgumentException($"layer {layer.Name} has {layer.Values.Length} values, grid {grid.CellCount}");
        var (_, _, factor) = OutputColumns.RasterUnit(layer.Unit);
        var values = new double[grid.CellCount];
        for (int row = 0; row < grid.Rows; row++)
            for (int col = 0; col < grid.Cols; col++)
            {
                double v = layer.Values[grid.Index(row, col)];
                values[row * grid.Cols + col] = double.IsFinite(v) ? v * factor : double.NaN;
            }
        new EsriAsciiGrid(grid.Cols, grid.Rows, grid.XllCorner, grid.YllCorner, grid.CellSize, NoData, values, grid.CrsWkt)
            .Write(Path.Combine(directory, OutputColumns.RasterFileStem(layer) + ".asc"), "G7");
    }
}
