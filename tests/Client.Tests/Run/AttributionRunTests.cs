using System.Globalization;
using CarbonSim.Client.Output;
using CarbonSim.Client.Tests.Cli;

namespace CarbonSim.Client.Tests.Run;

/// <summary><c>carbonsim run --attribution</c> end to end on an embedded silo (a land-use scenario on a coarse grid, three years).</summary>
public class AttributionRunTests
{
    static double Num(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    [Fact]
    public async Task Attribution_writes_every_city_and_year_and_the_columns_sum_to_the_full_sink()
    {
        var scenario = TestScenarios.Write("jjj-urban-expansion", 2022);
        var folder = Path.Combine(TestScenarios.Scratch(), "out");
        var r = await InProcessCli.RunAsync("run", scenario, "--out", folder, "--resolution", "50", "--tile-size", "4", "--attribution", "--attribution-method", "one-at-a-time");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("attribution (one at a time): 5 members", r.Stdout); // co2, ndep, stand_age, land_use, all_held

        var (header, rows) = Csv.Read(Path.Combine(folder, AttributionOutput.FileName));
        Assert.Equal(["city_id", "city_name", "year", "area_km2", "sink_full_gC_m2_yr", "co2_gC_m2_yr", "ndep_gC_m2_yr", "stand_age_gC_m2_yr",
                      "land_use_gC_m2_yr", "climate_gC_m2_yr", "all_held_gC_m2_yr", "residual_gC_m2_yr"], header);
        Assert.Equal((13 + 1) * 3, rows.Count); // 13 cities and the region × 2020–2022
        var cities = File.ReadAllLines(Path.Combine(folder, "cities_annual.csv")).Skip(1).Select(l => l.Split(',')[0]).Distinct().ToHashSet();
        Assert.Equal(cities.Append(AttributionOutput.RegionId).ToHashSet(), rows.Select(row => row[0]).ToHashSet());
        Assert.Equal(["2020", "2021", "2022"], rows.Select(row => row[2]).Distinct().Order());

        int col(string name) => header.ToList().IndexOf(name);
        foreach (var row in rows)
        {
            double full = Num(row[col("sink_full_gC_m2_yr")]);
            double parts = new[] { "co2", "ndep", "stand_age", "land_use", "climate", "all_held", "residual" }.Sum(f => Num(row[col(f + "_gC_m2_yr")]));
            Assert.True(Math.Abs(full - parts) <= 1e-6 * Math.Max(1, Math.Abs(full)), $"{row[0]} {row[2]}: full {full}, parts {parts}");
            Assert.Equal(0.0, Num(row[col("climate_gC_m2_yr")]));          // stationary weather: no member
            Assert.NotEqual(0.0, Num(row[col("co2_gC_m2_yr")]));           // CO2 above the spin-up's
        }
        // The full sink is the run's own NBP (cities_annual.csv, same area).
        var annual = Csv.Read(Path.Combine(folder, "cities_annual.csv"));
        int nbp = annual.Header.ToList().IndexOf("nbp_gC_m2_yr"), id = annual.Header.ToList().IndexOf("city_id"), year = annual.Header.ToList().IndexOf("year");
        var first = annual.Rows.First();
        var match = rows.Single(row => row[0] == first[id] && row[2] == first[year]);
        Assert.Equal(Num(first[nbp]), Num(match[col("sink_full_gC_m2_yr")]), 6);

        var report = File.ReadAllText(Path.Combine(folder, "report.html"));
        Assert.Contains("<h2>Sink attribution</h2>", report);
        Assert.Contains("not varied in this run (stationary weather", report);
        var manifest = File.ReadAllText(Path.Combine(folder, "manifest.json"));
        Assert.Contains("attribution land_use", manifest); // each member's wall time
        Assert.Contains(AttributionOutput.FileName, manifest);
    }

    [Fact]
    public async Task Shapley_attribution_runs_every_subset_and_leaves_only_rounding_in_the_residual()
    {
        var scenario = TestScenarios.Write("jjj-baseline", 2021);
        var folder = Path.Combine(TestScenarios.Scratch(), "out");
        var r = await InProcessCli.RunAsync("run", scenario, "--out", folder, "--resolution", "50", "--tile-size", "4", "--attribution"); // Shapley is the default
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("attribution (Shapley): 7 members", r.Stdout); // co2, ndep, stand_age varied: 2^3 − 1
        var (header, rows) = Csv.Read(Path.Combine(folder, AttributionOutput.FileName));
        int col(string name) => header.ToList().IndexOf(name);
        Assert.Equal((13 + 1) * 2, rows.Count);
        foreach (var row in rows)
        {
            double full = Num(row[col("sink_full_gC_m2_yr")]), residual = Num(row[col("residual_gC_m2_yr")]);
            Assert.True(Math.Abs(residual) <= 1e-6 * Math.Max(1, Math.Abs(full)), $"{row[0]} {row[2]}: residual {residual} of {full}");
            Assert.Equal(0.0, Num(row[col("land_use_gC_m2_yr")])); // the baseline has no land-use change
        }
        Assert.Contains("Shapley: a member for every subset", File.ReadAllText(Path.Combine(folder, "report.html")));
    }

    [Theory]
    [InlineData(new[] { "--attribution-method", "shapley" }, "--attribution-method needs --attribution")]
    [InlineData(new[] { "--attribution", "--attribution-method", "sobol" }, "expected shapley or one-at-a-time")]
    public async Task A_bad_attribution_method_is_refused_before_anything_runs(string[] args, string message)
    {
        var folder = Path.Combine(TestScenarios.Scratch(), "out");
        var r = await InProcessCli.RunAsync(["run", TestScenarios.Write("jjj-baseline", 2021), "--out", folder, .. args]);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(message, Assert.Single(r.ErrorLines));
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void Run_help_shows_the_option_with_an_example_and_submit_refuses_it_clearly()
    {
        var help = InProcessCli.Run("run", "--help");
        Assert.Contains("--attribution", help.Stdout);
        Assert.Contains("carbonsim run scenarios/jjj-urban-expansion.yaml --attribution", help.Stdout);
        Assert.Contains("--attribution-method", help.Stdout);

        var submit = InProcessCli.Run("submit", "scenarios/jjj-baseline.yaml", "--attribution");
        Assert.Equal(2, submit.ExitCode);
        var line = Assert.Single(submit.ErrorLines);
        Assert.Contains("--attribution is not available with submit", line);
        Assert.Contains("carbonsim run", line);
    }
}
