namespace CarbonSim.Client.Point;

/// <summary>The production backend of the point verb.</summary>
public static class PointBackends
{
    /// <summary>
    /// The kernel-backed backend, or null while the process kernel is not wired in
    /// (then the verb reports that and exits non-zero).
    /// </summary>
    public static PointBackend? Default() => null;
}
