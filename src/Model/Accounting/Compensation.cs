namespace CarbonSim.Model.Accounting;

/// <summary>National carbon market (CEA) price anchors, RMB per t CO2 (science notes §5; data/jjj/README.md).</summary>
public static class CeaPriceAnchors
{
    /// <summary>[RMB (t CO2)-1] 2021 closing price.</summary>
    public const double Close2021 = 54.22;
    /// <summary>[RMB (t CO2)-1] 2024 closing price (2024 range 69–106).</summary>
    public const double Close2024 = 97.49;
    /// <summary>[RMB (t CO2)-1] 2025 average price.</summary>
    public const double Average2025 = 62.36;
}

/// <summary>Compensation zone from crossing ESC and ECC against 1 (rule in <see cref="Compensation.Zone"/>).</summary>
public enum CompensationZone { Payment, Balance, Receiving }

/// <summary>Inputs of one city for one year.</summary>
/// <param name="SinkTCo2">[t CO2 a-1] Ecosystem sink (NEP or NBP × 44/12), positive = uptake.</param>
/// <param name="EmissionTCo2">[t CO2 a-1] Emissions from the inventory.</param>
/// <param name="GdpBillionRmb">[10^9 RMB a-1] GDP.</param>
/// <param name="K">[-] Adjustment factor k_i (ability to pay etc.); 1 when not known.</param>
public sealed record CityBudgetInput(int CityId, string Name, double SinkTCo2, double EmissionTCo2, double GdpBillionRmb, double K = 1.0);

/// <summary>Budget, coefficients, zone and compensation value of one city.</summary>
/// <param name="NcbTCo2">[t CO2 a-1] Net carbon budget S − E (&gt; 0 surplus, &lt; 0 deficit).</param>
/// <param name="Esc">[-] Ecological support coefficient (S_i/ΣS)/(E_i/ΣE).</param>
/// <param name="Ecc">[-] Economic contribution coefficient (GDP_i/ΣGDP)/(E_i/ΣE).</param>
/// <param name="ValueRmb">[RMB a-1] V_i = NCB_i · P · k_i (negative = the city owes).</param>
/// <param name="Priority">[-] V_i / GDP_i (both RMB).</param>
/// <param name="PriorityRank">1 = highest |V_i|/GDP_i among the payers (or among the receivers); 0 for NCB = 0.</param>
/// <param name="PaidRmb">[RMB a-1] Paid into the scheme (payers).</param>
/// <param name="ReceivedRmb">[RMB a-1] Received from the scheme (receivers).</param>
public sealed record CityBudget(int CityId, string Name, double SinkTCo2, double EmissionTCo2, double NcbTCo2, double Esc, double Ecc,
    CompensationZone Zone, double K, double ValueRmb, double Priority, int PriorityRank, double PaidRmb, double ReceivedRmb);

/// <summary>[RMB a-1] A payment from a deficit city to a surplus city.</summary>
public sealed record Transfer(int PayerId, int ReceiverId, double AmountRmb);

/// <summary>The year's compensation ledger; TotalPaidRmb equals TotalReceivedRmb.</summary>
/// <param name="UnmatchedRmb">[RMB a-1] Deficit value with no surplus city to receive it (paid by nobody); 0 if any receiver exists.</param>
/// <param name="SurplusValueRmb">[RMB a-1] Σ V_i of surplus cities (their entitlement at price P), for comparison with what they receive.</param>
public sealed record CompensationYear(int Year, double PricePerTCo2, CityBudget[] Cities, Transfer[] Transfers,
    double TotalPaidRmb, double TotalReceivedRmb, double UnmatchedRmb, double SurplusValueRmb);

