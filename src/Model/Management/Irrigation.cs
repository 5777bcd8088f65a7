using CarbonSim.Model.Kernel;

namespace CarbonSim.Model.Management;

/// <summary>
/// Irrigation (issue #11): a scheduled event adds its amount to soil water at the start of the day
/// unless the soil is already wet, i.e. soil water ≥ trigger × field-capacity water (farmers skip
/// an irrigation after rain). Water above field capacity drains by the model's outflow rule.
/// Fluxes only.
/// </summary>
public static class Irrigation
{
    /// <summary>
    /// Sets the irrigation flux [kg m-2 d-1]: <paramref name="scheduled"/> if
    /// <paramref name="soilWater"/> &lt; <paramref name="trigger"/> × <paramref name="fieldCapacityWater"/>, else 0.
    /// </summary>
    public static void Compute(double scheduled, double soilWater, double fieldCapacityWater, double trigger, ref DailyFluxes f)
        => f.IrrigationToSoilWater = scheduled > 0.0 && soilWater < trigger * fieldCapacityWater ? scheduled : 0.0;
}
