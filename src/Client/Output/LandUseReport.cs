using System.Globalization;
using System.Text;
using CarbonSim.Model.Output;
using U = CarbonSim.Model.Output.OutputUnits;

namespace CarbonSim.Client.Output;

/// <summary>
/// The "Land-use change" section of report.html for runs whose map changes (the land-use columns of the
/// annual tables are present): class areas at the start and end, what the conversions did to the carbon
/// books over the run, and per city the cells converted, the unmet demand and the built-up growth.
/// Every figure is a sum or a value of the columns in cities_annual.csv / region_annual.csv.
/// </summary>
public static class LandUseReport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private const string Converted = LandUseColumns.Converted, Shortfall = LandUseColumns.Shortfall, ToAtmosphere = LandUseColumns.ToAtmosphere,
        WoodDecay = LandUseColumns.WoodDecay, Establishment = LandUseColumns.Establishment, WoodStock = LandUseColumns.WoodStock;

    private static string H(string s) => HtmlReport.H(s);
    private static string N(double v, int d) => HtmlReport.N(v, d);

    /// <summary>The section's HTML, or "" when the run has no land-use change.</summary>
    public static string HtmlSection(RunResults r)
    {
        if (r.RegionYears.Count == 0 || !r.RegionYears.All(y => y.Extra.ContainsKey(Converted))) return "";
        var first = r.RegionRow(r.FirstYear)!;
        var last = r.RegionRow(r.LastYear)!;
        double Sum(IEnumerable<AreaCarbonYear> rows, string column) => rows.Sum(y => y.Extra.GetValueOrDefault(column));
        var sb = new StringBuilder("<h2>Land-use change</h2>\n");
        double converted = Sum(r.RegionYears, Converted), shortfall = Sum(r.RegionYears, Shortfall);
        sb.Append(string.Format(Inv, "<p>{0:F0} cells changed class over {1}–{2}; demand not met: {3:F0} cells. " +
            "Conversions sent {4:F3} Tg C to the atmosphere, wood products decayed {5:F3} Tg C, seedlings planted on converted cells {6:F4} Tg C; " +
            "wood-product stock at the end {7:F3} Tg C. (Sums of <code>{8}</code>, <code>{9}</code>, <code>{10}</code>, <code>{11}</code>, <code>{12}</code> in region_annual.csv; " +
            "NBP includes the conversion emissions and the wood decay.)</p>\n",
            converted, r.FirstYear, r.LastYear, shortfall, Sum(r.RegionYears, ToAtmosphere) / 1e6, Sum(r.RegionYears, WoodDecay) / 1e6,
            Sum(r.RegionYears, Establishment) / 1e6, last.Extra.GetValueOrDefault(WoodStock) / 1e6, Converted, Shortfall, ToAtmosphere, WoodDecay, Establishment));

        sb.Append($"<table><tr><th>Class</th><th>Area {r.FirstYear} [km²]</th><th>Area {r.LastYear} [km²]</th><th>Change [km²]</th></tr>\n");
        foreach (var cls in first.AreaByClassM2.Keys.Union(last.AreaByClassM2.Keys).Order(StringComparer.Ordinal))
        {
            double a = U.ToKm2(first.AreaByClassM2.GetValueOrDefault(cls)), b = U.ToKm2(last.AreaByClassM2.GetValueOrDefault(cls));
            sb.Append($"<tr><td>{H(cls)}</td><td class=\"n\">{N(a, 0)}</td><td class=\"n\">{N(b, 0)}</td><td class=\"n\">{(b - a).ToString("+0;-0;0", Inv)}</td></tr>\n");
        }
        sb.Append("</table>\n");

        sb.Append($"<table><tr><th>City</th><th>Cells converted</th><th>Demand not met [cells]</th><th>Built-up {r.FirstYear} → {r.LastYear} [km²]</th>" +
                  "<th>Conversion emissions [Tg C]</th></tr>\n");
        foreach (var c in r.Cities)
        {
            var series = r.SeriesOf(c.Id).ToList();
            var f = r.Row(c.Id, r.FirstYear)!; var l = r.Row(c.Id, r.LastYear)!;
            double b0 = U.ToKm2(f.AreaByClassM2.GetValueOrDefault("built_up")), b1 = U.ToKm2(l.AreaByClassM2.GetValueOrDefault("built_up"));
            sb.Append($"<tr><td>{H(c.Name)}</td><td class=\"n\">{N(Sum(series, Converted), 0)}</td><td class=\"n\">{N(Sum(series, Shortfall), 0)}</td>" +
                      $"<td class=\"n\">{N(b0, 0)} → {N(b1, 0)}</td><td class=\"n\">{N(Sum(series, ToAtmosphere) / 1e6, 3)}</td></tr>\n");
        }
        sb.Append("</table>\n<p>Maps of the classes: <code>rasters/land_use_&lt;year&gt;_class_code</code> (codes as in the class table).</p>\n");
        return sb.ToString();
    }
}
