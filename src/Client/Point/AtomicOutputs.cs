namespace CarbonSim.Client.Point;

/// <summary>
/// A set of output files committed together: each is first written to a hidden temporary file in
/// its target folder; only when all are written are they renamed into place. If anything fails
/// before <see cref="Commit"/>, <see cref="Dispose"/> deletes the temporaries and no target is touched.
/// </summary>
public sealed class AtomicOutputs : IDisposable
{
    private readonly List<(string Temp, string Target)> _files = [];
    private bool _committed;

    /// <summary>Writes one file's content to a temporary next to <paramref name="targetPath"/>.</summary>
    public void Add(string targetPath, Action<Stream> write)
    {
        string target = Path.GetFullPath(targetPath);
        string dir = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(dir);
        string temp = Path.Combine(dir, $".{Path.GetFileName(target)}.{Environment.ProcessId}.{_files.Count}.tmp");
        _files.Add((temp, target));
        using var fs = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None);
        write(fs);
        fs.Flush(flushToDisk: true);
    }

    /// <summary>Writes text content (UTF-8, no BOM).</summary>
    public void AddText(string targetPath, Action<TextWriter> write) =>
        Add(targetPath, s =>
        {
            using var w = new StreamWriter(s, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true);
            write(w);
        });

    /// <summary>Target paths added so far.</summary>
    public IReadOnlyList<string> Targets => _files.Select(f => f.Target).ToList();

    /// <summary>Renames every temporary onto its target.</summary>
    public void Commit()
    {
        foreach (var (temp, target) in _files)
            File.Move(temp, target, overwrite: true);
        _committed = true;
    }

    public void Dispose()
    {
        if (_committed) return;
        foreach (var (temp, _) in _files)
        {
            try { if (File.Exists(temp)) File.Delete(temp); }
            catch (IOException) { /* best effort: nothing else to do */ }
        }
    }
}
