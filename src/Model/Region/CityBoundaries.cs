using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Operation.Valid;
using CarbonSim.Model.Io.Rasters;

namespace CarbonSim.Model.Region;

/// <summary>One city polygon, in lon/lat degrees and in the grid's equal-area projection.</summary>
/// <param name="Index">[-] Position in the region's city list (sorted by id).</param>
/// <param name="AreaM2">[m2] Area of the projected polygon (equal-area, so the ellipsoidal area).</param>
/// <param name="Repair">Null, or what was repaired (only with <c>region.repair_invalid</c>).</param>
public sealed record CityBoundary(int Index, string Id, string Name, Geometry LonLat, Geometry Projected, double AreaM2, string? Repair = null);

/// <summary>Reads city polygons from a GeoJSON FeatureCollection (NetTopologySuite.IO.GeoJSON4STJ), a shapefile or a GeoPackage (<see cref="GeoPackageFeatures"/>) and checks them.</summary>
public static class CityBoundaries
{
    /// <summary>[-] Largest relative area change a repair may make.</summary>
    public const double MaxRepairAreaChange = 0.001;

    /// <summary>
    /// Reads, validates and projects the features. Each feature must carry a non-empty, unique
    /// <paramref name="idProperty"/> and a <paramref name="nameProperty"/>, and a valid, non-empty Polygon or
    /// MultiPolygon geometry. Validity follows OGC rules except that a ring touching itself at a point to form a hole
    /// is accepted (the ESRI model). With <paramref name="repairInvalid"/>, an invalid polygon is repaired with
    /// NetTopologySuite's GeometryFixer if that changes its area by at most <see cref="MaxRepairAreaChange"/>
    /// (quantisation spikes and zero-width back-tracks); otherwise it is still an error.
    /// Cities come back sorted by id (ordinal), which fixes their index.
    /// </summary>
    /// <param name="crsName">"EPSG:&lt;code&gt;" of the file's coordinates (scenario key <c>region.crs</c>), or null: then the
    /// file's own CRS (a GeoJSON <c>crs</c> member, a shapefile's <c>.prj</c>) or, for GeoJSON, lon/lat WGS84 (RFC 7946).
    /// When both are given they must agree. Coordinates in another CRS are transformed to lon/lat (ProjNET) first.</param>
    /// <param name="crsFile">File named when <paramref name="crsName"/> is bad (the scenario).</param>
    public static IReadOnlyList<CityBoundary> Read(string path, string idProperty, string nameProperty, AlbersEqualArea projection, bool repairInvalid = false,
        string? crsName = null, string? crsFile = null)
    {
        if (!File.Exists(path)) throw new InvalidInputException(path, "file", path, "an existing boundaries file (GeoJSON, shapefile or GeoPackage)");
        var (fc, fileCrs) = Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".shp" => ReadShapefile(path),
            ".gpkg" => GeoPackageFeatures.Read(path),
            _ => ReadGeoJson(path),
        };
        if (fc.Count == 0)
            throw new InvalidInputException(path, "features", "none", "a FeatureCollection with at least one feature");
        var declared = crsName is null ? null : RasterCrs.FromName(crsName, crsFile ?? path, "region.crs", "region.crs");
        if (declared is not null && fileCrs is not null && !SameCrs(fileCrs, declared, fc))
            throw new InvalidInputException(path, "CRS", fileCrs.Label, $"the CRS given by region.crs ({declared.Label}), or no CRS in the file");
        var crs = fileCrs ?? declared;
        if (crs is null && Path.GetExtension(path).Equals(".shp", StringComparison.OrdinalIgnoreCase))
            throw new InvalidInputException(path, "CRS", "no .prj", "a .prj beside the shapefile or region.crs: EPSG:<code>");
        if (crs is null && Path.GetExtension(path).Equals(".gpkg", StringComparison.OrdinalIgnoreCase))
            throw new InvalidInputException(path, "CRS", "undefined srs_id", "a feature table with a defined spatial reference system, or region.crs: EPSG:<code>");
        if (crs is not null && !(crs.IsGeographic && crs.ToLonLat() is null))
        {
            var toLonLat = crs.ToLonLat() ?? ((x, y) => (x, y));
            foreach (var f in fc)
                if (f.Geometry is { } g) { g.Apply(new TransformFilter(toLonLat)); g.GeometryChanged(); }
        }

