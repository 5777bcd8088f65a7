using CarbonSim.Client.Output;
using CarbonSim.Model.Output;

namespace CarbonSim.Client.Tests.Output;

/// <summary>
/// classes_annual.csv, validation.csv, the report's Validation section and the console lines, from the synthetic run with
/// class rows and a references file; a run without references writes no validation.csv and says so.
/// </summary>
public class ValidationReportTests
{
    /// <summary>The synthetic run with two classes per city (forest 30 %, the rest "other"), densities set per class.</summary>
    internal static RunResults WithClasses(RunResults run, string? references)
    {
        var classes = new List<ClassYear>();
        foreach (var c in run.CityYears)
        {
            double forest = 0.3 * c.AreaM2;
            // Forest holds 2 kg m-2 more vegetation than the city mean, "other" the balance (so the classes add to the city).
            double vegForest = c.VegC + 2.0, vegOther = (c.VegC * c.AreaM2 - vegForest * forest) / (c.AreaM2 - forest);
            classes.Add(new ClassYear { CityId = c.CityId, Class = "forest", Year = c.Year, AreaM2 = forest, VegC = vegForest, TotalC = c.TotalC, Npp = c.Npp });
            classes.Add(new ClassYear { CityId = c.CityId, Class = "other", Year = c.Year, AreaM2 = c.AreaM2 - forest, VegC = vegOther, TotalC = c.TotalC, Npp = c.Npp });
        }
        var table = references is null ? null
            : ReferenceTable.Parse("refs.csv", "scope,class,variable,years,low,high,unit,source,status,note,crop\n" + references);
        return run with { ClassYears = classes, References = table };
    }

    const string References =
        "region,*,npp_gC_m2_yr,2000-2014,223,356,g C m-2 a-1,MODIS,published,,\n" +
        "120000,forest,vegc_tC_ha,2020,10,20,t C ha-1,Plot study,verified,point value ±25%,\n" +
        "region,*,totalc_TgC,2020,100,200,Tg C,InVEST,published,,\n" +
        "110000,forest,yield_t_ha,2013,4,7,t ha-1,NBS,verified,,winter_wheat\n";

    [Fact]
    public void Classes_and_validation_tables_are_written_with_every_reference_row()
    {
        using var tmp = new TempDir();
        var run = WithClasses(SyntheticRun.Create(), References);
        var res = OutputWriter.WriteAll(run, tmp.Sub("o"), new OutputWriterOptions { Charts = false });
        Assert.Contains(ValidationTables.ClassesFile, res.Files);
        Assert.Contains(ValidationTables.ValidationFile, res.Files);

        var (h, rows) = Csv.Read(Path.Combine(res.Directory, ValidationTables.ClassesFile));
        Assert.Equal(["city_id", "city_name", "class", "year", "area_km2", "vegc_tC_ha", "litterc_tC_ha", "soilc_tC_ha", "totalc_tC_ha",
            "npp_gC_m2_yr", "nbp_gC_m2_yr", "harvest_gC_m2_yr"], h);
        Assert.Equal(2 * 2 * 3, rows.Count);
        Assert.Equal(["110000", "Beijing", "forest", "2020", "300"], rows[0].Take(5));
        Assert.All(rows, r => Assert.Equal("0", r[^1]));   // no harvest yet

        var (vh, v) = Csv.Read(Path.Combine(res.Directory, ValidationTables.ValidationFile));
        string Col(int row, string name) => v[row][vh.ToList().IndexOf(name)];
        Assert.Equal(4, v.Count);
        // Regional NPP: 2000–2014 lies before the run (2020–2022), so the first three years are compared.
        Assert.Equal(("2020-2022", "nearest", "within"), (Col(0, "engine_years"), Col(0, "year_match"), Col(0, "status")));
        Assert.Equal((304.0 + 2 * 324.0) / 3, double.Parse(Col(0, "engine"), Inv), 6);
        // Tianjin's forest in 2020: 2.5 + 2 = 4.5 kg m-2 = 45 t C ha-1, above 20 by 125 %.
        Assert.Equal(("above", 45.0, 125.0), (Col(1, "status"), double.Parse(Col(1, "engine"), Inv), double.Parse(Col(1, "miss_pct"), Inv)));
        Assert.Equal(("no_area", ""), (Col(3, "status"), Col(3, "engine")));   // the synthetic run grows no wheat
        Assert.Equal("Plot study", Col(1, "source"));
    }

    [Fact]
    public void The_report_and_the_console_show_the_validation()
    {
        using var tmp = new TempDir();
        var run = WithClasses(SyntheticRun.Create(), References);
        var res = OutputWriter.WriteAll(run, tmp.Sub("o"), new OutputWriterOptions { Charts = false });
        var html = File.ReadAllText(Path.Combine(res.Directory, "report.html"));
        Assert.Contains("<h2>Validation</h2>", html);
        Assert.Contains("1 of 3 compared reference rows within their range; 1 with no area of the class in the scope", html);
        Assert.Contains("<td class=\"within\">within</td>", html);
        Assert.Contains("<td class=\"above\">above</td>", html);
        Assert.Contains("<td>no area</td>", html);
        Assert.DoesNotContain("Land-use classes (region)", html); // the synthetic class rows have no region rows
        var console = SummaryTable.Render(run);
        Assert.Contains("Validation (refs.csv): 1 of 3 compared reference rows within their range; 1 with no area of the class in the scope.", console);
        // Worst miss first: the forest 125 % above, then the regional stock (9.4 + 22 = 31.4 Tg C against 100–200) 69 % below.
        var lines = console.Split('\n').Where(l => l.StartsWith("  above", StringComparison.Ordinal) || l.StartsWith("  below", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, lines.Count);
        Assert.StartsWith("  above by 125%: vegc_tC_ha, 120000, forest 2020", lines[0]);
        Assert.StartsWith("  below by 69%: totalc_TgC, region, all classes 2020: engine 31.4", lines[1]);
    }

    [Fact]
    public void Without_references_there_is_no_comparison_and_the_run_says_so()
    {
        using var tmp = new TempDir();
        var run = WithClasses(SyntheticRun.Create(), null);
        var res = OutputWriter.WriteAll(run, tmp.Sub("o"), new OutputWriterOptions { Charts = false });
        Assert.DoesNotContain(ValidationTables.ValidationFile, res.Files);
        Assert.Contains(ValidationTables.ClassesFile, res.Files);
        Assert.Contains("names no references", File.ReadAllText(Path.Combine(res.Directory, "report.html")));
        Assert.Contains("Validation: the scenario names no references", SummaryTable.Render(run));
        Assert.Empty(Validation.Evaluate(run));
    }

    static readonly System.Globalization.CultureInfo Inv = System.Globalization.CultureInfo.InvariantCulture;
}
