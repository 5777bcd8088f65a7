using CarbonSim.Client.Cli;
using CarbonSim.Client.Commands;
using CarbonSim.Client.Hosting;
using CarbonSim.Client.Output;
using CarbonSim.Model.Output;

namespace CarbonSim.Client.Tests.Run;

/// <summary>
/// classes_annual.csv and validation.csv from real runs of the bundled scenarios (20 km, two years): the class rows add up to
/// the city rows, the cluster path labels the same class rows, a scenario without references compares nothing, and a
/// references row naming a city the run lacks is refused before the run.
/// </summary>
public class ClassesRunTests
{
    static Task<RunCommand.Finished> Engine(string scenario) =>
        RunCommand.Execute(new RunOptions { ScenarioPath = scenario, OutDir = TestScenarios.Scratch("carbonsim-classes-tests"), ResolutionKm = 20 }, null);

    static (string, string, int, double, double, double, double, double, double) Key(ClassYear c) =>
        (c.CityId, c.Class, c.Year, c.AreaM2, c.VegC, c.LitterC, c.SoilC, c.TotalC, c.Npp);

    [Fact]
    public async Task The_baseline_writes_class_rows_that_add_up_to_its_cities_and_the_cluster_path_gives_the_same_rows()
    {
        var run = await Engine(TestScenarios.Write("jjj-baseline", 2021));
        var r = run.Results;
        Assert.NotEmpty(r.ClassYears);
        foreach (var city in r.CityYears.Cast<AreaCarbonYear>().Concat(r.RegionYears))
        {
            string id = city is CityYear c ? c.CityId : ClassYear.RegionId;
            var classes = r.ClassYears.Where(x => x.CityId == id && x.Year == city.Year).ToList();
            Assert.True(classes.Count >= (id == ClassYear.RegionId ? 5 : 2), $"{id} {city.Year}: only {classes.Count} classes");
            Assert.Equal(city.AreaM2, classes.Sum(x => x.AreaM2), city.AreaM2 * 1e-12);
            Assert.Equal(city.TotalCKg, classes.Sum(x => x.TotalCKg), city.TotalCKg * 1e-12);
            Assert.Equal(city.NppKg, classes.Sum(x => x.NppKg), Math.Abs(city.NppKg) * 1e-12);
            Assert.Equal(city.VegCKg, classes.Sum(x => x.VegCKg), city.VegCKg * 1e-12);
            // Harvest and urban-green removal: the city (region) value is the area-weighted sum of its classes'.
            Assert.Equal(city.Harvest * city.AreaM2, classes.Sum(x => x.Harvest * x.AreaM2), city.Harvest * city.AreaM2 * 1e-12);
        }
        Assert.All(r.RegionYears, y => Assert.True(y.Harvest > 0, $"{y.Year}: cropland is harvested every year"));
        Assert.Contains(ValidationTables.ClassesFile, run.Output.Files);
        Assert.Contains(ValidationTables.ValidationFile, run.Output.Files);
        // The same check on the written tables: cities_annual.csv and region_annual.csv against classes_annual.csv.
        var classesCsv = Table(Path.Combine(run.Output.Directory, ValidationTables.ClassesFile));
        var citiesCsv = Table(Path.Combine(run.Output.Directory, AnnualTables.CitiesFile));
        var regionCsv = Table(Path.Combine(run.Output.Directory, AnnualTables.RegionFile));
        double ClassTg(string id, string year) => classesCsv.Where(x => x["city_id"] == id && x["year"] == year)
            .Sum(x => Num(x["harvest_gC_m2_yr"]) * Num(x["area_km2"]) * 1e-6);   // g m-2 × km2 = 1e6 g = 1e-6 Tg
        foreach (var row in citiesCsv)
        {
            Close(ClassTg(row["city_id"], row["year"]), Num(row["harvest_TgC_yr"]));
            Close(Num(row["harvest_gC_m2_yr"]) * Num(row["area_km2"]) * 1e-6, Num(row["harvest_TgC_yr"]));
        }
        foreach (var row in regionCsv)
        {
            Close(ClassTg(ClassYear.RegionId, row["year"]), Num(row["harvest_TgC_yr"]));
            Close(citiesCsv.Where(x => x["year"] == row["year"]).Sum(x => Num(x["harvest_TgC_yr"])), Num(row["harvest_TgC_yr"]));
        }
        Assert.NotNull(r.References);
        var validation = Csv.Read(Path.Combine(run.Output.Directory, ValidationTables.ValidationFile));
        Assert.Equal(r.References!.Rows.Count, validation.Rows.Count);
        var html = File.ReadAllText(Path.Combine(run.Output.Directory, "report.html"));
        Assert.Contains("<h2>Validation</h2>", html);
        Assert.Contains("<h2>Land-use classes (region)</h2>", html);
        Assert.Contains("<tr><td>forest</td><td>2021</td>", html);

        var cluster = ClusterResults.FromSpec(run.Spec, run.Outcome, "spec", []);
        Assert.Equal(r.ClassYears.Select(Key), cluster.ClassYears.Select(Key));
        Assert.Null(cluster.References); // a .runspec carries no scenario, so no references
    }

    /// <summary>Equal to the printed digits (G10, summed over a few rows): relative 1e-8.</summary>
    static void Close(double expected, double actual) => Assert.Equal(expected, actual, 1e-8 * Math.Max(1.0, Math.Abs(expected)));

    static double Num(string s) => double.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A written CSV as rows of column name → text.</summary>
    static List<Dictionary<string, string>> Table(string path)
    {
        var (header, rows) = Csv.Read(path);
        return rows.Select(r => header.Select((h, i) => (h, r[i])).ToDictionary(p => p.h, p => p.Item2)).ToList();
    }

    [Fact]
    public async Task A_scenario_without_references_writes_class_rows_but_no_comparison()
    {
        var run = await Engine(TestScenarios.Write("minimal", 2021));
        Assert.Null(run.Results.References);
        Assert.Contains(ValidationTables.ClassesFile, run.Output.Files);
        Assert.DoesNotContain(ValidationTables.ValidationFile, run.Output.Files);
        Assert.Contains("names no references", SummaryTable.Render(run.Results));
    }

    [Fact]
    public void A_reference_to_a_city_the_run_lacks_is_refused_before_the_run()
    {
        var refs = Path.Combine(TestScenarios.Scratch("carbonsim-classes-tests"), "refs.csv");
        File.WriteAllText(refs, "scope,class,variable,years,low,high,unit,source,status\n999999,forest,vegc_tC_ha,2020,1,2,t C ha-1,s,p\n");
        var scenario = TestScenarios.Write("jjj-baseline", 2021, t => t.Replace(Path.Combine(TestScenarios.Root, "data") + "/jjj/reference_observations.csv", refs));
        var ex = Assert.Throws<CarbonSim.Model.InvalidInputException>(() => RunCommand.Prepare(new RunOptions { ScenarioPath = scenario, ResolutionKm = 20 }));
        Assert.Equal((refs, "line 2, column 'scope'", "999999"), (ex.File, ex.Place, ex.Value));
    }
}
