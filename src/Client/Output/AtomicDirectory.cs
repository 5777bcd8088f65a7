namespace CarbonSim.Client.Output;

/// <summary>
/// Builds a folder under a temporary name (<c>&lt;dir&gt;.partial-&lt;8 hex&gt;</c>) and renames it into
/// place only when the build returns; on any exception the partial folder is deleted and the
/// exception rethrown, so a folder with the final name is always complete.
/// </summary>
public static class AtomicDirectory
{
    /// <summary>Runs <paramref name="build"/> on a fresh partial folder and moves it to <paramref name="dir"/>.</summary>
    /// <exception cref="IOException"><paramref name="dir"/> exists and <paramref name="overwrite"/> is false.</exception>
    public static (string FullPath, T Result) Write<T>(string dir, bool overwrite, Func<string, T> build)
    {
        string full = Path.GetFullPath(dir.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
        if (Directory.Exists(full) && !overwrite)
            throw new IOException($"{full}: output folder exists; choose another or pass overwrite");
        if (File.Exists(full))
            throw new IOException($"{full}: a file of that name exists");
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        // The suffix only names a temporary folder; it never reaches any output.
        string partial = $"{full}.partial-{Guid.NewGuid():N}"[..(full.Length + 17)];
        Directory.CreateDirectory(partial);
        try
        {
            var result = build(partial);
            if (Directory.Exists(full))
            {
                string old = $"{full}.old-{Guid.NewGuid():N}"[..(full.Length + 13)];
                Directory.Move(full, old);
                Directory.Move(partial, full);
                Directory.Delete(old, recursive: true);
            }
            else Directory.Move(partial, full);
            return (full, result);
        }
        catch
        {
            try { if (Directory.Exists(partial)) Directory.Delete(partial, recursive: true); }
            catch (IOException) { /* best effort: the name still says partial */ }
            throw;
        }
    }
}
