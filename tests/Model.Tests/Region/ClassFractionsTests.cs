using System.Globalization;
using CarbonSim.Model.Io.Formats;
using CarbonSim.Model.Io.Rasters;
using CarbonSim.Model.Region;
using CarbonSim.Model.Scenarios;
using CarbonSim.Model.Tests.Io.Rasters;
using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;
using Xunit.Abstractions;

namespace CarbonSim.Model.Tests.Region;

/// <summary>
/// A synthetic 30 m land-use map in UTM 50N (EPSG:32650) carried onto a 1 km Albers grid as class areas per cell:
/// every class's area is kept, and the same map resampled to lon/lat (ESRI ASCII + WGS84 .prj) gives the same fractions.
/// </summary>
public class ClassFractionsTests(ITestOutputHelper output)
{
    private const int Cols = 900, Rows = 700, Classes = 5;
    private const double Pixel = 30;      // [m]
    private static readonly AlbersEqualArea Albers = new(AlbersProjectionSpec.ChinaAlbers);

    private static string Dir() { var d = Path.Combine(Path.GetTempPath(), "carbonsim-tests", Guid.NewGuid().ToString("N")); Directory.CreateDirectory(d); return d; }

    /// <summary>UTM 50N map: north-west corner near 116.4°E 40.1°N; classes 1–5 in blobs and stripes with 5 % salt.</summary>
    private static (double X0, double Y0, double[] Values) UtmMap()
    {
        var toUtm = new CoordinateTransformationFactory().CreateFromCoordinateSystems(GeographicCoordinateSystem.WGS84, ProjectedCoordinateSystem.WGS84_UTM(50, true)).MathTransform;
        var (x0, y0) = toUtm.Transform(116.4, 40.1);
        x0 = Math.Round(x0 / Pixel) * Pixel; y0 = Math.Round(y0 / Pixel) * Pixel;
        var rnd = new Random(11);
        var v = new double[Cols * Rows];
        for (int r = 0; r < Rows; r++)
            for (int c = 0; c < Cols; c++)
            {
                double u = c / (double)Cols, w = r / (double)Rows;
                int cls = Math.Sin(9 * u) + Math.Cos(7 * w) > 1.2 ? 1 : (u - 0.4) * (u - 0.4) + (w - 0.5) * (w - 0.5) < 0.02 ? 2 : (c / 40 + r / 55) % 3 == 0 ? 3 : u > 0.8 ? 4 : 5;
                if (rnd.Next(20) == 0) cls = 1 + rnd.Next(Classes);
                v[r * Cols + c] = cls;
            }
        return (x0, y0, v);
    }

    /// <summary>A 1 km Albers grid around the raster (every pixel lands on a land cell).</summary>
    private static (GridDefinition Grid, int[] CellOfRaster, int Cells) GridAround(SourceRaster src, GridTransform t)
    {
        double xmin = double.MaxValue, xmax = double.MinValue, ymin = double.MaxValue, ymax = double.MinValue;
        for (int i = 0; i <= 20; i++)
            foreach (var (x, y) in new[] { (src.X0 + i / 20.0 * src.Cols * src.Dx, src.Y0), (src.X0 + i / 20.0 * src.Cols * src.Dx, src.Y0 - src.Rows * src.Dy),
                                           (src.X0, src.Y0 - i / 20.0 * src.Rows * src.Dy), (src.X0 + src.Cols * src.Dx, src.Y0 - i / 20.0 * src.Rows * src.Dy) })
            {
                var (gx, gy) = t.Forward(x, y);
                xmin = Math.Min(xmin, gx); xmax = Math.Max(xmax, gx); ymin = Math.Min(ymin, gy); ymax = Math.Max(ymax, gy);
            }
        double res = 1000;
        double gx0 = Math.Floor(xmin / res) * res - res, gy1 = Math.Ceiling(ymax / res) * res + res;
        int cols = (int)Math.Ceiling((xmax - gx0) / res) + 1, rows = (int)Math.Ceiling((gy1 - ymin) / res) + 1;
        var grid = new GridDefinition(Albers, gx0, gy1, res, rows, cols);
        return (grid, Enumerable.Range(0, rows * cols).ToArray(), rows * cols);
    }

    private static double[] ClassTotals(double[] area, int cells)
    {
        var t = new double[Classes];
        for (int i = 0; i < cells; i++) for (int k = 0; k < Classes; k++) t[k] += area[i * Classes + k];
        return t;
    }

