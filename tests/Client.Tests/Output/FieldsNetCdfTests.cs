using CarbonSim.Client.Output;
using CarbonSim.Model.Io.Formats;
using CarbonSim.Model.Output;

namespace CarbonSim.Client.Tests.Output;

/// <summary>rasters/fields.nc: every raster layer of a run in one netCDF-CF file, read back by the format's reader and by GDAL.</summary>
public class FieldsNetCdfTests
{
    private static (string Dir, RunResults Run) Written(TempDir tmp, bool geographic)
    {
        var run = SyntheticRun.Create(geographic);
        var written = OutputWriter.WriteAll(run, tmp.Sub("out"), new OutputWriterOptions { Charts = false });
        Assert.Contains("rasters/fields.nc", written.Files);
        return (written.Directory, run);
    }

    private static NetCdfClassic.Var V(NetCdfClassic.Dataset d, string name) => d.Vars.Single(v => v.Name == name);
    private static string Text(NetCdfClassic.Var v, string attr) => (string)v.Attrs.Single(a => a.Name == attr).Value;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Fields_file_holds_every_layer_on_time_y_x_in_report_units(bool geographic)
    {
        using var tmp = new TempDir();
        var (dir, run) = Written(tmp, geographic);
        var d = NetCdfClassic.Read(Path.Combine(dir, "rasters", FieldsNetCdf.FileName));
        var g = run.Grid!;
        Assert.Equal([("time", 2), ("y", g.Rows), ("x", g.Cols), ("nv", 2)], d.Dims);
        Assert.Equal("CF-1.8", (string)d.Attrs.Single(a => a.Name == "Conventions").Value);
        Assert.Equal([2020, 2022], (int[])V(d, "year").Values);
        // Middle of the year in days since 1900-01-01: 2020 is a leap year (366 days).
        var t2020 = (new DateTime(2020, 1, 1) - new DateTime(1900, 1, 1)).TotalDays;
        Assert.Equal([t2020 + 183, t2020 + 366 + 365 + 182.5], (double[])V(d, "time").Values);
        Assert.Equal(g.CellCentre(0, 2).X, ((double[])V(d, "x").Values)[2]);
        Assert.Equal(g.CellCentre(3, 0).Y, ((double[])V(d, "y").Values)[3]);

        var total = V(d, "total_c");
        Assert.Equal(["time", "y", "x"], total.Dims);
        Assert.Equal("t ha-1", Text(total, "units"));
        Assert.Contains("[t C ha-1]", Text(total, "long_name"));
        Assert.Equal("g m-2 yr-1", Text(V(d, "npp"), "units"));
        var values = (float[])total.Values;
        int n = g.CellCount;
        foreach (var (layer, t) in new[] { (run.Rasters[0], 0), (run.Rasters[1], 1) })
            for (int k = 0; k < n; k++)
                Assert.Equal(double.IsFinite(layer.Values[k]) ? (float)(layer.Values[k] * 10) : -9999f, values[t * n + k]);
        var city = (int[])V(d, "city_code").Values;
        for (int k = 0; k < n; k++) Assert.Equal(run.CellCity![k] < 0 ? -9999 : int.Parse(run.Cities[run.CellCity[k]].Id), city[k]);

        var crs = V(d, "crs");
        Assert.Equal(geographic ? "latitude_longitude" : "albers_conical_equal_area", Text(crs, "grid_mapping_name"));
        Assert.Equal("crs", Text(total, "grid_mapping"));
        if (geographic) { Assert.DoesNotContain(d.Vars, v => v.Name == "lat"); return; }
        Assert.Equal([25.0, 47.0], (double[])crs.Attrs.Single(a => a.Name == "standard_parallel").Value);
        Assert.Equal("lat lon", Text(total, "coordinates"));
        // lat/lon of a cell centre = the project's own Albers inverse of that centre (within 1e-9°).
        var albers = new CarbonSim.Model.Region.AlbersEqualArea(CarbonSim.Model.Scenarios.AlbersProjectionSpec.ChinaAlbers);
        var lat = (double[])V(d, "lat").Values; var lon = (double[])V(d, "lon").Values;
        for (int k = 0; k < n; k++)
        {
            var (cx, cy) = g.CellCentre(k / g.Cols, k % g.Cols);
            var (elon, elat) = albers.Inverse(cx, cy);
            Assert.InRange(Math.Abs(lon[k] - elon), 0, 1e-9);
            Assert.InRange(Math.Abs(lat[k] - elat), 0, 1e-9);
        }
    }

    [Fact]
    public void Netcdf_switch_off_writes_no_fields_file()
    {
        using var tmp = new TempDir();
        var run = SyntheticRun.Create(false);
        run = run with { Outputs = run.Outputs with { NetCdf = false } };
        var written = OutputWriter.WriteAll(run, tmp.Sub("out"), new OutputWriterOptions { Charts = false });
        Assert.DoesNotContain(written.Files, f => f.EndsWith(".nc", StringComparison.Ordinal));
        Assert.False(File.Exists(Path.Combine(written.Directory, "rasters", FieldsNetCdf.FileName)));
    }

    /// <summary>GDAL's netCDF driver (the netCDF library) opens the file: the CRS from the grid mapping, the geotransform, one band per year, units and NODATA.</summary>
    [Fact]
    public void Gdal_opens_fields_nc_with_crs_geotransform_and_years()
    {
        if (GdalTool.Find("gdalinfo") is not { } gdal) return;
        using var tmp = new TempDir();
        var (dir, run) = Written(tmp, false);
        var nc = Path.Combine(dir, "rasters", FieldsNetCdf.FileName);
        var json = GdalTool.Run(gdal, "-json", $"NETCDF:\"{nc}\":total_c");
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var root = doc.RootElement;
        var wkt = root.GetProperty("coordinateSystem").GetProperty("wkt").GetString()!;
        Assert.Contains("Albers", wkt); Assert.Contains("25", wkt); Assert.Contains("47", wkt);
        var gt = root.GetProperty("geoTransform").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(run.Grid!.GeoTransform, gt);
        var bands = root.GetProperty("bands");
        Assert.Equal(2, bands.GetArrayLength());
        Assert.Equal(-9999, bands[0].GetProperty("noDataValue").GetDouble());
        Assert.Equal("t ha-1", bands[0].GetProperty("unit").GetString());
        // One cell's value through GDAL = the layer × 10 (t C ha-1), year 2022 in band 2.
        var loc = GdalTool.Run(Path.Combine(Path.GetDirectoryName(gdal)!, "gdallocationinfo"), "-valonly", "-b", "2", $"NETCDF:\"{nc}\":total_c", "1", "1");
        var expected = (float)(run.Rasters[1].Values[run.Grid.Index(1, 1)] * 10);
        Assert.Equal(expected, float.Parse(loc.Trim(), System.Globalization.CultureInfo.InvariantCulture), 3);
    }
}
