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

    static readonly string[] Btl = ["110000", "120000", "131000"];
    static readonly string[] Rest = ["130100", "130200", "130300", "130400", "130500", "130600", "130700", "130800", "130900", "131100"];

    /// <summary>Two runs with books; each gets a land-use map of 2022 (b differs from a in two cells).</summary>
    static (string A, string B) TwoRuns(TempDir tmp)
    {
        var opts = new OutputWriterOptions { Charts = false, GeoTiff = false };
        var a = OutputWriter.WriteAll(RunBudgets.Attach(BudgetOutputTests.ThirteenCities(), BudgetOutputTests.ScenarioWithCompensation(tmp.Path, scheme: "relative_budget")), tmp.Sub("a"), opts);
        var b = OutputWriter.WriteAll(RunBudgets.Attach(BudgetOutputTests.ThirteenCities(-0.01), BudgetOutputTests.ScenarioWithCompensation(tmp.Path, scheme: "relative_budget")), tmp.Sub("b"), opts);
        foreach (var (dir, codes) in new[] { (a.Directory, new[] { 1, 1, 1, 2, 2, 2 }), (b.Directory, new[] { 1, 5, 5, 2, 2, 2 }) })
        {
            Directory.CreateDirectory(Path.Combine(dir, "rasters"));
            Grid(Path.Combine(dir, "rasters"), "land_use_2022_class_code.asc", codes);
        }
        return (a.Directory, b.Directory);
    }

    static double D(string s) => double.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void The_report_has_compensation_land_use_difference_agreement_and_groups()
    {
        using var tmp = new TempDir();
        var (a, b) = TwoRuns(tmp);
        var obs = Grid(tmp.Path, "obs.asc", 1, 5, 5, 1, 2, 2);
        var init = Grid(tmp.Path, "init.asc", 1, 1, 1, 1, 2, 2);
        var sim = Grid(tmp.Path, "sim.asc", 1, 5, 1, 5, 2, 2);
        string o = tmp.Sub("cmp");
        var r = CarbonSim.Client.Tests.Cli.InProcessCli.Run("compare", a, b, "--out", o, "--no-charts", "--observed", obs, "--initial", init, "--simulated", sim,
            "--group", "BTL=" + string.Join(",", Btl), "--group", "rest=" + string.Join(",", Rest));
        Assert.True(r.ExitCode == 0, r.Stderr);
        var html = File.ReadAllText(Path.Combine(o, ComparisonWriter.ReportFile));
        Assert.Contains("Compensation: who pays and who receives", html);
        Assert.Contains("Land-use map difference from the baseline", html);
        Assert.Contains("2 of 6 cells (33.33 %) differ", html);
        Assert.Contains("Agreement with the observed map", html);
        Assert.Contains("<td class=\"n\">0.5</td>", html);            // Kappa, as in agreement.csv
        Assert.Contains("Regions side by side: city groups", html);

        // Who pays and receives: the report's net per city is compensation_cumulative.csv's.
        var (ch, cum) = Csv.Read(Path.Combine(a, BudgetTables.CumulativeFile));
        var beijing = cum.Single(x => x[ch.ToList().IndexOf("city_id")] == "110000");
        double net = D(beijing[ch.ToList().IndexOf("net_received_RMB_total")]);
        Assert.Contains($"<td>Beijing</td><td class=\"n\">{(net / 1e9).ToString("N2", System.Globalization.CultureInfo.InvariantCulture)}</td>", html);

        var (lh, land) = Csv.Read(Path.Combine(o, CompareSections.LandUseFile));
        var row = Assert.Single(land);
        Assert.Equal(["budgets-b", "budgets-a", "2022", "1", "5", "2"], row.Take(6));

        var (gh, groups) = Csv.Read(Path.Combine(o, CompareSections.GroupsFile));
        int Col(string c) => gh.ToList().IndexOf(c);
        Assert.Equal(4, groups.Count);
        var btl = groups.Single(x => x[Col("scenario")] == "budgets-a" && x[Col("group")] == "BTL");
        Assert.Equal(21893095.0 + 13866009 + 5464087, D(btl[Col("population_persons")]));
        // The groups cover every city: their areas add up to the region's, and the zero-sum scheme's nets cancel.
        var (rh, region) = Csv.Read(Path.Combine(a, "region_annual.csv"));
        double regionArea = D(region[^1][rh.ToList().IndexOf("area_km2")]);
        foreach (var run in new[] { "budgets-a", "budgets-b" })
        {
            var two = groups.Where(x => x[Col("scenario")] == run).ToList();
            Assert.Equal(regionArea, two.Sum(x => D(x[Col("area_km2")])), 1e-6 * regionArea);
            double paid = two.Sum(x => D(x[Col("paid_RMB_total")]));
            Assert.True(paid > 0);
            Assert.Equal(0, two.Sum(x => D(x[Col("net_received_RMB_total")])), paid * 1e-9);
            // Per capita = net / Σ population-years (3 years, population held flat).
            foreach (var g in two)
                Assert.Equal(D(g[Col("net_received_RMB_total")]) / (3 * D(g[Col("population_persons")])), D(g[Col("net_received_RMB_per_person_yr")]), 1e-6);
        }
    }

    [Fact]
    public void One_run_with_two_groups_is_enough_and_bad_groups_exit_2()
    {
        using var tmp = new TempDir();
        var (a, _) = TwoRuns(tmp);
        var ok = CarbonSim.Client.Tests.Cli.InProcessCli.Run("compare", a, "--out", tmp.Sub("one"), "--no-charts", "--group", "BTL=" + string.Join(",", Btl), "--group", "rest=" + string.Join(",", Rest));
        Assert.True(ok.ExitCode == 0, ok.Stderr);
        Assert.Equal(2, Csv.Read(Path.Combine(tmp.Sub("one"), CompareSections.GroupsFile)).Rows.Count);
        foreach (var (args, message) in new (string[], string)[]
        {
            (["--group", "BTL"], "--group: got 'BTL', expected NAME=city_id,city_id,..."),
            (["--group", "A=110000", "--group", "B=999999"], "group B city 999999: got 'not in the run'"),
            (["--group", "A=110000"], "expected at least two --group options"),
        })
        {
            string o = tmp.Sub("bad-" + Guid.NewGuid().ToString("N")[..6]);
            var r = CarbonSim.Client.Tests.Cli.InProcessCli.Run(["compare", a, "--out", o, "--no-charts", .. args]);
            Assert.Equal(2, r.ExitCode);
            Assert.Contains(message, Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
            Assert.False(Directory.Exists(o));
        }
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