    private static string WriteUtmTiff(string dir, (double X0, double Y0, double[] Values) map)
    {
        var path = Path.Combine(dir, "utm50n_30m.tif");
        TestTiff.Write(path, Cols, Rows, map.Values, 8, map.X0, map.Y0, Pixel, Pixel, TestTiff.ProjectedKeys(32650), noData: "0",
            layout: new TestTiff.Layout(BitMiracle.LibTiff.Classic.Compression.LZW, TileSize: 256));
        return path;
    }

    [Fact]
    public void Utm_30m_map_keeps_every_class_area_on_the_1km_albers_grid()
    {
        var map = UtmMap();
        var path = WriteUtmTiff(Dir(), map);
        var src = SourceRaster.Read(path, null, "land_use.crs", Albers, [(116.6, 40.0)]);
        Assert.Equal("EPSG:32650 (GeoTIFF GeoKeys)", src.Crs!.Label);
        var t = src.Crs.ToGrid(Albers, [(116.6, 40.0)]);
        Assert.False(t.Identity);
        var (grid, cellOf, cells) = GridAround(src, t);
        var area = ClassFractions.Aggregate(src, t, grid, cellOf, cells, Classes, v => (int)v - 1);
        var after = ClassTotals(area, cells);
        for (int k = 0; k < Classes; k++)
        {
            double before = map.Values.Count(v => v == k + 1) * Pixel * Pixel;
            double rel = after[k] / before - 1;
            output.WriteLine(FormattableString.Invariant($"class {k + 1}: {before / 1e6:F3} km2 mapped, {after[k] / 1e6:F3} km2 on the grid, {rel:P3}"));
            Assert.InRange(rel, -0.005, 0.005);
            // Tighter: UTM shrinks distances by the point scale factor k (about 0.9996 near the central meridian), so the
            // ellipsoidal area is the nominal pixel area / k²; k from Snyder (1987) eq. 8-11 to first order at the map centre.
            double easting = map.X0 + Cols * Pixel / 2 - 500000, r = 6371000;
            double k2 = Math.Pow(0.9996 * (1 + easting * easting / (2 * r * r * 0.9996 * 0.9996)), 2);
            Assert.InRange(after[k] / (before / k2) - 1, -0.0002, 0.0002);
        }
        // A 30 m pixel is far smaller than a cell: one pixel per sub-pixel, and cells along the map's edge are partly covered.
        Assert.True(area.Count(a => a > 0) > cells / 2);
    }

    [Fact]
    public void Same_map_as_lonlat_ascii_gives_the_same_fractions()
    {
        var dir = Dir();
        var map = UtmMap();
        var utm = SourceRaster.Read(WriteUtmTiff(dir, map), null, "land_use.crs", Albers, [(116.6, 40.0)]);
        var tUtm = utm.Crs!.ToGrid(Albers, [(116.6, 40.0)]);
        var (grid, cellOf, cells) = GridAround(utm, tUtm);
        var a1 = ClassFractions.Aggregate(utm, tUtm, grid, cellOf, cells, Classes, v => (int)v - 1);

        // Nearest-neighbour resampling of the UTM map onto a 0.0003° lon/lat raster (about 25 x 33 m), NODATA outside.
        var toUtm = new CoordinateTransformationFactory().CreateFromCoordinateSystems(GeographicCoordinateSystem.WGS84, ProjectedCoordinateSystem.WGS84_UTM(50, true)).MathTransform;
        double d = 0.0003, lon0 = 116.39, lat1 = 40.105;
        int lc = (int)(0.34 / d), lr = (int)(0.21 / d);
        var v = new double[lc * lr];
        for (int r = 0; r < lr; r++)
            for (int c = 0; c < lc; c++)
            {
                var (x, y) = toUtm.Transform(lon0 + (c + 0.5) * d, lat1 - (r + 0.5) * d);
                int uc = (int)Math.Floor((x - map.X0) / Pixel), ur = (int)Math.Floor((map.Y0 - y) / Pixel);
                v[r * lc + c] = uc < 0 || ur < 0 || uc >= Cols || ur >= Rows ? -9999 : map.Values[ur * Cols + uc];
            }
        Assert.Contains(-9999.0, v);   // the lon/lat raster reaches beyond the UTM map on every side
        var asc = Path.Combine(dir, "lonlat.asc");
        new EsriAsciiGrid(lc, lr, lon0, lat1 - lr * d, d, -9999, v, RasterCrs.EpsgWkt(4326)).Write(asc);
        var ll = SourceRaster.Read(asc, null, "land_use.crs", Albers, [(116.6, 40.0)]);
        Assert.True(ll.Crs!.IsGeographic);
        var tLl = ll.Crs.ToGrid(Albers, [(116.6, 40.0)]);
        var a2 = ClassFractions.Aggregate(ll, tLl, grid, cellOf, cells, Classes, x => (int)x - 1);

        var t1 = ClassTotals(a1, cells); var t2 = ClassTotals(a2, cells);
        double worstCell = 0, meanCell = 0; int full = 0;
        for (int i = 0; i < cells; i++)
        {
            double s1 = 0, s2 = 0;
            for (int k = 0; k < Classes; k++) { s1 += a1[i * Classes + k]; s2 += a2[i * Classes + k]; }
            if (s1 < 0.999e6) continue;     // cells wholly inside the map
            full++;
            for (int k = 0; k < Classes; k++)
            {
                double diff = Math.Abs(a1[i * Classes + k] / s1 - a2[i * Classes + k] / s2);
                worstCell = Math.Max(worstCell, diff); meanCell += diff / Classes;
            }
        }
        meanCell /= full;
        for (int k = 0; k < Classes; k++)
        {
            output.WriteLine(FormattableString.Invariant($"class {k + 1}: UTM {t1[k] / 1e6:F3} km2, lon/lat {t2[k] / 1e6:F3} km2, {t2[k] / t1[k] - 1:P3}"));
            Assert.InRange(t2[k] / t1[k] - 1, -0.005, 0.005);
        }
        output.WriteLine(FormattableString.Invariant($"{full} whole cells: mean |fraction difference| {meanCell:F4}, worst {worstCell:F4}"));
        Assert.True(full > 300);
        Assert.InRange(meanCell, 0, 0.01);
        Assert.InRange(worstCell, 0, 0.06);
    }

