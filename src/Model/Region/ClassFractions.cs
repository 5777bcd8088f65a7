using System.Globalization;
using CarbonSim.Model.Io.Rasters;

namespace CarbonSim.Model.Region;

/// <summary>
/// A class raster in any CRS and at any resolution carried onto the simulation grid as class areas per cell,
/// then to one class per cell (what the engine holds) with every city's class areas kept.
/// </summary>
public static class ClassFractions
{
    /// <summary>
    /// [m2] Area of each class in each land cell: <c>area[cell · classCount + class]</c>. A fine raster (pixel edge on the
    /// grid at most half a cell edge): every source pixel is projected corner by corner onto the grid's equal-area Albers
    /// and its area there (shoelace, so ellipsoidal area) goes to the cell under its projected centre; only pixels near the
    /// grid are visited (the grid's outline, projected back, bounds them). A coarse raster: each cell is sampled at
    /// <see cref="SamplesPerCellEdge"/>² points taken back to the raster, each carrying 1/n² of the cell's area.
    /// NODATA pixels and codes that <paramref name="classOf"/> maps to −1 add nothing.
    /// </summary>
    /// <param name="cellOfRaster">Land cell index of each grid raster index (row · cols + col), −1 outside the region.</param>
    /// <param name="classOf">Class index of a raster value, −1 to skip.</param>
    public static double[] Aggregate(SourceRaster src, GridTransform toGrid, GridDefinition grid, int[] cellOfRaster, int cellCount, int classCount, Func<double, int> classOf)
    {
        var area = new double[(long)cellCount * classCount];
        // Source window: the grid's outline (40 points per edge) taken back to the raster, plus two pixels.
        double sxMin = double.MaxValue, sxMax = double.MinValue, syMin = double.MaxValue, syMax = double.MinValue;
        for (int i = 0; i <= 40; i++)
        {
            double f = i / 40.0;
            foreach (var (gx, gy) in new[] { (grid.XMin + f * (grid.XMax - grid.XMin), grid.YMin), (grid.XMin + f * (grid.XMax - grid.XMin), grid.YMax),
                                             (grid.XMin, grid.YMin + f * (grid.YMax - grid.YMin)), (grid.XMax, grid.YMin + f * (grid.YMax - grid.YMin)) })
            {
                var (x, y) = toGrid.Inverse(gx, gy);
                if (!double.IsFinite(x) || !double.IsFinite(y)) continue;
                sxMin = Math.Min(sxMin, x); sxMax = Math.Max(sxMax, x); syMin = Math.Min(syMin, y); syMax = Math.Max(syMax, y);
            }
        }
        int c0 = Math.Max(0, (int)Math.Floor((sxMin - src.X0) / src.Dx) - 2), c1 = Math.Min(src.Cols - 1, (int)Math.Floor((sxMax - src.X0) / src.Dx) + 2);
        int r0 = Math.Max(0, (int)Math.Floor((src.Y0 - syMax) / src.Dy) - 2), r1 = Math.Min(src.Rows - 1, (int)Math.Floor((src.Y0 - syMin) / src.Dy) + 2);
        if (c0 > c1 || r0 > r1) return area;

        if (!IsFine(src, toGrid, grid, (r0 + r1) / 2, (c0 + c1) / 2)) return SampleCells(src, toGrid, grid, cellOfRaster, area, classCount, classOf);
        const int s = 1;
        double sdx = src.Dx / s, sdy = src.Dy / s;

        int width = (c1 - c0 + 1) * s + 1;
        var upper = new (double X, double Y)[width];
        var lower = new (double X, double Y)[width];
        void Line(int subRow, (double X, double Y)[] into)
        {
            double y = src.Y0 - subRow * sdy;
            for (int j = 0; j < width; j++) into[j] = toGrid.Forward(src.X0 + c0 * src.Dx + j * sdx, y);
        }
        Line(r0 * s, upper);
        for (int r = r0; r <= r1; r++)
            for (int sr = 0; sr < s; sr++)
            {
                Line(r * s + sr + 1, lower);
                for (int c = c0; c <= c1; c++)
                {
                    long k = (long)r * src.Cols + c;
                    if (src.IsNoData(k)) continue;
                    int cls = classOf(src.Values[k]);
                    if (cls < 0) continue;
                    for (int sc = 0; sc < s; sc++)
                    {
                        int j = (c - c0) * s + sc;
                        var (a, b, d, e) = (upper[j], upper[j + 1], lower[j + 1], lower[j]);
                        double cx = (a.X + b.X + d.X + e.X) / 4, cy = (a.Y + b.Y + d.Y + e.Y) / 4;
                        int gc = (int)Math.Floor((cx - grid.XMin) / grid.ResolutionM), gr = (int)Math.Floor((grid.YMax - cy) / grid.ResolutionM);
                        if (gc < 0 || gr < 0 || gc >= grid.Cols || gr >= grid.Rows) continue;
                        int cell = cellOfRaster[grid.RasterIndex(gr, gc)];
                        if (cell < 0) continue;
                        area[(long)cell * classCount + cls] += Math.Abs(Shoelace(a, b, d, e));
                    }
                }
                (upper, lower) = (lower, upper);
            }
        return area;
    }

