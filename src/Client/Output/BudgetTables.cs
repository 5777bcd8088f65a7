using System.Globalization;
using System.Net;
using System.Text;
using CarbonSim.Model;
using CarbonSim.Model.Accounting;
using CarbonSim.Model.Io.Formats;
using CarbonSim.Model.Output;

namespace CarbonSim.Client.Output;

/// <summary>
/// <c>budgets.csv</c> (per city and year: sink, emissions, GDP, window means, NCB, ESC, ECC, zone, k, value,
/// priority, paid, received), <c>compensation_ledger.csv</c> (per year: every transfer payer → receiver, then
/// the totals), <c>compensation_inputs.csv</c> (per city and year the inputs the books were closed from, at
/// full precision) and <c>compensation_settings.csv</c> (scheme, window, thresholds, …), plus the report section.
/// Units are in the column names; amounts in the scheme's currency. Written only when the run has
/// <see cref="RunResults.Budgets"/>. <c>carbonsim compensate</c> reads the inputs and settings back
/// (<see cref="ReadInputs"/>) and writes its books with <see cref="WriteBooks"/>.
/// </summary>
public static class BudgetTables
{
    public const string BudgetsFile = "budgets.csv";
    public const string LedgerFile = "compensation_ledger.csv";
    public const string InputsFile = "compensation_inputs.csv";
    public const string SettingsFile = "compensation_settings.csv";
    public const string FlowsFile = "compensation_flows.csv";
    public const string CumulativeFile = "compensation_cumulative.csv";
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Writes the four files into <paramref name="dir"/>; returns their names (none when the run has no books).</summary>
    public static IReadOnlyList<string> Write(RunResults r, string dir) => r.Budgets is { } b ? WriteBooks(b, dir) : [];

    /// <summary>Writes budgets, ledger, inputs and settings of <paramref name="b"/> into <paramref name="dir"/>; returns the file names.</summary>
    public static IReadOnlyList<string> WriteBooks(BudgetBooks b, string dir)
    {
        string cur = b.Settings.Currency;
        var basis = new Dictionary<(string, int), string>();
        foreach (var e in b.Emissions) basis[(e.CityId, e.Year)] = e.Basis;
        var rows = new List<IReadOnlyList<string>>();
        var inputs = new List<IReadOnlyList<string>>();
        foreach (var y in b.Years)
            foreach (var c in y.Cities)
            {
                string bs = basis.GetValueOrDefault((c.CityId, y.Year), "");
                rows.Add([
                    y.Year.ToString(Inv), c.CityId, c.Name, y.Scheme, b.SinkBasis, Csv.Num(y.PricePerTCo2),
                    Csv.Num(c.SinkTCo2), Csv.Num(c.EmissionTCo2), bs, Csv.Num(c.GdpBillionRmb), Csv.Num(c.SinkMeanTCo2), Csv.Num(c.EmissionMeanTCo2),
                    Csv.Num(c.NcbTCo2), Csv.Num(c.Esc), Csv.Num(c.Ecc), c.Zone.ToString().ToLowerInvariant(), Csv.Num(c.K), Csv.Num(c.ValueRmb),
                    Csv.Num(c.Priority), c.PriorityRank.ToString(Inv), Csv.Num(c.PaidRmb), Csv.Num(c.ReceivedRmb)]);
                inputs.Add([y.Year.ToString(Inv), c.CityId, c.Name, R(c.SinkTCo2), R(c.EmissionTCo2), bs, R(c.GdpBillionRmb), R(c.K), R(y.PricePerTCo2)]);
            }
        Csv.Write(Path.Combine(dir, BudgetsFile),
            ["year", "city_id", "city", "scheme", "sink_basis", $"price_{cur}_per_tCO2", "sink_tCO2_yr", "emissions_tCO2_yr", "emissions_basis",
             $"gdp_billion_{cur}_yr", "sink_mean_tCO2_yr", "emissions_mean_tCO2_yr", "ncb_tCO2_yr",
             "esc_ratio", "ecc_ratio", "zone", "k_factor", $"value_{cur}_yr", $"priority_{cur}_per_{cur}_gdp", "priority_rank", $"paid_{cur}_yr", $"received_{cur}_yr"], rows);

        var ledger = new List<IReadOnlyList<string>>();
        foreach (var y in b.Years)
        {
            var nm = y.Cities.ToDictionary(c => c.CityId, c => c.Name);
            foreach (var t in y.Transfers)
                ledger.Add([y.Year.ToString(Inv), "transfer", t.PayerId, nm[t.PayerId], t.ReceiverId, nm[t.ReceiverId], Csv.Num(t.AmountRmb)]);
            ledger.Add([y.Year.ToString(Inv), "total_paid", "", "", "", "", Csv.Num(y.TotalPaidRmb)]);
            ledger.Add([y.Year.ToString(Inv), "total_received", "", "", "", "", Csv.Num(y.TotalReceivedRmb)]);
            ledger.Add([y.Year.ToString(Inv), "unmatched_deficit", "", "", "", "", Csv.Num(y.UnmatchedRmb)]);
        }
        Csv.Write(Path.Combine(dir, LedgerFile), ["year", "entry", "payer_id", "payer", "receiver_id", "receiver", $"amount_{cur}_yr"], ledger);

        Csv.Write(Path.Combine(dir, InputsFile),
            ["year", "city_id", "city", "sink_tCO2_yr", "emissions_tCO2_yr", "emissions_basis", $"gdp_billion_{cur}_yr", "k_factor", $"price_{cur}_per_tCO2"], inputs);
        var s = b.Settings;
        Csv.Write(Path.Combine(dir, SettingsFile), ["setting", "value"],
        [
            ["scheme", s.SchemeName], ["sink_basis", b.SinkBasis], ["window_years", s.WindowYears.ToString(Inv)], ["esc_threshold", R(s.EscThreshold)],
            ["ecc_threshold", R(s.EccThreshold)], ["hysteresis", R(s.HysteresisBand)], ["currency", s.Currency], ["inventory", Path.GetFileName(b.InventorySource)],
        ]);
        WriteSummaries(b, dir);
        return [BudgetsFile, LedgerFile, InputsFile, SettingsFile, FlowsFile, CumulativeFile];
    }

