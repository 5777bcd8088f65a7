using CarbonSim.Model.Io.Formats;
using System.Globalization;
using CarbonSim.Client.Output;
using CarbonSim.Model;
using CarbonSim.Model.LandUse;
using CarbonSim.Model.Region;

namespace CarbonSim.Client.Commands;

/// <summary>
/// <c>carbonsim compare</c>: differences between finished runs (the first is the baseline) per city and for
/// the region, per year, for every shared column of the annual tables (stocks, fluxes, and the budget and
/// compensation columns when the runs have them), with charts and an HTML report (<see cref="ComparisonWriter"/>).
/// <code>
/// carbonsim compare RUN_A RUN_B [RUN_C ...] [--out DIR] [--overwrite] [--no-charts] [--group NAME=id,id,... --group NAME2=id,...]
///     [--observed obs.asc --initial init.asc --simulated sim.asc [--simulated sim2.asc ...]]
/// </code>
/// The report also has the compensation of each run (who pays and receives how much), the land-use map difference,
/// the agreement and the runs or city groups side by side per area and per capita (<see cref="CompareSections"/>);
/// with two or more <c>--group</c> options a single run folder may be given.
/// With <c>--observed</c>, also writes <c>agreement.csv</c>: Cohen's Kappa of each simulated class map
/// against the observed map and, with <c>--initial</c>, the figure of merit, producer's and user's accuracy
/// of the simulated change (Pontius et al. 2008). Maps are ESRI ASCII grids of integer class codes on one grid.
/// Without <c>--out</c> it writes <c>out/comparison-&lt;utc timestamp&gt;</c>. Bad input: one line on stderr, exit code 2.
/// </summary>
public static class CompareCommand
{
    public const string AgreementFile = CompareSections.AgreementFile;

    /// <summary>What <c>carbonsim compare</c> was asked (parsed by <see cref="Cli.CarbonSimCli"/>).</summary>
    /// <param name="Groups">City groups as <c>NAME=id,id,...</c> (<see cref="CityGroup.Parse"/>), compared side by side in every run.</param>
    public sealed record Args(IReadOnlyList<string> Runs, string? OutDir, bool Overwrite, bool Charts, string? Observed, string? Initial, IReadOnlyList<string> Simulated,
        IReadOnlyList<string>? Groups = null);

    static readonly string[] AgreementHeader = ["simulated_map", "observed_map", "initial_map", "kappa", "figure_of_merit", "producers_accuracy", "users_accuracy", "hits_cells", "misses_cells", "false_alarms_cells", "wrong_hits_cells"];

