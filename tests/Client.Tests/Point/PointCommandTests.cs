using CarbonSim.Client.Point;
using CarbonSim.Model.Io.Restart;
using CarbonSim.Model.Point;
using CarbonSim.Model.Tests.Io;

namespace CarbonSim.Client.Tests.Point;

public class PointCommandTests
{
    [Fact]
    public void HelpTeachesWhatAnIniIsWithAnExample()
    {
        using var ws = new PointWorkspace("help");
        var (code, output, err) = ws.Run(null, "--help");
        Assert.Equal(0, code);
        Assert.Equal("", err);
        Assert.Contains("What an ini is", output);
        Assert.Contains("MET_INPUT", output);
        Assert.Contains("carbonsim point ini_anchor_runs/enf_spinup.ini", output);
        Assert.Contains("-n, --ndep <file>", output);
        Assert.Contains("Examples", output);
    }

    [Theory]
    [InlineData(new string[0], "Required argument 'file.ini' missing")]
    [InlineData(new[] { "a.ini", "--frobnicate" }, "unknown option '--frobnicate'")]
    [InlineData(new[] { "a.ini", "-u", "-m" }, "--spinup and --model conflict")]
    [InlineData(new[] { "a.ini", "-n" }, "missing for option: '-n'")]
    [InlineData(new[] { "a.ini", "b.ini" }, "unexpected argument 'b.ini'")]
    public void BadCommandLinesExit2WithOneLine(string[] args, string fragment)
    {
        using var ws = new PointWorkspace("usage");
        var (code, _, err) = ws.Run(PointWorkspace.FakeBackend(), args);
        Assert.Equal(PointCommand.ExitUsage, code);
        Assert.Contains(fragment, err);
        Assert.Single(err.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void MissingKernelIsReportedNotCrashed()
    {
        using var ws = new PointWorkspace("nokernel");
        var (code, _, err) = ws.Run(null, "ini_anchor_runs/enf.ini");
        Assert.Equal(PointCommand.ExitFailure, code);
        Assert.Contains("kernel is not wired", err);
    }

    [Fact]
    public void SpinupThenNormalRunWritesReferenceShapedOutputsAndARestart()
    {
        using var ws = new PointWorkspace("e2e-fake");
        var spin = ws.Run(PointWorkspace.FakeBackend(spinupYears: 4), "ini_anchor_runs/enf_spinup.ini");
        Assert.True(spin.Exit == 0, spin.Err);
        Assert.Contains("spin-up years: 4", spin.Out);
        var spinCsv = File.ReadAllLines(Path.Combine(ws.Root, "outputs", "enf_spinup_spinup_annual.csv"));
        Assert.Equal(PointCsv.SpinupHeader, spinCsv[0]);
        Assert.Equal(5, spinCsv.Length);
        var restart = RestartFile.Read(Path.Combine(ws.Root, "restart", "enf.endpoint"));
        Assert.Equal(4, restart.State.Length);
        Assert.Equal(4 % 44, restart.MetYear);

        var run = ws.Run(PointWorkspace.FakeBackend(), "ini_anchor_runs/enf.ini");
        Assert.True(run.Exit == 0, run.Err);
        var annual = File.ReadAllLines(Path.Combine(ws.Root, "outputs", "enf_annual.csv"));
        Assert.Equal(File.ReadLines(Path.Combine(TestData.BgcExpected, "enf_annual.csv")).First(), annual[0]);
        Assert.Equal(45, annual.Length);
        Assert.StartsWith("1950,", annual[1]);
        Assert.StartsWith("1993,", annual[44]);
        var daily = File.ReadLines(Path.Combine(ws.Root, "outputs", "enf_daily.csv")).ToList();
        Assert.Equal(File.ReadLines(Path.Combine(TestData.BgcExpected, "enf_daily.csv")).First(), daily[0]);
        Assert.Equal(16061, daily.Count);
        Assert.DoesNotContain(ws.OutputFiles(), f => Path.GetFileName(f).StartsWith('.'));
    }

    [Fact]
    public void NdepFileOptionIsHonoured()
    {
        using var ws = new PointWorkspace("ndep");
        ws.Write("ini_anchor_runs/norestart.ini", TestData.ReplaceFirstToken(ws.Read("ini_anchor_runs/enf.ini"),
            TestData.LineOf(ws.Read("ini_anchor_runs/enf.ini"), "RESTART") + 1, "0"));
        var baseRun = ws.Run(PointWorkspace.FakeBackend(), "ini_anchor_runs/norestart.ini");
        Assert.True(baseRun.Exit == 0, baseRun.Err);
        var without = File.ReadAllLines(Path.Combine(ws.Root, "outputs", "enf_annual.csv"));
        var withN = ws.Run(PointWorkspace.FakeBackend(), "ini_anchor_runs/norestart.ini", "-n", "co2/ndep.txt");
        Assert.True(withN.Exit == 0, withN.Err);
        var with = File.ReadAllLines(Path.Combine(ws.Root, "outputs", "enf_annual.csv"));
        int col = Array.IndexOf(with[0].Split(','), "sminn_end_gN_m2");
        // the stand-in kernel accumulates deposition into mineral N: the file's rising values give more
        Assert.True(double.Parse(with[44].Split(',')[col]) > double.Parse(without[44].Split(',')[col]));
    }
}
