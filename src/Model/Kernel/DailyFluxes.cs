namespace CarbonSim.Model.Kernel;

/// <summary>
/// All fluxes of one day, named source → destination, in kg m-2 d-1 (water kg m-2 d-1 = mm d-1).
/// Processes fill it; only <see cref="Processes.StateUpdate"/> and <see cref="Processes.Mortality"/>
/// move mass between pools. Reset to <c>default</c> at the start of each day.
/// </summary>
public struct DailyFluxes
{
    // ---- water ----
    /// <summary>[kg m-2 d-1] Rain intercepted by the canopy.</summary>
    public double PrcpToCanopy;
    /// <summary>[kg m-2 d-1] Throughfall to soil.</summary>
    public double PrcpToSoil;
    /// <summary>[kg m-2 d-1] Snowfall.</summary>
    public double PrcpToSnow;
    /// <summary>[kg m-2 d-1] Snowmelt.</summary>
    public double SnowToSoil;
    /// <summary>[kg m-2 d-1] Snow sublimation.</summary>
    public double SnowSublimation;
    /// <summary>[kg m-2 d-1] Bare-soil evaporation.</summary>
    public double SoilEvaporation;
    /// <summary>[kg m-2 d-1] Evaporation of intercepted water.</summary>
    public double CanopyEvaporation;
    /// <summary>[kg m-2 d-1] Intercepted water not evaporated, dripping to soil.</summary>
    public double CanopyToSoil;
    /// <summary>[kg m-2 d-1] Transpiration.</summary>
    public double Transpiration;
    /// <summary>[kg m-2 d-1] Drainage / outflow.</summary>
    public double Outflow;

    // ---- phenology: transfer growth ----
    public double LeafTransferToLeafC, FrootTransferToFrootC, LiveStemTransferToLiveStemC, DeadStemTransferToDeadStemC, LiveCrootTransferToLiveCrootC, DeadCrootTransferToDeadCrootC;
    public double LeafTransferToLeafN, FrootTransferToFrootN, LiveStemTransferToLiveStemN, DeadStemTransferToDeadStemN, LiveCrootTransferToLiveCrootN, DeadCrootTransferToDeadCrootN;
    // ---- phenology: litterfall ----
    public double LeafToLitter1C, LeafToLitter2C, LeafToLitter3C, LeafToLitter4C;
    public double LeafToLitter1N, LeafToLitter2N, LeafToLitter3N, LeafToLitter4N, LeafToRetransN;
    public double FrootToLitter1C, FrootToLitter2C, FrootToLitter3C, FrootToLitter4C;
    public double FrootToLitter1N, FrootToLitter2N, FrootToLitter3N, FrootToLitter4N;
    // ---- phenology: live wood turnover ----
    public double LiveStemToDeadStemC, LiveStemToDeadStemN, LiveStemToRetransN;
    public double LiveCrootToDeadCrootC, LiveCrootToDeadCrootN, LiveCrootToRetransN;
    /// <summary>[kgC m-2 d-1] Leaf litterfall rate for tomorrow (deciduous ramp); NaN = unchanged.</summary>
    public double NextLeafLitterfallRate;
    /// <summary>[kgC m-2 d-1] Fine-root litterfall rate for tomorrow; NaN = unchanged.</summary>
    public double NextFrootLitterfallRate;

    // ---- maintenance respiration ----
    public double LeafDayMr, LeafNightMr, FrootMr, LiveStemMr, LiveCrootMr;
    // ---- photosynthesis (already N-limited after allocation) ----
    public double PsnSunToCPool, PsnShadeToCPool;

    // ---- N inputs ----
    public double NDeposition, NFixation;
    /// <summary>[kgN m-2 d-1] Spin-up N supplement added to mineral N (0 outside spin-up block 0).</summary>
    public double NSupplement;

