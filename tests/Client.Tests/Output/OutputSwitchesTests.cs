using System.Text.Json;
using CarbonSim.Client.Cli;
using CarbonSim.Client.Commands;
using CarbonSim.Client.Output;
using CarbonSim.Client.Tests.Run;
using CarbonSim.Model.Output;

namespace CarbonSim.Client.Tests.Output;

/// <summary>
/// The scenario's <c>outputs</c> switches (docs/scenario.md): each one off leaves its file out, and the manifest
/// lists exactly the files on disk; <c>variables</c> and <c>raster_format</c> decide which rasters exist.
/// </summary>
public class OutputSwitchesTests
{
    private static string[] OnDisk(string dir) => Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
        .Select(f => Path.GetRelativePath(dir, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToArray();

    /// <summary>The manifest's file list (plus the manifest itself) is exactly what is on disk.</summary>
    private static void ManifestMatchesDisk(string dir)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, Manifest.FileName)));
        var listed = doc.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("path").GetString()!)
            .Append(Manifest.FileName).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(OnDisk(dir), listed);
    }

    public static TheoryData<string, string[]> Switches => new()
    {
        { "city_table", ["cities_annual.csv"] },
        { "city_geojson", ["cities.geojson"] },
        { "charts", ["chart_total_c_by_city.png", "chart_region_npp.png", "map_total_c_last_year.png", "map_npp_last_year.png", "map_total_c_change.png"] },
        { "report", ["report.html"] },
    };

    [Theory]
    [MemberData(nameof(Switches))]
    public void A_switch_turned_off_leaves_its_files_out_and_the_manifest_agrees(string key, string[] files)
    {
        using var tmp = new TempDir();
        var all = OutputWriter.WriteAll(SyntheticRun.Create(), tmp.Sub("all"));
        Assert.All(files, f => Assert.Contains(f, all.Files)); // written when on: the check below can fail
        var off = key switch
        {
            "city_table" => new OutputSelection { CityTable = false },
            "city_geojson" => new OutputSelection { CityGeoJson = false },
            "charts" => new OutputSelection { Charts = false },
            "report" => new OutputSelection { Report = false },
            _ => throw new ArgumentException(key),
        };
        var res = OutputWriter.WriteAll(SyntheticRun.Create() with { Outputs = off }, tmp.Sub("off"));
        var disk = OnDisk(res.Directory);
        Assert.All(files, f => Assert.DoesNotContain(f, disk));
        Assert.Equal(all.Files.Except(files).Order(StringComparer.Ordinal), disk); // nothing else went missing
        ManifestMatchesDisk(res.Directory);
        if (key != "report")
        {
            var report = File.ReadAllText(Path.Combine(res.Directory, HtmlReport.FileName));
            Assert.All(files, f => Assert.DoesNotContain($"href=\"{f}\"", report)); // no link to a file that is not there
        }
    }

    [Theory]
    [InlineData(true, false, new[] { ".asc", ".prj" })]
    [InlineData(false, true, new[] { ".tif", ".tif.aux.xml" })]
    [InlineData(true, true, new[] { ".asc", ".prj", ".tif", ".tif.aux.xml" })]
    public void Raster_format_decides_which_raster_files_exist(bool asc, bool tif, string[] endings)
    {
        using var tmp = new TempDir();
        var res = OutputWriter.WriteAll(SyntheticRun.Create() with { Outputs = new OutputSelection { Asc = asc, GeoTiff = tif } }, tmp.Sub("o"));
        var rasters = OnDisk(res.Directory).Where(f => f.StartsWith("rasters/", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(rasters);
        Assert.Contains("rasters/fields.nc", rasters); // every layer also in the netCDF-CF file, whatever the format
        rasters = rasters.Where(f => f != "rasters/fields.nc").ToArray();
        var stems = rasters.Select(f => Path.GetFileName(f).Split('.')[0]).Distinct().ToArray();
        Assert.Contains("total_c_2020_tC_ha", stems);
        // every stem has exactly the chosen files
        foreach (var stem in stems)
            Assert.Equal(endings.Select(e => $"rasters/{stem}{e}").Order(StringComparer.Ordinal), rasters.Where(f => Path.GetFileName(f).Split('.')[0] == stem));
        ManifestMatchesDisk(res.Directory);
    }

    /// <summary>A scenario with the outputs section edited runs through the engine (20 km, two years) and writes only what it asks for.</summary>
    [Fact]
    public async Task A_scenario_run_writes_only_the_requested_variables_formats_and_files()
    {
        string scenario = TestScenarios.Write("jjj-baseline", 2021, t => t
            .Replace("variables: [totalc, npp]", "variables: [soilc, gpp]")
            .Replace("raster_format: both", "raster_format: tif")
            .Replace("city_geojson: true", "city_geojson: false")
            .Replace("charts: true", "charts: false"));
        var run = await RunCommand.Execute(new RunOptions { ScenarioPath = scenario, OutDir = TestScenarios.Scratch(), ResolutionKm = 20, TileSize = 8 }, null);
        string dir = run.Output.Directory;
        var disk = OnDisk(dir);
        string[] rasters =
        [
            "rasters/city_code.tif", "rasters/city_code.tif.aux.xml", // the run fills the cell → city layer (map borders)
            "rasters/fields.nc",
            "rasters/gpp_2020_gC_m2_yr.tif", "rasters/gpp_2020_gC_m2_yr.tif.aux.xml",
            "rasters/gpp_2021_gC_m2_yr.tif", "rasters/gpp_2021_gC_m2_yr.tif.aux.xml",
            "rasters/soil_c_2020_tC_ha.tif", "rasters/soil_c_2020_tC_ha.tif.aux.xml",
            "rasters/soil_c_2021_tC_ha.tif", "rasters/soil_c_2021_tC_ha.tif.aux.xml",
        ];
        Assert.Equal(rasters.Order(StringComparer.Ordinal), disk.Where(f => f.StartsWith("rasters/", StringComparison.Ordinal)));
        Assert.Equal(["budgets.csv", "cities_annual.csv", "classes_annual.csv", "compensation_cumulative.csv", "compensation_flows.csv", "compensation_inputs.csv",
            "compensation_ledger.csv", "compensation_settings.csv", "crop_yields.csv",
            "forest_age.csv", "history_annual.csv", "manifest.json", "region_annual.csv", "report.html", "scenario.yaml", "validation.csv"], disk.Where(f => !f.Contains('/')));   // the baseline closes the books; scenario.yaml: the run's own copy
        ManifestMatchesDisk(dir);
        // The layers hold the engine's per-cell values of the variable named (soil C, not another one).
        var soil = run.Results.Rasters.Single(l => l.Name == "soil_c_2021");
        Assert.Equal(OutputUnits.KgCPerM2, soil.Unit);
        var snap = run.Outcome.CellSnapshots.Single(s => s.Year == 2021);
        var grid = run.Results.Grid!;
        Assert.True(run.Spec.Cells.Count > 100);
        for (int i = 0; i < run.Spec.Cells.Count; i++)
            Assert.Equal(snap.Values[i * Model.Engine.CarbonVariables.Count + Model.Engine.CarbonVariables.SoilC],
                soil.Values[grid.Index(run.Spec.Cells.Row[i], run.Spec.Cells.Col[i])]);
        Assert.True(soil.Values.Where(double.IsFinite).Max() > 1, "soil C of some cell above 1 kg m-2");
        // The annual tables keep every variable.
        var (header, _) = Csv.Read(Path.Combine(dir, AnnualTables.CitiesFile));
        Assert.Contains("totalc_TgC", header); Assert.Contains("npp_gC_m2_yr", header);
    }
}
