using CarbonSim.Model.Kernel;
using static CarbonSim.Model.Kernel.KernelConstants;

namespace CarbonSim.Model.Processes;

/// <summary>
/// Growth respiration (science notes §1 step 17): 30 % of C allocated. In 4.2 the storage share is
/// paid at allocation too (<see cref="KernelConstants.GrowthRespPaidNow"/> = 1), so the transfer
/// term is zero unless that constant changes.
/// </summary>
public static class GrowthRespiration
{
    public static void Compute(ref DailyFluxes f)
    {
        double g1 = GrowthRespFraction, g2 = GrowthRespPaidNow;
        double newGrowth = f.CPoolToLeafC + f.CPoolToFrootC + f.CPoolToLiveStemC + f.CPoolToDeadStemC + f.CPoolToLiveCrootC + f.CPoolToDeadCrootC;
        double stored = f.CPoolToLeafStorageC + f.CPoolToFrootStorageC + f.CPoolToLiveStemStorageC + f.CPoolToDeadStemStorageC + f.CPoolToLiveCrootStorageC + f.CPoolToDeadCrootStorageC;
        double transferred = f.LeafTransferToLeafC + f.FrootTransferToFrootC + f.LiveStemTransferToLiveStemC + f.DeadStemTransferToDeadStemC + f.LiveCrootTransferToLiveCrootC + f.DeadCrootTransferToDeadCrootC;
        f.GrowthRespFromCPool = newGrowth * g1 + stored * g1 * g2;
        f.GrowthRespFromTransfer = transferred * g1 * (1.0 - g2);
    }
}
