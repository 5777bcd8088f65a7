using CarbonSim.Model.Io.Formats;
using CarbonSim.Model.Io.Rasters;
using CarbonSim.Model.Region;
using CarbonSim.Model.Scenarios;
using CarbonSim.Model.Tests.Io.Rasters;
using CarbonSim.Model.Tests.Scenario;
using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;
using Xunit.Abstractions;

namespace CarbonSim.Model.Tests.Region;

/// <summary>The base map as a GeoTIFF in another CRS, with land_use.crs and land_use.reclass, through RegionBuilder.</summary>
public class RasterLandUseTests(BaselineFixture baseline, ITestOutputHelper output) : IClassFixture<BaselineFixture>
{
    /// <summary>A scratch baseline whose land use is <c>raster: <paramref name="file"/></c> plus <paramref name="extra"/> keys; returns (scenario, its folder).</summary>
    private static (string Scenario, string Dir) WithRaster(string file, string extra = "")
    {
        var path = TestRepo.ScratchScenario(t =>
        {
            var i = t.IndexOf("  generate:", StringComparison.Ordinal);
            var j = t.IndexOf("\nvegetation:", StringComparison.Ordinal);
            return t[..i] + $"  raster: {file}\n" + extra + t[j..];
        });
        return (path, Path.GetDirectoryName(path)!);
    }

