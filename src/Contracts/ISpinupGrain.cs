using CarbonSim.Model.Engine;

namespace CarbonSim.Contracts;

/// <summary>
/// One equilibrium state (key: content hash of the <see cref="SpinupRequest"/>, see
/// <c>SpinupKey.Of</c>), computed once and handed to every cell, tile and run that needs it.
/// </summary>
[Alias("carbonsim.ISpinupGrain")]
public interface ISpinupGrain : IGrainWithStringKey
{
    /// <summary>The equilibrium state vector (kernel layout). Computes it on the first call; later calls return the stored one.</summary>
    /// <remarks>A spin-up is thousands of simulated years (about a second on one core, much more on a
    /// busy machine), so its response timeout is long.</remarks>
    [Alias("GetEquilibrium"), ResponseTimeout("00:30:00")]
    Task<SpinupEquilibrium> GetEquilibrium(SpinupRequest request);

    [Alias("GetInfo")]
    Task<SpinupInfo> GetInfo();
}

/// <summary>What a spin-up grain holds: whether it is computed, how often it computed (should be once).</summary>
[GenerateSerializer, Immutable, Alias("carbonsim.SpinupInfo")]
public sealed record SpinupInfo
{
    [Id(0)] public bool Done { get; init; }
    [Id(1)] public int ComputeCount { get; init; }
    [Id(2)] public int StateLength { get; init; }
    [Id(3)] public int Years { get; init; }
    [Id(4)] public bool Converged { get; init; }
}
