using CarbonSim.Client.Tests.Cli;

namespace CarbonSim.Client.Tests.Validate;

public class ValidateCommandTests
{
    private static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CarbonSim.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("CarbonSim.sln not found");
    }

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var r = InProcessCli.Run(["validate", .. args]);
        return (r.ExitCode, r.Stdout, r.Stderr);
    }

    private static string Scratch(Func<string, string> edit)
    {
        var dir = Path.Combine(Path.GetTempPath(), "carbonsim-validate-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var text = File.ReadAllText(Path.Combine(Root, "scenarios", "jjj-baseline.yaml")).Replace("../data/", Path.Combine(Root, "data") + "/");
        var path = Path.Combine(dir, "s.yaml");
        File.WriteAllText(path, edit(text));
        return path;
    }

    [Fact]
    public void Bundled_scenario_is_valid_and_summarised()
    {
        var (code, stdout, stderr) = Run(Path.Combine(Root, "scenarios", "jjj-baseline.yaml"));
        Assert.Equal("", stderr);
        Assert.Equal(0, code);
        Assert.Contains("years     2020-2060 (41 years)", stdout);
        Assert.Contains("Beijing", stdout);
        Assert.Contains("cropland", stdout);
        Assert.Contains("spin-ups", stdout);
        Assert.Contains("ok: all inputs valid", stdout);
        // 13 city lines in the cells-per-city block.
        Assert.Equal(13, stdout.Split('\n').Count(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^  1[123]\d{4} .* cells ")));
    }

    [Fact]
    public void Bundled_scenario_points_only_inside_the_repository()
    {
        var text = File.ReadAllText(Path.Combine(Root, "scenarios", "jjj-baseline.yaml"));
        var dir = Path.Combine(Root, "scenarios");
        foreach (var m in System.Text.RegularExpressions.Regex.Matches(text, @":\s+(\.\./[^\s#]+)").Cast<System.Text.RegularExpressions.Match>())
        {
            var full = Path.GetFullPath(Path.Combine(dir, m.Groups[1].Value));
            Assert.StartsWith(Root + Path.DirectorySeparatorChar, full);
            Assert.True(File.Exists(full), full);
        }
    }

    [Theory]
    [InlineData("resolution_km: 10", "resolution_km: 0", "grid.resolution_km (line 16): got '0', expected a cell size in km, >= 1")]
    [InlineData("  end: 2060", "  end: 2000", "years.end (line 7): got '2000', expected a year >= years.start (2020)")]
    [InlineData("sand_pct: 30", "sand_pct: 31", "soil (line 68): got 'sand 31 + silt 50 + clay 20 = 101', expected sand_pct + silt_pct + clay_pct = 100")]
    [InlineData("name: jjj-baseline", "name: jjj-baseline\nflavour: mild", "flavour (line 5): got 'flavour', expected a known key of the scenario")]
    public void Bad_input_prints_one_error_line_and_exits_2(string from, string to, string expected)
    {
        var path = Scratch(t => t.Replace(from, to));
        var (code, stdout, stderr) = Run(path);
        Assert.Equal(2, code);
        Assert.DoesNotContain("ok:", stdout);
        var lines = stderr.TrimEnd('\n').Split('\n');
        Assert.Single(lines);
        Assert.StartsWith($"carbonsim validate: {path}: {expected}", lines[0]);
    }

    [Fact]
    public void Missing_argument_and_missing_file_exit_2()
    {
        var (code, _, err) = Run();
        Assert.Equal(2, code);
        Assert.StartsWith("carbonsim validate: Required argument 'scenario-file' missing", err);
        (code, _, err) = Run("/nonexistent/x.yaml");
        Assert.Equal(2, code);
        Assert.Equal("carbonsim validate: /nonexistent/x.yaml: file: got '/nonexistent/x.yaml', expected an existing scenario file", err.TrimEnd('\n'));
    }

    [Fact]
    public void Write_landuse_writes_an_ascii_grid_with_prj()
    {
        var dir = Path.Combine(Path.GetTempPath(), "carbonsim-validate-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var asc = Path.Combine(dir, "lu.asc");
        var (code, stdout, _) = Run(Path.Combine(Root, "scenarios", "jjj-baseline.yaml"), "--write-landuse", asc);
        Assert.Equal(0, code);
        Assert.Contains("land-use map written", stdout);
        Assert.StartsWith("ncols ", File.ReadAllText(asc));
        Assert.Contains("Albers", File.ReadAllText(Path.ChangeExtension(asc, ".prj")));
    }
}
