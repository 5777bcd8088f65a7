namespace CarbonSim.Model.Engine;

/// <summary>A city's (or the region's) year of the sink attribution; sums exact (<see cref="FixedSum"/>) in [kgC a-1].</summary>
public sealed record AttributionYear
{
    /// <summary>[-] City index, or −1 for the region.</summary>
    public int CityIndex { get; init; }
    public int Year { get; init; }
    /// <summary>[m2] Land area of the city's (region's) cells.</summary>
    public double AreaM2 { get; init; }
    /// <summary>[kgC a-1] Sink of the full run.</summary>
    public FixedSum Full { get; init; }
    /// <summary>[kgC a-1] Contribution of each factor (one at a time: full − member with it held; Shapley: its Shapley value), index-aligned with <see cref="AttributionTable.Factors"/>; zero for a factor the run does not vary.</summary>
    public FixedSum[] Contributions { get; init; } = [];
    /// <summary>[kgC a-1] Sink of the member with every varied factor held (the drift the spin-up leaves).</summary>
    public FixedSum AllHeld { get; init; }
    /// <summary>[kgC a-1] Residual: full − Σ contributions − all held. One at a time: the interactions (0 if the factors act additively); Shapley: rounding only.</summary>
    public FixedSum Residual { get; init; }
}

/// <summary>
/// The sink of a run split into its drivers from factorial members (<see cref="Attribution.Members"/>), per city and
/// year and for the region. Pure arithmetic on the engine's exact totals: contribution_f = S_full − S_(f held),
/// residual = S_full − Σ_f contribution_f − S_all held, all in exact sums, so the identity
/// S_full = Σ_f contribution_f + S_all held + residual holds to the last quantum.
/// </summary>
public sealed record AttributionTable
{
    /// <summary>How the contributions were computed.</summary>
    public AttributionMethod Method { get; init; }
    /// <summary>[-] The engine variable that is split (<see cref="CarbonVariables.Nbp"/>).</summary>
    public int Variable { get; init; } = CarbonVariables.Nbp;
    /// <summary>Every factor, in column order.</summary>
    public IReadOnlyList<AttributionFactor> Factors { get; init; } = [];
    /// <summary>Whether the run varied each factor (index-aligned with <see cref="Factors"/>); one not varied has no member and contributes 0.</summary>
    public bool[] Varied { get; init; } = [];
    /// <summary>Per city (city-index order), years ascending.</summary>
    public AttributionYear[] Cities { get; init; } = [];
    /// <summary>The region, years ascending.</summary>
    public AttributionYear[] Region { get; init; } = [];

    /// <summary>
    /// The table from the full run's outcome and each member's (keyed by <see cref="AttributionMember.Name"/>: one per
    /// varied factor and <see cref="Attribution.AllHeld"/>).
    /// </summary>
    /// <exception cref="ArgumentException">A member is missing, or its cities or years differ from the full run's.</exception>
    public static AttributionTable From(RunOutcome full, IReadOnlyDictionary<string, RunOutcome> members,
        IReadOnlyList<AttributionFactor>? factors = null, int variable = CarbonVariables.Nbp, AttributionMethod method = AttributionMethod.OneAtATime)
    {
        factors ??= Attribution.Factors;
        var allHeld = members.TryGetValue(Attribution.AllHeld, out var a) ? a
            : throw new ArgumentException($"the member '{Attribution.AllHeld}' is missing");
        foreach (var (name, m) in members) CheckShape(full, m, name);
        // A factor is varied when a member holds it alone (both methods have one member per varied factor, named after it).
        var varied = factors.Select(f => members.ContainsKey(f.Name)).ToArray();
        var variedIndex = Enumerable.Range(0, factors.Count).Where(i => varied[i]).ToArray();
        int n = variedIndex.Length;
        RunOutcome HeldSet(int heldMask) => heldMask == 0 ? full
            : members.TryGetValue(Attribution.MemberName(variedIndex.Where((_, i) => (heldMask >> i & 1) != 0).Select(i => factors[i].Name).ToArray(), n), out var o) ? o
            : throw new ArgumentException($"Shapley attribution: the member holding mask {heldMask} of [{string.Join(", ", variedIndex.Select(i => factors[i].Name))}] is missing");

        AttributionYear Row(int city, int yearIndex, double areaM2, Func<RunOutcome, YearTotals> pick)
        {
            var total = pick(full);
            FixedSum Sink(RunOutcome o) => pick(o).Sums[variable];
            var fullSink = total.Sums[variable];
            var contributions = method == AttributionMethod.Shapley && n > 1
                ? factors.Select((f, i) => varied[i] ? ShapleyValue(Array.IndexOf(variedIndex, i), n, mask => Sink(HeldSet(mask))) : FixedSum.Zero).ToArray()
                : factors.Select((f, i) => varied[i] ? fullSink - Sink(members[f.Name]) : FixedSum.Zero).ToArray();
            var held = Sink(allHeld);
            var residual = fullSink - held;
            foreach (var c in contributions) residual -= c;
            return new AttributionYear
            {
                CityIndex = city, Year = total.Year, AreaM2 = areaM2,
                Full = fullSink, Contributions = contributions, AllHeld = held, Residual = residual,
            };
        }

        var cities = full.Cities.SelectMany((series, c) =>
            series.Years.Select((_, y) => Row(c, y, series.AreaM2, o => o.Cities[c].Years[y]))).ToArray();
        double regionArea = full.Cities.Sum(s => s.AreaM2);
        var region = full.Region.Select((_, y) => Row(-1, y, regionArea, o => o.Region[y])).ToArray();
        return new AttributionTable { Method = method, Variable = variable, Factors = factors, Varied = varied, Cities = cities, Region = region };
    }

