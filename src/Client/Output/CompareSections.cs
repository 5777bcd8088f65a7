using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CarbonSim.Model;
using CarbonSim.Model.Accounting;
using CarbonSim.Model.Io.Formats;
using CarbonSim.Model.LandUse;
using C = CarbonSim.Model.Io.Formats.OutputColumns;

namespace CarbonSim.Client.Output;

/// <summary>A named group of city ids compared side by side (<c>carbonsim compare --group NAME=id,id,...</c>).</summary>
public sealed record CityGroup(string Name, IReadOnlyList<string> CityIds)
{
    /// <summary>Parses <c>NAME=id,id,...</c>; a bad form is an input error naming <c>--group</c>.</summary>
    public static CityGroup Parse(string text)
    {
        int eq = text.IndexOf('=');
        var ids = eq < 0 ? [] : text[(eq + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (eq <= 0 || ids.Length == 0 || text[..eq].Any(ch => ch is ',' or '"' or '<' or '>' or '&'))
            throw new InvalidInputException("command line", "--group", text, "NAME=city_id,city_id,... (e.g. BTL=110000,120000,131000)");
        if (ids.Distinct().Count() != ids.Length)
            throw new InvalidInputException("command line", "--group", text, "each city id once per group");
        return new CityGroup(text[..eq].Trim(), ids);
    }
}

/// <summary>
/// The compensation, land-use and region sections of <c>compare_report.html</c> (docs/outputs.md): who pays and
/// who receives how much over the years per scenario (each run's <c>compensation_cumulative.csv</c>), the
/// land-use map difference from the baseline in the last common year (each run's <c>rasters/land_use_&lt;year&gt;_*.asc</c>),
/// the agreement with an observed map (<c>--observed</c>), and city groups or whole runs side by side per area and
/// per capita (<see cref="GroupProfile"/>).
/// </summary>
public static class CompareSections
{
    public const string GroupsFile = "compare_groups.csv";
    public const string LandUseFile = "compare_land_use_difference.csv";
    public const string AgreementFile = "agreement.csv";
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    static string H(string s) => WebUtility.HtmlEncode(s);
    static string G(double v) => double.IsFinite(v) ? (v / 1e9).ToString("N2", Inv) : "–";
    static string F(double v, string fmt) => double.IsFinite(v) ? v.ToString(fmt, Inv) : "–";

    /// <summary>Per city and run, net received over the years [10^9 currency]; total paid per run. Empty when no run has books.</summary>
    public static string Compensation(IReadOnlyList<ComparedRun> runs)
    {
        var books = new List<(ComparedRun Run, string Currency, string Years, Dictionary<string, (string Name, double Paid, double Received)> Cities)>();
        foreach (var r in runs)
        {
            string path = Path.Combine(r.Directory, BudgetTables.CumulativeFile);
            if (!File.Exists(path)) continue;
            var (h, rows) = Csv.Read(path);
            var header = h.ToList();
            var cur = header.Select(x => Regex.Match(x, "^net_received_(.+)_total$")).FirstOrDefault(m => m.Success)?.Groups[1].Value;
            if (cur is null) throw new InvalidInputException(path, "header", string.Join(",", header), "a compensation_cumulative.csv with net_received_<currency>_total");
            int id = header.IndexOf("city_id"), name = header.IndexOf("city"), paid = header.IndexOf($"paid_{cur}_total"), rec = header.IndexOf($"received_{cur}_total"), yrs = header.IndexOf("years");
            var d = new Dictionary<string, (string, double, double)>();
            foreach (var row in rows)
                d[row[id]] = (row[name], double.Parse(row[paid], Inv), double.Parse(row[rec], Inv));
            books.Add((r, cur, rows.Count > 0 ? rows[0][yrs] : "", d));
        }
        if (books.Count == 0) return "";
        var sb = new StringBuilder("<h2>Compensation: who pays and who receives</h2>\n");
        var currencies = books.Select(b => b.Currency).Distinct().ToList();
        string cur0 = H(string.Join("/", currencies));
        sb.Append($"<p>Net received per city over the years of each run's books (received − paid, 10⁹ {cur0}; negative = the city paid), from each run's " +
                  $"<code>{BudgetTables.CumulativeFile}</code> (years: {H(string.Join(", ", books.Select(b => b.Years).Distinct()))}). Each run's own scheme, price and window apply " +
                  "(its <code>compensation_settings.csv</code>); <code>carbonsim compensate RUN --sensitivity</code> shows how they move with price and window.</p>\n");
        sb.Append("<table><tr><th>City</th>");
        foreach (var b in books) sb.Append($"<th>{H(b.Run.Label)}</th>");
        if (books.Count > 1) foreach (var b in books.Skip(1)) sb.Append($"<th>Δ {H(b.Run.Label)}</th>");
        sb.Append("</tr>\n");
        var ids = books.SelectMany(b => b.Cities.Keys).Distinct().OrderBy(id => books[0].Cities.TryGetValue(id, out var c) ? c.Received - c.Paid : 0).ThenBy(id => id, StringComparer.Ordinal).ToList();
        double Net(int k, string id) => books[k].Cities.TryGetValue(id, out var c) ? c.Received - c.Paid : double.NaN;
        foreach (var id in ids)
        {
            string name = books.Select(b => b.Cities.TryGetValue(id, out var c) ? c.Name : null).First(n => n is not null)!;
            sb.Append($"<tr><td>{H(name)}</td>");
            for (int k = 0; k < books.Count; k++) sb.Append($"<td class=\"n\">{G(Net(k, id))}</td>");
            for (int k = 1; k < books.Count; k++) sb.Append($"<td class=\"n\">{G(Net(k, id) - Net(0, id))}</td>");
            sb.Append("</tr>\n");
        }
        sb.Append("<tr><th>Total paid</th>");
        foreach (var b in books) sb.Append($"<th class=\"n\">{G(b.Cities.Values.Sum(c => c.Paid))}</th>");
        for (int k = 1; k < books.Count; k++) sb.Append($"<th class=\"n\">{G(books[k].Cities.Values.Sum(c => c.Paid) - books[0].Cities.Values.Sum(c => c.Paid))}</th>");
        sb.Append("</tr>\n</table>\n");
        foreach (var b in books)
        {
            var payers = b.Cities.Where(c => c.Value.Paid > c.Value.Received).OrderBy(c => c.Value.Received - c.Value.Paid).Select(c => $"{c.Value.Name} {G(c.Value.Paid - c.Value.Received)}");
            var receivers = b.Cities.Where(c => c.Value.Received > c.Value.Paid).OrderByDescending(c => c.Value.Received - c.Value.Paid).Select(c => $"{c.Value.Name} {G(c.Value.Received - c.Value.Paid)}");
            sb.Append($"<p><b>{H(b.Run.Label)}</b>: pay (net) {H(string.Join(", ", payers))}; receive (net) {H(string.Join(", ", receivers))} (10⁹ {H(b.Currency)}).</p>\n");
        }
        return sb.ToString();
    }

    /// <summary>The land-use maps a run wrote, by year (<c>rasters/land_use_&lt;year&gt;_*.asc</c>).</summary>
    static SortedDictionary<int, string> LandUseMaps(ComparedRun r)
    {
        var d = new SortedDictionary<int, string>();
        string dir = Path.Combine(r.Directory, OutputWriter.RasterDir);
        if (!Directory.Exists(dir)) return d;
        foreach (var f in Directory.GetFiles(dir, "land_use_*.asc"))
        {
            var m = Regex.Match(Path.GetFileName(f), @"^land_use_(\d{4})_");
            if (m.Success) d[int.Parse(m.Groups[1].Value, Inv)] = f;
        }
        return d;
    }

    /// <summary>
    /// Per compared run: the cells whose land-use class differs from the baseline's in the last year both wrote a
    /// map, by (baseline class → run class). HTML and the CSV rows (scenario, baseline, year, from, to, cells, share);
    /// empty when fewer than two runs wrote land-use maps.
    /// </summary>
    public static (string Html, List<IReadOnlyList<string>> Rows) LandUse(IReadOnlyList<ComparedRun> runs)
    {
        var rows = new List<IReadOnlyList<string>>();
        var baseMaps = LandUseMaps(runs[0]);
        if (baseMaps.Count == 0 || runs.Count < 2) return ("", rows);
        var sb = new StringBuilder("<h2>Land-use map difference from the baseline</h2>\n");
        sb.Append($"<p>Cells whose class differs from {H(runs[0].Label)}'s in the last year both runs wrote a map (<code>rasters/land_use_&lt;year&gt;_class_code.asc</code>; codes as in the scenario's class table), " +
                  $"by baseline class → scenario class; all rows: <a href=\"{LandUseFile}\">{LandUseFile}</a>.</p>\n");
        bool any = false;
        foreach (var r in runs.Skip(1))
        {
            var maps = LandUseMaps(r);
            var common = maps.Keys.Intersect(baseMaps.Keys).ToList();
            if (common.Count == 0) { sb.Append($"<p>{H(r.Label)}: no land-use map of a year the baseline also has.</p>\n"); continue; }
            int year = common.Max();
            var a = ReadCodes(baseMaps[year]);
            var b = ReadCodes(maps[year]);
            if (a.Width != b.Width || a.Height != b.Height) { sb.Append($"<p>{H(r.Label)}: its maps are on another grid ({b.Width}×{b.Height} against {a.Width}×{a.Height}); not compared.</p>\n"); continue; }
            var (transitions, valid) = AgreementMetrics.Difference(a, b);
            long changed = transitions.Values.Sum();
            any = true;
            sb.Append($"<p><b>{H(r.Label)}</b>, {year}: {changed} of {valid} cells ({F(100.0 * changed / valid, "0.00")} %) differ.</p>\n");
            if (changed == 0) continue;
            sb.Append("<table><tr><th>Baseline class</th><th>Scenario class</th><th>Cells</th><th>Share of cells [%]</th></tr>\n");
            foreach (var ((from, to), n) in transitions.OrderByDescending(t => t.Value).ThenBy(t => t.Key))
            {
                sb.Append($"<tr><td class=\"n\">{from}</td><td class=\"n\">{to}</td><td class=\"n\">{n}</td><td class=\"n\">{F(100.0 * n / valid, "0.00")}</td></tr>\n");
                rows.Add([r.Label, runs[0].Label, year.ToString(Inv), from.ToString(Inv), to.ToString(Inv), n.ToString(Inv), Csv.Num(100.0 * n / valid)]);
            }
            sb.Append("</table>\n");
        }
        return (any ? sb.ToString() : "", rows);
    }

    /// <summary>The agreement rows of <c>agreement.csv</c> as a report section (Kappa, figure of merit).</summary>
    public static string Agreement(IReadOnlyList<string[]>? rows)
    {
        if (rows is null || rows.Count == 0) return "";
        var sb = new StringBuilder("<h2>Agreement with the observed map</h2>\n<p>Cohen's Kappa of each simulated class map against the observed one and, with <code>--initial</code>, " +
                                   "the figure of merit of the simulated change (hits / (hits + misses + false alarms + wrong hits), Pontius et al. 2008); all columns: <a href=\"agreement.csv\">agreement.csv</a>.</p>\n");
        sb.Append("<table><tr><th>Simulated map</th><th>Kappa</th><th>Figure of merit</th><th>Producer's accuracy</th><th>User's accuracy</th><th>Hits</th><th>Misses</th><th>False alarms</th><th>Wrong hits</th></tr>\n");
        foreach (var r in rows)
            sb.Append($"<tr><td>{H(Path.GetFileName(r[0]))}</td><td class=\"n\">{H(r[3])}</td><td class=\"n\">{(r[4].Length > 0 ? H(r[4]) : "n/a (no --initial)")}</td><td class=\"n\">{H(r[5])}</td><td class=\"n\">{H(r[6])}</td>" +
                      $"<td class=\"n\">{H(r[7])}</td><td class=\"n\">{H(r[8])}</td><td class=\"n\">{H(r[9])}</td><td class=\"n\">{H(r[10])}</td></tr>\n");
        sb.Append("</table>\n");
        return sb.ToString();
    }

    /// <summary>A run's cities as <see cref="GroupCityYear"/> rows: area, stock, the books' sink (else NEP × 44/12), emissions, transfers, population.</summary>
    public static List<GroupCityYear> CityYears(ComparedRun r)
    {
        var cols = r.Cities.NumericColumns.ToHashSet();
        string? paid = cols.FirstOrDefault(c => c.StartsWith("compensation_paid_", StringComparison.Ordinal)), rec = cols.FirstOrDefault(c => c.StartsWith("compensation_received_", StringComparison.Ordinal));
        double V(AnnualTableReader.Row row, string? c) => c is not null && row.Values.TryGetValue(c, out var v) ? v : double.NaN;
        return r.Cities.Rows.Select(row => new GroupCityYear(row.Entity, row.Year, V(row, C.AreaKm2), V(row, C.TotalC),
            cols.Contains(BudgetBooks.SinkColumn) ? V(row, BudgetBooks.SinkColumn) : V(row, C.Nep) * 1e6 * 44.0 / 12.0,
            V(row, BudgetBooks.EmissionsColumn), V(row, paid), V(row, rec),
            row.Values.TryGetValue(BudgetBooks.PopulationColumn, out var p) ? p : null)).ToList();
    }

    /// <summary>
    /// The groups of every run (or, without groups, each run's whole set of cities as one group named after the run),
    /// side by side: the profiles, HTML and CSV rows.
    /// </summary>
    public static (List<(string Run, GroupProfile Profile)> Profiles, string Html, List<IReadOnlyList<string>> Rows) Groups(IReadOnlyList<ComparedRun> runs, IReadOnlyList<CityGroup> groups)
    {
        var profiles = new List<(string, GroupProfile)>();
        foreach (var r in runs)
        {
            var rows = CityYears(r);
            var gs = groups.Count > 0 ? groups : [new CityGroup("all cities", rows.Select(x => x.CityId).Distinct().Order(StringComparer.Ordinal).ToList())];
            foreach (var g in gs) profiles.Add((r.Label, GroupProfile.Of(g.Name, g.CityIds, rows, r.Cities.Path)));
        }
        string cur = runs.Select(r => r.Cities.NumericColumns.FirstOrDefault(c => c.StartsWith("compensation_paid_", StringComparison.Ordinal)))
            .FirstOrDefault(c => c is not null)?["compensation_paid_".Length..^"_yr".Length] ?? "RMB";
        var csv = profiles.Select(x =>
        {
            var p = x.Item2;
            return (IReadOnlyList<string>)[x.Item1, p.Name, string.Join(" ", p.CityIds), $"{p.FirstYear}-{p.LastYear}", Csv.Num(p.AreaKm2), Csv.Num(p.Population),
                Csv.Num(p.StockTg), Csv.Num(p.StockTcPerHa), Csv.Num(p.StockTcPerCapita), Csv.Num(p.SinkTCo2PerYear), Csv.Num(p.SinkTCo2PerHaYear), Csv.Num(p.SinkTCo2PerCapitaYear),
                Csv.Num(p.EmissionTCo2PerYear), Csv.Num(p.EmissionTCo2PerHaYear), Csv.Num(p.EmissionTCo2PerCapitaYear),
                Csv.Num(p.PaidRmb), Csv.Num(p.ReceivedRmb), Csv.Num(p.NetRmb), Csv.Num(p.NetRmbPerCapitaYear), Csv.Num(p.NetRmbPerHaYear)];
        }).ToList();
        var sb = new StringBuilder($"<h2>Regions side by side: {(groups.Count > 0 ? "city groups" : "whole runs")}</h2>\n");
        sb.Append("<p>Per group of cities: area and population in the last year, stock at its end, and per year the mean sink (the books' NEP or NBP × 44/12, else NEP × 44/12) and emissions; " +
                  $"transfers summed over the years (received − paid; transfers between cities of the same group count on both sides). Per capita = Σ over the years / Σ population-years; per area = mean per year / area. " +
                  $"Population from the economy table and the scenario's population pathway (<code>population_persons</code>; – when the run has none). All columns: <a href=\"{GroupsFile}\">{GroupsFile}</a> (docs/accounting.md §6).</p>\n");
        sb.Append("<table><tr><th>Run</th><th>Group</th><th>Years</th><th>Area [km²]</th><th>Population [10⁶]</th><th>Stock [Tg C]</th><th>Stock [t C ha⁻¹]</th><th>Stock [t C person⁻¹]</th>" +
                  "<th>Sink [Mt CO2 a⁻¹]</th><th>Sink [t CO2 ha⁻¹ a⁻¹]</th><th>Sink [t CO2 person⁻¹ a⁻¹]</th><th>Emissions [Mt CO2 a⁻¹]</th><th>Emissions [t CO2 ha⁻¹ a⁻¹]</th><th>Emissions [t CO2 person⁻¹ a⁻¹]</th>" +
                  $"<th>Net received [10⁹ {H(cur)}]</th><th>Net received [{H(cur)} person⁻¹ a⁻¹]</th><th>Net received [{H(cur)} ha⁻¹ a⁻¹]</th></tr>\n");
        foreach (var (run, p) in profiles)
            sb.Append($"<tr><td>{H(run)}</td><td title=\"{H(string.Join(", ", p.CityIds))}\">{H(p.Name)}</td><td>{p.FirstYear}–{p.LastYear}</td><td class=\"n\">{F(p.AreaKm2, "N0")}</td><td class=\"n\">{F(p.Population / 1e6, "N2")}</td>" +
                      $"<td class=\"n\">{F(p.StockTg, "N1")}</td><td class=\"n\">{F(p.StockTcPerHa, "N1")}</td><td class=\"n\">{F(p.StockTcPerCapita, "N2")}</td>" +
                      $"<td class=\"n\">{F(p.SinkTCo2PerYear / 1e6, "N2")}</td><td class=\"n\">{F(p.SinkTCo2PerHaYear, "N2")}</td><td class=\"n\">{F(p.SinkTCo2PerCapitaYear, "N3")}</td>" +
                      $"<td class=\"n\">{F(p.EmissionTCo2PerYear / 1e6, "N1")}</td><td class=\"n\">{F(p.EmissionTCo2PerHaYear, "N1")}</td><td class=\"n\">{F(p.EmissionTCo2PerCapitaYear, "N2")}</td>" +
                      $"<td class=\"n\">{G(p.NetRmb)}</td><td class=\"n\">{F(p.NetRmbPerCapitaYear, "N1")}</td><td class=\"n\">{F(p.NetRmbPerHaYear, "N1")}</td></tr>\n");
        sb.Append("</table>\n");
        return (profiles, sb.ToString(), csv);
    }

    /// <summary>Header of <see cref="GroupsFile"/> (amounts in <paramref name="currency"/>).</summary>
    public static IReadOnlyList<string> GroupsHeader(string currency) =>
        ["scenario", "group", "city_ids", "years", "area_km2", "population_persons", "stock_TgC", "stock_tC_ha", "stock_tC_per_person",
         "sink_tCO2_yr", "sink_tCO2_ha_yr", "sink_tCO2_per_person_yr", "emissions_tCO2_yr", "emissions_tCO2_ha_yr", "emissions_tCO2_per_person_yr",
         $"paid_{currency}_total", $"received_{currency}_total", $"net_received_{currency}_total", $"net_received_{currency}_per_person_yr", $"net_received_{currency}_ha_yr"];

    /// <summary>A grid of integer class codes (NODATA → <see cref="LandUseMap.NoData"/>).</summary>
    public static LandUseMap ReadCodes(string path)
    {
        var g = EsriAsciiGrid.Read(path);
        var v = new int[g.Values.Length];
        for (int i = 0; i < v.Length; i++)
        {
            double x = g.Values[i];
            if ((g.NoData is double nd && x == nd) || double.IsNaN(x)) { v[i] = LandUseMap.NoData; continue; }
            if (x != Math.Floor(x) || x < 0 || x > int.MaxValue)
                throw new InvalidInputException(path, $"row {i / g.Cols}, col {i % g.Cols}", x.ToString("R", Inv), "a class code (integer >= 0) or nodata");
            v[i] = (int)x;
        }
        return new LandUseMap(g.Cols, g.Rows, v);
    }
}
