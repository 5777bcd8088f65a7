using CarbonSim.Client.Tests.BadInput;
using CarbonSim.Client.Tests.EndToEnd;

namespace CarbonSim.Client.Tests.Cli;

/// <summary>
/// Issue #14 through the CLI in process: run ids that are paths, --overwrite of a folder carbonsim did not write,
/// the run-size guard (estimate printed, limits raised by --max-cells / --max-memory) and --resolution under the
/// rule of grid.resolution_km. Every refusal is exit 2, one stderr line, nothing on stdout and nothing written.
/// </summary>
public class HardeningCliTests
{
    static void AssertRefused(InProcessCli.Result r, params string[] expect)
    {
        Assert.True(r.ExitCode == 2, $"exit {r.ExitCode}, expected 2; stderr: {r.Stderr}");
        Assert.Equal("", r.Stdout.Trim());
        var line = Assert.Single(r.ErrorLines);
        foreach (var s in expect) Assert.True(line.Contains(s, StringComparison.Ordinal), $"stderr line lacks '{s}':\n{line}");
    }

    static string[] Entries(string dir) =>
        Directory.GetFileSystemEntries(dir, "*", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(dir, p)).Order(StringComparer.Ordinal).ToArray();

    [Theory]
    [InlineData("submit", "--id", "../../x")]
    [InlineData("submit", "--id", "/tmp/abs")]
    [InlineData("submit", "--id", "..")]
    [InlineData("submit", "--id", "a/b")]
    [InlineData("batch", "--id", "../x")]
    public void Ids_that_are_paths_are_refused_before_anything_else(string verb, string option, string id)
    {
        using var w = new BadInputWorkspace();
        var file = w.Write("f.yaml", w.BaseText);
        var before = Entries(w.Dir);
        var r = InProcessCli.Run(verb, file, option, id, "--cluster", "redis://127.0.0.1:1");
        AssertRefused(r, $"carbonsim {verb}: ", $"{option}: got '{id}'", "expected a simple name");
        Assert.Equal(before, Entries(w.Dir));
    }

    [Theory]
    [InlineData("../../x")]
    [InlineData("/tmp/abs")]
    public void Results_of_an_id_that_is_a_path_is_refused_without_out(string id)
    {
        var r = InProcessCli.Run("results", id, "--cluster", "redis://127.0.0.1:1");
        AssertRefused(r, "carbonsim results: ", $"got '{id}'", "expected a simple name");
    }

    [Fact]
    public void Overwrite_never_replaces_a_folder_carbonsim_did_not_write()
    {
        using var w = new BadInputWorkspace();
        var scenario = w.Write("s.yaml", w.BaseText);
        var foreign = Path.Combine(w.Dir, "precious");
        Directory.CreateDirectory(foreign);
        File.WriteAllText(Path.Combine(foreign, "thesis.tex"), "years of work");
        var r = InProcessCli.Run("run", scenario, "--out", foreign, "--overwrite");
        AssertRefused(r, "--out", "left alone", "manifest.json");
        Assert.Equal("years of work", File.ReadAllText(Path.Combine(foreign, "thesis.tex")));
        Assert.Equal(["thesis.tex"], Directory.GetFileSystemEntries(foreign).Select(Path.GetFileName).ToArray());
    }

    [Theory]
    [InlineData("0.01")]
    [InlineData("0.001")]
    [InlineData("0.5")]
    [InlineData("5000")]
    public void Resolution_override_follows_the_rule_of_grid_resolution_km(string km)
    {
        using var w = new BadInputWorkspace();
        var scenario = w.Write("s.yaml", w.BaseText);
        var before = Entries(w.Dir);
        var r = InProcessCli.Run("run", scenario, "--resolution", km, "--out", Path.Combine(w.Dir, "out"));
        AssertRefused(r, "carbonsim run: command line: --resolution", $"got '{km}'", "a cell size in km, >= 1");
        Assert.Equal(before, Entries(w.Dir));
    }

    [Fact]
    public void A_run_above_the_cell_limit_is_refused_with_the_estimate_and_the_option_that_raises_it()
    {
        using var w = new BadInputWorkspace();
        var scenario = w.Scenario("resolution_km: 50 ", "resolution_km: 10 ");
        var before = Entries(w.Dir);
        var r = InProcessCli.Run("run", scenario, "--max-cells", "1000", "--out", Path.Combine(w.Dir, "out"));
        AssertRefused(r, scenario, "grid.resolution_km", "got '10'", "at most 1,000 cells", "cells × 4 columns × ", "estimated memory", "--max-cells");
        Assert.Equal(before, Entries(w.Dir));
        // The same with the resolution from the command line names --resolution.
        var s = InProcessCli.Run("run", w.Write("t.yaml", w.BaseText), "--resolution", "10", "--max-cells", "1000", "--out", Path.Combine(w.Dir, "out"));
        AssertRefused(s, "--resolution", "got '10'", "at most 1,000 cells");
    }

    [Fact]
    public void A_run_above_the_memory_limit_is_refused_and_validate_prints_the_estimate()
    {
        using var w = new BadInputWorkspace();
        var scenario = w.Scenario("end: 2022", "end: 3000");
        File.WriteAllText(scenario, File.ReadAllText(scenario).Replace("raster_years: [2020, 2022]", "raster_years: [2020]"));
        var before = Entries(w.Dir);
        var r = InProcessCli.Run("run", scenario, "--max-memory", "1", "--out", Path.Combine(w.Dir, "out"));
        AssertRefused(r, "years 2020-3000", "a run within 1.0 GB", "× 1151 years", "--max-memory");
        Assert.Equal(before, Entries(w.Dir));
        var v = InProcessCli.Run("validate", scenario);
        Assert.True(v.ExitCode == 0, v.Stderr);
        Assert.Contains("size      about ", v.Stdout);
        Assert.Contains("× 1151 years", v.Stdout);
    }

    [Fact]
    public void A_fifo_as_config_file_is_refused_without_blocking()
    {
        using var w = new BadInputWorkspace();
        var fifo = w.Fifo("cluster.env");
        var r = InProcessCli.Run("status", "--config", fifo);
        AssertRefused(r, "carbonsim status: ", fifo, "a regular file, not a FIFO");
    }

    [Fact]
    public void Bad_limit_values_are_command_line_errors()
    {
        AssertRefused(InProcessCli.Run("run", "--max-cells", "0"), "--max-cells: got '0'");
        AssertRefused(InProcessCli.Run("run", "--max-memory", "0"), "--max-memory: got '0'");
    }
}
