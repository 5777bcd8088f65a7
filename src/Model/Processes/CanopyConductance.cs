using CarbonSim.Model.Kernel;
using static CarbonSim.Model.Kernel.KernelConstants;

namespace CarbonSim.Model.Processes;

/// <summary>
/// Canopy conductance and evapotranspiration (science notes §1 step 10). Stomatal conductance =
/// max × PPFD, soil-ψ, VPD, night-frost and CO2 (= 1) multipliers; all conductances corrected for
/// temperature and pressure; cuticular in parallel with stomatal, both in series with the boundary
/// layer. Penman–Monteith for intercepted water (time spent shortens transpiration time), then for
/// sunlit and shaded transpiration.
/// </summary>
public static class CanopyConductance
{
    public static void Compute(ref DayVars d, VegetationConstants v, double gcorr, ref DailyFluxes f)
    {
        var e = v.Epc;
        double glBl = e.BoundaryLayerConductance * gcorr;
        double glC = e.CuticularConductance * gcorr;
        double mPpfdSun = d.PpfdSunlit / (PpfdHalfSaturation + d.PpfdSunlit);
        double mPpfdShade = d.PpfdShaded / (PpfdHalfSaturation + d.PpfdShaded);
        double psi = d.Psi;
        double mPsi = psi > e.PsiOpen ? 1.0 : psi <= e.PsiClose ? 0.0 : (e.PsiClose - psi) / (e.PsiClose - e.PsiOpen);
        const double mCo2 = 1.0;
        double mTmin = d.Tmin > 0.0 ? 1.0 : d.Tmin < FreezingTminClosed ? 0.0 : 1.0 + d.Tmin / -FreezingTminClosed;
        double vpd = d.Vpd;
        double mVpd = vpd < e.VpdOpen ? 1.0 : vpd > e.VpdClose ? 0.0 : (e.VpdClose - vpd) / (e.VpdClose - e.VpdOpen);
        double mSun = Math.Max(mPpfdSun * mPsi * mCo2 * mTmin * mVpd, MinConductanceMultiplier);
        double mShade = Math.Max(mPpfdShade * mPsi * mCo2 * mTmin * mVpd, MinConductanceMultiplier);
        double gsSun = e.MaxStomatalConductance * mSun * gcorr;
        double gsShade = e.MaxStomatalConductance * mShade * gcorr;

        double gtSun = glBl * (gsSun + glC) / (glBl + gsSun + glC);
        double gtShade = glBl * (gsShade + glC) / (glBl + gsShade + glC);
        double glSh = glBl;
        double gcEvap = glBl * d.ProjectedLai;
        double gcSh = glSh * d.ProjectedLai;

        double canopyWater = f.PrcpToCanopy, evap = 0.0, trans = 0.0, dayl = d.DayLength;
        double transTime = dayl;
        if (canopyWater != 0.0)
        {
            double rate = PenmanMonteith.Evaporation(in d.PenmanMonteith, d.Pressure, vpd, d.SwAbsorbed, 1.0 / gcEvap, 1.0 / gcSh);
            double evapTime = canopyWater / rate;
            if (evapTime > dayl) { evap = rate * dayl; transTime = 0.0; }
            else { evap = canopyWater; transTime = dayl - evapTime; }
        }
        if (transTime > 0.0 || canopyWater == 0.0)
        {
            double tSun = PenmanMonteith.Evaporation(in d.PenmanMonteith, d.Pressure, vpd, d.SwAbsPerSunlitLai, 1.0 / gtSun, 1.0 / glSh);
            double tShade = PenmanMonteith.Evaporation(in d.PenmanMonteith, d.Pressure, vpd, d.SwAbsPerShadedLai, 1.0 / gtShade, 1.0 / glSh);
            trans = tSun * transTime * d.SunlitLai + tShade * transTime * d.ShadedLai;
        }
        f.CanopyEvaporation = evap;
        f.CanopyToSoil = canopyWater - evap;
        f.Transpiration = trans;
        d.LeafConductanceSunlit = gtSun;
        d.LeafConductanceShaded = gtShade;
    }
}
