namespace CarbonSim.Model.Engine;

/// <summary>
/// An exact, order-independent sum of carbon amounts: every addend is rounded once to a whole
/// number of <see cref="QuantumKg"/> and added as a 128-bit integer, so partial sums can be
/// combined in any grouping (1×1 or 32×32 tiles, any message order) and give the same bits.
/// The rounding (1 mg C per addend) is far below what the process model can resolve.
/// </summary>
public readonly struct FixedSum : IEquatable<FixedSum>
{
    /// <summary>[kgC] Size of one integer step: 1e-6 kg = 1 mg.</summary>
    public const double QuantumKg = 1e-6;
    const double StepsPerKg = 1e6;

    /// <summary>High and low 64 bits of the two's-complement count of quanta.</summary>
    public readonly long Upper;
    public readonly ulong Lower;

    public FixedSum(long upper, ulong lower) { Upper = upper; Lower = lower; }

    static FixedSum Of(Int128 steps) => new((long)(steps >> 64), (ulong)(steps & ulong.MaxValue));

    Int128 Steps => ((Int128)Upper << 64) | Lower;

    /// <summary>The amount <paramref name="kg"/> [kgC] rounded to the nearest quantum (ties to even).</summary>
    public static FixedSum FromKg(double kg)
    {
        if (!double.IsFinite(kg))
            throw new ArgumentOutOfRangeException(nameof(kg), kg, "carbon amount must be finite");
        return Of((Int128)Math.Round(kg * StepsPerKg, MidpointRounding.ToEven));
    }

    public static FixedSum operator +(FixedSum a, FixedSum b) => Of(a.Steps + b.Steps);
    /// <summary>The exact difference (used by the sink attribution: full run − a member).</summary>
    public static FixedSum operator -(FixedSum a, FixedSum b) => Of(a.Steps - b.Steps);
    public static FixedSum operator -(FixedSum a) => Of(-a.Steps);

    /// <summary>[kgC] The sum as a double (one rounding).</summary>
    public double ToKg() => (double)Steps / StepsPerKg;

    public static FixedSum Zero => default;

    public bool Equals(FixedSum other) => Upper == other.Upper && Lower == other.Lower;
    public override bool Equals(object? obj) => obj is FixedSum f && Equals(f);
    public override int GetHashCode() => HashCode.Combine(Upper, Lower);
    public static bool operator ==(FixedSum a, FixedSum b) => a.Equals(b);
    public static bool operator !=(FixedSum a, FixedSum b) => !a.Equals(b);
    public override string ToString() => $"{ToKg():R} kg";
}
