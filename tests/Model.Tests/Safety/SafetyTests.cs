using CarbonSim.Model.Region;
using CarbonSim.Model.Safety;
using CarbonSim.Model.Scenarios;
using CarbonSim.Model.Tests.Region;

namespace CarbonSim.Model.Tests.Safety;

/// <summary>Issue #14 in the model: simple names, the run-size estimate against a real layout, YAML limits, special files.</summary>
public sealed class SafetyTests(BaselineFixture baseline) : IClassFixture<BaselineFixture>
{
    [Theory]
    [InlineData("jjj-baseline", true)]
    [InlineData("run_2.v1", true)]
    [InlineData("a", true)]
    [InlineData("", false)]
    [InlineData(".", false)]
    [InlineData("..", false)]
    [InlineData("a..b", false)]
    [InlineData("../x", false)]
    [InlineData("/abs", false)]
    [InlineData("a/b", false)]
    [InlineData("a\\b", false)]
    [InlineData("-rf", false)]
    [InlineData(".hidden", false)]
    [InlineData("with space", false)]
    [InlineData("ümlaut", false)]
    public void Simple_names_are_letters_digits_dash_underscore_dot(string name, bool valid) => Assert.Equal(valid, SimpleName.IsValid(name));

    [Fact]
    public void A_name_of_129_characters_is_too_long() => Assert.False(SimpleName.IsValid(new string('a', 129)));

    [Fact]
    public void The_estimate_counts_the_cells_of_the_real_layout_within_one_percent()
    {
        var size = baseline.Setup.Size!;
        int real = baseline.Setup.Cells.Length;
        Assert.InRange(size.LandCells, real * 0.99, real * 1.01);
        Assert.True(size.GridCells >= baseline.Setup.Grid.Rows * (double)baseline.Setup.Grid.Cols, "the raster estimate must bound the real grid");
        Assert.Equal(baseline.Scenario.YearCount + (baseline.Scenario.StartYear - baseline.Scenario.History!.StartYear), size.Years);
        Assert.True(size.Tiles >= baseline.Setup.Tiles.Length, $"{size.Tiles} tiles estimated, {baseline.Setup.Tiles.Length} real");
    }

    [Fact]
    public void A_resolution_that_would_overflow_the_grid_is_refused_whatever_the_limits()
    {
        var fine = baseline.Scenario with { Grid = baseline.Scenario.Grid with { ResolutionKm = 0.001 } }; // bypassing the rule on purpose
        var e = Assert.Throws<InvalidInputException>(() => RegionBuilder.Build(fine, limits: ResourceLimits.None));
        Assert.Contains("raster cells", e.Message);
        Assert.Contains("grid.resolution_km", e.Message);
    }

    [Fact]
    public void WithResolution_applies_the_rule_of_grid_resolution_km()
    {
        Assert.Equal(5, baseline.Scenario.WithResolution(5).Grid.ResolutionKm);
        foreach (var km in new[] { 0.99, 0.01, 0, -1, 1001, double.NaN, double.PositiveInfinity })
        {
            var e = Assert.Throws<InvalidInputException>(() => baseline.Scenario.WithResolution(km));
            Assert.Contains("--resolution", e.Message);
            Assert.Contains(GridSettings.ResolutionRule, e.Message);
        }
    }

    [Fact]
    public void Yaml_limits_name_the_line()
    {
        var deep = Assert.Throws<InvalidInputException>(() => YamlLimits.Check("f.yaml", "a: 1\nb: " + new string('[', 65) + new string(']', 65)));
        Assert.Contains("f.yaml: line 2", deep.Message);
        YamlLimits.Check("f.yaml", "a: " + new string('[', 63) + new string(']', 63)); // 64 levels with the top mapping: fine
        var aliases = "x: &a 1\n" + string.Concat(Enumerable.Range(0, 101).Select(i => $"k{i}: *a\n"));
        Assert.Contains("aliases", Assert.Throws<InvalidInputException>(() => YamlLimits.Check("f.yaml", aliases)).Message);
    }

    [Fact]
    public void Special_files_are_told_apart_without_opening_them()
    {
        string dir = Directory.CreateTempSubdirectory("carbonsim-safety").FullName;
        string fifo = Path.Combine(dir, "pipe"), file = Path.Combine(dir, "file");
        File.WriteAllText(file, "x");
        using (var mk = System.Diagnostics.Process.Start("mkfifo", [fifo])) mk.WaitForExit();
        Assert.Equal(InputFiles.Kind.Regular, InputFiles.KindOf(file));
        Assert.Equal(InputFiles.Kind.Fifo, InputFiles.KindOf(fifo));
        Assert.Equal(InputFiles.Kind.Device, InputFiles.KindOf("/dev/zero"));
        Assert.Equal(InputFiles.Kind.Directory, InputFiles.KindOf(dir));
        Assert.Equal(InputFiles.Kind.Missing, InputFiles.KindOf(Path.Combine(dir, "none")));
        Directory.Delete(dir, recursive: true);
    }
}
