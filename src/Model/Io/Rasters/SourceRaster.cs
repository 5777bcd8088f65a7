using System.Globalization;
using CarbonSim.Model.Io.Formats;

namespace CarbonSim.Model.Io.Rasters;

/// <summary>
/// An input raster as read from disk, whatever its format: north-up, square or rectangular pixels, with the
/// coordinate reference system it declares (or null when it declares none).
/// </summary>
/// <param name="Path">File it came from (named in errors).</param>
/// <param name="X0">[map units] x of the western edge of column 0.</param>
/// <param name="Y0">[map units] y of the northern edge of row 0.</param>
/// <param name="Dx">[map units] Pixel width (&gt; 0).</param>
/// <param name="Dy">[map units] Pixel height (&gt; 0; rows run south).</param>
/// <param name="NoData">[value units] Missing-value marker, or null.</param>
/// <param name="Values">Row-major values, row 0 = north.</param>
/// <param name="Crs">Declared CRS (GeoKeys or .prj), or null.</param>
public sealed record SourceRaster(string Path, int Cols, int Rows, double X0, double Y0, double Dx, double Dy, double? NoData, double[] Values, RasterCrs? Crs)
{
    /// <summary>True when the value at index k is the NODATA marker.</summary>
    public bool IsNoData(long k) => NoData is double nd && (Values[k] == nd || (double.IsNaN(nd) && double.IsNaN(Values[k])));

    /// <summary>Extensions read as rasters.</summary>
    public const string Formats = "an ESRI ASCII grid (.asc, CRS in a .prj beside it) or a GeoTIFF (.tif/.tiff, CRS in its GeoKeys)";

    /// <summary>
    /// Reads an ESRI ASCII grid (with its <c>.prj</c>) or a GeoTIFF (with its GeoKeys, else a <c>.prj</c> beside it).
    /// <paramref name="declared"/> (from a scenario key) gives the CRS of a file that declares none; when the file
    /// declares one too, both must agree (compared over <paramref name="probe"/> points), else it is an error.
    /// </summary>
    public static SourceRaster Read(string path, RasterCrs? declared, string declaredPlace, Region.AlbersEqualArea grid, (double Lon, double Lat)[] probe)
    {
        var r = ReadFile(path);
        if (declared is not null && r.Crs is not null && !SameCrs(r.Crs, declared, grid, probe))
            throw new InvalidInputException(path, "CRS", r.Crs.Label, $"the CRS given by {declaredPlace} ({declared.Label}), or no CRS in the file");
        r = r with { Crs = r.Crs ?? declared };
        if (r.Crs is null)
            throw new InvalidInputException(path, "CRS", "none declared", $"a CRS: GeoTIFF GeoKeys, a .prj beside the file, or {declaredPlace}: EPSG:<code>");
        if (r.Crs.IsGeographic && (r.Y0 > 90.000001 || r.Y0 - r.Rows * r.Dy < -90.000001 || r.X0 < -360 || r.X0 + r.Cols * r.Dx > 360))
            throw new InvalidInputException(path, "extent", FormattableString.Invariant($"x {r.X0}..{r.X0 + r.Cols * r.Dx}, y {r.Y0 - r.Rows * r.Dy}..{r.Y0}"),
                $"lon/lat degrees for the declared CRS {r.Crs.Label} (are these metres in a projected CRS?)");
        return r;
    }

