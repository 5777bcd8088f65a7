using CarbonSim.Model.Kernel;
using CarbonSim.Model.Parameters;
using CarbonSim.Model.Processes;

namespace CarbonSim.Model.Tests.Processes;

/// <summary>Single processes against values computed by hand from the published equations.</summary>
public class ProcessTests
{
    [Fact]
    public void CosbyConstantsForMissoulaLoam()
    {
        var soil = new SoilWater(new SiteParameters { SoilDepth = 1.0, SandPercent = 30, SiltPercent = 50, ClayPercent = 20 });
        Assert.Equal(-6.15, soil.B, 12);                       // −(3.10 + 0.157·20 − 0.003·30)
        Assert.Equal(0.455, soil.VwcSaturation, 12);           // (50.5 − 0.142·30 − 0.037·20)/100
        Assert.Equal(-0.0036410, soil.PsiSaturation, 6);       // −10^(1.54 − 0.0095·30 + 0.0063·50) · 9.8e-5
        Assert.Equal(0.36144, soil.VwcFieldCapacity, 4);       // θsat (−0.015/ψsat)^(1/b)
        Assert.Equal(455.0, soil.WaterSaturation, 9);
        Assert.Equal(soil.PsiSaturation, soil.Psi(soil.WaterSaturation), 12);
        Assert.True(soil.Psi(150) < soil.Psi(300));            // drier soil, lower potential
        Assert.Equal(455.0 - 455.0 * 0 + 10.0, soil.Outflow(465.0) + 455.0, 9); // above saturation: all excess
        Assert.Equal(0.5 * (400.0 - soil.WaterFieldCapacity), soil.Outflow(400.0), 9);
        Assert.Equal(0.0, soil.Outflow(300.0));
    }

    [Fact]
    public void DecompositionRateScalars()
    {
        Assert.Equal(1.0, Decomposition.TemperatureScalar(25.0), 12);      // reference temperature
        Assert.Equal(Math.Exp(308.56 * (1 / 71.02 - 1 / 56.02)), Decomposition.TemperatureScalar(10.0), 12);
        Assert.Equal(0.3124, Decomposition.TemperatureScalar(10.0), 4);
        Assert.Equal(0.0, Decomposition.TemperatureScalar(-10.5));
        Assert.True(Decomposition.TemperatureScalar(-9.9) > 0);
        double psiSat = -0.003641;
        Assert.Equal(1.0, Decomposition.WaterScalar(psiSat, psiSat), 12);
        Assert.Equal(0.0, Decomposition.WaterScalar(-10.0, psiSat), 12);
        Assert.Equal(0.0, Decomposition.WaterScalar(-12.0, psiSat));
        Assert.Equal(0.5, Decomposition.WaterScalar(-Math.Sqrt(10.0 * -psiSat), psiSat), 12); // log-midpoint
    }

    [Fact]
    public void FarquharRubiscoLimitedAt25C()
    {
        // hand computation at 25 °C: Kc = 40.4 Pa, Ko = 24800 Pa, activity 60000 µmol kg-1 s-1
        double pa = 101325, ca = 350e-6 * pa, o2 = 0.21 * pa, kc = 40.4, ko = 24800;
        double gamma = 0.5 * 0.21 * kc * o2 / ko;                  // 3.6396 Pa
        double vmax = 0.002 * 0.04 * 7.16 * 60000;                 // 34.368 µmol m-2 s-1
        double av = vmax * (ca - gamma) / (ca + kc * (1 + o2 / ko)); // Ci ≈ Ca for very large g
        Assert.Equal(3.6396, gamma, 4);
        Assert.Equal(9.896, av, 3);
        double a = Photosynthesis.NetAssimilation(true, pa, 350, 25.0, 0.002, 0.04, ppfd: 1e7, g: 1e6, rd: 0.0);
        Assert.Equal(av, a, 3);
    }

    [Fact]
    public void FarquharLightLimitedAt25C()
    {
        double pa = 101325, ca = 350e-6 * pa, o2 = 0.21 * pa, kc = 40.4, ko = 24800;
        double gamma = 0.5 * 0.21 * kc * o2 / ko;
        double jmax = 2.1 * 0.002 * 0.04 * 7.16 * 60000;
        double i = 100 * 0.85 / 2.6;
        double j = ((jmax + i) - Math.Sqrt((jmax + i) * (jmax + i) - 4 * 0.7 * jmax * i)) / (2 * 0.7); // non-rectangular hyperbola
        double aj = j * (ca - gamma) / (4.5 * ca + 10.5 * gamma);
        Assert.Equal(27.58, j, 2);
        double a = Photosynthesis.NetAssimilation(true, pa, 350, 25.0, 0.002, 0.04, ppfd: 100, g: 1e6, rd: 0.0);
        Assert.Equal(aj, a, 3);
        // day respiration lowers net assimilation by about Rd
        double aRd = Photosynthesis.NetAssimilation(true, pa, 350, 25.0, 0.002, 0.04, ppfd: 100, g: 1e6, rd: 1.0);
        Assert.Equal(aj - 1.0, aRd, 2);
        // finite conductance lowers Ci and so A
        Assert.True(Photosynthesis.NetAssimilation(true, pa, 350, 25.0, 0.002, 0.04, 100, 0.05, 0.0) < a);
    }

