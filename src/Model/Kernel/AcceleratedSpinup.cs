namespace CarbonSim.Model.Kernel;

/// <summary>Settings of <see cref="Spinup.RunAccelerated"/>.</summary>
/// <param name="EstablishYears">[a] Years run first with the N shortfall fully supplemented.</param>
/// <param name="MaxSolveCycles">Maximum cycles of the unsupplemented equilibrium search.</param>
/// <param name="SettleYears">[a] Years run last without intervention.</param>
/// <param name="ConvergedChange">[-] The search stops when the soil-C total changes by less than this fraction.</param>
/// <param name="SolveSupplement">[-] N supplement during the search (0 = natural N budget).</param>
/// <param name="UseSecant">Use the secant step on the N balance (else plain cascade iteration).</param>
/// <param name="SaturatedCycles">Cycles with full N supplement, each followed by the cascade equilibrium (an upper bound).</param>
/// <param name="CycleYears">[a] Cycle length (0 = the met record length).</param>
/// <param name="SeedSecantFromSaturated">Experimental: seed the secant with the saturated state's N balance.</param>
/// <param name="SaturatedCycleYears">[a] Length of the N-saturated cycles (0 = the cycle length).</param>
/// <param name="TrendMatch">
/// Aim the search at the state where the standard rule stops rather than at the N-balance
/// equilibrium. After its supplemented first block the standard rule's soil C relaxes from above
/// towards the N-balance equilibrium with rate k [a-1]; the soil-C trend equals soil C:N × the
/// ecosystem N balance B. The rule declares steady1 at the first triplet check with |trend| below
/// the tolerance (so the trend there lies in (tol·r, tol], r = exp(−k × 3 × block)) and stops one
/// triplet later, at a trend in (tol·r², tol·r]. The search aims at the middle of that interval,
/// B = −tol·r·(1 + r)/2 / soil C:N, with k = soil C:N × −dB/dS from the secant. Used for
/// non-woody types (see docs/model.md for why and how close it gets).
/// </param>
/// <param name="RatioStep">
/// First step from a cascade state without a secant pair: scale the soil-C total by (N inputs −
/// target balance) / N losses, i.e. assume losses proportional to the N capital.
/// </param>
/// <param name="WindowedBalance">
/// Measure the N balance over the last two cycles together (assigned to their mean soil-C total)
/// once two cascade cycles exist. With cycles of half the met record, two consecutive cycles cover
/// the whole record, which removes the weather bias of a half record's N balance.
/// </param>
public sealed record AcceleratedSpinupOptions(int EstablishYears = 20, int MaxSolveCycles = 3, int SettleYears = 0, double ConvergedChange = 0.01, double SolveSupplement = 0.0, bool UseSecant = true, int SaturatedCycles = 2, int CycleYears = 0, bool SeedSecantFromSaturated = false, int SaturatedCycleYears = 22, bool TrendMatch = false, bool RatioStep = false, bool WindowedBalance = false)
{
    /// <summary>Settings for woody types (the defaults): 20 + 2 × 22 + 3 × met-record years (196 for a 44-year record).</summary>
    public static AcceleratedSpinupOptions Woody { get; } = new();

    /// <summary>
    /// Settings for non-woody types (grasses): 15 supplemented years, then the trend-matched
    /// search over whole met cycles (no N-saturated cycles; first step by the loss ratio, then
    /// secant), until the soil-C total changes by &lt; 0.5 % or 8 cycles (c3grass on the Missoula
    /// record: 235 years). Aimed at the standard rule's endpoint, which for grasses lies well above
    /// the N-balance equilibrium (docs/model.md).
    /// </summary>
    public static AcceleratedSpinupOptions NonWoody { get; } = new(EstablishYears: 15, SaturatedCycles: 0, MaxSolveCycles: 8, ConvergedChange: 0.005, TrendMatch: true, RatioStep: true);

