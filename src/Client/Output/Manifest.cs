using System.Security.Cryptography;
using System.Text.Json;
using CarbonSim.Model;
using CarbonSim.Model.Output;

namespace CarbonSim.Client.Output;

/// <summary>
/// <c>manifest.json</c>: what produced the folder (scenario, engine, inputs' hashes, timings) and
/// every other file in it with its size and SHA-256. Written last: a folder with a manifest is complete.
/// </summary>
public static class Manifest
{
    /// <summary>File name.</summary>
    public const string FileName = "manifest.json";
    /// <summary>Format tag written into the manifest.</summary>
    public const string Format = "carbonsim-run-output/1";

    /// <summary>Lower-case hex SHA-256 of a file's bytes.</summary>
    public static string Sha256(string path)
    {
        using var fs = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(fs));
    }

    /// <summary>Writes the manifest listing <paramref name="files"/> (paths relative to <paramref name="dir"/>, '/'-separated).</summary>
    public static void Write(RunResults r, string dir, IEnumerable<string> files, IEnumerable<string> warnings)
    {
        using var fs = File.Create(Path.Combine(dir, FileName));
        using var w = new Utf8JsonWriter(fs, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        void Number(string name, double v) { if (double.IsFinite(v)) w.WriteNumber(name, v); else w.WriteNull(name); }
        w.WriteStartObject();
        w.WriteString("format", Format);
        w.WriteStartObject("engine");
        w.WriteString("name", EngineInfo.Name);
        w.WriteString("version", r.EngineVersion);
        w.WriteEndObject();
        w.WriteStartObject("scenario");
        w.WriteString("name", r.ScenarioName);
        w.WriteString("sha256", r.ScenarioSha256);
        w.WriteEndObject();
        w.WriteStartObject("inputs");
        // Keys relative to the run folder (as in its scenario.yaml); the folder is built beside its final name, so they hold after the rename.
        foreach (var (k, v) in r.InputSha256.Select(p => (Key: Path.IsPathRooted(p.Key) ? Path.GetRelativePath(Path.GetFullPath(dir), p.Key).Replace('\\', '/') : p.Key, p.Value))
                     .OrderBy(p => p.Key, StringComparer.Ordinal)) w.WriteString(k, v);
        w.WriteEndObject();
        w.WriteStartObject("years");
        w.WriteNumber("first", r.FirstYear);
        w.WriteNumber("last", r.LastYear);
        w.WriteNumber("count", r.Years.Count);
        w.WriteEndObject();
        w.WriteNumber("cities", r.Cities.Count);
        if (r.Grid is { } g)
        {
            w.WriteStartObject("grid");
            w.WriteNumber("origin_x", g.OriginX); w.WriteNumber("origin_y", g.OriginY);
            w.WriteNumber("cell_size", g.CellSize); w.WriteNumber("rows", g.Rows); w.WriteNumber("cols", g.Cols);
            w.WriteBoolean("geographic", g.IsGeographic);
            w.WriteString("crs_wkt", g.CrsWkt);
            w.WriteEndObject();
        }
        if (r.Spinup is { } s)
        {
            w.WriteStartObject("spinup");
            w.WriteNumber("distinct_spinups", s.DistinctSpinups); w.WriteNumber("cells_served", s.CellsServed);
            w.WriteNumber("mean_years", s.MeanYears); w.WriteNumber("max_years", s.MaxYears); w.WriteNumber("not_converged", s.NotConverged);
            w.WriteNumber("converged_accelerated", s.ConvergedAccelerated); w.WriteNumber("fell_back_to_standard", s.FellBack); w.WriteNumber("standard", s.StandardOnly);
            w.WriteNumber("tolerance_g_c_m2_a", SpinupKeyResult.ToleranceGPerM2PerYear);
            w.WriteStartArray("keys");
            foreach (var k in s.Keys)
            {
                w.WriteStartObject();
                w.WriteString("key", k.Key); w.WriteString("vegetation", k.Vegetation); w.WriteString("climate_zone", k.ClimateZone);
                w.WriteString("method", k.Method); w.WriteNumber("years", k.Years); w.WriteNumber("accelerated_years", k.AcceleratedYears);
                w.WriteBoolean("converged", k.Converged);
                Number("soil_c_drift_g_c_m2_a", k.SoilCTrend * 1000); Number("total_c_drift_g_c_m2_a", k.TotalCTrend * 1000);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteStartArray("timings");
        foreach (var t in r.Timings)
        {
            w.WriteStartObject(); w.WriteString("phase", t.Phase); w.WriteNumber("wall_seconds", t.WallSeconds); w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("warnings");
        foreach (var m in warnings) w.WriteStringValue(m);
        w.WriteEndArray();
        w.WriteStartArray("files");
        foreach (var f in files)
        {
            var full = Path.Combine(dir, f);
            w.WriteStartObject();
            w.WriteString("path", f);
            w.WriteNumber("bytes", new FileInfo(full).Length);
            w.WriteString("sha256", Sha256(full));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
