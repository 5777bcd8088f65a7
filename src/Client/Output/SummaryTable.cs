using System.Globalization;
using System.Text;
using CarbonSim.Model.Output;
using U = CarbonSim.Model.Output.OutputUnits;

namespace CarbonSim.Client.Output;

/// <summary>Plain-text summary for the console: one line per city, the region, then the validation against the scenario's references (<see cref="ValidationTables.ConsoleLines"/>).</summary>
public static class SummaryTable
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>One row of the summary, in report units.</summary>
    /// <param name="AreaKm2">[km2] Area in the last year.</param>
    /// <param name="TotalCTg">[Tg C] Total carbon in the last year.</param>
    /// <param name="MeanNppGm2">[g C m-2 a-1] NPP averaged over the run's years.</param>
    /// <param name="ChangeTg">[Tg C] Total carbon, last year minus first year.</param>
    public sealed record Row(string Name, double AreaKm2, double TotalCTg, double MeanNppGm2, double ChangeTg);

    /// <summary>Rows per city (run order) and, last, the region.</summary>
    public static IReadOnlyList<Row> Rows(RunResults r)
    {
        var rows = new List<Row>();
        foreach (var c in r.Cities)
        {
            var first = r.Row(c.Id, r.FirstYear)!; var last = r.Row(c.Id, r.LastYear)!;
            rows.Add(new Row(c.Name, U.ToKm2(last.AreaM2), U.KgToTg(last.TotalCKg), U.ToGramsPerM2(r.SeriesOf(c.Id).Average(x => x.Npp)),
                U.KgToTg(last.TotalCKg) - U.KgToTg(first.TotalCKg)));
        }
        var rf = r.RegionRow(r.FirstYear)!; var rl = r.RegionRow(r.LastYear)!;
        rows.Add(new Row("Region", U.ToKm2(rl.AreaM2), U.KgToTg(rl.TotalCKg), U.ToGramsPerM2(r.Years.Select(y => r.RegionRow(y)!.Npp).Average()),
            U.KgToTg(rl.TotalCKg) - U.KgToTg(rf.TotalCKg)));
        return rows;
    }

    /// <summary>The table as text (fixed-width columns, invariant numbers, "\n" line ends).</summary>
    public static string Render(RunResults r)
    {
        var sb = new StringBuilder();
        var rows = Rows(r);
        int nameW = Math.Max(6, rows.Max(x => x.Name.Length));
        string Line(string a, string b, string c, string d, string e) =>
            $"{a.PadRight(nameW)}  {b,12}  {c,14}  {d,14}  {e,14}";
        sb.Append($"Scenario {r.ScenarioName} ({r.FirstYear}–{r.LastYear}), engine {r.EngineVersion}\n");
        sb.Append(Line("City", "Area km2", $"Total C TgC", "Mean NPP", $"Change TgC")).Append('\n');
        sb.Append(Line("", "", $"({r.LastYear})", "gC m-2 a-1", $"{r.FirstYear}–{r.LastYear}")).Append('\n');
        sb.Append(new string('-', nameW + 62)).Append('\n');
        for (int i = 0; i < rows.Count; i++)
        {
            if (i == rows.Count - 1) sb.Append(new string('-', nameW + 62)).Append('\n');
            var x = rows[i];
            sb.Append(Line(x.Name, x.AreaKm2.ToString("F0", Inv), x.TotalCTg.ToString("F2", Inv), x.MeanNppGm2.ToString("F1", Inv),
                x.ChangeTg.ToString("+0.00;-0.00;0.00", Inv))).Append('\n');
        }
        sb.Append('\n');
        sb.Append(ValidationTables.ConsoleLines(r));
        return sb.ToString();
    }
}