    /// <summary>
    /// The non-woody search squeezed into a tenth of c3grass's standard spin-up: 15 years, then four
    /// cycles of half the met record (103 years on a 44-year record), the N balance measured over
    /// the last two cycles (<c>WindowedBalance</c>) because a half record's balance is biased by its
    /// weather (±1.1e-5 kgN m-2 a-1 on the Missoula record). Less settled than <see cref="NonWoody"/>
    /// (docs/model.md).
    /// </summary>
    public static AcceleratedSpinupOptions NonWoodyShort { get; } = NonWoody with { MaxSolveCycles = 4, CycleYears = 22, ConvergedChange = 0.001, WindowedBalance = true };

    /// <summary>The settings used when none are given: <see cref="Woody"/> or <see cref="NonWoody"/>.</summary>
    public static AcceleratedSpinupOptions For(CellModel model) => model.Vegetation.Woody ? Woody : NonWoody;
}

/// <summary>
/// Records, over whole met cycles, the mean size of each slow pool and its mean decomposition
/// loss, so that the pool's equilibrium under the recorded inputs can be solved analytically.
/// </summary>
internal sealed class PoolFluxRecorder
{
    public const int Cwd = 0, L1 = 1, L2 = 2, L3 = 3, L4 = 4, S1 = 5, S2 = 6, S3 = 7, S4 = 8, DeadStem = 9, DeadCroot = 10, Count = 11;
    public readonly double[] PoolSum = new double[Count];
    /// <summary>[kgC m-2] Summed decomposition loss (incl. respired part) of each pool.</summary>
    public readonly double[] DecompSum = new double[Count];
    /// <summary>[kgC m-2] Summed internal inputs (from other slow pools).</summary>
    public readonly double[] InternalInSum = new double[Count];
    public int Days;
    /// <summary>[kgN m-2] Summed external N inputs and outputs (deposition, fixation vs volatilisation, denitrification, leaching, fire).</summary>
    public double NIn, NOut;

    public static double[] Pools(CellState s) => [s.CwdC, s.Litter1C, s.Litter2C, s.Litter3C, s.Litter4C, s.Soil1C, s.Soil2C, s.Soil3C, s.Soil4C, s.DeadStemC, s.DeadCrootC];

    public void Add(CellState s, in DailyFluxes f)
    {
        Days++;
        NIn += f.NDeposition + f.NFixation + f.FertiliserToMineralN + f.SeedN; // the spin-up supplement is not a natural input; management N (0 without) is
        NOut += f.MineralNVolatilised + f.MineralNDenitrified + f.MineralNLeached + f.FireN + f.HarvestN + f.RemovedN;
        PoolSum[Cwd] += s.CwdC; PoolSum[L1] += s.Litter1C; PoolSum[L2] += s.Litter2C; PoolSum[L3] += s.Litter3C; PoolSum[L4] += s.Litter4C;
        PoolSum[S1] += s.Soil1C; PoolSum[S2] += s.Soil2C; PoolSum[S3] += s.Soil3C; PoolSum[S4] += s.Soil4C;
        PoolSum[DeadStem] += s.DeadStemC; PoolSum[DeadCroot] += s.DeadCrootC;
        DecompSum[Cwd] += f.CwdToLitter2C + f.CwdToLitter3C + f.CwdToLitter4C;
        DecompSum[L1] += f.Litter1Hr + f.Litter1ToSoil1C;
        DecompSum[L2] += f.Litter2Hr + f.Litter2ToSoil2C;
        DecompSum[L3] += f.Litter3ToLitter2C;
        DecompSum[L4] += f.Litter4Hr + f.Litter4ToSoil3C;
        DecompSum[S1] += f.Soil1Hr + f.Soil1ToSoil2C;
        DecompSum[S2] += f.Soil2Hr + f.Soil2ToSoil3C;
        DecompSum[S3] += f.Soil3Hr + f.Soil3ToSoil4C;
        DecompSum[S4] += f.Soil4Hr;
        InternalInSum[L2] += f.CwdToLitter2C + f.Litter3ToLitter2C;
        InternalInSum[L3] += f.CwdToLitter3C;
        InternalInSum[L4] += f.CwdToLitter4C;
        InternalInSum[S1] += f.Litter1ToSoil1C;
        InternalInSum[S2] += f.Litter2ToSoil2C + f.Soil1ToSoil2C;
        InternalInSum[S3] += f.Litter4ToSoil3C + f.Soil2ToSoil3C;
        InternalInSum[S4] += f.Soil3ToSoil4C;
    }
}

