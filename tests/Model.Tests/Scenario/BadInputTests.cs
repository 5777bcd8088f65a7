using CarbonSim.Model.Region;
using CarbonSim.Model.Scenarios;

namespace CarbonSim.Model.Tests.Scenario;

/// <summary>
/// Bad inputs through <see cref="ScenarioLoader.Load"/> and <see cref="RegionBuilder.Build"/>: each case edits a
/// scratch copy of the baseline scenario (or a file it names) and asserts that the message names the file, the
/// place, the offending value and the expectation.
/// </summary>
public class BadInputTests(Xunit.Abstractions.ITestOutputHelper output)
{
    /// <summary>A case: edit the scenario text (given the scratch folder), then expect these message fragments.</summary>
    public sealed record Case(Func<string, string, string> Edit, string File, string[] Fragments);

    private static string Root => TestRepo.Root;
    private static string Data(string rel) => Path.Combine(Root, "data", rel);

    private static string Write(string dir, string name, string text)
    {
        var p = Path.Combine(dir, name);
        File.WriteAllText(p, text);
        return p;
    }

    private static string ReplaceOnce(string text, string from, string to)
    {
        int i = text.IndexOf(from, StringComparison.Ordinal);
        Assert.True(i >= 0, $"test setup: '{from}' not in the scenario");
        return text[..i] + to + text[(i + from.Length)..];
    }

    private const string Square = "[[116.0,40.0],[116.5,40.0],[116.5,40.5],[116.0,40.5],[116.0,40.0]]";
    private static string Fc(string geometry) =>
        "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"id\":\"110000\",\"name\":\"Beijing\"},\"geometry\":" + geometry + "}]}";

    /// <summary>Points the region at a one-feature GeoJSON written to the scratch folder.</summary>
    private static Func<string, string, string> Boundaries(string geojson) => (t, dir) =>
    {
        Write(dir, "b.geojson", geojson);
        return ReplaceOnce(t, Data("jjj/cities.geojson"), "b.geojson").Replace("  repair_invalid: true", "  repair_invalid: false");
    };

    /// <summary>Replaces the class table by an edited copy.</summary>
    private static Func<string, string, string> ClassTable(Func<string, string> edit) => (t, dir) =>
    {
        Write(dir, "classes.csv", edit(File.ReadAllText(Data("vegetation/class_mix.csv"))));
        return ReplaceOnce(t, Data("vegetation/class_mix.csv"), "classes.csv");
    };

