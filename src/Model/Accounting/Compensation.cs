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

/// <summary>Compensation zone from crossing ESC and ECC against their thresholds (<see cref="CompensationSettings.Zone"/>).</summary>
public enum CompensationZone { Payment, Balance, Receiving }

/// <summary>Inputs of one city for one year.</summary>
/// <param name="CityId">City id as the boundaries name it (text; GB/T 2260 codes for JJJ).</param>
/// <param name="SinkTCo2">[t CO2 a-1] Ecosystem sink (NEP or NBP × 44/12), positive = uptake.</param>
/// <param name="EmissionTCo2">[t CO2 a-1] Emissions (inventory or pathway).</param>
/// <param name="GdpBillionRmb">[10^9 currency units a-1] GDP.</param>
/// <param name="K">[-] Adjustment factor k_i (ability to pay etc.); 1 when not known.</param>
public sealed record CityBudgetInput(string CityId, string Name, double SinkTCo2, double EmissionTCo2, double GdpBillionRmb, double K = 1.0);

/// <summary>Budget, coefficients, zone and compensation value of one city in one year.</summary>
/// <param name="SinkTCo2">[t CO2 a-1] The year's sink (unsmoothed).</param>
/// <param name="EmissionTCo2">[t CO2 a-1] The year's emissions (unsmoothed).</param>
/// <param name="GdpBillionRmb">[10^9 currency units a-1] The year's GDP.</param>
/// <param name="SinkMeanTCo2">[t CO2 a-1] S̄: sink averaged over the smoothing window (the value the scheme uses).</param>
/// <param name="EmissionMeanTCo2">[t CO2 a-1] Ē: emissions averaged over the smoothing window.</param>
/// <param name="NcbTCo2">[t CO2 a-1] Net carbon budget S̄ − Ē (&gt; 0 surplus, &lt; 0 deficit).</param>
/// <param name="Esc">[-] Ecological support coefficient (S̄_i/ΣS̄)/(Ē_i/ΣĒ).</param>
/// <param name="Ecc">[-] Economic contribution coefficient (GDP_i/ΣGDP)/(Ē_i/ΣĒ).</param>
/// <param name="ValueRmb">[currency a-1] The scheme's entitlement V_i (negative = the city owes).</param>
/// <param name="Priority">[-] V_i / GDP_i (both in currency units).</param>
/// <param name="PriorityRank">1 = highest |V_i|/GDP_i among the cities with V &lt; 0 (or among those with V &gt; 0); 0 for V = 0.</param>
/// <param name="PaidRmb">[currency a-1] Paid into the scheme.</param>
/// <param name="ReceivedRmb">[currency a-1] Received from the scheme.</param>
public sealed record CityBudget(string CityId, string Name, double SinkTCo2, double EmissionTCo2, double GdpBillionRmb,
    double SinkMeanTCo2, double EmissionMeanTCo2, double NcbTCo2, double Esc, double Ecc,
    CompensationZone Zone, double K, double ValueRmb, double Priority, int PriorityRank, double PaidRmb, double ReceivedRmb)
{
    /// <summary>The year's inputs this budget was closed from (to close later years or re-close the series).</summary>
    public CityBudgetInput Input => new(CityId, Name, SinkTCo2, EmissionTCo2, GdpBillionRmb, K);
}

/// <summary>[currency a-1] A payment from one city to another.</summary>
public sealed record Transfer(string PayerId, string ReceiverId, double AmountRmb);

/// <summary>The year's compensation ledger; TotalPaidRmb equals TotalReceivedRmb.</summary>
/// <param name="PricePerTCo2">[currency (t CO2)-1] The year's carbon price P.</param>
/// <param name="UnmatchedRmb">[currency a-1] Owed value nobody paid: deficits beyond the surpluses (surplus_deficit), or all owed value when nobody may receive.</param>
/// <param name="SurplusValueRmb">[currency a-1] Σ V_i of the cities with V &gt; 0 (their entitlement), for comparison with what they receive.</param>
/// <param name="Scheme">The scheme's name (<see cref="CompensationSettings.SchemeNames"/>).</param>
public sealed record CompensationYear(int Year, double PricePerTCo2, CityBudget[] Cities, Transfer[] Transfers,
    double TotalPaidRmb, double TotalReceivedRmb, double UnmatchedRmb, double SurplusValueRmb, string Scheme);