public static partial class Spinup
{
    /// <summary>
    /// Accelerated spin-up (our method, not BIOME-BGC's). (1) Establish vegetation for
    /// <c>EstablishYears</c> with the N shortfall fully supplemented. (2) <c>SaturatedCycles</c>
    /// met cycles, still supplemented, each followed by the analytic equilibrium of the slow pools
    /// (CWD, litter 1–4, soil 1–4, dead stem and dead coarse root) under the cycle's mean inputs and
    /// mean effective rates: the linear cascade C* = input / k_eff solved upstream → downstream, N at
    /// each pool's C:N. This N-saturated equilibrium is an upper bound. (3) Unsupplemented cycles,
    /// each followed by the cascade equilibrium, with the soil-C total chosen by a secant step on the
    /// ecosystem's natural N balance (deposition + fixation − losses → 0) — the N capital that the
    /// standard spin-up accumulates over millennia; stops when the soil-C total changes by less
    /// than <c>ConvergedChange</c>. Without a secant pair yet, the step from a cascade state is
    /// the loss ratio (<c>RatioStep</c>) or the cascade equilibrium itself. With <c>TrendMatch</c>
    /// (the setting for non-woody types) the search aims at the N balance that gives the soil-C
    /// trend the standard rule still has when it stops, instead of a closed N budget.
    /// (4) Optional settling years.
    /// <see cref="SpinupResult.Steady"/> = the search converged and the residual soil-C trend of the
    /// last simulated cycle (its two halves as the two blocks of the standard rule's statistic) is
    /// below <see cref="SpinupOptions.Tolerance"/>; <see cref="SpinupResult.SoilCTrend"/> and
    /// <see cref="SpinupResult.TotalCTrend"/> are those half-cycle trends.
    /// Without <paramref name="accelerated"/>, <see cref="AcceleratedSpinupOptions.For"/> picks the settings.
    /// </summary>
    public static SpinupResult RunAccelerated(CellModel model, SpinupOptions? options = null, AcceleratedSpinupOptions? accelerated = null, CellState? start = null)
    {
        var o = options ?? new SpinupOptions();
        var a = accelerated ?? AcceleratedSpinupOptions.For(model);
        double ndep = o.NDeposition ?? model.Site.NDeposition;
        var s = start?.Clone() ?? model.BareGround(o.FirstYearMaxLeafC, o.FirstYearMaxStemC, o.SoilWaterFraction);
        var traj = new List<SpinupYear>();
        int years = 0;
        // per-year mean daily soil and total C of the latest simulated period (for the residual trend)
        var lastSoil = new List<double>(); var lastTotal = new List<double>();

        void Years(int count, double supplement, PoolFluxRecorder? rec)
        {
            if (count <= 0) return;
            lastSoil.Clear(); lastTotal.Clear();
            for (int y = 0; y < count; y++)
            {
                var acc = new YearAccumulator();
                int metYear = s.NextMetYear;
                model.RunYear(s, metYear, new YearForcing(o.Co2Ppm, ndep, supplement), ref acc, null, rec);
                var sum = acc.ToSummary(s, metYear, o.Co2Ppm);
                years++;
                traj.Add(new SpinupYear(years, sum.MaxLai, sum.LeafC, sum.VegetationC, sum.LitterC, sum.SoilC, sum.TotalC, sum.MineralN));
                lastSoil.Add(sum.SumDailySoilC / 365.0); lastTotal.Add(sum.SumDailyTotalC / 365.0);
            }
        }

        int cycleYears = a.CycleYears > 0 ? a.CycleYears : model.MetYears;
        Years(a.EstablishYears, 1.0, null);
        double sPrev = double.NaN, bPrev = double.NaN;
        for (int c = 0; c < a.SaturatedCycles; c++)
        {
            var rec = new PoolFluxRecorder();
            var startPools = PoolFluxRecorder.Pools(s);
            Years(a.SaturatedCycleYears > 0 ? a.SaturatedCycleYears : cycleYears, 1.0, rec);
            var eqSat = CascadeEquilibrium(model.Vegetation, rec, startPools, PoolFluxRecorder.Pools(s));
            SetPools(model.Vegetation, s, eqSat, 1.0);
            if (a.SeedSecantFromSaturated && c == a.SaturatedCycles - 1)
            {
                // the saturated equilibrium is an upper bound; its natural N balance seeds the secant
                sPrev = SoilTotal(eqSat);
                bPrev = (rec.NIn - rec.NOut) / rec.Days * 365.0;
            }
        }
        // Equilibrium search over whole met cycles. Each cycle gives (i) the cascade equilibrium of
        // the slow pools under that cycle's mean inputs and rates, and (ii) the ecosystem's net
        // external N balance B (kgN m-2 a-1). The N capital, which the standard spin-up builds
        // over millennia, is found by a secant step on the slow-pool total S so that B → 0; the
        // cascade solution sets the pools' proportions.
        bool converged = false;
        double slope = double.NaN;
        int nblock = BlockLength(model.MetYears);
        double wS = double.NaN, wIn = 0, wOut = 0; // previous cycle, for WindowedBalance
        bool cascadeState = a.SaturatedCycles > 0;
        for (int c = 0; c < a.MaxSolveCycles; c++)
        {
            var rec = new PoolFluxRecorder();
            var startPools = PoolFluxRecorder.Pools(s);
            double sNow = SoilTotal(startPools);
            double cnSoil = sNow / (s.Soil1N + s.Soil2N + s.Soil3N + s.Soil4N);
            Years(cycleYears, a.SolveSupplement, rec);
            double nIn = rec.NIn / rec.Days * 365.0, nOut = rec.NOut / rec.Days * 365.0;
            double sRaw = sNow, nInRaw = nIn, nOutRaw = nOut;
            if (a.WindowedBalance && cascadeState && !double.IsNaN(wS))
            {
                // the last two cycles together: a window of two consecutive half-records
                sNow = (wS + sNow) / 2; nIn = (wIn + nIn) / 2; nOut = (wOut + nOut) / 2;
            }
            wS = cascadeState ? sRaw : double.NaN; wIn = nInRaw; wOut = nOutRaw;
            double b = nIn - nOut;
            double bTarget = 0.0; // [kgN m-2 a-1] the N balance aimed at
            if (a.TrendMatch)
            {
                double k = double.IsNaN(slope) ? 0.0 : Math.Max(0.0, -slope * cnSoil);
                double r = Math.Exp(-k * 3 * nblock);
                double trend = o.Tolerance * r * (1 + r) / 2;
                bTarget = -trend / cnSoil;
            }
            double bPrevRaw = bPrev;
            b -= bTarget;
            if (!double.IsNaN(bPrev)) bPrev -= bTarget; // both measured balances against the current target
            var eq = CascadeEquilibrium(model.Vegetation, rec, startPools, PoolFluxRecorder.Pools(s));
            double sEq = SoilTotal(eq);
            double target = sEq;
            if (a.UseSecant && !double.IsNaN(bPrev) && b != bPrev)
            {
                double secant = sNow - b * (sNow - sPrev) / (b - bPrev);
                if (double.IsFinite(secant) && secant > 0) target = Math.Clamp(secant, 0.67 * sEq, 1.5 * sEq);
            }
            else if (a.RatioStep && cascadeState && nOut > 0)
            {
                double ratio = sNow * (nIn - bTarget) / nOut;
                if (double.IsFinite(ratio) && ratio > 0) target = Math.Clamp(ratio, 0.67 * sEq, 1.5 * sEq);
            }
            b += bTarget; bPrev = bPrevRaw;
            SetPools(model.Vegetation, s, eq, sEq > 0 ? target / sEq : 1.0);
            if (!double.IsNaN(bPrev) && sNow != sPrev) slope = (b - bPrev) / (sNow - sPrev);
            sPrev = sNow; bPrev = b;
            if (!cascadeState) { sPrev = bPrev = double.NaN; } // the first cycle did not start from a cascade state
            cascadeState = true;
            if (Math.Abs(target - sRaw) <= a.ConvergedChange * Math.Max(sRaw, 1e-9)) { converged = true; break; }
        }
        Years(a.SettleYears, 0.0, null);
        // Residual trends as the standard rule computes them (difference of two consecutive block
        // means of daily values over the block length), with the latest simulated period (the last
        // search cycle, or the settling years) split into two halves as the two blocks.
        double soilTrend = HalfBlockTrend(lastSoil), totalTrend = HalfBlockTrend(lastTotal);
        bool steady = converged && Math.Abs(soilTrend) < o.Tolerance;
        return new SpinupResult(s, years, steady, soilTrend, totalTrend, traj);
    }

