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
    /// <summary>[kg m-3] Air density at 0 °C and its decrease per °C: ρ = 1.292 − 0.00428 T.</summary>
    public const double AirDensity0 = 1.292, AirDensityPerDegree = 0.00428;
    /// <summary>[J kg-1] Latent heat of vaporisation at 0 °C and its decrease per °C.</summary>
    public const double LatentHeat0 = 2.5023e6, LatentHeatPerDegree = 2430.54;
    /// <summary>Saturation vapour pressure [Pa] = 610.7 exp(17.38 T / (239 + T)) (Murray 1967 form used by BIOME-BGC).</summary>
    public const double SatVp0 = 610.7, SatVpA = 17.38, SatVpB = 239.0;

    /// <summary>Temperature-dependent terms of the combination equation, computed once per day.</summary>
    public readonly struct Coefficients
    {
        /// <summary>[kg m-3] Air density.</summary>
        public readonly double Rho;
        /// <summary>[s m-1] Resistance to radiative heat transfer.</summary>
        public readonly double Rr;
        /// <summary>[J kg-1] Latent heat of vaporisation.</summary>
        public readonly double Lhvap;
        /// <summary>[Pa °C-1] Slope of the saturation vapour pressure curve.</summary>
        public readonly double Slope;

        public Coefficients(double ta)
        {
            double tk = ta + ZeroCelsius;
            Rho = AirDensity0 - AirDensityPerDegree * ta;
            Rr = Rho * SpecificHeatAir / (4.0 * StefanBoltzmann * (tk * tk * tk));
            Lhvap = LatentHeat0 - LatentHeatPerDegree * ta;
            double t1 = ta + SlopeDelta, t2 = ta - SlopeDelta;
            double pvs1 = SatVp0 * Math.Exp(SatVpA * t1 / (SatVpB + t1));
            double pvs2 = SatVp0 * Math.Exp(SatVpA * t2 / (SatVpB + t2));
            Slope = (pvs1 - pvs2) / (t1 - t2);
        }
    }

    /// <summary>[kg m-2 s-1] Evaporation rate from precomputed temperature terms (see <see cref="Evaporation(double,double,double,double,double,double)"/>).</summary>
    public static double Evaporation(in Coefficients c, double pa, double vpd, double irad, double rv, double rh)
    {
        double rhr = rh * c.Rr / (rh + c.Rr);
        double e = (c.Slope * irad + c.Rho * SpecificHeatAir * vpd / rhr) /
                   (pa * SpecificHeatAir * rv / (c.Lhvap * MolecularWeightRatio * rhr) + c.Slope);
        return e / c.Lhvap;
    }

    /// <summary>
    /// [kg m-2 s-1] Evaporation rate. <paramref name="ta"/> [°C], <paramref name="pa"/> [Pa],
    /// <paramref name="vpd"/> [Pa], <paramref name="irad"/> [W m-2], <paramref name="rv"/>,
    /// <paramref name="rh"/> [s m-1].
    /// </summary>
    public static double Evaporation(double ta, double pa, double vpd, double irad, double rv, double rh)
    {
        var c = new Coefficients(ta);
        return Evaporation(in c, pa, vpd, irad, rv, rh);
    }

    /// <summary>[-] Temperature and pressure correction of conductances, ((T+273.15)/293.15)^1.75 · 101300/P (Jones 1992).</summary>
    public static double ConductanceCorrection(double tday, double pa) =>
        Math.Exp(ConductanceTemperatureExponent * Math.Log((tday + ZeroCelsius) / ConductanceRefTemperature)) * ConductanceRefPressure / pa;
}
