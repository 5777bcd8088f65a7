using CarbonSim.Model;

namespace CarbonSim.Client.Output;

/// <summary>Output paths built from names (run ids, scenario names) stay inside the folder they are meant for.</summary>
public static class OutputPaths
{
    /// <summary>
    /// <paramref name="root"/>/<paramref name="name"/> as a full path, or <see cref="InvalidInputException"/> if it would
    /// leave <paramref name="root"/> (an absolute name, '..', a separator): the check behind every folder named by a run id.
    /// </summary>
    public static string Inside(string root, string name, string place)
    {
        string rootFull = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        string full = Path.GetFullPath(Path.Combine(rootFull, name));
        string parent = Path.GetDirectoryName(full) ?? "";
        if (!string.Equals(parent, rootFull, StringComparison.Ordinal) || Path.GetFileName(full) != name)
            throw new InvalidInputException("command line", place, name, $"a name that makes a folder directly inside {rootFull} ({Model.Safety.SimpleName.Rule})");
        return full;
    }
}
