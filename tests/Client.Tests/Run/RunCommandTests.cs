using CarbonSim.Client.Commands;

namespace CarbonSim.Client.Tests.Run;

/// <summary><c>carbonsim run</c> end to end on an embedded silo (coarse grid and few years, to stay quick).</summary>
public class RunCommandTests
{
    static string Scratch() => TestScenarios.Scratch();

    /// <summary>The bundled scenario with absolute data paths and the years cut to <paramref name="lastYear"/>, edited by <paramref name="edit"/>.</summary>
    static string Scenario(string dir, int lastYear, Func<string, string>? edit = null) => TestScenarios.Write("jjj-baseline", lastYear, edit);

    static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var o = new StringWriter(); var e = new StringWriter();
        int code = await RunCommand.Run(args, o, e, progress: null);
        return (code, o.ToString(), e.ToString());
    }

    [Fact]
    public async Task Bad_input_gives_one_line_a_nonzero_exit_and_no_output_folder()
    {
        var dir = Scratch();
        var scenario = Scenario(dir, 2022, t => t.Replace("resolution_km: 10", "resolution_km: -3"));
        var outDir = Path.Combine(dir, "out");
        var (code, stdout, stderr) = await Run(scenario, "--out", outDir);
        Assert.NotEqual(0, code);
        Assert.Equal("", stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("resolution_km", line);
        Assert.Contains("-3", line);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public async Task A_bad_option_value_is_refused()
    {
        var (code, _, stderr) = await Run("--tile-size", "0");
        Assert.Equal(2, code);
        Assert.Contains("--tile-size: got '0'", stderr);
    }

    [Fact]
    public async Task A_coarse_run_writes_a_complete_output_folder_and_a_city_summary()
    {
        var dir = Scratch();
        var outDir = Path.Combine(dir, "out");
        var (code, stdout, stderr) = await Run(Scenario(dir, 2022), "--out", outDir, "--resolution", "50", "--tile-size", "2");
        Assert.True(code == 0, stderr);
        var folder = Assert.Single(Directory.GetDirectories(outDir));
        Assert.StartsWith("jjj-baseline-", Path.GetFileName(folder));
        Assert.True(File.Exists(Path.Combine(folder, "manifest.json")));
        var cityRows = File.ReadAllLines(Path.Combine(folder, "cities_annual.csv"));
        Assert.Equal(1 + 13 * 3, cityRows.Length);   // header + 13 cities × 3 years
        Assert.Contains("Beijing", stdout);
        Assert.Contains("Region", stdout);
        Assert.Empty(Directory.GetDirectories(outDir, "*.partial*"));
    }
}
