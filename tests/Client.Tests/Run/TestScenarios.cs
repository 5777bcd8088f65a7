namespace CarbonSim.Client.Tests.Run;

/// <summary>Scratch folders and edited copies of the bundled scenarios for in-process run tests.</summary>
internal static class TestScenarios
{
    public static string Root { get; } = FindRoot();

    static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CarbonSim.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("CarbonSim.sln not found");
    }

    /// <summary>A new empty folder under the temp directory.</summary>
    public static string Scratch(string area = "carbonsim-run-tests")
    {
        var dir = Path.Combine(Path.GetTempPath(), area, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>The bundled scenario <paramref name="name"/> with absolute data paths and the years cut to <paramref name="lastYear"/>, edited by <paramref name="edit"/>, written to a scratch folder.</summary>
    public static string Write(string name, int lastYear, Func<string, string>? edit = null, string file = "s.yaml")
    {
        var text = File.ReadAllText(Path.Combine(Root, "scenarios", name + ".yaml"))
            .Replace("../data/", Path.Combine(Root, "data") + "/")
            .Replace("end: 2060", $"end: {lastYear}")
            .Replace("raster_years: [2020, 2030, 2040, 2050, 2060]", $"raster_years: [2020, {lastYear}]");
        var path = Path.Combine(Scratch(), file);
        File.WriteAllText(path, edit is null ? text : edit(text));
        return path;
    }
}
