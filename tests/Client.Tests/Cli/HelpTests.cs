using CarbonSim.Client.Cli;
using CarbonSim.Client.Tests.EndToEnd;
using CarbonSim.Model;

namespace CarbonSim.Client.Tests.Cli;

/// <summary>Every verb's <c>--help</c>: exit 0, a description, its options and at least one worked example; the root's exit-code table and <c>--out</c> rule; <c>--version</c>.</summary>
public class HelpTests
{
    public static TheoryData<string> Verbs() => new()
    {
        "run", "validate", "point", "compare", "landuse", "invest", "submit", "status", "wait", "results", "cancel", "resume", "list", "batch",
    };

    [Theory]
    [MemberData(nameof(Verbs))]
    public void Every_verb_help_exits_0_and_shows_an_example(string verb)
    {
        foreach (var flag in new[] { "--help", "-h" })
        {
            var r = InProcessCli.Run(verb, flag);
            Assert.True(r.ExitCode == 0, $"{verb} {flag}: exit {r.ExitCode}; stderr: {r.Stderr}");
            Assert.Equal("", r.Stderr);
            Assert.Contains($"carbonsim {verb}", r.Stdout);          // usage line
            Assert.Contains("Options:", r.Stdout);
            int examples = r.Stdout.IndexOf("Examples", StringComparison.Ordinal);
            Assert.True(examples >= 0, $"{verb} --help has no examples section:\n{r.Stdout}");
            // An example is a command line of this very verb, after the heading.
            Assert.Contains($"carbonsim {verb} ", r.Stdout[examples..]);
        }
    }

    [Theory]
    [InlineData("run")]
    [InlineData("compare")]
    [InlineData("landuse")]
    [InlineData("invest")]
    [InlineData("results")]
    public void Every_verb_that_writes_a_folder_has_out_and_overwrite(string verb)
    {
        var r = InProcessCli.Run(verb, "--help");
        Assert.Contains("-o, --out <dir>", r.Stdout);
        Assert.Contains("the folder to write into", r.Stdout);
        Assert.Contains("--overwrite", r.Stdout);
    }

    [Fact]
    public void Help_with_a_bad_option_still_shows_help()
    {
        var r = InProcessCli.Run("run", "--bogus", "--help");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Examples", r.Stdout);
    }

    [Fact]
    public void Root_help_lists_every_verb_the_exit_codes_and_the_out_rule()
    {
        foreach (var args in new[] { new[] { "--help" }, Array.Empty<string>() })
        {
            var r = InProcessCli.Run(args);
            Assert.Equal(0, r.ExitCode);
            foreach (var verb in Verbs()) Assert.Contains($"  {verb} ", r.Stdout);
            Assert.Contains(ExitCodes.Table.Split('\n')[0].Trim(), r.Stdout);
            foreach (var code in new[] { "0  ok", "1  unexpected internal error", "2  bad input", "3  run failed", "4  cluster or Redis unreachable" })
                Assert.Contains(code, r.Stdout);
            Assert.Contains("--out <dir> is always the folder the verb writes into", r.Stdout);
        }
    }

    [Fact]
    public void Version_prints_the_engine_version()
    {
        var r = InProcessCli.Run("--version");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal($"carbonsim {EngineInfo.Version}", r.Stdout.Trim());
    }

    [Fact]
    public void Help_and_version_through_the_real_process()
    {
        var scratch = CliProcess.NewScratch("help");
        try
        {
            var r = CliProcess.Run(scratch, TimeSpan.FromMinutes(1), "invest", "--help");   // exited 2 before the one CLI
            Assert.True(r.ExitCode == 0, r.Stderr);
            Assert.Contains("carbonsim invest --lulc-bas", r.Stdout);
            r = CliProcess.Run(scratch, TimeSpan.FromMinutes(1), "--version");
            Assert.Equal(0, r.ExitCode);
            Assert.Equal($"carbonsim {EngineInfo.Version}", r.Stdout.Trim());
        }
        finally { CliProcess.TryDelete(scratch); }
    }
}
