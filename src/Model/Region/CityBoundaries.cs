using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Operation.Valid;

namespace CarbonSim.Model.Region;

/// <summary>One city polygon, in lon/lat degrees and in the grid's equal-area projection.</summary>
/// <param name="Index">[-] Position in the region's city list (sorted by id).</param>
/// <param name="AreaM2">[m2] Area of the projected polygon (equal-area, so the ellipsoidal area).</param>
/// <param name="Repair">Null, or what was repaired (only with <c>region.repair_invalid</c>).</param>
public sealed record CityBoundary(int Index, string Id, string Name, Geometry LonLat, Geometry Projected, double AreaM2, string? Repair = null);

/// <summary>Reads city polygons from a GeoJSON FeatureCollection (NetTopologySuite.IO.GeoJSON4STJ) and checks them.</summary>
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
    public static IReadOnlyList<CityBoundary> Read(string path, string idProperty, string nameProperty, AlbersEqualArea projection, bool repairInvalid = false)
    {
        if (!File.Exists(path)) throw new InvalidInputException(path, "file", path, "an existing GeoJSON file");
        FeatureCollection? fc;
        try
        {
            var options = new JsonSerializerOptions { ReadCommentHandling = JsonCommentHandling.Skip };
            options.Converters.Add(new GeoJsonConverterFactory());
            using var stream = File.OpenRead(path);
            fc = JsonSerializer.Deserialize<FeatureCollection>(stream, options);
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
        if (fc is null || fc.Count == 0)
            throw new InvalidInputException(path, "features", "none", "a FeatureCollection with at least one feature");

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
