using System.Text.Json;
using CarbonSim.Model;
using CarbonSim.Model.Output;
using U = CarbonSim.Model.Output.OutputUnits;
using C = CarbonSim.Model.Io.Formats.OutputColumns;

namespace CarbonSim.Client.Output;

/// <summary>
/// <c>cities.geojson</c>: one Feature per city, geometry from <see cref="CityInfo.GeometryGeoJson"/> or
/// from the boundaries file (matched on <c>properties.id</c>), results as attributes (QGIS shows them
/// in the attribute table and can colour by any of them).
/// </summary>
public static class CityFeatures
{
    /// <summary>File name.</summary>
    public const string FileName = "cities.geojson";

    /// <summary>Attribute name (with unit) → value per city. Stocks are the last year's; means over all years.</summary>
    public static IReadOnlyList<(string Name, double Value)> Attributes(RunResults r, CityInfo city)
    {
        var first = r.Row(city.Id, r.FirstYear)!;
        var last = r.Row(city.Id, r.LastYear)!;
        var series = r.SeriesOf(city.Id).ToList();
        double change = U.KgToTg(last.TotalCKg) - U.KgToTg(first.TotalCKg);
        double firstTg = U.KgToTg(first.TotalCKg);
        return
        [
            (C.AreaKm2, U.ToKm2(last.AreaM2)),
            (C.VegCDensity, U.ToTonnesPerHa(last.VegC)),
            (C.LitterCDensity, U.ToTonnesPerHa(last.LitterC)),
            (C.SoilCDensity, U.ToTonnesPerHa(last.SoilC)),
            (C.TotalCDensity, U.ToTonnesPerHa(last.TotalC)),
            (C.TotalC, U.KgToTg(last.TotalCKg)),
            (C.NppMean, U.ToGramsPerM2(series.Average(s => s.Npp))),
            (C.NepMean, U.ToGramsPerM2(series.Average(s => s.Nep))),
            (C.NbpMean, U.ToGramsPerM2(series.Average(s => s.Nbp))),
            (C.TotalCChange, change),
            (C.TotalCChangePct, firstTg != 0 ? 100 * change / firstTg : double.NaN),
        ];
    }

    /// <summary>Boundary geometries by city id from a GeoJSON FeatureCollection (raw JSON text of each geometry).</summary>
    public static Dictionary<string, string> ReadBoundaries(string path)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        if (!doc.RootElement.TryGetProperty("features", out var feats) || feats.ValueKind != JsonValueKind.Array)
            throw new InvalidInputException(path, "features", doc.RootElement.ValueKind.ToString(), "a GeoJSON FeatureCollection");
        int i = 0;
        foreach (var f in feats.EnumerateArray())
        {
            if (!f.TryGetProperty("properties", out var p) || !p.TryGetProperty("id", out var id))
                throw new InvalidInputException(path, $"features[{i}].properties.id", "missing", "a city id");
            string key = id.ValueKind == JsonValueKind.String ? id.GetString()! : id.GetRawText();
            if (f.TryGetProperty("geometry", out var g)) map[key] = g.GetRawText();
            i++;
        }
        return map;
    }

    /// <summary>
    /// The run with each city's missing pieces (empty <see cref="CityInfo.NameZh"/> or
    /// <see cref="CityInfo.Province"/>, null geometry) taken from the boundaries file's feature with
    /// the same <c>properties.id</c>; unchanged when there is no boundaries file or nothing is missing.
    /// </summary>
    public static RunResults WithBoundaryDetails(RunResults r)
    {
        if (r.BoundariesPath is not { } path || !r.Cities.Any(c => c.GeometryGeoJson is null || c.NameZh.Length == 0 || c.Province.Length == 0))
            return r;
        var byId = new Dictionary<string, (string? Zh, string? Province, string? Geometry)>(StringComparer.Ordinal);
        using (var doc = JsonDocument.Parse(File.ReadAllBytes(path)))
        {
            if (!doc.RootElement.TryGetProperty("features", out var feats) || feats.ValueKind != JsonValueKind.Array)
                throw new InvalidInputException(path, "features", doc.RootElement.ValueKind.ToString(), "a GeoJSON FeatureCollection");
            foreach (var f in feats.EnumerateArray())
            {
                if (!f.TryGetProperty("properties", out var p) || !p.TryGetProperty("id", out var id)) continue;
                string key = id.ValueKind == JsonValueKind.String ? id.GetString()! : id.GetRawText();
                string? Str(string name) => p.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
                byId[key] = (Str("name_zh"), Str("province"), f.TryGetProperty("geometry", out var g) ? g.GetRawText() : null);
            }
        }
        var cities = r.Cities.Select(c => byId.TryGetValue(c.Id, out var b)
            ? c with
            {
                NameZh = c.NameZh.Length > 0 ? c.NameZh : b.Zh ?? "",
                Province = c.Province.Length > 0 ? c.Province : b.Province ?? "",
                GeometryGeoJson = c.GeometryGeoJson ?? b.Geometry,
            }
            : c).ToList();
        return r with { Cities = cities };
    }

    /// <summary>Writes the FeatureCollection to <paramref name="path"/>.</summary>
    public static void Write(RunResults r, string path)
    {
        Dictionary<string, string>? boundaries = null;
        if (r.Cities.Any(c => c.GeometryGeoJson is null) && r.BoundariesPath is { } bp)
            boundaries = ReadBoundaries(bp);
        using var fs = File.Create(path);
        using var w = new Utf8JsonWriter(fs, new JsonWriterOptions { Indented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteString("type", "FeatureCollection");
        w.WriteString("name", "carbonsim_cities");
        w.WriteStartArray("features");
        foreach (var c in r.Cities)
        {
            w.WriteStartObject();
            w.WriteString("type", "Feature");
            w.WriteStartObject("properties");
            w.WriteString("id", c.Id);
            w.WriteString("name", c.Name);
            w.WriteString("name_zh", c.NameZh);
            w.WriteString("province", c.Province);
            w.WriteNumber("first_year", r.FirstYear);
            w.WriteNumber("last_year", r.LastYear);
            foreach (var (n, v) in Attributes(r, c))
            {
                // 10 significant digits, as in the CSVs (drops binary noise such as 48.00000000000001).
                if (double.IsFinite(v)) w.WriteNumber(n, double.Parse(v.ToString("G10", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture));
                else w.WriteNull(n);
            }
            w.WriteEndObject();
            string? geom = c.GeometryGeoJson ?? (boundaries is not null && boundaries.TryGetValue(c.Id, out var g) ? g : null);
            w.WritePropertyName("geometry");
            if (geom is null) w.WriteNullValue(); else w.WriteRawValue(geom, skipInputValidation: false);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
