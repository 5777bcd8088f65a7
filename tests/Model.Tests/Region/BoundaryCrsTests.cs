using System.Text.Json.Nodes;
using CarbonSim.Model.Io.Rasters;
using CarbonSim.Model.Region;
using CarbonSim.Model.Scenarios;
using CarbonSim.Model.Tests.Scenario;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Esri;
using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;

namespace CarbonSim.Model.Tests.Region;

/// <summary>City boundaries in another CRS (GeoJSON crs member or region.crs) and as a shapefile with .prj.</summary>
public class BoundaryCrsTests
{
    private static readonly string Cities = Path.Combine(TestRepo.Root, "data", "jjj", "cities.geojson");
    private static readonly AlbersEqualArea Albers = new(AlbersProjectionSpec.ChinaAlbers);

    private static string Dir() { var d = Path.Combine(Path.GetTempPath(), "carbonsim-tests", Guid.NewGuid().ToString("N")); Directory.CreateDirectory(d); return d; }

    private static IReadOnlyList<CityBoundary> LonLat() => CityBoundaries.Read(Cities, "id", "name", Albers, repairInvalid: true);

    /// <summary>The bundled cities with every vertex in UTM 50N metres.</summary>
    private static JsonNode Utm50n()
    {
        var t = new CoordinateTransformationFactory().CreateFromCoordinateSystems(GeographicCoordinateSystem.WGS84, ProjectedCoordinateSystem.WGS84_UTM(50, true)).MathTransform;
        var doc = JsonNode.Parse(File.ReadAllText(Cities))!;
        void Walk(JsonNode n)
        {
            if (n is JsonArray a && a.Count >= 2 && a[0] is JsonValue && a[1] is JsonValue)
            {
                var (x, y) = t.Transform((double)a[0]!, (double)a[1]!);
                a[0] = x; a[1] = y;
                return;
            }
            if (n is JsonArray arr) foreach (var c in arr) Walk(c!);
        }
        foreach (var f in doc["features"]!.AsArray()) Walk(f!["geometry"]!["coordinates"]!);
        return doc;
    }

    private static void AssertSameCities(IReadOnlyList<CityBoundary> expected, IReadOnlyList<CityBoundary> actual)
    {
        Assert.Equal(expected.Select(c => c.Id), actual.Select(c => c.Id));
        Assert.Equal(expected.Select(c => c.Name), actual.Select(c => c.Name));
        foreach (var (e, a) in expected.Zip(actual)) Assert.Equal(1.0, a.AreaM2 / e.AreaM2, 1e-7);
    }

    [Fact]
    public void Geojson_with_a_named_utm_crs_gives_the_same_cities()
    {
        var doc = Utm50n();
        doc["crs"] = JsonNode.Parse("""{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::32650"}}""");
        var path = Path.Combine(Dir(), "utm.geojson");
        File.WriteAllText(path, doc.ToJsonString());
        AssertSameCities(LonLat(), CityBoundaries.Read(path, "id", "name", Albers, repairInvalid: true));
    }

    [Fact]
    public void Geojson_in_utm_takes_region_crs()
    {
        var path = Path.Combine(Dir(), "utm.geojson");
        File.WriteAllText(path, Utm50n().ToJsonString());
        AssertSameCities(LonLat(), CityBoundaries.Read(path, "id", "name", Albers, repairInvalid: true, crsName: "EPSG:32650"));
        // Without the key the metres are not lon/lat: refused, not read as degrees.
        var e = Assert.Throws<InvalidInputException>(() => CityBoundaries.Read(path, "id", "name", Albers, repairInvalid: true));
        Assert.Contains("expected lon/lat degrees", e.Message);
    }

    [Fact]
    public void Crs_member_and_key_disagreeing_is_an_error()
    {
        var doc = Utm50n();
        doc["crs"] = JsonNode.Parse("""{"type":"name","properties":{"name":"EPSG:32650"}}""");
        var path = Path.Combine(Dir(), "utm.geojson");
        File.WriteAllText(path, doc.ToJsonString());
        var e = Assert.Throws<InvalidInputException>(() => CityBoundaries.Read(path, "id", "name", Albers, repairInvalid: true, crsName: "EPSG:32651"));
        Assert.Equal($"{path}: CRS: got 'EPSG:32650 (GeoJSON crs member)', expected the CRS given by region.crs (EPSG:32651 (region.crs)), or no CRS in the file", e.Message);
    }

    [Fact]
    public void Unknown_crs_name_names_the_member()
    {
        var doc = JsonNode.Parse(File.ReadAllText(Cities))!;
        doc["crs"] = JsonNode.Parse("""{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::2000"}}""");
        var path = Path.Combine(Dir(), "c.geojson");
        File.WriteAllText(path, doc.ToJsonString());
        var e = Assert.Throws<InvalidInputException>(() => CityBoundaries.Read(path, "id", "name", Albers, repairInvalid: true));
        Assert.StartsWith($"{path}: crs.properties.name: got 'EPSG:2000', expected an EPSG code known to CarbonSim", e.Message);
    }

