using CarbonSim.Model.Kernel;
using static CarbonSim.Model.Kernel.KernelConstants;

namespace CarbonSim.Model.Processes;

/// <summary>
/// Daily allocation and plant–microbe N competition (science notes §1 step 15): C available =
/// GPP − MR (after repaying 1/365 of a CPool deficit); fixed allometry gives plant N demand; plant
/// demand and potential immobilisation share mineral N in proportion to demand; the plant draws up
/// to 1/365 of retranslocated N per day; unmet C is removed from photosynthesis and immobilising
/// steps are scaled by fpi; half of any excess mineral N is denitrified. Also finalises the
/// decomposition fluxes.
/// </summary>
public static class Allocation
{
    /// <summary>
    /// <paramref name="nSupplementFraction"/> &gt; 0 only in spin-up block 0: that fraction of any N
    /// shortfall is added to mineral N (recorded as <see cref="DailyFluxes.NSupplement"/>).
    /// </summary>
    public static void Compute(CellState s, VegetationConstants v, in DecompositionPotential p, double nSupplementFraction, ref DailyFluxes f)
    {
        var e = v.Epc;
        bool woody = v.Woody;
        double gpp = f.PsnSunToCPool + f.PsnShadeToCPool;
        double mr = f.LeafDayMr + f.LeafNightMr + f.FrootMr + (woody ? f.LiveStemMr + f.LiveCrootMr : 0.0);
        double availC = gpp - mr;
        if (availC < 0.0) availC = 0.0;
        if (s.CPool < 0.0)
        {
            double recovery = -s.CPool / CPoolRecoveryDays;
            availC = recovery < availC ? availC - recovery : 0.0;
        }
        double cAllo = v.CAllometry, nAllo = v.NAllometry;
        double plantNDemand = availC * (nAllo / cAllo);
        double availRetrans = s.RetransN / RetransNDeployDays;
        double sumDemand = plantNDemand + p.PotentialImmobilisation;
        double sminn = s.MineralN;
        if (nSupplementFraction > 0.0 && sumDemand > sminn)
        {
            f.NSupplement = (sumDemand - sminn) * nSupplementFraction;
            sminn += f.NSupplement;
        }

        bool nLimited;
        double plantCAlloc, fpi = 0.0, actualImmob;
        if (sumDemand <= sminn)
        {
            nLimited = false;
            actualImmob = p.PotentialImmobilisation;
            f.RetransToNPool = plantNDemand > availRetrans ? availRetrans : plantNDemand;
            f.MineralToNPool = plantNDemand - f.RetransToNPool;
            plantCAlloc = availC;
            f.MineralNDenitrified = (sminn - sumDemand) * BulkDenitrification;
        }
        else
        {
            nLimited = true;
            actualImmob = sumDemand != 0.0 ? sminn * (p.PotentialImmobilisation / sumDemand) : 0.0;
            fpi = p.PotentialImmobilisation != 0.0 ? actualImmob / p.PotentialImmobilisation : 0.0;
            f.MineralToNPool = sminn - actualImmob;
            double remaining = plantNDemand - f.MineralToNPool;
            if (remaining <= availRetrans)
            {
                f.RetransToNPool = remaining;
                plantCAlloc = availC;
            }
            else
            {
                f.RetransToNPool = availRetrans;
                double plantNAlloc = f.RetransToNPool + f.MineralToNPool;
                plantCAlloc = plantNAlloc * (cAllo / nAllo);
                double excessC = availC - plantCAlloc;
                double sun = f.PsnSunToCPool, shade = f.PsnShadeToCPool;
                f.PsnSunToCPool = sun - excessC * (sun / gpp);
                f.PsnShadeToCPool = shade - excessC * (shade / gpp);
            }
        }
        f.Fpi = fpi;

        // new growth and storage
        double nlc = plantCAlloc / cAllo, pnow = e.AllocCurrentGrowth, later = 1.0 - pnow;
        double f1 = e.AllocFrootLeaf, f2 = e.AllocCrootStem, f3 = e.AllocStemLeaf, f4 = e.AllocLiveTotalWood;
        f.CPoolToLeafC = nlc * pnow; f.CPoolToLeafStorageC = nlc * later;
        f.CPoolToFrootC = nlc * f1 * pnow; f.CPoolToFrootStorageC = nlc * f1 * later;
        f.NPoolToLeafN = nlc / e.LeafCn * pnow; f.NPoolToLeafStorageN = nlc / e.LeafCn * later;
        f.NPoolToFrootN = nlc * f1 / e.FrootCn * pnow; f.NPoolToFrootStorageN = nlc * f1 / e.FrootCn * later;
        if (woody)
        {
            double lw = e.LiveWoodCn, dw = e.DeadWoodCn;
            f.CPoolToLiveStemC = nlc * f3 * f4 * pnow; f.CPoolToLiveStemStorageC = nlc * f3 * f4 * later;
            f.CPoolToDeadStemC = nlc * f3 * (1.0 - f4) * pnow; f.CPoolToDeadStemStorageC = nlc * f3 * (1.0 - f4) * later;
            f.CPoolToLiveCrootC = nlc * f2 * f3 * f4 * pnow; f.CPoolToLiveCrootStorageC = nlc * f2 * f3 * f4 * later;
            f.CPoolToDeadCrootC = nlc * f2 * f3 * (1.0 - f4) * pnow; f.CPoolToDeadCrootStorageC = nlc * f2 * f3 * (1.0 - f4) * later;
            f.NPoolToLiveStemN = nlc * f3 * f4 / lw * pnow; f.NPoolToLiveStemStorageN = nlc * f3 * f4 / lw * later;
            f.NPoolToDeadStemN = nlc * f3 * (1.0 - f4) / dw * pnow; f.NPoolToDeadStemStorageN = nlc * f3 * (1.0 - f4) / dw * later;
            f.NPoolToLiveCrootN = nlc * f2 * f3 * f4 / lw * pnow; f.NPoolToLiveCrootStorageN = nlc * f2 * f3 * f4 / lw * later;
            f.NPoolToDeadCrootN = nlc * f2 * f3 * (1.0 - f4) / dw * pnow; f.NPoolToDeadCrootStorageN = nlc * f2 * f3 * (1.0 - f4) / dw * later;
        }
        double storage = f.CPoolToLeafStorageC + f.CPoolToFrootStorageC + f.CPoolToLiveStemStorageC + f.CPoolToDeadStemStorageC + f.CPoolToLiveCrootStorageC + f.CPoolToDeadCrootStorageC;
        f.CPoolToGrowthRespStorage = storage * GrowthRespFraction * (1.0 - GrowthRespPaidNow);

        FinaliseDecomposition(s, p, nLimited, fpi, ref f);
    }

