namespace CarbonSim.Cluster.Tests;

/// <summary>Copies of the bundled scenarios for tests: data paths made absolute, renamed, cut to fewer years, edited.</summary>
internal static class ScenarioFiles
{
    /// <summary>Writes <c>scenarios/{bundled}.yaml</c> as <c>{dir}/{name}.yaml</c> named <paramref name="name"/>, ending in <paramref name="lastYear"/>; returns its path.</summary>
    public static string Write(string dir, string bundled, string name, int lastYear, Func<string, string>? edit = null)
    {
        string data = Path.Combine(Paths.RepoRoot, "data").Replace('\\', '/');
        string original = File.ReadAllText(Path.Combine(Paths.RepoRoot, "scenarios", bundled + ".yaml"));
        string text = original
            .Replace("../data/", data + "/")
            .Replace($"name: {bundled}", $"name: {name}")
            .Replace("  end: 2060", $"  end: {lastYear}")
            .Replace("raster_years: [2020, 2030, 2040, 2050, 2060]", $"raster_years: [2020, {lastYear}]");
        if (edit is not null)
        {
            string edited = edit(text);
            Assert.NotEqual(text, edited);   // the edit found what it replaces
            text = edited;
        }
        Assert.Contains($"end: {lastYear}", text);
        string path = Path.Combine(dir, name + ".yaml");
        File.WriteAllText(path, text);
        return path;
    }
}
