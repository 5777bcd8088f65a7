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

    /// <summary>Report unit and factor for a layer's internal unit (t C ha-1 for pools, g C m-2 a-1 for fluxes).</summary>
    public static (string Unit, string Slug, double Factor) ReportUnit(string internalUnit) => internalUnit switch
    {
        OutputUnits.KgCPerM2 => ("t C ha-1", "tC_ha", OutputUnits.ToTonnesPerHa(1)),
        OutputUnits.KgCPerM2PerYear => ("g C m-2 a-1", "gC_m2_yr", OutputUnits.ToGramsPerM2(1)),
        _ => (internalUnit, new string(internalUnit.Select(ch => char.IsLetterOrDigit(ch) ? ch : '_').ToArray()), 1.0),
    };

    /// <summary>File stem of a layer: name + report unit, e.g. <c>total_c_2020_tC_ha</c>.</summary>
    public static string FileStem(RasterLayer layer) => $"{layer.Name}_{ReportUnit(layer.Unit).Slug}";

    /// <summary>Writes <c>&lt;stem&gt;.asc</c> and <c>&lt;stem&gt;.prj</c>; values converted to the report unit (7 significant digits), NaN → NODATA.</summary>
    public static void Write(string directory, GridSpec grid, RasterLayer layer)
    {
        grid.Validate();
        if (layer.Values.Length != grid.CellCount)
            throw new ArgumentException($"layer {layer.Name} has {layer.Values.Length} values, grid {grid.CellCount}");
        var (_, _, factor) = ReportUnit(layer.Unit);
        var values = new double[grid.CellCount];
        for (int row = 0; row < grid.Rows; row++)
            for (int col = 0; col < grid.Cols; col++)
            {
                double v = layer.Values[grid.Index(row, col)];
                values[row * grid.Cols + col] = double.IsFinite(v) ? v * factor : double.NaN;
            }
        new EsriAsciiGrid(grid.Cols, grid.Rows, grid.XllCorner, grid.YllCorner, grid.CellSize, NoData, values, grid.CrsWkt)
            .Write(Path.Combine(directory, FileStem(layer) + ".asc"), "G7");
    }
}