    /// <summary>
    /// True when the raster's pixel, projected onto the grid at (<paramref name="row"/>, <paramref name="col"/>) (default: the
    /// pixel under the grid's centre), has an edge of at most half a cell: then pixels are summed one by one, else cells are sampled.
    /// </summary>
    public static bool IsFine(SourceRaster src, GridTransform toGrid, GridDefinition grid, int row = -1, int col = -1)
    {
        if (row < 0 || col < 0)
        {
            var (x, y) = toGrid.Inverse((grid.XMin + grid.XMax) / 2, (grid.YMin + grid.YMax) / 2);
            col = Math.Clamp((int)Math.Floor((x - src.X0) / src.Dx), 0, src.Cols - 1);
            row = Math.Clamp((int)Math.Floor((src.Y0 - y) / src.Dy), 0, src.Rows - 1);
        }
        double pixelArea = Math.Abs(Shoelace(
            toGrid.Forward(src.X0 + col * src.Dx, src.Y0 - row * src.Dy), toGrid.Forward(src.X0 + (col + 1) * src.Dx, src.Y0 - row * src.Dy),
            toGrid.Forward(src.X0 + (col + 1) * src.Dx, src.Y0 - (row + 1) * src.Dy), toGrid.Forward(src.X0 + col * src.Dx, src.Y0 - (row + 1) * src.Dy)));
        return Math.Sqrt(pixelArea) <= grid.ResolutionM / 2;
    }

    /// <summary>[-] Sample points per cell edge when the raster is coarser than half a cell (1 % of the cell per point).</summary>
    public const int SamplesPerCellEdge = 10;

    private static double[] SampleCells(SourceRaster src, GridTransform toGrid, GridDefinition grid, int[] cellOfRaster, double[] area, int classCount, Func<double, int> classOf)
    {
        int n = SamplesPerCellEdge;
        double w = grid.CellAreaM2 / (n * n), res = grid.ResolutionM;
        for (int r = 0; r < grid.Rows; r++)
            for (int c = 0; c < grid.Cols; c++)
            {
                int cell = cellOfRaster[grid.RasterIndex(r, c)];
                if (cell < 0) continue;
                for (int a = 0; a < n; a++)
                    for (int b = 0; b < n; b++)
                    {
                        var (x, y) = toGrid.Inverse(grid.XMin + (c + (b + 0.5) / n) * res, grid.YMax - (r + (a + 0.5) / n) * res);
                        int sc = (int)Math.Floor((x - src.X0) / src.Dx), sr = (int)Math.Floor((src.Y0 - y) / src.Dy);
                        if (sc < 0 || sr < 0 || sc >= src.Cols || sr >= src.Rows) continue;
                        long k = (long)sr * src.Cols + sc;
                        if (src.IsNoData(k)) continue;
                        int cls = classOf(src.Values[k]);
                        if (cls >= 0) area[(long)cell * classCount + cls] += w;
                    }
            }
        return area;
    }

