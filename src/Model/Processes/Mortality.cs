using CarbonSim.Model.Kernel;
using static CarbonSim.Model.Kernel.KernelConstants;

namespace CarbonSim.Model.Processes;

/// <summary>
/// Whole-plant and fire mortality (science notes §1 step 20). Applied last, each with its own state
/// update so that proportional mortality cannot conflict with the other proportional fluxes:
/// first whole-plant mortality (annual fraction / 365, plant pools → litter and CWD; dead wood also
/// receives the 80 % of fire-killed dead stem/coarse root that does not burn), then fire (annual
/// fraction / 365 of plant and litter pools, 30 % of that rate for CWD, 20 % of dead wood) to the
/// atmosphere.
/// </summary>
public static class Mortality
{
    public static void Apply(CellState s, VegetationConstants v, ref DailyFluxes f)
    {
        WholePlant(s, v);
        Fire(s, v, ref f);
    }

    private static void WholePlant(CellState s, VegetationConstants v)
    {
        double m = v.DailyMortality;
        var e = v.Epc;
        if (m == 0.0 && v.DailyFire == 0.0) return;
        // carbon fluxes from the current pools
        double leaf = m * s.LeafC, froot = m * s.FrootC;
        double stor = m * (s.LeafStorageC + s.FrootStorageC + s.LiveStemStorageC + s.DeadStemStorageC + s.LiveCrootStorageC + s.DeadCrootStorageC);
        double tran = m * (s.LeafTransferC + s.FrootTransferC + s.LiveStemTransferC + s.DeadStemTransferC + s.LiveCrootTransferC + s.DeadCrootTransferC);
        double gr = m * (s.GrowthRespStorageC + s.GrowthRespTransferC);
        double liveStem = 0, deadStem = 0, liveCroot = 0, deadCroot = 0;
        if (v.Woody)
        {
            double deadRate = m + (1.0 - DeadWoodCombustion) * v.DailyFire;
            liveStem = m * s.LiveStemC; deadStem = deadRate * s.DeadStemC;
            liveCroot = m * s.LiveCrootC; deadCroot = deadRate * s.DeadCrootC;
        }
        // nitrogen fluxes
        double leafN = leaf / e.LeafCn, frootN = froot / e.FrootCn;
        double storN = m * (s.LeafStorageN + s.FrootStorageN + s.LiveStemStorageN + s.DeadStemStorageN + s.LiveCrootStorageN + s.DeadCrootStorageN);
        double tranN = m * (s.LeafTransferN + s.FrootTransferN + s.LiveStemTransferN + s.DeadStemTransferN + s.LiveCrootTransferN + s.DeadCrootTransferN);
        double retransN = m * s.RetransN;
        double liveStemToCwdN = 0, liveStemToLitN = 0, deadStemN = 0, liveCrootToCwdN = 0, liveCrootToLitN = 0, deadCrootN = 0;
        if (v.Woody)
        {
            double dw = e.DeadWoodCn;
            liveStemToCwdN = liveStem / dw; liveStemToLitN = m * s.LiveStemN - liveStemToCwdN;
            deadStemN = deadStem / dw;
            liveCrootToCwdN = liveCroot / dw; liveCrootToLitN = m * s.LiveCrootN - liveCrootToCwdN;
            deadCrootN = deadCroot / dw;
        }

        // carbon update
        s.Litter1C += leaf * v.LeafLab + froot * v.FrootLab + stor + tran + gr;
        s.Litter2C += leaf * v.LeafUcel + froot * v.FrootUcel;
        s.Litter3C += leaf * v.LeafScel + froot * v.FrootScel;
        s.Litter4C += leaf * v.LeafLig + froot * v.FrootLig;
        s.LeafC -= leaf; s.FrootC -= froot;
        s.LeafStorageC -= m * s.LeafStorageC; s.FrootStorageC -= m * s.FrootStorageC;
        s.LiveStemStorageC -= m * s.LiveStemStorageC; s.DeadStemStorageC -= m * s.DeadStemStorageC;
        s.LiveCrootStorageC -= m * s.LiveCrootStorageC; s.DeadCrootStorageC -= m * s.DeadCrootStorageC;
        s.LeafTransferC -= m * s.LeafTransferC; s.FrootTransferC -= m * s.FrootTransferC;
        s.LiveStemTransferC -= m * s.LiveStemTransferC; s.DeadStemTransferC -= m * s.DeadStemTransferC;
        s.LiveCrootTransferC -= m * s.LiveCrootTransferC; s.DeadCrootTransferC -= m * s.DeadCrootTransferC;
        s.GrowthRespStorageC -= m * s.GrowthRespStorageC; s.GrowthRespTransferC -= m * s.GrowthRespTransferC;
        if (v.Woody)
        {
            s.CwdC += liveStem + deadStem + liveCroot + deadCroot;
            s.LiveStemC -= liveStem; s.DeadStemC -= deadStem; s.LiveCrootC -= liveCroot; s.DeadCrootC -= deadCroot;
        }
        // nitrogen update
        s.Litter1N += leafN * v.LeafLab + frootN * v.FrootLab + storN + tranN + retransN;
        s.Litter2N += leafN * v.LeafUcel + frootN * v.FrootUcel;
        s.Litter3N += leafN * v.LeafScel + frootN * v.FrootScel;
        s.Litter4N += leafN * v.LeafLig + frootN * v.FrootLig;
        s.LeafN -= leafN * v.LeafLab + leafN * v.LeafUcel + leafN * v.LeafScel + leafN * v.LeafLig;
        s.FrootN -= frootN * v.FrootLab + frootN * v.FrootUcel + frootN * v.FrootScel + frootN * v.FrootLig;
        s.LeafStorageN -= m * s.LeafStorageN; s.FrootStorageN -= m * s.FrootStorageN;
        s.LiveStemStorageN -= m * s.LiveStemStorageN; s.DeadStemStorageN -= m * s.DeadStemStorageN;
        s.LiveCrootStorageN -= m * s.LiveCrootStorageN; s.DeadCrootStorageN -= m * s.DeadCrootStorageN;
        s.LeafTransferN -= m * s.LeafTransferN; s.FrootTransferN -= m * s.FrootTransferN;
        s.LiveStemTransferN -= m * s.LiveStemTransferN; s.DeadStemTransferN -= m * s.DeadStemTransferN;
        s.LiveCrootTransferN -= m * s.LiveCrootTransferN; s.DeadCrootTransferN -= m * s.DeadCrootTransferN;
        s.RetransN -= retransN;
        if (v.Woody)
        {
            s.Litter1N += liveStemToLitN + liveCrootToLitN;
            s.CwdN += liveStemToCwdN + deadStemN + liveCrootToCwdN + deadCrootN;
            s.LiveStemN -= liveStemToLitN + liveStemToCwdN; s.DeadStemN -= deadStemN;
            s.LiveCrootN -= liveCrootToLitN + liveCrootToCwdN; s.DeadCrootN -= deadCrootN;
        }
    }

