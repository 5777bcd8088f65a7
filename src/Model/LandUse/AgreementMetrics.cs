namespace CarbonSim.Model.LandUse;

/// <summary>Pontius et al. (2008) change-agreement components, in cells.</summary>
/// <param name="Hits">Observed change simulated as change to the same class.</param>
/// <param name="Misses">Observed change simulated as persistence.</param>
/// <param name="FalseAlarms">Observed persistence simulated as change.</param>
/// <param name="WrongHits">Observed change simulated as change to a different class.</param>
/// <param name="CorrectRejections">Observed persistence simulated as persistence.</param>
public sealed record ChangeAgreement(long Hits, long Misses, long FalseAlarms, long WrongHits, long CorrectRejections)
{
    /// <summary>[0–1] Figure of merit = H / (H + M + F + W) (Pontius et al. 2008); NaN if nothing changed in either map.</summary>
    public double FigureOfMerit
    {
        get
        {
            long d = Hits + Misses + FalseAlarms + WrongHits;
            return d == 0 ? double.NaN : (double)Hits / d;
        }
    }
    /// <summary>[0–1] Producer's accuracy H / (H + M + W).</summary>
    public double ProducersAccuracy => (double)Hits / (Hits + Misses + WrongHits);
    /// <summary>[0–1] User's accuracy H / (H + W + F).</summary>
    public double UsersAccuracy => (double)Hits / (Hits + WrongHits + FalseAlarms);
}

/// <summary>Validation of a simulated map against an observed map (Kappa, figure of merit).</summary>
public static class AgreementMetrics
{
    private static void CheckSameGrid(LandUseMap a, LandUseMap b, string name)
    {
        if (a.Width != b.Width || a.Height != b.Height)
            throw new InvalidInputException(name, "grid", $"{b.Width}x{b.Height}", $"the same grid as the observed map ({a.Width}x{a.Height})");
    }

    /// <summary>
    /// Cohen's kappa of simulated vs observed classes over cells valid in both:
    /// κ = (p_o − p_e)/(1 − p_e), p_o the share of agreeing cells, p_e = Σ_k (sim share_k · obs share_k).
    /// Returns 1 when p_e = 1 and the maps agree everywhere.
    /// </summary>
    public static double Kappa(LandUseMap observed, LandUseMap simulated)
    {
        CheckSameGrid(observed, simulated, "simulated map");
        var so = new Dictionary<int, long>();
        var ss = new Dictionary<int, long>();
        long n = 0, agree = 0;
        for (int i = 0; i < observed.CellCount; i++)
        {
            int o = observed.Classes[i], s = simulated.Classes[i];
            if (o == LandUseMap.NoData || s == LandUseMap.NoData) continue;
            n++;
            if (o == s) agree++;
            so[o] = so.GetValueOrDefault(o) + 1;
            ss[s] = ss.GetValueOrDefault(s) + 1;
        }
        if (n == 0) throw new InvalidInputException("maps", "all cells", "no valid cell", "at least one cell valid in both maps");
        double po = (double)agree / n;
        double pe = 0;
        foreach (var k in so.Keys.Union(ss.Keys).OrderBy(k => k))
            pe += (double)so.GetValueOrDefault(k) / n * ((double)ss.GetValueOrDefault(k) / n);
        if (Math.Abs(1 - pe) < 1e-15) return po == 1 ? 1 : 0;
        return (po - pe) / (1 - pe);
    }

    /// <summary>
    /// The cells whose class differs between two maps on one grid (cells valid in both), by (class in
    /// <paramref name="baseline"/>, class in <paramref name="other"/>); and the number of cells valid in both.
    /// </summary>
    public static (SortedDictionary<(int From, int To), long> Transitions, long ValidCells) Difference(LandUseMap baseline, LandUseMap other)
    {
        CheckSameGrid(baseline, other, "compared map");
        var d = new SortedDictionary<(int, int), long>();
        long n = 0;
        for (int i = 0; i < baseline.CellCount; i++)
        {
            int a = baseline.Classes[i], b = other.Classes[i];
            if (a == LandUseMap.NoData || b == LandUseMap.NoData) continue;
            n++;
            if (a != b) d[(a, b)] = d.GetValueOrDefault((a, b)) + 1;
        }
        return (d, n);
    }

    /// <summary>Counts hits, misses, false alarms, wrong hits and correct rejections given the initial map.</summary>
    public static ChangeAgreement Change(LandUseMap initial, LandUseMap observed, LandUseMap simulated)
    {
        CheckSameGrid(initial, observed, "observed map");
        CheckSameGrid(initial, simulated, "simulated map");
        long h = 0, m = 0, f = 0, w = 0, cr = 0;
        for (int i = 0; i < initial.CellCount; i++)
        {
            int a = initial.Classes[i], o = observed.Classes[i], s = simulated.Classes[i];
            if (a == LandUseMap.NoData || o == LandUseMap.NoData || s == LandUseMap.NoData) continue;
            bool oc = o != a, sc = s != a;
            if (oc && sc) { if (o == s) h++; else w++; }
            else if (oc) m++;
            else if (sc) f++;
            else cr++;
        }
        return new ChangeAgreement(h, m, f, w, cr);
    }
}
