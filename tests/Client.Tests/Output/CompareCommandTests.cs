using CarbonSim.Client.Commands;
using CarbonSim.Client.Output;
using CarbonSim.Model.Accounting;

namespace CarbonSim.Client.Tests.Output;

/// <summary><c>carbonsim compare</c>: run differences and the agreement of an allocation with an observed map.</summary>
public class CompareCommandTests
{
    private static string Grid(string dir, string name, params int[] codes)
    {
        var p = Path.Combine(dir, name);
        File.WriteAllText(p, "ncols 3\nnrows 2\nxllcorner 0\nyllcorner 0\ncellsize 1000\nNODATA_value -9999\n"
            + string.Join(" ", codes.Take(3)) + "\n" + string.Join(" ", codes.Skip(3)) + "\n");
        return p;
    }

    [Fact]
    public void Kappa_and_figure_of_merit_on_a_small_known_map()
    {
        using var tmp = new TempDir();
        // initial 1 1 1 / 1 2 2; observed changes cells 1 and 2 to 5; simulated changes cells 1 and 3 to 5.
        var init = Grid(tmp.Path, "init.asc", 1, 1, 1, 1, 2, 2);
        var obs = Grid(tmp.Path, "obs.asc", 1, 5, 5, 1, 2, 2);
        var sim = Grid(tmp.Path, "sim.asc", 1, 5, 1, 5, 2, 2);
        var row = CompareCommand.Agreement(obs, init, [sim]).Single();
        // Agreement 4/6, chance 3 × (1/3)² = 1/3 → κ = (2/3 − 1/3)/(1 − 1/3) = 0.5.
        Assert.Equal(0.5, double.Parse(row[3], System.Globalization.CultureInfo.InvariantCulture), 12);
        // One hit (cell 1), one miss (cell 2), one false alarm (cell 3): FoM = 1/3.
        Assert.Equal(1.0 / 3.0, double.Parse(row[4], System.Globalization.CultureInfo.InvariantCulture), 9);
        Assert.Equal(["1", "1", "1", "0"], row[7..11]);
    }

    [Fact]
    public void Compare_verb_writes_differences_budgets_and_agreement()
    {
        using var tmp = new TempDir();
        var opts = new OutputWriterOptions { Charts = false, GeoTiff = false };
        var a = OutputWriter.WriteAll(RunBudgets.Attach(BudgetOutputTests.ThirteenCities(), BudgetOutputTests.ScenarioWithCompensation(tmp.Path)), tmp.Sub("a"), opts);
        var b = OutputWriter.WriteAll(RunBudgets.Attach(BudgetOutputTests.ThirteenCities(-0.01), BudgetOutputTests.ScenarioWithCompensation(tmp.Path)), tmp.Sub("b"), opts);
        var obs = Grid(tmp.Path, "obs.asc", 1, 5, 5, 1, 2, 2);
        var sim = Grid(tmp.Path, "sim.asc", 1, 5, 1, 5, 2, 2);
        var r = CarbonSim.Client.Tests.Cli.InProcessCli.Run("compare", a.Directory, b.Directory, "--out", tmp.Sub("cmp"), "--no-charts", "--observed", obs, "--simulated", sim);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("kappa 0.5", r.Stdout);
        Assert.True(File.Exists(Path.Combine(tmp.Sub("cmp"), ComparisonWriter.ReportFile)));
        var (h, rows) = Csv.Read(Path.Combine(tmp.Sub("cmp"), ComparisonWriter.CitiesFile));
        Assert.Contains("delta_" + BudgetBooks.NcbColumn, h);
        Assert.Contains("delta_" + BudgetBooks.ValueColumn, h);
        Assert.Equal(13 * 3, rows.Count);
        var (ah, arows) = Csv.Read(Path.Combine(tmp.Sub("cmp"), CompareCommand.AgreementFile));
        Assert.Equal("0.5", arows.Single()[ah.ToList().IndexOf("kappa")]);
    }

    [Fact]
    public void Bad_arguments_exit_2()
    {
        Assert.Equal(2, CarbonSim.Client.Tests.Cli.InProcessCli.Run("compare", "only-one-run").ExitCode);
        Assert.Equal(2, CarbonSim.Client.Tests.Cli.InProcessCli.Run("compare", "a", "b", "--simulated", "x.asc").ExitCode);
        var r = CarbonSim.Client.Tests.Cli.InProcessCli.Run("compare", "a", "b", "--colour");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("unknown option '--colour'", r.Stderr);
    }
}
