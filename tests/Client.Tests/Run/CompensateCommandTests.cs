using System.Globalization;
using CarbonSim.Client.Output;
using CarbonSim.Client.Tests.Cli;

namespace CarbonSim.Client.Tests.Run;

/// <summary>
/// <c>carbonsim compensate</c> on a finished engine run (the bundled baseline, coarse grid, 2020–2027 so the
/// 5-year window matters): the run's own settings reproduce its books byte for byte; price, scheme and
/// window can be changed without simulating.
/// </summary>
public class CompensateCommandTests : IClassFixture<CompensateCommandTests.FinishedRun>
{
    /// <summary>One coarse engine run shared by the tests (read only).</summary>
    public sealed class FinishedRun
    {
        public string Folder { get; }
        public string Dir { get; } = TestScenarios.Scratch();
        public FinishedRun()
        {
            Folder = Path.Combine(Dir, "run");
            var r = InProcessCli.RunAsync(["run", TestScenarios.Write("jjj-baseline", 2027), "--out", Folder, "--resolution", "50", "--tile-size", "2"])
                .GetAwaiter().GetResult();
            if (r.ExitCode != 0) throw new InvalidOperationException(r.Stderr);
        }
    }

    readonly FinishedRun _run;
    public CompensateCommandTests(FinishedRun run) => _run = run;

    string Out(string name) => Path.Combine(_run.Dir, name + "-" + Guid.NewGuid().ToString("N")[..8]);

    static (string[] Header, List<string[]> Rows) Read(string path)
    {
        var (h, rows) = Csv.Read(path);
        return (h.ToArray(), rows.Select(r => r.ToArray()).ToList());
    }

    static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    [Fact]
    public void The_baseline_run_closes_the_books_and_money_moves_every_year()
    {
        foreach (var f in new[] { BudgetTables.BudgetsFile, BudgetTables.LedgerFile, BudgetTables.InputsFile, BudgetTables.SettingsFile })
            Assert.True(File.Exists(Path.Combine(_run.Folder, f)), f);
        var (h, ledger) = Read(Path.Combine(_run.Folder, BudgetTables.LedgerFile));
        int entry = Array.IndexOf(h, "entry"), amount = Array.IndexOf(h, "amount_RMB_yr");
        var paid = ledger.Where(r => r[entry] == "total_paid").ToList();
        Assert.Equal(8, paid.Count);
        foreach (var r in paid)
        {
            Assert.True(D(r[amount]) > 0, $"nothing paid in {r[0]}");
            var received = ledger.Single(x => x[0] == r[0] && x[entry] == "total_received");
            Assert.True(Math.Abs(D(r[amount]) - D(received[amount])) <= 1e-9 * D(r[amount]));
        }
    }

    [Fact]
    public void With_the_runs_own_settings_the_books_are_reproduced_byte_for_byte()
    {
        var o = Out("same");
        var r = InProcessCli.Run("compensate", _run.Folder, "--out", o);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("relative_budget, window 5 a, hysteresis ", r.Stdout);
        foreach (var f in new[] { BudgetTables.BudgetsFile, BudgetTables.LedgerFile, BudgetTables.InputsFile, BudgetTables.SettingsFile, BudgetTables.FlowsFile, BudgetTables.CumulativeFile })
            Assert.Equal(File.ReadAllBytes(Path.Combine(_run.Folder, f)), File.ReadAllBytes(Path.Combine(o, f)));
    }

