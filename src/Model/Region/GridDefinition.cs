namespace CarbonSim.Model.Region;

/// <summary>
/// A regular grid in an Albers equal-area projection. Row 0 is the northern row, column 0 the western
/// column (the ESRI ASCII grid convention). Raster index = row × <see cref="Cols"/> + col.
/// </summary>
/// <param name="XMin">[m] Projected x of the western edge.</param>
/// <param name="YMax">[m] Projected y of the northern edge.</param>
/// <param name="ResolutionM">[m] Cell edge length.</param>
public sealed record GridDefinition(AlbersEqualArea Projection, double XMin, double YMax, double ResolutionM, int Rows, int Cols)
{
    /// <summary>[m] Projected y of the southern edge (ESRI yllcorner).</summary>
    public double YMin => YMax - Rows * ResolutionM;
    /// <summary>[m] Projected x of the eastern edge.</summary>
    public double XMax => XMin + Cols * ResolutionM;
    /// <summary>[m2] Area of one cell (exact: the projection is equal-area).</summary>
    public double CellAreaM2 => ResolutionM * ResolutionM;

    /// <summary>[m] Projected centre of a cell.</summary>
    public (double X, double Y) CellCentre(int row, int col) => (XMin + (col + 0.5) * ResolutionM, YMax - (row + 0.5) * ResolutionM);

    public int RasterIndex(int row, int col) => row * Cols + col;
}
