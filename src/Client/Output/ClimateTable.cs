using System.Globalization;
using System.Text;
using CarbonSim.Model.Climate;
using CarbonSim.Model.Output;

namespace CarbonSim.Client.Output;

/// <summary>
/// <c>climate_monthly.csv</c> (station-driven runs only): per zone, month and series (<c>station_record</c>, <c>generator</c>)
/// the monthly statistics of the simulated years (<see cref="ClimateComparison"/>); month 0 is the year (means, annual
/// precipitation, dry spells).
/// </summary>
public static class ClimateTable
{
    /// <summary>File name.</summary>
    public const string FileName = "climate_monthly.csv";

    static readonly string[] Header =
    [
        "zone", "zone_name", "series", "first_year", "last_year", "month", "tmax_C", "tmin_C", "tmax_sd_K", "tmin_sd_K", "prcp_mm",
        "prcp_sd_mm", "wet_day_fraction", "srad_W_m2", "vpd_Pa", "mean_dry_spell_d", "max_dry_spell_d",
    ];

    public static void Write(RunResults r, string path)
    {
        var inv = CultureInfo.InvariantCulture;
        var rows = new List<IReadOnlyList<string>>();
        foreach (var c in r.ClimateComparisons)
            foreach (var (series, s) in new[] { ("station_record", c.Record), ("generator", c.Generator) })
            {
                string[] Head(int month) => [c.Zone, c.Label, series, c.FirstYear.ToString(inv), c.LastYear.ToString(inv), month.ToString(inv)];
                foreach (var m in s.Months)
                    rows.Add([.. Head(m.Month), Csv.Num(m.TmaxC), Csv.Num(m.TminC), Csv.Num(m.TmaxSdK), Csv.Num(m.TminSdK), Csv.Num(m.PrcpMm),
                        Csv.Num(m.PrcpSdMm), Csv.Num(m.WetDayFraction), Csv.Num(m.SradWm2), Csv.Num(m.VpdPa), "", ""]);
                rows.Add([.. Head(0), Csv.Num(Weighted(s, m => m.TmaxC)), Csv.Num(Weighted(s, m => m.TminC)), "", "", Csv.Num(s.AnnualPrcpMm),
                    "", Csv.Num(Weighted(s, m => m.WetDayFraction)), Csv.Num(Weighted(s, m => m.SradWm2)), Csv.Num(Weighted(s, m => m.VpdPa)),
                    Csv.Num(s.MeanDrySpellDays), Csv.Num(s.MaxDrySpellDays)]);
            }
        Csv.Write(path, Header, rows);
    }

    /// <summary>Day-weighted annual mean of a monthly statistic.</summary>
    public static double Weighted(ClimateSummary s, Func<MonthlyClimate, double> v)
        => s.Months.Sum(m => v(m) * Calendar365.MonthDays[m.Month - 1]) / 365.0;

    /// <summary>The report's section: per zone, monthly Tmax/Tmin/precipitation/wet days of the record and the generator side by side.</summary>
    internal static void ReportSection(StringBuilder sb, RunResults r)
    {
        if (r.ClimateComparisons.Count == 0) return;
        sb.Append("<h2>Climate: station record and weather generator</h2>\n<p>Each zone's weather in the simulated years (station records, " +
                  "docs/data.md) next to the weather generator driven by the normals of the same years (seed " +
                  $"{ClimateComparison.GeneratorSeed}). Every statistic: <a href=\"{FileName}\">{FileName}</a>.</p>\n");
        foreach (var c in r.ClimateComparisons)
        {
            sb.Append($"<h3>{HtmlReport.H(c.Label)}, {c.FirstYear}–{c.LastYear}</h3>\n<table><tr><th>Month</th>" +
                      "<th>Tmax record [°C]</th><th>Tmax generator [°C]</th><th>Tmin record [°C]</th><th>Tmin generator [°C]</th>" +
                      "<th>Precipitation record [mm]</th><th>Precipitation generator [mm]</th><th>Wet days record [%]</th><th>Wet days generator [%]</th></tr>\n");
            for (int m = 0; m < 12; m++)
            {
                var a = c.Record.Months[m]; var g = c.Generator.Months[m];
                sb.Append($"<tr><td>{m + 1}</td><td class=\"n\">{HtmlReport.N(a.TmaxC, 1)}</td><td class=\"n\">{HtmlReport.N(g.TmaxC, 1)}</td>" +
                          $"<td class=\"n\">{HtmlReport.N(a.TminC, 1)}</td><td class=\"n\">{HtmlReport.N(g.TminC, 1)}</td>" +
                          $"<td class=\"n\">{HtmlReport.N(a.PrcpMm, 1)}</td><td class=\"n\">{HtmlReport.N(g.PrcpMm, 1)}</td>" +
                          $"<td class=\"n\">{HtmlReport.N(100 * a.WetDayFraction, 0)}</td><td class=\"n\">{HtmlReport.N(100 * g.WetDayFraction, 0)}</td></tr>\n");
            }
            sb.Append($"<tr><th>Year</th><td class=\"n\">{HtmlReport.N(Weighted(c.Record, x => x.TmaxC), 1)}</td><td class=\"n\">{HtmlReport.N(Weighted(c.Generator, x => x.TmaxC), 1)}</td>" +
                      $"<td class=\"n\">{HtmlReport.N(Weighted(c.Record, x => x.TminC), 1)}</td><td class=\"n\">{HtmlReport.N(Weighted(c.Generator, x => x.TminC), 1)}</td>" +
                      $"<td class=\"n\">{HtmlReport.N(c.Record.AnnualPrcpMm, 0)}</td><td class=\"n\">{HtmlReport.N(c.Generator.AnnualPrcpMm, 0)}</td>" +
                      $"<td class=\"n\">{HtmlReport.N(100 * Weighted(c.Record, x => x.WetDayFraction), 0)}</td><td class=\"n\">{HtmlReport.N(100 * Weighted(c.Generator, x => x.WetDayFraction), 0)}</td></tr>\n</table>\n");
            sb.Append($"<p>Mean dry spell: record {HtmlReport.N(c.Record.MeanDrySpellDays, 1)} d, generator {HtmlReport.N(c.Generator.MeanDrySpellDays, 1)} d; " +
                      $"longest dry spell of a year (mean): record {HtmlReport.N(c.Record.MaxDrySpellDays, 0)} d, generator {HtmlReport.N(c.Generator.MaxDrySpellDays, 0)} d.</p>\n");
        }
    }
}