    // ---- decomposition (final, after N competition) ----
    public double CwdToLitter2C, CwdToLitter3C, CwdToLitter4C, CwdToLitter2N, CwdToLitter3N, CwdToLitter4N;
    public double Litter1Hr, Litter1ToSoil1C, Litter1ToSoil1N, MineralToSoil1NFromL1;
    public double Litter2Hr, Litter2ToSoil2C, Litter2ToSoil2N, MineralToSoil2NFromL2;
    public double Litter3ToLitter2C, Litter3ToLitter2N;
    public double Litter4Hr, Litter4ToSoil3C, Litter4ToSoil3N, MineralToSoil3NFromL4;
    public double Soil1Hr, Soil1ToSoil2C, Soil1ToSoil2N, MineralToSoil2NFromS1;
    public double Soil2Hr, Soil2ToSoil3C, Soil2ToSoil3N, MineralToSoil3NFromS2;
    public double Soil3Hr, Soil3ToSoil4C, Soil3ToSoil4N, MineralToSoil4NFromS3;
    public double Soil4Hr, Soil4ToMineralN;
    /// <summary>[kgN m-2 d-1] 1 % of each mineralising step, volatilised.</summary>
    public double MineralNVolatilised;

    // ---- allocation ----
    public double RetransToNPool, MineralToNPool, MineralNDenitrified;
    public double CPoolToLeafC, CPoolToLeafStorageC, CPoolToFrootC, CPoolToFrootStorageC;
    public double CPoolToLiveStemC, CPoolToLiveStemStorageC, CPoolToDeadStemC, CPoolToDeadStemStorageC;
    public double CPoolToLiveCrootC, CPoolToLiveCrootStorageC, CPoolToDeadCrootC, CPoolToDeadCrootStorageC;
    public double CPoolToGrowthRespStorage;
    public double NPoolToLeafN, NPoolToLeafStorageN, NPoolToFrootN, NPoolToFrootStorageN;
    public double NPoolToLiveStemN, NPoolToLiveStemStorageN, NPoolToDeadStemN, NPoolToDeadStemStorageN;
    public double NPoolToLiveCrootN, NPoolToLiveCrootStorageN, NPoolToDeadCrootN, NPoolToDeadCrootStorageN;
    /// <summary>[-] Fraction of potential immobilisation realised (set on N-limited days only).</summary>
    public double Fpi;

    // ---- growth respiration ----
    /// <summary>[kgC m-2 d-1] Growth respiration paid from CPool (new growth and stored growth).</summary>
    public double GrowthRespFromCPool;
    /// <summary>[kgC m-2 d-1] Growth respiration paid from the growth-respiration transfer pool.</summary>
    public double GrowthRespFromTransfer;

    // ---- leaching ----
    public double MineralNLeached;

    // ---- mortality (non-fire and fire) totals, for summaries ----
    /// <summary>[kgC m-2 d-1] All fire losses of C.</summary>
    public double FireC;
    /// <summary>[kgN m-2 d-1] All fire losses of N.</summary>
    public double FireN;

    // ---- precision control losses (balance bookkeeping) ----
    public double PrecisionLossC, PrecisionLossN, PrecisionLossWater;

    // ---- cropland management (zero without management; src/Model/Management) ----
    /// <summary>[kgC m-2 d-1] Sowing: seed C into leaf and fine roots (an input from outside the cell).</summary>
    public double SeedToLeafC, SeedToFrootC;
    /// <summary>[kgN m-2 d-1] Sowing: seed N into leaf and fine roots.</summary>
    public double SeedToLeafN, SeedToFrootN;
    /// <summary>[kgN m-2 d-1] Mineral fertiliser into soil mineral N.</summary>
    public double FertiliserToMineralN;
    /// <summary>[kg m-2 d-1] Irrigation into soil water.</summary>
    public double IrrigationToSoilWater;
    /// <summary>[kgC m-2 d-1] Harvest: grain and removed straw leaving the cell (lateral outputs).</summary>
    public double LeafToGrainC, LeafToStrawRemovedC;
    /// <summary>[kgN m-2 d-1] Harvest: N in grain and removed straw.</summary>
    public double LeafToGrainN, LeafToStrawRemovedN;
    /// <summary>[kgC m-2 d-1] Harvest: returned straw, roots and the crop's other pools into litter 1–4.</summary>
    public double HarvestToLitter1C, HarvestToLitter2C, HarvestToLitter3C, HarvestToLitter4C;
    /// <summary>[kgN m-2 d-1] Harvest: N of the residues into litter 1–4.</summary>
    public double HarvestToLitter1N, HarvestToLitter2N, HarvestToLitter3N, HarvestToLitter4N;

