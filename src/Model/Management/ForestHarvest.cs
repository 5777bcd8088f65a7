using CarbonSim.Model.Kernel;

namespace CarbonSim.Model.Management;

/// <summary>
/// How the woody columns of one land-use class (forest) are harvested: a share of the stand felled once a year
/// (selective felling, thinning and fuelwood cutting of a landscape's many stands, as a forest inventory reports them:
/// the year's consumption as a share of the standing stock), and the share of the felled stem wood carried away as
/// timber and fuelwood (issue #10; docs/management.md, "Forest harvest"). Read from <c>management.forest_harvest</c>
/// (data/management/forest_harvest.csv) and attached to a column's <see cref="Parameters.EcophysParameters.ForestHarvest"/>;
/// null there = no harvest, BIOME-BGC unchanged.
/// </summary>
/// <param name="Class">[-] Land-use class name (e.g. forest).</param>
/// <param name="Vegetation">[-] Woody vegetation type name, or "*" for every woody column of the class without a row of its own.</param>
/// <param name="FelledSharePerYear">[a-1] Share of the stand (every plant pool) felled on the felling day each year.</param>
/// <param name="StemExportShare">[-] Share of the felled stem wood (live and dead stem C and N) carried away; the rest stays as slash (coarse woody debris).</param>
/// <param name="FellingDay">[yday, 0-based] Day of the year of the felling (the CSV is 1-based).</param>
/// <param name="FirstYear">[a] First calendar year felled (history and scenario years from then on; never in the spin-up, whose
/// equilibrium stays the undisturbed one the stand-age history starts from).</param>
public sealed record ForestHarvestPractice(string Class, string Vegetation, double FelledSharePerYear, double StemExportShare, int FellingDay, int FirstYear)
{
    /// <summary>Whether the stand is felled in <paramref name="calendarYear"/> (0 = spin-up: never).</summary>
    public bool FellsIn(int calendarYear) => calendarYear != 0 && calendarYear >= FirstYear;
}

/// <summary>
/// The felling at the end of the felling day (after mortality), like a whole-plant mortality event of the felled share h
/// whose stem wood partly leaves the cell: h of the leaves and fine roots go to litter 1–4 with the type's litter fractions,
/// h of the storage, transfer and growth-respiration pools and of the retranslocated N to labile litter, h of the coarse
/// roots (stumps) and the slash share (1 − e) of the felled stems to coarse woody debris, and e × h of the stems (C and N)
/// leave the cell as wood harvest (<see cref="DailyFluxes.WoodHarvestC"/>, a lateral flux counted in NBP and in the
/// balance). N moves with C pool by pool, so C:N ratios of what stays are unchanged. Non-woody columns are never felled.
/// </summary>
public static class ForestHarvest
{
    /// <summary>Fells <paramref name="p"/>'s share of <paramref name="s"/> in place and sets the wood harvest fluxes of <paramref name="f"/>.</summary>
    public static void Fell(CellState s, ForestHarvestPractice p, VegetationConstants v, ref DailyFluxes f)
    {
        if (!v.Woody) return;
        double h = p.FelledSharePerYear, e = p.StemExportShare;
        if (h == 0.0) return;
        // carbon: what leaves each plant pool
        double leaf = h * s.LeafC, froot = h * s.FrootC;
        double other = h * (s.LeafStorageC + s.FrootStorageC + s.LiveStemStorageC + s.DeadStemStorageC + s.LiveCrootStorageC + s.DeadCrootStorageC
                          + s.LeafTransferC + s.FrootTransferC + s.LiveStemTransferC + s.DeadStemTransferC + s.LiveCrootTransferC + s.DeadCrootTransferC
                          + s.GrowthRespStorageC + s.GrowthRespTransferC);
        double stem = h * (s.LiveStemC + s.DeadStemC), croot = h * (s.LiveCrootC + s.DeadCrootC);
        // nitrogen
        double leafN = h * s.LeafN, frootN = h * s.FrootN;
        double otherN = h * (s.LeafStorageN + s.FrootStorageN + s.LiveStemStorageN + s.DeadStemStorageN + s.LiveCrootStorageN + s.DeadCrootStorageN
                           + s.LeafTransferN + s.FrootTransferN + s.LiveStemTransferN + s.DeadStemTransferN + s.LiveCrootTransferN + s.DeadCrootTransferN
                           + s.RetransN);
        double stemN = h * (s.LiveStemN + s.DeadStemN), crootN = h * (s.LiveCrootN + s.DeadCrootN);
        f.WoodHarvestC = e * stem; f.WoodHarvestN = e * stemN;

        s.Litter1C += leaf * v.LeafLab + froot * v.FrootLab + other;
        s.Litter2C += leaf * v.LeafUcel + froot * v.FrootUcel;
        s.Litter3C += leaf * v.LeafScel + froot * v.FrootScel;
        s.Litter4C += leaf * v.LeafLig + froot * v.FrootLig;
        s.CwdC += (stem - f.WoodHarvestC) + croot;
        s.Litter1N += leafN * v.LeafLab + frootN * v.FrootLab + otherN;
        s.Litter2N += leafN * v.LeafUcel + frootN * v.FrootUcel;
        s.Litter3N += leafN * v.LeafScel + frootN * v.FrootScel;
        s.Litter4N += leafN * v.LeafLig + frootN * v.FrootLig;
        s.CwdN += (stemN - f.WoodHarvestN) + crootN;

        double keep = 1.0 - h;
        s.LeafC *= keep; s.FrootC *= keep; s.LiveStemC *= keep; s.DeadStemC *= keep; s.LiveCrootC *= keep; s.DeadCrootC *= keep;
        s.LeafStorageC *= keep; s.FrootStorageC *= keep; s.LiveStemStorageC *= keep; s.DeadStemStorageC *= keep; s.LiveCrootStorageC *= keep; s.DeadCrootStorageC *= keep;
        s.LeafTransferC *= keep; s.FrootTransferC *= keep; s.LiveStemTransferC *= keep; s.DeadStemTransferC *= keep; s.LiveCrootTransferC *= keep; s.DeadCrootTransferC *= keep;
        s.GrowthRespStorageC *= keep; s.GrowthRespTransferC *= keep;
        s.LeafN *= keep; s.FrootN *= keep; s.LiveStemN *= keep; s.DeadStemN *= keep; s.LiveCrootN *= keep; s.DeadCrootN *= keep;
        s.LeafStorageN *= keep; s.FrootStorageN *= keep; s.LiveStemStorageN *= keep; s.DeadStemStorageN *= keep; s.LiveCrootStorageN *= keep; s.DeadCrootStorageN *= keep;
        s.LeafTransferN *= keep; s.FrootTransferN *= keep; s.LiveStemTransferN *= keep; s.DeadStemTransferN *= keep; s.LiveCrootTransferN *= keep; s.DeadCrootTransferN *= keep;
        s.RetransN *= keep;
    }
}
