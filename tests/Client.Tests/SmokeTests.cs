using CarbonSim.Client.Tests.Cli;

namespace CarbonSim.Client.Tests;

/// <summary>The CLI starts, knows its verbs and refuses nonsense: the cheapest checks that the build is usable.</summary>
public class SmokeTests
{
    [Fact]
    public void The_cli_lists_its_verbs_and_exits_0()
    {
        var r = InProcessCli.Run("--help");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("run", r.Stdout);
        Assert.Contains("validate", r.Stdout);
        Assert.Contains("status", r.Stdout);
    }

    [Fact]
    public void An_unknown_verb_exits_2_with_one_line()
    {
        var r = InProcessCli.Run("no-such-verb");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Stdout);
        Assert.Single(r.ErrorLines);
    }
}
