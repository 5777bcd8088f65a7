using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Xml.Linq;

namespace CarbonSim.Client.Tests.EndToEnd;

/// <summary>
/// <c>carbonsim run</c> through the real CLI process on a tiny copy of the bundled baseline (50 km grid,
/// 2020–2022): exit code, every output file present and parseable, manifest hashes, and the printed
/// per-city summary against cities_annual.csv / region_annual.csv.
/// </summary>
public sealed class RunProcessEndToEndTests : IDisposable
{
    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    const int FirstYear = 2020, LastYear = 2022;

    readonly string _scratch = CliProcess.NewScratch("e2e-run");

    public void Dispose() => CliProcess.TryDelete(_scratch);

    [Fact]
    public void Tiny_baseline_through_the_cli_process_writes_a_complete_consistent_output_folder()
    {
        var scenario = Path.Combine(_scratch, "tiny.yaml");
        File.WriteAllText(scenario, CliProcess.TinyScenarioText(resolutionKm: 50, lastYear: LastYear));
        var outParent = Path.Combine(_scratch, "out");
        var folder = Path.Combine(outParent, "tiny");

        var r = CliProcess.Run(_scratch, TimeSpan.FromMinutes(5), "run", scenario, "--out", folder, "--tile-size", "4");
        Assert.True(r.ExitCode == 0, $"exit {r.ExitCode}\nstderr:\n{r.Stderr}\nstdout:\n{r.Stdout}");

        Assert.Equal([folder], Directory.GetFileSystemEntries(outParent)); // --out is the run folder; no temporaries beside it
        Assert.Contains($"wrote {folder} (", r.Stdout);

        // --- CSV tables ---
        var cities = Csv.Read(Path.Combine(folder, "cities_annual.csv"));
        var region = Csv.Read(Path.Combine(folder, "region_annual.csv"));
        var textColumns = new HashSet<string> { "city_name", "city_name_zh", "province" };
        Csv.AssertNumeric(cities, textColumns, allowEmpty: "totalc_change_TgC");
        Csv.AssertNumeric(region, new HashSet<string>(), allowEmpty: "totalc_change_TgC");
        var cityIds = cities.Column("city_id").Distinct().ToList();
        Assert.Equal(13, cityIds.Count);
        Assert.Equal(cityIds.Count * (LastYear - FirstYear + 1), cities.Rows.Count);
        Assert.Equal(Enumerable.Range(FirstYear, LastYear - FirstYear + 1).Select(y => y.ToString(Inv)), region.Column("year"));
        foreach (var col in new[] { "gpp_gC_m2_yr", "npp_gC_m2_yr", "totalc_tC_ha", "totalc_TgC", "vegc_TgC", "soilc_TgC" })
        {
            Assert.Contains(col, cities.Header);
            Assert.Contains(col, region.Header);
        }
        Assert.All(cities.Numbers("totalc_TgC"), v => Assert.True(v > 0, $"city total C {v} TgC should be positive"));

        // --- rasters ---
        var rasterDir = Path.Combine(folder, "rasters");
        var ascs = Directory.GetFiles(rasterDir, "*.asc");
        foreach (var year in new[] { FirstYear, LastYear })
        {
            Assert.Contains(ascs, a => Path.GetFileName(a).StartsWith($"total_c_{year}", StringComparison.Ordinal));
            Assert.Contains(ascs, a => Path.GetFileName(a).StartsWith($"npp_{year}", StringComparison.Ordinal));
        }
        foreach (var asc in ascs)
        {
            AsciiGridCheck(asc);
            var prj = Path.ChangeExtension(asc, ".prj");
            Assert.True(File.Exists(prj), $"{prj} missing");
            var wkt = File.ReadAllText(prj).TrimStart();
            Assert.True(wkt.StartsWith("PROJCS[", StringComparison.Ordinal) || wkt.StartsWith("GEOGCS[", StringComparison.Ordinal), $"{prj}: not WKT: {wkt[..Math.Min(40, wkt.Length)]}");
        }
        foreach (var tif in Directory.GetFiles(rasterDir, "*.tif"))
        {
            var head = File.ReadAllBytes(tif).AsSpan(0, 4).ToArray();
            Assert.True(head is [0x49, 0x49, 0x2A, 0x00] or [0x4D, 0x4D, 0x00, 0x2A], $"{tif}: not a TIFF");
        }
        foreach (var aux in Directory.GetFiles(rasterDir, "*.aux.xml")) XDocument.Load(aux);

        // --- GeoJSON ---
        using (var geo = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "cities.geojson"))))
        {
            Assert.Equal("FeatureCollection", geo.RootElement.GetProperty("type").GetString());
            var features = geo.RootElement.GetProperty("features").EnumerateArray().ToList();
            Assert.Equal(cityIds.Count, features.Count);
            var ids = new List<string>();
            foreach (var f in features)
            {
                Assert.Contains(f.GetProperty("geometry").GetProperty("type").GetString(), new[] { "Polygon", "MultiPolygon" });
                var props = f.GetProperty("properties");
                ids.Add(props.GetProperty("id").GetString()!);
                Assert.Equal(JsonValueKind.Number, props.GetProperty("area_km2").ValueKind);
            }
            Assert.Equal(cityIds.OrderBy(x => x, StringComparer.Ordinal), ids.OrderBy(x => x, StringComparer.Ordinal));
        }

        // --- PNG charts ---
        var pngs = Directory.GetFiles(folder, "*.png");
        Assert.True(pngs.Length >= 3, $"expected at least 3 charts, found {pngs.Length}");
        foreach (var png in pngs)
        {
            var (w, h) = PngSize(png);
            Assert.InRange(w, 100, 10000);
            Assert.InRange(h, 100, 10000);
        }

        // --- report ---
        var html = File.ReadAllText(Path.Combine(folder, "report.html"));
        Assert.Contains("<html", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("</html>", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Beijing", html);

        // --- optional accounting tables ---
        foreach (var name in new[] { "budgets.csv", "compensation_ledger.csv" })
        {
            var path = Path.Combine(folder, name);
            if (!File.Exists(path)) continue;
            var t = Csv.Read(path);
            Assert.NotEmpty(t.Header);
        }

        // --- manifest ---
        var listed = new Dictionary<string, string>();
        using (var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "manifest.json"))))
        {
            var root = manifest.RootElement;
            Assert.Equal("carbonsim-run-output/1", root.GetProperty("format").GetString());
            Assert.Equal(FirstYear, root.GetProperty("years").GetProperty("first").GetInt32());
            Assert.Equal(LastYear, root.GetProperty("years").GetProperty("last").GetInt32());
            Assert.Equal(Sha256(scenario), root.GetProperty("scenario").GetProperty("sha256").GetString());
            foreach (var f in root.GetProperty("files").EnumerateArray())
            {
                var rel = f.GetProperty("path").GetString()!;
                var full = Path.Combine(folder, rel);
                Assert.True(File.Exists(full), $"manifest lists {rel}, which is missing");
                Assert.Equal(new FileInfo(full).Length, f.GetProperty("bytes").GetInt64());
                Assert.True(Sha256(full) == f.GetProperty("sha256").GetString(), $"{rel}: SHA-256 differs from the manifest");
                listed.Add(rel, f.GetProperty("sha256").GetString()!);
            }
        }
        var onDisk = Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(folder, p).Replace('\\', '/'))
            .Where(p => p != "manifest.json").OrderBy(p => p, StringComparer.Ordinal);
        Assert.Equal(onDisk, listed.Keys.OrderBy(p => p, StringComparer.Ordinal));
        Assert.Contains($"({listed.Count + 1} files)", r.Stdout);

        // --- printed summary against the CSVs ---
        var summary = ParseSummary(r.Stdout);
        var names = cities.Rows.Select(row => row[cities.Index("city_name")]).Distinct().ToList();
        Assert.Equal(names, summary.Cities.Select(c => c.Name));
        foreach (var name in names)
        {
            var rows = cities.Rows.Where(row => row[cities.Index("city_name")] == name).ToList();
            var last = rows.Single(row => row[cities.Index("year")] == LastYear.ToString(Inv));
            var first = rows.Single(row => row[cities.Index("year")] == FirstYear.ToString(Inv));
            var printed = summary.Cities.Single(c => c.Name == name);
            AssertPrinted(cities.Number(last, "totalc_TgC"), printed.TotalC, 2, $"{name} total C {LastYear} [Tg C]");
            AssertPrinted(rows.Average(row => cities.Number(row, "npp_gC_m2_yr")), printed.MeanNpp, 1, $"{name} mean NPP [g C m-2 a-1]");
            AssertPrinted(cities.Number(last, "area_km2"), printed.Area, 0, $"{name} area [km2]");
            AssertPrinted(cities.Number(last, "totalc_TgC") - cities.Number(first, "totalc_TgC"), printed.Change, 2, $"{name} change [Tg C]");
        }
        var regionLast = region.Rows.Single(row => row[region.Index("year")] == LastYear.ToString(Inv));
        AssertPrinted(region.Number(regionLast, "totalc_TgC"), summary.Region.TotalC, 2, "region total C [Tg C]");
        AssertPrinted(region.Rows.Average(row => region.Number(row, "npp_gC_m2_yr")), summary.Region.MeanNpp, 1, "region mean NPP [g C m-2 a-1]");
        AssertPrinted(region.Number(regionLast, "area_km2"), summary.Region.Area, 0, "region area [km2]");
        // The region is the sum of its cities (to the rounding of 13 printed values).
        Assert.Equal(summary.Cities.Sum(c => c.TotalC), summary.Region.TotalC, 0.005 * (summary.Cities.Count + 1) + 1e-9);
        // The validation line counts the rows of validation.csv (the scenario's references, not numbers in code).
        var (vh, validation) = CarbonSim.Client.Output.Csv.Read(Path.Combine(folder, "validation.csv"));
        int status = vh.ToList().IndexOf("status");
        int within = validation.Count(row => row[status] == "within"), compared = validation.Count(row => row[status] is "within" or "below" or "above");
        Assert.True(compared >= 5, $"only {compared} reference rows compared");
        Assert.Contains($"Validation (reference_observations.csv): {within} of {compared} compared reference rows within their range", r.Stdout);
    }

    /// <summary>The printed value equals the CSV value rounded to <paramref name="decimals"/> places (half a unit of the last digit, plus float slack).</summary>
    static void AssertPrinted(double fromCsv, double printed, int decimals, string what)
    {
        double half = 0.5 * Math.Pow(10, -decimals);
        Assert.True(Math.Abs(fromCsv - printed) <= half + 1e-9 * Math.Max(1, Math.Abs(fromCsv)),
            $"{what}: printed {printed.ToString(Inv)}, CSV gives {fromCsv.ToString("R", Inv)}");
    }

    sealed record SummaryRow(string Name, double Area, double TotalC, double MeanNpp, double Change);
    sealed record Summary(List<SummaryRow> Cities, SummaryRow Region);

    /// <summary>Rows between the first dashed rule and the region line: name, area km2, total C Tg C, mean NPP, change Tg C.</summary>
    static Summary ParseSummary(string stdout)
    {
        var lines = stdout.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        int start = lines.FindIndex(l => l.StartsWith("City", StringComparison.Ordinal) && l.Contains("Total C"));
        Assert.True(start >= 0, "no summary table header on stdout:\n" + stdout);
        var rules = Enumerable.Range(start, lines.Count - start).Where(i => lines[i].Length > 20 && lines[i].All(ch => ch == '-')).ToList();
        Assert.True(rules.Count >= 2, "summary table rules not found:\n" + stdout);
        SummaryRow Parse(string line)
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(parts.Length >= 5, $"summary row '{line}'");
            double N(int fromEnd) => double.Parse(parts[^fromEnd], NumberStyles.Float, Inv);
            return new SummaryRow(string.Join(' ', parts[..^4]), N(4), N(3), N(2), N(1));
        }
        var cityRows = lines.Skip(rules[0] + 1).Take(rules[1] - rules[0] - 1).Select(Parse).ToList();
        var regionRow = Parse(lines[rules[1] + 1]);
        Assert.Equal("Region", regionRow.Name);
        return new Summary(cityRows, regionRow);
    }

    /// <summary>ESRI ASCII grid: the six header keys, then nrows lines of ncols numbers, some of them data.</summary>
    static void AsciiGridCheck(string path)
    {
        var lines = File.ReadAllLines(path);
        Assert.True(lines.Length > 6, $"{path}: too short");
        var header = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < 6; i++)
        {
            var kv = lines[i].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(kv.Length == 2 && double.TryParse(kv[1], NumberStyles.Float, Inv, out var v), $"{path} line {i + 1}: '{lines[i]}'");
            header[kv[0]] = double.Parse(kv[1], NumberStyles.Float, Inv);
        }
        foreach (var key in new[] { "ncols", "nrows", "cellsize", "NODATA_value" }) Assert.True(header.ContainsKey(key), $"{path}: no {key}");
        Assert.True(header.ContainsKey("xllcorner") || header.ContainsKey("xllcenter"), $"{path}: no xllcorner");
        Assert.True(header.ContainsKey("yllcorner") || header.ContainsKey("yllcenter"), $"{path}: no yllcorner");
        int ncols = (int)header["ncols"], nrows = (int)header["nrows"];
        double nodata = header["NODATA_value"];
        Assert.True(ncols > 0 && nrows > 0 && header["cellsize"] > 0, $"{path}: bad dimensions");
        var data = lines.Skip(6).Where(l => l.Trim().Length > 0).ToList();
        Assert.Equal(nrows, data.Count);
        int valid = 0;
        foreach (var row in data)
        {
            var cells = row.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(ncols, cells.Length);
            foreach (var c in cells)
            {
                Assert.True(double.TryParse(c, NumberStyles.Float, Inv, out var v) && double.IsFinite(v), $"{path}: cell '{c}'");
                if (v != nodata) valid++;
            }
        }
        Assert.True(valid > 0, $"{path}: only NODATA cells");
    }

    /// <summary>[px] Width and height from a PNG's signature and IHDR chunk.</summary>
    static (int Width, int Height) PngSize(string path)
    {
        var b = File.ReadAllBytes(path);
        Assert.True(b.Length > 33, $"{path}: too short for a PNG");
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, b[..8]);
        Assert.Equal(13u, BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(8)));
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(b, 12, 4));
        return ((int)BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(16)), (int)BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(20)));
    }

    static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    /// <summary>A small CSV reader (quoted fields allowed) for the output tables.</summary>
    sealed class Csv
    {
        public required string Path { get; init; }
        public required string[] Header { get; init; }
        public required List<string[]> Rows { get; init; }

        public int Index(string column)
        {
            int i = Array.IndexOf(Header, column);
            Assert.True(i >= 0, $"{Path}: no column {column}");
            return i;
        }

        public IEnumerable<string> Column(string column) { int i = Index(column); return Rows.Select(r => r[i]); }
        public double Number(string[] row, string column) => double.Parse(row[Index(column)], NumberStyles.Float, Inv);
        public IEnumerable<double> Numbers(string column) => Rows.Select(r => Number(r, column));

        public static Csv Read(string path)
        {
            Assert.True(File.Exists(path), $"{path} missing");
            var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToList();
            Assert.True(lines.Count >= 2, $"{path}: header and at least one row expected");
            var header = Split(lines[0]);
            Assert.All(header, h => Assert.False(string.IsNullOrWhiteSpace(h), $"{path}: empty column name"));
            var rows = lines.Skip(1).Select(Split).ToList();
            for (int i = 0; i < rows.Count; i++)
                Assert.True(rows[i].Length == header.Length, $"{path} line {i + 2}: {rows[i].Length} fields, header has {header.Length}");
            return new Csv { Path = path, Header = header, Rows = rows };
        }

        /// <summary>Every field outside <paramref name="text"/> parses as a finite number (empty only in <paramref name="allowEmpty"/>).</summary>
        public static void AssertNumeric(Csv t, ISet<string> text, string allowEmpty)
        {
            for (int c = 0; c < t.Header.Length; c++)
            {
                if (text.Contains(t.Header[c])) continue;
                for (int r = 0; r < t.Rows.Count; r++)
                {
                    var f = t.Rows[r][c];
                    if (f.Length == 0 && t.Header[c] == allowEmpty) continue;
                    Assert.True(double.TryParse(f, NumberStyles.Float, Inv, out var v) && double.IsFinite(v),
                        $"{t.Path} line {r + 2}, column {t.Header[c]}: '{f}' is not a finite number");
                }
            }
        }

        static string[] Split(string line)
        {
            var fields = new List<string>();
            var sb = new System.Text.StringBuilder();
            bool quoted = false;
            for (int i = 0; i < line.Length; i++)
            {
                char ch = line[i];
                if (quoted)
                {
                    if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"') { sb.Append('"'); i++; }
                    else if (ch == '"') quoted = false;
                    else sb.Append(ch);
                }
                else if (ch == '"') quoted = true;
                else if (ch == ',') { fields.Add(sb.ToString()); sb.Clear(); }
                else sb.Append(ch);
            }
            fields.Add(sb.ToString());
            return fields.ToArray();
        }
    }
}