    [Fact]
    public void Hardening_keeps_each_city_within_one_cell_of_its_class_shares()
    {
        var map = UtmMap();
        var src = SourceRaster.Read(WriteUtmTiff(Dir(), map), null, "land_use.crs", Albers, [(116.6, 40.0)]);
        var t = src.Crs!.ToGrid(Albers, [(116.6, 40.0)]);
        var (grid, cellOf, cells) = GridAround(src, t);
        var area = ClassFractions.Aggregate(src, t, grid, cellOf, cells, Classes, v => (int)v - 1);
        var city = Enumerable.Range(0, cells).Select(i => i % grid.Cols < grid.Cols / 2 ? 0 : 1).ToArray();
        var hard = ClassFractions.Harden(area, cells, Classes, city, _ => 0);
        int mismatchMajority = 0;
        foreach (var c in new[] { 0, 1 })
        {
            var share = new double[Classes]; var got = new int[Classes];
            for (int i = 0; i < cells; i++)
            {
                if (city[i] != c) continue;
                double s = 0; for (int k = 0; k < Classes; k++) s += area[i * Classes + k];
                if (s <= 0) continue;
                for (int k = 0; k < Classes; k++) share[k] += area[i * Classes + k] / s;
                got[hard[i]]++;
                int major = Enumerable.Range(0, Classes).MaxBy(k => area[i * Classes + k]);
                if (major != hard[i]) mismatchMajority++;
            }
            for (int k = 0; k < Classes; k++) Assert.InRange(got[k] - share[k], -1.0, 1.0);
        }
        output.WriteLine($"cells given another class than their majority to keep class areas: {mismatchMajority}");
    }

    [Fact]
    public void Coarse_pixels_reach_every_cell_they_cover()
    {
        // 0.05° lon/lat pixels (about 4 x 5.5 km) over 1 km cells: sub-pixels put the area in every covered cell.
        int c = 8, r = 6; double d = 0.05;
        var values = Enumerable.Range(0, c * r).Select(i => (double)(1 + i % 2)).ToArray();
        var path = Path.Combine(Dir(), "coarse.asc");
        new EsriAsciiGrid(c, r, 116.0, 39.7, d, null, values, RasterCrs.EpsgWkt(4326)).Write(path);
        var src = SourceRaster.Read(path, null, "land_use.crs", Albers, [(116.2, 39.85)]);
        var t = src.Crs!.ToGrid(Albers, [(116.2, 39.85)]);
        // A grid strictly inside the raster.
        var (x0, y0) = Albers.Forward(116.05, 39.95);
        var grid = new GridDefinition(Albers, Math.Round(x0 / 1000) * 1000, Math.Round(y0 / 1000) * 1000, 1000, 15, 20);
        int cells = grid.Rows * grid.Cols;
        var area = ClassFractions.Aggregate(src, t, grid, Enumerable.Range(0, cells).ToArray(), cells, 2, v => (int)v - 1);
        for (int i = 0; i < cells; i++)
            Assert.Equal(1e6, area[2 * i] + area[2 * i + 1], 1e-6);
    }
}
