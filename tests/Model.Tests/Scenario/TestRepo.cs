namespace CarbonSim.Model.Tests.Scenario;

/// <summary>Locates the repository (the folder holding CarbonSim.sln) and makes scratch scenario folders.</summary>
internal static class TestRepo
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CarbonSim.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("CarbonSim.sln not found above " + AppContext.BaseDirectory);
    }

    public static string Baseline => Path.Combine(Root, "scenarios", "jjj-baseline.yaml");

    /// <summary>A fresh folder under the system temp directory, holding a copy of the baseline scenario whose
    /// relative paths are rewritten to absolute paths into the repository.</summary>
    public static string ScratchScenario(Func<string, string>? edit = null, string name = "scenario.yaml")
    {
        var dir = Path.Combine(Path.GetTempPath(), "carbonsim-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var text = File.ReadAllText(Baseline).Replace("../data/", Path.Combine(Root, "data") + "/");
        if (edit is not null) text = edit(text);
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, text);
        return path;
    }
}
