using CarbonSim.Model.Io.Formats;
using CarbonSim.Model.Region;
using CarbonSim.Model.Scenarios;
using CarbonSim.Model.Tests.Scenario;

namespace CarbonSim.Model.Tests.Region;

/// <summary>Bad land-use rasters: messages name the file, row/col (or line), value and expectation.</summary>
public class AsciiGridInputTests(BaselineFixture baseline) : IClassFixture<BaselineFixture>
{
    /// <summary>A scratch scenario reading map.asc, written from the baseline map after <paramref name="edit"/>.</summary>
    private string ScenarioWithRaster(Func<EsriAsciiGrid, EsriAsciiGrid> edit, Func<string, string>? text = null)
    {
        var path = TestRepo.ScratchScenario(t =>
        {
            var i = t.IndexOf("  generate:", StringComparison.Ordinal);
            var j = t.IndexOf("\nvegetation:", StringComparison.Ordinal);
            return t[..i] + "  raster: map.asc\n" + t[j..];
        });
        var asc = Path.Combine(Path.GetDirectoryName(path)!, "map.asc");
        edit(RegionBuilder.LandUseRaster(baseline.Setup)).Write(asc);
        if (text is not null) File.WriteAllText(asc, text(File.ReadAllText(asc)));
        return path;
    }

    private CellSetup SomeCell => baseline.Setup.Cells[baseline.Setup.Cells.Length / 2];

    private EsriAsciiGrid WithValue(EsriAsciiGrid g, double v)
    {
        var values = (double[])g.Values.Clone();
        values[baseline.Setup.Grid.RasterIndex(SomeCell.Row, SomeCell.Col)] = v;
        return g with { Values = values };
    }

    private static InvalidInputException Fails(string scenario) =>
        Assert.Throws<InvalidInputException>(() => RegionBuilder.Build(ScenarioLoader.Load(scenario)));

    [Fact]
    public void NaN_value_names_row_col()
    {
        // The writer turns NaN into NODATA, so the NaN is put into the text by hand.
        var e = Fails(ScenarioWithRaster(g => WithValue(g, 12345.5), t => t.Replace(" 12345.5", " NaN")));
        Assert.Equal("map.asc", Path.GetFileName(e.File));
        Assert.Contains($"row {SomeCell.Row}, col {SomeCell.Col}", e.Message);
        Assert.Contains("got 'NaN', expected a finite number", e.Message);
    }

    [Fact]
    public void Unknown_class_code_names_row_col_and_the_codes()
    {
        var e = Fails(ScenarioWithRaster(g => WithValue(g, 99)));
        Assert.Contains($"map.asc: row {SomeCell.Row}, col {SomeCell.Col}: got '99', expected a class code of", e.Message);
        Assert.Contains("7=park", e.Message);
    }

    [Fact]
    public void Nodata_inside_the_region_is_an_error()
    {
        var e = Fails(ScenarioWithRaster(g => WithValue(g, -9999)));
        Assert.Contains($"row {SomeCell.Row}, col {SomeCell.Col}", e.Message);
        Assert.Contains("got '-9999', expected a class code (not NODATA) inside the region", e.Message);
    }

    [Fact]
    public void Bad_header_names_the_line()
    {
        var e = Fails(ScenarioWithRaster(g => g, t => t.Replace("ncols " + baseline.Setup.Grid.Cols, "ncols many")));
        Assert.Contains("map.asc: line 1 (ncols): got 'many', expected an integer >= 1", e.Message);
    }

    [Fact]
    public void Short_data_is_an_error()
    {
        var e = Fails(ScenarioWithRaster(g => g, t => t[..t.LastIndexOf('\n', t.Length - 2)] + "\n"));
        Assert.Contains("map.asc: data: got '", e.Message);
        Assert.Contains("expected exactly", e.Message);
    }

    [Fact]
    public void Unreadable_prj_names_the_prj()
    {
        var e = Fails(ScenarioWithRaster(g => g with { Prj = "PROJCS[\"WGS_1984_UTM_Zone_50N\",PROJECTION[\"Transverse_Mercator\"]]" }));
        Assert.Equal("map.prj", Path.GetFileName(e.File));
        Assert.Contains("map.prj: WKT: got 'PROJCS[\"WGS_1984_UTM_Zone_50N\"", e.Message);
        Assert.Contains("expected a WKT coordinate system ProjNET can read", e.Message);
    }

    [Fact]
    public void Albers_prj_with_other_parameters_is_not_taken_as_the_grids()
    {
        // The same numbers under an Albers centred on 110°E instead of 105°E: another CRS, so the map lies elsewhere.
        var other = new AlbersEqualArea(new AlbersProjectionSpec(110, 0, 25, 47)).ToEsriWkt();
        var e = Fails(ScenarioWithRaster(g => g with { Prj = other }));
        Assert.Contains("map.asc: grid cell row", e.Message);
        Assert.Contains("got 'outside the raster', expected a raster covering every cell of the region", e.Message);
    }

    [Fact]
    public void Raster_in_the_grids_own_albers_gives_the_same_map()
    {
        var setup = RegionBuilder.Build(ScenarioLoader.Load(ScenarioWithRaster(g => g)));
        Assert.Equal(baseline.Setup.Cells.Select(c => c.LandUseClass), setup.Cells.Select(c => c.LandUseClass));
    }

    [Fact]
    public void Ascii_grid_without_prj_or_crs_key_is_rejected()
    {
        var e = Fails(ScenarioWithRaster(g => g with { Prj = null }));
        Assert.Contains("map.asc: CRS: got 'none declared', expected a CRS: GeoTIFF GeoKeys, a .prj beside the file, or land_use.crs: EPSG:<code>", e.Message);
    }

    [Fact]
    public void Raster_far_from_the_region_is_one_line()
    {
        var e = Fails(ScenarioWithRaster(g => g with { XllCorner = g.XllCorner + 5000 * g.CellSize }));
        Assert.Contains("map.asc: extent: got 'x ", e.Message);
        Assert.Contains("expected a raster overlapping the region", e.Message);
    }

    [Fact]
    public void Raster_not_covering_the_region_is_rejected()
    {
        var e = Fails(ScenarioWithRaster(g => g with { XllCorner = g.XllCorner + 50 * g.CellSize }));
        Assert.Contains("got 'outside the raster', expected a raster covering every cell of the region", e.Message);
    }
}