    public static readonly Dictionary<string, Case> Cases = new()
    {
        ["malformed yaml"] = new((t, _) => ReplaceOnce(t, "years:\n  start: 2020", "years: [2020,\n  start: 2020"), "scenario.yaml",
            ["line ", "expected well-formed YAML"]),
        ["duplicate key"] = new((t, _) => ReplaceOnce(t, "name: jjj-baseline", "name: jjj-baseline\nname: again"), "scenario.yaml",
            ["got '", "expected well-formed YAML"]),
        ["unknown top-level key"] = new((t, _) => t + "colour: blue\n", "scenario.yaml",
            ["colour (line ", "got 'colour'", "expected a known key of the scenario"]),
        ["unknown nested key"] = new((t, _) => ReplaceOnce(t, "  tile_size: 32", "  tile_size: 32\n  resolutoin: 5"), "scenario.yaml",
            ["grid.resolutoin (line ", "got 'resolutoin'", "expected a known key of 'grid'"]),
        ["missing boundaries file"] = new((t, _) => ReplaceOnce(t, Data("jjj/cities.geojson"), "nope.geojson"), "scenario.yaml",
            ["region.boundaries (line 10)", "got 'nope.geojson'", "expected an existing GeoJSON file"]),
        ["missing section"] = new((t, _) => System.Text.RegularExpressions.Regex.Replace(t, "spinup:\n(  .*\n)+", ""), "scenario.yaml",
            ["spinup (top level)", "got 'missing'", "expected a 'spinup' section"]),
        ["wrong version"] = new((t, _) => ReplaceOnce(t, "version: 1", "version: 2"), "scenario.yaml",
            ["version (line 3)", "got '2'", "expected format version 1"]),
        ["years reversed"] = new((t, _) => ReplaceOnce(t, "  end: 2060", "  end: 2010"), "scenario.yaml",
            ["years.end (line 7)", "got '2010'", "expected a year >= years.start (2020)"]),
        ["resolution zero"] = new((t, _) => ReplaceOnce(t, "resolution_km: 10", "resolution_km: 0"), "scenario.yaml",
            ["grid.resolution_km (line ", "got '0'", "expected a cell size in km, >= 1"]),
        ["resolution not a number"] = new((t, _) => ReplaceOnce(t, "resolution_km: 10", "resolution_km: ten"), "scenario.yaml",
            ["grid.resolution_km", "got 'ten'", "expected a cell size in km"]),
        ["negative co2"] = new((t, _) => ReplaceOnce(t, "  trend:                    # continues the history (NOAA Mauna Loa 418.56 ppm in 2022) at +2.4 ppm a-1: 413.76 ppm in 2020\n    ppm: 418.56\n    year: 2022\n    ppm_per_year: 2.4", "  constant_ppm: -5"), "scenario.yaml",
            ["co2.constant_ppm (line ", "got '-5'", "expected a CO2 concentration in ppm"]),
        ["co2 trend turning negative"] = new((t, _) => ReplaceOnce(t, "ppm_per_year: 2.4", "ppm_per_year: -20"), "scenario.yaml",
            ["co2.trend.ppm_per_year", "got '-20'", "expected a trend keeping CO2 positive through 2060"]),
        ["co2 file missing a year"] = new((t, dir) =>
        {
            Write(dir, "co2.txt", string.Join("\n", Enumerable.Range(2020, 40).Select(y => $"{y} {400 + y - 2020}")));
            return ReplaceOnce(t, "  trend:                    # continues the history (NOAA Mauna Loa 418.56 ppm in 2022) at +2.4 ppm a-1: 413.76 ppm in 2020\n    ppm: 418.56\n    year: 2022\n    ppm_per_year: 2.4", "  file: co2.txt");
        }, "co2.txt", ["year 2060", "got 'missing'", "expected a value for every simulated year 2020–2060"]),
        ["negative n deposition"] = new((t, _) => ReplaceOnce(t, "g_n_per_m2_per_year: 3.0", "g_n_per_m2_per_year: -1"), "scenario.yaml",
            ["n_deposition.g_n_per_m2_per_year (line ", "got '-1'", "expected N deposition in g N m-2 a-1"]),
        ["texture not summing to 100"] = new((t, _) => ReplaceOnce(t, "sand_pct: 30", "sand_pct: 40"), "scenario.yaml",
            ["soil (line ", "got 'sand 40 + silt 50 + clay 20 = 110'", "expected sand_pct + silt_pct + clay_pct = 100"]),
        ["bad spinup mode"] = new((t, _) => ReplaceOnce(t, "mode: accelerated", "mode: fast"), "scenario.yaml",
            ["spinup.mode (line ", "got 'fast'", "expected 'accelerated' or 'standard'"]),
        ["unknown output variable"] = new((t, _) => ReplaceOnce(t, "variables: [totalc,", "variables: [gdp,"), "scenario.yaml",
            ["outputs.variables (line ", "got 'gdp'", "expected an output variable"]),
        ["output variable not kept per cell"] = new((t, _) => ReplaceOnce(t, "variables: [totalc,", "variables: [lai, totalc,"), "scenario.yaml",
            ["outputs.variables (line ", "got 'lai'", "expected a variable the engine maps per cell", "leaf area index is not kept per cell"]),
        ["unknown raster format"] = new((t, _) => ReplaceOnce(t, "raster_format: both", "raster_format: png"), "scenario.yaml",
            ["outputs.raster_format (line ", "got 'png'", "expected 'asc'", "or 'both'"]),
        ["output switch not a boolean"] = new((t, _) => ReplaceOnce(t, "city_geojson: true", "city_geojson: maybe"), "scenario.yaml",
            ["outputs.city_geojson (line ", "got 'maybe'", "expected true or false"]),
        ["raster and generator both given"] = new((t, _) => ReplaceOnce(t, "  generate:", "  raster: " + Data("jjj/cities.csv") + "\n  generate:"), "scenario.yaml",
            ["land_use (line ", "got 'both 'raster' and 'generate''", "expected exactly one of 'raster'"]),
        ["missing epc file"] = new((t, _) => ReplaceOnce(t, Data("vegetation/dnf.epc"), "dnf-missing.epc"), "scenario.yaml",
            ["vegetation.dnf (line ", "got 'dnf-missing.epc'", "expected an existing BIOME-BGC .epc file"]),
        ["malformed epc"] = new((t, dir) =>
        {
            Write(dir, "bad.epc", "ECOFYS broken\n" + string.Join("\n", File.ReadAllLines(Data("vegetation/dbf.epc")).Skip(1)));
            return ReplaceOnce(t, Data("vegetation/dnf.epc"), "bad.epc");
        }, "bad.epc", ["line 1", "got 'ECOFYS'", "expected the keyword ECOPHYS"]),
        ["class uses an unknown vegetation type"] = new(ClassTable(s => s.Replace("1,cropland,*,wheat_maize,1.0", "1,cropland,*,oak,1.0")), "classes.csv",
            ["line 2, column 'component'", "got 'oak'", "expected 'sealed', 'bare', 'water' or a vegetation type of the scenario"]),
        // (without the urban-green key, whose practice rows name park and would be refused first)
        ["class missing from the table"] = new((t, dir) => ClassTable(s => string.Join("\n", s.Split('\n').Where(l => !l.Contains(",park,"))))(
            string.Join('\n', t.Split('\n').Where(l => !l.TrimStart().StartsWith("urban_green:", StringComparison.Ordinal))), dir), "classes.csv",
            ["class 'park'", "got 'park'", "expected a land-use class of the class table"]),
        ["class fractions not summing to 1"] = new(ClassTable(s => s.Replace("7,park,*,dbf,0.55", "7,park,*,dbf,0.65")), "classes.csv",
            ["class 'park', zone '*'", "got '1.1'", "expected fractions summing to 1"]),
        ["class fraction out of range"] = new(ClassTable(s => s.Replace("1,cropland,*,wheat_maize,1.0", "1,cropland,*,wheat_maize,1.5")), "classes.csv",
            ["line 2, column 'fraction'", "got '1.5'", "expected a fraction in [0, 1]"]),
        ["non-polygon geojson"] = new(Boundaries(Fc("{\"type\":\"Point\",\"coordinates\":[116.0,40.0]}")), "b.geojson",
            ["features[0].geometry (id 110000)", "got 'Point'", "expected a Polygon or MultiPolygon"]),
        ["empty polygon"] = new(Boundaries(Fc("{\"type\":\"Polygon\",\"coordinates\":[]}")), "b.geojson",
            ["features[0].geometry (id 110000)", "got 'empty Polygon'", "expected a non-empty Polygon or MultiPolygon"]),
        ["self-intersecting polygon"] = new(Boundaries(Fc("{\"type\":\"Polygon\",\"coordinates\":[[[116.0,40.0],[117.0,41.0],[117.0,40.0],[116.0,41.0],[116.0,40.0]]]}")), "b.geojson",
            ["features[0].geometry (id 110000) near", "got 'Self-intersection'", "expected a valid polygon"]),
        ["unclosed ring"] = new(Boundaries(Fc("{\"type\":\"Polygon\",\"coordinates\":[[[116.0,40.0],[116.5,40.0],[116.5,40.5],[116.0,40.5]]]}")), "b.geojson",
            ["got '", "expected a GeoJSON FeatureCollection"]),
        ["feature without id"] = new(Boundaries(Fc("{\"type\":\"Polygon\",\"coordinates\":[" + Square + "]}").Replace("\"id\":\"110000\",", "")), "b.geojson",
            ["features[0].properties.id", "got 'missing'", "expected a non-empty city id"]),
        ["malformed geojson"] = new(Boundaries("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":"), "b.geojson",
            ["line 1", "expected a GeoJSON FeatureCollection"]),
        ["normals with a partial city"] = new((t, dir) =>
        {
            var lines = File.ReadAllLines(Data("jjj/climate_normals.csv")).ToList();
            int i = lines.FindIndex(l => l.StartsWith("110000,") && l.Contains(",3,11.6,0.4,8.3,"));
            lines[i] = lines[i].Replace(",3,11.6,0.4,8.3,", ",3,,0.4,8.3,");
            Write(dir, "normals.csv", string.Join("\n", lines));
            return ReplaceOnce(t, Data("jjj/climate_normals.csv"), "normals.csv");
        }, "normals.csv", ["line 4, column 'tmax_c'", "got ''", "expected a temperature in °C in [-60, 60] (all 12 months or none)"]),
        // Issue #10: history and forest age.
        ["history CO2 with a gap"] = new(Co2History(s => s.Replace("1900,296.00,ice core (Law Dome) anchor,recalled\n", "")), "co2.csv",
            ["line 52, column 'year'", "got '1901'", "expected consecutive years without gaps (1900 after 1899)"]),
        ["history CO2 years not ascending"] = new(Co2History(s => s.Replace("\n1901,", "\n1899,")), "co2.csv",
            ["line 53, column 'year'", "got '1899'", "expected years in ascending order without repeats (after 1900)"]),
        ["history CO2 negative"] = new(Co2History(s => s.Replace("1900,296.00,", "1900,-296.00,")), "co2.csv",
            ["line 52, column 'co2_ppm'", "got '-296.00'", "expected a CO2 concentration in ppm, in (0, 5000]"]),
        ["history N deposition ends before the first year"] = new((t, dir) =>
        {
            Write(dir, "ndep.csv", string.Join("\n", File.ReadAllLines(Data("forcing/ndep_history_jjj.csv")).Where(l => !l.StartsWith("2019,"))));
            return ReplaceOnce(t, Data("forcing/ndep_history_jjj.csv"), "ndep.csv");
        }, "ndep.csv", ["years", "got '1850–2018'", "expected every history year 1850–2019"]),
        ["history start not before the first year"] = new((t, _) => ReplaceOnce(t, "  start_year: 1850", "  start_year: 2020"), "scenario.yaml",
            ["history.start_year (line ", "got '2020'", "expected a year before years.start (2020)"]),
        ["spin-up CO2 not the history's first year"] = new((t, _) => ReplaceOnce(t, "  max_years: 6000", "  max_years: 6000\n  co2_ppm: 290"), "scenario.yaml",
            ["spinup.co2_ppm (line ", "got '290'", "expected the history's CO2 in 1850 (285 ppm"]),
        ["forest age shares not summing to 1"] = new(ForestAge(s => s.Replace("*,young,0.33,", "*,young,0.43,")), "age.csv",
            ["city_id '*'", "got 'shares sum to 1.1", "expected shares of a city's age classes summing to 1"]),
        ["forest age of an unknown city"] = new(ForestAge(s => s.Replace("\n130100,", "\n139999,")), "age.csv",
            ["city_id", "got '139999'", "expected '*' or a city id of"]),
        ["forest age without history"] = new((t, _) =>
        {
            int i = t.IndexOf("history:", StringComparison.Ordinal), j = t.IndexOf("forest_age:", StringComparison.Ordinal);
            return t[..i] + t[j..];
        }, "scenario.yaml", ["forest_age (line ", "expected a 'history' section"]),
        ["forest age with stand age"] = new((t, _) => ReplaceOnce(t, "  max_years: 6000", "  max_years: 6000\n  stand_age_years: 40"), "scenario.yaml",
            ["spinup.stand_age_years", "got '40'", "expected no stand_age_years with forest_age"]),
        ["forest age merge missing a class"] = new((t, _) => ReplaceOnce(t, "[mature, over_mature]]", "[mature]]"), "scenario.yaml",
            ["forest_age.merge (line ", "got 'over_mature'", "expected every age class of"]),
        ["forest age spread beyond the history"] = new((t, _) => ReplaceOnce(t, "  spread_years: 8 ", "  spread_years: 12 "), "scenario.yaml",
            ["forest_age.spread_years", "got '12'", "cohort 'young' of city", "(age 10 a, cleared 2010) allows at most 9"]),
        ["forest age spread negative"] = new((t, _) => ReplaceOnce(t, "  spread_years: 8 ", "  spread_years: -2 "), "scenario.yaml",
            ["forest_age.spread_years (line ", "got '-2'", "expected whole years in [0, 30]"]),
    };

    /// <summary>Replaces the history CO2 series by an edited copy.</summary>
    private static Func<string, string, string> Co2History(Func<string, string> edit) => (t, dir) =>
    {
        Write(dir, "co2.csv", edit(File.ReadAllText(Data("forcing/co2_history.csv"))));
        return ReplaceOnce(t, Data("forcing/co2_history.csv"), "co2.csv");
    };

    /// <summary>Replaces the forest age cohorts by an edited copy.</summary>
    private static Func<string, string, string> ForestAge(Func<string, string> edit) => (t, dir) =>
    {
        Write(dir, "age.csv", edit(File.ReadAllText(Data("jjj/forest_age_cohorts.csv"))));
        return ReplaceOnce(t, Data("jjj/forest_age_cohorts.csv"), "age.csv");
    };

    public static IEnumerable<object[]> CaseNames => Cases.Keys.Select(k => new object[] { k });

    [Fact]
    public void There_are_at_least_twenty_cases() => Assert.True(Cases.Count >= 20, $"{Cases.Count} cases");

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Bad_input_names_file_place_value_and_expectation(string name)
    {
        var c = Cases[name];
        var path = TestRepo.ScratchScenario();
        var dir = Path.GetDirectoryName(path)!;
        File.WriteAllText(path, c.Edit(File.ReadAllText(path), dir));
        var e = Assert.Throws<InvalidInputException>(() => RegionBuilder.Build(ScenarioLoader.Load(path)));
        output.WriteLine(e.Message);
        Assert.Equal(c.File, Path.GetFileName(e.File));
        Assert.StartsWith(e.File + ": ", e.Message);
        foreach (var f in c.Fragments) Assert.Contains(f, e.Message);
        Assert.False(string.IsNullOrEmpty(e.Place));
        Assert.False(string.IsNullOrEmpty(e.Expected));
    }

    [Fact]
    public void Missing_scenario_file_is_an_input_error()
    {
        var e = Assert.Throws<InvalidInputException>(() => ScenarioLoader.Load("/nonexistent/scenario.yaml"));
        Assert.Contains("scenario.yaml: file: got '/nonexistent/scenario.yaml', expected an existing scenario file", e.Message);
    }
}