    [Fact]
    public void Flows_and_cumulative_transfers_add_up_to_the_ledger()
    {
        var (lh, ledger) = Read(Path.Combine(_run.Folder, BudgetTables.LedgerFile));
        double paid = ledger.Where(r => r[Array.IndexOf(lh, "entry")] == "total_paid").Sum(r => D(r[Array.IndexOf(lh, "amount_RMB_yr")]));
        var (fh, flows) = Read(Path.Combine(_run.Folder, BudgetTables.FlowsFile));
        Assert.Equal(paid, flows.Sum(r => D(r[Array.IndexOf(fh, "amount_RMB_total")])), paid * 1e-9);
        var (ch, cities) = Read(Path.Combine(_run.Folder, BudgetTables.CumulativeFile));
        Assert.Equal(13, cities.Count);
        Assert.Equal(paid, cities.Sum(r => D(r[Array.IndexOf(ch, "paid_RMB_total")])), paid * 1e-9);
        Assert.Equal(paid, cities.Sum(r => D(r[Array.IndexOf(ch, "received_RMB_total")])), paid * 1e-9);
        Assert.Equal(0, cities.Sum(r => D(r[Array.IndexOf(ch, "net_received_RMB_total")])), paid * 1e-9);
        Assert.All(cities, r => Assert.Equal("2020-2027", r[0]));
    }

    [Fact]
    public void Doubling_the_price_doubles_every_amount()
    {
        var (bh, budgets) = Read(Path.Combine(_run.Folder, BudgetTables.BudgetsFile));
        double price = D(budgets[0][Array.IndexOf(bh, "price_RMB_per_tCO2")]);
        string a = Out("p1"), b = Out("p2");
        Assert.Equal(0, InProcessCli.Run("compensate", _run.Folder, "--price", price.ToString("R", CultureInfo.InvariantCulture), "--out", a).ExitCode);
        Assert.Equal(0, InProcessCli.Run("compensate", _run.Folder, "--price", (2 * price).ToString("R", CultureInfo.InvariantCulture), "--out", b).ExitCode);
        Assert.Equal(File.ReadAllBytes(Path.Combine(_run.Folder, BudgetTables.BudgetsFile)), File.ReadAllBytes(Path.Combine(a, BudgetTables.BudgetsFile)));
        var (h1, r1) = Read(Path.Combine(a, BudgetTables.BudgetsFile));
        var (_, r2) = Read(Path.Combine(b, BudgetTables.BudgetsFile));
        int compared = 0;
        foreach (var col in new[] { "value_RMB_yr", "paid_RMB_yr", "received_RMB_yr", "price_RMB_per_tCO2" })
        {
            int c = Array.IndexOf(h1, col);
            for (int i = 0; i < r1.Count; i++, compared++)
                Assert.True(Math.Abs(2 * D(r1[i][c]) - D(r2[i][c])) <= 1e-9 * Math.Abs(D(r2[i][c])), $"{col} row {i}: {r1[i][c]} vs {r2[i][c]}");
        }
        Assert.True(compared > 100);
        var (lh, l1) = Read(Path.Combine(a, BudgetTables.LedgerFile));
        var (_, l2) = Read(Path.Combine(b, BudgetTables.LedgerFile));
        int amt = Array.IndexOf(lh, "amount_RMB_yr");
        Assert.Equal(l1.Count, l2.Count);
        for (int i = 0; i < l1.Count; i++) Assert.True(Math.Abs(2 * D(l1[i][amt]) - D(l2[i][amt])) <= 1e-9 * Math.Abs(D(l2[i][amt])));
    }

    [Fact]
    public void Surplus_deficit_never_pays_a_receiver_more_than_its_entitlement()
    {
        var o = Out("sd");
        var r = InProcessCli.Run("compensate", _run.Folder, "--scheme", "surplus_deficit", "--window", "1", "--out", o);
        Assert.True(r.ExitCode == 0, r.Stderr);
        var (h, rows) = Read(Path.Combine(o, BudgetTables.BudgetsFile));
        int v = Array.IndexOf(h, "value_RMB_yr"), rec = Array.IndexOf(h, "received_RMB_yr"), scheme = Array.IndexOf(h, "scheme");
        Assert.All(rows, x => Assert.Equal("surplus_deficit", x[scheme]));
        foreach (var x in rows.Where(x => D(x[rec]) > 0))
            Assert.True(D(x[rec]) <= D(x[v]) * (1 + 1e-9), $"{x[2]} {x[0]}: received {x[rec]} > entitlement {x[v]}");
        Assert.Contains("window_years,1", File.ReadAllText(Path.Combine(o, BudgetTables.SettingsFile)));
    }

