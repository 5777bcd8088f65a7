using CarbonSim.Model.Kernel;
using static CarbonSim.Model.Kernel.KernelConstants;

namespace CarbonSim.Model.Processes;

/// <summary>
/// Snowmelt and sublimation (Coughlan 1991; science notes §1 step 7): above 0 °C melt =
/// 0.65 Tavg + absorbed transmitted radiation / latent heat of fusion; otherwise the radiation
/// sublimates snow. Both capped by the snowpack.
/// </summary>
public static class Snow
{
    public static void Compute(in DayVars d, double snowWater, ref DailyFluxes f)
    {
        if (snowWater <= 0.0) return;
        double rn = d.SwTransmitted * d.DayLength * SnowAbsorptivity * 0.001; // [kJ m-2 d-1]
        if (d.Tavg > 0.0)
        {
            double melt = SnowMeltPerDegree * d.Tavg + rn / LatentHeatFusion;
            f.SnowToSoil = Math.Min(melt, snowWater);
        }
        else
        {
            f.SnowSublimation = Math.Min(rn / LatentHeatSublimation, snowWater);
        }
    }
}
