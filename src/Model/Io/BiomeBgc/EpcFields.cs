using CarbonSim.Model.Parameters;

namespace CarbonSim.Model.Io.BiomeBgc;

/// <summary>How an epc value is written: 0/1 flag, integer, or real number.</summary>
public enum EpcFieldKind { Flag, Int, Real }

/// <summary>
/// One of the 43 numeric lines of a BIOME-BGC .epc file (lines 2-44; line 1 is the ECOPHYS title),
/// with its CarbonSim name, unit and meaning (science notes §1.3). Shared by <see cref="EpcWriter"/>
/// and <see cref="EpcYaml"/> so the two can never disagree on order or units.
/// </summary>
/// <param name="Key">[-] snake_case name used as the YAML key.</param>
/// <param name="Kind">How the value is written.</param>
/// <param name="Unit">[-] Unit text, e.g. "kgC kgN-1".</param>
/// <param name="Description">[-] Meaning, in the words of the .epc comment.</param>
/// <param name="EpcLine">[-] Line number in a .epc file (2-44).</param>
/// <param name="Get">Reads the value (flags as 0/1).</param>
/// <param name="Set">Returns a copy with the value replaced.</param>
public sealed record EpcField(
    string Key,
    EpcFieldKind Kind,
    string Unit,
    string Description,
    int EpcLine,
    Func<EcophysParameters, double> Get,
    Func<EcophysParameters, double, EcophysParameters> Set);

