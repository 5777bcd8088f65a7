using CarbonSim.Client.Tests.Cli;

namespace CarbonSim.Client.Tests.Run;

/// <summary><c>carbonsim run</c> end to end on an embedded silo (coarse grid and few years, to stay quick).</summary>
public class RunCommandTests
{
    static string Scratch() => TestScenarios.Scratch();

    /// <summary>The bundled scenario with absolute data paths and the years cut to <paramref name="lastYear"/>, edited by <paramref name="edit"/>.</summary>
    static string Scenario(string dir, int lastYear, Func<string, string>? edit = null) => TestScenarios.Write("jjj-baseline", lastYear, edit);

    static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var r = await InProcessCli.RunAsync(["run", .. args]);
        return (r.ExitCode, r.Stdout, r.Stderr);
    }

    [Fact]
    public async Task Bad_input_gives_one_line_a_nonzero_exit_and_no_output_folder()
    {
        var dir = Scratch();
        var scenario = Scenario(dir, 2022, t => t.Replace("resolution_km: 10", "resolution_km: -3"));
        var outDir = Path.Combine(dir, "out");
        var (code, stdout, stderr) = await Run(scenario, "--out", outDir);
        Assert.Equal(2, code);
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
        var folder = Path.Combine(dir, "out", "coarse");
        var (code, stdout, stderr) = await Run(Scenario(dir, 2022), "--out", folder, "--resolution", "50", "--tile-size", "2");
        Assert.True(code == 0, stderr);
        Assert.True(File.Exists(Path.Combine(folder, "manifest.json"))); // --out is the run folder itself
        Assert.Contains($"wrote {folder} (", stdout);
        var cityRows = File.ReadAllLines(Path.Combine(folder, "cities_annual.csv"));
        Assert.Equal(1 + 13 * 3, cityRows.Length);   // header + 13 cities × 3 years
        Assert.Contains("Beijing", stdout);
        Assert.Contains("Region", stdout);
        Assert.Equal([folder], Directory.GetDirectories(Path.Combine(dir, "out"))); // no partial folder beside it

        // A second run into the same folder is refused before it starts, unless --overwrite.
        var again = await Run(Scenario(dir, 2022), "--out", folder, "--resolution", "50", "--tile-size", "2");
        Assert.Equal(2, again.Code);
        Assert.Contains("--overwrite", again.Err);
        again = await Run(Scenario(dir, 2022), "--out", folder, "--resolution", "50", "--tile-size", "2", "--overwrite");
        Assert.True(again.Code == 0, again.Err);
        Assert.True(File.Exists(Path.Combine(folder, "manifest.json")));
        Assert.Equal([folder], Directory.GetDirectories(Path.Combine(dir, "out")));
    }
}
