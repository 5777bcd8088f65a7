using System.Text.RegularExpressions;
using CarbonSim.Client.Tests.EndToEnd;

namespace CarbonSim.Client.Tests.BadInput;

/// <summary>
/// One bad input for the CLI: <see cref="Prepare"/> writes what it needs into a scratch folder (a tiny
/// copy of the baseline, edited) and returns the arguments after the verb (without --out) and the strings
/// the single stderr line must contain (file, place, value, expectation).
/// </summary>
public sealed record BadInputCase(string Name, Func<BadInputWorkspace, (string[] Args, string[] Expect)> Prepare)
{
    public override string ToString() => Name;
}

/// <summary>Scratch folder with the tiny baseline (<c>base.yaml</c>) and helpers to derive bad copies.</summary>
public sealed class BadInputWorkspace : IDisposable
{
    public string Dir { get; } = CliProcess.NewScratch("badinput");
    public string BaseText { get; } = CliProcess.TinyScenarioText(resolutionKm: 50, lastYear: 2022);
    public static string Data(params string[] parts) => Path.Combine([CliProcess.RepoRoot, "data", .. parts]);

    public string Write(string name, string text) { var p = Path.Combine(Dir, name); File.WriteAllText(p, text); return p; }

    /// <summary>A named pipe (FIFO) in the scratch folder: a reader that opens it blocks until a writer comes.</summary>
    public string Fifo(string name)
    {
        var p = Path.Combine(Dir, name);
        using (var mk = System.Diagnostics.Process.Start("mkfifo", [p])) mk.WaitForExit();
        Assert.True(File.Exists(p), "mkfifo failed");
        return p;
    }

    /// <summary>Writes the baseline with <paramref name="from"/> replaced by <paramref name="to"/> as <c>s.yaml</c>.</summary>
    public string Scenario(string from, string to) => Write("s.yaml", CliProcess.Edit(BaseText, from, to));

    /// <summary>The baseline with the generated land use replaced by <c>raster: <paramref name="raster"/></c>.</summary>
    public string RasterScenario(string raster) =>
        Write("s.yaml", Regex.Replace(BaseText, @"  generate:.*?default_green_coverage_pct: \d+\n", $"  raster: {raster}\n", RegexOptions.Singleline));

    /// <summary>A valid land-use grid (class codes) over the tiny scenario's grid, written by the validate verb's --write-landuse.</summary>
    public string LandUseRaster(string name)
    {
        var good = Write("base.yaml", BaseText);
        var asc = Path.Combine(Dir, name);
        var r = CarbonSim.Client.Tests.Cli.InProcessCli.Run("validate", good, "--write-landuse", asc);
        Assert.True(r.ExitCode == 0, "writing the land-use map failed: " + r.Stderr);
        return asc;
    }

    /// <summary>Replaces the first data cell (row-major) equal to <paramref name="code"/>; returns its 0-based row and column.</summary>
    public static (int Row, int Col) ReplaceFirst(string asc, string code, string replacement)
    {
        var lines = File.ReadAllLines(asc);
        for (int r = 6; r < lines.Length; r++)
        {
            var cells = lines[r].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            int c = Array.IndexOf(cells, code);
            if (c < 0) continue;
            cells[c] = replacement;
            lines[r] = string.Join(' ', cells);
            File.WriteAllLines(asc, lines);
            return (r - 6, c);
        }
        throw new InvalidOperationException($"no cell with class {code} in {asc}");
    }

    /// <summary>
    /// The <c>land_use_change</c> and <c>conversion_carbon</c> sections of the bundled urban-expansion
    /// scenario with the trend demand replaced by a demand table.
    /// </summary>
    public static string LandUseSections(string demandTable)
    {
        var text = File.ReadAllText(Path.Combine(CliProcess.RepoRoot, "scenarios", "jjj-urban-expansion.yaml"));
        int from = text.IndexOf("\nland_use_change:", StringComparison.Ordinal), to = text.IndexOf("\nemissions:", StringComparison.Ordinal);
        Assert.True(from > 0 && to > from, "jjj-urban-expansion.yaml no longer has land_use_change before emissions");
        return Regex.Replace(text[from..to], @"    trend_pct_per_year:.*?\n  allocation:", $"    table: {demandTable}\n  allocation:", RegexOptions.Singleline) + "\n";
    }

