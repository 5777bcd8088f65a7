using System.Globalization;
using System.Net;
using System.Text;
using CarbonSim.Model.Accounting;
using ScottPlot;

namespace CarbonSim.Client.Output;

/// <summary>
/// <c>compensation_sensitivity.csv</c> (one row per price factor × window: total paid, unmatched, years with
/// transfers, most zone changes of a city, and per city the net received over the years) and
/// <c>compensation_sensitivity.html</c> with its chart (<c>compensation_sensitivity.png</c>: each city's net
/// received per window at the run's price). Written by <c>carbonsim compensate --sensitivity</c>.
/// </summary>
public static class SensitivityReport
{
    public const string CsvFile = "compensation_sensitivity.csv";
    public const string HtmlFile = "compensation_sensitivity.html";
    public const string ChartFile = "compensation_sensitivity.png";
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The net-received column of a city: <c>net_received_&lt;cur&gt;_total_&lt;city id&gt;</c>.</summary>
    public static string NetColumn(string currency, string cityId) => $"net_received_{currency}_total_{cityId}";

    /// <summary>Writes the CSV, the chart (unless <paramref name="charts"/> is false or drawing fails: then a warning) and the HTML page; returns the file names and warnings.</summary>
    public static (List<string> Files, List<string> Warnings) Write(IReadOnlyList<SensitivityCase> grid, CompensationSettings settings, string sinkBasis,
        IReadOnlyDictionary<string, string> names, string runDir, string dir, bool charts)
    {
        string cur = settings.Currency;
        var ids = names.Keys.Order(StringComparer.Ordinal).ToList();
        var header = new List<string> { "years", "scheme", "price_factor", "window_years", $"total_paid_{cur}", $"total_unmatched_{cur}", "years_with_transfers", "max_zone_changes_of_a_city" };
        header.AddRange(ids.Select(id => NetColumn(cur, id)));
        var rows = grid.Select(c => (IReadOnlyList<string>)new List<string>
        {
            $"{c.Summary.FirstYear}-{c.Summary.LastYear}", settings.SchemeName, Csv.Num(c.PriceFactor), c.WindowYears.ToString(Inv),
            Csv.Num(c.Summary.TotalPaidRmb), Csv.Num(c.Summary.TotalUnmatchedRmb), c.Summary.YearsWithTransfers.ToString(Inv), c.Summary.MaxZoneChanges.ToString(Inv),
        }.Concat(ids.Select(id => Csv.Num(c.Summary.NetReceived(id)))).ToList()).ToList();
        Csv.Write(Path.Combine(dir, CsvFile), header, rows);
        var files = new List<string> { CsvFile };
        var warnings = new List<string>();
        bool chart = false;
        if (charts)
        {
            try { chart = Chart(grid, names, ids, cur, Path.Combine(dir, ChartFile)); if (chart) files.Add(ChartFile); }
            catch (Exception e) when (e is TypeInitializationException or DllNotFoundException or EntryPointNotFoundException)
            {
                warnings.Add($"chart skipped: {e.GetBaseException().GetType().Name}: {e.GetBaseException().Message}");
                File.Delete(Path.Combine(dir, ChartFile));
            }
        }
        File.WriteAllText(Path.Combine(dir, HtmlFile), Html(grid, settings, sinkBasis, names, ids, runDir, chart ? Path.Combine(dir, ChartFile) : null), Csv.Utf8NoBom);
        files.Add(HtmlFile);
        return (files, warnings);
    }

    /// <summary>The price factor whose cases the chart shows: 1 if in the grid, else the first.</summary>
    static double ChartFactor(IReadOnlyList<SensitivityCase> grid) => grid.Any(c => c.PriceFactor == 1.0) ? 1.0 : grid[0].PriceFactor;