    /// <summary>Mineralising steps run at potential; immobilising steps are scaled by fpi when N-limited.</summary>
    private static void FinaliseDecomposition(CellState s, in DecompositionPotential p, bool nLimited, double fpi, ref DailyFluxes f)
    {
        double vol = 0.0;
        if (s.Litter1C > 0.0)
        {
            double loss = p.Litter1Loss, imm = p.ImmobL1S1;
            if (nLimited && imm > 0.0) { loss *= fpi; imm *= fpi; }
            f.Litter1Hr = RespFracL1S1 * loss;
            f.Litter1ToSoil1C = (1.0 - RespFracL1S1) * loss;
            f.Litter1ToSoil1N = s.Litter1N > 0.0 ? loss / (s.Litter1C / s.Litter1N) : 0.0;
            f.MineralToSoil1NFromL1 = imm;
            if (imm < 0.0) vol += -MineralisationVolatilised * imm;
        }
        if (s.Litter2C > 0.0)
        {
            double loss = p.Litter2Loss, imm = p.ImmobL2S2;
            if (nLimited && imm > 0.0) { loss *= fpi; imm *= fpi; }
            f.Litter2Hr = RespFracL2S2 * loss;
            f.Litter2ToSoil2C = (1.0 - RespFracL2S2) * loss;
            f.Litter2ToSoil2N = s.Litter2N > 0.0 ? loss / (s.Litter2C / s.Litter2N) : 0.0;
            f.MineralToSoil2NFromL2 = imm;
            if (imm < 0.0) vol += -MineralisationVolatilised * imm;
        }
        if (s.Litter3C > 0.0)
        {
            double k = p.KLitter4 * (nLimited && p.ImmobL4S3 > 0.0 ? fpi : 1.0);
            f.Litter3ToLitter2C = k * s.Litter3C;
            f.Litter3ToLitter2N = k * s.Litter3N;
        }
        if (s.Litter4C > 0.0)
        {
            double loss = p.Litter4Loss, imm = p.ImmobL4S3;
            if (nLimited && imm > 0.0) { loss *= fpi; imm *= fpi; }
            f.Litter4Hr = RespFracL4S3 * loss;
            f.Litter4ToSoil3C = (1.0 - RespFracL4S3) * loss;
            f.Litter4ToSoil3N = s.Litter4N > 0.0 ? loss / (s.Litter4C / s.Litter4N) : 0.0;
            f.MineralToSoil3NFromL4 = imm;
            if (imm < 0.0) vol += -MineralisationVolatilised * imm;
        }
        if (s.Soil1C > 0.0)
        {
            double loss = p.Soil1Loss, imm = p.ImmobS1S2;
            if (nLimited && imm > 0.0) { loss *= fpi; imm *= fpi; }
            f.Soil1Hr = RespFracS1S2 * loss;
            f.Soil1ToSoil2C = (1.0 - RespFracS1S2) * loss;
            f.Soil1ToSoil2N = loss / Soil1Cn;
            f.MineralToSoil2NFromS1 = imm;
            if (imm < 0.0) vol += -MineralisationVolatilised * imm;
        }
        if (s.Soil2C > 0.0)
        {
            double loss = p.Soil2Loss, imm = p.ImmobS2S3;
            if (nLimited && imm > 0.0) { loss *= fpi; imm *= fpi; }
            f.Soil2Hr = RespFracS2S3 * loss;
            f.Soil2ToSoil3C = (1.0 - RespFracS2S3) * loss;
            f.Soil2ToSoil3N = loss / Soil2Cn;
            f.MineralToSoil3NFromS2 = imm;
            if (imm < 0.0) vol += -MineralisationVolatilised * imm;
        }
        if (s.Soil3C > 0.0)
        {
            double loss = p.Soil3Loss, imm = p.ImmobS3S4;
            if (nLimited && imm > 0.0) { loss *= fpi; imm *= fpi; }
            f.Soil3Hr = RespFracS3S4 * loss;
            f.Soil3ToSoil4C = (1.0 - RespFracS3S4) * loss;
            f.Soil3ToSoil4N = loss / Soil3Cn;
            f.MineralToSoil4NFromS3 = imm;
            if (imm < 0.0) vol += -MineralisationVolatilised * imm;
        }
        if (s.Soil4C > 0.0)
        {
            f.Soil4Hr = p.Soil4Loss;
            f.Soil4ToMineralN = p.Soil4Loss / Soil4Cn;
            vol += MineralisationVolatilised * f.Soil4ToMineralN;
        }
        f.MineralNVolatilised = vol;
    }
}
