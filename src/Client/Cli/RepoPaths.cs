namespace CarbonSim.Client.Cli;

/// <summary>Finds the bundled files (scenarios/, data/) next to the program or in the repository it was built from.</summary>
public static class RepoPaths
{
    public const string DefaultScenario = "scenarios/jjj-baseline.yaml";

    /// <summary>The bundled default scenario: looked up from the working directory, then from the program's folder upwards.</summary>
    public static string FindDefaultScenario()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, DefaultScenario);
                if (File.Exists(candidate)) return candidate;
            }
        throw new FileNotFoundException($"the bundled scenario {DefaultScenario} was not found above {Directory.GetCurrentDirectory()} or {AppContext.BaseDirectory}");
    }
}
