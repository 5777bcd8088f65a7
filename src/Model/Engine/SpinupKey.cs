using CarbonSim.Model.Region;

namespace CarbonSim.Model.Engine;

/// <summary>The content hash that names a spin-up: <see cref="SpinupKeys.Compute"/> over the request.</summary>
public static class SpinupKey
{
    public static string Of(SpinupRequest r) =>
        SpinupKeys.Compute(r.Epc, r.Site, r.Met, r.Co2, r.NDeposition, r.Accelerated, r.MaxYears, r.StandAgeYears);
}

/// <summary>Builds the spin-up request of a (vegetation, site, climate) combination of a run.</summary>
public static class SpinupRequests
{
    public static SpinupRequest For(RunSpec spec, SpinupCombo combo) => new()
    {
        Epc = spec.VegetationTypes[combo.Vegetation].Epc,
        Site = spec.Sites[combo.Site],
        Met = spec.Climates[combo.Climate],
        Co2 = spec.SpinupCo2,
        NDeposition = spec.SpinupNDeposition,
        Accelerated = spec.SpinupAccelerated,
        MaxYears = spec.SpinupMaxYears,
        StandAgeYears = spec.SpinupStandAgeYears,
    };
}