    /// <summary>[kgC m-2 a-1] (mean of the second half − mean of the first half) / half length; NaN for fewer than 2 years.</summary>
    public static double HalfBlockTrend(IReadOnlyList<double> yearlyMeans)
    {
        int h = yearlyMeans.Count / 2;
        if (h == 0) return double.NaN;
        double m1 = 0, m2 = 0;
        for (int i = 0; i < h; i++) { m1 += yearlyMeans[i]; m2 += yearlyMeans[yearlyMeans.Count - h + i]; }
        return (m2 - m1) / h / h;
    }

    private static double SoilTotal(double[] pools)
    {
        double t = 0;
        for (int i = PoolFluxRecorder.S1; i <= PoolFluxRecorder.S4; i++) if (!double.IsNaN(pools[i])) t += pools[i];
        return t;
    }

    /// <summary>Equilibrium of the slow pools under the recorded mean inputs and effective rates (NaN = leave as is).</summary>
    private static double[] CascadeEquilibrium(VegetationConstants v, PoolFluxRecorder r, double[] start, double[] end)
    {
        const int n = PoolFluxRecorder.Count;
        double days = r.Days;
        var mean = new double[n]; var kd = new double[n]; var kf = new double[n]; var ext = new double[n];
        for (int i = 0; i < n; i++)
        {
            mean[i] = r.PoolSum[i] / days;
            kd[i] = mean[i] > 0 ? r.DecompSum[i] / days / mean[i] : 0.0;
        }
        kf[PoolFluxRecorder.Cwd] = KernelConstants.CwdFireFraction * v.DailyFire;
        for (int i = PoolFluxRecorder.L1; i <= PoolFluxRecorder.L4; i++) kf[i] = v.DailyFire;
        kf[PoolFluxRecorder.DeadStem] = kf[PoolFluxRecorder.DeadCroot] = v.DailyMortality + v.DailyFire;
        for (int i = 0; i < n; i++)
            ext[i] = Math.Max(0.0, (end[i] - start[i]) / days + (kd[i] + kf[i]) * mean[i] - r.InternalInSum[i] / days);

        double Eq(double input, double k) => k > 0 ? input / k : double.NaN;
        const int Cwd = PoolFluxRecorder.Cwd, L1 = PoolFluxRecorder.L1, L2 = PoolFluxRecorder.L2, L3 = PoolFluxRecorder.L3, L4 = PoolFluxRecorder.L4;
        const int S1 = PoolFluxRecorder.S1, S2 = PoolFluxRecorder.S2, S3 = PoolFluxRecorder.S3, S4 = PoolFluxRecorder.S4;
        var eq = new double[n];
        eq[Cwd] = Eq(ext[Cwd], kd[Cwd] + kf[Cwd]);
        double cwdDecomp = double.IsNaN(eq[Cwd]) ? 0.0 : kd[Cwd] * eq[Cwd];
        eq[L1] = Eq(ext[L1], kd[L1] + kf[L1]);
        eq[L3] = Eq(ext[L3] + v.WoodScel * cwdDecomp, kd[L3] + kf[L3]);
        eq[L2] = Eq(ext[L2] + v.WoodUcel * cwdDecomp + kd[L3] * Nz(eq[L3]), kd[L2] + kf[L2]);
        eq[L4] = Eq(ext[L4] + v.WoodLig * cwdDecomp, kd[L4] + kf[L4]);
        eq[S1] = Eq((1 - KernelConstants.RespFracL1S1) * kd[L1] * Nz(eq[L1]), kd[S1]);
        eq[S2] = Eq((1 - KernelConstants.RespFracL2S2) * kd[L2] * Nz(eq[L2]) + (1 - KernelConstants.RespFracS1S2) * kd[S1] * Nz(eq[S1]), kd[S2]);
        eq[S3] = Eq((1 - KernelConstants.RespFracL4S3) * kd[L4] * Nz(eq[L4]) + (1 - KernelConstants.RespFracS2S3) * kd[S2] * Nz(eq[S2]), kd[S3]);
        eq[S4] = Eq((1 - KernelConstants.RespFracS3S4) * kd[S3] * Nz(eq[S3]), kd[S4]);
        eq[PoolFluxRecorder.DeadStem] = Eq(ext[PoolFluxRecorder.DeadStem], kf[PoolFluxRecorder.DeadStem]);
        eq[PoolFluxRecorder.DeadCroot] = Eq(ext[PoolFluxRecorder.DeadCroot], kf[PoolFluxRecorder.DeadCroot]);
        if (!v.Woody) eq[PoolFluxRecorder.DeadStem] = eq[PoolFluxRecorder.DeadCroot] = eq[Cwd] = double.NaN;
        for (int i = 0; i < n; i++) if (double.IsNaN(eq[i])) eq[i] = double.NaN;
        return eq;
    }