/// <summary>
/// Net carbon budgets and horizontal compensation between cities (science notes §5; docs/accounting.md §3).
/// <list type="bullet">
/// <item>Smoothing: S̄_i, Ē_i are the means of the last <see cref="CompensationSettings.WindowYears"/> years (fewer at the start).</item>
/// <item>NCB_i = S̄_i − Ē_i; ESC_i = (S̄_i/ΣS̄)/(Ē_i/ΣĒ); ECC_i = (GDP_i/ΣGDP)/(Ē_i/ΣĒ); zone with hysteresis (<see cref="CompensationSettings.Zone"/>).</item>
/// <item>Values: relative_budget and zoned V_i = P·k_i·(S̄_i − Ē_i·ΣS̄/ΣĒ); surplus_deficit V_i = P·k_i·NCB_i.</item>
/// <item>Ledger: see <see cref="Close"/>.</item>
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
    /// Closes one year. <paramref name="earlier"/> are the books of the years before (ascending; those inside
    /// the window are used for the means, the last one's zones for the hysteresis when it is the year before).
    /// <list type="bullet">
    /// <item>relative_budget: every city with V &lt; 0 pays |V_i|; the pot is shared among the cities with V &gt; 0
    /// in proportion to V_j (with all k = 1 each gets exactly V_j: ΣV = 0 by construction).</item>
    /// <item>surplus_deficit: matched M = min(deficit D, surplus U); a deficit city pays |V_i|·M/D, a surplus city
    /// receives V_j·M/U ≤ V_j; D − M is reported as unmatched.</item>
    /// <item>zoned: payment-zone cities with V &lt; 0 pay |V_i|; receiving-zone cities with V &gt; 0 share it in
    /// proportion to V_j; with no such receiver nothing is paid and the owed value is unmatched.</item>
    /// </list>
    /// Each payer's payment is split among the receivers in proportion to their weights, the last receiver
    /// (highest id) taking the remainder, so each payer's transfers sum to its payment and paid = received.
    /// </summary>
    public static CompensationYear Close(int year, IReadOnlyList<CityBudgetInput> cities, double pricePerTCo2, CompensationSettings settings,
        IReadOnlyList<CompensationYear> earlier, string source = "compensation")
    {
        if (!double.IsFinite(pricePerTCo2) || pricePerTCo2 < 0)
            throw new InvalidInputException(source, $"year {year} price", pricePerTCo2.ToString("R"), $"a finite carbon price >= 0 {settings.Currency} per t CO2");
        if (cities.Count == 0) throw new InvalidInputException(source, $"year {year}", "no cities", "at least one city");
        var sorted = cities.OrderBy(c => c.CityId, StringComparer.Ordinal).ToArray();
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
        int n = sorted.Length;

        // Window means: this year plus the earlier books of the window (sums in ascending year order).
        var window = earlier.Where(b => b.Year < year && b.Year > year - settings.WindowYears).OrderBy(b => b.Year).ToArray();
        var sMean = new double[n]; var eMean = new double[n];
        for (int i = 0; i < n; i++)
        {
            double s = 0, e = 0; int count = 0;
            foreach (var b in window)
            {
                var c = Array.Find(b.Cities, x => x.CityId == sorted[i].CityId);
                if (c is null) continue;
                s += c.SinkTCo2; e += c.EmissionTCo2; count++;
            }
            s += sorted[i].SinkTCo2; e += sorted[i].EmissionTCo2; count++;
            sMean[i] = s / count; eMean[i] = e / count;
        }
        var last = earlier.Count > 0 && earlier[^1].Year == year - 1 ? earlier[^1] : null;

        double sumS = 0, sumE = 0, sumG = 0;
        for (int i = 0; i < n; i++) { sumS += sMean[i]; sumE += eMean[i]; sumG += sorted[i].GdpBillionRmb; }
        if (sumS == 0) throw new InvalidInputException(source, $"year {year} total sink", "0", "a non-zero regional sink (ESC divides by it)");

        var ncb = new double[n]; var esc = new double[n]; var ecc = new double[n]; var v = new double[n]; var pri = new double[n];
        var zone = new CompensationZone[n];
        for (int i = 0; i < n; i++)
        {
            var c = sorted[i];
            double eShare = eMean[i] / sumE;
            ncb[i] = sMean[i] - eMean[i];
            esc[i] = sMean[i] / sumS / eShare;
            ecc[i] = c.GdpBillionRmb / sumG / eShare;
            zone[i] = settings.Zone(esc[i], ecc[i], last is null ? null : Array.Find(last.Cities, x => x.CityId == c.CityId)?.Zone);
            double budget = settings.Scheme == CompensationScheme.SurplusDeficit ? ncb[i] : sMean[i] - eMean[i] * (sumS / sumE);
            v[i] = budget * pricePerTCo2 * c.K;
            pri[i] = v[i] / (c.GdpBillionRmb * 1e9);
        }
        var rank = new int[n];
        foreach (var group in new[] { Enumerable.Range(0, n).Where(i => v[i] < 0), Enumerable.Range(0, n).Where(i => v[i] > 0) })
        {
            int r = 1;
            foreach (var i in group.OrderByDescending(i => Math.Abs(pri[i])).ThenBy(i => sorted[i].CityId, StringComparer.Ordinal)) rank[i] = r++;
        }

        bool zoned = settings.Scheme == CompensationScheme.Zoned;
        var payers = Enumerable.Range(0, n).Where(i => v[i] < 0 && (!zoned || zone[i] == CompensationZone.Payment)).ToArray();
        var receivers = Enumerable.Range(0, n).Where(i => v[i] > 0 && (!zoned || zone[i] == CompensationZone.Receiving)).ToArray();
        double surplus = 0; for (int i = 0; i < n; i++) if (v[i] > 0) surplus += v[i];
        double weights = 0; foreach (var j in receivers) weights += v[j];
        double owed = 0; foreach (var i in payers) owed += -v[i];
        double share = 1.0, unmatched = 0;   // share of each payer's owed value that is paid
        if (receivers.Length == 0) { share = 0; unmatched = owed; }
        else if (settings.Scheme == CompensationScheme.SurplusDeficit && owed > weights) { share = weights / owed; unmatched = owed - weights; }

        var paid = new double[n]; var received = new double[n];
        var transfers = new List<Transfer>();
        if (share > 0)
            foreach (var i in payers)
            {
                double amount = share == 1.0 ? -v[i] : -v[i] * share, given = 0;
                for (int r = 0; r < receivers.Length; r++)
                {
                    int j = receivers[r];
                    double t = r == receivers.Length - 1 ? amount - given : amount * (v[j] / weights);
                    given += t;
                    received[j] += t;
                    transfers.Add(new Transfer(sorted[i].CityId, sorted[j].CityId, t));
                }
                paid[i] = amount;
            }
        double totalPaid = 0, totalReceived = 0;
        for (int i = 0; i < n; i++) { totalPaid += paid[i]; totalReceived += received[i]; }
        var result = new CityBudget[n];
        for (int i = 0; i < n; i++)
        {
            var c = sorted[i];
            result[i] = new CityBudget(c.CityId, c.Name, c.SinkTCo2, c.EmissionTCo2, c.GdpBillionRmb, sMean[i], eMean[i], ncb[i], esc[i], ecc[i],
                zone[i], c.K, v[i], pri[i], rank[i], paid[i], received[i]);
        }
        return new CompensationYear(year, pricePerTCo2, result, transfers.ToArray(), totalPaid, totalReceived, unmatched, surplus, settings.SchemeName);
    }

    /// <summary>
    /// Closes a series of years in ascending order, each with the books of the years before: what the region
    /// grain does year by year, and what <c>carbonsim compensate</c> does from a finished run's inputs.
    /// </summary>
    public static IReadOnlyList<CompensationYear> CloseSeries(IEnumerable<(int Year, IReadOnlyList<CityBudgetInput> Cities, double PricePerTCo2)> years,
        CompensationSettings settings, string source = "compensation")
    {
        var books = new List<CompensationYear>();
        foreach (var (year, cities, price) in years.OrderBy(y => y.Year))
        {
            if (books.Count > 0 && year != books[^1].Year + 1)
                throw new InvalidInputException(source, $"year {year}", $"after {books[^1].Year}", "consecutive years");
            books.Add(Close(year, cities, price, settings, books, source));
        }
        return books;
    }
}