    /// <summary>The cities as a UTM 50N shapefile whose id field is numeric (a DBF number).</summary>
    private static string Shapefile(bool withPrj)
    {
        var utm = ProjectedCoordinateSystem.WGS84_UTM(50, true);
        var t = new CoordinateTransformationFactory().CreateFromCoordinateSystems(GeographicCoordinateSystem.WGS84, utm).MathTransform;
        var features = new List<IFeature>();
        foreach (var c in LonLat())
        {
            var g = c.LonLat.Copy();
            g.Apply(new Project(t)); g.GeometryChanged();
            features.Add(new Feature(g, new AttributesTable { { "id", long.Parse(c.Id) }, { "name", c.Name } }));
        }
        var path = Path.Combine(Dir(), "cities.shp");
        NetTopologySuite.IO.Esri.Shapefile.WriteAllFeatures(features, path, withPrj ? RasterCrs.EpsgWkt(32650) : null);
        return path;
    }

    private sealed class Project(ProjNet.CoordinateSystems.Transformations.MathTransform t) : ICoordinateSequenceFilter
    {
        public bool Done => false;
        public bool GeometryChanged => true;
        public void Filter(CoordinateSequence seq, int i) { var (x, y) = t.Transform(seq.GetX(i), seq.GetY(i)); seq.SetX(i, x); seq.SetY(i, y); }
    }

    [Fact]
    public void Shapefile_with_prj_gives_the_same_cities_with_text_ids()
    {
        var cities = CityBoundaries.Read(Shapefile(withPrj: true), "id", "name", Albers, repairInvalid: true);
        AssertSameCities(LonLat(), cities);
        Assert.Contains(cities, c => c.Id == "110000");
    }

    [Fact]
    public void Shapefile_without_prj_or_key_is_refused()
    {
        var path = Shapefile(withPrj: false);
        var e = Assert.Throws<InvalidInputException>(() => CityBoundaries.Read(path, "id", "name", Albers, repairInvalid: true));
        Assert.Equal($"{path}: CRS: got 'no .prj', expected a .prj beside the shapefile or region.crs: EPSG:<code>", e.Message);
    }

    [Fact]
    public void Scenario_region_crs_reaches_the_region()
    {
        var dir = Dir();
        File.WriteAllText(Path.Combine(dir, "utm.geojson"), Utm50n().ToJsonString());
        var scenario = TestRepo.ScratchScenario(t => t.Replace(Path.Combine(TestRepo.Root, "data") + "/jjj/cities.geojson", Path.Combine(dir, "utm.geojson"))
            .Replace("  id_property: id\n", "  id_property: id\n  crs: EPSG:32650\n"));
        var s = ScenarioLoader.Load(scenario);
        Assert.Equal("EPSG:32650", s.Region.Crs);
        var cities = CityBoundaries.Read(s.Region.BoundariesPath, s.Region.IdProperty, s.Region.NameProperty, Albers, s.Region.RepairInvalid, s.Region.Crs, s.SourcePath);
        AssertSameCities(LonLat(), cities);
    }

    /// <summary>ogr2ogr (GDAL; .ci/run installs gdal-bin), or null on a developer machine without it (under CI a missing tool fails).</summary>
    private static string? Ogr2Ogr()
    {
        var exe = Environment.GetEnvironmentVariable("PATH")!.Split(':').Select(d => Path.Combine(d, "ogr2ogr")).FirstOrDefault(File.Exists);
        if (exe is null) Assert.True(Environment.GetEnvironmentVariable("CI") is null, "ogr2ogr not on PATH under CI (.ci/run installs gdal-bin)");
        return exe;
    }

    private static void Run(string exe, params string[] args)
    {
        var psi = new System.Diagnostics.ProcessStartInfo(exe, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = System.Diagnostics.Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync(); p.StandardOutput.ReadToEnd(); p.WaitForExit();
        Assert.True(p.ExitCode == 0, err.Result);
    }

    /// <summary>The bundled cities converted by GDAL to a GeoPackage, in lon/lat and in UTM 50N (EPSG:32650 in gpkg_spatial_ref_sys), read back as the same cities.</summary>
    [Theory]
    [InlineData(null)]
    [InlineData("EPSG:32650")]
    public void Geopackage_written_by_gdal_gives_the_same_cities(string? targetCrs)
    {
        if (Ogr2Ogr() is not { } ogr) return;
        var path = Path.Combine(Dir(), "cities.gpkg");
        Run(ogr, targetCrs is null ? ["-f", "GPKG", path, Cities] : ["-f", "GPKG", "-t_srs", targetCrs, path, Cities]);
        var read = CityBoundaries.Read(path, "id", "name", Albers, repairInvalid: true);
        AssertSameCities(LonLat(), read);
        Assert.Equal(13, read.Count);
    }

    [Fact]
    public void A_file_named_gpkg_that_is_not_a_geopackage_is_one_clear_error()
    {
        var path = Path.Combine(Dir(), "cities.gpkg");
        File.WriteAllText(path, "not a database\n");
        var e = Assert.Throws<InvalidInputException>(() => CityBoundaries.Read(path, "id", "name", Albers));
        Assert.StartsWith($"{path}: GeoPackage: got '", e.Message);
        Assert.Contains("expected a GeoPackage (SQLite database", e.Message);
    }
}