    /// <summary>
    /// The baseline's 10 km Albers map resampled (nearest neighbour) onto a 2 km UTM 50N raster, codes passed through
    /// <paramref name="code"/>; 255 = NODATA outside the region.
    /// </summary>
    private void WriteUtmMap(string path, ushort[]? keys, Func<int, int>? code = null)
    {
        var g = baseline.Setup.Grid;
        var map = RegionBuilder.LandUseRaster(baseline.Setup);
        var wgs = GeographicCoordinateSystem.WGS84; var utm = ProjectedCoordinateSystem.WGS84_UTM(50, true);
        var f = new CoordinateTransformationFactory();
        var toUtm = f.CreateFromCoordinateSystems(wgs, utm).MathTransform; var toWgs = f.CreateFromCoordinateSystems(utm, wgs).MathTransform;
        double xmin = double.MaxValue, xmax = double.MinValue, ymin = double.MaxValue, ymax = double.MinValue;
        for (int i = 0; i <= 20; i++)
            foreach (var (ax, ay) in new[] { (g.XMin + i / 20.0 * (g.XMax - g.XMin), g.YMin), (g.XMin + i / 20.0 * (g.XMax - g.XMin), g.YMax), (g.XMin, g.YMin + i / 20.0 * (g.YMax - g.YMin)), (g.XMax, g.YMin + i / 20.0 * (g.YMax - g.YMin)) })
            {
                var (lon, lat) = g.Projection.Inverse(ax, ay);
                var (x, y) = toUtm.Transform(lon, lat);
                xmin = Math.Min(xmin, x); xmax = Math.Max(xmax, x); ymin = Math.Min(ymin, y); ymax = Math.Max(ymax, y);
            }
        double px = 2000;
        double x0 = Math.Floor(xmin / px) * px, y0 = Math.Ceiling(ymax / px) * px;
        int cols = (int)Math.Ceiling((xmax - x0) / px), rows = (int)Math.Ceiling((y0 - ymin) / px);
        var v = new double[cols * rows];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++)
            {
                var (lon, lat) = toWgs.Transform(x0 + (c + 0.5) * px, y0 - (r + 0.5) * px);
                var (ax, ay) = g.Projection.Forward(lon, lat);
                int gc = (int)Math.Floor((ax - g.XMin) / g.ResolutionM), gr = (int)Math.Floor((g.YMax - ay) / g.ResolutionM);
                double val = gc < 0 || gr < 0 || gc >= g.Cols || gr >= g.Rows ? -9999 : map.Value(gr, gc);
                v[r * cols + c] = val == -9999 ? 255 : (code ?? (k => k))((int)val);
            }
        TestTiff.Write(path, cols, rows, v, 8, x0, y0, px, px, keys, noData: "255",
            layout: new TestTiff.Layout(BitMiracle.LibTiff.Classic.Compression.DEFLATE, RowsPerStrip: 16, Predictor: true));
    }

    private void AssertCloseToBaseline(RegionSetup setup)
    {
        Assert.Equal(baseline.Setup.Cells.Length, setup.Cells.Length);
        int same = setup.Cells.Zip(baseline.Setup.Cells).Count(p => p.First.LandUseClass == p.Second.LandUseClass);
        double share = same / (double)setup.Cells.Length;
        output.WriteLine($"{same} of {setup.Cells.Length} cells keep their class ({share:P2})");
        Assert.InRange(share, 0.97, 1.0);
        // Per city and class, the cell counts agree within a few cells (the 2 km resampling moves class edges by up to 1 km).
        foreach (var city in baseline.Setup.Cities)
            foreach (var cls in baseline.Scenario.LandUse.Classes.Classes)
            {
                int a = baseline.Setup.Cells.Count(c => c.CityIndex == city.Index && c.LandUseClass == cls.Name);
                int b = setup.Cells.Count(c => c.CityIndex == city.Index && c.LandUseClass == cls.Name);
                Assert.InRange(b - a, -Math.Max(3, a / 20), Math.Max(3, a / 20));
            }
    }

    [Fact]
    public void Utm_geotiff_with_geokeys_gives_the_baseline_map()
    {
        var (scenario, dir) = WithRaster("lu_utm50n.tif");
        WriteUtmMap(Path.Combine(dir, "lu_utm50n.tif"), TestTiff.ProjectedKeys(32650));
        var setup = RegionBuilder.Build(ScenarioLoader.Load(scenario));
        AssertCloseToBaseline(setup);
        // What validate prints about the map.
        Assert.Contains("lu_utm50n.tif (EPSG:32650 (GeoTIFF GeoKeys); ", setup.LandUseSource);
        Assert.Contains(" pixels of 2000 m, reprojected); class areas summed pixel by pixel; class cells per city within ", setup.LandUseSource);
        Assert.Null(baseline.Setup.LandUseSource);
    }

    [Fact]
    public void Geotiff_without_geokeys_takes_the_crs_key()
    {
        var (scenario, dir) = WithRaster("lu.tif", "  crs: EPSG:32650\n");
        WriteUtmMap(Path.Combine(dir, "lu.tif"), null);
        AssertCloseToBaseline(RegionBuilder.Build(ScenarioLoader.Load(scenario)));
    }

    [Fact]
    public void Crs_key_disagreeing_with_the_geokeys_is_an_error()
    {
        var (scenario, dir) = WithRaster("lu.tif", "  crs: EPSG:32651\n");
        WriteUtmMap(Path.Combine(dir, "lu.tif"), TestTiff.ProjectedKeys(32650));
        var e = Assert.Throws<InvalidInputException>(() => RegionBuilder.Build(ScenarioLoader.Load(scenario)));
        Assert.Equal($"{Path.Combine(dir, "lu.tif")}: CRS: got 'EPSG:32650 (GeoTIFF GeoKeys)', expected the CRS given by land_use.crs (EPSG:32651 (land_use.crs)), or no CRS in the file", e.Message);
    }

    [Fact]
    public void Unknown_epsg_in_geokeys_names_the_key()
    {
        var (scenario, dir) = WithRaster("lu.tif");
        WriteUtmMap(Path.Combine(dir, "lu.tif"), TestTiff.ProjectedKeys(2000));
        var e = Assert.Throws<InvalidInputException>(() => RegionBuilder.Build(ScenarioLoader.Load(scenario)));
        Assert.StartsWith($"{Path.Combine(dir, "lu.tif")}: GeoKey 3072 (ProjectedCSType): got 'EPSG:2000', expected an EPSG code known to CarbonSim", e.Message);
    }

    [Fact]
    public void Unknown_epsg_in_the_crs_key_fails_at_load()
    {
        var (scenario, dir) = WithRaster("lu.tif", "  crs: EPSG:9999\n");
        WriteUtmMap(Path.Combine(dir, "lu.tif"), null);
        var e = Assert.Throws<InvalidInputException>(() => ScenarioLoader.Load(scenario));
        Assert.StartsWith($"{scenario}: land_use.crs", e.Message);
        Assert.Contains("got 'EPSG:9999', expected an EPSG code known to CarbonSim", e.Message);
    }

    [Fact]
    public void Lonlat_prj_on_metre_coordinates_is_refused()
    {
        var (scenario, dir) = WithRaster("map.asc");
        (RegionBuilder.LandUseRaster(baseline.Setup) with { Prj = RasterCrs.EpsgWkt(4326) }).Write(Path.Combine(dir, "map.asc"));
        var e = Assert.Throws<InvalidInputException>(() => RegionBuilder.Build(ScenarioLoader.Load(scenario)));
        Assert.Contains("map.asc: extent: got 'x ", e.Message);
        Assert.Contains("expected lon/lat degrees for the declared CRS WGS 84 (.prj) (are these metres in a projected CRS?)", e.Message);
    }

    [Fact]
    public void Reclass_table_maps_product_codes_to_classes()
    {
        var classes = baseline.Scenario.LandUse.Classes.Classes;
        var (scenario, dir) = WithRaster("lu.tif", "  reclass: codes.csv\n");
        WriteUtmMap(Path.Combine(dir, "lu.tif"), TestTiff.ProjectedKeys(32650), k => 10 * k);
        File.WriteAllText(Path.Combine(dir, "codes.csv"), "code,class,label\n" + string.Join("\n", classes.Select(c => $"{10 * c.Code},{c.Name},product {10 * c.Code}")) + "\n");
        AssertCloseToBaseline(RegionBuilder.Build(ScenarioLoader.Load(scenario)));
    }

    [Fact]
    public void Product_code_missing_from_the_reclass_table_names_the_pixel()
    {
        var classes = baseline.Scenario.LandUse.Classes.Classes;
        var (scenario, dir) = WithRaster("lu.tif", "  reclass: codes.csv\n");
        WriteUtmMap(Path.Combine(dir, "lu.tif"), TestTiff.ProjectedKeys(32650), k => 10 * k);
        File.WriteAllText(Path.Combine(dir, "codes.csv"), "code,class\n" + string.Join("\n", classes.Skip(1).Select(c => $"{10 * c.Code},{c.Name}")) + "\n");
        var e = Assert.Throws<InvalidInputException>(() => RegionBuilder.Build(ScenarioLoader.Load(scenario)));
        Assert.Matches($@"lu\.tif: row \d+, col \d+: got '{10 * classes[0].Code}', expected a product code of .*codes\.csv", e.Message);
    }

    [Fact]
    public void Reclass_to_an_unknown_class_fails_at_load()
    {
        var (scenario, dir) = WithRaster("lu.tif", "  reclass: codes.csv\n");
        File.WriteAllText(Path.Combine(dir, "lu.tif"), "");
        File.WriteAllText(Path.Combine(dir, "codes.csv"), "code,class\n10,orchard\n");
        var e = Assert.Throws<InvalidInputException>(() => ScenarioLoader.Load(scenario));
        Assert.Contains("codes.csv: line 2, column 'class': got 'orchard', expected a class of", e.Message);
    }
}