        var raw = new List<(string Id, string Name, Geometry Geom, string? Repair)>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < fc.Count; i++)
        {
            var f = fc[i];
            var id = Attribute(f, idProperty);
            if (string.IsNullOrWhiteSpace(id))
                throw new InvalidInputException(path, $"features[{i}].properties.{idProperty}", id ?? "missing", "a non-empty city id");
            if (seen.TryGetValue(id, out var other))
                throw new InvalidInputException(path, $"features[{i}].properties.{idProperty}", id, $"a unique city id (features[{other}] has the same)");
            seen[id] = i;
            var name = Attribute(f, nameProperty);
            if (string.IsNullOrWhiteSpace(name))
                throw new InvalidInputException(path, $"features[{i}].properties.{nameProperty} (id {id})", name ?? "missing", "a non-empty city name");
            var g = f.Geometry;
            string place = $"features[{i}].geometry (id {id})";
            if (g is null || g.IsEmpty)
                throw new InvalidInputException(path, place, g is null ? "null" : $"empty {g.GeometryType}", "a non-empty Polygon or MultiPolygon");
            if (g is not (Polygon or MultiPolygon))
                throw new InvalidInputException(path, place, g.GeometryType, "a Polygon or MultiPolygon");
            foreach (var c in g.Coordinates)
                if (!double.IsFinite(c.X) || !double.IsFinite(c.Y) || c.X < -180 || c.X > 180 || c.Y < -90 || c.Y > 90)
                    throw new InvalidInputException(path, place, $"{c.X.ToString(CultureInfo.InvariantCulture)},{c.Y.ToString(CultureInfo.InvariantCulture)}", "lon/lat degrees (lon in [-180, 180], lat in [-90, 90])");
            var op = new IsValidOp(g) { SelfTouchingRingFormingHoleValid = true };
            if (!op.IsValid)
            {
                var err = op.ValidationError;
                var at = err.Coordinate is { } p ? $" near {p.X.ToString("0.####", CultureInfo.InvariantCulture)},{p.Y.ToString("0.####", CultureInfo.InvariantCulture)}" : "";
                Geometry? fixedGeom = repairInvalid ? GeometryFixer.Fix(g) : null;
                if (fixedGeom is not (Polygon or MultiPolygon) || fixedGeom.IsEmpty || Math.Abs(fixedGeom.Area - g.Area) > MaxRepairAreaChange * g.Area
                    || !new IsValidOp(fixedGeom).IsValid)
                    throw new InvalidInputException(path, place + at, err.Message,
                        repairInvalid ? $"a valid polygon, or one that repairs with an area change of at most {MaxRepairAreaChange:P1}"
                                      : "a valid polygon (closed rings of at least 4 points, no self-intersection; set region.repair_invalid to repair small defects)");
                var change = (fixedGeom.Area - g.Area) / g.Area;
                raw.Add((id, name, fixedGeom, $"{err.Message}{at}: repaired, area change {change.ToString("+0.000%;-0.000%", CultureInfo.InvariantCulture)}"));
                continue;
            }
            raw.Add((id, name, g, null));
        }

        var result = new List<CityBoundary>();
        int index = 0;
        foreach (var (id, name, g, repair) in raw.OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            var projected = Project(g, projection);
            result.Add(new CityBoundary(index++, id, name, g, projected, projected.Area, repair));
        }
        return result;
    }

    private static (IList<IFeature> Features, RasterCrs? Crs) ReadGeoJson(string path)
    {
        FeatureCollection? fc;
        RasterCrs? crs = null;
        try
        {
            var options = new JsonSerializerOptions { ReadCommentHandling = JsonCommentHandling.Skip };
            options.Converters.Add(new GeoJsonConverterFactory());
            using (var stream = File.OpenRead(path)) fc = JsonSerializer.Deserialize<FeatureCollection>(stream, options);
            // The 2008 GeoJSON "crs" member (named CRS), as QGIS and GDAL still write it for non-WGS84 files.
            using var doc = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
            if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("crs", out var c) && c.ValueKind == JsonValueKind.Object)
            {
                if (!c.TryGetProperty("properties", out var p) || p.ValueKind != JsonValueKind.Object || !p.TryGetProperty("name", out var n) || n.ValueKind != JsonValueKind.String)
                    throw new InvalidInputException(path, "crs", Clean(c.GetRawText()), "a named CRS: {\"type\": \"name\", \"properties\": {\"name\": \"urn:ogc:def:crs:EPSG::<code>\"}}");
                crs = RasterCrs.FromName(n.GetString()!, path, "crs.properties.name", "GeoJSON crs member");
            }
        }
        catch (JsonException e)
        {
            var place = e.LineNumber is long l ? $"line {l + 1}, byte {e.BytePositionInLine + 1}" : "document";
            throw new InvalidInputException(path, place, Clean(e.InnerException?.Message ?? e.Message), "a GeoJSON FeatureCollection", e);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or NotSupportedException or FormatException)
        {
            throw new InvalidInputException(path, "document", Clean(e.Message), "a GeoJSON FeatureCollection with closed polygon rings", e);
        }
        if (fc is null) throw new InvalidInputException(path, "features", "none", "a FeatureCollection with at least one feature");
        return (fc, crs);
    }

    /// <summary>A polygon shapefile (.shp with .shx and .dbf; NetTopologySuite.IO.Esri.Shapefile) and the CRS of its .prj.</summary>
    private static (IList<IFeature> Features, RasterCrs? Crs) ReadShapefile(string path)
    {
        Feature[] features;
        try { features = NetTopologySuite.IO.Esri.Shapefile.ReadAllFeatures(path); }
        catch (Exception e) when (e is IOException or ArgumentException or InvalidOperationException or NotSupportedException or FormatException or InvalidDataException or EndOfStreamException or IndexOutOfRangeException)
        {
            throw new InvalidInputException(path, "shapefile", Clean(e.Message), "a polygon shapefile with its .shx and .dbf", e);
        }
        var prj = Path.ChangeExtension(path, ".prj");
        var crs = File.Exists(prj) ? RasterCrs.FromWkt(File.ReadAllText(prj), prj, ".prj") : null;
        return ([.. features], crs);
    }

    /// <summary>Two CRSs agree when they take the features' bounding-box corners to the same lon/lat (within 1e-7°).</summary>
    private static bool SameCrs(RasterCrs a, RasterCrs b, IList<IFeature> fc)
    {
        var env = new Envelope();
        foreach (var f in fc) if (f.Geometry is { } g) env.ExpandToInclude(g.EnvelopeInternal);
        var ta = a.ToLonLat() ?? ((x, y) => (x, y)); var tb = b.ToLonLat() ?? ((x, y) => (x, y));
        foreach (var (x, y) in new[] { (env.MinX, env.MinY), (env.MaxX, env.MaxY), (env.MinX, env.MaxY), (env.MaxX, env.MinY) })
        {
            var (ax, ay) = ta(x, y); var (bx, by) = tb(x, y);
            if (Math.Abs(ax - bx) > 1e-7 || Math.Abs(ay - by) > 1e-7) return false;
        }
        return true;
    }

    private sealed class TransformFilter(Func<double, double, (double X, double Y)> f) : ICoordinateSequenceFilter
    {
        public bool Done => false;
        public bool GeometryChanged => true;
        public void Filter(CoordinateSequence seq, int i)
        {
            var (x, y) = f(seq.GetX(i), seq.GetY(i));
            seq.SetX(i, x); seq.SetY(i, y);
        }
    }

    /// <summary>Projects every vertex of a lon/lat geometry.</summary>
    public static Geometry Project(Geometry lonLat, AlbersEqualArea projection)
    {
        var g = lonLat.Copy();
        g.Apply(new ProjectFilter(projection));
        g.GeometryChanged();
        return g;
    }

    private sealed class ProjectFilter(AlbersEqualArea projection) : ICoordinateSequenceFilter
    {
        public bool Done => false;
        public bool GeometryChanged => true;
        public void Filter(CoordinateSequence seq, int i)
        {
            var (x, y) = projection.Forward(seq.GetX(i), seq.GetY(i));
            seq.SetX(i, x); seq.SetY(i, y);
        }
    }

    private static string? Attribute(IFeature f, string name)
    {
        if (f.Attributes is null || !f.Attributes.Exists(name)) return null;
        var v = f.Attributes[name];
        return v switch
        {
            null => null,
            string s => s,
            JsonElement { ValueKind: JsonValueKind.String } e => e.GetString(),
            JsonElement { ValueKind: JsonValueKind.Null } => null,
            JsonElement e => e.GetRawText(),
            IFormattable fm => fm.ToString(null, CultureInfo.InvariantCulture),
            _ => v.ToString(),
        };
    }

    private static string Clean(string s) => s.Replace('\n', ' ').Replace('\r', ' ');
}