    /// <summary>City <paramref name="city"/>'s years (−1 = the region).</summary>
    public IEnumerable<AttributionYear> SeriesOf(int city) => city < 0 ? Region : Cities.Where(r => r.CityIndex == city);

    /// <summary>
    /// [-] How far the members fall short of the full sink over <paramref name="years"/>: Σ residual / |Σ full sink|
    /// (NaN when the summed sink is 0). The claim "the contributions and the all-held member sum to the full sink within
    /// 5 %" is |this| ≤ 0.05.
    /// </summary>
    public static double ResidualShare(IEnumerable<AttributionYear> years)
    {
        var residual = FixedSum.Zero; var full = FixedSum.Zero;
        foreach (var y in years) { residual += y.Residual; full += y.Full; }
        double f = full.ToKg();
        return f == 0 ? double.NaN : residual.ToKg() / Math.Abs(f);
    }

    /// <summary>
    /// [kgC a-1] Shapley value of varied factor <paramref name="k"/> of <paramref name="n"/>:
    /// φ_k = Σ_{S ⊆ V∖{k}} |S|! (n − |S| − 1)! / n! · [v(S ∪ {k}) − v(S)], v(S) = sink with only the factors in S varied
    /// (the others held); Σ_k φ_k = v(V) − v(∅) = full − all held. Weighted in exact sums, divided once (rounded to 1 mg).
    /// </summary>
    static FixedSum ShapleyValue(int k, int n, Func<int, FixedSum> sinkHeld)
    {
        int all = (1 << n) - 1;
        FixedSum SinkVaried(int variedMask) => sinkHeld(all & ~variedMask);
        var scaled = FixedSum.Zero;
        for (int s = 0; s <= all; s++)
        {
            if ((s >> k & 1) != 0) continue;
            int size = System.Numerics.BitOperations.PopCount((uint)s);
            long weight = Factorial(size) * Factorial(n - size - 1);
            var step = SinkVaried(s | 1 << k) - SinkVaried(s);
            for (long w = 0; w < weight; w++) scaled += step;
        }
        return FixedSum.FromKg(scaled.ToKg() / Factorial(n));
    }

    static long Factorial(int m) => m <= 1 ? 1 : m * Factorial(m - 1);

    static void CheckShape(RunOutcome full, RunOutcome member, string name)
    {
        if (member.Cities.Length != full.Cities.Length)
            throw new ArgumentException($"member '{name}' has {member.Cities.Length} cities, the full run {full.Cities.Length}");
        for (int c = 0; c < full.Cities.Length; c++)
            if (!member.Cities[c].Years.Select(y => y.Year).SequenceEqual(full.Cities[c].Years.Select(y => y.Year)))
                throw new ArgumentException($"member '{name}' city {c}: its years differ from the full run's");
        if (!member.Region.Select(y => y.Year).SequenceEqual(full.Region.Select(y => y.Year)))
            throw new ArgumentException($"member '{name}': its region years differ from the full run's");
    }
}