    private static void Fire(CellState s, VegetationConstants v, ref DailyFluxes f)
    {
        double m = v.DailyFire;
        if (m == 0.0) return;
        var e = v.Epc;
        double c = 0, n = 0;
        // leaves and fine roots: N follows C at the tissue C:N
        double leafC = m * s.LeafC, frootC = m * s.FrootC;
        double leafN = leafC / e.LeafCn, frootN = frootC / e.FrootCn;
        s.LeafC -= leafC; s.FrootC -= frootC; s.LeafN -= leafN; s.FrootN -= frootN;
        c += leafC + frootC; n += leafN + frootN;
        // storage, transfer and growth-respiration pools
        Burn(ref s.LeafStorageC, m, ref c); Burn(ref s.FrootStorageC, m, ref c);
        Burn(ref s.LiveStemStorageC, m, ref c); Burn(ref s.DeadStemStorageC, m, ref c);
        Burn(ref s.LiveCrootStorageC, m, ref c); Burn(ref s.DeadCrootStorageC, m, ref c);
        Burn(ref s.LeafTransferC, m, ref c); Burn(ref s.FrootTransferC, m, ref c);
        Burn(ref s.LiveStemTransferC, m, ref c); Burn(ref s.DeadStemTransferC, m, ref c);
        Burn(ref s.LiveCrootTransferC, m, ref c); Burn(ref s.DeadCrootTransferC, m, ref c);
        Burn(ref s.GrowthRespStorageC, m, ref c); Burn(ref s.GrowthRespTransferC, m, ref c);
        Burn(ref s.LeafStorageN, m, ref n); Burn(ref s.FrootStorageN, m, ref n);
        Burn(ref s.LiveStemStorageN, m, ref n); Burn(ref s.DeadStemStorageN, m, ref n);
        Burn(ref s.LiveCrootStorageN, m, ref n); Burn(ref s.DeadCrootStorageN, m, ref n);
        Burn(ref s.LeafTransferN, m, ref n); Burn(ref s.FrootTransferN, m, ref n);
        Burn(ref s.LiveStemTransferN, m, ref n); Burn(ref s.DeadStemTransferN, m, ref n);
        Burn(ref s.LiveCrootTransferN, m, ref n); Burn(ref s.DeadCrootTransferN, m, ref n);
        Burn(ref s.RetransN, m, ref n);
        if (v.Woody)
        {
            double dead = DeadWoodCombustion * m;
            Burn(ref s.LiveStemC, m, ref c); Burn(ref s.DeadStemC, dead, ref c);
            Burn(ref s.LiveCrootC, m, ref c); Burn(ref s.DeadCrootC, dead, ref c);
            Burn(ref s.LiveStemN, m, ref n); Burn(ref s.DeadStemN, dead, ref n);
            Burn(ref s.LiveCrootN, m, ref n); Burn(ref s.DeadCrootN, dead, ref n);
        }
        // litter and coarse woody debris
        Burn(ref s.Litter1C, m, ref c); Burn(ref s.Litter2C, m, ref c); Burn(ref s.Litter3C, m, ref c); Burn(ref s.Litter4C, m, ref c);
        Burn(ref s.Litter1N, m, ref n); Burn(ref s.Litter2N, m, ref n); Burn(ref s.Litter3N, m, ref n); Burn(ref s.Litter4N, m, ref n);
        Burn(ref s.CwdC, CwdFireFraction * m, ref c); Burn(ref s.CwdN, CwdFireFraction * m, ref n);
        f.FireC += c; f.FireN += n;
    }

    private static void Burn(ref double pool, double rate, ref double total)
    {
        double x = rate * pool;
        pool -= x;
        total += x;
    }
}