    /// <summary>The verb; bad input throws <see cref="InvalidInputException"/> (the CLI prints one line, exit 2).</summary>
    public static int Run(Args a, TextWriter stdout, TextWriter stderr)
    {
        var (runs, outDir, observed, initial, simulated) = (a.Runs, a.OutDir, a.Observed, a.Initial, a.Simulated);
        if (observed is null && (initial is not null || simulated.Count > 0))
            throw new InvalidInputException("command line", "--observed", "missing", "an observed map whenever --initial or --simulated is given");
        if (observed is not null && simulated.Count == 0)
            throw new InvalidInputException("command line", "--simulated", "missing", "at least one simulated class map to check against --observed");
        var groups = (a.Groups ?? []).Select(CityGroup.Parse).ToList();
        if (groups.Select(g => g.Name).Distinct().Count() != groups.Count)
            throw new InvalidInputException("command line", "--group", string.Join(" ", a.Groups!), "groups with different names");
        if (groups.Count == 1) throw new InvalidInputException("command line", "--group", a.Groups![0], "at least two --group options (groups are compared side by side)");
        // The agreement is computed first, so that a bad map leaves no folder behind; it is written with the rest.
        var rows = observed is null ? null : Agreement(observed, initial, simulated);
        bool replace = outDir is not null && Cli.CliOptions.CheckOutFolder(outDir, a.Overwrite);
        outDir ??= Path.Combine(Cli.RunOptions.DefaultOutParent, "comparison-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
        var res = ComparisonWriter.WriteAll(runs, outDir, new ComparisonOptions
        {
            Overwrite = replace, Charts = a.Charts, Groups = groups,
            Agreement = rows is null ? null : (AgreementHeader, rows),
        });
        foreach (var w in res.Warnings) stderr.WriteLine($"carbonsim compare: warning: {w}");
        stdout.WriteLine($"comparison of {runs.Count} runs written to {res.Directory} ({res.Files.Count} files)");
        PrintRegionTotals(Path.Combine(res.Directory, ComparisonWriter.SummaryFile), stdout);
        foreach (var r in rows ?? []) stdout.WriteLine($"{r[0]}: kappa {r[3]}, figure of merit {(r[4].Length > 0 ? r[4] : "n/a (no --initial)")}");
        return 0;
    }

    /// <summary>Prints, per run, the region's total carbon in the last common year and its difference from the baseline.</summary>
    private static void PrintRegionTotals(string summaryCsv, TextWriter stdout)
    {
        if (!File.Exists(summaryCsv)) return;
        var (h, rows) = Csv.Read(summaryCsv);
        int sc = h.ToList().IndexOf("scenario"), en = h.ToList().IndexOf("entity"), va = h.ToList().IndexOf("variable"),
            to = h.ToList().IndexOf("to_year"), v = h.ToList().IndexOf("value"), d = h.ToList().IndexOf("delta"), b = h.ToList().IndexOf("baseline");
        if (new[] { sc, en, va, to, v, d, b }.Any(i => i < 0)) return;
        foreach (var r in rows.Where(r => r[en] == "region" && r[va] == "totalc_TgC"))
            stdout.WriteLine($"  {r[sc]}: total C {r[to]} = {r[v]} Tg C, {r[d]} Tg C vs {r[b]}");
    }

    /// <summary>Kappa (and, with an initial map, the change agreement) of each simulated map against the observed one.</summary>
    public static List<string[]> Agreement(string observedPath, string? initialPath, IReadOnlyList<string> simulatedPaths)
    {
        static string N(double v) => Csv.Num(v);
        var obs = ReadCodes(observedPath, null);
        var init = initialPath is null ? null : ReadCodes(initialPath, obs);
        var rows = new List<string[]>();
        foreach (var sp in simulatedPaths)
        {
            var sim = ReadCodes(sp, obs);
            double kappa = AgreementMetrics.Kappa(obs, sim);
            if (init is null)
                rows.Add([sp, observedPath, "", N(kappa), "", "", "", "", "", "", ""]);
            else
            {
                var c = AgreementMetrics.Change(init, obs, sim);
                rows.Add([sp, observedPath, initialPath!, N(kappa), N(c.FigureOfMerit), N(c.ProducersAccuracy), N(c.UsersAccuracy),
                    c.Hits.ToString(CultureInfo.InvariantCulture), c.Misses.ToString(CultureInfo.InvariantCulture),
                    c.FalseAlarms.ToString(CultureInfo.InvariantCulture), c.WrongHits.ToString(CultureInfo.InvariantCulture)]);
            }
        }
        return rows;
    }

    /// <summary>Reads a grid of integer class codes (NODATA → <see cref="LandUseMap.NoData"/>), checking its size against <paramref name="like"/>.</summary>
    private static LandUseMap ReadCodes(string path, LandUseMap? like)
    {
        var g = EsriAsciiGrid.Read(path);
        if (like is not null && (g.Cols != like.Width || g.Rows != like.Height))
            throw new InvalidInputException(path, "header", $"{g.Cols}x{g.Rows}", $"the observed map's size {like.Width}x{like.Height}");
        var v = new int[g.Values.Length];
        for (int i = 0; i < v.Length; i++)
        {
            double x = g.Values[i];
            if (g.NoData is double nd && x == nd) { v[i] = LandUseMap.NoData; continue; }
            if (x != Math.Floor(x) || x < 0 || x > int.MaxValue)
                throw new InvalidInputException(path, $"row {i / g.Cols}, col {i % g.Cols}", x.ToString("R", CultureInfo.InvariantCulture), "a class code (integer >= 0) or nodata");
            v[i] = (int)x;
        }
        return new LandUseMap(g.Cols, g.Rows, v);
    }
}
