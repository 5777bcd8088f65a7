using CarbonSim.Model.Io.Formats;

namespace CarbonSim.Model.Tests.Io.Formats;

/// <summary>The one ESRI ASCII grid reader/writer: round trips and header errors.</summary>
public class EsriAsciiGridTests
{
    private static string Temp(string name)
    {
        var dir = Path.Combine(Path.GetTempPath(), "carbonsim-grid-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, name);
    }

    [Fact]
    public void Write_then_Read_round_trips_header_values_nodata_and_prj()
    {
        double[] values = [1, 2.5, -9999, 0.1 + 0.2, 1e-7, 123456789.125];
        var grid = new EsriAsciiGrid(3, 2, 405000.25, 3_950_000, 10_000, -9999, values, "PROJCS[\"albers\"]");
        var path = Temp("g.asc");
        grid.Write(path);
        var back = EsriAsciiGrid.Read(path);
        Assert.Equal((3, 2, 405000.25, 3_950_000.0, 10_000.0, (double?)-9999), (back.Cols, back.Rows, back.XllCorner, back.YllCorner, back.CellSize, back.NoData));
        Assert.Equal(values, back.Values); // "R": every double comes back bit for bit
        Assert.Equal("PROJCS[\"albers\"]", back.Prj);
        Assert.True(double.IsNaN(back.ValuesOrNaN()[2]));
        Assert.False(back.CentreHeader);
        Assert.Equal("ncols 3\nnrows 2\nxllcorner 405000.25\nyllcorner 3950000\ncellsize 10000\nNODATA_value -9999\n", string.Concat(File.ReadAllText(path).Split('\n').Take(6).Select(l => l + "\n")));
    }

    [Fact]
    public void The_value_format_is_the_writers_choice_and_non_finite_values_become_nodata()
    {
        var grid = new EsriAsciiGrid(2, 1, 0, 0, 1, -9999, [1.0 / 3, double.NaN]);
        Assert.EndsWith("0.3333333 -9999\n", grid.Format("G7"));
        Assert.EndsWith("0.3333333333333333 -9999\n", grid.Format());
        var noNodata = new EsriAsciiGrid(2, 1, 0, 0, 1, null, [7, 8]);
        Assert.DoesNotContain("NODATA", noNodata.Format());
    }

    [Fact]
    public void Centre_registered_headers_are_read_as_corners_and_written_back_as_centres()
    {
        var g = EsriAsciiGrid.Parse("c.asc", "ncols 2\nnrows 1\nxllcenter 15\nyllcenter 45\ncellsize 30\n1 2\n");
        Assert.Equal((0.0, 30.0), (g.XllCorner, g.YllCorner));
        Assert.True(g.CentreHeader);
        var again = EsriAsciiGrid.Parse("c2.asc", g.Format());
        Assert.Equal((g.XllCorner, g.YllCorner), (again.XllCorner, again.YllCorner));
        Assert.Equal(g.Values, again.Values);
        Assert.Contains("xllcenter 15\nyllcenter 45\n", g.Format());
    }

    [Theory]
    [InlineData("ncols 2\nnrows 1\nxllcorner 0\nyllcorner 0\ncellsize abc\n1 2\n", "line 5 (cellsize)", "abc", "a positive number")]
    [InlineData("ncols 2\nnrows 1\nxllcorner 0\nyllcorner 0\ncellsize -1\n1 2\n", "line 5 (cellsize)", "-1", "a positive number")]
    [InlineData("ncols 2\nnrows 1\nxllcorner 0\nyllcorner 0\n1 2\n", "header", "missing cellsize", "a 'cellsize' header line")]
    [InlineData("ncols 2.5\nnrows 1\nxllcorner 0\nyllcorner 0\ncellsize 1\n1 2\n", "line 1 (ncols)", "2.5", "an integer >= 1")]
    [InlineData("ncols 2\nnrows 1\nxllcorner 0\nyllcorner 0\ncellsize 1\ncolour red\n1 2\n", "line 6", "colour", "a header key (ncols, nrows, xllcorner/xllcenter, yllcorner/yllcenter, cellsize, nodata_value)")]
    [InlineData("ncols 2\nnrows 1\nncols 2\nxllcorner 0\nyllcorner 0\ncellsize 1\n1 2\n", "line 3", "ncols", "each header key once")]
    [InlineData("ncols 2\nnrows 2\nxllcorner 0\nyllcorner 0\ncellsize 1\n1 2\n3\n", "data", "3 values", "exactly 2 x 2 = 4 values")]
    [InlineData("ncols 2\nnrows 1\nxllcorner 0\nyllcorner 0\ncellsize 1\n1 x\n", "row 0, col 1 (line 6)", "x", "a finite number (use nodata_value for missing cells)")]
    public void A_bad_grid_names_file_place_value_and_expectation(string text, string place, string value, string expected)
    {
        var e = Assert.Throws<InvalidInputException>(() => EsriAsciiGrid.Parse("bad.asc", text));
        Assert.Equal(("bad.asc", place, value, expected), (e.File, e.Place, e.Value, e.Expected));
    }

    [Fact]
    public void Class_codes_must_be_integers()
    {
        var g = EsriAsciiGrid.Parse("l.asc", "ncols 2\nnrows 2\nxllcorner 0\nyllcorner 0\ncellsize 1\nNODATA_value -1\n1 2\n-1 2.5\n");
        var e = Assert.Throws<InvalidInputException>(() => g.AsClasses("l.asc", out _));
        Assert.Equal(("row 1, col 1", "2.5"), (e.Place, e.Value));
        var ok = (g with { Values = [1, 2, -1, 3] }).AsClasses("l.asc", out var nd);
        Assert.Equal([1, 2, -1, 3], ok);
        Assert.Equal(-1, nd);
    }
}
