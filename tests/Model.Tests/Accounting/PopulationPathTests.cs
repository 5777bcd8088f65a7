using CarbonSim.Model.Accounting;
using CarbonSim.Model.Scenarios;
using CarbonSim.Model.Tests.Scenario;

namespace CarbonSim.Model.Tests.Accounting;

/// <summary>The population pathway beside the GDP growth (per-capita figures): economy table × growth, or a table.</summary>
public class PopulationPathTests
{
    private static string Data(string rel) => Path.Combine(TestRepo.Root, "data", rel);

    private static Scenarios.Scenario Load(string emissionsExtra, Func<string, string>? economy = null)
    {
        var path = TestRepo.ScratchScenario(ChangeSectionTests.WithoutBooks);
        string dir = Path.GetDirectoryName(path)!, eco = Data("jjj/economy.csv");
        if (economy is not null) { eco = Path.Combine(dir, "economy.csv"); File.WriteAllText(eco, economy(File.ReadAllText(Data("jjj/economy.csv")))); }
        File.AppendAllText(path, $"\nemissions:\n  inventory: {Data("jjj/emissions.csv")}\n  economy: {eco}\n{emissionsExtra.Replace("$DIR", dir)}");
        return ScenarioLoader.Load(path);
    }

    static readonly string[] Ids = ["110000", "120000"];

    [Fact]
    public void The_bundled_economy_table_carries_the_census_population_held_flat_by_default()
    {
        var pop = RunBudgets.PopulationOf(Load(""), Ids, [2020, 2060])!;
        Assert.Equal(21893095, pop[("110000", 2020)]);
        Assert.Equal(21893095, pop[("110000", 2060)]);
        Assert.Equal(13866009, pop[("120000", 2060)]);
    }

    [Fact]
    public void Growth_compounds_from_the_table_year()
    {
        var pop = RunBudgets.PopulationOf(Load("  population_growth_pct_per_year: -0.5\n"), Ids, [2019, 2030])!;
        Assert.Equal(21893095 * Math.Pow(0.995, 10), pop[("110000", 2030)], 6);
        Assert.Equal(21893095 / 0.995, pop[("110000", 2019)], 6);
    }

    [Fact]
    public void A_table_gives_each_year_and_a_missing_year_names_the_table_city_and_year()
    {
        var s = Load("  population_table: $DIR/pop.csv\n".Replace("$DIR", WriteTable()));
        var pop = RunBudgets.PopulationOf(s, Ids, [2020, 2021])!;
        Assert.Equal(1.5e6, pop[("120000", 2021)]);
        var e = Assert.Throws<InvalidInputException>(() => RunBudgets.PopulationOf(s, Ids, [2020, 2022]));
        Assert.Contains("pop.csv: city 110000 year 2022: got 'no row', expected a population for every simulated city and year", e.Message);

        static string WriteTable()
        {
            var d = Path.Combine(Path.GetTempPath(), "carbonsim-pop-" + Guid.NewGuid().ToString("N")[..8]);
            Directory.CreateDirectory(d);
            File.WriteAllText(Path.Combine(d, "pop.csv"), "city_id,year,population\n110000,2020,1000000\n110000,2021,1100000\n120000,2020,1400000\n120000,2021,1500000\n");
            return d;
        }
    }

    [Fact]
    public void Without_a_population_column_there_is_no_population_unless_a_growth_asks_for_one()
    {
        static string Drop(string t) => string.Join("\n", t.Split('\n').Select(l => l.Length == 0 ? l : string.Join(",", l.Split(',').Where((_, i) => i != 5))));
        Assert.Null(RunBudgets.PopulationOf(Load("", Drop), Ids, [2020]));
        var e = Assert.Throws<InvalidInputException>(() => RunBudgets.PopulationOf(Load("  population_growth_pct_per_year: 1\n", Drop), Ids, [2020]));
        Assert.Contains("economy.csv: city 110000 population: got 'missing', expected a population (column 'population', persons)", e.Message);
    }

    [Fact]
    public void A_bad_population_in_the_economy_table_is_one_clear_error()
    {
        var e = Assert.Throws<InvalidInputException>(() => Load("", t => t.Replace(",21893095,", ",-5,")));
        Assert.Contains("economy.csv: line 2, column 'population': got '-5', expected a population > 0 persons or blank", e.Message);
    }
}
