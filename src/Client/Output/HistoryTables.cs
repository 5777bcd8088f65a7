using System.Globalization;
using System.Text;
using CarbonSim.Model.Output;
using U = CarbonSim.Model.Output.OutputUnits;

namespace CarbonSim.Client.Output;

/// <summary>
/// The history outputs (issue #10) besides <c>history_annual.csv</c>: <c>forest_age.csv</c> (woody cover by city and
/// age cohort) and the text comparing the last history years with the first simulated years.
/// </summary>
public static class HistoryTables
{
    /// <summary>File name of the age-cohort area table.</summary>
    public const string ForestAgeFile = "forest_age.csv";

    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Writes <c>forest_age.csv</c>: city_id, vegetation, age_class, age_years_at_first_year, clearing_year, area_km2.</summary>
    public static void WriteForestAge(RunResults r, string path)
    {
        var header = new[] { "city_id", "vegetation", "age_class", "age_years_at_first_year", "clearing_year", "area_km2" };
        var rows = r.ForestAge.Select(a => (IReadOnlyList<string>)new[]
        {
            a.CityId, a.VegetationType, a.AgeClass, a.AgeYears.ToString(Inv), a.ClearingYear.ToString(Inv), Csv.Num(U.ToKm2(a.AreaM2)),
        }).ToList();
        Csv.Write(path, header, rows);
    }

    /// <summary>[g C m-2 a-1] Means of regional NEP and NBP over the last <paramref name="n"/> history years and the first <paramref name="n"/> simulated years.</summary>
    public static (double HistoryNep, double HistoryNbp, double RunNep, double RunNbp) Join(RunResults r, int n = 5)
    {
        var h = r.HistoryYears.OrderBy(y => y.Year).TakeLast(n).ToList();
        var s = r.RegionYears.OrderBy(y => y.Year).Take(n).ToList();
        return (U.ToGramsPerM2(h.Average(y => y.Nep)), U.ToGramsPerM2(h.Average(y => y.Nbp)), U.ToGramsPerM2(s.Average(y => y.Nep)), U.ToGramsPerM2(s.Average(y => y.Nbp)));
    }

    /// <summary>Lines for the run summary: the last history years next to the first simulated years (regional NEP, NBP, total C); empty without a history.</summary>
    public static string Summary(RunResults r, int n = 5)
    {
        if (r.HistoryYears.Count == 0) return "";
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"History {r.HistoryYears[0].Year}–{r.HistoryYears[^1].Year} ({AnnualTables.HistoryFile}) into the first years: year, NEP and NBP [g C m-2 a-1], total C [Tg C]\n");
        foreach (var y in r.HistoryYears.OrderBy(y => y.Year).TakeLast(n).Concat(r.RegionYears.OrderBy(y => y.Year).Take(n)))
            sb.Append(CultureInfo.InvariantCulture, $"  {y.Year}{(y.Year < r.FirstYear ? " (history)" : "")}  {U.ToGramsPerM2(y.Nep),7:F1}  {U.ToGramsPerM2(y.Nbp),7:F1}  {U.KgToTg(y.TotalCKg),8:F1}\n");
        var (hn, hb, sn, sbp) = Join(r, n);
        sb.Append(CultureInfo.InvariantCulture, $"  mean of the last {n} history years: NEP {hn:F1}, NBP {hb:F1}; of the first {n} years: NEP {sn:F1}, NBP {sbp:F1}\n");
        if (r.ForestAge.Any(a => a.ClearingYear != 0))
            sb.Append("  history NBP includes the stand-replacing clearings that set the forest ages (their plant C leaves as harvest in the clearing year; docs/outputs.md)\n");
        return sb.ToString();
    }
}
