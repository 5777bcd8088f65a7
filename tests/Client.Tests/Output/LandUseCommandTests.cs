using CarbonSim.Client.Tests.Cli;
using CarbonSim.Client.Output;

namespace CarbonSim.Client.Tests.Output;

/// <summary><c>carbonsim landuse</c> on a named scenario, then <c>carbonsim compare</c> of two of them.</summary>
public class LandUseCommandTests
{
    private static string Scenario(string name) => Path.Combine(RepoData.Path(), "..", "scenarios", name + ".yaml");

    [Fact]
    public void Two_scenarios_run_and_compare_with_the_expected_sign()
    {
        using var tmp = new TempDir();
        Assert.Equal(0, InProcessCli.Run("landuse", Scenario("jjj-urban-expansion"), "--out", tmp.Sub("urban"), "--no-charts").ExitCode);
        Assert.Equal(0, InProcessCli.Run("landuse", Scenario("jjj-ecological-protection"), "--out", tmp.Sub("eco"), "--no-charts").ExitCode);
        Assert.Single(Directory.GetFiles(Path.Combine(tmp.Sub("urban"), "rasters"), "landuse_2060_*.asc"));
        // The scenario names references, but the landuse verb has no fluxes: it says why nothing is compared.
        Assert.False(File.Exists(Path.Combine(tmp.Sub("urban"), "validation.csv")));
        Assert.Contains("carbonsim landuse runs no process model", File.ReadAllText(Path.Combine(tmp.Sub("urban"), "report.html")));
        Assert.Equal(0, InProcessCli.Run("compare", tmp.Sub("eco"), tmp.Sub("urban"), "--out", tmp.Sub("cmp"), "--no-charts").ExitCode);
        var (h, rows) = Csv.Read(Path.Combine(tmp.Sub("cmp"), ComparisonWriter.RegionFile));
        int year = h.ToList().IndexOf("year"), d = h.ToList().IndexOf("delta_totalc_TgC"), shortfall = h.ToList().IndexOf("delta_demand_shortfall_cells_yr");
        Assert.True(d >= 0 && shortfall >= 0, string.Join(",", h));
        var last = rows.Single(r => r[year] == "2060");
        // Urban expansion (run) minus ecological protection (baseline): less carbon.
        Assert.True(double.Parse(last[d], System.Globalization.CultureInfo.InvariantCulture) < 0, last[d]);
        Assert.All(rows, r => Assert.Equal(0, double.Parse(r[shortfall], System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Missing_scenario_exits_2() => Assert.Equal(2, InProcessCli.Run("landuse", "/nonexistent.yaml").ExitCode);
}
