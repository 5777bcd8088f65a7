using System.Text.Json;
using CarbonSim.Client.Output;
using CarbonSim.Model.Accounting;
using CarbonSim.Model.Output;
using CarbonSim.Model.Scenarios;

namespace CarbonSim.Client.Tests.Output;

/// <summary>Budgets and compensation closed after a run (issue #5): books, ledger balance, CSVs, report and compare.</summary>
public class BudgetOutputTests
{
    /// <summary>The 13 JJJ cities with made-up fluxes: some cities a source (negative NEP) in some years.</summary>
    internal static RunResults ThirteenCities(double nepShift = 0)
    {
        var boundaries = RepoData.Path("jjj", "cities.geojson");
        using var doc = JsonDocument.Parse(File.ReadAllBytes(boundaries));
        var cities = doc.RootElement.GetProperty("features").EnumerateArray().Select(f =>
        {
            var p = f.GetProperty("properties");
            return new CityInfo(p.GetProperty("id").GetString()!, p.GetProperty("name").GetString()!, "", "");
        }).ToList();
        int[] years = [2020, 2021, 2022];
        var rows = new List<CityYear>();
        for (int k = 0; k < cities.Count; k++)
            foreach (var y in years)
                rows.Add(new CityYear
                {
                    CityId = cities[k].Id, Year = y, AreaM2 = (8 + k) * 1e9,
                    Gpp = 0.7, Npp = 0.3, Nep = 0.02 * (k - 3) + 0.001 * (y - 2020) + nepShift, Nbp = 0.01 * (k - 4), Hr = 0.25,
                    VegC = 1.5, LitterC = 0.3, SoilC = 6.0, TotalC = 7.8 + nepShift * (y - 2019),
                });
        return new RunResults
        {
            ScenarioName = nepShift == 0 ? "budgets-a" : "budgets-b", ScenarioSha256 = new string('d', 64), Years = years, Cities = cities, CityYears = rows,
            RegionYears = years.Select(y => RegionYear.Aggregate(y, rows)).ToList(), BoundariesPath = boundaries,
        };
    }

    /// <summary>The baseline's text without its emissions and compensation sections, data paths absolute.</summary>
    internal static string BaselineWithoutBooks()
    {
        var data = RepoData.Path();
        var text = File.ReadAllText(Path.Combine(data, "..", "scenarios", "jjj-baseline.yaml")).Replace("../data/", data + "/");
        return System.Text.RegularExpressions.Regex.Replace(text, @"(?m)^(emissions|compensation):[^\n]*\n(?:[ \t]+[^\n]*\n)*", "");
    }