    public void Dispose() => CliProcess.TryDelete(Dir);
}

/// <summary>The named bad-input cases shared by the validate and run theories.</summary>
public static class BadInputCatalog
{
    static readonly string ClassMix = BadInputWorkspace.Data("vegetation", "class_mix.csv");
    static readonly string Cities = BadInputWorkspace.Data("jjj", "cities.geojson");

    public static readonly BadInputCase[] All =
    [
        new("malformed_yaml",
            w => ([w.Write("s.yaml", "version: 1\nname: [unclosed\n")],
                  [Path.Combine(w.Dir, "s.yaml"), "line 3", "did not find expected", "expected well-formed YAML"])),
        new("unknown_key",
            w => ([w.Scenario("name: jjj-baseline\n", "name: jjj-baseline\nsimulate_faster: true\n")],
                  [Path.Combine(w.Dir, "s.yaml"), "simulate_faster (line 5)", "got 'simulate_faster'", "expected a known key of the scenario", "climate"])),
        new("duplicate_key",
            w => ([w.Scenario("name: jjj-baseline\n", "name: jjj-baseline\nname: again\n")],
                  [Path.Combine(w.Dir, "s.yaml"), "line 5", "Duplicate key name", "expected well-formed YAML"])),
        new("empty_file",
            w => ([w.Write("s.yaml", "")],
                  [Path.Combine(w.Dir, "s.yaml"), "document", "got '0 documents'", "expected exactly one YAML document"])),
        new("scenario_file_missing",
            w => ([Path.Combine(w.Dir, "nowhere.yaml")],
                  [Path.Combine(w.Dir, "nowhere.yaml"), "file", "expected an existing scenario file"])),
        new("boundaries_file_missing",
            w => ([w.Scenario("jjj/cities.geojson", "jjj/no-such-cities.geojson")],
                  [Path.Combine(w.Dir, "s.yaml"), "region.boundaries (line 10)", BadInputWorkspace.Data("jjj", "no-such-cities.geojson"), "expected an existing GeoJSON file"])),
        new("epc_file_missing",
            w => ([w.Scenario("vegetation/enf.epc", "vegetation/enf-missing.epc")],
                  [Path.Combine(w.Dir, "s.yaml"), "vegetation.enf (line", "enf-missing.epc", "expected an existing BIOME-BGC .epc file"])),
        new("boundary_is_a_linestring",
            w =>
            {
                var geo = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Cities))!;
                geo["features"]![2]!["geometry"] = System.Text.Json.Nodes.JsonNode.Parse("""{"type":"LineString","coordinates":[[115,39],[116,40]]}""");
                var path = w.Write("lines.geojson", geo.ToJsonString());
                return ([w.Scenario(Cities, path)], [path, "features[2].geometry", "got 'LineString'", "expected a Polygon or MultiPolygon"]);
            }),
        new("boundaries_not_json",
            w => ([w.Scenario(Cities, w.Write("broken.geojson", "{\"type\":\"FeatureCollection\",\"features\":[\n"))],
                  [Path.Combine(w.Dir, "broken.geojson"), "line 2", "expected a GeoJSON FeatureCollection"])),
        new("landuse_raster_nan",
            w =>
            {
                var asc = w.LandUseRaster("nan.asc");
                var (row, col) = BadInputWorkspace.ReplaceFirst(asc, "1", "NaN");
                return ([w.RasterScenario(asc)], [asc, $"row {row}, col {col}", "got 'NaN'", "expected a finite number"]);
            }),
        new("landuse_raster_unknown_class",
            w =>
            {
                var asc = w.LandUseRaster("code99.asc");
                var (row, col) = BadInputWorkspace.ReplaceFirst(asc, "2", "99");
                return ([w.RasterScenario(asc)], [asc, $"row {row}, col {col}", "got '99'", "expected a class code of", "1=cropland"]);
            }),
        new("landuse_class_missing_from_table",
            w =>
            {
                var asc = w.LandUseRaster("lu.asc");                       // a valid map, which uses class 6 (unused) ...
                var (row, col) = BadInputWorkspace.ReplaceFirst(asc, "6", "6");
                var csv = w.Write("classes_without_6.csv",                 // ... and a class table without it
                    string.Join('\n', File.ReadAllLines(ClassMix).Where(l => !l.StartsWith("6,", StringComparison.Ordinal))) + "\n");
                var scenario = w.Write("s.yaml", CliProcess.Edit(File.ReadAllText(w.RasterScenario(asc)), ClassMix, csv));
                return ([scenario], [asc, $"row {row}, col {col}", "got '6'", "expected a class code of " + csv]);
            }),
        new("vegetation_type_missing_for_class",
            w => ([w.Write("s.yaml", Regex.Replace(w.BaseText, @"^  dnf: .*\n", "", RegexOptions.Multiline))],
                  [ClassMix, "column 'component'", "got 'dnf'", "expected 'sealed', 'bare', 'water' or a vegetation type of the scenario"])),
        new("class_fraction_not_a_number",
            w =>
            {
                var csv = w.Write("classes.csv", CliProcess.Edit(File.ReadAllText(ClassMix), "1,cropland,*,wheat_maize,1.0,", "1,cropland,*,wheat_maize,lots,"));
                return ([w.Scenario(ClassMix, csv)], [csv, "line 2, column 'fraction'", "got 'lots'", "expected a fraction in [0, 1]"]);
            }),
        new("years_reversed",
            w => ([w.Scenario("start: 2020", "start: 2023")],
                  [Path.Combine(w.Dir, "s.yaml"), "years.end (line 7)", "got '2022'", "expected a year >= years.start (2023)"])),
        new("resolution_zero",
            w => ([w.Scenario("resolution_km: 50 ", "resolution_km: 0 ")],
                  [Path.Combine(w.Dir, "s.yaml"), "grid.resolution_km (line 16)", "got '0'", "expected a cell size in km"])),
        new("resolution_not_a_number",
            w => ([w.Scenario("resolution_km: 50 ", "resolution_km: fifty ")],
                  [Path.Combine(w.Dir, "s.yaml"), "grid.resolution_km (line 16)", "got 'fifty'", "expected a cell size in km"])),
        new("tile_size_zero",
            w => ([w.Scenario("tile_size: 32 ", "tile_size: 0 ")],
                  [Path.Combine(w.Dir, "s.yaml"), "grid.tile_size (line 17)", "got '0'", "expected a tile edge in cells"])),
        new("co2_negative",
            w => ([w.Scenario("ppm: 418.56", "ppm: -5")],
                  [Path.Combine(w.Dir, "s.yaml"), "co2.trend.ppm (line", "got '-5'", "expected a CO2 concentration in ppm"])),
        new("soil_texture_not_100",
            w => ([w.Scenario("sand_pct: 30", "sand_pct: 40")],
                  [Path.Combine(w.Dir, "s.yaml"), "soil (line", "sand 40 + silt 50 + clay 20 = 110", "expected sand_pct + silt_pct + clay_pct = 100"])),
        new("spinup_mode_unknown",
            w => ([w.Scenario("mode: accelerated", "mode: turbo")],
                  [Path.Combine(w.Dir, "s.yaml"), "spinup.mode (line", "got 'turbo'", "expected 'accelerated' or 'standard'"])),
        new("format_version_unknown",
            w => ([w.Scenario("version: 1\n", "version: 7\n")],
                  [Path.Combine(w.Dir, "s.yaml"), "version (line 3)", "got '7'", "expected format version 1"])),
        new("raster_year_outside_run",
            w => ([w.Scenario("raster_years: [2020, 2022]", "raster_years: [2020, 2030]")],
                  [Path.Combine(w.Dir, "s.yaml"), "outputs.raster_years (line", "got '2030'", "expected a simulated year in [2020, 2022]"])),
        new("luc_demand_exceeds_cells",
            w => ([w.Write("s.yaml", w.BaseText + BadInputWorkspace.LandUseSections(
                      w.Write("demand.csv", "city_id,year,class,cells\n110000,2020,cropland,900\n110000,2021,cropland,900\n110000,2022,cropland,900\n")))],
                  [Path.Combine(w.Dir, "demand.csv"), "city 110000 year 2020", "got '900 cells demanded'", "demand exceeds the available cells"])),
        new("luc_unknown_built_up_class",
            w => ([w.Write("s.yaml", w.BaseText + BadInputWorkspace.LandUseSections(
                      w.Write("demand.csv", "city_id,year,class,cells\n")).Replace("built_up_class: built_up", "built_up_class: urban"))],
                  [Path.Combine(w.Dir, "s.yaml"), "built_up_class", "got 'urban'", "expected a land-use class"])),
        new("compensation_negative_price",
            w => ([w.Write("s.yaml", CliProcess.Edit(w.BaseText, "price_rmb_per_t_co2: 62.36", "price_rmb_per_t_co2: -5"))],
                  [Path.Combine(w.Dir, "s.yaml"), "compensation.price_rmb_per_t_co2 (line", "got '-5'", "expected a carbon price >= 0"])),
        new("raster_format_unknown",
            w => ([w.Scenario("raster_format: both", "raster_format: png")],
                  [Path.Combine(w.Dir, "s.yaml"), "outputs.raster_format (line", "got 'png'", "expected 'asc'"])),
        // Issue #14: names that are paths, YAML bombs, special files, impossible raster headers.
        new("scenario_name_is_a_path",
            w => ([w.Scenario("name: jjj-baseline\n", "name: ../../escaped\n")],
                  [Path.Combine(w.Dir, "s.yaml"), "name (line 4)", "got '../../escaped'", "expected a simple name"])),
        new("scenario_name_is_absolute",
            w => ([w.Scenario("name: jjj-baseline\n", "name: /tmp/escaped\n")],
                  [Path.Combine(w.Dir, "s.yaml"), "name (line 4)", "got '/tmp/escaped'", "no '/'"])),
        new("yaml_nested_too_deep",
            w => ([w.Write("s.yaml", w.BaseText + "deep: " + new string('[', 100_000) + new string(']', 100_000) + "\n")],
                  [Path.Combine(w.Dir, "s.yaml"), "nesting deeper than 64 levels", "expected YAML nested at most 64 levels deep"])),
        new("yaml_scalar_too_long",
            w => ([w.Scenario("name: jjj-baseline\n", "name: " + new string('x', 70_000) + "\n")],
                  [Path.Combine(w.Dir, "s.yaml"), "line 4", "got 'a value of 70000 characters'", "expected values of at most 65536 characters"])),
        new("scenario_file_too_large",
            w => ([w.Write("s.yaml", w.BaseText + "# " + new string('x', 17 << 20) + "\n")],
                  [Path.Combine(w.Dir, "s.yaml"), "file", "bytes)'", "expected a scenario file of at most 16777216 bytes"])),
        new("scenario_is_a_fifo",
            w => ([w.Fifo("s.yaml")], [Path.Combine(w.Dir, "s.yaml"), "file", "a regular file, not a FIFO"])),
        new("scenario_is_dev_zero",
            w => (["/dev/zero"], ["/dev/zero: file", "a regular file, not a device"])),
        new("boundaries_is_a_fifo",
            w => ([w.Scenario(Cities, w.Fifo("cities.geojson"))],
                  [Path.Combine(w.Dir, "s.yaml"), "region.boundaries (line 10)", "expected an existing GeoJSON file or shapefile (.shp) of city polygons: a regular file"])),
        new("landuse_raster_header_2e9_columns",
            w => ([w.RasterScenario(w.Write("huge.asc", "ncols 2000000000\nnrows 1\nxllcorner 0\nyllcorner 0\ncellsize 10000\nNODATA_value -9999\n1 1 1\n"))],
                  [Path.Combine(w.Dir, "huge.asc"), "header", "got '1 x 2000000000'", "too few for 2000000000 values"])),
    ];

    public static BadInputCase Get(string name) => All.Single(c => c.Name == name);

    public static TheoryData<string> Names()
    {
        var d = new TheoryData<string>();
        foreach (var c in All) d.Add(c.Name);
        return d;
    }
}
