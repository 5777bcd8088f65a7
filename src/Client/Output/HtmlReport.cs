using System.Globalization;
using System.Net;
using System.Text;
using CarbonSim.Model.Output;
using U = CarbonSim.Model.Output.OutputUnits;

namespace CarbonSim.Client.Output;

/// <summary>
/// <c>report.html</c>: one self-contained page (inline CSS, charts embedded as data URIs and linked)
/// with the summary table, the comparison with published ranges and links to every data file.
/// Holds no timings or clock readings, so the same results give the same page.
/// </summary>
public static class HtmlReport
{
    /// <summary>File name.</summary>
    public const string FileName = "report.html";
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    internal static string H(string s) => WebUtility.HtmlEncode(s);
    internal static string N(double v, int d) => double.IsFinite(v) ? v.ToString("F" + d, Inv) : "–";

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

        // Comparison with published ranges
        var checks = PublishedComparison.Evaluate(r);
        if (checks.Count > 0)
        {
            sb.Append("<h2>Comparison with published figures</h2>\n<table><tr><th>Quantity</th><th>Modelled</th><th>Published</th><th>Status</th><th>Basis</th><th>Source</th></tr>\n");
            foreach (var k in checks)
            {
                string cls = k.Status.ToString().ToLowerInvariant();
                sb.Append($"<tr><td>{H(k.Range.Description)}</td><td class=\"n\">{N(k.Modelled, 1)} {H(k.ComparedUnit)}</td>" +
                          $"<td class=\"n\">{N(k.ComparedLow, 1)}–{N(k.ComparedHigh, 1)} {H(k.ComparedUnit)}</td>" +
                          $"<td class=\"{cls}\">{cls}</td><td>{H(k.Basis)}</td><td>{H(k.Range.Source)}</td></tr>\n");
            }
            sb.Append("</table>\n");
            foreach (var k in checks) sb.Append($"<p>{H(k.Explanation)}</p>\n");
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