    // ---- urban green management (zero without it; src/Model/Management/UrbanGreen*.cs) ----
    /// <summary>[kgC m-2 d-1] Clipping: leaf C cut and carried away (lateral output).</summary>
    public double LeafToClippingC;
    /// <summary>[kgN m-2 d-1] Clipping: leaf N cut and carried away.</summary>
    public double LeafToClippingN;
    /// <summary>[kgC m-2 d-1] Litter removal: litter 1–4 C swept up and carried away (lateral output).</summary>
    public double Litter1ToRemovedC, Litter2ToRemovedC, Litter3ToRemovedC, Litter4ToRemovedC;
    /// <summary>[kgN m-2 d-1] Litter removal: litter 1–4 N carried away.</summary>
    public double Litter1ToRemovedN, Litter2ToRemovedN, Litter3ToRemovedN, Litter4ToRemovedN;
    /// <summary>[kgC m-2 d-1] Urban green C leaving the cell (clippings + removed litter).</summary>
    public readonly double RemovedC => LeafToClippingC + Litter1ToRemovedC + Litter2ToRemovedC + Litter3ToRemovedC + Litter4ToRemovedC;
    /// <summary>[kgN m-2 d-1] Urban green N leaving the cell (clippings + removed litter).</summary>
    public readonly double RemovedN => LeafToClippingN + Litter1ToRemovedN + Litter2ToRemovedN + Litter3ToRemovedN + Litter4ToRemovedN;

    // ---- forest harvest (zero without it; src/Model/Management/ForestHarvest.cs) ----
    /// <summary>[kgC m-2 d-1] Felled stem wood carried away as timber and fuelwood (lateral output).</summary>
    public double WoodHarvestC;
    /// <summary>[kgN m-2 d-1] N of the stem wood carried away.</summary>
    public double WoodHarvestN;

    /// <summary>[kgC m-2 d-1] Seed C sown (input).</summary>
    public readonly double SeedC => SeedToLeafC + SeedToFrootC;
    /// <summary>[kgN m-2 d-1] Seed N sown (input).</summary>
    public readonly double SeedN => SeedToLeafN + SeedToFrootN;
    /// <summary>[kgC m-2 d-1] Harvested C leaving the cell (grain + removed straw).</summary>
    public readonly double HarvestC => LeafToGrainC + LeafToStrawRemovedC;
    /// <summary>[kgN m-2 d-1] Harvested N leaving the cell.</summary>
    public readonly double HarvestN => LeafToGrainN + LeafToStrawRemovedN;

    /// <summary>[kgC m-2 d-1] Gross primary production (N-limited).</summary>
    public readonly double Gpp => PsnSunToCPool + PsnShadeToCPool;
    /// <summary>[kgC m-2 d-1] Maintenance respiration.</summary>
    public readonly double Mr => LeafDayMr + LeafNightMr + FrootMr + LiveStemMr + LiveCrootMr;
    /// <summary>[kgC m-2 d-1] Growth respiration.</summary>
    public readonly double Gr => GrowthRespFromCPool + GrowthRespFromTransfer;
    /// <summary>[kgC m-2 d-1] Heterotrophic respiration.</summary>
    public readonly double Hr => Litter1Hr + Litter2Hr + Litter4Hr + Soil1Hr + Soil2Hr + Soil3Hr + Soil4Hr;
    /// <summary>[kg m-2 d-1] Evapotranspiration incl. sublimation.</summary>
    public readonly double Et => CanopyEvaporation + SoilEvaporation + Transpiration + SnowSublimation;
}
