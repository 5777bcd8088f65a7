using CarbonSim.Client.Tests.Cli;
using CarbonSim.Client.Tests.EndToEnd;

namespace CarbonSim.Client.Tests.BadInput;

/// <summary>
/// Bad inputs through <c>carbonsim validate</c> and <c>carbonsim run</c>, in process (every case) and as a
/// real child process (a few cases): exit 2, exactly one stderr line naming file, place, value and
/// expectation, nothing on stdout, and for <c>run</c> no output folder (nor a partial one) at --out.
/// All cases fail while loading/validating, before any simulation.
/// </summary>
public class BadInputCliTests
{
    public static TheoryData<string> Cases() => BadInputCatalog.Names();

    /// <summary>Cases also run through the real process (process start costs about a second each).</summary>
    public static TheoryData<string> ProcessCases() => new()
    {
        "malformed_yaml", "unknown_key", "boundary_is_a_linestring", "landuse_raster_nan", "soil_texture_not_100", "scenario_file_missing",
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Validate_in_process_rejects(string name)
    {
        using var w = new BadInputWorkspace();
        var (args, expect) = BadInputCatalog.Get(name).Prepare(w);
        var r = InProcessCli.Run(["validate", .. args]);
        AssertOneLineError(r.ExitCode, r.Stdout, r.Stderr, "carbonsim validate: ", expect);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Run_in_process_rejects_and_leaves_no_output(string name)
    {
        using var w = new BadInputWorkspace();
        var (args, expect) = BadInputCatalog.Get(name).Prepare(w);
        var before = Entries(w.Dir);
        var outDir = Path.Combine(w.Dir, "out");
        var r = await InProcessCli.RunAsync(["run", .. args, "--out", outDir]);
        AssertOneLineError(r.ExitCode, r.Stdout, r.Stderr, "carbonsim run: ", expect);
        Assert.False(Directory.Exists(outDir), $"run left {outDir} behind");
        Assert.Equal(before, Entries(w.Dir));
    }

    [Theory]
    [MemberData(nameof(ProcessCases))]
    public void Validate_process_rejects(string name)
    {
        using var w = new BadInputWorkspace();
        var (args, expect) = BadInputCatalog.Get(name).Prepare(w);
        var r = CliProcess.Run(w.Dir, TimeSpan.FromMinutes(2), ["validate", .. args]);
        AssertOneLineError(r.ExitCode, r.Stdout, r.Stderr, "carbonsim validate: ", expect);
    }

    [Theory]
    [MemberData(nameof(ProcessCases))]
    public void Run_process_rejects_and_leaves_no_output(string name)
    {
        using var w = new BadInputWorkspace();
        var (args, expect) = BadInputCatalog.Get(name).Prepare(w);
        var before = Entries(w.Dir);
        var outDir = Path.Combine(w.Dir, "out");
        var r = CliProcess.Run(w.Dir, TimeSpan.FromMinutes(2), ["run", .. args, "--out", outDir]);
        AssertOneLineError(r.ExitCode, r.Stdout, r.Stderr, "carbonsim run: ", expect);
        Assert.False(Directory.Exists(outDir), $"run left {outDir} behind");
        Assert.Equal(before, Entries(w.Dir));
    }

    /// <summary>Bad command lines (no file involved): the line names the option, the value and what is expected.</summary>
    [Theory]
    [InlineData("validate_unknown_option", "validate", "--bogus", "carbonsim validate: |unknown option '--bogus'|carbonsim validate --help")]
    [InlineData("validate_no_scenario", "validate", "", "carbonsim validate: |'scenario-file' missing|carbonsim validate --help")]
    [InlineData("run_unknown_option", "run", "--bogus", "carbonsim run: |'--bogus'|carbonsim run --help")]
    [InlineData("run_resolution_zero", "run", "--resolution 0", "--resolution: got '0'|expected a positive number of km")]
    [InlineData("run_tile_size_not_a_number", "run", "--tile-size x", "--tile-size: got 'x'|expected a whole number")]
    [InlineData("run_out_without_value", "run", "--out", "carbonsim run: |missing for option: '--out'")]
    public void Bad_command_line_through_the_process(string name, string verb, string options, string expected)
    {
        using var w = new BadInputWorkspace();
        var scenario = verb == "validate" && options == "" ? null : w.Write("s.yaml", w.BaseText);
        var args = new List<string> { verb };
        if (scenario is not null) args.Add(scenario);
        args.AddRange(options.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var before = Entries(w.Dir);
        var r = CliProcess.Run(w.Dir, TimeSpan.FromMinutes(2), [.. args]);
        Assert.True(r.ExitCode == 2, $"{name}: exit {r.ExitCode}, expected 2 (usage error); stderr: {r.Stderr}");
        AssertOneLineError(r.ExitCode, r.Stdout, r.Stderr, "", expected.Split('|'));
        Assert.Equal(before, Entries(w.Dir));
    }

    static void AssertOneLineError(int code, string stdout, string stderr, string prefix, string[] expect)
    {
        Assert.True(code == 2, $"exit code {code}, expected 2 (bad input); stdout: {stdout}");
        Assert.True(stdout.Trim().Length == 0, "stdout should be empty on bad input, got: " + stdout);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
        Assert.True(lines.Count == 1, $"stderr should be one line, got {lines.Count}:\n{stderr}");
        var line = lines[0];
        Assert.StartsWith(prefix, line);
        foreach (var s in expect) Assert.True(line.Contains(s, StringComparison.Ordinal), $"stderr line lacks '{s}':\n{line}");
    }

    static string[] Entries(string dir) =>
        Directory.GetFileSystemEntries(dir, "*", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(dir, p)).Order(StringComparer.Ordinal).ToArray();
}
