using CarbonSim.Model.Kernel;

namespace CarbonSim.Model.Management;

/// <summary>
/// Harvest (issue #11), at the end of the harvest day: the crop's aboveground C (its displayed
/// leaf pool) is split into grain = harvest index × aboveground, which leaves the cell, and straw
/// = the rest, of which (1 − residue return) leaves the cell and the returned share goes to litter
/// with the leaf litter fractions. Fine roots go to litter with the fine-root fractions; storage,
/// transfer, growth-respiration and a positive C pool go to labile litter, with the retranslocated
/// and N pools. N follows C in proportion within each pool. Fluxes only; <see cref="ManagementUpdate.AfterHarvest"/>
/// empties the plant pools.
/// </summary>
public static class Harvest
{
    public static void Compute(CellState s, CropSeason crop, VegetationConstants v, ref DailyFluxes f)
    {
        double leafC = s.LeafC, leafN = s.LeafN;
        double grain = crop.HarvestIndex, strawOut = (1.0 - crop.HarvestIndex) * (1.0 - crop.ResidueReturn);
        f.LeafToGrainC = grain * leafC; f.LeafToGrainN = grain * leafN;
        f.LeafToStrawRemovedC = strawOut * leafC; f.LeafToStrawRemovedN = strawOut * leafN;
        double returnedC = leafC - f.LeafToGrainC - f.LeafToStrawRemovedC;
        double returnedN = leafN - f.LeafToGrainN - f.LeafToStrawRemovedN;
        double rootC = s.FrootC, rootN = s.FrootN;
        double otherC = s.LeafStorageC + s.LeafTransferC + s.FrootStorageC + s.FrootTransferC
                      + s.GrowthRespStorageC + s.GrowthRespTransferC + Math.Max(0.0, s.CPool);
        double otherN = s.LeafStorageN + s.LeafTransferN + s.FrootStorageN + s.FrootTransferN + s.RetransN + s.NPool;
        f.HarvestToLitter1C = returnedC * v.LeafLab + rootC * v.FrootLab + otherC;
        f.HarvestToLitter2C = returnedC * v.LeafUcel + rootC * v.FrootUcel;
        f.HarvestToLitter3C = returnedC * v.LeafScel + rootC * v.FrootScel;
        f.HarvestToLitter4C = returnedC * v.LeafLig + rootC * v.FrootLig;
        f.HarvestToLitter1N = returnedN * v.LeafLab + rootN * v.FrootLab + otherN;
        f.HarvestToLitter2N = returnedN * v.LeafUcel + rootN * v.FrootUcel;
        f.HarvestToLitter3N = returnedN * v.LeafScel + rootN * v.FrootScel;
        f.HarvestToLitter4N = returnedN * v.LeafLig + rootN * v.FrootLig;
    }
}
