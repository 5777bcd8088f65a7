namespace CarbonSim.Model.Tests.Io;

/// <summary>Locates the repository's data folder and makes scratch folders for malformed copies.</summary>
public static class TestData
{
    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CarbonSim.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("CarbonSim.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>data/reference/biomebgc/inputs</summary>
    public static string BgcInputs => Path.Combine(RepoRoot, "data", "reference", "biomebgc", "inputs");

    /// <summary>data/reference/biomebgc/expected</summary>
    public static string BgcExpected => Path.Combine(RepoRoot, "data", "reference", "biomebgc", "expected");

    /// <summary>A fresh empty temporary directory.</summary>
    public static string NewTempDir(string tag)
    {
        string d = Path.Combine(Path.GetTempPath(), "carbonsim-point-tests", tag + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(d);
        return d;
    }

    /// <summary>Replaces the first token of 1-based line <paramref name="line"/>.</summary>
    public static string ReplaceFirstToken(string text, int line, string newToken)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        string l = lines[line - 1];
        int start = l.Length - l.TrimStart().Length;
        int end = l.IndexOfAny([' ', '\t'], start);
        if (end < 0) end = l.Length;
        lines[line - 1] = l[..start] + newToken + l[end..];
        return string.Join("\n", lines);
    }

    /// <summary>Removes 1-based line <paramref name="line"/>.</summary>
    public static string RemoveLine(string text, int line)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n').ToList();
        lines.RemoveAt(line - 1);
        return string.Join("\n", lines);
    }

    /// <summary>1-based number of the first line whose first token is <paramref name="token"/>.</summary>
    public static int LineOf(string text, string token)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        for (int i = 0; i < lines.Length; i++)
            if (lines[i].TrimStart().StartsWith(token + " ") || lines[i].Trim() == token) return i + 1;
        throw new InvalidOperationException("token not found: " + token);
    }
}
