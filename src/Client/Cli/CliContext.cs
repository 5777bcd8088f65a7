using CarbonSim.Client.Point;

namespace CarbonSim.Client.Cli;

/// <summary>What a <c>carbonsim</c> invocation writes to and runs with (tests pass their own).</summary>
public sealed class CliContext
{
    public TextWriter Out { get; init; } = Console.Out;
    public TextWriter Error { get; init; } = Console.Error;
    /// <summary>The folder <c>point</c> resolves its ini paths against (BIOME-BGC: the current directory).</summary>
    public string WorkingDirectory { get; init; } = Directory.GetCurrentDirectory();
    /// <summary>The point-mode kernel and readers; null result = not wired into this build.</summary>
    public Func<PointBackend?> PointBackend { get; init; } = PointBackends.Default;
    /// <summary>Draw a progress bar on standard error during <c>run</c>.</summary>
    public bool Progress { get; init; } = true;
}