    /// <summary>Reads an ESRI ASCII grid or GeoTIFF with the CRS it declares (null when none).</summary>
    public static SourceRaster ReadFile(string path)
    {
        if (!File.Exists(path)) throw new InvalidInputException(path, "file", path, "an existing raster: " + Formats);
        return System.IO.Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".asc" => FromAscii(path),
            ".tif" or ".tiff" => FromGeoTiff(path),
            _ => throw new InvalidInputException(path, "file name", System.IO.Path.GetFileName(path), Formats),
        };
    }

    /// <summary>
    /// [m2] Area of one pixel of a projected raster (pixel size × metres per unit, squared). A raster in lon/lat, or
    /// one without a CRS whose numbers look like degrees, is refused: its pixels have no single area in metres.
    /// Without a CRS, map units are read as metres (<paramref name="assumed"/> says so).
    /// </summary>
    public double ProjectedPixelAreaM2(string use, out bool assumed)
    {
        assumed = Crs is null;
        if (Crs is { IsGeographic: true })
            throw new InvalidInputException(Path, "CRS", Crs.Label, $"a projected CRS for {use} (pixel areas in m2; a lon/lat pixel's area varies with latitude): reproject the map first, e.g. gdalwarp -t_srs EPSG:32650");
        if (Crs is null && Dx < 1 && Dy < 1 && Math.Abs(X0) <= 360 && Math.Abs(Y0) <= 90)
            throw new InvalidInputException(Path, "CRS", FormattableString.Invariant($"none declared, pixel {Dx} x {Dy} at x {X0}, y {Y0}"),
                $"a .prj (or GeoKeys) naming a projected CRS for {use}: these numbers look like lon/lat degrees, which are not metres");
        double mpu = Crs?.MetresPerUnit ?? 1;
        return Dx * mpu * Dy * mpu;
    }

    /// <summary>The raster as an ESRI ASCII grid (square pixels required) with the CRS's WKT as .prj.</summary>
    public EsriAsciiGrid ToAsciiGrid()
    {
        if (Math.Abs(Dx - Dy) > 1e-9 * Dx)
            throw new InvalidInputException(Path, "pixel size", FormattableString.Invariant($"{Dx} x {Dy}"), "square pixels");
        return new EsriAsciiGrid(Cols, Rows, X0, Y0 - Rows * Dy, Dx, NoData is double nd && double.IsNaN(nd) ? null : NoData, Values, Crs?.Wkt);
    }

    /// <summary>Two CRSs agree when they put every probe point within 1 mm (projected) or 1e-8° (geographic) of each other.</summary>
    public static bool SameCrs(RasterCrs a, RasterCrs b, Region.AlbersEqualArea grid, (double Lon, double Lat)[] probe)
    {
        if (a.IsGeographic != b.IsGeographic) return false;
        var ta = a.ToGrid(grid, probe); var tb = b.ToGrid(grid, probe);
        return probe.All(p =>
        {
            var (gx, gy) = grid.Forward(p.Lon, p.Lat);
            var (ax, ay) = ta.Inverse(gx, gy); var (bx, by) = tb.Inverse(gx, gy);
            double tol = a.IsGeographic ? 1e-8 : 1e-3;
            return Math.Abs(ax - bx) < tol && Math.Abs(ay - by) < tol;
        });
    }

    private static SourceRaster FromAscii(string path)
    {
        var g = EsriAsciiGrid.Read(path);
        var crs = g.Prj is { } prj ? RasterCrs.FromWkt(prj, System.IO.Path.ChangeExtension(path, ".prj"), ".prj") : null;
        return new SourceRaster(path, g.Cols, g.Rows, g.XllCorner, g.YMax, g.CellSize, g.CellSize, g.NoData, g.Values, crs);
    }

    // GeoTIFF 1.0 tags and keys (OGC 19-008r4).
    private const int ModelPixelScale = 33550, ModelTiepoint = 33922, ModelTransformation = 34264, GeoKeyDirectory = 34735, GeoDoubleParams = 34736, GeoAsciiParams = 34737, GdalNoData = 42113;

    private static SourceRaster FromGeoTiff(string path)
    {
        var t = TiffFile.Read(path);
        double x0, y0, dx, dy;
        if (t.Numbers(ModelPixelScale) is { Length: >= 2 } scale && t.Numbers(ModelTiepoint) is { Length: >= 6 } tie)
        {
            if (tie.Length > 6)
                throw new InvalidInputException(path, "tag 33922 (ModelTiepoint)", $"{tie.Length / 6} tie points", "unsupported TIFF layout: one tie point with a pixel scale (no warped rasters)");
            (dx, dy) = (scale[0], scale[1]);
            x0 = tie[3] - tie[0] * dx; y0 = tie[4] + tie[1] * dy;
        }
        else if (t.Numbers(ModelTransformation) is { Length: 16 } m)
        {
            if (m[1] != 0 || m[4] != 0)
                throw new InvalidInputException(path, "tag 34264 (ModelTransformation)", "rotation/shear terms", "unsupported TIFF layout: a north-up raster without rotation");
            (dx, dy, x0, y0) = (m[0], -m[5], m[3], m[7]);
        }
        else throw new InvalidInputException(path, "GeoTIFF tags", "no ModelPixelScale + ModelTiepoint or ModelTransformation", "a georeferenced GeoTIFF");
        if (!(dx > 0) || !(dy > 0) || !double.IsFinite(x0) || !double.IsFinite(y0))
            throw new InvalidInputException(path, "pixel size", FormattableString.Invariant($"{dx} x {dy}"), "unsupported TIFF layout: a north-up raster (positive pixel width and height)");

        var keys = GeoKeys.Read(t, path);
        if (keys.RasterPixelIsPoint) { x0 -= dx / 2; y0 += dy / 2; }
        RasterCrs? crs = keys.Crs();
        var prj = System.IO.Path.ChangeExtension(path, ".prj");
        if (crs is null && File.Exists(prj)) crs = RasterCrs.FromWkt(File.ReadAllText(prj), prj, ".prj");
        double? nodata = null;
        if (t.Text(GdalNoData) is { } nd && nd.Trim().Length > 0)
        {
            if (!double.TryParse(nd.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
                throw new InvalidInputException(path, "tag 42113 (GDAL_NODATA)", nd, "a number or nan");
            nodata = v;
        }
        return new SourceRaster(path, t.Width, t.Height, x0, y0, dx, dy, nodata, t.Values, crs);
    }

    /// <summary>The GeoKey directory (tag 34735) with its double and ASCII parameters.</summary>
    private sealed class GeoKeys
    {
        private readonly Dictionary<int, double[]> _num = new();
        private readonly Dictionary<int, string> _text = new();
        private readonly string _path;
        private GeoKeys(string path) { _path = path; }

        public static GeoKeys Read(TiffFile t, string path)
        {
            var k = new GeoKeys(path);
            if (t.Numbers(GeoKeyDirectory) is not { Length: >= 4 } dir) return k;
            var doubles = t.Numbers(GeoDoubleParams) ?? [];
            var ascii = t.Text(GeoAsciiParams) ?? "";
            int n = (int)dir[3];
            for (int i = 0; i < n && 4 + 4 * i + 3 < dir.Length; i++)
            {
                int id = (int)dir[4 + 4 * i], loc = (int)dir[5 + 4 * i], count = (int)dir[6 + 4 * i], val = (int)dir[7 + 4 * i];
                if (loc == 0) k._num[id] = [val];
                else if (loc == GeoDoubleParams && val + count <= doubles.Length) k._num[id] = doubles[val..(val + count)];
                else if (loc == GeoAsciiParams && val + count <= ascii.Length) k._text[id] = ascii.Substring(val, count).TrimEnd('|', '\0');
                else throw new InvalidInputException(path, $"GeoKey {id}", $"location {loc}, count {count}, offset {val}", "a GeoKey whose value lies in the key directory, GeoDoubleParams or GeoAsciiParams");
            }
            return k;
        }

        private double? Num(int id) => _num.TryGetValue(id, out var v) && v.Length > 0 ? v[0] : null;

        public bool RasterPixelIsPoint => Num(1025) == 2;

        private const int UserDefined = 32767;

        /// <summary>The CRS the keys declare, or null when they declare none.</summary>
        public RasterCrs? Crs()
        {
            var model = Num(1024);
            if (model is null && Num(3072) is null && Num(2048) is null) return null;
            if (Num(3072) is double pcs && pcs != UserDefined) return RasterCrs.FromEpsg((int)pcs, _path, "GeoKey 3072 (ProjectedCSType)", "GeoTIFF GeoKeys");
            if (model == 2 || (model is null && Num(3072) is null))
                return Geographic(out var _);
            if (model != 1)
                throw new InvalidInputException(_path, "GeoKey 1024 (GTModelType)", model?.ToString(CultureInfo.InvariantCulture) ?? "none", "1 (projected) or 2 (geographic)");
            return UserProjected();
        }

        private RasterCrs Geographic(out string geogcs)
        {
            var code = Num(2048);
            if (code is double c && c != UserDefined)
            {
                geogcs = RasterCrs.EpsgWkt((int)c) is { } w && w.StartsWith("GEOGCS", StringComparison.Ordinal) ? w
                    : throw new InvalidInputException(_path, "GeoKey 2048 (GeographicType)", $"EPSG:{c}", "EPSG:4326 (WGS84), EPSG:4490 (CGCS2000) or a user-defined ellipsoid");
                return RasterCrs.FromEpsg((int)c, _path, "GeoKey 2048 (GeographicType)", "GeoTIFF GeoKeys");
            }
            if (Num(2054) is double au && au != 9102)
                throw new InvalidInputException(_path, "GeoKey 2054 (GeogAngularUnits)", au.ToString(CultureInfo.InvariantCulture), "9102 (degree)");
            double a, invf;
            switch (Num(2056))
            {
                case 7030: a = 6378137; invf = 298.257223563; break;       // WGS 84
                case 7019: a = 6378137; invf = 298.257222101; break;       // GRS 1980
                case 1024: a = 6378137; invf = 298.257222101; break;       // CGCS2000
                case null or UserDefined:
                    a = Num(2057) ?? throw new InvalidInputException(_path, "GeoKey 2057 (GeogSemiMajorAxis)", "missing", "the ellipsoid of a user-defined geographic CRS (GeoKey 2056 or 2057 + 2059)");
                    invf = Num(2059) ?? (Num(2058) is double bAx ? a / (a - bAx) : throw new InvalidInputException(_path, "GeoKey 2059 (GeogInvFlattening)", "missing", "the inverse flattening (or semi-minor axis, 2058)"));
                    break;
                case double e: throw new InvalidInputException(_path, "GeoKey 2056 (GeogEllipsoid)", e.ToString(CultureInfo.InvariantCulture), "7030 (WGS84), 7019 (GRS80), 1024 (CGCS2000) or user-defined axes");
            }
            geogcs = FormattableString.Invariant($"GEOGCS[\"user-defined\",DATUM[\"user-defined\",SPHEROID[\"user-defined\",{a},{invf}],TOWGS84[0,0,0,0,0,0,0]],PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]]");
            return RasterCrs.FromWkt(geogcs, _path, "GeoTIFF GeoKeys, user-defined");
        }

        private RasterCrs UserProjected()
        {
            Geographic(out var geogcs);
            if (Num(3076) is double lu && lu != 9001)
                throw new InvalidInputException(_path, "GeoKey 3076 (ProjLinearUnits)", lu.ToString(CultureInfo.InvariantCulture), "9001 (metre)");
            var ct = Num(3075) ?? throw new InvalidInputException(_path, "GeoKey 3075 (ProjCoordTrans)", "missing", "the projection method of a user-defined projected CRS");
            double P(params int[] ids)
            {
                foreach (var id in ids) if (Num(id) is double v) return v;
                return 0;
            }
            double lon0 = P(3080, 3084, 3088), lat0 = P(3081, 3085, 3089), fe = P(3082, 3086), fn = P(3083, 3087);
            string method = ct switch
            {
                1 => FormattableString.Invariant($"PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"latitude_of_origin\",{lat0}],PARAMETER[\"central_meridian\",{lon0}],PARAMETER[\"scale_factor\",{Num(3092) ?? 1}]"),
                8 => FormattableString.Invariant($"PROJECTION[\"Lambert_Conformal_Conic_2SP\"],PARAMETER[\"standard_parallel_1\",{P(3078)}],PARAMETER[\"standard_parallel_2\",{P(3079)}],PARAMETER[\"latitude_of_origin\",{lat0}],PARAMETER[\"central_meridian\",{lon0}]"),
                11 => FormattableString.Invariant($"PROJECTION[\"Albers_Conic_Equal_Area\"],PARAMETER[\"standard_parallel_1\",{P(3078)}],PARAMETER[\"standard_parallel_2\",{P(3079)}],PARAMETER[\"latitude_of_center\",{lat0}],PARAMETER[\"longitude_of_center\",{lon0}]"),
                _ => throw new InvalidInputException(_path, "GeoKey 3075 (ProjCoordTrans)", ct.ToString(CultureInfo.InvariantCulture), "1 (Transverse Mercator), 8 (Lambert conformal conic 2SP) or 11 (Albers equal-area), or an EPSG code in GeoKey 3072"),
            };
            var wkt = FormattableString.Invariant($"PROJCS[\"user-defined\",{geogcs},{method},PARAMETER[\"false_easting\",{fe}],PARAMETER[\"false_northing\",{fn}],UNIT[\"metre\",1]]");
            return RasterCrs.FromWkt(wkt, _path, "GeoTIFF GeoKeys, user-defined");
        }
    }
}
