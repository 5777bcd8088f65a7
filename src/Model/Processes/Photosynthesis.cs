using CarbonSim.Model.Kernel;
using static CarbonSim.Model.Kernel.KernelConstants;

namespace CarbonSim.Model.Processes;

/// <summary>
/// Farquhar / von Caemmerer leaf photosynthesis, solved with A = g (Ca − Ci) (science notes §1
/// step 11; Farquhar et al. 1980; de Pury &amp; Farquhar 1997 for Kc, Ko and J). C4 is BIOME-BGC's
/// approximation: Ca × 10 and a quantum requirement of 3.5.
/// </summary>
public static class Photosynthesis
{
    private static readonly double LnKcQ10 = Math.Log(Kc25Q10), LnKoQ10 = Math.Log(KoQ10), LnActQ10 = Math.Log(RubiscoActivityQ10);
    private static readonly double LnKcQ10Cold = Math.Log(1.8 * Kc25Q10), LnActQ10Cold = Math.Log(1.8 * RubiscoActivityQ10);

    /// <summary>
    /// [µmol CO2 m-2 s-1] Net assimilation per unit projected leaf area, min(Av, Aj).
    /// <paramref name="c3"/>: pathway; <paramref name="pa"/> [Pa]; <paramref name="co2"/> [ppm];
    /// <paramref name="t"/> [°C] leaf (daylight) temperature; <paramref name="leafNArea"/> [kgN m-2];
    /// <paramref name="fracNRubisco"/> [-]; <paramref name="ppfd"/> [µmol m-2 s-1];
    /// <paramref name="g"/> [µmol m-2 s-1 Pa-1] conductance to CO2; <paramref name="rd"/> [µmol m-2 s-1] day respiration.
    /// </summary>
    public static double NetAssimilation(bool c3, double pa, double co2, double t, double leafNArea, double fracNRubisco, double ppfd, double g, double rd)
    {
        var k = new Kinetics(t, pa);
        return NetAssimilation(in k, c3, pa, co2, leafNArea, fracNRubisco, ppfd, g, rd);
    }

    /// <summary>Temperature-dependent enzyme kinetics (Q10 forms; below 15 °C the Q10 is scaled by 1.8), computed once per day.</summary>
    public readonly struct Kinetics
    {
        /// <summary>[Pa] Michaelis–Menten constants for carboxylation and oxygenation.</summary>
        public readonly double Kc, Ko;
        /// <summary>[µmol kg-1 s-1] Rubisco activity.</summary>
        public readonly double Activity;
        /// <summary>[Pa] CO2 compensation point without day respiration.</summary>
        public readonly double Gamma;
        /// <summary>[Pa] Atmospheric O2.</summary>
        public readonly double O2;

        public Kinetics(double t, double pa)
        {
            O2 = OxygenFraction * pa;
            Ko = Ko25 * Math.Exp(LnKoQ10 * (t - 25.0) / 10.0) * 100.0;   // mbar → Pa
            double kc, act;
            if (t > 15.0)
            {
                kc = Kc25 * Math.Exp(LnKcQ10 * (t - 25.0) / 10.0);
                act = RubiscoActivity25 * Math.Exp(LnActQ10 * (t - 25.0) / 10.0);
            }
            else
            {
                kc = Kc25 * Math.Exp(LnKcQ10Cold * (t - 15.0) / 10.0) / Kc25Q10;
                act = RubiscoActivity25 * Math.Exp(LnActQ10Cold * (t - 15.0) / 10.0) / RubiscoActivityQ10;
            }
            Kc = kc * 0.10;                  // µbar → Pa
            Activity = act * 1e6 / 60.0;     // µmol mg-1 min-1 → µmol kg-1 s-1
            Gamma = 0.5 * VomaxPerVcmax * Kc * O2 / Ko;
        }
    }

    /// <summary>[µmol CO2 m-2 s-1] Net assimilation from precomputed kinetics (see the other overload).</summary>
    public static double NetAssimilation(in Kinetics k, bool c3, double pa, double co2, double leafNArea, double fracNRubisco, double ppfd, double g, double rd)
    {
        double ca = co2 * pa / 1e6;                           // [Pa]
        double ppe = QuantumRequirementC3;
        if (!c3) { ppe = QuantumRequirementC4; ca *= C4Co2Multiplier; }
        double o2 = k.O2, ko = k.Ko, kc = k.Kc, gamma = k.Gamma;
        double vmax = leafNArea * fracNRubisco * RubiscoPerN * k.Activity;
        double jmax = JmaxPerVcmax * vmax;
        double iabs = ppfd * PsiiAbsorbedFraction / ppe;
        double a = ElectronTransportCurvature, b = -jmax - iabs, c = jmax * iabs;
        double j = (-b - Math.Sqrt(b * b - 4.0 * a * c)) / (2.0 * a);

        // Rubisco-limited: Av = Vmax (Ci − Γ)/(Ci + Kc(1 + O2/Ko)) − Rd with Ci = Ca − A/g
        double km = kc * (1.0 + o2 / ko);
        a = -1.0 / g;
        b = ca + (vmax - rd) / g + km;
        c = vmax * (gamma - ca) + rd * (ca + km);
        double det = b * b - 4.0 * a * c;
        double av = (-b + Math.Sqrt(Math.Max(det, 0.0))) / (2.0 * a);

        // RuBP-regeneration-limited: Aj = J (Ci − Γ)/(4.5 Ci + 10.5 Γ) − Rd
        a = -4.5 / g;
        b = 4.5 * ca + 10.5 * gamma + j / g - 4.5 * rd / g;
        c = j * (gamma - ca) + rd * (4.5 * ca + 10.5 * gamma);
        det = b * b - 4.0 * a * c;
        double aj = (-b + Math.Sqrt(Math.Max(det, 0.0))) / (2.0 * a);
        return av < aj ? av : aj;
    }

    /// <summary>
    /// Canopy gross photosynthesis of sunlit and shaded leaves: (A + day leaf MR) × LAI × day length,
    /// converted to kgC m-2 d-1.
    /// </summary>
    public static void Compute(ref DayVars d, VegetationConstants v, in Kinetics kin, ref DailyFluxes f)
    {
        double tk = d.Tday + ZeroCelsius;
        double toCo2 = 1e6 / (WaterCo2DiffusivityRatio * GasConstant * tk);
        double leafCn = v.Epc.LeafCn, flnr = v.Epc.LeafNInRubisco;
        d.AssimSunlit = NetAssimilation(in kin, v.C3, d.Pressure, d.Co2, 1.0 / (d.SunlitSla * leafCn), flnr, d.PpfdSunlit, d.LeafConductanceSunlit * toCo2, d.DayLeafMrSunlit);
        f.PsnSunToCPool = (d.AssimSunlit + d.DayLeafMrSunlit) * d.SunlitLai * d.DayLength * KgCPerMicromol;
        d.AssimShaded = NetAssimilation(in kin, v.C3, d.Pressure, d.Co2, 1.0 / (d.ShadedSla * leafCn), flnr, d.PpfdShaded, d.LeafConductanceShaded * toCo2, d.DayLeafMrShaded);
        f.PsnShadeToCPool = (d.AssimShaded + d.DayLeafMrShaded) * d.ShadedLai * d.DayLength * KgCPerMicromol;
    }
}
