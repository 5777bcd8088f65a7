using CarbonSim.Model.Climate;
using CarbonSim.Model.Parameters;

namespace CarbonSim.Model.Engine;

/// <summary>Everything that determines an equilibrium state; its content hash is the spin-up grain's key.</summary>
public sealed record SpinupRequest
{
    public EcophysParameters Epc { get; init; } = null!;
    public SiteParameters Site { get; init; } = null!;
    public MetSeries Met { get; init; } = null!;
    /// <summary>[ppm] Constant CO2 during spin-up.</summary>
    public double Co2 { get; init; }
    /// <summary>[kgN m-2 a-1] Constant N deposition during spin-up.</summary>
    public double NDeposition { get; init; }
    /// <summary>Accelerated decomposition spin-up (true) or standard.</summary>
    public bool Accelerated { get; init; } = true;
    /// <summary>[a] Most simulated years before giving up on a steady state.</summary>
    public int MaxYears { get; init; } = 6000;
    /// <summary>[a] Woody stands are cleared this many years before the first simulated year and regrow (0 = none); see Model.Kernel.StandHistory.</summary>
    public int StandAgeYears { get; init; }
}

/// <summary>An equilibrium state and how it was reached.</summary>
public sealed record SpinupEquilibrium
{
    /// <summary>State vector in the kernel's layout.</summary>
    public double[] State { get; init; } = [];
    /// <summary>[a] Simulated years used.</summary>
    public int Years { get; init; }
    /// <summary>Whether the steady-state criterion was met before <see cref="SpinupRequest.MaxYears"/>.</summary>
    public bool Converged { get; init; }
}
