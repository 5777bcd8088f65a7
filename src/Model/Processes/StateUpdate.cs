using CarbonSim.Model.Kernel;
using static CarbonSim.Model.Kernel.KernelConstants;

namespace CarbonSim.Model.Processes;

/// <summary>
/// The daily state update (science notes §1 step 18): applies the day's water, C and N fluxes, in
/// the order the processes ran. On the annual allocation day storage pools move to transfer pools
/// and deciduous leaf/root C and N below 1e-10 are zeroed.
/// </summary>
public static class StateUpdate
{
    /// <summary>
    /// Water. If evaporation and transpiration would drive soil water negative they are cancelled
    /// (and zeroed in <paramref name="f"/>), as in the original.
    /// </summary>
    public static void Water(CellState s, ref DailyFluxes f)
    {
        s.SoilWater += f.PrcpToSoil;
        s.SnowWater += f.PrcpToSnow;
        s.SoilWater += f.SnowToSoil; s.SnowWater -= f.SnowToSoil;
        s.SnowWater -= f.SnowSublimation;
        s.SoilWater -= f.SoilEvaporation;
        s.SoilWater += f.CanopyToSoil;
        s.SoilWater -= f.Transpiration;
        s.SoilWater -= f.Outflow;
        if (s.SoilWater < 0.0)
        {
            s.SoilWater += f.SoilEvaporation + f.Transpiration;
            f.SoilEvaporation = 0.0;
            f.Transpiration = 0.0;
        }
    }

    /// <summary>Phenology memory: annual maxima (start-of-day pools), tomorrow's litterfall rates, annual rates on the allocation day.</summary>
    public static void PhenologyMemory(CellState s, VegetationConstants v, in DailyFluxes f, bool annualAllocationDay)
    {
        if (v.Woody)
        {
            if (s.AnnualMaxLiveStemC < s.LiveStemC) s.AnnualMaxLiveStemC = s.LiveStemC;
            if (s.AnnualMaxLiveCrootC < s.LiveCrootC) s.AnnualMaxLiveCrootC = s.LiveCrootC;
        }
        if (s.AnnualMaxLeafC < s.LeafC) s.AnnualMaxLeafC = s.LeafC;
        if (s.AnnualMaxFrootC < s.FrootC) s.AnnualMaxFrootC = s.FrootC;
        if (!double.IsNaN(f.NextLeafLitterfallRate)) s.LeafLitterfallRate = f.NextLeafLitterfallRate;
        if (!double.IsNaN(f.NextFrootLitterfallRate)) s.FrootLitterfallRate = f.NextFrootLitterfallRate;
        if (annualAllocationDay) AnnualRates.Apply(s, v);
    }

