namespace CarbonSim.Model.Parameters;

/// <summary>
/// Ecophysiological constants of one vegetation type: the 44 positional lines of a BIOME-BGC
/// <c>.epc</c> file, named and unit-labelled (science notes §1.3). Immutable; loaded by
/// <c>Io.BiomeBgc.EpcReader</c> or its YAML/JSON twin.
/// </summary>
public sealed record EcophysParameters
{
    /// <summary>[-] Free text after the ECOPHYS keyword (e.g. "ENF-cool ...").</summary>
    public string Title { get; init; } = "";
    /// <summary>[flag] Woody (true) or non-woody.</summary>
    public bool Woody { get; init; }
    /// <summary>[flag] Evergreen (true) or deciduous.</summary>
    public bool Evergreen { get; init; }
    /// <summary>[flag] C3 photosynthesis (true) or C4.</summary>
    public bool C3 { get; init; }
    /// <summary>[flag] Model phenology (true) or user-specified onset/offset days.</summary>
    public bool ModelPhenology { get; init; }
    /// <summary>[yday] Start of new growth (user phenology only).</summary>
    public int OnsetYearDay { get; init; }
    /// <summary>[yday] End of litterfall (user phenology only).</summary>
    public int OffsetYearDay { get; init; }
    /// <summary>[fraction of growing season] Transfer growth period.</summary>
    public double TransferFraction { get; init; }
    /// <summary>[fraction of growing season] Litterfall period.</summary>
    public double LitterfallFraction { get; init; }
    /// <summary>[a-1] Annual leaf and fine root turnover fraction.</summary>
    public double LeafFineRootTurnover { get; init; }
    /// <summary>[a-1] Annual live wood turnover fraction.</summary>
    public double LiveWoodTurnover { get; init; }
    /// <summary>[a-1] Annual whole-plant mortality fraction.</summary>
    public double WholePlantMortality { get; init; }
    /// <summary>[a-1] Annual fire mortality fraction.</summary>
    public double FireMortality { get; init; }
    /// <summary>[ratio] New fine root C : new leaf C.</summary>
    public double AllocFrootLeaf { get; init; }
    /// <summary>[ratio] New stem C : new leaf C.</summary>
    public double AllocStemLeaf { get; init; }
    /// <summary>[ratio] New live wood C : new total wood C.</summary>
    public double AllocLiveTotalWood { get; init; }
    /// <summary>[ratio] New coarse root C : new stem C.</summary>
    public double AllocCrootStem { get; init; }
    /// <summary>[proportion] Current growth proportion (displayed now vs. stored).</summary>
    public double AllocCurrentGrowth { get; init; }
    /// <summary>[kgC kgN-1] C:N of leaves.</summary>
    public double LeafCn { get; init; }
    /// <summary>[kgC kgN-1] C:N of leaf litter after retranslocation.</summary>
    public double LeafLitterCn { get; init; }
    /// <summary>[kgC kgN-1] C:N of fine roots.</summary>
    public double FrootCn { get; init; }
    /// <summary>[kgC kgN-1] C:N of live wood.</summary>
    public double LiveWoodCn { get; init; }
    /// <summary>[kgC kgN-1] C:N of dead wood.</summary>
    public double DeadWoodCn { get; init; }
    /// <summary>[-] Leaf litter labile proportion.</summary>
    public double LeafLitterLabile { get; init; }
    /// <summary>[-] Leaf litter cellulose proportion.</summary>
    public double LeafLitterCellulose { get; init; }
    /// <summary>[-] Leaf litter lignin proportion.</summary>
    public double LeafLitterLignin { get; init; }
    /// <summary>[-] Fine root labile proportion.</summary>
    public double FrootLabile { get; init; }
    /// <summary>[-] Fine root cellulose proportion.</summary>
    public double FrootCellulose { get; init; }
    /// <summary>[-] Fine root lignin proportion.</summary>
    public double FrootLignin { get; init; }
    /// <summary>[-] Dead wood cellulose proportion.</summary>
    public double DeadWoodCellulose { get; init; }
    /// <summary>[-] Dead wood lignin proportion.</summary>
    public double DeadWoodLignin { get; init; }
    /// <summary>[LAI-1 d-1] Canopy water interception coefficient.</summary>
    public double InterceptionCoefficient { get; init; }
    /// <summary>[-] Canopy light extinction coefficient.</summary>
    public double LightExtinction { get; init; }
    /// <summary>[-] All-sided to projected leaf area ratio.</summary>
    public double LaiRatio { get; init; }
    /// <summary>[m2 kgC-1] Canopy average specific leaf area (projected area basis).</summary>
    public double SpecificLeafArea { get; init; }
    /// <summary>[-] Ratio of shaded SLA : sunlit SLA.</summary>
    public double ShadedSunlitSlaRatio { get; init; }
    /// <summary>[-] Fraction of leaf N in Rubisco.</summary>
    public double LeafNInRubisco { get; init; }
    /// <summary>[m s-1] Maximum stomatal conductance (projected area basis).</summary>
    public double MaxStomatalConductance { get; init; }
    /// <summary>[m s-1] Cuticular conductance (projected area basis).</summary>
    public double CuticularConductance { get; init; }
    /// <summary>[m s-1] Boundary layer conductance (projected area basis).</summary>
    public double BoundaryLayerConductance { get; init; }
    /// <summary>[MPa] Leaf water potential: start of conductance reduction.</summary>
    public double PsiOpen { get; init; }
    /// <summary>[MPa] Leaf water potential: complete conductance reduction.</summary>
    public double PsiClose { get; init; }
    /// <summary>[Pa] Vapour pressure deficit: start of conductance reduction.</summary>
    public double VpdOpen { get; init; }
    /// <summary>[Pa] Vapour pressure deficit: complete conductance reduction.</summary>
    public double VpdClose { get; init; }

    /// <summary>
    /// [-] Crop rotation of a managed cropland type (sowing, harvest, fertiliser, irrigation; issue #11), or
    /// null for natural vegetation. Not part of the .epc file: set by the scenario loader from the crop calendar.
    /// Left out of JSON when null so that content keys of unmanaged types are unchanged.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public Management.CropRotation? Management { get; init; }

    /// <summary>
    /// [-] Urban green practice of a managed urban-green column (irrigation, fertiliser, clipping, litter removal;
    /// docs/management.md), or null. Not part of the .epc file: set by the scenario loader from
    /// <c>management.urban_green</c>. Left out of JSON when null so that content keys of unmanaged types are unchanged.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public Management.UrbanGreenPractice? UrbanGreen { get; init; }

    /// <summary>
    /// [-] Forest harvest of a harvested woody column (share felled per year, stem export share, felling day;
    /// docs/management.md "Forest harvest"), or null. Not part of the .epc file: set by the scenario loader from
    /// <c>management.forest_harvest</c>. Left out of JSON when null so that content keys of unharvested types are unchanged.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public Management.ForestHarvestPractice? ForestHarvest { get; init; }
}
