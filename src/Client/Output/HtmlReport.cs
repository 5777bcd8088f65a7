using System.Globalization;
using System.Net;
using System.Text;
using CarbonSim.Model.Output;
using U = CarbonSim.Model.Output.OutputUnits;

namespace CarbonSim.Client.Output;

/// <summary>
/// <c>report.html</c>: one self-contained page (inline CSS, charts embedded as data URIs and linked)
/// with the summary table, the validation against the scenario's references (if any) and links to every data file.
/// Holds no timings or clock readings, so the same results give the same page.
/// </summary>
public static class HtmlReport
{
    /// <summary>File name.</summary>
    public const string FileName = "report.html";
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    internal static string H(string s) => WebUtility.HtmlEncode(s);
    internal static string N(double v, int d) => double.IsFinite(v) ? v.ToString("F" + d, Inv) : "–";

    /// <summary>Spin-up outcome: counts, and a row per key that fell back or did not converge (drift in g C m-2 a-1).</summary>
    static void SpinupSection(StringBuilder sb, SpinupStats s)
    {
        sb.Append($"<p>Spin-up: {s.DistinctSpinups} keys — {s.ConvergedAccelerated} converged accelerated, {s.FellBack} fell back to the standard rule, " +
                  $"{s.StandardOnly} standard, <b{(s.NotConverged > 0 ? " class=\"above\"" : "")}>{s.NotConverged} not converged</b> " +
                  $"(steady-state rule: |soil-C drift| &lt; {N(SpinupKeyResult.ToleranceGPerM2PerYear, 1)} g C m⁻² a⁻¹; every key in {Manifest.FileName}).</p>\n");
        var listed = s.Keys.Where(k => !k.Converged || k.Method != SpinupKeyResult.Accelerated && k.Method != SpinupKeyResult.Standard).ToList();
        if (listed.Count == 0) return;
        sb.Append("<table><tr><th>Vegetation</th><th>Climate zone</th><th>Method</th><th>Years</th><th>Converged</th><th>Soil-C drift [g C m⁻² a⁻¹]</th></tr>\n");
        foreach (var k in listed)
            sb.Append($"<tr><td>{H(k.Vegetation)}</td><td>{H(k.ClimateZone)}</td><td>{H(k.Method)}</td><td class=\"n\">{k.Years}</td>" +
                      $"<td{(k.Converged ? "" : " class=\"above\"")}>{(k.Converged ? "yes" : "NO")}</td><td class=\"n\">{N(k.SoilCTrend * 1000, 3)}</td></tr>\n");
        sb.Append("</table>\n");
    }

    /// <summary>Writes the page into <paramref name="dir"/>; <paramref name="charts"/> and <paramref name="dataFiles"/> are paths relative to it.</summary>
    public static void Write(RunResults r, string dir, IReadOnlyList<(string File, string Caption)> charts, IReadOnlyList<string> dataFiles)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n");
        sb.Append($"<title>CarbonSim — {H(r.ScenarioName)}</title>\n");
        sb.Append("<style>body{font-family:sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}" +
                  "table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #ccc;padding:4px 8px}" +
                  "td.n{text-align:right;font-variant-numeric:tabular-nums}th{background:#f0f0f0}" +
                  ".within{color:#1a7f37}.above,.below{color:#b35900}img{max-width:100%;border:1px solid #ddd}" +
                  "code{background:#f6f6f6;padding:0 3px}</style>\n</head><body>\n");
        sb.Append($"<h1>CarbonSim run: {H(r.ScenarioName)}</h1>\n");
        sb.Append($"<p>Years {r.FirstYear}–{r.LastYear} ({r.Years.Count}), {r.Cities.Count} cities, engine {H(r.EngineVersion)}. " +
                  $"Scenario SHA-256 <code>{H(r.ScenarioSha256)}</code>. Timings, input hashes and file hashes: " +
                  $"<a href=\"{Manifest.FileName}\">{Manifest.FileName}</a>.</p>\n");
        if (r.Spinup is { Keys.Count: > 0 } spin) SpinupSection(sb, spin);

        // Summary table
        sb.Append("<h2>Summary</h2>\n<table><tr><th>City</th><th>名称</th><th>Area [km²]</th>" +
                  $"<th>Total C {r.LastYear} [Tg C]</th><th>Total C {r.LastYear} [t C ha⁻¹]</th><th>Mean NPP [g C m⁻² a⁻¹]</th>" +
                  $"<th>Mean NEP [g C m⁻² a⁻¹]</th><th>Change in total C {r.FirstYear}–{r.LastYear} [Tg C]</th></tr>\n");
        void Row(string name, string zh, AreaCarbonYear first, AreaCarbonYear last, IEnumerable<AreaCarbonYear> series, bool bold)
        {
            var s = series.ToList();
            string td(string v) => bold ? $"<td class=\"n\"><b>{v}</b></td>" : $"<td class=\"n\">{v}</td>";
            sb.Append($"<tr><td>{(bold ? "<b>" + H(name) + "</b>" : H(name))}</td><td>{H(zh)}</td>")
              .Append(td(N(U.ToKm2(last.AreaM2), 0))).Append(td(N(U.KgToTg(last.TotalCKg), 2)))
              .Append(td(N(U.ToTonnesPerHa(last.TotalC), 1))).Append(td(N(U.ToGramsPerM2(s.Average(x => x.Npp)), 1)))
              .Append(td(N(U.ToGramsPerM2(s.Average(x => x.Nep)), 1)))
              .Append(td(N(U.KgToTg(last.TotalCKg) - U.KgToTg(first.TotalCKg), 2))).Append("</tr>\n");
        }
        foreach (var c in r.Cities)
            Row(c.Name, c.NameZh, r.Row(c.Id, r.FirstYear)!, r.Row(c.Id, r.LastYear)!, r.SeriesOf(c.Id), false);
        Row("Region", "", r.RegionRow(r.FirstYear)!, r.RegionRow(r.LastYear)!, r.RegionYears, true);
        sb.Append("</table>\n");

        // Validation: the scenario's references next to the engine's numbers
        sb.Append("<h2>Validation</h2>\n");
        if (r.References is null)
            sb.Append($"<p>Not compared with observations: {H(ValidationTables.NoReferences(r))}.</p>\n");
        else
        {
            var rows = Validation.Evaluate(r);
            sb.Append($"<p>{H(Validation.Summary(rows))} (references: <code>{H(Path.GetFileName(r.References.File))}</code>; " +
                      $"table in <a href=\"{ValidationTables.ValidationFile}\">{ValidationTables.ValidationFile}</a>). Densities and fluxes are " +
                      "area-weighted means over the named cities' cells of the class, per area of the class (sealed and bare shares included); " +
                      "years outside the run are compared with the as many simulated years nearest to them (<i>nearest</i>).</p>\n");
            sb.Append("<table><tr><th>Variable</th><th>Scope</th><th>Class</th><th>Reference years</th><th>Engine years</th>" +
                      "<th>Range</th><th>Engine</th><th>Status</th><th>Miss [%]</th><th>Source</th><th>Reference status</th></tr>\n");
            foreach (var x in rows)
            {
                var rf = x.Reference;
                string status = x.StatusText.Replace('_', ' ');
                string css = x.Status switch { ValidationStatus.Within => "within", ValidationStatus.Below => "below", ValidationStatus.Above => "above", _ => "" };
                sb.Append($"<tr><td>{H(rf.Variable.Name)}{(rf.Crop.Length > 0 ? " (" + H(rf.Crop) + ")" : "")}</td><td>{H(rf.Scope)}</td><td>{H(rf.Class)}</td><td>{H(rf.Years)}</td>" +
                          $"<td>{H(x.EngineYears)}{(x.YearMatch == "nearest" ? " (nearest)" : "")}</td>" +
                          $"<td class=\"n\">{N(rf.Low, 1)}–{N(rf.High, 1)} {H(rf.Variable.Unit)}</td>" +
                          $"<td class=\"n\">{(double.IsFinite(x.Engine) ? N(x.Engine, 1) : "")}</td>" +
                          $"<td{(css.Length > 0 ? $" class=\"{css}\"" : "")}>{H(status)}</td>" +
                          $"<td class=\"n\">{(double.IsFinite(x.MissPct) ? N(x.MissPct, 0) : "")}</td><td>{H(rf.Source)}</td><td>{H(rf.Status)}</td></tr>\n");
            }
            sb.Append("</table>\n");
        }

        // Carbon per land-use class over the region, first and last year (classes_annual.csv has every city and year)
        var regionClasses = r.ClassYears.Where(c => c.CityId == ClassYear.RegionId && (c.Year == r.FirstYear || c.Year == r.LastYear)).ToList();
        if (regionClasses.Count > 0)
        {
            sb.Append($"<h2>Land-use classes (region)</h2>\n<p>Per area of the class (whole cells, sealed and bare shares included); every city and year in " +
                      $"<a href=\"{ValidationTables.ClassesFile}\">{ValidationTables.ClassesFile}</a>.</p>\n" +
                      "<table><tr><th>Class</th><th>Year</th><th>Area [km²]</th><th>Vegetation C [t C ha⁻¹]</th><th>Litter C [t C ha⁻¹]</th>" +
                      "<th>Soil C [t C ha⁻¹]</th><th>Total C [t C ha⁻¹]</th><th>NPP [g C m⁻² a⁻¹]</th><th>NBP [g C m⁻² a⁻¹]</th></tr>\n");
            foreach (var c in regionClasses)
                sb.Append($"<tr><td>{H(c.Class)}</td><td>{c.Year}</td><td class=\"n\">{N(U.ToKm2(c.AreaM2), 0)}</td><td class=\"n\">{N(U.ToTonnesPerHa(c.VegC), 1)}</td>" +
                          $"<td class=\"n\">{N(U.ToTonnesPerHa(c.LitterC), 1)}</td><td class=\"n\">{N(U.ToTonnesPerHa(c.SoilC), 1)}</td>" +
                          $"<td class=\"n\">{N(U.ToTonnesPerHa(c.TotalC), 1)}</td><td class=\"n\">{N(U.ToGramsPerM2(c.Npp), 1)}</td><td class=\"n\">{N(U.ToGramsPerM2(c.Nbp), 1)}</td></tr>\n");
            sb.Append("</table>\n");
        }

        sb.Append(LandUseReport.HtmlSection(r)); // land-use change (empty when the map is fixed)
        sb.Append(BudgetTables.HtmlSection(r)); // budgets and compensation (empty without a scheme)
        sb.Append(AttributionOutput.HtmlSection(r)); // sink attribution (empty without run --attribution)

        // Charts
        if (charts.Count > 0)
        {
            sb.Append("<h2>Charts</h2>\n");
            foreach (var (file, caption) in charts)
            {
                var b64 = Convert.ToBase64String(File.ReadAllBytes(Path.Combine(dir, file)));
                sb.Append($"<figure><img alt=\"{H(caption)}\" src=\"data:image/png;base64,{b64}\">" +
                          $"<figcaption>{H(caption)} (<a href=\"{H(file)}\">{H(file)}</a>)</figcaption></figure>\n");
            }
        }

        // Region per year
        ClimateTable.ReportSection(sb, r); // station-driven runs: real climate next to the generator's (issue #13)
        sb.Append("<h2>Region per year</h2>\n<table><tr><th>Year</th><th>GPP [g C m⁻² a⁻¹]</th><th>NPP [g C m⁻² a⁻¹]</th>" +
                  "<th>NEP [g C m⁻² a⁻¹]</th><th>NBP [g C m⁻² a⁻¹]</th><th>Total C [t C ha⁻¹]</th><th>Total C [Tg C]</th><th>Change [Tg C]</th></tr>\n");
        RegionYear? prevYear = null;
        foreach (var y in r.RegionYears.OrderBy(y => y.Year))
        {
            sb.Append($"<tr><td>{y.Year}</td><td class=\"n\">{N(U.ToGramsPerM2(y.Gpp), 1)}</td><td class=\"n\">{N(U.ToGramsPerM2(y.Npp), 1)}</td>" +
                      $"<td class=\"n\">{N(U.ToGramsPerM2(y.Nep), 1)}</td><td class=\"n\">{N(U.ToGramsPerM2(y.Nbp), 1)}</td>" +
                      $"<td class=\"n\">{N(U.ToTonnesPerHa(y.TotalC), 2)}</td><td class=\"n\">{N(U.KgToTg(y.TotalCKg), 3)}</td>" +
                      $"<td class=\"n\">{(prevYear is null ? "" : N(U.KgToTg(y.TotalCKg) - U.KgToTg(prevYear.TotalCKg), 3))}</td></tr>\n");
            prevYear = y;
        }
        sb.Append("</table>\n");

        // Files
        sb.Append("<h2>Data files</h2>\n<ul>\n");
        foreach (var f in dataFiles) sb.Append($"<li><a href=\"{H(f)}\">{H(f)}</a></li>\n");
        sb.Append("</ul>\n<p>Columns and units: see <code>docs/outputs.md</code> in the CarbonSim repository. " +
                  "Rasters are ESRI ASCII grids with a <code>.prj</code>; open them in QGIS with Layer → Add Raster Layer.</p>\n");
        sb.Append("</body></html>\n");
        File.WriteAllText(Path.Combine(dir, FileName), sb.ToString(), Csv.Utf8NoBom);
    }
}