    internal static Scenario ScenarioWithCompensation(string tmp, double price = 62.36, string sink = "nep", string scheme = "surplus_deficit", int window = 1)
    {
        var data = RepoData.Path();
        var text = BaselineWithoutBooks()
                   + $"\nemissions:\n  inventory: {data}/jjj/emissions.csv\n  economy: {data}/jjj/economy.csv\n"
                   + $"compensation:\n  price_rmb_per_t_co2: {price.ToString(System.Globalization.CultureInfo.InvariantCulture)}\n  sink: {sink}\n  k: {{\"130100\": 0.5}}\n"
                   + $"  scheme: {scheme}\n  window_years: {window}\n";
        var path = Path.Combine(tmp, $"s-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, text);
        return ScenarioLoader.Load(path);
    }

    [Fact]
    public void Books_follow_the_city_series_and_the_ledger_balances_every_year()
    {
        using var tmp = new TempDir();
        var run = RunBudgets.Attach(ThirteenCities(), ScenarioWithCompensation(tmp.Path));
        var b = run.Budgets!;
        Assert.Equal(3, b.Years.Count);
        foreach (var y in b.Years)
        {
            Assert.Equal(13, y.Cities.Length);
            Assert.True(y.TotalPaidRmb > 0);
            Assert.Equal(y.TotalPaidRmb, y.TotalReceivedRmb, y.TotalPaidRmb * 1e-12);
            foreach (var c in y.Cities.Where(c => c.ValueRmb > 0)) Assert.True(c.ReceivedRmb <= c.ValueRmb * (1 + 1e-12));   // surplus_deficit
            Assert.Equal(y.TotalPaidRmb, y.Transfers.Sum(t => t.AmountRmb), y.TotalPaidRmb * 1e-12);
            foreach (var c in y.Cities)
            {
                var row = run.Row(c.CityId, y.Year)!;
                Assert.Equal(row.Nep * row.AreaM2 / 1000 * 44 / 12, c.SinkTCo2, Math.Abs(c.SinkTCo2) * 1e-12 + 1e-9);
                Assert.Equal(c.SinkTCo2 - c.EmissionTCo2, c.NcbTCo2, 1e-6);
                Assert.Equal(c.NcbTCo2 * 62.36 * (c.CityId == "130100" ? 0.5 : 1.0), c.ValueRmb, Math.Abs(c.ValueRmb) * 1e-12 + 1e-6);
                Assert.Equal(c.SinkTCo2, row.Extra[BudgetBooks.SinkColumn]);
            }
            var region = run.RegionRow(y.Year)!;
            Assert.Equal(y.Cities.Sum(c => c.EmissionTCo2), region.Extra[BudgetBooks.EmissionsColumn], 1e-3);
            Assert.Equal(region.Extra[BudgetBooks.PaidColumn], region.Extra[BudgetBooks.ReceivedColumn], y.TotalPaidRmb * 1e-12);
        }
        // Emission years after the CEADs data are flagged illustrative.
        Assert.Contains(b.Emissions, e => !e.Observed && e.Basis.StartsWith("illustrative", StringComparison.Ordinal));
    }

    [Fact]
    public void Relative_budget_is_zero_sum_and_moves_money_every_year()
    {
        using var tmp = new TempDir();
        var run = RunBudgets.Attach(ThirteenCities(), ScenarioWithCompensation(tmp.Path, scheme: "relative_budget", window: 5));
        foreach (var y in run.Budgets!.Years)
        {
            Assert.True(y.TotalPaidRmb > 0);
            Assert.Equal(0, y.UnmatchedRmb);
            Assert.True(Math.Abs(y.TotalPaidRmb - y.TotalReceivedRmb) <= 1e-9 * y.TotalPaidRmb);
            foreach (var c in y.Cities.Where(c => c.CityId != "130100"))   // k = 1: a receiver gets its entitlement
                if (c.ValueRmb > 0) Assert.True(c.ReceivedRmb > 0);
        }
        var c2022 = run.Budgets.Years[2].Cities[0];
        var means = run.Budgets.Years.Select(y => y.Cities[0].SinkTCo2).Average();
        Assert.Equal(means, c2022.SinkMeanTCo2, Math.Abs(means) * 1e-12);   // window covers 2020–2022
    }

    [Fact]
    public void Nbp_basis_uses_nbp()
    {
        using var tmp = new TempDir();
        var run = RunBudgets.Attach(ThirteenCities(), ScenarioWithCompensation(tmp.Path, sink: "nbp"));
        var c = run.Budgets!.Years[0].Cities[0];
        var row = run.Row(c.CityId, 2020)!;
        Assert.Equal(row.NbpKg / 1000 * 44 / 12, c.SinkTCo2, 1e-6);
        Assert.Equal("nbp", run.Budgets.SinkBasis);
    }

    [Fact]
    public void Scenario_without_compensation_leaves_the_run_unchanged()
    {
        var run = ThirteenCities();
        using var tmp = new TempDir();
        var path = Path.Combine(tmp.Path, "no-books.yaml");
        File.WriteAllText(path, BaselineWithoutBooks());
        var same = RunBudgets.Attach(run, ScenarioLoader.Load(path));
        Assert.Same(run, same);
        var res = OutputWriter.WriteAll(run, tmp.Sub("o"), new OutputWriterOptions { Charts = false, GeoTiff = false });
        Assert.DoesNotContain(BudgetTables.BudgetsFile, res.Files);
        Assert.DoesNotContain("Carbon budgets", File.ReadAllText(Path.Combine(res.Directory, HtmlReport.FileName)));
    }

    [Fact]
    public void Budgets_and_ledger_are_written_with_units_and_reported()
    {
        using var tmp = new TempDir();
        var run = RunBudgets.Attach(ThirteenCities(), ScenarioWithCompensation(tmp.Path));
        var res = OutputWriter.WriteAll(run, tmp.Sub("o"), new OutputWriterOptions { Charts = false, GeoTiff = false });
        Assert.Contains(BudgetTables.BudgetsFile, res.Files);
        Assert.Contains(BudgetTables.LedgerFile, res.Files);
        var (h, rows) = Csv.Read(Path.Combine(res.Directory, BudgetTables.BudgetsFile));
        Assert.Equal(13 * 3, rows.Count);
        foreach (var col in new[] { "scheme", "sink_tCO2_yr", "emissions_tCO2_yr", "gdp_billion_RMB_yr", "sink_mean_tCO2_yr", "emissions_mean_tCO2_yr", "ncb_tCO2_yr", "esc_ratio", "ecc_ratio", "zone", "value_RMB_yr", "priority_rank" })
            Assert.Contains(col, h);
        var (lh, ledger) = Csv.Read(Path.Combine(res.Directory, BudgetTables.LedgerFile));
        int amount = lh.ToList().IndexOf("amount_RMB_yr"), entry = lh.ToList().IndexOf("entry");
        foreach (var y in new[] { "2020", "2021", "2022" })
        {
            double transfers = ledger.Where(r => r[0] == y && r[entry] == "transfer").Sum(r => double.Parse(r[amount], System.Globalization.CultureInfo.InvariantCulture));
            double paid = double.Parse(ledger.Single(r => r[0] == y && r[entry] == "total_paid")[amount], System.Globalization.CultureInfo.InvariantCulture);
            double received = double.Parse(ledger.Single(r => r[0] == y && r[entry] == "total_received")[amount], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(paid, received, paid * 1e-9);
            Assert.Equal(paid, transfers, paid * 1e-9);
        }
        var (ch, crow) = Csv.Read(Path.Combine(res.Directory, AnnualTables.CitiesFile));
        Assert.Contains(BudgetBooks.NcbColumn, ch);
        var html = File.ReadAllText(Path.Combine(res.Directory, HtmlReport.FileName));
        Assert.Contains("Carbon budgets and horizontal compensation", html);
        Assert.Contains(BudgetTables.LedgerFile, html);
    }

    [Fact]
    public void Compare_carries_budget_differences()
    {
        using var tmp = new TempDir();
        var a = OutputWriter.WriteAll(RunBudgets.Attach(ThirteenCities(), ScenarioWithCompensation(tmp.Path)), tmp.Sub("a"), new OutputWriterOptions { Charts = false, GeoTiff = false });
        var b = OutputWriter.WriteAll(RunBudgets.Attach(ThirteenCities(0.01), ScenarioWithCompensation(tmp.Path)), tmp.Sub("b"), new OutputWriterOptions { Charts = false, GeoTiff = false });
        var cmp = ComparisonWriter.WriteAll([a.Directory, b.Directory], tmp.Sub("cmp"), new ComparisonOptions { Charts = false });
        var (h, rows) = Csv.Read(Path.Combine(cmp.Directory, ComparisonWriter.RegionFile));
        int col = h.ToList().IndexOf(ComparisonWriter.DeltaPrefix + BudgetBooks.SinkColumn);
        Assert.True(col >= 0, string.Join(",", h));
        // +0.01 kgC m-2 a-1 NEP over the region's area: Δsink = 0.01 × ΣA / 1000 × 44/12 t CO2.
        double area = ThirteenCities().RegionYears[0].AreaM2;
        Assert.Contains(rows, r => double.TryParse(r[col], System.Globalization.CultureInfo.InvariantCulture, out var v) && Math.Abs(v - 0.01 * area / 1000 * 44 / 12) < 1e-3 * 0.01 * area / 1000 * 44 / 12);
    }
}
