using CarbonSim.Model.Kernel;

namespace CarbonSim.Model.Management;

/// <summary>
/// State updates of the management processes (like <c>Mortality</c>, each has its own, since they
/// act at the start or the end of the day): sowing, fertiliser and irrigation before the day's
/// processes, harvest after them.
/// </summary>
public static class ManagementUpdate
{
    /// <summary>Applies seed, fertiliser and irrigation fluxes.</summary>
    public static void BeforeDay(CellState s, in DailyFluxes f)
    {
        s.LeafC += f.SeedToLeafC; s.FrootC += f.SeedToFrootC;
        s.LeafN += f.SeedToLeafN; s.FrootN += f.SeedToFrootN;
        s.MineralN += f.FertiliserToMineralN;
        s.SoilWater += f.IrrigationToSoilWater;
    }

    /// <summary>Applies the harvest fluxes: residues to litter, the crop's plant pools emptied.</summary>
    public static void AfterHarvest(CellState s, in DailyFluxes f)
    {
        s.Litter1C += f.HarvestToLitter1C; s.Litter2C += f.HarvestToLitter2C; s.Litter3C += f.HarvestToLitter3C; s.Litter4C += f.HarvestToLitter4C;
        s.Litter1N += f.HarvestToLitter1N; s.Litter2N += f.HarvestToLitter2N; s.Litter3N += f.HarvestToLitter3N; s.Litter4N += f.HarvestToLitter4N;
        s.LeafC = s.LeafStorageC = s.LeafTransferC = s.FrootC = s.FrootStorageC = s.FrootTransferC = 0.0;
        s.GrowthRespStorageC = s.GrowthRespTransferC = 0.0;
        if (s.CPool > 0.0) s.CPool = 0.0;
        s.LeafN = s.LeafStorageN = s.LeafTransferN = s.FrootN = s.FrootStorageN = s.FrootTransferN = 0.0;
        s.RetransN = s.NPool = 0.0;
        s.LeafLitterfallRate = s.FrootLitterfallRate = 0.0;
        s.AnnualMaxLeafC = s.AnnualMaxFrootC = 0.0;
    }
}