    /// <summary>Grouped bars: per city, its net received over the years [10^9 currency] for each window at one price factor.</summary>
    static bool Chart(IReadOnlyList<SensitivityCase> grid, IReadOnlyDictionary<string, string> names, List<string> ids, string cur, string path)
    {
        double factor = ChartFactor(grid);
        var cases = grid.Where(c => c.PriceFactor == factor).ToList();
        if (cases.Count == 0 || ids.Count == 0) return false;
        var order = ids.OrderBy(id => cases[0].Summary.NetReceived(id)).ToList();
        var plt = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        double width = 0.8 / cases.Count;
        for (int k = 0; k < cases.Count; k++)
        {
            var bars = order.Select((id, i) => new Bar { Position = i - 0.4 + width * (k + 0.5), Value = cases[k].Summary.NetReceived(id) / 1e9, Size = width * 0.95, FillColor = palette.GetColor(k) }).ToList();
            plt.Add.Bars(bars).LegendText = $"window {cases[k].WindowYears} a";
        }
        var labels = order.Select(id => names[id]).ToArray();
        plt.Axes.Bottom.SetTicks(Enumerable.Range(0, order.Count).Select(i => (double)i).ToArray(), labels);
        plt.Axes.Bottom.TickLabelStyle.Rotation = 35;
        plt.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        plt.Axes.Bottom.MinimumSize = 30 + 5 * labels.Max(n => n.Length);
        plt.Add.HorizontalLine(0, 1, Colors.Black);
        plt.YLabel($"Net received over the years [10^9 {cur}]");
        plt.Title($"Net received per city by smoothing window (price × {factor.ToString("0.###", Inv)}); negative = paid");
        plt.ShowLegend(Alignment.UpperLeft);
        plt.SavePng(path, Charts.Width, Charts.Height);
        return true;
    }

    static string H(string s) => WebUtility.HtmlEncode(s);
    static string G(double v) => (v / 1e9).ToString("N2", Inv);

    static string Html(IReadOnlyList<SensitivityCase> grid, CompensationSettings s, string sinkBasis, IReadOnlyDictionary<string, string> names, List<string> ids, string runDir, string? chartPath)
    {
        string cur = H(s.Currency);
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>CarbonSim compensation sensitivity</title>\n");
        sb.Append("<style>body{font-family:sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}table{border-collapse:collapse;margin:1em 0}" +
                  "th,td{border:1px solid #ccc;padding:4px 8px}td.n{text-align:right;font-variant-numeric:tabular-nums}th{background:#f0f0f0}img{max-width:100%;border:1px solid #ddd}</style>\n</head><body>\n");
        var first = grid[0].Summary;
        sb.Append($"<h1>Sensitivity of the transfers to price and window</h1>\n<p>Run <code>{H(runDir)}</code>, {first.FirstYear}–{first.LastYear}. " +
                  $"Scheme <b>{H(s.SchemeName)}</b>, sink {H(sinkBasis.ToUpperInvariant())}, zone thresholds ESC {s.EscThreshold.ToString("0.###", Inv)} / ECC {s.EccThreshold.ToString("0.###", Inv)}, hysteresis {s.HysteresisBand.ToString("0.###", Inv)}. " +
                  "Each setting closes the run's books again from its inputs (<code>compensation_inputs.csv</code>) with every year's price multiplied by the factor and the given smoothing window " +
                  $"(docs/accounting.md §5). Amounts in 10⁹ {cur}, summed over the years; all figures: <a href=\"{CsvFile}\">{CsvFile}</a>.</p>\n");
        sb.Append($"<table><tr><th>Price factor</th><th>Window [a]</th><th>Total paid [10⁹ {cur}]</th><th>Unmatched [10⁹ {cur}]</th><th>Years with transfers</th><th>Most zone changes of a city</th></tr>\n");
        foreach (var c in grid)
            sb.Append($"<tr><td class=\"n\">{c.PriceFactor.ToString("0.###", Inv)}</td><td class=\"n\">{c.WindowYears}</td><td class=\"n\">{G(c.Summary.TotalPaidRmb)}</td><td class=\"n\">{G(c.Summary.TotalUnmatchedRmb)}</td>" +
                      $"<td class=\"n\">{c.Summary.YearsWithTransfers}</td><td class=\"n\">{c.Summary.MaxZoneChanges}</td></tr>\n");
        sb.Append("</table>\n");
        sb.Append($"<h2>Net received per city [10⁹ {cur}] (negative = paid)</h2>\n<table><tr><th>City</th>");
        foreach (var c in grid) sb.Append($"<th>× {c.PriceFactor.ToString("0.###", Inv)}, {c.WindowYears} a</th>");
        sb.Append("</tr>\n");
        var baseCase = grid.FirstOrDefault(c => c.PriceFactor == ChartFactor(grid)) ?? grid[0];
        foreach (var id in ids.OrderBy(id => baseCase.Summary.NetReceived(id)))
        {
            sb.Append($"<tr><td>{H(names[id])}</td>");
            foreach (var c in grid) sb.Append($"<td class=\"n\">{G(c.Summary.NetReceived(id))}</td>");
            sb.Append("</tr>\n");
        }
        sb.Append("</table>\n");
        if (chartPath is not null)
        {
            var b64 = Convert.ToBase64String(File.ReadAllBytes(chartPath));
            sb.Append($"<figure><img alt=\"net received per city by window\" src=\"data:image/png;base64,{b64}\"><figcaption>Net received per city over the years, one bar per window (<a href=\"{ChartFile}\">{ChartFile}</a>)</figcaption></figure>\n");
        }
        sb.Append("</body></html>\n");
        return sb.ToString();
    }
}