    [Fact]
    public void The_sensitivity_grid_row_at_the_runs_price_and_window_equals_the_plain_books()
    {
        var o = Out("grid");
        var r = InProcessCli.Run("compensate", _run.Folder, "--sensitivity", "--no-charts", "--out", o);
        Assert.True(r.ExitCode == 0, r.Stderr);
        var (h, rows) = Read(Path.Combine(o, SensitivityReport.CsvFile));
        Assert.Equal(9, rows.Count);
        int pf = Array.IndexOf(h, "price_factor"), w = Array.IndexOf(h, "window_years"), paid = Array.IndexOf(h, "total_paid_RMB");
        Assert.Equal(["0.5", "1", "2"], rows.Select(x => x[pf]).Distinct());
        Assert.Equal(["1", "5", "10"], rows.Select(x => x[w]).Distinct());
        var plain = rows.Single(x => x[pf] == "1" && x[w] == "5");
        // The plain books (= the run's, tested above): the ledger's total paid and each city's cumulative net, to the written digit.
        var (lh, ledger) = Read(Path.Combine(_run.Folder, BudgetTables.LedgerFile));
        double total = ledger.Where(x => x[Array.IndexOf(lh, "entry")] == "total_paid").Sum(x => D(x[Array.IndexOf(lh, "amount_RMB_yr")]));
        Assert.Equal(total, D(plain[paid]), total * 1e-9);
        var (ch, cities) = Read(Path.Combine(_run.Folder, BudgetTables.CumulativeFile));
        Assert.Equal(13, cities.Count);
        foreach (var c in cities)
            Assert.Equal(c[Array.IndexOf(ch, "net_received_RMB_total")], plain[Array.IndexOf(h, SensitivityReport.NetColumn("RMB", c[Array.IndexOf(ch, "city_id")]))]);
        // Doubling the price doubles the total, and the window changes it.
        Assert.Equal(2 * D(plain[paid]), D(rows.Single(x => x[pf] == "2" && x[w] == "5")[paid]), total * 1e-9);
        Assert.NotEqual(plain[paid], rows.Single(x => x[pf] == "1" && x[w] == "1")[paid]);
        var html = File.ReadAllText(Path.Combine(o, SensitivityReport.HtmlFile));
        Assert.Contains("Sensitivity of the transfers to price and window", html);
        Assert.Contains("Tangshan", html);
        // The books of the chosen settings are written too, unchanged.
        Assert.Equal(File.ReadAllBytes(Path.Combine(_run.Folder, BudgetTables.BudgetsFile)), File.ReadAllBytes(Path.Combine(o, BudgetTables.BudgetsFile)));
    }

    [Theory]
    [InlineData("--price-factors", "1,x", "--price-factors: got 'x', expected a comma-separated list of price factors")]
    [InlineData("--windows", "1,0", "window: got '0', expected a smoothing window of at least 1 year")]
    public void Bad_grid_options_give_one_line_exit_2_and_no_folder(string option, string value, string message)
    {
        var o = Out("badgrid");
        var r = InProcessCli.Run("compensate", _run.Folder, "--sensitivity", option, value, "--out", o);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(message, Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        Assert.False(Directory.Exists(o));
    }

    [Theory]
    [InlineData("--scheme", "fair_share", "--scheme: got 'fair_share', expected one of relative_budget, surplus_deficit, zoned")]
    [InlineData("--window", "0", "--window: got '0', expected a smoothing window of at least 1 year")]
    [InlineData("--price", "-1", "--price: got '-1'")]
    public void Bad_options_give_one_line_exit_2_and_no_folder(string option, string value, string message)
    {
        var o = Out("bad");
        var r = InProcessCli.Run("compensate", _run.Folder, option, value, "--out", o);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(message, Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        Assert.False(Directory.Exists(o));
    }

    [Fact]
    public void A_folder_without_books_is_refused()
    {
        var r = InProcessCli.Run("compensate", _run.Dir, "--out", Out("none"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("compensation_settings.csv", r.Stderr);
    }
}
