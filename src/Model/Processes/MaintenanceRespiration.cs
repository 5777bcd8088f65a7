using CarbonSim.Model.Kernel;
using static CarbonSim.Model.Kernel.KernelConstants;

namespace CarbonSim.Model.Processes;

/// <summary>
/// Maintenance respiration (Ryan 1991; science notes §1 step 9): 0.218 kgC kgN-1 d-1 at 20 °C,
/// Q10 = 2, from tissue N. Leaves: day part at Tday weighted by day length, night part at Tnight;
/// also the daytime rate per projected leaf area of sunlit/shaded leaves for photosynthesis. Fine
/// and live coarse roots at soil temperature, live stem at Tavg.
/// </summary>
public static class MaintenanceRespiration
{
    private static readonly double LnQ10 = Math.Log(MaintenanceRespQ10);

    /// <summary>[-] Q10 factor exp(ln Q10 · (T − 20)/10), avoiding pow.</summary>
    public static double Q10Factor(double t) => Math.Exp(LnQ10 * (t - MaintenanceRespRefTemperature) / 10.0);

    /// <remarks>Uses the per-day Q10 factors in <paramref name="d"/> (<see cref="Q10Factor"/> of Tday, Tnight, Tavg, Tsoil).</remarks>
    public static void Compute(CellState s, VegetationConstants v, ref DayVars d, ref DailyFluxes f)
    {
        if (s.LeafC != 0.0)
        {
            double t1 = s.LeafN * MaintenanceRespPerN;
            double qDay = d.Q10Day;
            f.LeafDayMr = t1 * qDay * d.DayLength / SecondsPerDay;
            double nSun = 1.0 / (d.SunlitSla * v.Epc.LeafCn), nShade = 1.0 / (d.ShadedSla * v.Epc.LeafCn);
            double toMolar = 1.0 / (SecondsPerDay * KgCPerMicromol);
            d.DayLeafMrSunlit = nSun * MaintenanceRespPerN * qDay * toMolar;
            d.DayLeafMrShaded = nShade * MaintenanceRespPerN * qDay * toMolar;
            f.LeafNightMr = t1 * d.Q10Night * (SecondsPerDay - d.DayLength) / SecondsPerDay;
        }
        else
        {
            d.DayLeafMrSunlit = d.DayLeafMrShaded = 0.0;
        }
        double qSoil = d.Q10Soil;
        if (s.FrootC != 0.0) f.FrootMr = s.FrootN * MaintenanceRespPerN * qSoil;
        if (v.Woody)
        {
            f.LiveStemMr = s.LiveStemN * MaintenanceRespPerN * d.Q10Avg;
            f.LiveCrootMr = s.LiveCrootN * MaintenanceRespPerN * qSoil;
        }
    }
}
