using static CarbonSim.Model.Kernel.KernelConstants;

namespace CarbonSim.Model.Processes;

/// <summary>
/// Mineral N leaching (science notes §1 step 19): 0.1 × mineral N concentration in soil water ×
/// outflow, evaluated after the day's water and N updates.
/// </summary>
public static class Leaching
{
    /// <summary>[kgN m-2 d-1] Leached N given updated mineral N [kgN m-2], soil water [kg m-2] and outflow [kg m-2 d-1].</summary>
    public static double Compute(double mineralN, double soilWater, double outflow)
    {
        if (outflow == 0.0 || soilWater <= 0.0) return 0.0;
        return MobileNFraction * mineralN / soilWater * outflow;
    }
}