    /// <summary>Sets the slow pools to <paramref name="eq"/> (soil pools × <paramref name="scale"/>); N follows each pool's C:N (soil pools at their fixed C:N).</summary>
    private static void SetPools(VegetationConstants v, CellState s, double[] eq, double scale)
    {
        const int Cwd = PoolFluxRecorder.Cwd, L1 = PoolFluxRecorder.L1, L2 = PoolFluxRecorder.L2, L3 = PoolFluxRecorder.L3, L4 = PoolFluxRecorder.L4;
        const int S1 = PoolFluxRecorder.S1, S2 = PoolFluxRecorder.S2, S3 = PoolFluxRecorder.S3, S4 = PoolFluxRecorder.S4;
        var x = new double[eq.Length];
        for (int i = 0; i < eq.Length; i++) x[i] = i >= S1 && i <= S4 ? eq[i] * scale : eq[i];
        eq = x;

        Scale(ref s.CwdC, ref s.CwdN, eq[Cwd]);
        Scale(ref s.Litter1C, ref s.Litter1N, eq[L1]);
        Scale(ref s.Litter2C, ref s.Litter2N, eq[L2]);
        Scale(ref s.Litter3C, ref s.Litter3N, eq[L3]);
        Scale(ref s.Litter4C, ref s.Litter4N, eq[L4]);
        SetSoil(ref s.Soil1C, ref s.Soil1N, eq[S1], KernelConstants.Soil1Cn);
        SetSoil(ref s.Soil2C, ref s.Soil2N, eq[S2], KernelConstants.Soil2Cn);
        SetSoil(ref s.Soil3C, ref s.Soil3N, eq[S3], KernelConstants.Soil3Cn);
        SetSoil(ref s.Soil4C, ref s.Soil4N, eq[S4], KernelConstants.Soil4Cn);
        if (v.Woody)
        {
            Scale(ref s.DeadStemC, ref s.DeadStemN, eq[PoolFluxRecorder.DeadStem]);
            Scale(ref s.DeadCrootC, ref s.DeadCrootN, eq[PoolFluxRecorder.DeadCroot]);
        }
        // The analytic jump changes the state outside the daily fluxes; restart the cumulative
        // balance terms so the daily checks compare like with like.
        s.CumWaterIn = s.CumWaterOut = s.CumCarbonIn = s.CumCarbonOut = s.CumNitrogenIn = s.CumNitrogenOut = 0.0;
    }

    private static double Nz(double x) => double.IsNaN(x) ? 0.0 : x;

    private static void Scale(ref double c, ref double n, double target)
    {
        if (double.IsNaN(target) || c <= 0.0) return;
        n *= target / c;
        c = target;
    }

    private static void SetSoil(ref double c, ref double n, double target, double cn)
    {
        if (double.IsNaN(target)) return;
        c = target;
        n = target / cn;
    }
}
