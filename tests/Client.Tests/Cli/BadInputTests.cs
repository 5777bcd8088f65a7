using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CarbonSim.Client.Cli;
using CarbonSim.Client.Tests.EndToEnd;

namespace CarbonSim.Client.Tests.Cli;

/// <summary>
/// Each verb's bad input through the one entry point: the documented exit code (README "Exit codes"),
/// exactly one line on standard error starting with <c>carbonsim &lt;verb&gt;:</c> and naming what was wrong,
/// nothing on standard output. A stopped Redis is "unreachable" (exit 4) within seconds.
/// </summary>
public sealed class BadInputTests : IDisposable
{
    readonly string _dir = CliProcess.NewScratch("cli-bad");
    public void Dispose() => CliProcess.TryDelete(_dir);

    /// <summary>A folder that exists and holds files (an --out that needs --overwrite), marked as carbonsim's own
    /// (manifest.json; summary.csv for invest): --overwrite replaces nothing else (HardeningCliTests).</summary>
    string Occupied()
    {
        var d = Path.Combine(_dir, "occupied");
        Directory.CreateDirectory(d);
        File.WriteAllText(Path.Combine(d, "keep.txt"), "x");
        File.WriteAllText(Path.Combine(d, "manifest.json"), "{}");
        File.WriteAllText(Path.Combine(d, "summary.csv"), "");
        return d;
    }

    static void AssertOneLine(InProcessCli.Result r, int exit, string verb, params string[] fragments)
    {
        Assert.True(r.ExitCode == exit, $"exit {r.ExitCode}, expected {exit}; stderr: {r.Stderr}");
        Assert.True(r.Stdout.Trim().Length == 0, "stdout should be empty, got: " + r.Stdout);
        var line = Assert.Single(r.ErrorLines);
        Assert.StartsWith(verb.Length == 0 ? "carbonsim: " : $"carbonsim {verb}: ", line);
        foreach (var f in fragments) Assert.True(line.Contains(f, StringComparison.Ordinal), $"'{line}' lacks '{f}'");
        Assert.DoesNotContain("   at ", r.Stderr); // never a stack trace
    }

    public static TheoryData<string, string[], string[]> CommandLines() => new()
    {
        { "",         ["frobnicate"],                                  ["'frobnicate'", "carbonsim --help"] },
        { "run",      ["--bogus"],                                     ["unknown option '--bogus'", "carbonsim run --help"] },
        { "run",      ["--tile-size", "0"],                            ["--tile-size: got '0'", "expected a whole number ≥ 1"] },
        { "run",      ["--resolution", "-5"],                          ["--resolution: got '-5'", "positive number of km"] },
        { "run",      ["--out"],                                       ["--out"] },
        { "run",      ["a.yaml", "b.yaml"],                            ["b.yaml"] },
        { "validate", [],                                              ["scenario-file"] },
        { "validate", ["s.yaml", "--bogus"],                           ["unknown option '--bogus'"] },
        { "point",    [],                                              ["file.ini"] },
        { "point",    ["a.ini", "-u", "-g"],                           ["conflict", "-u, -m, -g"] },
        { "compare",  [],                                              ["run-dir"] },
        { "landuse",  ["s.yaml", "--tile-size", "x"],                  ["--tile-size: got 'x'"] },
        { "invest",   ["--pools", "p.csv", "--out", "o"],              ["--lulc-bas"] },
        { "submit",   [],                                              ["scenario-or-runspec"] },
        { "submit",   ["s.yaml", "--checkpoint-every", "0"],           ["--checkpoint-every: got '0'"] },
        { "status",   ["a", "b"],                                      ["'b'"] },
        { "status",   ["--connect-timeout", "0"],                      ["--connect-timeout: got '0'", "seconds > 0"] },
        { "wait",     [],                                              ["id"] },
        { "wait",     ["x", "--poll", "never"],                        ["--poll: got 'never'"] },
        { "results",  [],                                              ["id"] },
        { "cancel",   ["a", "b"],                                      ["'b'"] },
        { "list",     ["extra"],                                       ["'extra'"] },
        { "batch",    [],                                              ["batch-file"] },
    };

