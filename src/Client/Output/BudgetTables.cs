using System.Globalization;
using System.Net;
using System.Text;
using CarbonSim.Model.Accounting;
using CarbonSim.Model.Output;

namespace CarbonSim.Client.Output;

/// <summary>
/// <c>budgets.csv</c> (per city and year: sink, emissions, NCB, ESC, ECC, zone, k, value, priority, paid,
/// received) and <c>compensation_ledger.csv</c> (per year: every transfer payer → receiver, then a totals row),
/// plus the report section. Units are in the column names. Written only when the run has
/// <see cref="RunResults.Budgets"/>.
/// </summary>
public static class BudgetTables
{
    public const string BudgetsFile = "budgets.csv";
    public const string LedgerFile = "compensation_ledger.csv";
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Writes both files into <paramref name="dir"/>; returns their names (none when the run has no books).</summary>
    public static IReadOnlyList<string> Write(RunResults r, string dir)
    {
        if (r.Budgets is not { } b) return [];
        var names = r.Cities.ToDictionary(c => c.Id, c => c.Name);
        var basis = b.Emissions.ToDictionary(e => (e.CityId, e.Year), e => e.Basis);
        var rows = new List<IReadOnlyList<string>>();
        foreach (var y in b.Years)
            foreach (var c in y.Cities)
                rows.Add([
                    y.Year.ToString(Inv), c.CityId.ToString(Inv), c.Name, b.SinkBasis, Csv.Num(y.PricePerTCo2),
                    Csv.Num(c.SinkTCo2), Csv.Num(c.EmissionTCo2), basis.GetValueOrDefault((c.CityId, y.Year), ""), Csv.Num(c.NcbTCo2),
                    Csv.Num(c.Esc), Csv.Num(c.Ecc), c.Zone.ToString().ToLowerInvariant(), Csv.Num(c.K), Csv.Num(c.ValueRmb),
                    Csv.Num(c.Priority), c.PriorityRank.ToString(Inv), Csv.Num(c.PaidRmb), Csv.Num(c.ReceivedRmb)]);
        Csv.Write(Path.Combine(dir, BudgetsFile),
            ["year", "city_id", "city", "sink_basis", "price_RMB_per_tCO2", "sink_tCO2_yr", "emissions_tCO2_yr", "emissions_basis", "ncb_tCO2_yr",
             "esc_ratio", "ecc_ratio", "zone", "k_factor", "value_RMB_yr", "priority_RMB_per_RMB_gdp", "priority_rank", "paid_RMB_yr", "received_RMB_yr"], rows);

        var ledger = new List<IReadOnlyList<string>>();
        foreach (var y in b.Years)
        {
            var nm = y.Cities.ToDictionary(c => c.CityId, c => c.Name);
            foreach (var t in y.Transfers)
                ledger.Add([y.Year.ToString(Inv), "transfer", t.PayerId.ToString(Inv), nm[t.PayerId], t.ReceiverId.ToString(Inv), nm[t.ReceiverId], Csv.Num(t.AmountRmb)]);
            ledger.Add([y.Year.ToString(Inv), "total_paid", "", "", "", "", Csv.Num(y.TotalPaidRmb)]);
            ledger.Add([y.Year.ToString(Inv), "total_received", "", "", "", "", Csv.Num(y.TotalReceivedRmb)]);
            ledger.Add([y.Year.ToString(Inv), "unmatched_deficit", "", "", "", "", Csv.Num(y.UnmatchedRmb)]);
        }
        Csv.Write(Path.Combine(dir, LedgerFile), ["year", "entry", "payer_id", "payer", "receiver_id", "receiver", "amount_RMB_yr"], ledger);
        return [BudgetsFile, LedgerFile];
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
        sb.Append($"<p>Sink = {H(b.SinkBasis.ToUpperInvariant())} × area (t CO2 = kg C / 1000 × 44/12); emissions from <code>{H(Path.GetFileName(b.InventorySource))}</code> " +
                  "(years after the inventory are held flat at the last inventory year: illustrative, see <code>emissions_basis</code>); " +
                  $"price {N(b.PricePerTCo2, 2)} RMB per t CO2. NCB = S − E; ESC = (S/ΣS)/(E/ΣE); ECC = (GDP/ΣGDP)/(E/ΣE); V = NCB·P·k. " +
                  $"All years: <a href=\"{BudgetsFile}\">{BudgetsFile}</a>, ledger: <a href=\"{LedgerFile}\">{LedgerFile}</a>.</p>\n");
        sb.Append($"<table><tr><th>City ({last.Year})</th><th>Sink [t CO2 a⁻¹]</th><th>Emissions [t CO2 a⁻¹]</th><th>NCB [t CO2 a⁻¹]</th>" +
                  "<th>ESC</th><th>ECC</th><th>Zone</th><th>Value [RMB a⁻¹]</th><th>Priority rank</th><th>Paid [RMB a⁻¹]</th><th>Received [RMB a⁻¹]</th></tr>\n");
        foreach (var c in last.Cities)
            sb.Append($"<tr><td>{H(c.Name)}</td><td class=\"n\">{N(c.SinkTCo2, 0)}</td><td class=\"n\">{N(c.EmissionTCo2, 0)}</td><td class=\"n\">{N(c.NcbTCo2, 0)}</td>" +
                      $"<td class=\"n\">{N(c.Esc, 3)}</td><td class=\"n\">{N(c.Ecc, 3)}</td><td>{c.Zone.ToString().ToLowerInvariant()}</td><td class=\"n\">{N(c.ValueRmb, 0)}</td>" +
                      $"<td class=\"n\">{c.PriorityRank}</td><td class=\"n\">{N(c.PaidRmb, 0)}</td><td class=\"n\">{N(c.ReceivedRmb, 0)}</td></tr>\n");
        sb.Append("</table>\n<table><tr><th>Year</th><th>Total paid [RMB a⁻¹]</th><th>Total received [RMB a⁻¹]</th><th>Unmatched deficit [RMB a⁻¹]</th></tr>\n");
        foreach (var y in b.Years)
            sb.Append($"<tr><td>{y.Year}</td><td class=\"n\">{N(y.TotalPaidRmb, 0)}</td><td class=\"n\">{N(y.TotalReceivedRmb, 0)}</td><td class=\"n\">{N(y.UnmatchedRmb, 0)}</td></tr>\n");
        sb.Append("</table>\n");
        return sb.ToString();
    }
}
