using System.Diagnostics;

namespace CarbonSim.Client.Cli;

/// <summary>
/// A one-line progress bar with elapsed time and ETA on standard error. On a terminal it redraws
/// in place; when standard error is redirected it prints a line at each 10% step instead.
/// </summary>
public sealed class ProgressBar(TextWriter output, bool interactive)
{
    const int Width = 30;
    readonly Stopwatch _phaseClock = new();
    string _phase = "";
    int _lastDecile = -1;
    bool _lineOpen;

    public static ProgressBar ForStandardError() => new(Console.Error, !Console.IsErrorRedirected);

    /// <summary>Shows <paramref name="done"/> of <paramref name="total"/> for a named phase; a new phase name restarts the ETA clock.</summary>
    public void Report(string phase, int done, int total, string detail = "")
    {
        if (phase != _phase)
        {
            if (_lineOpen) output.WriteLine();
            _lineOpen = false;
            _phase = phase;
            _lastDecile = -1;
            _phaseClock.Restart();
        }
        double fraction = total > 0 ? Math.Clamp((double)done / total, 0, 1) : 0;
        var elapsed = _phaseClock.Elapsed;
        string eta = done > 0 && done < total
            ? Format(TimeSpan.FromSeconds(elapsed.TotalSeconds * (total - done) / done))
            : "--:--";
        int filled = (int)Math.Round(fraction * Width);
        string line = $"{phase,-9} [{new string('#', filled)}{new string('.', Width - filled)}] {done,5}/{total,-5} {fraction,4:P0}  {Format(elapsed)} elapsed, ETA {eta} {detail}";
        if (interactive)
        {
            output.Write("\r" + line.PadRight(Console.IsErrorRedirected ? 0 : Math.Max(0, SafeWidth() - 1)));
            _lineOpen = true;
        }
        else
        {
            int decile = (int)(fraction * 10);
            if (decile != _lastDecile) { output.WriteLine(line.TrimEnd()); _lastDecile = decile; }
        }
    }

    /// <summary>Ends the current line.</summary>
    public void Finish()
    {
        if (_lineOpen) output.WriteLine();
        _lineOpen = false;
    }

    static string Format(TimeSpan t) => t.TotalHours >= 1 ? t.ToString(@"h\:mm\:ss") : t.ToString(@"mm\:ss");

    static int SafeWidth()
    {
        try { return Console.WindowWidth; } catch (IOException) { return 100; }
    }
}