    /// <summary>[m2] Area of a quadrilateral (shoelace formula), signed by orientation.</summary>
    private static double Shoelace((double X, double Y) a, (double X, double Y) b, (double X, double Y) c, (double X, double Y) d) =>
        0.5 * ((a.X * b.Y - b.X * a.Y) + (b.X * c.Y - c.X * b.Y) + (c.X * d.Y - d.X * c.Y) + (d.X * a.Y - a.X * d.Y));

    /// <summary>
    /// One class per cell such that, in every city, each class gets as many cells as its share of the city's mapped
    /// area says (largest-remainder rounding, ties to the lower class index): cells are handed out by descending class
    /// fraction (ties to the lower cell, then class index) while the class has cells left; a cell left over takes the
    /// class with cells left and the largest fraction in it. A class's cell count in a city is within one cell of its
    /// mapped share. Cells with no mapped area take <paramref name="fallback"/>.
    /// </summary>
    /// <param name="area">[m2] From <see cref="Aggregate"/>.</param>
    /// <param name="cityOf">City index of each cell.</param>
    /// <param name="fallback">Class index for a cell without mapped area (e.g. the class under its centre).</param>
    public static int[] Harden(double[] area, int cellCount, int classCount, int[] cityOf, Func<int, int> fallback)
    {
        var result = new int[cellCount];
        Array.Fill(result, -1);
        var frac = new double[area.Length];
        for (int i = 0; i < cellCount; i++)
        {
            double tot = 0;
            for (int k = 0; k < classCount; k++) tot += area[(long)i * classCount + k];
            if (tot <= 0) { result[i] = fallback(i); continue; }
            for (int k = 0; k < classCount; k++) frac[(long)i * classCount + k] = area[(long)i * classCount + k] / tot;
        }
        foreach (var city in Enumerable.Range(0, cityOf.Length).Where(i => result[i] < 0).GroupBy(i => cityOf[i]).OrderBy(g => g.Key))
        {
            var cells = city.ToArray();
            var share = new double[classCount];
            foreach (var i in cells) for (int k = 0; k < classCount; k++) share[k] += frac[(long)i * classCount + k];
            var quota = new int[classCount];
            int given = 0;
            for (int k = 0; k < classCount; k++) { quota[k] = (int)Math.Floor(share[k]); given += quota[k]; }
            foreach (var k in Enumerable.Range(0, classCount).OrderByDescending(k => share[k] - quota[k]).ThenBy(k => k).Take(cells.Length - given))
                quota[k]++;
            var pairs = new List<(double F, int Cell, int Class)>();
            foreach (var i in cells)
                for (int k = 0; k < classCount; k++)
                    if (frac[(long)i * classCount + k] > 0) pairs.Add((frac[(long)i * classCount + k], i, k));
            pairs.Sort((p, q) => q.F != p.F ? q.F.CompareTo(p.F) : p.Cell != q.Cell ? p.Cell.CompareTo(q.Cell) : p.Class.CompareTo(q.Class));
            foreach (var (_, i, k) in pairs)
                if (result[i] < 0 && quota[k] > 0) { result[i] = k; quota[k]--; }
            foreach (var i in cells)
            {
                if (result[i] >= 0) continue;
                int best = -1;
                for (int k = 0; k < classCount; k++)
                    if (quota[k] > 0 && (best < 0 || frac[(long)i * classCount + k] > frac[(long)i * classCount + best])) best = k;
                result[i] = best;
                quota[best]--;
            }
        }
        return result;
    }

    /// <summary>Probe points for CRS comparison: the grid's corners, edge midpoints and centre, as lon/lat.</summary>
    public static (double Lon, double Lat)[] Probe(GridDefinition grid)
    {
        var pts = new List<(double, double)>();
        foreach (var fx in new[] { 0.0, 0.5, 1.0 })
            foreach (var fy in new[] { 0.0, 0.5, 1.0 })
                pts.Add(grid.Projection.Inverse(grid.XMin + fx * (grid.XMax - grid.XMin), grid.YMin + fy * (grid.YMax - grid.YMin)));
        return [.. pts];
    }

    /// <summary>Formats a value for messages.</summary>
    internal static string F(double v) => v.ToString("0.######", CultureInfo.InvariantCulture);
}
