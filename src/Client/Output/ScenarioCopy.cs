using YamlDotNet.RepresentationModel;

namespace CarbonSim.Client.Output;

/// <summary>
/// <c>scenario.yaml</c> in a run folder: the scenario file the run came from, byte for byte except that every value
/// naming an input file (a scalar that, read relative to the scenario's folder, is an existing file) is rewritten
/// relative to the run folder, so <c>carbonsim run &lt;out&gt;/scenario.yaml</c> reads the same inputs and reproduces
/// the run (while the inputs stay where they were; the manifest holds their SHA-256 under the same relative paths).
/// Comments, order and layout are kept.
/// </summary>
public static class ScenarioCopy
{
    /// <summary>File name inside the run folder.</summary>
    public const string FileName = "scenario.yaml";

    /// <summary>
    /// Writes the copy into <paramref name="dir"/>. Paths are made relative to <paramref name="dir"/>: the writer builds
    /// the folder as a sibling of its final name (<see cref="AtomicDirectory"/>), so they hold after the rename.
    /// </summary>
    /// <param name="overrides">Values the run used in place of the file's, by key path (e.g. <c>grid.resolution_km</c> after <c>--resolution</c>); each must be a scalar the file holds.</param>
    public static string Write(string scenarioPath, string dir, IReadOnlyDictionary<string, string>? overrides = null)
    {
        var source = Path.GetFullPath(scenarioPath);
        var text = File.ReadAllText(source);
        var scenarioDir = Path.GetDirectoryName(source)!;
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        var edits = new List<(int Start, int End, string Value)>();
        var overridden = new HashSet<YamlNode>();
        foreach (var (keyPath, value) in overrides ?? new Dictionary<string, string>())
        {
            YamlNode? at = stream.Documents[0].RootNode;
            foreach (var key in keyPath.Split('.'))
                at = at is YamlMappingNode mm && mm.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;
            if (at is not YamlScalarNode target)
                throw new InvalidOperationException($"{source}: {keyPath} is not a scalar in the scenario; its copy could not reproduce the run");
            if (target.Value != value) edits.Add(((int)target.Start.Index, (int)target.End.Index, value));
            overridden.Add(target);
        }
        void Visit(YamlNode node)
        {
            if (overridden.Contains(node)) return;
            switch (node)
            {
                case YamlMappingNode m: foreach (var (_, v) in m.Children) Visit(v); break;
                case YamlSequenceNode s: foreach (var v in s.Children) Visit(v); break;
                case YamlScalarNode sc when sc.Value is { Length: > 0 } v && InputFile(scenarioDir, v) is { } full:
                    var rel = Path.GetRelativePath(Path.GetFullPath(dir), full).Replace('\\', '/');
                    edits.Add(((int)sc.Start.Index, (int)sc.End.Index, "\"" + rel.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\""));
                    break;
            }
        }
        foreach (var doc in stream.Documents) Visit(doc.RootNode);
        var sb = new System.Text.StringBuilder(text);
        foreach (var (start, end, value) in edits.OrderByDescending(e => e.Start))
            sb.Remove(start, end - start).Insert(start, value);
        var header = $"# Copy of {Path.GetFileName(source)} (sha256 {Manifest.Sha256(source)}) written by carbonsim run; input paths rewritten relative to this folder.\n";
        File.WriteAllText(Path.Combine(dir, FileName), header + sb, Csv.Utf8NoBom);
        return FileName;
    }

    /// <summary>The full path of the existing regular file a scalar names relative to the scenario's folder, else null.</summary>
    private static string? InputFile(string scenarioDir, string value)
    {
        if (value.IndexOfAny(Path.GetInvalidPathChars()) >= 0 || value.Contains('\n')) return null;
        string full;
        try { full = Path.GetFullPath(Path.Combine(scenarioDir, value)); }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException) { return null; }
        return File.Exists(full) ? full : null;
    }
}
