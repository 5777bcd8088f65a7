namespace CarbonSim.Model.Engine;

/// <summary>
/// A driver of the sink that the attribution holds at its reference in one factorial member.
/// </summary>
/// <param name="Name">Column stem in <c>attribution.csv</c> and member name (<c>co2</c>, <c>ndep</c>, <c>stand_age</c>, <c>land_use</c>, <c>climate</c>).</param>
/// <param name="Reference">What the factor is held at in its member (docs, report).</param>
/// <param name="NotVaried">Why the factor gets no member when <see cref="Varies"/> is false (its contribution is then 0 by construction).</param>
/// <param name="Varies">True if the full run moves this factor away from its reference; false = no member, contribution 0.</param>
/// <param name="Hold">The spec with this factor at its reference; changes this factor's fields only.</param>
public sealed record AttributionFactor(string Name, string Reference, string NotVaried, Func<RunSpec, bool> Varies, Func<RunSpec, RunSpec> Hold);

/// <summary>How the members split the sink.</summary>
public enum AttributionMethod
{
    /// <summary>One member per factor (that factor held) and one with all held: contribution = full − member; the interactions stay in the residual.</summary>
    OneAtATime,
    /// <summary>A member for every subset of the varied factors held (2^n − 1): contributions are Shapley values, which share the interactions out; the residual is rounding only.</summary>
    Shapley,
}

/// <summary>One factorial member: the full spec with the factors in <paramref name="Held"/> at their reference.</summary>
/// <param name="Name">A factor's name, or <see cref="Attribution.AllHeld"/> for the member with every varied factor held.</param>
public sealed record AttributionMember(string Name, RunSpec Spec, IReadOnlyList<string> Held);

/// <summary>
/// Factorial attribution of the sink (issue #10 item 5): each member is the full <see cref="RunSpec"/> with one
/// driver held at its reference (its spin-up, pre-industrial or equilibrium value), run through the same engine;
/// contribution of a factor = sink of the full run − sink of its member (<see cref="AttributionTable"/>). Pure: a
/// factor is one small <c>Hold…</c> method and one entry of <see cref="Factors"/>, so a new driver (management) or
/// a new forcing field (a CO2 history of the spin-up, say) is a one-line change in the method that owns it.
/// </summary>
public static class Attribution
{
    /// <summary>Name of the member with every varied factor held (the spin-up's drift; ≈ 0 at equilibrium).</summary>
    public const string AllHeld = "all_held";

    /// <summary>The factors in column order.</summary>
    public static IReadOnlyList<AttributionFactor> Factors { get; } =
    [
        new("co2", "CO2 at the spin-up CO2 in every simulated year",
            "the run's CO2 equals the spin-up CO2 in every year", VariesCo2, HoldCo2),
        new("ndep", "N deposition at the spin-up N deposition in every simulated year",
            "the run's N deposition equals the spin-up value in every year", VariesNDeposition, HoldNDeposition),
        new("stand_age", "no regrowth: woody stands start at their old-growth equilibrium (stand age 0, no clearing before the first year)",
            "the run starts from the old-growth equilibrium (spin-up stand age 0)", VariesStandAge, HoldStandAge),
        new("land_use", "the land-use map fixed at the first year (no allocation, no conversions)",
            "the run has no land-use change", VariesLandUse, HoldLandUse),
        new("climate", "the spin-up's weather",
            "not varied in this run (stationary weather: every simulated year cycles the same generated daily series the spin-up cycles)",
            VariesClimate, HoldClimate),
    ];

    /// <summary>[ppm] CO2 held at <see cref="RunSpec.SpinupCo2"/> in every simulated year and every history year (<see cref="RunSpec.HistoryCo2ByYear"/>).</summary>
    public static RunSpec HoldCo2(RunSpec s) => s with
    {
        Co2ByYear = Filled(s.YearCount, s.SpinupCo2),
        HistoryCo2ByYear = Filled(s.HistoryCo2ByYear.Length, s.SpinupCo2),
    };
    public static bool VariesCo2(RunSpec s) => s.Co2ByYear.Any(c => c != s.SpinupCo2) || s.HistoryCo2ByYear.Any(c => c != s.SpinupCo2);