/// <summary>
/// Net carbon budgets and horizontal compensation between cities (science notes §5).
/// <list type="bullet">
/// <item>NCB_i = S_i − E_i; ESC_i = (S_i/ΣS)/(E_i/ΣE); ECC_i = (GDP_i/ΣGDP)/(E_i/ΣE).</item>
/// <item>Zone: see <see cref="Zone"/>.</item>
/// <item>V_i = NCB_i · P · k_i; k_i defaults to 1 (Engel coefficients are missing for JJJ cities).</item>
/// <item>Ledger: every deficit city pays |V_i|; the pot is shared among surplus cities in proportion to
/// their V_j; each payer's payment is split the same way, the last receiver (highest city id) taking the
/// remainder so each payer's transfers sum to its payment. If no city has a surplus, nothing is paid and
/// the deficit value is reported as unmatched.</item>
/// <item>Priority: V_i/GDP_i, ranked by magnitude among payers and among receivers (ties: city id).</item>
/// </list>
/// </summary>
public static class Compensation
{
    /// <summary>[t CO2] From kg C: kgC / 1000 × 44/12.</summary>
    public static double TonnesCo2FromKgC(double kgC) => kgC / 1000.0 * 44.0 / 12.0;

    /// <summary>
    /// [-] Pearl-curve ability to pay L = 1/(1 + e^(−t)), t = 1/En − 3, En the Engel coefficient in (0, 1).
    /// A possible k_i; not used by default because Engel coefficients are missing in the data.
    /// </summary>
    public static double PearlAbilityToPay(double engelCoefficient)
    {
        if (!(engelCoefficient > 0 && engelCoefficient < 1))
            throw new InvalidInputException("compensation", "engel coefficient", engelCoefficient.ToString("R"), "a share in (0, 1)");
        double t = 1.0 / engelCoefficient - 3.0;
        return 1.0 / (1.0 + Math.Exp(-t));
    }

    /// <summary>
    /// Zoning by crossing ESC and ECC against 1 (our reading of Zhao Rongqin et al. 2014; the paper's text
    /// was not available to check): ESC &lt; 1 and ECC ≥ 1 (emits more than its share of the sink while
    /// earning more than its share of GDP per emission) → Payment; ESC ≥ 1 and ECC &lt; 1 (supplies more
    /// sink than its share, earning less) → Receiving; both ≥ 1 or both &lt; 1 → Balance.
    /// </summary>
    public static CompensationZone Zone(double esc, double ecc) =>
        esc < 1 && ecc >= 1 ? CompensationZone.Payment
        : esc >= 1 && ecc < 1 ? CompensationZone.Receiving
        : CompensationZone.Balance;

    /// <summary>
    /// Builds the inputs of a year from the engine's city sinks (kg C a-1, NEP or NBP, positive = uptake),
    /// the emission inventory and GDP table, and optional k_i (default 1). Every city of the sink list must
    /// be in the inventory and in the GDP table; a missing one is an error naming it.
    /// </summary>
    public static IReadOnlyList<CityBudgetInput> Assemble(int year, IReadOnlyDictionary<int, double> sinkKgC,
        IReadOnlyDictionary<int, string> names, EmissionInventory emissions, IReadOnlyDictionary<int, CityEconomy> economy,
        IReadOnlyDictionary<int, double>? k = null, string gdpSource = "economy")
    {
        var list = new List<CityBudgetInput>();
        foreach (var id in sinkKgC.Keys.OrderBy(i => i))
        {
            if (!economy.TryGetValue(id, out var e))
                throw new InvalidInputException(gdpSource, $"city {id}", "no GDP row", "a GDP for every simulated city");
            var em = emissions.For(id, year);
            list.Add(new CityBudgetInput(id, names.TryGetValue(id, out var n) ? n : id.ToString(),
                TonnesCo2FromKgC(sinkKgC[id]), em.TonnesCo2, e.GdpBillionRmb, k != null && k.TryGetValue(id, out var kv) ? kv : 1.0));
        }
        return list;
    }

