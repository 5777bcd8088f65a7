using C = CarbonSim.Model.Io.Formats.OutputColumns;
using CarbonSim.Model.Output;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using CarbonSim.Model;
using ScottPlot;

namespace CarbonSim.Client.Output;

/// <summary>A finished run folder read back for comparison.</summary>
/// <param name="Label">Scenario name from the run's manifest (made unique), or the folder name.</param>
/// <param name="Directory">The run folder.</param>
/// <param name="ScenarioSha256">From the manifest; empty when it has none.</param>
/// <param name="EngineVersion">From the manifest; empty when it has none.</param>
/// <param name="Cities">Its <c>cities_annual.csv</c>.</param>
/// <param name="Region">Its <c>region_annual.csv</c>.</param>
public sealed record ComparedRun(string Label, string Directory, string ScenarioSha256, string EngineVersion,
    AnnualTableReader Cities, AnnualTableReader Region);

/// <summary>Options for <see cref="ComparisonWriter.WriteAll"/>.</summary>
public sealed record ComparisonOptions
{
    /// <summary>Replace an existing comparison folder.</summary>
    public bool Overwrite { get; init; }
    /// <summary>Draw PNG charts.</summary>
    public bool Charts { get; init; } = true;
    /// <summary>Called with each file's relative path right after it is written.</summary>
    public Action<string>? AfterFile { get; init; }
    /// <summary>City groups to compare side by side in every run (none: each run's cities as one group).</summary>
    public IReadOnlyList<CityGroup> Groups { get; init; } = [];
    /// <summary>Header and rows of <c>agreement.csv</c> (Kappa, figure of merit), written into the folder and the report; null without <c>--observed</c>.</summary>
    public (IReadOnlyList<string> Header, IReadOnlyList<string[]> Rows)? Agreement { get; init; }
}

/// <summary>
/// Compares two or more finished run folders (issue #5 scaffolding). The first run is the baseline;
/// every other run is differenced against it, per city and for the region, per year, for every
/// numeric column both runs share, so columns added later (budgets, compensation) flow through
/// without changes here. Written atomically like a run folder.
/// </summary>
public static class ComparisonWriter
{
    public const string CitiesFile = "compare_cities_annual.csv";
    public const string RegionFile = "compare_region_annual.csv";
    public const string SummaryFile = "compare_summary.csv";
    public const string ReportFile = "compare_report.html";
    public const string ManifestFile = "manifest.json";
    public const string RegionTotalCChart = "compare_region_totalc.png";
    public const string RegionFluxChart = "compare_region_nep.png";
    public const string CityDeltaChart = "compare_city_delta_totalc.png";

    /// <summary>Prefix of a difference column: <c>delta_&lt;column&gt;</c> = run − baseline, same unit.</summary>
    public const string DeltaPrefix = "delta_";

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>True for an annual flux column (name ends in <c>_yr</c>): summed over years in the summary; other columns take the last common year.</summary>
    public static bool IsFlux(string column) => column.EndsWith("_yr", StringComparison.Ordinal);

    /// <summary>Reads a run folder's annual tables and manifest.</summary>
    public static ComparedRun Load(string runDir)
    {
        string dir = Path.GetFullPath(runDir);
        if (!System.IO.Directory.Exists(dir)) throw new InvalidInputException(runDir, "folder", "missing", "a finished carbonsim run folder");
        string label = Path.GetFileName(dir), sha = "", engine = "";
        string mf = Path.Combine(dir, Manifest.FileName);
        if (File.Exists(mf))
        {
            try
            {
                using var doc = JsonDocument.Parse(File.ReadAllBytes(mf));
                var root = doc.RootElement;
                if (root.TryGetProperty("scenario", out var sc))
                {
                    if (sc.TryGetProperty("name", out var n) && n.GetString() is { Length: > 0 } name) label = name;
                    if (sc.TryGetProperty("sha256", out var h)) sha = h.GetString() ?? "";
                }
                if (root.TryGetProperty("engine", out var en) && en.TryGetProperty("version", out var v)) engine = v.GetString() ?? "";
            }
            catch (JsonException e) { throw new InvalidInputException(mf, "json", e.Message, "a carbonsim manifest", e); }
        }
        return new ComparedRun(label, dir, sha, engine,
            AnnualTableReader.Read(Path.Combine(dir, AnnualTables.CitiesFile)),
            AnnualTableReader.Read(Path.Combine(dir, AnnualTables.RegionFile)));
    }

