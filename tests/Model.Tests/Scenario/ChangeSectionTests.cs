using CarbonSim.Model.Accounting;
using CarbonSim.Model.LandUse;
using CarbonSim.Model.Scenarios;

namespace CarbonSim.Model.Tests.Scenario;

/// <summary>The issue #5 sections (land_use_change, conversion_carbon, green_space, emissions, compensation).</summary>
public class ChangeSectionTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static string Data(string rel) => Path.Combine(TestRepo.Root, "data", rel);

    private static string Sections(string demand = """
            trend_pct_per_year:
              "*": {built_up: 0.5, cropland: -0.4, grassland: -0.1}
              "110000": {built_up: 0.2, cropland: -0.2}
        """, string compensationPrice = "62.36", string extraGreen = "") => $$"""

        land_use_change:
          demand:
        {{demand}}
          allocation:
            window: 5
            built_up_class: built_up
            built_up_search_radius: 3
            neighbourhood_floor: 0.1
            neighbourhood_weight: {"*": 0.5, built_up: 1.0}
            elasticity: {"*": 0.3, forest: 0.8, water_wetland: 1.0}
            suitability:
              "*": {intercept: -1}
              built_up: {intercept: 1.0, per_km_to_centre: -0.05, per_cell_to_built_up: -0.4}
            deny:
              forest: [built_up, cropland]
              water_wetland: ["*"]
            protected_classes: [water_wetland]
        conversion_carbon:
          wood_product_half_life_years: 30
          sealed_soil_loss: 0.4
          default: {veg_to_atmosphere: 0.5, veg_to_wood_products: 0.2, veg_to_litter: 0.3}
          rules:
            - {from: forest, to: grassland, veg_to_atmosphere: 0.2, veg_to_wood_products: 0.6, veg_to_litter: 0.2, soil_to_atmosphere: 0.05}
        green_space:
          cities: {{Data("jjj/cities.csv")}}
          targets:
            - {city: 110000, class: protective_green, from: cropland, by_year: 2030, km2: 300}
            - {city: 110000, class: park, from: built_up, by_year: 2040, m2_per_person: 5}
        {{extraGreen}}
        emissions:
          inventory: {{Data("jjj/emissions.csv")}}
          economy: {{Data("jjj/economy.csv")}}
        compensation:
          price_rmb_per_t_co2: {{compensationPrice}}
          sink: nbp
          k: {"*": 1.0, "110000": 0.8}
        """;

    private static Scenarios.Scenario LoadWith(string extra) => ScenarioLoader.Load(TestRepo.ScratchScenario(t => WithoutBooks(t) + extra));

    /// <summary>The baseline's text without its emissions and compensation sections (the tests add their own).</summary>
    internal static string WithoutBooks(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text, @"(?m)^(emissions|compensation):[^\n]*\n(?:[ \t]+[^\n]*\n)*", "");

    [Fact]
    public void Baseline_has_no_change_sections()
    {
        var s = ScenarioLoader.Load(TestRepo.Baseline);
        Assert.Null(s.LandUseChange);
        Assert.Null(s.ConversionCarbon);
        Assert.Null(s.GreenSpace);
        Assert.NotNull(s.Emissions);                 // the bundled CEADs inventory: the baseline closes the books too
        Assert.Equal(CompensationScheme.RelativeBudget, s.Compensation!.Settings.Scheme);
    }

    [Fact]
    public void All_sections_are_read_into_validated_specs()
    {
        var s = LoadWith(Sections());
        var luc = s.LandUseChange!;
        int Ix(string n) => luc.ClassIndex(n);
        Assert.Equal(DemandKind.Trend, luc.Demand.Kind);
        Assert.Equal(0.2, luc.Demand.TrendFor("110000", luc.ClassNames.Length)[Ix("built_up")]);
        Assert.Equal(0.5, luc.Demand.TrendFor("120000", luc.ClassNames.Length)[Ix("built_up")]);
        Assert.Equal(5, luc.Rules.WindowSize);
        Assert.Equal(Ix("built_up"), luc.Rules.BuiltUpClass);
        Assert.False(luc.Rules.Allowed[Ix("forest"), Ix("built_up")]);
        Assert.False(luc.Rules.Allowed[Ix("forest"), Ix("cropland")]);
        Assert.True(luc.Rules.Allowed[Ix("forest"), Ix("grassland")]);
        Assert.False(luc.Rules.Allowed[Ix("water_wetland"), Ix("forest")]);
        Assert.True(luc.Rules.Allowed[Ix("cropland"), Ix("built_up")]);
        Assert.True(luc.ProtectedClass[Ix("water_wetland")]);
        Assert.False(luc.ProtectedClass[Ix("forest")]);
        Assert.Equal(0.8, luc.Rules.Elasticity[Ix("forest")]);
        Assert.Equal(0.3, luc.Rules.Elasticity[Ix("cropland")]);
        Assert.Equal(1.0, luc.Rules.NeighbourhoodWeight[Ix("built_up")]);
        Assert.Equal(-0.05, luc.Rules.Suitability[Ix("built_up")].PerKmToCentre);
        Assert.Equal(-1, luc.Rules.Suitability[Ix("forest")].Intercept);

        var rules = s.ConversionCarbon!.ToRules("t");
        // cropland (sealed 0) -> built_up (sealed 0.70): soil loss = 0.4 × 0.7 from the class table.
        Assert.Equal(0.4 * 0.7, rules.For(Ix("cropland"), Ix("built_up")).SoilToAtmosphere, 12);
        Assert.Equal(0, rules.For(Ix("built_up"), Ix("cropland")).SoilToAtmosphere);
        Assert.Equal(0.6, rules.For(Ix("forest"), Ix("grassland")).VegToWoodProducts);
        Assert.Equal(0.05, rules.For(Ix("forest"), Ix("grassland")).SoilToAtmosphere);
        Assert.Equal(30, rules.WoodProductHalfLifeYears);

        Assert.Equal(2, s.GreenSpace!.Targets.Length);
        var perPerson = Assert.IsType<GreenAreaPerPerson>(s.GreenSpace.Targets[1]);
        Assert.Equal(21893095, perPerson.Population);

        Assert.Equal(62.36, s.Compensation!.Price.At(2040));
        Assert.Equal(SinkBasis.Nbp, s.Compensation.Sink);
        Assert.Equal(0.8, s.Compensation.KFor("110000"));
        Assert.Equal(1.0, s.Compensation.KFor("120000"));
        Assert.Equal(CompensationScheme.RelativeBudget, s.Compensation.Settings.Scheme);
        Assert.Equal(5, s.Compensation.Settings.WindowYears);
        Assert.Equal(92.76e6, s.Emissions!.Inventory.For("110000", 2015).TonnesCo2, 3);
    }

    [Fact]
    public void Trend_and_green_space_give_whole_cell_demand_that_keeps_the_city_total()
    {
        var s = LoadWith(Sections());
        var luc = s.LandUseChange!;
        int k = luc.ClassNames.Length;
        int Ix(string n) => luc.ClassIndex(n);
        var start = new int[k];
        start[Ix("cropland")] = 500; start[Ix("grassland")] = 100; start[Ix("forest")] = 300; start[Ix("built_up")] = 100;
        const double cellArea = 1e6; // 1 km2 cells
        var plan = LandUseDemandPlan.ForCity(s, 110000, start, cellArea);
        Assert.Equal(s.YearCount, plan.Count);
        foreach (var (_, d) in plan) Assert.Equal(1000, d.Sum());
        // 300 km2 of protective green reached in 2030 and held.
        Assert.Equal(300, plan[2030][Ix("protective_green")]);
        Assert.Equal(300, plan[2060][Ix("protective_green")]);
        Assert.Equal(150, plan[2025][Ix("protective_green")]);
        // Park: 5 m2 × 21,893,095 persons / 1 km2 = 109.47 → 109 cells in 2040.
        Assert.Equal(109, plan[2040][Ix("park")]);
        Assert.Equal(start, plan[2020]);
        // Other cities: trend 0.5 % a-1 of 1000 cells = 5 cells a-1 of built-up.
        var other = LandUseDemandPlan.ForCity(s, 120000, start, cellArea);
        Assert.Equal(100 + 5 * 40, other[2060][Ix("built_up")]);
    }

    [Fact]
    public void Markov_from_two_maps_is_estimated_and_projected()
    {
        var dir = Path.GetDirectoryName(TestRepo.ScratchScenario())!;
        // codes: 1 cropland, 2 forest, 5 built_up. 4 cropland cells, one becomes built-up.
        File.WriteAllText(Path.Combine(dir, "a.asc"), "ncols 3\nnrows 2\nxllcorner 0\nyllcorner 0\ncellsize 1000\nNODATA_value -9999\n1 1 1\n1 2 -9999\n");
        File.WriteAllText(Path.Combine(dir, "b.asc"), "ncols 3\nnrows 2\nxllcorner 0\nyllcorner 0\ncellsize 1000\nNODATA_value -9999\n1 1 5\n1 2 -9999\n");
        var s = LoadWith(Sections(demand: $"""
                markov:
                  from_map: {dir}/a.asc
                  to_map: {dir}/b.asc
                  step_years: 10
            """));
        var luc = s.LandUseChange!;
        var p = luc.Demand.Markov!.P;
        Assert.Equal(0.75, p[luc.ClassIndex("cropland"), luc.ClassIndex("cropland")], 12);
        Assert.Equal(0.25, p[luc.ClassIndex("cropland"), luc.ClassIndex("built_up")], 12);
        Assert.Equal(1.0, p[luc.ClassIndex("forest"), luc.ClassIndex("forest")], 12);
    }

    public static readonly Dictionary<string, (Func<string, string> Sections, string[] Fragments)> Bad = new()
    {
        ["negative price"] = (d => Sections(compensationPrice: "-5"), ["compensation.price_rmb_per_t_co2 (line ", "got '-5'", "expected a carbon price >= 0"]),
        ["unknown class in trend"] = (d => Sections(demand: """
                trend_pct_per_year:
                  "*": {builtup: 0.5, cropland: -0.5}
            """), ["land_use_change.demand.trend_pct_per_year.*.builtup (line ", "got 'builtup'", "expected a land-use class of the class table"]),
        ["trend rates not summing to zero"] = (d => Sections(demand: """
                trend_pct_per_year:
                  "*": {built_up: 0.5, cropland: -0.4}
            """), ["land_use_change.demand.trend_pct_per_year.*", "rates summing to 0.1", "expected rates summing to 0"]),
        ["markov row not summing to one"] = (d =>
        {
            var names = "cropland,forest,grassland,water_wetland,built_up,unused,park,protective_green,attached_green,regional_green,square".Split(',');
            var rows = names.Select((n, j) => n + "," + string.Join(",", names.Select((_, k) => j == k ? (j == 1 ? "0.9" : "1") : "0")));
            File.WriteAllText(Path.Combine(d, "p.csv"), "from," + string.Join(",", names) + "\n" + string.Join("\n", rows) + "\n");
            return Sections(demand: $"""
                markov:
                  matrix: {d}/p.csv
                  step_years: 5
            """);
        }, ["p.csv", "markov.P row 1", "sum 0.9", "expected a row summing to 1"]),
        ["unknown class in deny"] = (d => Sections().Replace("forest: [built_up, cropland]", "forest: [urban]"),
            ["land_use_change.allocation.deny.forest (line ", "got 'urban'", "expected a land-use class"]),
        ["vegetation shares above one"] = (d => Sections().Replace("veg_to_atmosphere: 0.5, veg_to_wood_products: 0.2, veg_to_litter: 0.3", "veg_to_atmosphere: 0.6, veg_to_wood_products: 0.2, veg_to_litter: 0.3"),
            ["conversion_carbon.default", "expected vegetation shares summing to at most 1"]),
        ["land use change without conversion carbon"] = (d => Sections().Split("conversion_carbon:")[0], ["conversion_carbon (top level)", "got 'missing'", "expected a 'conversion_carbon' section"]),
        ["green space without a way to size it"] = (d => Sections().Replace("by_year: 2030, km2: 300", "by_year: 2030"),
            ["green_space.targets[0] (line ", "neither km2 nor m2_per_person", "expected exactly one of 'km2'"]),
        ["even window"] = (d => Sections().Replace("window: 5", "window: 4"), ["land_use_change.allocation.window (line ", "got '4'", "expected an odd neighbourhood window"]),
        ["unknown key in allocation"] = (d => Sections().Replace("window: 5", "window: 5\n    windw: 3"), ["land_use_change.allocation.windw", "expected a known key of 'land_use_change.allocation'"]),
        ["bad sink basis"] = (d => Sections().Replace("sink: nbp", "sink: npp"), ["compensation.sink (line ", "got 'npp'", "expected 'nep' or 'nbp'"]),
        ["unknown scheme"] = (d => Sections().Replace("sink: nbp", "sink: nbp\n  scheme: fair_share"), ["compensation.scheme (line ", "got 'fair_share'", "relative_budget, surplus_deficit, zoned"]),
        ["window below one"] = (d => Sections().Replace("sink: nbp", "sink: nbp\n  window_years: 0"), ["compensation.window_years (line ", "got '0'", "at least 1 year"]),
        ["pathway below zero"] = (d => Sections().Replace("  economy: ", "  pathway: {type: target, year: 2040, level_pct: -10}\n  economy: "),
            ["emissions.pathway.level_pct (line ", "got '-10'", "emissions must stay > 0"]),
        ["population growth out of range"] = (d => Sections().Replace("  economy: ", "  population_growth_pct_per_year: 80\n  economy: "),
            ["emissions.population_growth_pct_per_year (line ", "got '80'", "a population growth rate in % a-1 in [-50, 50]"]),
        ["population table and growth both given"] = (d =>
        {
            File.WriteAllText(Path.Combine(d, "pop.csv"), "city_id,year,population\n110000,2020,1000\n");
            return Sections().Replace("  economy: ", $"  population_growth_pct_per_year: 1\n  population_table: {d}/pop.csv\n  economy: ");
        }, ["emissions.population_table (line ", "both population_table and population_growth_pct_per_year", "expected one of them"]),
        ["population table value not above zero"] = (d =>
        {
            File.WriteAllText(Path.Combine(d, "pop.csv"), "city_id,year,population\n110000,2020,1000\n110000,2021,0\n");
            return Sections().Replace("  economy: ", $"  population_table: {d}/pop.csv\n  economy: ");
        }, ["pop.csv: line 3, column 'population'", "got '0'", "a population > 0 persons"]),
        ["price table with gaps"] = (d =>
        {
            File.WriteAllText(Path.Combine(d, "price.csv"), "year,price\n2020,60\n2021,61\n2023,63\n");
            return Sections().Replace("price_rmb_per_t_co2: 62.36", $"price: {{table: {d}/price.csv}}");
        }, ["price.csv: line 4, column 'year'", "got '2023'", "no gaps"]),
    };

    public static IEnumerable<object[]> BadNames => Bad.Keys.Select(k => new object[] { k });

    [Theory]
    [MemberData(nameof(BadNames))]
    public void Bad_change_sections_name_place_value_and_expectation(string name)
    {
        var (sections, fragments) = Bad[name];
        var path = TestRepo.ScratchScenario(WithoutBooks);
        var dir = Path.GetDirectoryName(path)!;
        File.AppendAllText(path, sections(dir));
        var e = Assert.Throws<InvalidInputException>(() => ScenarioLoader.Load(path));
        output.WriteLine(e.Message);
        foreach (var f in fragments) Assert.Contains(f, e.Message);
    }

    [Fact]
    public void Demand_table_exceeding_the_city_cells_is_an_error()
    {
        var path = TestRepo.ScratchScenario(WithoutBooks);
        var dir = Path.GetDirectoryName(path)!;
        var lines = new List<string> { "city_id,year,class,cells" };
        for (int y = 2020; y <= 2060; y++) { lines.Add($"110000,{y},cropland,900"); lines.Add($"110000,{y},built_up,200"); }
        File.WriteAllLines(Path.Combine(dir, "demand.csv"), lines);
        File.AppendAllText(path, Sections(demand: $"""
                table: {dir}/demand.csv
            """));
        var s = ScenarioLoader.Load(path);
        var luc = s.LandUseChange!;
        var start = new int[luc.ClassNames.Length];
        start[luc.ClassIndex("cropland")] = 1000;
        var e = Assert.Throws<InvalidInputException>(() => LandUseDemandPlan.ForCity(s, 110000, start, 1e6));
        output.WriteLine(e.Message);
        Assert.Contains("city 110000 year 2020", e.Message);
        Assert.Contains("1100 cells demanded", e.Message);
        Assert.Contains("demand exceeds the available cells", e.Message);
    }

    [Fact]
    public void Green_space_larger_than_its_donor_is_an_error()
    {
        var s = LoadWith(Sections().Replace("km2: 300", "km2: 5000"));
        var luc = s.LandUseChange!;
        var start = new int[luc.ClassNames.Length];
        start[luc.ClassIndex("cropland")] = 600; start[luc.ClassIndex("built_up")] = 400;
        var e = Assert.Throws<InvalidInputException>(() => LandUseDemandPlan.ForCity(s, 110000, start, 1e6));
        output.WriteLine(e.Message);
        Assert.Contains("demand exceeds the available cells", e.Message);
    }

    [Theory]
    [InlineData("per_m_elevation", "b3 [m-1]")]
    [InlineData("per_deg_slope", "b4 [deg-1]")]
    public void Elevation_and_slope_coefficients_are_rejected_until_a_DEM_input_exists(string key, string coefficient)
    {
        var text = Sections().Replace("per_cell_to_built_up: -0.4}", $"per_cell_to_built_up: -0.4, {key}: 0.01}}");
        Assert.Contains(key, text); // the edit took
        var e = Assert.Throws<InvalidInputException>(() => LoadWith(text));
        output.WriteLine(e.Message);
        Assert.EndsWith("scenario.yaml", e.File);
        Assert.Contains($"land_use_change.allocation.suitability.built_up.{key} (line ", e.Place);
        Assert.Equal("0.01", e.Value);
        Assert.Contains(coefficient, e.Expected);
        Assert.Contains("until a DEM input exists", e.Expected);
        // 0 (the only value that means what it says without an elevation input) is still accepted.
        LoadWith(Sections().Replace("per_cell_to_built_up: -0.4}", $"per_cell_to_built_up: -0.4, {key}: 0}}"));
    }
}
