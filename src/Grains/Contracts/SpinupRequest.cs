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
}

/// <summary>What a spin-up grain holds: whether it is computed, how often it computed (should be once).</summary>
[GenerateSerializer, Immutable, Alias("carbonsim.SpinupInfo")]
public sealed record SpinupInfo
{
    [Id(0)] public bool Done { get; init; }
    [Id(1)] public int ComputeCount { get; init; }
    [Id(2)] public int StateLength { get; init; }
}
