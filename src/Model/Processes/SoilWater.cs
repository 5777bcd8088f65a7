using CarbonSim.Model.Kernel;
using CarbonSim.Model.Parameters;
using static CarbonSim.Model.Kernel.KernelConstants;

namespace CarbonSim.Model.Processes;

/// <summary>
/// Soil hydraulic constants from texture (Cosby et al. 1984 regressions) and the Campbell curve
/// ψ = ψsat (θ/θsat)^b (science notes §1 step 8).
/// </summary>
public sealed class SoilWater
{
    /// <summary>[-] Campbell exponent b (negative).</summary>
    public double B { get; }
    /// <summary>[m3 m-3] Volumetric water content at saturation.</summary>
    public double VwcSaturation { get; }
    /// <summary>[MPa] Water potential at saturation.</summary>
    public double PsiSaturation { get; }
    /// <summary>[m3 m-3] Volumetric water content at field capacity (−0.015 MPa).</summary>
    public double VwcFieldCapacity { get; }
    /// <summary>[kg m-2] Soil water at saturation.</summary>
    public double WaterSaturation { get; }
    /// <summary>[kg m-2] Soil water at field capacity.</summary>
    public double WaterFieldCapacity { get; }
    /// <summary>[m] Soil depth.</summary>
    public double Depth { get; }

    public SoilWater(SiteParameters site)
    {
        double sand = site.SandPercent, silt = site.SiltPercent, clay = site.ClayPercent;
        Depth = site.SoilDepth;
        B = -(3.10 + 0.157 * clay - 0.003 * sand);
        VwcSaturation = (50.5 - 0.142 * sand - 0.037 * clay) / 100.0;
        PsiSaturation = -(Math.Exp((1.54 - 0.0095 * sand + 0.0063 * silt) * Math.Log(10.0)) * 9.8e-5);
        VwcFieldCapacity = VwcSaturation * Math.Pow(FieldCapacityPsi / PsiSaturation, 1.0 / B);
        WaterFieldCapacity = Depth * VwcFieldCapacity * WaterDensity;
        WaterSaturation = Depth * VwcSaturation * WaterDensity;
        _logMinusPsiSat = Math.Log(-PsiSaturation);
        _logMinusPsiMin = Math.Log(-DecompositionMinPsi);
        _logPsiMinOverPsiSat = Math.Log(DecompositionMinPsi / PsiSaturation);
    }

    /// <summary>[m3 m-3] Volumetric water content of <paramref name="soilWater"/> [kg m-2].</summary>
    public double Vwc(double soilWater) => soilWater / (WaterDensity * Depth);

    /// <summary>[MPa] Soil water potential at <paramref name="soilWater"/> [kg m-2].</summary>
    public double Psi(double soilWater) => PsiSaturation * Math.Pow(Vwc(soilWater) / VwcSaturation, B);

    /// <summary>
    /// Volumetric water content [m3 m-3], ψ [MPa] and ln(−ψ) (for the decomposition water scalar)
    /// with one log and one exp: ln(−ψ) = ln(−ψsat) + b ln(θ/θsat).
    /// </summary>
    public void Status(double soilWater, out double vwc, out double psi, out double logMinusPsi)
    {
        vwc = Vwc(soilWater);
        logMinusPsi = _logMinusPsiSat + B * Math.Log(vwc / VwcSaturation);
        psi = -Math.Exp(logMinusPsi);
    }

    /// <summary>
    /// [-] Decomposition water scalar (Andren &amp; Paustian 1987) from ψ and ln(−ψ):
    /// ln(ψmin/ψ)/ln(ψmin/ψsat), 0 below −10 MPa, 1 above saturation.
    /// </summary>
    public double DecompositionWaterScalar(double psi, double logMinusPsi)
    {
        if (psi < DecompositionMinPsi) return 0.0;
        if (psi > PsiSaturation) return 1.0;
        return (_logMinusPsiMin - logMinusPsi) / _logPsiMinOverPsiSat;
    }

    private readonly double _logMinusPsiSat, _logMinusPsiMin, _logPsiMinOverPsiSat;

    /// <summary>
    /// [kg m-2 d-1] Outflow (science notes §1 step 13): all water above saturation, else half of the
    /// water above field capacity.
    /// </summary>
    public double Outflow(double soilWater)
    {
        if (soilWater > WaterSaturation) return soilWater - WaterSaturation;
        if (soilWater > WaterFieldCapacity) return DrainageFraction * (soilWater - WaterFieldCapacity);
        return 0.0;
    }
}
