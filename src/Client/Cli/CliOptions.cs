using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using CarbonSim.Model;

namespace CarbonSim.Client.Cli;

/// <summary>
/// The one option vocabulary of <c>carbonsim</c>: options that mean the same thing in several verbs are
/// made here, so their names, value checks and help lines agree everywhere.
/// </summary>
public static class CliOptions
{
    /// <summary>The <c>--out</c> rule, stated once (README, <c>carbonsim --help</c>).</summary>
    public const string OutRule =
        "--out <dir> is always the folder the verb writes into (created; it must not exist or must be empty, " +
        "unless --overwrite is given). Without --out, a verb writes a new folder under ./out.";

    /// <summary><c>--out</c>, <c>-o</c>: the folder this verb writes into; <paramref name="default"/> says what happens without it.</summary>
    public static Option<string?> Out(string @default) => new("--out", "-o")
    {
        Description = $"the folder to write into (must not exist or be empty, unless --overwrite); default: {@default}",
        HelpName = "dir",
    };

    /// <summary><c>--overwrite</c>: replace the <c>--out</c> folder if it exists.</summary>
    public static Option<bool> Overwrite() => new("--overwrite") { Description = "replace the output folder if it already exists" };

    public static Option<bool> NoCharts() => new("--no-charts") { Description = "skip the PNG charts (faster)" };

    public static Option<int?> TileSize() => new("--tile-size")
    {
        Description = "tile edge in cells, overriding the scenario's (1 = one grain per cell)",
        HelpName = "n",
        CustomParser = r => ParseWhole(r, "--tile-size", 1),
    };

    public static Option<double?> Resolution() => new("--resolution")
    {
        Description = "grid cell edge in km, overriding the scenario's (e.g. 10, 5, 1)",
        HelpName = "km",
        CustomParser = r => ParsePositive(r, "--resolution", "a positive number of km"),
    };

    /// <summary><c>--max-cells</c>: raise (or lower) the run-size guard's cell limit.</summary>
    public static Option<long?> MaxCells() => new("--max-cells")
    {
        Description = $"refuse runs with more land cells than this (default {Model.Safety.ResourceLimits.DefaultMaxCells:N0}); the estimate is checked before anything is allocated",
        HelpName = "n",
        CustomParser = r =>
        {
            string text = r.Tokens.Count > 0 ? r.Tokens[0].Value : "";
            if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long n) && n >= 1) return n;
            r.AddError($"--max-cells: got '{text}', expected a whole number ≥ 1");
            return null;
        },
    };

    /// <summary><c>--max-memory</c>: the run-size guard's memory limit [GB].</summary>
    public static Option<double?> MaxMemory() => new("--max-memory")
    {
        Description = $"refuse runs whose estimated memory exceeds this many GB (default {Model.Safety.ResourceLimits.DefaultMaxMemoryBytes / 1e9:0.#})",
        HelpName = "GB",
        CustomParser = r => ParsePositive(r, "--max-memory", "a positive number of GB"),
    };

    /// <summary>A whole number ≥ <paramref name="min"/>; otherwise the parse error "<c>name: got 'x', expected …</c>".</summary>
    public static int? ParseWhole(ArgumentResult r, string name, int min)
    {
        string text = r.Tokens.Count > 0 ? r.Tokens[0].Value : "";
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int n) && n >= min) return n;
        r.AddError($"{name}: got '{text}', expected a whole number ≥ {min}");
        return null;
    }

    /// <summary>A finite number &gt; 0; otherwise the parse error "<c>name: got 'x', expected …</c>".</summary>
    public static double ParsePositive(ArgumentResult r, string name, string expected)
    {
        string text = r.Tokens.Count > 0 ? r.Tokens[0].Value : "";
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && v > 0 && double.IsFinite(v)) return v;
        r.AddError($"{name}: got '{text}', expected {expected}");
        return 0;
    }

    /// <summary>The file that marks a folder as written by carbonsim (every run, landuse and compare folder has it).</summary>
    public const string OwnMarker = "manifest.json";

    /// <summary>
    /// Checks an output folder named on the command line before any work: it may be new or empty; if it holds
    /// anything, only with <paramref name="overwrite"/>, and only if carbonsim wrote it: it holds one of
    /// <paramref name="markers"/> (default <see cref="OwnMarker"/>), so --overwrite never deletes a folder of someone
    /// else's. Returns whether the writer may replace it.
    /// </summary>
    public static bool CheckOutFolder(string dir, bool overwrite, params string[] markers)
    {
        if (File.Exists(dir))
            throw new InvalidInputException("command line", "--out", dir, "a folder (a file of that name exists)");
        if (!Directory.Exists(dir)) return overwrite;
        if (!Directory.EnumerateFileSystemEntries(dir).Any()) return true;
        if (!overwrite)
            throw new InvalidInputException("command line", "--out", dir, "a folder that does not exist yet or is empty (or add --overwrite to replace it)");
        if (markers.Length == 0) markers = [OwnMarker];
        if (!markers.Any(m => File.Exists(Path.Combine(dir, m))))
            throw new InvalidInputException("command line", "--out", dir,
                $"with --overwrite, a folder carbonsim wrote (it holds {string.Join(" or ", markers)}); this one does not, so it is left alone: choose a new or empty folder");
        return true;
    }
}
