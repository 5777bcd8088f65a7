using System.Globalization;

namespace CarbonSim.Model.Accounting;

/// <summary>How the year's compensation amounts are set and matched (docs/accounting.md §3).</summary>
public enum CompensationScheme
{
    /// <summary>V_i = P·k_i·(S̄_i − Ē_i·ΣS̄/ΣĒ): a city pays when its share of the emissions exceeds its share of the sink; zero-sum.</summary>
    RelativeBudget,
    /// <summary>V_i = P·k_i·(S̄_i − Ē_i): deficits matched to surpluses; no receiver gets more than its entitlement; the rest is reported unmatched.</summary>
    SurplusDeficit,
    /// <summary>Relative-budget values, but only payment-zone cities pay and only receiving-zone cities receive (pro rata).</summary>
    Zoned,
}

/// <summary>
/// The settings of a compensation scheme: which scheme, the smoothing window, the zoning thresholds and their
/// hysteresis band, and the currency label. Immutable; passed to <see cref="Compensation.Close"/>.
/// </summary>
public sealed record CompensationSettings
{
    /// <summary>Scheme names as the scenario and the CLI spell them.</summary>
    public static readonly IReadOnlyList<string> SchemeNames = ["relative_budget", "surplus_deficit", "zoned"];

    public CompensationScheme Scheme { get; init; } = CompensationScheme.RelativeBudget;
    /// <summary>[a] Sinks and emissions are averaged over this many years ending with the year (fewer at the start of a run); 1 = no smoothing.</summary>
    public int WindowYears { get; init; } = 5;
    /// <summary>[-] ESC threshold: ESC below it is the "pays" side of the zoning.</summary>
    public double EscThreshold { get; init; } = 1.0;
    /// <summary>[-] ECC threshold: ECC at or above it is the "pays" side of the zoning.</summary>
    public double EccThreshold { get; init; } = 1.0;
    /// <summary>[-] Hysteresis band on both thresholds: a city leaves its zone only when it is in another zone by this margin (0 = none).</summary>
    public double HysteresisBand { get; init; } = 0.4;
    /// <summary>Currency of prices and amounts (a label; the amounts are price × t CO2).</summary>
    public string Currency { get; init; } = "RMB";

    public string SchemeName => Name(Scheme);

    public static string Name(CompensationScheme s) => SchemeNames[(int)s];

    /// <summary>The scheme named <paramref name="name"/>, or an error naming <paramref name="source"/> and <paramref name="place"/>.</summary>
    public static CompensationScheme ParseScheme(string name, string source, string place)
    {
        int i = SchemeNames.ToList().IndexOf(name);
        return i >= 0 ? (CompensationScheme)i
            : throw new InvalidInputException(source, place, name, "one of " + string.Join(", ", SchemeNames));
    }

    /// <summary>Throws naming <paramref name="source"/> if a setting is out of range.</summary>
    public CompensationSettings Checked(string source)
    {
        if (WindowYears < 1) throw new InvalidInputException(source, "window_years", WindowYears.ToString(CultureInfo.InvariantCulture), "a smoothing window of at least 1 year");
        if (!(EscThreshold > 0) || !double.IsFinite(EscThreshold)) throw new InvalidInputException(source, "esc_threshold", EscThreshold.ToString("R", CultureInfo.InvariantCulture), "a finite ESC threshold > 0");
        if (!(EccThreshold > 0) || !double.IsFinite(EccThreshold)) throw new InvalidInputException(source, "ecc_threshold", EccThreshold.ToString("R", CultureInfo.InvariantCulture), "a finite ECC threshold > 0");
        if (!(HysteresisBand >= 0) || !double.IsFinite(HysteresisBand)) throw new InvalidInputException(source, "hysteresis", HysteresisBand.ToString("R", CultureInfo.InvariantCulture), "a finite band >= 0");
        if (string.IsNullOrWhiteSpace(Currency) || Currency.Any(ch => ch is ',' or '"' or '\n' or '\r'))
            throw new InvalidInputException(source, "currency", Currency, "a currency label without commas or quotes (e.g. RMB)");
        return this;
    }

    /// <summary>
    /// The zone by crossing ESC and ECC against the thresholds, shifted by <paramref name="margin"/> against
    /// the zone (margin &gt; 0: only cities that are in it by that margin): Payment when ESC &lt; t_ESC − m and
    /// ECC ≥ t_ECC + m; Receiving when ESC ≥ t_ESC + m and ECC &lt; t_ECC − m.
    /// </summary>
    public bool IsIn(CompensationZone zone, double esc, double ecc, double margin) => zone switch
    {
        CompensationZone.Payment => esc < EscThreshold - margin && ecc >= EccThreshold + margin,
        CompensationZone.Receiving => esc >= EscThreshold + margin && ecc < EccThreshold - margin,
        _ => !IsIn(CompensationZone.Payment, esc, ecc, -margin) && !IsIn(CompensationZone.Receiving, esc, ecc, -margin),
    };

    /// <summary>
    /// The zone with hysteresis: the plain zone (margin 0), except that a city whose zone last year was
    /// <paramref name="previous"/> moves to another zone only if it is in that zone by the band.
    /// </summary>
    public CompensationZone Zone(double esc, double ecc, CompensationZone? previous)
    {
        var plain = IsIn(CompensationZone.Payment, esc, ecc, 0) ? CompensationZone.Payment
            : IsIn(CompensationZone.Receiving, esc, ecc, 0) ? CompensationZone.Receiving
            : CompensationZone.Balance;
        if (previous is not { } p || p == plain || HysteresisBand == 0) return plain;
        return IsIn(plain, esc, ecc, HysteresisBand) ? plain : p;
    }
}
