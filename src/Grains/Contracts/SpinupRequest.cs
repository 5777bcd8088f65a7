using CarbonSim.Model.Climate;
using CarbonSim.Model.Parameters;

namespace CarbonSim.Grains.Contracts;

/// <summary>Everything that determines an equilibrium state; its content hash is the spin-up grain's key.</summary>
[GenerateSerializer, Immutable, Alias("carbonsim.SpinupRequest")]
public sealed record SpinupRequest
{
    [Id(0)] public EcophysParameters Epc { get; init; } = null!;
    [Id(1)] public SiteParameters Site { get; init; } = null!;
    [Id(2)] public MetSeries Met { get; init; } = null!;
    /// <summary>[ppm] Constant CO2 during spin-up.</summary>
    [Id(3)] public double Co2 { get; init; }
    /// <summary>[kgN m-2 a-1] Constant N deposition during spin-up.</summary>
    [Id(4)] public double NDeposition { get; init; }
    /// <summary>Accelerated decomposition spin-up (true) or standard.</summary>
    [Id(5)] public bool Accelerated { get; init; } = true;
    /// <summary>[a] Most simulated years before giving up on a steady state.</summary>
    [Id(6)] public int MaxYears { get; init; } = 6000;
    /// <summary>[a] Woody stands are cleared this many years before the first simulated year and regrow (0 = none); see Model.Kernel.StandHistory.</summary>
    [Id(7)] public int StandAgeYears { get; init; }
}

/// <summary>An equilibrium state and how it was reached.</summary>
[GenerateSerializer, Immutable, Alias("carbonsim.SpinupResult")]
public sealed record SpinupResult
{
    /// <summary>State vector in the kernel's layout.</summary>
    [Id(0)] public double[] State { get; init; } = [];
    /// <summary>[a] Simulated years used.</summary>
    [Id(1)] public int Years { get; init; }
    /// <summary>Whether the steady-state criterion was met before <see cref="SpinupRequest.MaxYears"/>.</summary>
    [Id(2)] public bool Converged { get; init; }
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