/// <summary>The 43 numeric epc fields in file order.</summary>
public static class EpcFields
{
    public static readonly IReadOnlyList<EpcField> All =
    [
        new("woody", EpcFieldKind.Flag, "flag", "1 = woody, 0 = non-woody", 2, p => p.Woody ? 1 : 0, (p, v) => p with { Woody = v != 0 }),
        new("evergreen", EpcFieldKind.Flag, "flag", "1 = evergreen, 0 = deciduous", 3, p => p.Evergreen ? 1 : 0, (p, v) => p with { Evergreen = v != 0 }),
        new("c3_photosynthesis", EpcFieldKind.Flag, "flag", "1 = C3, 0 = C4 photosynthesis", 4, p => p.C3 ? 1 : 0, (p, v) => p with { C3 = v != 0 }),
        new("model_phenology", EpcFieldKind.Flag, "flag", "1 = model phenology, 0 = user-specified onset/offset days", 5, p => p.ModelPhenology ? 1 : 0, (p, v) => p with { ModelPhenology = v != 0 }),
        new("onset_yday", EpcFieldKind.Int, "yday", "yearday to start new growth (user phenology only)", 6, p => p.OnsetYearDay, (p, v) => p with { OnsetYearDay = (int)v }),
        new("offset_yday", EpcFieldKind.Int, "yday", "yearday to end litterfall (user phenology only)", 7, p => p.OffsetYearDay, (p, v) => p with { OffsetYearDay = (int)v }),
        new("transfer_growth_period", EpcFieldKind.Real, "fraction of growing season", "transfer growth period", 8, p => p.TransferFraction, (p, v) => p with { TransferFraction = v }),
        new("litterfall_period", EpcFieldKind.Real, "fraction of growing season", "litterfall period", 9, p => p.LitterfallFraction, (p, v) => p with { LitterfallFraction = v }),
        new("leaf_froot_turnover", EpcFieldKind.Real, "a-1", "annual leaf and fine root turnover fraction", 10, p => p.LeafFineRootTurnover, (p, v) => p with { LeafFineRootTurnover = v }),
        new("livewood_turnover", EpcFieldKind.Real, "a-1", "annual live wood turnover fraction", 11, p => p.LiveWoodTurnover, (p, v) => p with { LiveWoodTurnover = v }),
        new("whole_plant_mortality", EpcFieldKind.Real, "a-1", "annual whole-plant mortality fraction", 12, p => p.WholePlantMortality, (p, v) => p with { WholePlantMortality = v }),
        new("fire_mortality", EpcFieldKind.Real, "a-1", "annual fire mortality fraction", 13, p => p.FireMortality, (p, v) => p with { FireMortality = v }),
        new("alloc_froot_per_leaf", EpcFieldKind.Real, "ratio", "new fine root C : new leaf C", 14, p => p.AllocFrootLeaf, (p, v) => p with { AllocFrootLeaf = v }),
        new("alloc_stem_per_leaf", EpcFieldKind.Real, "ratio", "new stem C : new leaf C", 15, p => p.AllocStemLeaf, (p, v) => p with { AllocStemLeaf = v }),
        new("alloc_live_per_total_wood", EpcFieldKind.Real, "ratio", "new live wood C : new total wood C", 16, p => p.AllocLiveTotalWood, (p, v) => p with { AllocLiveTotalWood = v }),
        new("alloc_croot_per_stem", EpcFieldKind.Real, "ratio", "new coarse root C : new stem C", 17, p => p.AllocCrootStem, (p, v) => p with { AllocCrootStem = v }),
        new("current_growth_proportion", EpcFieldKind.Real, "proportion", "share of new growth displayed in the current year", 18, p => p.AllocCurrentGrowth, (p, v) => p with { AllocCurrentGrowth = v }),
        new("leaf_cn", EpcFieldKind.Real, "kgC kgN-1", "C:N of leaves", 19, p => p.LeafCn, (p, v) => p with { LeafCn = v }),
        new("leaf_litter_cn", EpcFieldKind.Real, "kgC kgN-1", "C:N of leaf litter after retranslocation", 20, p => p.LeafLitterCn, (p, v) => p with { LeafLitterCn = v }),
        new("froot_cn", EpcFieldKind.Real, "kgC kgN-1", "C:N of fine roots", 21, p => p.FrootCn, (p, v) => p with { FrootCn = v }),
        new("livewood_cn", EpcFieldKind.Real, "kgC kgN-1", "C:N of live wood", 22, p => p.LiveWoodCn, (p, v) => p with { LiveWoodCn = v }),
        new("deadwood_cn", EpcFieldKind.Real, "kgC kgN-1", "C:N of dead wood", 23, p => p.DeadWoodCn, (p, v) => p with { DeadWoodCn = v }),
        new("leaf_litter_labile", EpcFieldKind.Real, "fraction", "leaf litter labile proportion", 24, p => p.LeafLitterLabile, (p, v) => p with { LeafLitterLabile = v }),
        new("leaf_litter_cellulose", EpcFieldKind.Real, "fraction", "leaf litter cellulose proportion", 25, p => p.LeafLitterCellulose, (p, v) => p with { LeafLitterCellulose = v }),
        new("leaf_litter_lignin", EpcFieldKind.Real, "fraction", "leaf litter lignin proportion", 26, p => p.LeafLitterLignin, (p, v) => p with { LeafLitterLignin = v }),
        new("froot_labile", EpcFieldKind.Real, "fraction", "fine root labile proportion", 27, p => p.FrootLabile, (p, v) => p with { FrootLabile = v }),
        new("froot_cellulose", EpcFieldKind.Real, "fraction", "fine root cellulose proportion", 28, p => p.FrootCellulose, (p, v) => p with { FrootCellulose = v }),
        new("froot_lignin", EpcFieldKind.Real, "fraction", "fine root lignin proportion", 29, p => p.FrootLignin, (p, v) => p with { FrootLignin = v }),
        new("deadwood_cellulose", EpcFieldKind.Real, "fraction", "dead wood cellulose proportion", 30, p => p.DeadWoodCellulose, (p, v) => p with { DeadWoodCellulose = v }),
        new("deadwood_lignin", EpcFieldKind.Real, "fraction", "dead wood lignin proportion", 31, p => p.DeadWoodLignin, (p, v) => p with { DeadWoodLignin = v }),
        new("interception_coefficient", EpcFieldKind.Real, "LAI-1 d-1", "canopy water interception coefficient", 32, p => p.InterceptionCoefficient, (p, v) => p with { InterceptionCoefficient = v }),
        new("light_extinction", EpcFieldKind.Real, "-", "canopy light extinction coefficient", 33, p => p.LightExtinction, (p, v) => p with { LightExtinction = v }),
        new("all_sided_to_projected_lai", EpcFieldKind.Real, "-", "all-sided to projected leaf area ratio", 34, p => p.LaiRatio, (p, v) => p with { LaiRatio = v }),
        new("specific_leaf_area", EpcFieldKind.Real, "m2 kgC-1", "canopy average specific leaf area (projected area basis)", 35, p => p.SpecificLeafArea, (p, v) => p with { SpecificLeafArea = v }),
        new("shaded_to_sunlit_sla", EpcFieldKind.Real, "-", "ratio of shaded SLA : sunlit SLA", 36, p => p.ShadedSunlitSlaRatio, (p, v) => p with { ShadedSunlitSlaRatio = v }),
        new("leaf_n_in_rubisco", EpcFieldKind.Real, "fraction", "fraction of leaf N in Rubisco", 37, p => p.LeafNInRubisco, (p, v) => p with { LeafNInRubisco = v }),
        new("max_stomatal_conductance", EpcFieldKind.Real, "m s-1", "maximum stomatal conductance (projected area basis)", 38, p => p.MaxStomatalConductance, (p, v) => p with { MaxStomatalConductance = v }),
        new("cuticular_conductance", EpcFieldKind.Real, "m s-1", "cuticular conductance (projected area basis)", 39, p => p.CuticularConductance, (p, v) => p with { CuticularConductance = v }),
        new("boundary_layer_conductance", EpcFieldKind.Real, "m s-1", "boundary layer conductance (projected area basis)", 40, p => p.BoundaryLayerConductance, (p, v) => p with { BoundaryLayerConductance = v }),
        new("leaf_psi_open", EpcFieldKind.Real, "MPa", "leaf water potential: start of conductance reduction", 41, p => p.PsiOpen, (p, v) => p with { PsiOpen = v }),
        new("leaf_psi_close", EpcFieldKind.Real, "MPa", "leaf water potential: complete conductance reduction", 42, p => p.PsiClose, (p, v) => p with { PsiClose = v }),
        new("vpd_open", EpcFieldKind.Real, "Pa", "vapour pressure deficit: start of conductance reduction", 43, p => p.VpdOpen, (p, v) => p with { VpdOpen = v }),
        new("vpd_close", EpcFieldKind.Real, "Pa", "vapour pressure deficit: complete conductance reduction", 44, p => p.VpdClose, (p, v) => p with { VpdClose = v }),
    ];
}
