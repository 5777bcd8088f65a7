namespace CarbonSim.Model.Safety;

/// <summary>
/// Names that become folder names (run ids, batch ids, scenario names): ASCII letters, digits, '-', '_' and '.',
/// 1–128 characters, not starting with '-' or '.', and no "..": never a path separator, never a way out of
/// the output folder. Every entry that takes such a name checks it here (docs/cluster.md "Limits").
/// </summary>
public static class SimpleName
{
    /// <summary>[characters] Longest accepted name.</summary>
    public const int MaxLength = 128;

    /// <summary>The rule, as error messages state it.</summary>
    public const string Rule = "a simple name of 1-128 ASCII letters, digits, '-', '_' or '.' (no '/', no '..', not starting with '-' or '.')";

    public static bool IsValid(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > MaxLength || name[0] is '-' or '.' || name.Contains("..", StringComparison.Ordinal)) return false;
        foreach (char c in name)
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')) return false;
        return true;
    }

    /// <summary>Returns <paramref name="name"/> if it is a simple name; otherwise throws <see cref="InvalidInputException"/> naming file and place.</summary>
    public static string Require(string? name, string file, string place) =>
        IsValid(name) ? name! : throw new InvalidInputException(file, place, Shown(name), Rule);

    /// <summary>The value as an error message may show it (control characters replaced, long values cut).</summary>
    static string Shown(string? name)
    {
        if (name is null) return "(none)";
        var s = new string(name.Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return s.Length > 60 ? s[..60] + "…" : s;
    }
}
