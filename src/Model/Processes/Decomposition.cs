using CarbonSim.Model.Kernel;
using static CarbonSim.Model.Kernel.KernelConstants;

namespace CarbonSim.Model.Processes;

/// <summary>
/// Potential litter and soil decomposition before N competition (science notes §1 step 14;
/// Thornton 1998). The result is reconciled with plant N demand in <see cref="Allocation"/>.
/// </summary>
public struct DecompositionPotential
{
    /// <summary>[kgC m-2 d-1] Potential C loss of litter 1, 2, 4 and soil 1–4.</summary>
    public double Litter1Loss, Litter2Loss, Litter4Loss, Soil1Loss, Soil2Loss, Soil3Loss, Soil4Loss;
    /// <summary>[kgN m-2 d-1] Potential mineral-N flux of each step (positive = immobilisation, negative = mineralisation).</summary>
    public double ImmobL1S1, ImmobL2S2, ImmobL4S3, ImmobS1S2, ImmobS2S3, ImmobS3S4, ImmobS4;
    /// <summary>[kgN m-2 d-1] Sum of positive immobilisation demands.</summary>
    public double PotentialImmobilisation;
    /// <summary>[kgN m-2 d-1] Gross mineralisation.</summary>
    public double Mineralised;
    /// <summary>[d-1] Effective lignin rate (also releases shielded cellulose).</summary>
    public double KLitter4;
}

/// <summary>Decomposition rate scalars and potential fluxes.</summary>
public static class Decomposition
{
    /// <summary>
    /// [-] Temperature scalar, Lloyd &amp; Taylor (1994) eqn 11 referenced to 25 °C:
    /// exp(308.56 (1/71.02 − 1/(T + 273.15 − 227.13))); 0 below −10 °C.
    /// </summary>
    public static double TemperatureScalar(double tsoil)
    {
        if (tsoil < DecompositionMinTemperature) return 0.0;
        double tk = tsoil + ZeroCelsius;
        return Math.Exp(LloydTaylorE0 * (1.0 / LloydTaylorRef - 1.0 / (tk - LloydTaylorT0)));
    }

    /// <summary>
    /// [-] Water scalar, log-linear in ψ between −10 MPa (0) and saturation (1) (Andren &amp; Paustian 1987).
    /// </summary>
    public static double WaterScalar(double psi, double psiSaturation)
    {
        if (psi < DecompositionMinPsi) return 0.0;
        if (psi > psiSaturation) return 1.0;
        return Math.Log(DecompositionMinPsi / psi) / Math.Log(DecompositionMinPsi / psiSaturation);
    }

    /// <summary>CWD fragmentation (final fluxes) and the potential litter/soil fluxes.</summary>
    public static void Compute(CellState s, VegetationConstants v, double rateScalar, ref DailyFluxes f, out DecompositionPotential p)
    {
        p = default;
        if (v.Woody)
        {
            double loss = KFragmentation * rateScalar * s.CwdC;
            double cn = v.Epc.DeadWoodCn;
            f.CwdToLitter2C = loss * v.WoodUcel; f.CwdToLitter3C = loss * v.WoodScel; f.CwdToLitter4C = loss * v.WoodLig;
            f.CwdToLitter2N = f.CwdToLitter2C / cn; f.CwdToLitter3N = f.CwdToLitter3C / cn; f.CwdToLitter4N = f.CwdToLitter4C / cn;
        }
        p.KLitter4 = KLitter4 * rateScalar;
        if (s.Litter1C > 0.0)
        {
            p.Litter1Loss = KLitter1 * rateScalar * s.Litter1C;
            double ratio = s.Litter1N > 0.0 ? Soil1Cn / (s.Litter1C / s.Litter1N) : 0.0;
            p.ImmobL1S1 = p.Litter1Loss * (1.0 - RespFracL1S1 - ratio) / Soil1Cn;
        }
        if (s.Litter2C > 0.0)
        {
            p.Litter2Loss = KLitter2 * rateScalar * s.Litter2C;
            double ratio = s.Litter2N > 0.0 ? Soil2Cn / (s.Litter2C / s.Litter2N) : 0.0;
            p.ImmobL2S2 = p.Litter2Loss * (1.0 - RespFracL2S2 - ratio) / Soil2Cn;
        }
        if (s.Litter4C > 0.0)
        {
            p.Litter4Loss = p.KLitter4 * s.Litter4C;
            double ratio = s.Litter4N > 0.0 ? Soil3Cn / (s.Litter4C / s.Litter4N) : 0.0;
            p.ImmobL4S3 = p.Litter4Loss * (1.0 - RespFracL4S3 - ratio) / Soil3Cn;
        }
        if (s.Soil1C > 0.0)
        {
            p.Soil1Loss = KSoil1 * rateScalar * s.Soil1C;
            p.ImmobS1S2 = p.Soil1Loss * (1.0 - RespFracS1S2 - Soil2Cn / Soil1Cn) / Soil2Cn;
        }
        if (s.Soil2C > 0.0)
        {
            p.Soil2Loss = KSoil2 * rateScalar * s.Soil2C;
            p.ImmobS2S3 = p.Soil2Loss * (1.0 - RespFracS2S3 - Soil3Cn / Soil2Cn) / Soil3Cn;
        }
        if (s.Soil3C > 0.0)
        {
            p.Soil3Loss = KSoil3 * rateScalar * s.Soil3C;
            p.ImmobS3S4 = p.Soil3Loss * (1.0 - RespFracS3S4 - Soil4Cn / Soil3Cn) / Soil4Cn;
        }
        if (s.Soil4C > 0.0)
        {
            p.Soil4Loss = KSoil4 * rateScalar * s.Soil4C;
            p.ImmobS4 = -p.Soil4Loss / Soil4Cn;
        }
        double immob = 0.0, mineral = 0.0;
        Tally(p.ImmobL1S1, ref immob, ref mineral); Tally(p.ImmobL2S2, ref immob, ref mineral);
        Tally(p.ImmobL4S3, ref immob, ref mineral); Tally(p.ImmobS1S2, ref immob, ref mineral);
        Tally(p.ImmobS2S3, ref immob, ref mineral); Tally(p.ImmobS3S4, ref immob, ref mineral);
        mineral += -p.ImmobS4;
        p.PotentialImmobilisation = immob;
        p.Mineralised = mineral;
    }

    private static void Tally(double x, ref double immob, ref double mineral)
    {
        if (x > 0.0) immob += x; else mineral += -x;
    }
}