    /// <summary>Carbon.</summary>
    public static void Carbon(CellState s, in DailyFluxes f, bool annualAllocationDay, bool evergreen)
    {
        // transfer growth
        s.LeafC += f.LeafTransferToLeafC; s.LeafTransferC -= f.LeafTransferToLeafC;
        s.FrootC += f.FrootTransferToFrootC; s.FrootTransferC -= f.FrootTransferToFrootC;
        s.LiveStemC += f.LiveStemTransferToLiveStemC; s.LiveStemTransferC -= f.LiveStemTransferToLiveStemC;
        s.DeadStemC += f.DeadStemTransferToDeadStemC; s.DeadStemTransferC -= f.DeadStemTransferToDeadStemC;
        s.LiveCrootC += f.LiveCrootTransferToLiveCrootC; s.LiveCrootTransferC -= f.LiveCrootTransferToLiveCrootC;
        s.DeadCrootC += f.DeadCrootTransferToDeadCrootC; s.DeadCrootTransferC -= f.DeadCrootTransferToDeadCrootC;
        // litterfall
        s.Litter1C += f.LeafToLitter1C + f.FrootToLitter1C;
        s.Litter2C += f.LeafToLitter2C + f.FrootToLitter2C;
        s.Litter3C += f.LeafToLitter3C + f.FrootToLitter3C;
        s.Litter4C += f.LeafToLitter4C + f.FrootToLitter4C;
        s.LeafC -= f.LeafToLitter1C + f.LeafToLitter2C + f.LeafToLitter3C + f.LeafToLitter4C;
        s.FrootC -= f.FrootToLitter1C + f.FrootToLitter2C + f.FrootToLitter3C + f.FrootToLitter4C;
        // live wood turnover
        s.DeadStemC += f.LiveStemToDeadStemC; s.LiveStemC -= f.LiveStemToDeadStemC;
        s.DeadCrootC += f.LiveCrootToDeadCrootC; s.LiveCrootC -= f.LiveCrootToDeadCrootC;
        // maintenance respiration and photosynthesis
        s.CPool -= f.LeafDayMr + f.LeafNightMr + f.FrootMr + f.LiveStemMr + f.LiveCrootMr;
        s.CPool += f.PsnSunToCPool + f.PsnShadeToCPool;
        // CWD fragmentation
        s.Litter2C += f.CwdToLitter2C; s.Litter3C += f.CwdToLitter3C; s.Litter4C += f.CwdToLitter4C;
        s.CwdC -= f.CwdToLitter2C + f.CwdToLitter3C + f.CwdToLitter4C;
        // decomposition
        s.Litter1C -= f.Litter1Hr + f.Litter1ToSoil1C; s.Soil1C += f.Litter1ToSoil1C;
        s.Litter2C -= f.Litter2Hr + f.Litter2ToSoil2C; s.Soil2C += f.Litter2ToSoil2C;
        s.Litter2C += f.Litter3ToLitter2C; s.Litter3C -= f.Litter3ToLitter2C;
        s.Litter4C -= f.Litter4Hr + f.Litter4ToSoil3C; s.Soil3C += f.Litter4ToSoil3C;
        s.Soil1C -= f.Soil1Hr + f.Soil1ToSoil2C; s.Soil2C += f.Soil1ToSoil2C;
        s.Soil2C -= f.Soil2Hr + f.Soil2ToSoil3C; s.Soil3C += f.Soil2ToSoil3C;
        s.Soil3C -= f.Soil3Hr + f.Soil3ToSoil4C; s.Soil4C += f.Soil3ToSoil4C;
        s.Soil4C -= f.Soil4Hr;
        // allocation
        s.LeafC += f.CPoolToLeafC; s.LeafStorageC += f.CPoolToLeafStorageC;
        s.FrootC += f.CPoolToFrootC; s.FrootStorageC += f.CPoolToFrootStorageC;
        s.LiveStemC += f.CPoolToLiveStemC; s.LiveStemStorageC += f.CPoolToLiveStemStorageC;
        s.DeadStemC += f.CPoolToDeadStemC; s.DeadStemStorageC += f.CPoolToDeadStemStorageC;
        s.LiveCrootC += f.CPoolToLiveCrootC; s.LiveCrootStorageC += f.CPoolToLiveCrootStorageC;
        s.DeadCrootC += f.CPoolToDeadCrootC; s.DeadCrootStorageC += f.CPoolToDeadCrootStorageC;
        s.CPool -= f.CPoolToLeafC + f.CPoolToLeafStorageC + f.CPoolToFrootC + f.CPoolToFrootStorageC
                 + f.CPoolToLiveStemC + f.CPoolToLiveStemStorageC + f.CPoolToDeadStemC + f.CPoolToDeadStemStorageC
                 + f.CPoolToLiveCrootC + f.CPoolToLiveCrootStorageC + f.CPoolToDeadCrootC + f.CPoolToDeadCrootStorageC;
        s.GrowthRespStorageC += f.CPoolToGrowthRespStorage; s.CPool -= f.CPoolToGrowthRespStorage;
        // growth respiration
        s.CPool -= f.GrowthRespFromCPool;
        s.GrowthRespTransferC -= f.GrowthRespFromTransfer;

        if (annualAllocationDay)
        {
            s.LeafTransferC += s.LeafStorageC; s.LeafStorageC = 0;
            s.FrootTransferC += s.FrootStorageC; s.FrootStorageC = 0;
            s.GrowthRespTransferC += s.GrowthRespStorageC; s.GrowthRespStorageC = 0;
            s.LiveStemTransferC += s.LiveStemStorageC; s.LiveStemStorageC = 0;
            s.DeadStemTransferC += s.DeadStemStorageC; s.DeadStemStorageC = 0;
            s.LiveCrootTransferC += s.LiveCrootStorageC; s.LiveCrootStorageC = 0;
            s.DeadCrootTransferC += s.DeadCrootStorageC; s.DeadCrootStorageC = 0;
        }
    }

