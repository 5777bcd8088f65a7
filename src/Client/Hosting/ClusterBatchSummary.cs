using System.Globalization;
using System.Text;
using CarbonSim.Contracts;
using CarbonSim.Model.Engine;
using V = CarbonSim.Model.Engine.CarbonVariables;

namespace CarbonSim.Client.Hosting;

/// <summary>
/// Per-member and across-member summary of a batch: for each finished member the regional total
/// carbon at the end of the last year [Tg C], the mean annual NPP and NEP [Tg C a-1] and the summed NEP
/// over the run [Tg C]; across members the mean, standard deviation (n − 1), minimum and maximum.
/// </summary>
public static class ClusterBatchSummary
{
    /// <summary>[kg Tg-1] Kilograms per teragram.</summary>
    const double KgPerTg = 1e9;

    public static readonly string[] Columns = ["total_c_end_tgc", "npp_mean_tgc_a", "nep_mean_tgc_a", "nep_sum_tgc"];

    public sealed record Row(string RunId, string Label, string Phase, double[] Values);

    public static double[] Measures(RunOutcome outcome)
    {
        var years = outcome.Region;
        if (years.Length == 0) return [double.NaN, double.NaN, double.NaN, double.NaN];
        double[] Kg(int v) => years.Select(y => y.TotalsKg()[v]).ToArray();
        var npp = Kg(V.Npp); var nep = Kg(V.Nep);
        return [years[^1].TotalsKg()[V.TotalC] / KgPerTg, npp.Average() / KgPerTg, nep.Average() / KgPerTg, nep.Sum() / KgPerTg];
    }

    /// <summary>The CSV text: one line per member, then mean, sd, min and max over the done members.</summary>
    public static string Csv(IReadOnlyList<Row> rows)
    {
        var sb = new StringBuilder();
        sb.Append("run_id,label,phase,").AppendJoin(',', Columns).Append('\n');
        foreach (var r in rows) Line(sb, r.RunId, r.Label, r.Phase, r.Values);
        var done = rows.Where(r => r.Phase == "done").Select(r => r.Values).ToArray();
        if (done.Length > 0)
        {
            double[] Stat(Func<double[], double> f) => Enumerable.Range(0, Columns.Length).Select(c => f(done.Select(v => v[c]).ToArray())).ToArray();
            Line(sb, "", "mean", $"n={done.Length}", Stat(x => x.Average()));
            Line(sb, "", "sd", $"n={done.Length}", Stat(StandardDeviation));
            Line(sb, "", "min", $"n={done.Length}", Stat(x => x.Min()));
            Line(sb, "", "max", $"n={done.Length}", Stat(x => x.Max()));
        }
        return sb.ToString();
    }

    static double StandardDeviation(double[] x)
    {
        if (x.Length < 2) return 0;
        double mean = x.Average();
        double ss = 0;
        foreach (var v in x) ss += (v - mean) * (v - mean);
        return Math.Sqrt(ss / (x.Length - 1));
    }

    static void Line(StringBuilder sb, string id, string label, string phase, double[] values)
    {
        sb.Append(id).Append(',').Append(Quote(label)).Append(',').Append(phase);
        foreach (var v in values) sb.Append(',').Append(v.ToString("R", CultureInfo.InvariantCulture));
        sb.Append('\n');
    }

    static string Quote(string s) => s.Contains(',') || s.Contains('"') ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;

    /// <summary>An aligned text table of the CSV for the terminal.</summary>
    public static string Table(string csv)
    {
        var lines = csv.TrimEnd('\n').Split('\n').Select(l => SplitCsv(l)).ToArray();
        for (int r = 1; r < lines.Length; r++)
            for (int c = 3; c < lines[r].Length; c++)
                if (double.TryParse(lines[r][c], CultureInfo.InvariantCulture, out var v)) lines[r][c] = v.ToString("F4", CultureInfo.InvariantCulture);
        int cols = lines.Max(l => l.Length);
        var width = Enumerable.Range(0, cols).Select(c => lines.Max(l => c < l.Length ? l[c].Length : 0)).ToArray();
        return string.Join('\n', lines.Select(l => string.Join("  ", l.Select((cell, c) => c >= 3 ? cell.PadLeft(width[c]) : cell.PadRight(width[c])))));
    }

    static string[] SplitCsv(string line)
    {
        var cells = new List<string>(); var cur = new StringBuilder(); bool q = false;
        foreach (char ch in line)
        {
            if (ch == '"') q = !q;
            else if (ch == ',' && !q) { cells.Add(cur.ToString()); cur.Clear(); }
            else cur.Append(ch);
        }
        cells.Add(cur.ToString());
        return [.. cells];
    }
}