    [Theory]
    [MemberData(nameof(CommandLines))]
    public void A_bad_command_line_exits_2_with_one_line(string verb, string[] args, string[] fragments)
    {
        var r = InProcessCli.Run(verb.Length == 0 ? args : [verb, .. args]);
        AssertOneLine(r, ExitCodes.BadInput, verb, fragments);
    }

    [Theory]
    [InlineData("run")]
    [InlineData("validate")]
    [InlineData("landuse")]
    [InlineData("submit")]
    public void A_missing_scenario_file_exits_2_naming_it(string verb)
    {
        var missing = Path.Combine(_dir, "no-such.yaml");
        var r = verb is "run" or "submit" ? InProcessCli.Run(verb, missing, "--cluster", "redis://127.0.0.1:1") : InProcessCli.Run(verb, missing);
        AssertOneLine(r, ExitCodes.BadInput, verb, missing, "expected an existing scenario file");
    }

    [Fact]
    public void Input_file_errors_exit_2_for_compare_invest_and_batch()
    {
        AssertOneLine(InProcessCli.Run("compare", Path.Combine(_dir, "a"), Path.Combine(_dir, "b"), "--out", Path.Combine(_dir, "cmp")),
            ExitCodes.BadInput, "compare", Path.Combine(_dir, "a"), "a finished carbonsim run folder");
        AssertOneLine(InProcessCli.Run("compare", "a", "b", "--simulated", "x.asc"), ExitCodes.BadInput, "compare", "--observed");
        AssertOneLine(InProcessCli.Run("invest", "--lulc-bas", Path.Combine(_dir, "bas.asc"), "--pools", Path.Combine(_dir, "pools.csv"), "--out", Path.Combine(_dir, "inv")),
            ExitCodes.BadInput, "invest", "pools.csv");
        AssertOneLine(InProcessCli.Run("batch", Path.Combine(_dir, "b.yaml"), "--cluster", "redis://127.0.0.1:1"),
            ExitCodes.BadInput, "batch", "b.yaml", "an existing batch file");
        Assert.False(Directory.Exists(Path.Combine(_dir, "cmp")));
        Assert.False(Directory.Exists(Path.Combine(_dir, "inv")));
    }

    [Theory]
    [InlineData("run", "{scenario}")]
    [InlineData("landuse", "{scenario}")]
    [InlineData("compare", "a", "b")]
    [InlineData("invest", "--lulc-bas", "bas.asc", "--pools", "pools.csv")]
    [InlineData("results", "some-run", "--cluster", "redis://127.0.0.1:1")]
    public void An_occupied_out_folder_exits_2_before_any_work_unless_overwrite(string verb, params string[] args)
    {
        var occupied = Occupied();
        var scenario = Path.Combine(_dir, "never-read.yaml");
        var argv = new List<string> { verb };
        argv.AddRange(args.Select(a => a == "{scenario}" ? scenario : a));
        var r = InProcessCli.Run([.. argv, "--out", occupied]);
        // The --out check comes first: the scenario (which does not exist), the run folders and the cluster are never looked at.
        AssertOneLine(r, ExitCodes.BadInput, verb, "--out", occupied, "--overwrite");
        Assert.True(File.Exists(Path.Combine(occupied, "keep.txt")));

        // With --overwrite the check passes and the verb gets as far as its real input (exit 2 naming that instead, or 4 for results).
        r = InProcessCli.Run([.. argv, "--out", occupied, "--overwrite"]);
        Assert.DoesNotContain("--overwrite", r.Stderr);
        Assert.Equal(verb == "results" ? ExitCodes.Unreachable : ExitCodes.BadInput, r.ExitCode);
        Assert.True(File.Exists(Path.Combine(occupied, "keep.txt")), "a failed verb must not touch the folder it would replace");
    }

    [Fact]
    public void An_empty_out_folder_is_accepted_as_the_target()
    {
        var empty = Path.Combine(_dir, "empty");
        Directory.CreateDirectory(empty);
        var r = InProcessCli.Run("run", Path.Combine(_dir, "no-such.yaml"), "--out", empty);
        AssertOneLine(r, ExitCodes.BadInput, "run", "no-such.yaml"); // got past --out to the scenario
    }