    /// <summary>
    /// The analyst's view over all years: <c>compensation_flows.csv</c> (who pays whom, summed over the years)
    /// and <c>compensation_cumulative.csv</c> (per city: paid, received and net over the years, years paying
    /// and receiving, zone changes, first and last zone).
    /// </summary>
    static void WriteSummaries(BudgetBooks b, string dir)
    {
        string cur = b.Settings.Currency, span = b.Years.Count == 0 ? "" : $"{b.Years[0].Year}-{b.Years[^1].Year}";
        var names = new Dictionary<string, string>();
        foreach (var y in b.Years) foreach (var c in y.Cities) names[c.CityId] = c.Name;
        var flows = new SortedDictionary<(string, string), (double Sum, int Years)>();
        foreach (var y in b.Years)
            foreach (var t in y.Transfers)
            {
                flows.TryGetValue((t.PayerId, t.ReceiverId), out var f);
                flows[(t.PayerId, t.ReceiverId)] = (f.Sum + t.AmountRmb, f.Years + 1);
            }
        Csv.Write(Path.Combine(dir, FlowsFile), ["years", "payer_id", "payer", "receiver_id", "receiver", $"amount_{cur}_total", "years_with_transfer"],
            flows.OrderByDescending(f => f.Value.Sum).ThenBy(f => f.Key.Item1, StringComparer.Ordinal).ThenBy(f => f.Key.Item2, StringComparer.Ordinal)
                .Select(f => (IReadOnlyList<string>)[span, f.Key.Item1, names[f.Key.Item1], f.Key.Item2, names[f.Key.Item2], Csv.Num(f.Value.Sum), f.Value.Years.ToString(Inv)]).ToList());
        var rows = new List<IReadOnlyList<string>>();
        foreach (var id in names.Keys.Order(StringComparer.Ordinal))
        {
            var series = b.Years.Select(y => y.Cities.First(c => c.CityId == id)).ToList();
            double paid = 0, received = 0;
            foreach (var c in series) { paid += c.PaidRmb; received += c.ReceivedRmb; }
            int changes = 0;
            for (int i = 1; i < series.Count; i++) if (series[i].Zone != series[i - 1].Zone) changes++;
            rows.Add([span, id, names[id], Csv.Num(paid), Csv.Num(received), Csv.Num(received - paid),
                series.Count(c => c.PaidRmb > 0).ToString(Inv), series.Count(c => c.ReceivedRmb > 0).ToString(Inv), changes.ToString(Inv),
                series[0].Zone.ToString().ToLowerInvariant(), series[^1].Zone.ToString().ToLowerInvariant()]);
        }
        Csv.Write(Path.Combine(dir, CumulativeFile), ["years", "city_id", "city", $"paid_{cur}_total", $"received_{cur}_total", $"net_received_{cur}_total",
            "years_paying", "years_receiving", "zone_changes", "zone_first_year", "zone_last_year"], rows);
    }

