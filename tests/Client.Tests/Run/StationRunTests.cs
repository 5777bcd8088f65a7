using CarbonSim.Client.Output;
using CarbonSim.Client.Tests.Cli;

namespace CarbonSim.Client.Tests.Run;

/// <summary>
/// Station-driven runs (scenarios/beijing-station.yaml cut to a few years, no history, 50 km): the scenario's calendar
/// years pick the record's years, a run past the record's end is refused unless it asks to cycle, and the output holds
/// the real climate next to the generator's.
/// </summary>
public class StationRunTests
{
    static string Beijing(int start, int end, string beyond = "cycle")
    {
        return TestScenarios.Write("beijing-station", end, t =>
        {
            t = t[..t.IndexOf("\nhistory:", StringComparison.Ordinal)] + "\n" + t[t.IndexOf("outputs:", StringComparison.Ordinal)..];
            return t.Replace("  start: 1960\n  end: 2012", $"  start: {start}\n  end: {end}")
                .Replace("raster_years: [1960, 2012]", $"raster_years: [{start}]")
                .Replace("beyond_record: cycle", $"beyond_record: {beyond}")
                .Replace("    year: 1960\n", $"    year: {start}\n");
        });
    }

    static async Task<(int Code, string Out, string Err, string Dir)> Run(string scenario)
    {
        var outDir = Path.Combine(Path.GetDirectoryName(scenario)!, "out");
        var r = await InProcessCli.RunAsync(["run", scenario, "--out", outDir, "--resolution", "50"]);
        return (r.ExitCode, r.Stdout, r.Stderr, outDir);
    }

    static double[] Column(string csv, string column)
    {
        var (header, rows) = Csv.Read(csv);
        int k = header.ToList().IndexOf(column);
        Assert.True(k >= 0, $"{csv} has no column {column}");
        return rows.Select(r => double.Parse(r[k], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
    }

    [Fact]
    public async Task Different_years_over_the_same_record_give_different_results_and_the_real_climate_is_reported()
    {
        var a = await Run(Beijing(1961, 1963, "error"));
        var b = await Run(Beijing(1991, 1993, "error"));
        Assert.True(a.Code == 0, a.Err);
        Assert.True(b.Code == 0, b.Err);
        var nppA = Column(Path.Combine(a.Dir, "region_annual.csv"), "npp_gC_m2_yr");
        var nppB = Column(Path.Combine(b.Dir, "region_annual.csv"), "npp_gC_m2_yr");
        Assert.Equal(3, nppA.Length);
        Assert.NotEqual(nppA, nppB);
        // climate_monthly.csv: the record's monthly means of the simulated years, and the generator's.
        var (header, rows) = Csv.Read(Path.Combine(a.Dir, ClimateTable.FileName));
        Assert.Equal(2 * 13, rows.Count);
        Assert.All(rows, r => Assert.Equal("1961", r[3]));
        Assert.Contains(rows, r => r[2] == "generator");
        var precipA = rows.Single(r => r[2] == "station_record" && r[5] == "0")[header.ToList().IndexOf("prcp_mm")];
        var (_, rowsB) = Csv.Read(Path.Combine(b.Dir, ClimateTable.FileName));
        Assert.NotEqual(precipA, rowsB.Single(r => r[2] == "station_record" && r[5] == "0")[header.ToList().IndexOf("prcp_mm")]);
        Assert.Contains("Climate: station record and weather generator", File.ReadAllText(Path.Combine(a.Dir, HtmlReport.FileName)));
    }

    [Fact]
    public async Task Past_the_record_is_refused_unless_the_scenario_cycles_it()
    {
        var bad = Beijing(2010, 2014, "error");
        var r = await Run(bad);
        Assert.Equal(2, r.Code);
        Assert.Equal("", r.Out);
        var line = Assert.Single(r.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"{bad}: years: got 'years 2010–2014', expected years inside the station record 1951–2012 (or 'climate.beyond_record: cycle' to cycle the record)", line);
        Assert.False(Directory.Exists(r.Dir));
        var ok = await Run(Beijing(2010, 2014, "cycle"));
        Assert.True(ok.Code == 0, ok.Err);
        Assert.Equal(5, Column(Path.Combine(ok.Dir, "region_annual.csv"), "npp_gC_m2_yr").Length);
    }
}
