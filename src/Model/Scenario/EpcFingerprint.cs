using System.Collections.Immutable;
using System.Globalization;

namespace CarbonSim.Model.Scenarios;

/// <summary>
/// Reads the numeric content of a BIOME-BGC .epc file (science notes §1.3): line 1 starts with ECOPHYS,
/// lines 2–44 each start with a number. Used to check the file early and to key spin-ups by the values
/// (so that re-formatting or re-commenting an .epc does not change its key). Parsing into named
/// parameters is the kernel's EpcReader's job.
/// </summary>
public static class EpcFingerprint
{
    /// <summary>Number of numeric lines after the ECOPHYS line.</summary>
    public const int ValueCount = 43;

    public static ImmutableArray<double> ReadValues(string path)
    {
        if (!File.Exists(path)) throw new InvalidInputException(path, "file", path, "an existing BIOME-BGC .epc file");
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0 || !lines[0].TrimStart().StartsWith("ECOPHYS", StringComparison.Ordinal))
            throw new InvalidInputException(path, "line 1", lines.Length == 0 ? "" : Trunc(lines[0]), "the keyword ECOPHYS");
        var values = ImmutableArray.CreateBuilder<double>(ValueCount);
        for (int i = 1; i <= ValueCount; i++)
        {
            if (i >= lines.Length)
                throw new InvalidInputException(path, $"line {i + 1}", "end of file", $"{ValueCount + 1} lines (ECOPHYS + {ValueCount} values)");
            var token = FirstToken(lines[i]);
            if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
                throw new InvalidInputException(path, $"line {i + 1}", Trunc(token), "a number as the first token");
            values.Add(v);
        }
        return values.MoveToImmutable();
    }

    private static string FirstToken(string line)
    {
        var t = line.Trim();
        int k = 0;
        while (k < t.Length && !char.IsWhiteSpace(t[k])) k++;
        return t[..k];
    }

    private static string Trunc(string s) => s.Length > 40 ? s[..40] + "…" : s;
}