    /// <summary>Reads the run folders (first = baseline) and writes the comparison folder.</summary>
    public static WrittenOutput WriteAll(IReadOnlyList<string> runDirs, string outDir, ComparisonOptions? options = null)
    {
        options ??= new ComparisonOptions();
        if (runDirs.Count < (options.Groups.Count >= 2 ? 1 : 2))
            throw new InvalidInputException("compare", "runs", runDirs.Count.ToString(Inv), "at least two run folders (or one with two --group options)");
        var runs = new List<ComparedRun>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var d in runDirs)
        {
            var r = Load(d);
            string label = r.Label;
            for (int k = 2; !used.Add(label); k++) label = $"{r.Label}#{k}";
            runs.Add(r with { Label = label });
        }
        var (full, result) = AtomicDirectory.Write(outDir, options.Overwrite, dir => WriteInto(runs, dir, options));
        return new WrittenOutput(full, result.Files, result.Warnings);
    }

    private static List<string> Common(AnnualTableReader a, AnnualTableReader b)
    {
        var set = new HashSet<string>(b.NumericColumns, StringComparer.Ordinal);
        return a.NumericColumns.Where(set.Contains).ToList();
    }

    private static Dictionary<(string, int), AnnualTableReader.Row> Index(AnnualTableReader t) =>
        t.Rows.ToDictionary(r => (r.Entity, r.Year));

    private static string Num(double v) => Csv.Num(v);

    /// <summary>Differences per entity and year: one row per (run ≠ baseline, entity, year) present in both.</summary>
    private static void WriteDiff(IReadOnlyList<ComparedRun> runs, Func<ComparedRun, AnnualTableReader> table, bool cities, string path)
    {
        var baseRun = runs[0];
        var bt = table(baseRun);
        // Union, in baseline order, of the columns each run shares with the baseline.
        var cols = new List<string>();
        foreach (var r in runs.Skip(1))
            foreach (var c in Common(bt, table(r))) if (!cols.Contains(c)) cols.Add(c);
        var header = new List<string> { "scenario", "baseline" };
        if (cities) header.AddRange([C.CityId, C.CityName]);
        header.Add("year");
        header.AddRange(cols.Select(c => DeltaPrefix + c));
        var bi = Index(bt);
        var rows = new List<IReadOnlyList<string>>();
        foreach (var r in runs.Skip(1))
            foreach (var row in table(r).Rows)
            {
                if (!bi.TryGetValue((row.Entity, row.Year), out var b)) continue;
                var f = new List<string> { r.Label, baseRun.Label };
                if (cities) f.AddRange([row.Entity, row.Labels.GetValueOrDefault("city_name", "")]);
                f.Add(row.Year.ToString(Inv));
                foreach (var c in cols)
                    f.Add(row.Values.TryGetValue(c, out var v) && b.Values.TryGetValue(c, out var w) ? Num(v - w) : "");
                rows.Add(f);
            }
        Csv.Write(path, header, rows);
    }

    /// <summary>One summary value: flux columns summed over the years both runs have, others at the last such year.</summary>
    public sealed record SummaryValue(string Scenario, string Entity, string Name, string Variable, string Aggregation, int FromYear, int ToYear,
        double Value, double BaselineValue)
    {
        public double Delta => Value - BaselineValue;
    }

    /// <summary>Summary values of every run (baseline included, delta 0) per entity and shared column.</summary>
    public static IReadOnlyList<SummaryValue> Summarise(IReadOnlyList<ComparedRun> runs)
    {
        var list = new List<SummaryValue>();
        var baseRun = runs[0];
        foreach (var r in runs)
            foreach (var (tb, tr) in new[] { (baseRun.Cities, r.Cities), (baseRun.Region, r.Region) })
            {
                var bi = Index(tb);
                var cols = Common(tb, tr);
                foreach (var group in tr.Rows.GroupBy(x => x.Entity))
                {
                    var shared = group.Where(x => bi.ContainsKey((x.Entity, x.Year))).OrderBy(x => x.Year).ToList();
                    if (shared.Count == 0) continue;
                    string name = shared[0].Labels.GetValueOrDefault("city_name", group.Key == "region" ? "Region" : group.Key);
                    int y0 = shared[0].Year, y1 = shared[^1].Year;
                    foreach (var c in cols)
                    {
                        double v, b;
                        if (IsFlux(c))
                        {
                            v = 0; b = 0;
                            foreach (var x in shared) { v += x.Values[c]; b += bi[(x.Entity, x.Year)].Values[c]; }
                        }
                        else { v = shared[^1].Values[c]; b = bi[(group.Key, y1)].Values[c]; }
                        list.Add(new SummaryValue(r.Label, group.Key, name, c, IsFlux(c) ? "sum_over_years" : "last_year", y0, y1, v, b));
                    }
                }
            }
        return list;
    }

    private static (List<string> Files, List<string> Warnings) WriteInto(IReadOnlyList<ComparedRun> runs, string dir, ComparisonOptions o)
    {
        var files = new List<string>();
        var warnings = new List<string>();
        void Done(string rel) { files.Add(rel); o.AfterFile?.Invoke(rel); }

        WriteDiff(runs, r => r.Cities, true, Path.Combine(dir, CitiesFile)); Done(CitiesFile);
        WriteDiff(runs, r => r.Region, false, Path.Combine(dir, RegionFile)); Done(RegionFile);
        var summary = Summarise(runs);
        Csv.Write(Path.Combine(dir, SummaryFile),
            ["scenario", "baseline", "entity", "name", "variable", "aggregation", "from_year", "to_year", "value", "baseline_value", "delta"],
            summary.Select(s => (IReadOnlyList<string>)[s.Scenario, runs[0].Label, s.Entity, s.Name, s.Variable, s.Aggregation,
                s.FromYear.ToString(Inv), s.ToYear.ToString(Inv), Num(s.Value), Num(s.BaselineValue), Num(s.Delta)]));
        Done(SummaryFile);

        var charts = new List<(string File, string Caption)>();
        if (o.Charts)
        {
            try
            {
                if (RegionLines(runs, C.TotalC, "Total carbon [Tg C]", Path.Combine(dir, RegionTotalCChart)))
                { Done(RegionTotalCChart); charts.Add((RegionTotalCChart, "Regional total carbon per scenario [Tg C]")); }
                if (RegionLines(runs, C.Nep, "NEP [Tg C a-1]", Path.Combine(dir, RegionFluxChart)))
                { Done(RegionFluxChart); charts.Add((RegionFluxChart, "Regional net ecosystem production per scenario [Tg C a-1]")); }
                if (CityDeltaBars(runs, summary, C.TotalC, Path.Combine(dir, CityDeltaChart)))
                { Done(CityDeltaChart); charts.Add((CityDeltaChart, "Difference in total carbon from the baseline, last common year, per city [Tg C]")); }
            }
            catch (Exception e) when (e is TypeInitializationException or DllNotFoundException or EntryPointNotFoundException)
            {
                warnings.Add($"charts skipped: {e.GetBaseException().GetType().Name}: {e.GetBaseException().Message}");
                string[] all = [RegionTotalCChart, RegionFluxChart, CityDeltaChart];
                foreach (var f in all) File.Delete(Path.Combine(dir, f));
                files.RemoveAll(all.Contains);
                charts.Clear();
            }
        }

        // Compensation, land-use difference, agreement and regions side by side (CompareSections).
        var sections = new StringBuilder(CompareSections.Compensation(runs));
        var (landHtml, landRows) = CompareSections.LandUse(runs);
        if (landRows.Count > 0)
        {
            Csv.Write(Path.Combine(dir, CompareSections.LandUseFile), ["scenario", "baseline", "year", "baseline_class_code", "scenario_class_code", "cells", "share_of_cells_pct"], landRows);
            Done(CompareSections.LandUseFile);
        }
        sections.Append(landHtml);
        if (o.Agreement is { } ag)
        {
            Csv.Write(Path.Combine(dir, CompareSections.AgreementFile), ag.Header, ag.Rows.Select(r => (IReadOnlyList<string>)r).ToList());
            Done(CompareSections.AgreementFile);
            sections.Append(CompareSections.Agreement(ag.Rows));
        }
        var (_, groupHtml, groupRows) = CompareSections.Groups(runs, o.Groups);
        string cur = runs.Select(r => r.Cities.NumericColumns.FirstOrDefault(c => c.StartsWith("compensation_paid_", StringComparison.Ordinal)))
            .FirstOrDefault(c => c is not null)?["compensation_paid_".Length..^"_yr".Length] ?? "RMB";
        Csv.Write(Path.Combine(dir, CompareSections.GroupsFile), CompareSections.GroupsHeader(cur), groupRows);
        Done(CompareSections.GroupsFile);
        sections.Append(groupHtml);

        WriteHtml(runs, summary, charts, files.ToList(), Path.Combine(dir, ReportFile), sections.ToString()); Done(ReportFile);
        WriteManifest(runs, dir, files, warnings);
        files.Add(ManifestFile);
        o.AfterFile?.Invoke(ManifestFile);
        return (files, warnings);
    }

    private static bool RegionLines(IReadOnlyList<ComparedRun> runs, string column, string yLabel, string path)
    {
        if (!runs.All(r => r.Region.NumericColumns.Contains(column))) return false;
        var plt = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        int i = 0;
        foreach (var r in runs)
        {
            var rows = r.Region.Rows.OrderBy(x => x.Year).ToList();
            var s = plt.Add.Scatter(rows.Select(x => (double)x.Year).ToArray(), rows.Select(x => x.Values[column]).ToArray());
            s.LegendText = i == 0 ? r.Label + " (baseline)" : r.Label;
            s.Color = palette.GetColor(i++);
            s.LineWidth = 2;
            s.MarkerSize = rows.Count <= 12 ? 5 : 0;
        }
        plt.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = v => v.ToString("F0", Inv), IntegerTicksOnly = true };
        plt.XLabel("Year"); plt.YLabel(yLabel);
        plt.Title($"Region: {column}");
        plt.ShowLegend(Alignment.UpperLeft);
        plt.SavePng(path, Charts.Width, Charts.Height);
        return true;
    }

    private static bool CityDeltaBars(IReadOnlyList<ComparedRun> runs, IReadOnlyList<SummaryValue> summary, string column, string path)
    {
        var cityIds = runs[0].Cities.Rows.Select(r => r.Entity).Distinct().ToList();
        var others = runs.Skip(1).ToList();
        var vals = summary.Where(s => s.Variable == column && s.Entity != "region").ToList();
        if (vals.Count == 0 || cityIds.Count == 0 || others.Count == 0) return false;
        var plt = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        double width = 0.8 / others.Count;
        for (int k = 0; k < others.Count; k++)
        {
            var bars = new List<Bar>();
            for (int c = 0; c < cityIds.Count; c++)
            {
                var v = vals.FirstOrDefault(s => s.Scenario == others[k].Label && s.Entity == cityIds[c]);
                if (v is null) continue;
                bars.Add(new Bar { Position = c - 0.4 + width * (k + 0.5), Value = v.Delta, Size = width * 0.95, FillColor = palette.GetColor(k + 1) });
            }
            var bp = plt.Add.Bars(bars);
            bp.LegendText = others[k].Label;
        }
        var names = cityIds.Select(id => runs[0].Cities.Rows.First(r => r.Entity == id).Labels.GetValueOrDefault("city_name", id)).ToArray();
        plt.Axes.Bottom.SetTicks(Enumerable.Range(0, cityIds.Count).Select(i => (double)i).ToArray(), names);
        // Slanted city names hanging down-right from their ticks, with room below the axis for them.
        plt.Axes.Bottom.TickLabelStyle.Rotation = 35;
        plt.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        plt.Axes.Bottom.MinimumSize = 30 + 5 * names.Max(n => n.Length);
        plt.Add.HorizontalLine(0, 1, Colors.Black);
        plt.YLabel($"Δ {column} vs {runs[0].Label}");
        plt.Title($"Difference from baseline, last common year: {column}");
        plt.ShowLegend(Alignment.UpperRight);
        plt.SavePng(path, Charts.Width, Charts.Height);
        return true;
    }

    /// <summary>
    /// One sentence per compared run saying how much more or less carbon it stores than the baseline, and
    /// how its summed NBP, land-use emissions and built-up area differ, with the file and column to check.
    /// </summary>
    public static IReadOnlyList<string> Headlines(IReadOnlyList<ComparedRun> runs, IReadOnlyList<SummaryValue> summary)
    {
        var lines = new List<string>();
        string baseName = runs[0].Label;
        SummaryValue? Get(string run, string variable) => summary.FirstOrDefault(s => s.Entity == "region" && s.Scenario == run && s.Variable == variable);
        foreach (var r in runs.Skip(1))
        {
            var c = Get(r.Label, C.TotalC);
            if (c is null) continue;
            double pct = c.BaselineValue != 0 ? c.Delta / c.BaselineValue * 100 : double.NaN;
            var sb = new StringBuilder(string.Format(Inv, "{0} stores {1:F2} Tg C ({2:F2} %) {3} ecosystem carbon than {4} in {5} ({6:F2} vs {7:F2} Tg C: totalc_TgC in each run's region_annual.csv, the sum of its cities' rows in cities_annual.csv).",
                r.Label, Math.Abs(c.Delta), Math.Abs(pct), c.Delta < 0 ? "less" : "more", baseName, c.ToYear, c.Value, c.BaselineValue));
            if (Get(r.Label, C.Nbp) is { } nbp)
                sb.Append(string.Format(Inv, " Its NBP summed over {0}–{1} is {2:F2} Tg C {3} ({4:F2} vs {5:F2}).", nbp.FromYear, nbp.ToYear, Math.Abs(nbp.Delta), nbp.Delta < 0 ? "lower" : "higher", nbp.Value, nbp.BaselineValue));
            if (Get(r.Label, LandUseColumns.ToAtmosphere) is { } em)
                sb.Append(string.Format(Inv, " Land-use conversions sent {0:F2} Tg C to the atmosphere ({1:F2} in {2}).", em.Value / 1e6, em.BaselineValue / 1e6, baseName));
            if (Get(r.Label, C.ClassArea("built_up")) is { } built)
                sb.Append(string.Format(Inv, " Built-up area in {0}: {1:F0} km² ({2:+0;-0;0} km²).", built.ToYear, built.Value, built.Delta));
            if (Get(r.Label, "compensation_value_RMB_yr") is { } value)
                sb.Append(string.Format(Inv, " Compensation value summed over the years: {0:0.000E+0} RMB ({1:+0.000E+0;-0.000E+0;0} RMB).", value.Value, value.Delta));
            lines.Add(sb.ToString());
        }
        return lines;
    }

    private static string H(string s) => WebUtility.HtmlEncode(s);
    private static string F(double v) => double.IsFinite(v) ? v.ToString(Math.Abs(v) >= 100 ? "F1" : Math.Abs(v) >= 1 ? "F3" : "G4", Inv) : "–";

    private static void WriteHtml(IReadOnlyList<ComparedRun> runs, IReadOnlyList<SummaryValue> summary,
        IReadOnlyList<(string File, string Caption)> charts, IReadOnlyList<string> dataFiles, string path, string sections)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>CarbonSim scenario comparison</title>\n");
        sb.Append("<style>body{font-family:sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}" +
                  "table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #ccc;padding:4px 8px}" +
                  "td.n{text-align:right;font-variant-numeric:tabular-nums}th{background:#f0f0f0}img{max-width:100%;border:1px solid #ddd}</style>\n</head><body>\n");
        sb.Append("<h1>CarbonSim scenario comparison</h1>\n<table><tr><th>Scenario</th><th>Role</th><th>Folder</th><th>Scenario SHA-256</th><th>Engine</th></tr>\n");
        for (int i = 0; i < runs.Count; i++)
            sb.Append($"<tr><td>{H(runs[i].Label)}</td><td>{(i == 0 ? "baseline" : "compared")}</td><td>{H(runs[i].Directory)}</td>" +
                      $"<td><code>{H(runs[i].ScenarioSha256)}</code></td><td>{H(runs[i].EngineVersion)}</td></tr>\n");
        sb.Append("</table>\n");
        foreach (var line in Headlines(runs, summary)) sb.Append("<p>").Append(H(line)).Append("</p>\n");

        // Region: every shared variable, value per run and delta from the baseline.
        var region = summary.Where(s => s.Entity == "region").ToList();
        var variables = region.Select(s => s.Variable).Distinct().ToList();
        var others = runs.Skip(1).ToList();
        if (variables.Count > 0)
        {
            sb.Append("<h2>Region</h2>\n<p>Flux columns (<code>…_yr</code>) are summed over the years both runs cover; other columns are the last such year.</p>\n");
            sb.Append("<table><tr><th>Variable</th><th>Aggregation</th>").Append($"<th>{H(runs[0].Label)}</th>");
            foreach (var r in others) sb.Append($"<th>{H(r.Label)}</th><th>Δ {H(r.Label)}</th>");
            sb.Append("</tr>\n");
            foreach (var v in variables)
            {
                var b = region.First(s => s.Variable == v && s.Scenario == runs[0].Label);
                sb.Append($"<tr><td>{H(v)}</td><td>{(b.Aggregation == "last_year" ? $"year {b.ToYear}" : $"sum {b.FromYear}–{b.ToYear}")}</td><td class=\"n\">{F(b.Value)}</td>");
                foreach (var r in others)
                {
                    var x = region.FirstOrDefault(s => s.Variable == v && s.Scenario == r.Label);
                    sb.Append(x is null ? "<td>–</td><td>–</td>" : $"<td class=\"n\">{F(x.Value)}</td><td class=\"n\">{F(x.Delta)}</td>");
                }
                sb.Append("</tr>\n");
            }
            sb.Append("</table>\n");
        }

        // Cities: stock and sink differences.
        string[] keyVars = [C.TotalC, C.Nep, C.Nbp];
        var cityVals = summary.Where(s => s.Entity != "region" && keyVars.Contains(s.Variable)).ToList();
        if (cityVals.Count > 0 && others.Count > 0)
        {
            sb.Append("<h2>Cities: differences from the baseline</h2>\n<table><tr><th>City</th>");
            foreach (var r in others) foreach (var v in keyVars) sb.Append($"<th>Δ {H(v)} ({H(r.Label)})</th>");
            sb.Append("</tr>\n");
            foreach (var g in cityVals.Where(s => s.Scenario == runs[0].Label).GroupBy(s => s.Entity))
            {
                sb.Append($"<tr><td>{H(g.First().Name)}</td>");
                foreach (var r in others)
                    foreach (var v in keyVars)
                    {
                        var x = cityVals.FirstOrDefault(s => s.Scenario == r.Label && s.Entity == g.Key && s.Variable == v);
                        sb.Append(x is null ? "<td>–</td>" : $"<td class=\"n\">{F(x.Delta)}</td>");
                    }
                sb.Append("</tr>\n");
            }
            sb.Append("</table>\n");
        }

        sb.Append(sections);
        foreach (var (file, caption) in charts)
        {
            var b64 = Convert.ToBase64String(File.ReadAllBytes(Path.Combine(Path.GetDirectoryName(path)!, file)));
            sb.Append($"<figure><img alt=\"{H(caption)}\" src=\"data:image/png;base64,{b64}\"><figcaption>{H(caption)} (<a href=\"{H(file)}\">{H(file)}</a>)</figcaption></figure>\n");
        }
        sb.Append("<h2>Data files</h2>\n<ul>\n");
        foreach (var f in dataFiles) sb.Append($"<li><a href=\"{H(f)}\">{H(f)}</a></li>\n");
        sb.Append("</ul>\n</body></html>\n");
        File.WriteAllText(path, sb.ToString(), Csv.Utf8NoBom);
    }

    private static void WriteManifest(IReadOnlyList<ComparedRun> runs, string dir, IEnumerable<string> files, IEnumerable<string> warnings)
    {
        using var fs = File.Create(Path.Combine(dir, ManifestFile));
        using var w = new Utf8JsonWriter(fs, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteString("format", "carbonsim-comparison/1");
        w.WriteStartObject("engine"); w.WriteString("name", EngineInfo.Name); w.WriteString("version", EngineInfo.Version); w.WriteEndObject();
        w.WriteStartArray("runs");
        foreach (var r in runs)
        {
            w.WriteStartObject();
            w.WriteString("label", r.Label); w.WriteString("folder", r.Directory);
            w.WriteString("scenario_sha256", r.ScenarioSha256); w.WriteString("engine_version", r.EngineVersion);
            w.WriteString("cities_annual_sha256", Manifest.Sha256(r.Cities.Path));
            w.WriteString("region_annual_sha256", Manifest.Sha256(r.Region.Path));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("warnings"); foreach (var m in warnings) w.WriteStringValue(m); w.WriteEndArray();
        w.WriteStartArray("files");
        foreach (var f in files)
        {
            var full = Path.Combine(dir, f);
            w.WriteStartObject(); w.WriteString("path", f); w.WriteNumber("bytes", new FileInfo(full).Length);
            w.WriteString("sha256", Manifest.Sha256(full)); w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
