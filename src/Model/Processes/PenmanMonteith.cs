using static CarbonSim.Model.Kernel.KernelConstants;

namespace CarbonSim.Model.Processes;

/// <summary>
/// Penman–Monteith combination equation (Monteith &amp; Unsworth 1990, as in BIOME-BGC 4.2): latent
/// heat flux from radiation and VPD with resistances to vapour (rv) and to sensible heat (rh),
/// the latter in parallel with the radiative resistance. Saturation vapour pressure slope by
/// central difference (±0.2 °C) of 610.7 exp(17.38 T / (239 + T)).
/// </summary>
public static class PenmanMonteith
{
    /// <summary>[°C] Half-width of the central difference for the saturation-pressure slope.</summary>
    public const double SlopeDelta = 0.2;

    /// <summary>
    /// [kg m-2 s-1] Evaporation rate. <paramref name="ta"/> [°C], <paramref name="pa"/> [Pa],
    /// <paramref name="vpd"/> [Pa], <paramref name="irad"/> [W m-2], <paramref name="rv"/>,
    /// <paramref name="rh"/> [s m-1].
    /// </summary>
    public static double Evaporation(double ta, double pa, double vpd, double irad, double rv, double rh)
    {
        double tk = ta + ZeroCelsius;
        double rho = 1.292 - 0.00428 * ta;                            // [kg m-3] air density
        double rr = rho * SpecificHeatAir / (4.0 * StefanBoltzmann * (tk * tk * tk)); // radiative resistance
        double rhr = rh * rr / (rh + rr);
        double lhvap = 2.5023e6 - 2430.54 * ta;                       // [J kg-1]
        double t1 = ta + SlopeDelta, t2 = ta - SlopeDelta;
        double pvs1 = 610.7 * Math.Exp(17.38 * t1 / (239.0 + t1));
        double pvs2 = 610.7 * Math.Exp(17.38 * t2 / (239.0 + t2));
        double s = (pvs1 - pvs2) / (t1 - t2);
        double e = (s * irad + rho * SpecificHeatAir * vpd / rhr) /
                   (pa * SpecificHeatAir * rv / (lhvap * MolecularWeightRatio * rhr) + s);
        return e / lhvap;
    }

    /// <summary>[-] Temperature and pressure correction of conductances, ((T+273.15)/293.15)^1.75 · 101300/P (Jones 1992).</summary>
    public static double ConductanceCorrection(double tday, double pa) =>
        Math.Exp(ConductanceTemperatureExponent * Math.Log((tday + ZeroCelsius) / ConductanceRefTemperature)) * ConductanceRefPressure / pa;
}
