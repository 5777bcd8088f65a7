using CarbonSim.Model.Kernel;

namespace CarbonSim.Model.Processes;

/// <summary>
/// Precipitation routing (science notes §1 step 6): rain if Tavg &gt; 0 °C, else snow; canopy
/// interception = coefficient × precipitation × all-sided LAI, capped at the precipitation.
/// </summary>
public static class Precipitation
{
    public static void Route(in DayVars d, double interceptionCoefficient, ref DailyFluxes f)
    {
        double prcp = d.Prcp;
        if (prcp == 0.0) return;
        if (d.Tavg > 0.0)
        {
            double maxInterception = interceptionCoefficient * prcp * d.AllSidedLai;
            if (prcp <= maxInterception) { f.PrcpToCanopy = prcp; f.PrcpToSoil = 0.0; }
            else { f.PrcpToCanopy = maxInterception; f.PrcpToSoil = prcp - maxInterception; }
        }
        else f.PrcpToSnow = prcp;
    }
}