    /// <summary>Round-trip text of a double (the inputs file must give back the very values the books were closed from).</summary>
    static string R(double v) => v.ToString("R", Inv);

    /// <summary>
    /// The inputs and settings a run's books were closed with, read back from <paramref name="dir"/>
    /// (<see cref="InputsFile"/>, <see cref="SettingsFile"/>): inputs by year (ascending), the price of each year,
    /// the emission bases, and the settings. Bad or missing files are <see cref="InvalidInputException"/>s.
    /// </summary>
    public static (BudgetBooks Template, List<(int Year, IReadOnlyList<CityBudgetInput> Cities, double Price)> Years) ReadInputs(string dir)
    {
        string sp = Path.Combine(dir, SettingsFile), ip = Path.Combine(dir, InputsFile);
        foreach (var f in new[] { sp, ip })
            if (!File.Exists(f)) throw new InvalidInputException(f, "file", "missing", "a run folder written by carbonsim run with an emission inventory (it writes " + InputsFile + " and " + SettingsFile + ")");
        var st = CsvTable.Read(sp, "setting", "value");
        var kv = new Dictionary<string, (string Value, CsvRow Row)>();
        foreach (var row in st.Rows) kv[row.Text("setting")] = (row.Text("value"), row);
        (string, CsvRow) Get(string key) => kv.TryGetValue(key, out var v) ? v : throw new InvalidInputException(sp, $"setting '{key}'", "missing", "a row for every setting");
        double Num(string key) { var (_, row) = Get(key); return row.Number("value"); }
        string currency = Get("currency").Item1;
        var settings = new CompensationSettings
        {
            Scheme = CompensationSettings.ParseScheme(Get("scheme").Item1, sp, "setting 'scheme'"),
            WindowYears = Get("window_years").Item2.Integer("value", 1),
            EscThreshold = Num("esc_threshold"), EccThreshold = Num("ecc_threshold"), HysteresisBand = Num("hysteresis"), Currency = currency,
        }.Checked(sp);
        string sink = Get("sink_basis").Item1;
        if (sink is not ("nep" or "nbp")) throw new InvalidInputException(sp, "setting 'sink_basis'", sink, "nep or nbp");

        string gdpCol = $"gdp_billion_{currency}_yr", priceCol = $"price_{currency}_per_tCO2";
        var csv = CsvTable.Read(ip, "year", "city_id", "city", "sink_tCO2_yr", "emissions_tCO2_yr", "emissions_basis", gdpCol, "k_factor", priceCol);
        var byYear = new SortedDictionary<int, (List<CityBudgetInput> Cities, double Price)>();
        var emissions = new List<EmissionValue>();
        foreach (var row in csv.Rows)
        {
            int year = row.Integer("year");
            double price = row.Number(priceCol, 0);
            if (!byYear.TryGetValue(year, out var y)) byYear[year] = y = ([], price);
            else if (y.Price != price) throw new InvalidInputException(ip, row.Place(priceCol), row.Text(priceCol), $"the price of the year's other rows ({y.Price.ToString("R", Inv)})");
            var input = new CityBudgetInput(row.RequireText("city_id"), row.Text("city"), row.Number("sink_tCO2_yr"), row.Number("emissions_tCO2_yr"),
                row.Number(gdpCol), row.Number("k_factor"));
            y.Cities.Add(input);
            emissions.Add(new EmissionValue(input.CityId, year, input.EmissionTCo2, row.Text("emissions_basis") == "inventory", row.Text("emissions_basis")));
        }
        if (byYear.Count == 0) throw new InvalidInputException(ip, "rows", "none", "one row per city and year");
        var template = new BudgetBooks(sink, settings, Get("inventory").Item1, [], emissions);
        return (template, byYear.Select(p => (p.Key, (IReadOnlyList<CityBudgetInput>)p.Value.Cities, p.Value.Price)).ToList());
    }

