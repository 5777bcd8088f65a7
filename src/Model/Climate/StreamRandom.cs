using System.Text;

namespace CarbonSim.Model.Climate;

/// <summary>
/// A small deterministic random stream (SplitMix64; Steele, Lea and Flood 2014, "Fast splittable
/// pseudorandom number generators", OOPSLA). Streams are derived, never shared: the state is a hash of
/// a root seed and the stream's coordinates (e.g. zone and year), so results do not depend on the
/// order in which streams are used. A mutable value held by one caller; never static.
/// </summary>
public struct StreamRandom
{
    private ulong _state;

    public StreamRandom(ulong state) { _state = state; }

    /// <summary>A stream for (seed, key, index): e.g. (weather seed, zone key, year).</summary>
    public static StreamRandom For(long seed, string key, long index)
        => new(Mix(Mix((ulong)seed) ^ Mix(Fnv1a(key) + 0x9E3779B97F4A7C15UL) ^ Mix((ulong)index * 0xD1B54A32D192ED03UL + 0x632BE59BD9B4E019UL)));

    /// <summary>SplitMix64 finaliser: a bijective 64-bit mix.</summary>
    public static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>FNV-1a 64-bit hash of the UTF-8 bytes of a text (stable across runs and machines).</summary>
    public static ulong Fnv1a(string text)
    {
        ulong h = 0xCBF29CE484222325UL;
        foreach (var b in Encoding.UTF8.GetBytes(text)) { h ^= b; h *= 0x100000001B3UL; }
        return h;
    }

    public ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        ulong z = _state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Standard normal deviate (Box–Muller, one of the pair used).</summary>
    public double NextGaussian()
    {
        double u1 = 1.0 - NextDouble(); // (0, 1]
        double u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Exponential deviate with the given mean.</summary>
    public double NextExponential(double mean) => -mean * Math.Log(1.0 - NextDouble());
}
