using CarbonSim.Model.Kernel;
using static CarbonSim.Model.Kernel.KernelConstants;

namespace CarbonSim.Model.Processes;

/// <summary>
/// Canopy geometry and radiation (science notes §1 step 5): projected/all-sided LAI, sunlit LAI
/// 1 − exp(−LAI), sun/shade SLA, Beer's-law absorption of shortwave and PAR (PAR albedo = albedo/3),
/// absorbed radiation and PPFD per unit sunlit and shaded LAI.
/// </summary>
public static class Radiation
{
    public static void Compute(double leafC, VegetationConstants v, double albedo, ref DayVars d)
    {
        var e = v.Epc;
        if (leafC > 0.0)
        {
            d.ProjectedLai = leafC * e.SpecificLeafArea;
            d.AllSidedLai = d.ProjectedLai * e.LaiRatio;
            d.SunlitLai = 1.0 - Math.Exp(-d.ProjectedLai);
            d.ShadedLai = d.ProjectedLai - d.SunlitLai;
            d.SunlitSla = (d.SunlitLai + d.ShadedLai / e.ShadedSunlitSlaRatio) / leafC;
            d.ShadedSla = d.SunlitSla * e.ShadedSunlitSlaRatio;
        }
        else
        {
            d.ProjectedLai = d.AllSidedLai = d.SunlitLai = d.ShadedLai = d.SunlitSla = d.ShadedSla = 0.0;
        }
        double k = e.LightExtinction, lai = d.ProjectedLai;
        double extinct = Math.Exp(-k * lai);
        double sw = Math.Max(0.0, d.Shortwave) * (1.0 - albedo);
        double swAbs = sw * (1.0 - extinct);
        double par = Math.Max(0.0, d.Par) * (1.0 - albedo / 3.0);
        double parAbs = par * (1.0 - extinct);

        double swSun = k * sw * d.SunlitLai, swShade = swAbs - swSun;
        if (swShade < 0.0) { swSun = swAbs; swShade = 0.0; }
        double parSun = k * par * d.SunlitLai, parShade = parAbs - parSun;
        if (parShade < 0.0) { parSun = parAbs; parShade = 0.0; }

        d.SwAbsorbed = swAbs;
        d.SwTransmitted = sw - swAbs;
        if (lai > 0.0)
        {
            d.SwAbsPerSunlitLai = swSun / d.SunlitLai;
            d.SwAbsPerShadedLai = swShade / d.ShadedLai;
            d.PpfdSunlit = parSun / d.SunlitLai * ParPhotonsPerJoule;
            d.PpfdShaded = parShade / d.ShadedLai * ParPhotonsPerJoule;
        }
        else
        {
            d.SwAbsPerSunlitLai = d.SwAbsPerShadedLai = d.PpfdSunlit = d.PpfdShaded = 0.0;
        }
    }
}
