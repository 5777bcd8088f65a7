namespace CarbonSim.Model.Output;

/// <summary>
/// A north-up regular grid: where cell (0,0) sits, how big a cell is, how many rows and columns,
/// and the coordinate reference system as WKT (written verbatim to the <c>.prj</c> beside a raster).
/// Row 0 is the northernmost row; values are stored row-major, top row first (the order an ESRI
/// ASCII grid is written in). Works for a projected equal-area grid (metres) and for a lon/lat
/// grid (degrees) alike; <see cref="IsGeographic"/> tells which.
/// </summary>
/// <param name="OriginX">[CRS units: m or degrees] West edge of column 0.</param>
/// <param name="OriginY">[CRS units: m or degrees] North edge of row 0.</param>
/// <param name="CellSize">[CRS units: m or degrees] Side of a (square) cell.</param>
/// <param name="Rows">[-] Number of rows (north to south).</param>
/// <param name="Cols">[-] Number of columns (west to east).</param>
/// <param name="CrsWkt">[-] Coordinate reference system as WKT (ESRI WKT1 preferred for .prj; OGC WKT1/WKT2 also read by GDAL/QGIS).</param>
public sealed record GridSpec(double OriginX, double OriginY, double CellSize, int Rows, int Cols, string CrsWkt)
{
    /// <summary>ESRI-flavoured WKT for WGS 84 longitude/latitude in degrees.</summary>
    public const string Wgs84LonLatWkt =
        "GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0,298.257223563]]," +
        "PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]";

    /// <summary>[-] Number of cells (Rows × Cols).</summary>
    public int CellCount => Rows * Cols;

    /// <summary>[CRS units] West edge of the grid (ESRI ASCII <c>xllcorner</c>).</summary>
    public double XllCorner => OriginX;

    /// <summary>[CRS units] South edge of the grid (ESRI ASCII <c>yllcorner</c>).</summary>
    public double YllCorner => OriginY - Rows * CellSize;

    /// <summary>[CRS units] East edge of the grid.</summary>
    public double XMax => OriginX + Cols * CellSize;

    /// <summary>[-] GDAL geotransform: x0, dx, row rotation, y0, column rotation, dy (negative: north-up).</summary>
    public double[] GeoTransform => [OriginX, CellSize, 0.0, OriginY, 0.0, -CellSize];

    /// <summary>True when the CRS is geographic (lon/lat degrees) rather than projected.</summary>
    public bool IsGeographic
    {
        get
        {
            var w = CrsWkt.TrimStart();
            return w.StartsWith("GEOGCS", StringComparison.OrdinalIgnoreCase)
                || w.StartsWith("GEOGCRS", StringComparison.OrdinalIgnoreCase)
                || w.StartsWith("GEOGRAPHICCRS", StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>[-] Row-major index of a cell (row 0 = north).</summary>
    public int Index(int row, int col) => row * Cols + col;

    /// <summary>[CRS units] Centre of a cell.</summary>
    public (double X, double Y) CellCentre(int row, int col) =>
        (OriginX + (col + 0.5) * CellSize, OriginY - (row + 0.5) * CellSize);

    /// <summary>Throws <see cref="InvalidInputException"/> when the grid cannot describe a raster.</summary>
    public void Validate(string source = "GridSpec")
    {
        if (Rows <= 0) throw new InvalidInputException(source, "Rows", Rows.ToString(System.Globalization.CultureInfo.InvariantCulture), "a positive row count");
        if (Cols <= 0) throw new InvalidInputException(source, "Cols", Cols.ToString(System.Globalization.CultureInfo.InvariantCulture), "a positive column count");
        if (!(CellSize > 0) || double.IsInfinity(CellSize))
            throw new InvalidInputException(source, "CellSize", CellSize.ToString("R", System.Globalization.CultureInfo.InvariantCulture), "a positive finite cell size");
        if (!double.IsFinite(OriginX) || !double.IsFinite(OriginY))
            throw new InvalidInputException(source, "Origin", $"{OriginX},{OriginY}", "finite coordinates");
        if (string.IsNullOrWhiteSpace(CrsWkt))
            throw new InvalidInputException(source, "CrsWkt", "", "a WKT coordinate reference system");
    }
}
