namespace CarbonSim.Model.Kernel;

/// <summary>
/// One simulated year of one cell. Fluxes are annual sums in kg m-2 a-1 (C in kgC, water in kg =
/// mm); pools are end-of-year (day-365) values in kg m-2. Reports multiply by 1000 for g m-2.
/// </summary>
public sealed class AnnualSummary
{
    /// <summary>[-] Met year index used.</summary>
    public int MetYear { get; set; }
    /// <summary>[kgC m-2 a-1] Gross primary production (already N-limited).</summary>
    public double Gpp { get; set; }
    /// <summary>[kgC m-2 a-1] Net primary production = GPP − MR − GR.</summary>
    public double Npp { get; set; }
    /// <summary>[kgC m-2 a-1] Net ecosystem production = NPP − HR.</summary>
    public double Nep { get; set; }
    /// <summary>[kgC m-2 a-1] Net biome production = NEP − fire − harvest + seed, positive for uptake (BIOME-BGC's "NEE" without management).</summary>
    public double Nbp { get; set; }
    /// <summary>[kgC m-2 a-1] Maintenance respiration.</summary>
    public double Mr { get; set; }
    /// <summary>[kgC m-2 a-1] Growth respiration.</summary>
    public double Gr { get; set; }
    /// <summary>[kgC m-2 a-1] Heterotrophic respiration.</summary>
    public double Hr { get; set; }
    /// <summary>[kgC m-2 a-1] Fire emissions.</summary>
    public double Fire { get; set; }
    /// <summary>[kg m-2 a-1] Evapotranspiration (canopy + soil evaporation + transpiration + sublimation).</summary>
    public double Et { get; set; }
    /// <summary>[kg m-2 a-1] Evaporation (canopy + soil + sublimation).</summary>
    public double Evaporation { get; set; }
    /// <summary>[kg m-2 a-1] Transpiration.</summary>
    public double Transpiration { get; set; }
    /// <summary>[kg m-2 a-1] Outflow.</summary>
    public double Outflow { get; set; }
    /// <summary>[kg m-2 a-1] Precipitation.</summary>
    public double Precipitation { get; set; }
    /// <summary>[°C] Annual mean air temperature.</summary>
    public double MeanTavg { get; set; }
    /// <summary>[ppm] CO2 used.</summary>
    public double Co2 { get; set; }
    /// <summary>[kg m-2] Mean end-of-day soil water.</summary>
    public double MeanSoilWater { get; set; }
    /// <summary>[m3 m-3] Mean volumetric water content.</summary>
    public double MeanVwc { get; set; }
    /// <summary>[m2 m-2] Maximum projected LAI.</summary>
    public double MaxLai { get; set; }
    /// <summary>[kgC m-2] Maximum end-of-day leaf C.</summary>
    public double MaxLeafC { get; set; }
    /// <summary>[kgC m-2] End-of-year pools.</summary>
    public double LeafC { get; set; }
    public double FrootC { get; set; }
    public double VegetationC { get; set; }
    /// <summary>[kgC m-2] Litter incl. CWD.</summary>
    public double LitterC { get; set; }
    public double CwdC { get; set; }
    public double SoilC { get; set; }
    public double TotalC { get; set; }
    /// <summary>[kgN m-2] End-of-year mineral N.</summary>
    public double MineralN { get; set; }
    /// <summary>[kgC m-2] Sum over the year's days of soil C and total C (for spin-up block means).</summary>
    public double SumDailySoilC { get; set; }
    public double SumDailyTotalC { get; set; }
    /// <summary>[kgC m-2 a-1] Harvested C leaving the cell (grain + removed straw; 0 without management).</summary>
    public double HarvestC { get; set; }
    /// <summary>[kgN m-2 a-1] Harvested N leaving the cell.</summary>
    public double HarvestN { get; set; }
    /// <summary>[kgC m-2 a-1] Grain C harvested (all crops of the year).</summary>
    public double GrainC { get; set; }
    /// <summary>[kgC m-2 a-1] Seed C sown (input).</summary>
    public double SeedC { get; set; }
    /// <summary>[kgN m-2 a-1] Mineral fertiliser N applied.</summary>
    public double FertiliserN { get; set; }
    /// <summary>[kg m-2 a-1] Irrigation water applied (mm).</summary>
    public double Irrigation { get; set; }
    /// <summary>[kgC m-2 a-1] Grain C harvested in this calendar year per crop season of the rotation (rotation order; empty without management). Yield: <see cref="Management.CropYield.TonnesPerHectare"/>.</summary>
    public IReadOnlyList<double> GrainCBySeason { get; set; } = [];
    /// <summary>[kgC m-2 a-1] Urban green C carried away (clippings and removed litter; 0 without urban green management).</summary>
    public double RemovedC { get; set; }
    /// <summary>[kgN m-2 a-1] Urban green N carried away.</summary>
    public double RemovedN { get; set; }
    /// <summary>[kgC m-2 a-1] Stem wood carried away by forest harvest (management.forest_harvest), and in a history year the plant C of a stand cleared at its start; 0 otherwise.</summary>
    public double WoodHarvestC { get; set; }
    /// <summary>[kgN m-2 a-1] N of <see cref="WoodHarvestC"/>.</summary>
    public double WoodHarvestN { get; set; }
}