    [Fact]
    public void C4ApproximationUsesTenfoldCo2AndQuantumRequirement35()
    {
        double pa = 101325;
        // with ten times the CO2, the C4 Rubisco-limited rate equals a C3 leaf at 3500 ppm
        double c4 = Photosynthesis.NetAssimilation(false, pa, 350, 25.0, 0.002, 0.04, 1e7, 1e6, 0.0);
        double c3At3500 = Photosynthesis.NetAssimilation(true, pa, 3500, 25.0, 0.002, 0.04, 1e7, 1e6, 0.0);
        Assert.Equal(c3At3500, c4, 3);
        // in low light the C4 quantum requirement (3.5 vs 2.6) gives a lower electron transport
        double c4Low = Photosynthesis.NetAssimilation(false, pa, 350, 25.0, 0.002, 0.04, 50, 1e6, 0.0);
        double c3LowAt3500 = Photosynthesis.NetAssimilation(true, pa, 3500, 25.0, 0.002, 0.04, 50, 1e6, 0.0);
        Assert.True(c4Low < c3LowAt3500);
    }

    [Fact]
    public void PenmanMonteithMatchesHandComputation()
    {
        double ta = 20, pa = 101325, vpd = 1000, irad = 400, rv = 100, rh = 100;
        double tk = ta + 273.15, rho = 1.292 - 0.00428 * ta, cp = 1010;
        double rr = rho * cp / (4 * 5.67e-8 * tk * tk * tk);
        double rhr = rh * rr / (rh + rr);
        double lv = 2.5023e6 - 2430.54 * ta;
        double s = (610.7 * Math.Exp(17.38 * 20.2 / 259.2) - 610.7 * Math.Exp(17.38 * 19.8 / 258.8)) / 0.4;
        double le = (s * irad + rho * cp * vpd / rhr) / (pa * cp * rv / (lv * 0.6219 * rhr) + s);
        Assert.Equal(le / lv, PenmanMonteith.Evaporation(ta, pa, vpd, irad, rv, rh), 15);
        Assert.InRange(le, 200, 500);                                   // W m-2: a plausible wet-leaf flux
        Assert.True(PenmanMonteith.Evaporation(ta, pa, 2000, irad, rv, rh) > PenmanMonteith.Evaporation(ta, pa, 1000, irad, rv, rh));
        Assert.True(PenmanMonteith.Evaporation(ta, pa, vpd, irad, 1000, rh) < PenmanMonteith.Evaporation(ta, pa, vpd, irad, rv, rh));
        Assert.Equal(1.0, PenmanMonteith.ConductanceCorrection(20.0, 101300.0), 12);
    }

    [Fact]
    public void MaintenanceRespirationQ10IsTwo()
    {
        Assert.Equal(1.0, MaintenanceRespiration.Q10Factor(20.0), 12);
        Assert.Equal(2.0, MaintenanceRespiration.Q10Factor(30.0), 12);
        Assert.Equal(0.5, MaintenanceRespiration.Q10Factor(10.0), 12);
    }

    [Fact]
    public void MetDerivedQuantities()
    {
        Assert.Equal(101325.0, MetDerived.AirPressure(0.0), 9);
        Assert.InRange(MetDerived.AirPressure(977.0), 90000, 91000);      // ≈ 90.2 kPa
        Assert.Equal(10.0 + 0.45 * 5.0, MetDerived.DaylightTemperature(15.0, 10.0), 12);
        Assert.Equal((12.25 + 5.0) / 2, MetDerived.NightTemperature(12.25, 5.0), 12);
        var rm = MetDerived.TrailingWeightedMean([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 66.0], 11);
        Assert.Equal(0.0, rm[0]);
        Assert.Equal(66.0 * 11 / 66.0, rm[10], 12);                       // weights 1..11 sum to 66
        Assert.Equal(10.0 + 0.2 * (6.0 - 10.0), MetDerived.SoilTemperature(10.0, 6.0, false), 12);
        Assert.Equal(10.0 + 0.83 * (6.0 - 10.0), MetDerived.SoilTemperature(10.0, 6.0, true), 12);
    }

    [Fact]
    public void CelluloseSplitFollowsLigninRatio()
    {
        Assert.Equal((0.44, 0.0), VegetationConstants.SplitCellulose(0.44, 0.17));      // r = 0.386 ≤ 0.45
        var (u, s) = VegetationConstants.SplitCellulose(0.44, 0.24);                     // r = 0.545
        Assert.Equal((0.24 / 0.44 - 0.45) * 3.2 * 0.44, s, 12);
        Assert.Equal(0.44, u + s, 12);
        var (u2, s2) = VegetationConstants.SplitCellulose(0.3, 0.3);                    // r = 1 ≥ 0.7
        Assert.Equal(0.06, u2, 12); Assert.Equal(0.24, s2, 12);
    }
}