    /// <summary>[kgN m-2 a-1] N deposition held at <see cref="RunSpec.SpinupNDeposition"/> in every simulated year and every history year.</summary>
    public static RunSpec HoldNDeposition(RunSpec s) => s with
    {
        NDepositionByYear = Filled(s.YearCount, s.SpinupNDeposition),
        HistoryNDepositionByYear = Filled(s.HistoryNDepositionByYear.Length, s.SpinupNDeposition),
    };
    public static bool VariesNDeposition(RunSpec s) =>
        s.NDepositionByYear.Any(n => n != s.SpinupNDeposition) || s.HistoryNDepositionByYear.Any(n => n != s.SpinupNDeposition);

    /// <summary>No stand-replacing disturbance before the first year: every stand starts at its old-growth equilibrium (stand age 0, and every forest age cohort column never cleared in the history).</summary>
    public static RunSpec HoldStandAge(RunSpec s) => s with
    {
        SpinupStandAgeYears = 0,
        Cells = s.Cells.ColumnClearingYear.Length == 0 ? s.Cells : s.Cells with { ColumnClearingYear = new int[s.Cells.ColumnClearingYear.Length] },
    };
    public static bool VariesStandAge(RunSpec s) => s.SpinupStandAgeYears != 0 || s.Cells.ColumnClearingYear.Any(y => y != 0);

    /// <summary>The first year's map kept: no allocation, no conversions (the cells' columns are the first year's).</summary>
    public static RunSpec HoldLandUse(RunSpec s) => s with { LandUse = null };
    public static bool VariesLandUse(RunSpec s) => s.LandUse is not null;

    /// <summary>
    /// The engine has no transient climate yet: year y of a run uses year (y − first year) mod n of the same daily series
    /// the spin-up cycles (<see cref="TileYear"/>), so holding the climate changes nothing. When a scenario can vary the
    /// climate, this pair says how to hold it.
    /// </summary>
    public static RunSpec HoldClimate(RunSpec s) => s;
    public static bool VariesClimate(RunSpec s) => false;

    /// <summary>
    /// The members for <paramref name="full"/>: one at a time, one per varied factor (in <see cref="Factors"/> order), then
    /// <see cref="AllHeld"/> with every varied factor held; Shapley, every non-empty subset of the varied factors held
    /// (2^n − 1 members: the single-factor ones first, named after their factor, pairs <c>co2+ndep</c>, …, all held last).
    /// Factors that do not vary get no member.
    /// </summary>
    public static AttributionMember[] Members(RunSpec full, AttributionMethod method = AttributionMethod.OneAtATime)
    {
        var varied = Factors.Where(f => f.Varies(full)).ToArray();
        if (method == AttributionMethod.Shapley && varied.Length > 1) // with one factor Shapley = one at a time: same members
        {
            // Every non-empty subset held, smallest first (the one-at-a-time members come first), all held last.
            int all = (1 << varied.Length) - 1;
            return Enumerable.Range(1, all).OrderBy(m => System.Numerics.BitOperations.PopCount((uint)m)).ThenBy(m => m)
                .Select(mask =>
                {
                    var held = varied.Where((_, i) => (mask >> i & 1) != 0).ToArray();
                    return new AttributionMember(MemberName(held.Select(f => f.Name).ToArray(), varied.Length), held.Aggregate(full, (spec, f) => f.Hold(spec)),
                        held.Select(f => f.Name).ToArray());
                }).ToArray();
        }
        var members = varied.Select(f => new AttributionMember(f.Name, f.Hold(full), [f.Name])).ToList();
        members.Add(new AttributionMember(AllHeld, varied.Aggregate(full, (spec, f) => f.Hold(spec)), varied.Select(f => f.Name).ToArray()));
        return [.. members];
    }

    /// <summary>The name of the member holding <paramref name="held"/> of <paramref name="variedCount"/> varied factors: <see cref="AllHeld"/>, or the names joined by '+'.</summary>
    public static string MemberName(IReadOnlyList<string> held, int variedCount) =>
        held.Count == variedCount ? AllHeld : string.Join("+", held);

    static double[] Filled(int count, double value) => Enumerable.Repeat(value, count).ToArray();
}
