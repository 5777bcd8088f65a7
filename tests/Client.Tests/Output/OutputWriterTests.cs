using CarbonSim.Model.Io.Formats;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using CarbonSim.Client.Output;
using CarbonSim.Model.Output;
using NetTopologySuite.Features;
using NetTopologySuite.IO.Converters;

namespace CarbonSim.Client.Tests.Output;

public class OutputWriterTests
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static void Close(double expected, string printed, double relTol = 1e-9)
    {
        double v = double.Parse(printed, Inv);
        Assert.True(Math.Abs(v - expected) <= relTol * Math.Max(1.0, Math.Abs(expected)), $"expected {expected:R}, printed {printed}");
    }

    private static Dictionary<string, string> ByHeader(IReadOnlyList<string> header, IReadOnlyList<string> row) =>
        header.Select((h, i) => (h, row[i])).ToDictionary(p => p.h, p => p.Item2);

    [Fact]
    public void WriteAll_writes_every_file_and_nothing_else()
    {
        using var tmp = new TempDir();
        var outDir = tmp.Sub("run1");
        var res = OutputWriter.WriteAll(SyntheticRun.Create(), outDir);

        string[] expected =
        [
            "cities_annual.csv", "region_annual.csv", "cities.geojson", "report.html", "manifest.json",
            "chart_total_c_by_city.png", "chart_region_npp.png", "map_total_c_last_year.png", "map_npp_last_year.png", "map_total_c_change.png",
            "rasters/total_c_2020_tC_ha.asc", "rasters/total_c_2020_tC_ha.prj",
            "rasters/total_c_2022_tC_ha.asc", "rasters/total_c_2022_tC_ha.prj",
            "rasters/npp_2020_gC_m2_yr.asc", "rasters/npp_2020_gC_m2_yr.prj",
            "rasters/npp_2022_gC_m2_yr.asc", "rasters/npp_2022_gC_m2_yr.prj",
            "rasters/total_c_2020_tC_ha.tif", "rasters/total_c_2020_tC_ha.tif.aux.xml",
            "rasters/total_c_2022_tC_ha.tif", "rasters/total_c_2022_tC_ha.tif.aux.xml",
            "rasters/npp_2020_gC_m2_yr.tif", "rasters/npp_2020_gC_m2_yr.tif.aux.xml",
            "rasters/npp_2022_gC_m2_yr.tif", "rasters/npp_2022_gC_m2_yr.tif.aux.xml",
            "rasters/city_code.asc", "rasters/city_code.prj", "rasters/city_code.tif", "rasters/city_code.tif.aux.xml",
            "rasters/fields.nc",
        ];
        var onDisk = Directory.EnumerateFiles(outDir, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(outDir, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(expected.Order(StringComparer.Ordinal), onDisk);
        Assert.Equal(onDisk, res.Files.Order(StringComparer.Ordinal));
        Assert.Equal("manifest.json", res.Files[^1]);
        Assert.Empty(res.Warnings);
        Assert.Empty(Directory.GetDirectories(tmp.Path, "run1.partial-*"));
        Assert.All(onDisk, f => Assert.True(new FileInfo(Path.Combine(outDir, f)).Length > 0, f));
    }

    [Fact]
    public void Cities_csv_parses_back_to_the_same_numbers_in_report_units()
    {
        using var tmp = new TempDir();
        var run = SyntheticRun.Create();
        OutputWriter.WriteAll(run, tmp.Sub("o"), new OutputWriterOptions { Charts = false });
        var (header, rows) = Csv.Read(Path.Combine(tmp.Sub("o"), "cities_annual.csv"));

        Assert.Equal(6, rows.Count);
        Assert.All(header.Skip(5), h => Assert.Matches("_(km2|gC_m2_yr|tC_ha|TgC|TgC_yr|tCO2)$", h));
        int compared = 0;
        foreach (var row in rows)
        {
            var f = ByHeader(header, row);
            var src = run.Row(f["city_id"], int.Parse(f["year"], Inv))!;
            Close(src.AreaM2 / 1e6, f["area_km2"]);
            Close(src.Gpp * 1000, f["gpp_gC_m2_yr"]);
            Close(src.Npp * 1000, f["npp_gC_m2_yr"]);
            Close(src.Nep * 1000, f["nep_gC_m2_yr"]);
            Close(src.VegC * 10, f["vegc_tC_ha"]);
            Close(src.SoilC * 10, f["soilc_tC_ha"]);
            Close(src.TotalC * 10, f["totalc_tC_ha"]);
            Close(src.TotalC * src.AreaM2 / 1e9, f["totalc_TgC"]);
            Close(src.Npp * src.AreaM2 / 1e9, f["npp_TgC_yr"]);
            Close(src.AreaByClassM2["cropland"] / 1e6, f["area_cropland_km2"]);
            Close(src.AreaByClassM2["urban"] / 1e6, f["area_urban_km2"]);
            Close(src.Extra["emissions_tCO2"], f["emissions_tCO2"]);
            if (src.Year == run.FirstYear) Assert.Equal("", f["totalc_change_TgC"]);
            else
            {
                var prev = run.Row(src.CityId, src.Year - 1)!;
                Close((src.TotalCKg - prev.TotalCKg) / 1e9, f["totalc_change_TgC"], 1e-8);
            }
            compared++;
        }
        Assert.Equal(6, compared);
        // The city name with a comma survives quoting.
        Assert.Contains(rows, r => r[1] == "Tianjin, Coast" && r[2] == "天津市");
    }

    [Fact]
    public void Region_csv_holds_area_weighted_means_and_sums()
    {
        using var tmp = new TempDir();
        var run = SyntheticRun.Create();
        OutputWriter.WriteAll(run, tmp.Sub("o"), new OutputWriterOptions { Charts = false });
        var (header, rows) = Csv.Read(Path.Combine(tmp.Sub("o"), "region_annual.csv"));
        Assert.Equal(3, rows.Count);
        foreach (var row in rows)
        {
            var f = ByHeader(header, row);
            int year = int.Parse(f["year"], Inv);
            var a = SyntheticRun.City("110000", 0, year); var b = SyntheticRun.City("120000", 1, year);
            double area = a.AreaM2 + b.AreaM2;
            Assert.Equal("2", f["n_cities"]);
            Close(area / 1e6, f["area_km2"]);
            Close((a.Npp * a.AreaM2 + b.Npp * b.AreaM2) / area * 1000, f["npp_gC_m2_yr"]);
            Close((a.TotalC * a.AreaM2 + b.TotalC * b.AreaM2) / 1e9, f["totalc_TgC"]);
            Close((a.AreaByClassM2["forest"] + b.AreaByClassM2["forest"]) / 1e6, f["area_forest_km2"]);
            Close(a.Extra["emissions_tCO2"] + b.Extra["emissions_tCO2"], f["emissions_tCO2"]);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Ascii_grid_header_orientation_and_nodata(bool geographic)
    {
        using var tmp = new TempDir();
        var run = SyntheticRun.Create(geographic);
        var outDir = tmp.Sub("o");
        OutputWriter.WriteAll(run, outDir, new OutputWriterOptions { Charts = false });
        var g = run.Grid!;
        var path = Path.Combine(outDir, "rasters", "total_c_2022_tC_ha.asc");
        var lines = File.ReadAllLines(path);
        Assert.Equal("ncols 5", lines[0]);
        Assert.Equal("nrows 4", lines[1]);
        Assert.Equal(g.OriginX, double.Parse(lines[2].Split(' ')[1], Inv));
        Assert.Equal(g.OriginY - 4 * g.CellSize, double.Parse(lines[3].Split(' ')[1], Inv));
        Assert.StartsWith("xllcorner", lines[2]); Assert.StartsWith("yllcorner", lines[3]);
        Assert.Equal(g.CellSize, double.Parse(lines[4].Split(' ')[1], Inv));
        Assert.Equal("NODATA_value -9999", lines[5]);
        Assert.Equal(6 + 4, lines.Length);

        var grid = EsriAsciiGrid.Read(path);
        var src = run.Rasters.Single(l => l.Name == "total_c_2022").Values;
        for (int r = 0; r < 4; r++)
            for (int c = 0; c < 5; c++)
            {
                string cell = lines[6 + r].Split(' ')[c];
                if (SyntheticRun.IsNoData(r, c)) Assert.Equal("-9999", cell);
                else
                {
                    Assert.NotEqual("-9999", cell);
                    Close(src[r * 5 + c] * 10, cell, 1e-6); // kgC m-2 → t C ha-1, 7 significant digits
                }
            }
        // Row 0 is the north row: values grow southwards in the synthetic layer.
        Assert.True(grid.Values[3 * 5 + 1] > grid.Values[0 * 5 + 1]);
        Assert.Equal(g.CrsWkt, File.ReadAllText(Path.ChangeExtension(path, ".prj")));
        var npp = EsriAsciiGrid.Read(Path.Combine(outDir, "rasters", "npp_2020_gC_m2_yr.asc"));
        Close(run.Rasters.Single(l => l.Name == "npp_2020").Values[1] * 1000, npp.Values[1].ToString("R", Inv), 1e-6);
    }

    [Fact]
    public void City_code_raster_marks_each_cell_with_its_city()
    {
        using var tmp = new TempDir();
        var run = SyntheticRun.Create();
        OutputWriter.WriteAll(run, tmp.Sub("o"), new OutputWriterOptions { Charts = false });
        var grid = EsriAsciiGrid.Read(Path.Combine(tmp.Sub("o"), "rasters", "city_code.asc"));
        for (int r = 0; r < 4; r++)
            for (int c = 0; c < 5; c++)
            {
                double v = grid.ValuesOrNaN()[r * 5 + c];
                if (SyntheticRun.IsNoData(r, c)) Assert.True(double.IsNaN(v));
                else Assert.Equal(c < 3 ? 110000 : 120000, v);
            }
        var bad = run with { CellCity = new int[20] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5 } };
        var ex = Assert.Throws<CarbonSim.Model.InvalidInputException>(() => bad.Validate());
        Assert.Contains("CellCity[19]", ex.Message);
    }

    [Fact]
    public void Report_links_every_data_file_and_states_the_comparison()
    {
        using var tmp = new TempDir();
        // The comparison comes from a references file, not from code (ValidationReportTests has the details).
        var run = ValidationReportTests.WithClasses(SyntheticRun.Create(),
            "region,*,npp_gC_m2_yr,2020-2022,223,356,g C m-2 a-1,MODIS,published,,\n110000,forest,vegc_tC_ha,2020,10,20,t C ha-1,Plot,verified,,\n");
        var res = OutputWriter.WriteAll(run, tmp.Sub("o"), new OutputWriterOptions { Charts = false });
        var html = File.ReadAllText(Path.Combine(res.Directory, "report.html"));
        foreach (var f in res.Files.Where(f => f != "report.html" && f != "manifest.json"))
            Assert.Contains($"href=\"{f}\"", html);
        Assert.Contains("<td>Tianjin, Coast</td><td>天津市</td>", html);
        Assert.Contains("<td class=\"within\">within</td>", html);  // regional NPP 317 in 223–356
        Assert.Contains("<td class=\"above\">above</td>", html);    // Beijing forest 2.0 + 2 kg m-2 = 40 t C ha-1 above 20
        Assert.DoesNotContain("wall_seconds", html); // timings stay in the manifest
    }

    private static double Num(object? v) => v switch
    {
        JsonElement e => e.GetDouble(),
        IConvertible c => c.ToDouble(Inv),
        _ => throw new InvalidOperationException($"not a number: {v}"),
    };

    private static string Str(object? v) => v is JsonElement e ? e.GetString()! : (string)v!;

    [Fact]
    public void Geojson_parses_with_attributes_and_geometry()
    {
        using var tmp = new TempDir();
        var run = SyntheticRun.Create();
        OutputWriter.WriteAll(run, tmp.Sub("o"), new OutputWriterOptions { Charts = false });
        var opts = new JsonSerializerOptions(); opts.Converters.Add(new GeoJsonConverterFactory());
        var fc = JsonSerializer.Deserialize<FeatureCollection>(File.ReadAllText(Path.Combine(tmp.Sub("o"), "cities.geojson")), opts)!;
        Assert.Equal(2, fc.Count);
        foreach (var f in fc)
        {
            string id = Str(f.Attributes["id"]);
            var first = run.Row(id, 2020)!; var last = run.Row(id, 2022)!;
            Assert.Equal("Polygon", f.Geometry.GeometryType);
            Assert.True(f.Geometry.Area > 0);
            Assert.Equal(last.TotalCKg / 1e9, Num(f.Attributes["totalc_TgC"]), 9);
            Assert.Equal((last.TotalCKg - first.TotalCKg) / 1e9, Num(f.Attributes["totalc_change_TgC"]), 9);
            Assert.Equal(run.SeriesOf(id).Average(s => s.Npp) * 1000, Num(f.Attributes["npp_mean_gC_m2_yr"]), 9);
            Assert.Equal(2022, Num(f.Attributes["last_year"]));
        }
    }

    [Fact]
    public void Geojson_takes_geometry_from_boundaries_file_when_city_has_none()
    {
        using var tmp = new TempDir();
        var bpath = tmp.Sub("bounds.geojson");
        File.WriteAllText(bpath, $$"""
            {"type":"FeatureCollection","features":[
             {"type":"Feature","properties":{"id":"120000","name":"Tianjin"},"geometry":{{SyntheticRun.SquareB}}},
             {"type":"Feature","properties":{"id":"110000","name":"Beijing"},"geometry":{{SyntheticRun.SquareA}}}]}
            """);
        var run = SyntheticRun.Create(embedGeometry: false, boundaries: bpath);
        OutputWriter.WriteAll(run, tmp.Sub("o"), new OutputWriterOptions { Charts = false });
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(tmp.Sub("o"), "cities.geojson")));
        var feats = doc.RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal("110000", feats[0].GetProperty("properties").GetProperty("id").GetString());
        // Beijing's square spans 116.0–116.5 in the boundaries file.
        Assert.Equal(116.5, feats[0].GetProperty("geometry").GetProperty("coordinates")[0][1][0].GetDouble());
        Assert.Equal(117.25, feats[1].GetProperty("geometry").GetProperty("coordinates")[0][1][0].GetDouble());
    }

    private static (int W, int H) PngSize(string path)
    {
        var b = File.ReadAllBytes(path);
        byte[] sig = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        Assert.Equal(sig, b.Take(8).ToArray());
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(b, 12, 4));
        int w = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(b.AsSpan(16));
        int h = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(b.AsSpan(20));
        return (w, h);
    }

    [Fact]
    public void Pngs_are_pngs_of_the_requested_size()
    {
        using var tmp = new TempDir();
        OutputWriter.WriteAll(SyntheticRun.Create(), tmp.Sub("o"));
        foreach (var f in new[] { Charts.TotalCarbonFile, Charts.RegionalNppFile, Charts.MapFile, Charts.NppMapFile, Charts.ChangeMapFile })
            Assert.Equal((Charts.Width, Charts.Height), PngSize(Path.Combine(tmp.Sub("o"), f)));
        var html = File.ReadAllText(Path.Combine(tmp.Sub("o"), "report.html"));
        Assert.Contains("data:image/png;base64,", html);
    }

    [Fact]
    public void Manifest_hashes_match_file_contents()
    {
        using var tmp = new TempDir();
        var run = SyntheticRun.Create();
        var outDir = tmp.Sub("o");
        OutputWriter.WriteAll(run, outDir);
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(outDir, "manifest.json")));
        var root = doc.RootElement;
        Assert.Equal("synthetic", root.GetProperty("scenario").GetProperty("name").GetString());
        Assert.Equal(run.ScenarioSha256, root.GetProperty("scenario").GetProperty("sha256").GetString());
        Assert.Equal(new string('b', 64), root.GetProperty("inputs").GetProperty("landuse.asc").GetString());
        Assert.Equal(2.25, root.GetProperty("timings")[1].GetProperty("wall_seconds").GetDouble());
        var files = root.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(30, files.Count);
        foreach (var f in files)
        {
            var p = f.GetProperty("path").GetString()!;
            Assert.NotEqual("manifest.json", p);
            var bytes = File.ReadAllBytes(Path.Combine(outDir, p));
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), f.GetProperty("sha256").GetString());
            Assert.Equal(bytes.Length, f.GetProperty("bytes").GetInt64());
        }
    }

    [Theory]
    [InlineData("region_annual.csv")]
    [InlineData("cities.geojson")]
    [InlineData("chart_region_npp.png")]
    [InlineData("manifest.json")]
    public void Failure_mid_write_leaves_no_output_folder(string failAfter)
    {
        using var tmp = new TempDir();
        var outDir = tmp.Sub("run");
        var opts = new OutputWriterOptions { AfterFile = f => { if (f == failAfter) throw new IOException("injected: disk full"); } };
        var ex = Assert.Throws<IOException>(() => OutputWriter.WriteAll(SyntheticRun.Create(), outDir, opts));
        Assert.Contains("injected", ex.Message);
        Assert.False(Directory.Exists(outDir));
        Assert.Empty(Directory.GetFileSystemEntries(tmp.Path));
    }

    [Fact]
    public void Existing_folder_is_kept_unless_overwrite_and_replaced_whole_when_asked()
    {
        using var tmp = new TempDir();
        var outDir = tmp.Sub("run");
        Directory.CreateDirectory(outDir);
        File.WriteAllText(Path.Combine(outDir, "old.txt"), "old");
        var ex = Assert.Throws<IOException>(() => OutputWriter.WriteAll(SyntheticRun.Create(), outDir, new OutputWriterOptions { Charts = false }));
        Assert.Contains("exists", ex.Message);
        Assert.True(File.Exists(Path.Combine(outDir, "old.txt")));

        // A failing overwrite leaves the old folder as it was.
        Assert.Throws<IOException>(() => OutputWriter.WriteAll(SyntheticRun.Create(), outDir,
            new OutputWriterOptions { Charts = false, Overwrite = true, AfterFile = f => throw new IOException("injected") }));
        Assert.True(File.Exists(Path.Combine(outDir, "old.txt")));

        OutputWriter.WriteAll(SyntheticRun.Create(), outDir, new OutputWriterOptions { Charts = false, Overwrite = true });
        Assert.False(File.Exists(Path.Combine(outDir, "old.txt")));
        Assert.True(File.Exists(Path.Combine(outDir, "manifest.json")));
        Assert.Single(Directory.GetDirectories(tmp.Path));
    }

    [Fact]
    public void Invalid_results_are_rejected_before_anything_is_written()
    {
        using var tmp = new TempDir();
        var run = SyntheticRun.Create();
        var broken = run with { CityYears = run.CityYears.Where(c => !(c.CityId == "120000" && c.Year == 2021)).ToList() };
        var ex = Assert.Throws<CarbonSim.Model.InvalidInputException>(() => OutputWriter.WriteAll(broken, tmp.Sub("o")));
        Assert.Contains("120000", ex.Message);
        Assert.Contains("2021", ex.Message);
        Assert.Empty(Directory.GetFileSystemEntries(tmp.Path));

        var badRaster = run with { Rasters = [RasterLayer.Npp(2020, new double[7])] };
        var ex2 = Assert.Throws<CarbonSim.Model.InvalidInputException>(() => badRaster.Validate());
        Assert.Contains("npp_2020", ex2.Message);
        Assert.Contains("20 values", ex2.Message);
    }

    [Fact]
    public void Writing_twice_gives_identical_data_files()
    {
        using var tmp = new TempDir();
        var run = SyntheticRun.Create();
        OutputWriter.WriteAll(run, tmp.Sub("a"), new OutputWriterOptions { Charts = false });
        OutputWriter.WriteAll(run, tmp.Sub("b"), new OutputWriterOptions { Charts = false });
        foreach (var f in new[] { "cities_annual.csv", "region_annual.csv", "cities.geojson", "report.html", "rasters/npp_2022_gC_m2_yr.asc" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(tmp.Sub("a"), f)), File.ReadAllBytes(Path.Combine(tmp.Sub("b"), f)));
    }
}

public class ChangeMapTests
{
    [Fact]
    public void Change_layer_is_last_minus_first_raster_year_and_keeps_nodata()
    {
        var run = SyntheticRun.Create();
        var totalC = run.Rasters.Where(l => l.Name.StartsWith("total_c_", StringComparison.Ordinal)).ToList();
        var (layer, from, to) = OutputWriter.ChangeLayer(totalC)!.Value;
        Assert.Equal((2020, 2022), (from, to));
        for (int k = 0; k < layer.Values.Length; k++)
        {
            double a = totalC[0].Values[k], b = totalC[1].Values[k];
            if (double.IsNaN(a)) Assert.True(double.IsNaN(layer.Values[k]));
            else Assert.Equal(b - a, layer.Values[k]);
        }
        Assert.Contains(layer.Values, v => double.IsFinite(v) && v != 0); // the synthetic layers differ by year: a real change
        Assert.Null(OutputWriter.ChangeLayer(totalC.Take(1).ToList()));
    }
}
