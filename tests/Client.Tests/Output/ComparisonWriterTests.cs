using System.Globalization;
using CarbonSim.Client.Output;
using CarbonSim.Model.Output;

namespace CarbonSim.Client.Tests.Output;

public class ComparisonWriterTests
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The synthetic run with Tianjin's soil C raised by 0.5 kg m-2, NEP by 0.01 kg m-2 a-1 and a new column.</summary>
    private static RunResults Variant(string name, bool extraColumn)
    {
        var run = SyntheticRun.Create();
        var rows = run.CityYears.Select(c => c.CityId != "120000" ? c : c with
        {
            SoilC = c.SoilC + 0.5, TotalC = c.TotalC + 0.5, Nep = c.Nep + 0.01,
            Extra = extraColumn ? new Dictionary<string, double>(c.Extra) { ["compensation_RMB"] = 123.0 } : c.Extra,
        }).ToList();
        return run with { ScenarioName = name, CityYears = rows, RegionYears = run.Years.Select(y => RegionYear.Aggregate(y, rows)).ToList() };
    }

    private static (TempDir Tmp, string A, string B) TwoRuns(string nameB = "green", bool extraColumn = true)
    {
        var tmp = new TempDir();
        string a = tmp.Sub("base"), b = tmp.Sub("green");
        OutputWriter.WriteAll(SyntheticRun.Create() with { ScenarioName = "baseline" }, a, new OutputWriterOptions { Charts = false });
        OutputWriter.WriteAll(Variant(nameB, extraColumn), b, new OutputWriterOptions { Charts = false });
        return (tmp, a, b);
    }

    [Fact]
    public void City_and_region_differences_per_year()
    {
        var (tmp, a, b) = TwoRuns();
        using var _ = tmp;
        var res = ComparisonWriter.WriteAll([a, b], tmp.Sub("cmp"));
        foreach (var f in new[] { "compare_cities_annual.csv", "compare_region_annual.csv", "compare_summary.csv", "compare_report.html",
                     "manifest.json", "compare_region_totalc.png", "compare_region_nep.png", "compare_city_delta_totalc.png" })
            Assert.True(File.Exists(Path.Combine(res.Directory, f)), f);

        var (h, rows) = Csv.Read(Path.Combine(res.Directory, "compare_cities_annual.csv"));
        Assert.Equal(6, rows.Count);
        int ti = h.ToList().IndexOf("delta_totalc_TgC"), ci = h.ToList().IndexOf("city_id"), ni = h.ToList().IndexOf("delta_nep_TgC_yr");
        Assert.True(ti > 0 && ni > 0);
        Assert.DoesNotContain("delta_compensation_RMB", h); // only in one run
        Assert.Contains("delta_emissions_tCO2", h);          // extra column shared by both flows through
        foreach (var r in rows)
        {
            Assert.Equal("green", r[0]); Assert.Equal("baseline", r[1]);
            double dT = double.Parse(r[ti], Inv), dN = double.Parse(r[ni], Inv);
            if (r[ci] == "120000") { Assert.Equal(0.5 * 2e9 / 1e9, dT, 9); Assert.Equal(0.01 * 2e9 / 1e9, dN, 9); }
            else { Assert.Equal(0.0, dT); Assert.Equal(0.0, dN); }
        }

        var (rh, rrows) = Csv.Read(Path.Combine(res.Directory, "compare_region_annual.csv"));
        Assert.Equal(3, rrows.Count);
        Assert.All(rrows, r => Assert.Equal(1.0, double.Parse(r[rh.ToList().IndexOf("delta_totalc_TgC")], Inv), 9));

        // Summary: NEP (a flux) summed over the 3 shared years, total C at the last year.
        var (sh, srows) = Csv.Read(Path.Combine(res.Directory, "compare_summary.csv"));
        string[] Get(string scen, string entity, string variable) =>
            srows.Single(r => r[0] == scen && r[2] == entity && r[4] == variable).ToArray();
        var nep = Get("green", "region", "nep_TgC_yr");
        Assert.Equal("sum_over_years", nep[5]);
        Assert.Equal(3 * 0.02, double.Parse(nep[10], Inv), 9);
        var tot = Get("green", "120000", "totalc_TgC");
        Assert.Equal(("last_year", "2022"), (tot[5], tot[7]));
        Assert.Equal(1.0, double.Parse(tot[10], Inv), 9);
        Assert.Equal(0.0, double.Parse(Get("baseline", "region", "totalc_TgC")[10], Inv));
        var html = File.ReadAllText(Path.Combine(res.Directory, "compare_report.html"));
        Assert.Contains("green", html);
        // The headline says by how much, with the numbers of the summary: total C +1 Tg C in the last year.
        var baseTotal = double.Parse(Get("green", "region", "totalc_TgC")[9], Inv);
        string expected = string.Format(Inv, "green stores 1.00 Tg C ({0:F2} %) more ecosystem carbon than baseline in 2022", 100.0 / baseTotal);
        Assert.Contains(expected, html);
    }

    [Fact]
    public void Runs_of_different_length_are_compared_over_shared_years()
    {
        using var tmp = new TempDir();
        var full = SyntheticRun.Create() with { ScenarioName = "long" };
        var shortRun = Variant("short", extraColumn: false);
        int[] two = [2020, 2021];
        shortRun = shortRun with
        {
            Years = two, CityYears = shortRun.CityYears.Where(c => c.Year <= 2021).ToList(),
            RegionYears = shortRun.RegionYears.Where(c => c.Year <= 2021).ToList(),
            Rasters = shortRun.Rasters.Where(l => l.Year == 2020).ToList(),
        };
        OutputWriter.WriteAll(full, tmp.Sub("a"), new OutputWriterOptions { Charts = false });
        OutputWriter.WriteAll(shortRun, tmp.Sub("b"), new OutputWriterOptions { Charts = false });
        var res = ComparisonWriter.WriteAll([tmp.Sub("a"), tmp.Sub("b")], tmp.Sub("cmp"));
        var (_, rrows) = Csv.Read(Path.Combine(res.Directory, "compare_region_annual.csv"));
        Assert.Equal(["2020", "2021"], rrows.Select(r => r[2]));
        var (_, srows) = Csv.Read(Path.Combine(res.Directory, "compare_summary.csv"));
        var nep = srows.Single(r => r[0] == "short" && r[2] == "region" && r[4] == "nep_TgC_yr");
        Assert.Equal(("2020", "2021"), (nep[6], nep[7]));
        Assert.Equal(2 * 0.02, double.Parse(nep[10], Inv), 9);
    }

    [Fact]
    public void Duplicate_scenario_names_get_distinct_labels()
    {
        var (tmp, a, b) = TwoRuns(nameB: "baseline");
        using var _ = tmp;
        var res = ComparisonWriter.WriteAll([a, b], tmp.Sub("cmp"), new ComparisonOptions { Charts = false });
        var (_, rows) = Csv.Read(Path.Combine(res.Directory, "compare_region_annual.csv"));
        Assert.All(rows, r => Assert.Equal(("baseline#2", "baseline"), (r[0], r[1])));
    }

    [Fact]
    public void Needs_two_runs_and_fails_without_leaving_a_folder()
    {
        var (tmp, a, b) = TwoRuns();
        using var _ = tmp;
        var ex = Assert.Throws<CarbonSim.Model.InvalidInputException>(() => ComparisonWriter.WriteAll([a], tmp.Sub("cmp")));
        Assert.Contains("at least two", ex.Message);
        Assert.Throws<IOException>(() => ComparisonWriter.WriteAll([a, b], tmp.Sub("cmp"),
            new ComparisonOptions { AfterFile = f => { if (f == "compare_summary.csv") throw new IOException("injected"); } }));
        Assert.False(Directory.Exists(tmp.Sub("cmp")));
        Assert.Empty(Directory.GetDirectories(tmp.Path, "cmp*"));
    }

    [Fact]
    public void Bad_number_in_a_run_table_names_file_line_and_column()
    {
        var (tmp, a, b) = TwoRuns();
        using var _ = tmp;
        var path = Path.Combine(b, "cities_annual.csv");
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        var f = lines[2].Split(',');
        f[Array.IndexOf(header, "npp_gC_m2_yr")] = "3,0".Replace(",", ";");
        lines[2] = string.Join(",", f);
        File.WriteAllLines(path, lines);
        var ex = Assert.Throws<CarbonSim.Model.InvalidInputException>(() => ComparisonWriter.WriteAll([a, b], tmp.Sub("cmp")));
        Assert.Contains("cities_annual.csv", ex.Message);
        Assert.Contains("line 3, column 'npp_gC_m2_yr'", ex.Message);
        Assert.Contains("3;0", ex.Message);
    }
}