    static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        int port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    [Theory]
    [InlineData("status")]
    [InlineData("list")]
    [InlineData("wait", "some-run")]
    [InlineData("cancel", "some-run")]
    [InlineData("resume", "some-run")]
    [InlineData("results", "some-run", "--out", "{out}")]
    public void A_cluster_verb_with_no_redis_listening_says_redis_is_unreachable_and_exits_4_quickly(string verb, params string[] args)
    {
        int port = FreePort();
        var argv = new List<string> { verb };
        argv.AddRange(args.Select(a => a == "{out}" ? Path.Combine(_dir, "results-out") : a));
        argv.AddRange(["--cluster", $"redis://127.0.0.1:{port}"]);
        var clock = Stopwatch.StartNew();
        var r = InProcessCli.Run([.. argv]);
        AssertOneLine(r, ExitCodes.Unreachable, verb, $"Redis is unreachable at redis://127.0.0.1:{port}");
        Assert.DoesNotContain("silo", r.Stderr); // it is Redis that is down, not the silos
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed.TotalSeconds:F1} s (the connect timeout is 30 s)");
        Assert.False(Directory.Exists(Path.Combine(_dir, "results-out")));
    }

    [Fact]
    public void Status_against_a_stopped_redis_through_the_real_process_exits_4_with_one_line()
    {
        int port = FreePort();
        var r = CliProcess.Run(_dir, TimeSpan.FromMinutes(1), "status", "--cluster", $"redis://127.0.0.1:{port}");
        Assert.True(r.ExitCode == 4, $"exit {r.ExitCode}; stderr: {r.Stderr}");
        var line = Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"carbonsim status: Redis is unreachable at redis://127.0.0.1:{port}", line);
        Assert.Equal("", r.Stdout.Trim());
    }

    [Theory]
    [InlineData("run", "--tile-size", "0")]
    [InlineData("invest")]
    [InlineData("wait")]
    public void Bad_command_lines_through_the_real_process_exit_2_with_one_line(params string[] args)
    {
        var r = CliProcess.Run(_dir, TimeSpan.FromMinutes(1), args);
        Assert.True(r.ExitCode == 2, $"exit {r.ExitCode}; stderr: {r.Stderr}");
        var line = Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"carbonsim {args[0]}: ", line);
        Assert.Equal("", r.Stdout.Trim());
    }

    [Fact]
    public void An_internal_error_is_one_line_with_exit_1_and_a_hint()
    {
        var e = new StringWriter();
        int code = CliErrors.Report("run", new InvalidOperationException("boom\nsecond line"), e);
        Assert.Equal(ExitCodes.Internal, code);
        var line = Assert.Single(e.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("carbonsim run: internal error: InvalidOperationException: boom second line", line);
        Assert.Contains("CARBONSIM_DEBUG=1", line);
    }

    [Theory]
    [InlineData(typeof(CarbonSim.Model.InvalidInputException), ExitCodes.BadInput)]
    [InlineData(typeof(CarbonSim.Client.Hosting.ClusterUnavailableException), ExitCodes.Unreachable)]
    [InlineData(typeof(CarbonSim.Grains.Hosting.RunFailedException), ExitCodes.RunFailed)]
    [InlineData(typeof(NullReferenceException), ExitCodes.Internal)]
    public void Each_failure_kind_has_its_exit_code(Type kind, int expected)
    {
        Exception e = kind.Name switch
        {
            "InvalidInputException" => new CarbonSim.Model.InvalidInputException("f.yaml", "key", "v", "something"),
            "ClusterUnavailableException" => new CarbonSim.Client.Hosting.ClusterUnavailableException("down"),
            "RunFailedException" => new CarbonSim.Grains.Hosting.RunFailedException("r1", "tile 3 failed"),
            _ => new NullReferenceException(),
        };
        Assert.Equal(expected, CliErrors.ExitCodeOf(e));
        Assert.Equal(ExitCodes.RunFailed, CliErrors.ExitCodeOf(new CarbonSim.Client.Hosting.JobException("run x is cancelled, not done")));
        Assert.Equal(ExitCodes.BadInput, CliErrors.ExitCodeOf(new CarbonSim.Client.Hosting.JobException("no run", ExitCodes.BadInput)));
    }
}
