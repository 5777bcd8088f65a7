using CarbonSim.Model.Kernel;
using static CarbonSim.Model.Kernel.KernelConstants;

namespace CarbonSim.Model.Processes;

/// <summary>
/// Bare-soil evaporation (science notes §1 step 7), only without snow: Penman–Monteith potential
/// with a fixed 107 s m-1 resistance and the radiation transmitted through the canopy; 0.6 ×
/// potential on wet days (throughfall ≥ potential), else 0.3/dsr² × potential, at least the day's
/// small rain. Returns the new days-since-rain count.
/// </summary>
public static class SoilEvaporation
{
    public static double Compute(in DayVars d, double gcorr, double daysSinceRain, ref DailyFluxes f)
    {
        double rbl = BareSoilResistance / gcorr;
        double potential = PenmanMonteith.Evaporation(in d.PenmanMonteith, d.Pressure, d.Vpd, d.SwTransmitted, rbl, rbl) * d.DayLength;
        double dsr = daysSinceRain, evap;
        if (f.PrcpToSoil >= potential)
        {
            dsr = 0.0;
            evap = WetDayEvaporationFraction * potential;
        }
        else
        {
            dsr += 1.0;
            evap = DryDayEvaporationCoefficient / (dsr * dsr) * potential;
            if (f.PrcpToSoil > evap) { evap = f.PrcpToSoil; dsr -= 1.0; }
        }
        f.SoilEvaporation = evap;
        return dsr;
    }
}
