using CarbonSim.Model.Tests.Reference;

namespace CarbonSim.Model.Tests.Management;

/// <summary>Scenario and CSV edits shared by the management tests (urban green, forest harvest).</summary>
static class ManagementFiles
{
    /// <summary>Edits a scenario text: its <c>management.{key}</c> line names <paramref name="csv"/>, or is removed (null).</summary>
    public static Func<string, string> WithKey(string key, string? csv) => text =>
    {
        var lines = text.Split('\n').Where(l => !l.TrimStart().StartsWith(key + ":", StringComparison.Ordinal)).ToList();
        int at = lines.FindIndex(l => l.TrimStart().StartsWith("crop_calendar:", StringComparison.Ordinal));
        if (csv is not null) lines.Insert(at + 1, $"  {key}: {csv}");
        return string.Join('\n', lines);
    };

    /// <summary>A scratch copy of data/management/<paramref name="file"/> with the first <paramref name="from"/> replaced by <paramref name="to"/>.</summary>
    public static string EditedCopy(string file, string from, string to)
    {
        string csv = File.ReadAllText(Path.Combine(ReferenceData.RepoRoot, "data", "management", file));
        Assert.Contains(from, csv);
        var dir = Path.Combine(Path.GetTempPath(), "carbonsim-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var bad = Path.Combine(dir, file);
        int at = csv.IndexOf(from, StringComparison.Ordinal);
        File.WriteAllText(bad, csv[..at] + to + csv[(at + from.Length)..]);
        return bad;
    }
}
