using CarbonSim.Model.Kernel;

namespace CarbonSim.Model.Management;

/// <summary>
/// Sowing (issue #11): on the sowing day the seed enters the cell as an input of C and N, split
/// into the crop's displayed leaf (= aboveground) and fine-root pools by its allocation ratio
/// (new fine root C : new leaf C), N at the pools' C:N. Fluxes only; <see cref="ManagementUpdate"/>
/// applies them.
/// </summary>
public static class Sowing
{
    /// <summary>Fills the seed fluxes for <paramref name="crop"/> with vegetation constants <paramref name="v"/>.</summary>
    public static void Compute(CropSeason crop, VegetationConstants v, ref DailyFluxes f)
    {
        var e = v.Epc;
        // leaf : root = 1 : AllocFrootLeaf
        f.SeedToLeafC = crop.SeedC / (1.0 + e.AllocFrootLeaf);
        f.SeedToFrootC = crop.SeedC - f.SeedToLeafC;
        f.SeedToLeafN = f.SeedToLeafC / e.LeafCn;
        f.SeedToFrootN = f.SeedToFrootC / e.FrootCn;
    }
}