    public static CompensationYear Evaluate(int year, IReadOnlyList<CityBudgetInput> cities, double pricePerTCo2, string source = "compensation")
    {
        if (!double.IsFinite(pricePerTCo2) || pricePerTCo2 < 0)
            throw new InvalidInputException(source, $"year {year} price", pricePerTCo2.ToString("R"), "a finite carbon price >= 0 RMB per t CO2");
        if (cities.Count == 0) throw new InvalidInputException(source, $"year {year}", "no cities", "at least one city");
        var sorted = cities.OrderBy(c => c.CityId).ToArray();
        for (int i = 0; i < sorted.Length; i++)
        {
            var c = sorted[i];
            if (i > 0 && sorted[i - 1].CityId == c.CityId)
                throw new InvalidInputException(source, $"year {year} city {c.CityId}", "listed twice", "each city once");
            string p = $"year {year} city {c.CityId} ({c.Name})";
            if (!double.IsFinite(c.SinkTCo2)) throw new InvalidInputException(source, p + " sink", c.SinkTCo2.ToString("R"), "a finite sink in t CO2");
            if (!(c.EmissionTCo2 > 0) || double.IsInfinity(c.EmissionTCo2)) throw new InvalidInputException(source, p + " emissions", c.EmissionTCo2.ToString("R"), "finite emissions > 0 t CO2");
            if (!(c.GdpBillionRmb > 0) || double.IsInfinity(c.GdpBillionRmb)) throw new InvalidInputException(source, p + " GDP", c.GdpBillionRmb.ToString("R"), "a finite GDP > 0");
            if (!(c.K >= 0) || double.IsInfinity(c.K)) throw new InvalidInputException(source, p + " k", c.K.ToString("R"), "a finite adjustment factor >= 0");
        }
        double sumS = 0, sumE = 0, sumG = 0;
        foreach (var c in sorted) { sumS += c.SinkTCo2; sumE += c.EmissionTCo2; sumG += c.GdpBillionRmb; }
        if (sumS == 0) throw new InvalidInputException(source, $"year {year} total sink", "0", "a non-zero regional sink (ESC divides by it)");

        int n = sorted.Length;
        var ncb = new double[n]; var esc = new double[n]; var ecc = new double[n]; var v = new double[n]; var pri = new double[n];
        for (int i = 0; i < n; i++)
        {
            var c = sorted[i];
            double eShare = c.EmissionTCo2 / sumE;
            ncb[i] = c.SinkTCo2 - c.EmissionTCo2;
            esc[i] = c.SinkTCo2 / sumS / eShare;
            ecc[i] = c.GdpBillionRmb / sumG / eShare;
            v[i] = ncb[i] * pricePerTCo2 * c.K;
            pri[i] = v[i] / (c.GdpBillionRmb * 1e9);
        }
        var rank = new int[n];
        foreach (var group in new[] { Enumerable.Range(0, n).Where(i => v[i] < 0), Enumerable.Range(0, n).Where(i => v[i] > 0) })
        {
            int r = 1;
            foreach (var i in group.OrderByDescending(i => Math.Abs(pri[i])).ThenBy(i => sorted[i].CityId)) rank[i] = r++;
        }

        var payers = Enumerable.Range(0, n).Where(i => v[i] < 0).ToArray();
        var receivers = Enumerable.Range(0, n).Where(i => v[i] > 0).ToArray();
        double surplus = 0; foreach (var j in receivers) surplus += v[j];
        double deficit = 0; foreach (var i in payers) deficit += -v[i];
        var paid = new double[n]; var received = new double[n];
        var transfers = new List<Transfer>();
        double unmatched = 0;
        if (receivers.Length == 0) unmatched = deficit;
        else
        {
            foreach (var i in payers)
            {
                double amount = -v[i], given = 0;
                for (int r = 0; r < receivers.Length; r++)
                {
                    int j = receivers[r];
                    double t = r == receivers.Length - 1 ? amount - given : amount * (v[j] / surplus);
                    given += t;
                    received[j] += t;
                    transfers.Add(new Transfer(sorted[i].CityId, sorted[j].CityId, t));
                }
                paid[i] = amount;
            }
        }
        double totalPaid = 0, totalReceived = 0;
        for (int i = 0; i < n; i++) { totalPaid += paid[i]; totalReceived += received[i]; }
        var result = new CityBudget[n];
        for (int i = 0; i < n; i++)
        {
            var c = sorted[i];
            result[i] = new CityBudget(c.CityId, c.Name, c.SinkTCo2, c.EmissionTCo2, ncb[i], esc[i], ecc[i], Zone(esc[i], ecc[i]), c.K,
                v[i], pri[i], rank[i], paid[i], received[i]);
        }
        return new CompensationYear(year, pricePerTCo2, result, transfers.ToArray(), totalPaid, totalReceived, unmatched, surplus);
    }
}