    /// <summary>Nitrogen.</summary>
    public static void Nitrogen(CellState s, in DailyFluxes f, bool annualAllocationDay)
    {
        s.LeafN += f.LeafTransferToLeafN; s.LeafTransferN -= f.LeafTransferToLeafN;
        s.FrootN += f.FrootTransferToFrootN; s.FrootTransferN -= f.FrootTransferToFrootN;
        s.LiveStemN += f.LiveStemTransferToLiveStemN; s.LiveStemTransferN -= f.LiveStemTransferToLiveStemN;
        s.DeadStemN += f.DeadStemTransferToDeadStemN; s.DeadStemTransferN -= f.DeadStemTransferToDeadStemN;
        s.LiveCrootN += f.LiveCrootTransferToLiveCrootN; s.LiveCrootTransferN -= f.LiveCrootTransferToLiveCrootN;
        s.DeadCrootN += f.DeadCrootTransferToDeadCrootN; s.DeadCrootTransferN -= f.DeadCrootTransferToDeadCrootN;
        // litterfall and retranslocation
        s.Litter1N += f.LeafToLitter1N + f.FrootToLitter1N;
        s.Litter2N += f.LeafToLitter2N + f.FrootToLitter2N;
        s.Litter3N += f.LeafToLitter3N + f.FrootToLitter3N;
        s.Litter4N += f.LeafToLitter4N + f.FrootToLitter4N;
        s.RetransN += f.LeafToRetransN;
        s.LeafN -= f.LeafToLitter1N + f.LeafToLitter2N + f.LeafToLitter3N + f.LeafToLitter4N + f.LeafToRetransN;
        s.FrootN -= f.FrootToLitter1N + f.FrootToLitter2N + f.FrootToLitter3N + f.FrootToLitter4N;
        s.DeadStemN += f.LiveStemToDeadStemN; s.RetransN += f.LiveStemToRetransN; s.LiveStemN -= f.LiveStemToDeadStemN + f.LiveStemToRetransN;
        s.DeadCrootN += f.LiveCrootToDeadCrootN; s.RetransN += f.LiveCrootToRetransN; s.LiveCrootN -= f.LiveCrootToDeadCrootN + f.LiveCrootToRetransN;
        // inputs
        s.MineralN += f.NDeposition + f.NFixation + f.NSupplement;
        // CWD fragmentation
        s.Litter2N += f.CwdToLitter2N; s.Litter3N += f.CwdToLitter3N; s.Litter4N += f.CwdToLitter4N;
        s.CwdN -= f.CwdToLitter2N + f.CwdToLitter3N + f.CwdToLitter4N;
        // decomposition, immobilisation (+) and mineralisation (−)
        s.Soil1N += f.Litter1ToSoil1N; s.Litter1N -= f.Litter1ToSoil1N;
        s.Soil1N += f.MineralToSoil1NFromL1; s.MineralN -= f.MineralToSoil1NFromL1;
        s.Soil2N += f.Litter2ToSoil2N; s.Litter2N -= f.Litter2ToSoil2N;
        s.Soil2N += f.MineralToSoil2NFromL2; s.MineralN -= f.MineralToSoil2NFromL2;
        s.Litter2N += f.Litter3ToLitter2N; s.Litter3N -= f.Litter3ToLitter2N;
        s.Soil3N += f.Litter4ToSoil3N; s.Litter4N -= f.Litter4ToSoil3N;
        s.Soil3N += f.MineralToSoil3NFromL4; s.MineralN -= f.MineralToSoil3NFromL4;
        s.Soil2N += f.Soil1ToSoil2N; s.Soil1N -= f.Soil1ToSoil2N;
        s.Soil2N += f.MineralToSoil2NFromS1; s.MineralN -= f.MineralToSoil2NFromS1;
        s.Soil3N += f.Soil2ToSoil3N; s.Soil2N -= f.Soil2ToSoil3N;
        s.Soil3N += f.MineralToSoil3NFromS2; s.MineralN -= f.MineralToSoil3NFromS2;
        s.Soil4N += f.Soil3ToSoil4N; s.Soil3N -= f.Soil3ToSoil4N;
        s.Soil4N += f.MineralToSoil4NFromS3; s.MineralN -= f.MineralToSoil4NFromS3;
        s.MineralN += f.Soil4ToMineralN; s.Soil4N -= f.Soil4ToMineralN;
        s.MineralN -= f.MineralNVolatilised;
        s.MineralN -= f.MineralNDenitrified;
        // plant uptake and allocation
        s.NPool += f.RetransToNPool; s.RetransN -= f.RetransToNPool;
        s.NPool += f.MineralToNPool; s.MineralN -= f.MineralToNPool;
        s.LeafN += f.NPoolToLeafN; s.LeafStorageN += f.NPoolToLeafStorageN;
        s.FrootN += f.NPoolToFrootN; s.FrootStorageN += f.NPoolToFrootStorageN;
        s.LiveStemN += f.NPoolToLiveStemN; s.LiveStemStorageN += f.NPoolToLiveStemStorageN;
        s.DeadStemN += f.NPoolToDeadStemN; s.DeadStemStorageN += f.NPoolToDeadStemStorageN;
        s.LiveCrootN += f.NPoolToLiveCrootN; s.LiveCrootStorageN += f.NPoolToLiveCrootStorageN;
        s.DeadCrootN += f.NPoolToDeadCrootN; s.DeadCrootStorageN += f.NPoolToDeadCrootStorageN;
        s.NPool -= f.NPoolToLeafN + f.NPoolToLeafStorageN + f.NPoolToFrootN + f.NPoolToFrootStorageN
                 + f.NPoolToLiveStemN + f.NPoolToLiveStemStorageN + f.NPoolToDeadStemN + f.NPoolToDeadStemStorageN
                 + f.NPoolToLiveCrootN + f.NPoolToLiveCrootStorageN + f.NPoolToDeadCrootN + f.NPoolToDeadCrootStorageN;

        if (annualAllocationDay)
        {
            s.LeafTransferN += s.LeafStorageN; s.LeafStorageN = 0;
            s.FrootTransferN += s.FrootStorageN; s.FrootStorageN = 0;
            s.LiveStemTransferN += s.LiveStemStorageN; s.LiveStemStorageN = 0;
            s.DeadStemTransferN += s.DeadStemStorageN; s.DeadStemStorageN = 0;
            s.LiveCrootTransferN += s.LiveCrootStorageN; s.LiveCrootStorageN = 0;
            s.DeadCrootTransferN += s.DeadCrootStorageN; s.DeadCrootStorageN = 0;
        }
    }

    /// <summary>On the allocation day deciduous leaf and fine-root C and N below 1e-10 are zeroed (moved to labile litter here so mass is conserved).</summary>
    public static void ZeroDeciduousRemnants(CellState s)
    {
        if (s.LeafC < DeciduousZeroThreshold) { s.Litter1C += s.LeafC; s.LeafC = 0.0; }
        if (s.FrootC < DeciduousZeroThreshold) { s.Litter1C += s.FrootC; s.FrootC = 0.0; }
        if (s.LeafN < DeciduousZeroThreshold) { s.Litter1N += s.LeafN; s.LeafN = 0.0; }
        if (s.FrootN < DeciduousZeroThreshold) { s.Litter1N += s.FrootN; s.FrootN = 0.0; }
    }
}