    /// <summary>The report section (empty when the run has no books): last year's budgets and ledger totals.</summary>
    public static string HtmlSection(RunResults r)
    {
        if (r.Budgets is not { } b || b.Years.Count == 0) return "";
        static string H(string s) => WebUtility.HtmlEncode(s);
        static string N(double v, int d) => double.IsFinite(v) ? v.ToString("N" + d, Inv) : "–";
        var last = b.Years[^1];
        var sb = new StringBuilder();
        sb.Append("<h2>Carbon budgets and horizontal compensation</h2>\n");
        string cur = H(b.Settings.Currency);
        string formula = b.Settings.Scheme == CompensationScheme.SurplusDeficit ? "V = P·k·NCB" : "V = P·k·(S̄ − Ē·ΣS̄/ΣĒ)";
        sb.Append($"<p>Scheme <b>{H(b.Settings.SchemeName)}</b> (docs/accounting.md §3). Sink = {H(b.SinkBasis.ToUpperInvariant())} × area (t CO2 = kg C / 1000 × 44/12); emissions from <code>{H(Path.GetFileName(b.InventorySource))}</code> " +
                  "(years after the inventory follow the scenario's pathway, by default held flat: illustrative, see <code>emissions_basis</code>); " +
                  $"price {N(b.Years[0].PricePerTCo2, 2)} ({b.Years[0].Year}) to {N(last.PricePerTCo2, 2)} ({last.Year}) {cur} per t CO2. S̄, Ē: means over the last {b.Settings.WindowYears} years; " +
                  $"NCB = S̄ − Ē; ESC = (S̄/ΣS̄)/(Ē/ΣĒ); ECC = (GDP/ΣGDP)/(Ē/ΣĒ); zones at ESC {N(b.Settings.EscThreshold, 2)}, ECC {N(b.Settings.EccThreshold, 2)}, hysteresis ±{N(b.Settings.HysteresisBand, 2)}; {formula}. " +
                  $"All years: <a href=\"{BudgetsFile}\">{BudgetsFile}</a>, ledger: <a href=\"{LedgerFile}\">{LedgerFile}</a>.</p>\n");
        sb.Append($"<table><tr><th>City ({last.Year})</th><th>Sink [t CO2 a⁻¹]</th><th>Emissions [t CO2 a⁻¹]</th><th>NCB (window mean) [t CO2 a⁻¹]</th>" +
                  $"<th>ESC</th><th>ECC</th><th>Zone</th><th>Value [{cur} a⁻¹]</th><th>Priority rank</th><th>Paid [{cur} a⁻¹]</th><th>Received [{cur} a⁻¹]</th></tr>\n");
        foreach (var c in last.Cities)
            sb.Append($"<tr><td>{H(c.Name)}</td><td class=\"n\">{N(c.SinkTCo2, 0)}</td><td class=\"n\">{N(c.EmissionTCo2, 0)}</td><td class=\"n\">{N(c.NcbTCo2, 0)}</td>" +
                      $"<td class=\"n\">{N(c.Esc, 3)}</td><td class=\"n\">{N(c.Ecc, 3)}</td><td>{c.Zone.ToString().ToLowerInvariant()}</td><td class=\"n\">{N(c.ValueRmb, 0)}</td>" +
                      $"<td class=\"n\">{c.PriorityRank}</td><td class=\"n\">{N(c.PaidRmb, 0)}</td><td class=\"n\">{N(c.ReceivedRmb, 0)}</td></tr>\n");
        sb.Append($"</table>\n<table><tr><th>Year</th><th>Total paid [{cur} a⁻¹]</th><th>Total received [{cur} a⁻¹]</th><th>Unmatched deficit [{cur} a⁻¹]</th></tr>\n");
        foreach (var y in b.Years)
            sb.Append($"<tr><td>{y.Year}</td><td class=\"n\">{N(y.TotalPaidRmb, 0)}</td><td class=\"n\">{N(y.TotalReceivedRmb, 0)}</td><td class=\"n\">{N(y.UnmatchedRmb, 0)}</td></tr>\n");
        sb.Append("</table>\n");
        return sb.ToString();
    }
}
