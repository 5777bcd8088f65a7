using CarbonSim.Model.Climate;
using CarbonSim.Model.Engine;
using CarbonSim.Model.Parameters;
using Orleans.Serialization.Cloning;

namespace CarbonSim.Contracts.Serialization;

// The engine's records live in CarbonSim.Model.Engine (no Orleans there); they cross grain boundaries and
// sit in grain storage as these surrogates. Field ids are the ones the records carried when they were
// Orleans types. SurrogateTests round-trips every record with a distinct value in every property, so a
// member added to a record and forgotten here fails a test.

[GenerateSerializer, Alias("carbonsim.FixedSum.Surrogate")]
public struct FixedSumSurrogate
{
    [Id(0)] public long Upper;
    [Id(1)] public ulong Lower;
}

[RegisterConverter]
public sealed class FixedSumConverter : IConverter<FixedSum, FixedSumSurrogate>
{
    public FixedSum ConvertFromSurrogate(in FixedSumSurrogate s) => new(s.Upper, s.Lower);

    public FixedSumSurrogate ConvertToSurrogate(in FixedSum v) => new() { Upper = v.Upper, Lower = v.Lower };
}

[GenerateSerializer, Alias("carbonsim.SpinupCombo.Surrogate")]
public struct SpinupComboSurrogate
{
    [Id(0)] public int Vegetation;
    [Id(1)] public int Site;
    [Id(2)] public int Climate;
    [Id(3)] public int ClearingYear;
}

[RegisterConverter]
public sealed class SpinupComboConverter : IConverter<SpinupCombo, SpinupComboSurrogate>
{
    public SpinupCombo ConvertFromSurrogate(in SpinupComboSurrogate s) => new(s.Vegetation, s.Site, s.Climate, s.ClearingYear);

    public SpinupComboSurrogate ConvertToSurrogate(in SpinupCombo v) => new() { Vegetation = v.Vegetation, Site = v.Site, Climate = v.Climate, ClearingYear = v.ClearingYear };
}

[GenerateSerializer, Alias("carbonsim.CellCandidate.Surrogate")]
public struct CellCandidateSurrogate
{
    [Id(0)] public int CellId;
    [Id(1)] public int City;
    [Id(2)] public int FromClass;
    [Id(3)] public int ToClass;
    [Id(4)] public double Potential;
}

[RegisterConverter]
public sealed class CellCandidateConverter : IConverter<CellCandidate, CellCandidateSurrogate>
{
    public CellCandidate ConvertFromSurrogate(in CellCandidateSurrogate s) => new(s.CellId, s.City, s.FromClass, s.ToClass, s.Potential);

    public CellCandidateSurrogate ConvertToSurrogate(in CellCandidate v) => new()
    {
        CellId = v.CellId, City = v.City, FromClass = v.FromClass, ToClass = v.ToClass, Potential = v.Potential,
    };
}

[GenerateSerializer, Alias("carbonsim.RunSpec.Surrogate")]
public struct RunSpecSurrogate
{
    [Id(0)] public string ScenarioName;
    [Id(1)] public int FirstYear;
    [Id(2)] public int LastYear;
    [Id(3)] public int TileSize;
    [Id(4)] public int GridRows;
    [Id(5)] public int GridCols;
    [Id(6)] public string[] CityIds;
    [Id(7)] public string[] CityNames;
    [Id(8)] public VegetationType[] VegetationTypes;
    [Id(9)] public SiteParameters[] Sites;
    [Id(10)] public MetSeries[] Climates;
    [Id(11)] public CellTable Cells;
    [Id(12)] public double[] Co2ByYear;
    [Id(13)] public double[] NDepositionByYear;
    [Id(14)] public double SpinupCo2;
    [Id(15)] public double SpinupNDeposition;
    [Id(16)] public int[] CellOutputYears;
    [Id(17)] public int CheckpointEveryYears;
    [Id(18)] public bool SpinupAccelerated;
    [Id(19)] public int SpinupMaxYears;
    [Id(40)] public int SpinupStandAgeYears;
    [Id(41)] public LandUsePlan? LandUse;
    [Id(42)] public CompensationPlan? Compensation;
    [Id(43)] public int[] ClassCodes;
    [Id(44)] public string[] ClassNames;
    [Id(45)] public string[] Crops;
    [Id(60)] public int HistoryStartYear;
    [Id(61)] public double[] HistoryCo2ByYear;
    [Id(62)] public double[] HistoryNDepositionByYear;
    [Id(63)] public int HistoryClearingSpreadYears;
}

[RegisterConverter]
public sealed class RunSpecConverter : IConverter<RunSpec, RunSpecSurrogate>
{
    public RunSpec ConvertFromSurrogate(in RunSpecSurrogate s) => new()
    {
        ScenarioName = s.ScenarioName, FirstYear = s.FirstYear, LastYear = s.LastYear, TileSize = s.TileSize, GridRows = s.GridRows, GridCols = s.GridCols, CityIds = s.CityIds, CityNames = s.CityNames, VegetationTypes = s.VegetationTypes, Sites = s.Sites, Climates = s.Climates, Cells = s.Cells, Co2ByYear = s.Co2ByYear, NDepositionByYear = s.NDepositionByYear, SpinupCo2 = s.SpinupCo2, SpinupNDeposition = s.SpinupNDeposition, CellOutputYears = s.CellOutputYears, CheckpointEveryYears = s.CheckpointEveryYears, SpinupAccelerated = s.SpinupAccelerated, SpinupMaxYears = s.SpinupMaxYears, SpinupStandAgeYears = s.SpinupStandAgeYears, LandUse = s.LandUse, Compensation = s.Compensation,
        ClassCodes = s.ClassCodes ?? [], ClassNames = s.ClassNames ?? [], Crops = s.Crops ?? [],
        HistoryStartYear = s.HistoryStartYear, HistoryCo2ByYear = s.HistoryCo2ByYear ?? [], HistoryNDepositionByYear = s.HistoryNDepositionByYear ?? [], HistoryClearingSpreadYears = s.HistoryClearingSpreadYears,
    };

    public RunSpecSurrogate ConvertToSurrogate(in RunSpec v) => new()
    {
        ScenarioName = v.ScenarioName, FirstYear = v.FirstYear, LastYear = v.LastYear, TileSize = v.TileSize, GridRows = v.GridRows, GridCols = v.GridCols, CityIds = v.CityIds, CityNames = v.CityNames, VegetationTypes = v.VegetationTypes, Sites = v.Sites, Climates = v.Climates, Cells = v.Cells, Co2ByYear = v.Co2ByYear, NDepositionByYear = v.NDepositionByYear, SpinupCo2 = v.SpinupCo2, SpinupNDeposition = v.SpinupNDeposition, CellOutputYears = v.CellOutputYears, CheckpointEveryYears = v.CheckpointEveryYears, SpinupAccelerated = v.SpinupAccelerated, SpinupMaxYears = v.SpinupMaxYears, SpinupStandAgeYears = v.SpinupStandAgeYears, LandUse = v.LandUse, Compensation = v.Compensation,
        ClassCodes = v.ClassCodes, ClassNames = v.ClassNames, Crops = v.Crops,
        HistoryStartYear = v.HistoryStartYear, HistoryCo2ByYear = v.HistoryCo2ByYear, HistoryNDepositionByYear = v.HistoryNDepositionByYear, HistoryClearingSpreadYears = v.HistoryClearingSpreadYears,
    };
}

[GenerateSerializer, Alias("carbonsim.VegetationType.Surrogate")]
public struct VegetationTypeSurrogate
{
    [Id(0)] public string Name;
    [Id(1)] public EcophysParameters Epc;
}

[RegisterConverter]
public sealed class VegetationTypeConverter : IConverter<VegetationType, VegetationTypeSurrogate>
{
    public VegetationType ConvertFromSurrogate(in VegetationTypeSurrogate s) => new()
    {
        Name = s.Name, Epc = s.Epc,
    };

    public VegetationTypeSurrogate ConvertToSurrogate(in VegetationType v) => new()
    {
        Name = v.Name, Epc = v.Epc,
    };
}

[GenerateSerializer, Alias("carbonsim.CellTable.Surrogate")]
public struct CellTableSurrogate
{
    [Id(0)] public int[] Row;
    [Id(1)] public int[] Col;
    [Id(2)] public int[] City;
    [Id(3)] public double[] AreaM2;
    [Id(4)] public int[] Climate;
    [Id(5)] public int[] Site;
    [Id(6)] public int[] LandUse;
    [Id(7)] public int[] ColumnStart;
    [Id(8)] public int[] ColumnVegetation;
    [Id(9)] public double[] ColumnFraction;
    [Id(20)] public int[] ColumnClearingYear;
}

[RegisterConverter]
public sealed class CellTableConverter : IConverter<CellTable, CellTableSurrogate>
{
    public CellTable ConvertFromSurrogate(in CellTableSurrogate s) => new()
    {
        Row = s.Row, Col = s.Col, City = s.City, AreaM2 = s.AreaM2, Climate = s.Climate, Site = s.Site, LandUse = s.LandUse, ColumnStart = s.ColumnStart, ColumnVegetation = s.ColumnVegetation, ColumnFraction = s.ColumnFraction, ColumnClearingYear = s.ColumnClearingYear ?? [],
    };

    public CellTableSurrogate ConvertToSurrogate(in CellTable v) => new()
    {
        Row = v.Row, Col = v.Col, City = v.City, AreaM2 = v.AreaM2, Climate = v.Climate, Site = v.Site, LandUse = v.LandUse, ColumnStart = v.ColumnStart, ColumnVegetation = v.ColumnVegetation, ColumnFraction = v.ColumnFraction, ColumnClearingYear = v.ColumnClearingYear,
    };
}

[GenerateSerializer, Alias("carbonsim.TileSetup.Surrogate")]
public struct TileSetupSurrogate
{
    [Id(0)] public RunSpec Spec;
    [Id(1)] public int[] CellIndices;
    [Id(2)] public SpinupCombo[] Combos;
    [Id(3)] public double[][] EquilibriumStates;
    [Id(4)] public TileLandUse? LandUse;
}

[RegisterConverter]
public sealed class TileSetupConverter : IConverter<TileSetup, TileSetupSurrogate>
{
    public TileSetup ConvertFromSurrogate(in TileSetupSurrogate s) => new()
    {
        Spec = s.Spec, CellIndices = s.CellIndices, Combos = s.Combos, EquilibriumStates = s.EquilibriumStates, LandUse = s.LandUse,
    };

    public TileSetupSurrogate ConvertToSurrogate(in TileSetup v) => new()
    {
        Spec = v.Spec, CellIndices = v.CellIndices, Combos = v.Combos, EquilibriumStates = v.EquilibriumStates, LandUse = v.LandUse,
    };
}

[GenerateSerializer, Alias("carbonsim.LandUsePlan.Surrogate.v2")]
public struct LandUsePlanSurrogate
{
    [Id(0)] public LandUseClassRule[] Classes;
    [Id(2)] public int[] CellClass;
    [Id(3)] public bool[] CellProtected;
    [Id(4)] public double[] CellKmToCentre;
    [Id(5)] public double[] CellElevationM;
    [Id(6)] public double[] CellSlopeDeg;
    [Id(7)] public int BuiltUpClass;
    [Id(8)] public int WindowSize;
    [Id(9)] public int BuiltUpSearchRadius;
    [Id(12)] public double NeighbourhoodFloor;
    [Id(15)] public TransitionCarbon[] Transitions;
    [Id(16)] public double WoodProductHalfLifeYears;
    [Id(17)] public MixColumn[][][] Mix;
    [Id(20)] public int[][][] Demand;
}

[RegisterConverter]
public sealed class LandUsePlanConverter : IConverter<LandUsePlan, LandUsePlanSurrogate>
{
    public LandUsePlan ConvertFromSurrogate(in LandUsePlanSurrogate s) => new()
    {
        Classes = s.Classes, CellClass = s.CellClass, CellProtected = s.CellProtected, CellKmToCentre = s.CellKmToCentre, CellElevationM = s.CellElevationM, CellSlopeDeg = s.CellSlopeDeg, BuiltUpClass = s.BuiltUpClass, WindowSize = s.WindowSize, BuiltUpSearchRadius = s.BuiltUpSearchRadius, NeighbourhoodFloor = s.NeighbourhoodFloor, Transitions = s.Transitions, WoodProductHalfLifeYears = s.WoodProductHalfLifeYears, Mix = s.Mix, Demand = s.Demand,
    };

    public LandUsePlanSurrogate ConvertToSurrogate(in LandUsePlan v) => new()
    {
        Classes = v.Classes, CellClass = v.CellClass, CellProtected = v.CellProtected, CellKmToCentre = v.CellKmToCentre, CellElevationM = v.CellElevationM, CellSlopeDeg = v.CellSlopeDeg, BuiltUpClass = v.BuiltUpClass, WindowSize = v.WindowSize, BuiltUpSearchRadius = v.BuiltUpSearchRadius, NeighbourhoodFloor = v.NeighbourhoodFloor, Transitions = v.Transitions, WoodProductHalfLifeYears = v.WoodProductHalfLifeYears, Mix = v.Mix, Demand = v.Demand,
    };
}

[GenerateSerializer, Alias("carbonsim.LandUseClassRule.Surrogate")]
public struct LandUseClassRuleSurrogate
{
    [Id(0)] public string Name;
    [Id(1)] public int Code;
    [Id(2)] public double SuitabilityIntercept;
    [Id(3)] public double SuitabilityPerKmToCentre;
    [Id(4)] public double SuitabilityPerCellToBuiltUp;
    [Id(5)] public double SuitabilityPerMetreElevation;
    [Id(6)] public double SuitabilityPerDegreeSlope;
    [Id(7)] public double NeighbourhoodWeight;
    [Id(8)] public double Elasticity;
    [Id(9)] public bool[] CanBecome;
}

[RegisterConverter]
public sealed class LandUseClassRuleConverter : IConverter<LandUseClassRule, LandUseClassRuleSurrogate>
{
    public LandUseClassRule ConvertFromSurrogate(in LandUseClassRuleSurrogate s) => new()
    {
        Name = s.Name, Code = s.Code, SuitabilityIntercept = s.SuitabilityIntercept, SuitabilityPerKmToCentre = s.SuitabilityPerKmToCentre,
        SuitabilityPerCellToBuiltUp = s.SuitabilityPerCellToBuiltUp, SuitabilityPerMetreElevation = s.SuitabilityPerMetreElevation,
        SuitabilityPerDegreeSlope = s.SuitabilityPerDegreeSlope, NeighbourhoodWeight = s.NeighbourhoodWeight, Elasticity = s.Elasticity, CanBecome = s.CanBecome,
    };

    public LandUseClassRuleSurrogate ConvertToSurrogate(in LandUseClassRule v) => new()
    {
        Name = v.Name, Code = v.Code, SuitabilityIntercept = v.SuitabilityIntercept, SuitabilityPerKmToCentre = v.SuitabilityPerKmToCentre,
        SuitabilityPerCellToBuiltUp = v.SuitabilityPerCellToBuiltUp, SuitabilityPerMetreElevation = v.SuitabilityPerMetreElevation,
        SuitabilityPerDegreeSlope = v.SuitabilityPerDegreeSlope, NeighbourhoodWeight = v.NeighbourhoodWeight, Elasticity = v.Elasticity, CanBecome = v.CanBecome,
    };
}

[GenerateSerializer, Alias("carbonsim.TransitionCarbon.Surrogate")]
public struct TransitionCarbonSurrogate
{
    [Id(0)] public int FromClass;
    [Id(1)] public int ToClass;
    [Id(2)] public double VegToAtmosphere;
    [Id(3)] public double VegToWoodProducts;
    [Id(4)] public double VegToLitter;
    [Id(5)] public double LitterToAtmosphere;
    [Id(6)] public double SoilToAtmosphere;
    [Id(7)] public double SoilToSealed;
    [Id(8)] public double SealedToSoil;
}

[RegisterConverter]
public sealed class TransitionCarbonConverter : IConverter<TransitionCarbon, TransitionCarbonSurrogate>
{
    public TransitionCarbon ConvertFromSurrogate(in TransitionCarbonSurrogate s) =>
        new(s.FromClass, s.ToClass, s.VegToAtmosphere, s.VegToWoodProducts, s.VegToLitter, s.LitterToAtmosphere, s.SoilToAtmosphere,
            s.SoilToSealed, s.SealedToSoil);

    public TransitionCarbonSurrogate ConvertToSurrogate(in TransitionCarbon v) => new()
    {
        FromClass = v.FromClass, ToClass = v.ToClass, VegToAtmosphere = v.VegToAtmosphere, VegToWoodProducts = v.VegToWoodProducts,
        VegToLitter = v.VegToLitter, LitterToAtmosphere = v.LitterToAtmosphere, SoilToAtmosphere = v.SoilToAtmosphere,
        SoilToSealed = v.SoilToSealed, SealedToSoil = v.SealedToSoil,
    };
}

[GenerateSerializer, Alias("carbonsim.MixColumn.Surrogate")]
public struct MixColumnSurrogate
{
    [Id(0)] public int Vegetation;
    [Id(1)] public double Fraction;
}

[RegisterConverter]
public sealed class MixColumnConverter : IConverter<MixColumn, MixColumnSurrogate>
{
    public MixColumn ConvertFromSurrogate(in MixColumnSurrogate s) => new(s.Vegetation, s.Fraction);

    public MixColumnSurrogate ConvertToSurrogate(in MixColumn v) => new() { Vegetation = v.Vegetation, Fraction = v.Fraction };
}

[GenerateSerializer, Alias("carbonsim.TileLandUse.Surrogate")]
public struct TileLandUseSurrogate
{
    [Id(0)] public int X0;
    [Id(1)] public int Y0;
    [Id(2)] public int Width;
    [Id(3)] public int Height;
    [Id(4)] public int Halo;
    [Id(5)] public int[] WindowClasses;
}

[RegisterConverter]
public sealed class TileLandUseConverter : IConverter<TileLandUse, TileLandUseSurrogate>
{
    public TileLandUse ConvertFromSurrogate(in TileLandUseSurrogate s) => new()
    {
        X0 = s.X0, Y0 = s.Y0, Width = s.Width, Height = s.Height, Halo = s.Halo, WindowClasses = s.WindowClasses,
    };

    public TileLandUseSurrogate ConvertToSurrogate(in TileLandUse v) => new()
    {
        X0 = v.X0, Y0 = v.Y0, Width = v.Width, Height = v.Height, Halo = v.Halo, WindowClasses = v.WindowClasses,
    };
}

[GenerateSerializer, Alias("carbonsim.TileOffer.Surrogate")]
public struct TileLandUseOfferSurrogate
{
    [Id(0)] public int TileIndex;
    [Id(1)] public int Year;
    [Id(2)] public CellCandidate[] Candidates;
    [Id(3)] public int[] Cities;
    [Id(4)] public int[] Counts;
}

[RegisterConverter]
public sealed class TileLandUseOfferConverter : IConverter<TileLandUseOffer, TileLandUseOfferSurrogate>
{
    public TileLandUseOffer ConvertFromSurrogate(in TileLandUseOfferSurrogate s) => new()
    {
        TileIndex = s.TileIndex, Year = s.Year, Candidates = s.Candidates, Cities = s.Cities, Counts = s.Counts,
    };

    public TileLandUseOfferSurrogate ConvertToSurrogate(in TileLandUseOffer v) => new()
    {
        TileIndex = v.TileIndex, Year = v.Year, Candidates = v.Candidates, Cities = v.Cities, Counts = v.Counts,
    };
}

[GenerateSerializer, Alias("carbonsim.CityAllocation.Surrogate")]
public struct CityAllocationSurrogate
{
    [Id(0)] public int City;
    [Id(1)] public int Year;
    [Id(2)] public CellCandidate[] Winners;
    [Id(3)] public int[] ShortfallByClass;
    [Id(4)] public int[] CountsBefore;
    [Id(5)] public int[] Demand;
}

[RegisterConverter]
public sealed class CityAllocationConverter : IConverter<CityAllocation, CityAllocationSurrogate>
{
    public CityAllocation ConvertFromSurrogate(in CityAllocationSurrogate s) => new()
    {
        City = s.City, Year = s.Year, Winners = s.Winners, ShortfallByClass = s.ShortfallByClass, CountsBefore = s.CountsBefore, Demand = s.Demand,
    };

    public CityAllocationSurrogate ConvertToSurrogate(in CityAllocation v) => new()
    {
        City = v.City, Year = v.Year, Winners = v.Winners, ShortfallByClass = v.ShortfallByClass, CountsBefore = v.CountsBefore, Demand = v.Demand,
    };
}

[GenerateSerializer, Alias("carbonsim.TileYearResult.Surrogate")]
public struct TileYearResultSurrogate
{
    [Id(0)] public int TileIndex;
    [Id(1)] public int Year;
    [Id(2)] public int[] Cities;
    [Id(3)] public FixedSum[] CitySums;
    [Id(4)] public double[] CellValues;
    [Id(5)] public int[] CellClasses;
}

[RegisterConverter]
public sealed class TileYearResultConverter : IConverter<TileYearResult, TileYearResultSurrogate>
{
    public TileYearResult ConvertFromSurrogate(in TileYearResultSurrogate s) => new()
    {
        TileIndex = s.TileIndex, Year = s.Year, Cities = s.Cities, CitySums = s.CitySums, CellValues = s.CellValues, CellClasses = s.CellClasses,
    };

    public TileYearResultSurrogate ConvertToSurrogate(in TileYearResult v) => new()
    {
        TileIndex = v.TileIndex, Year = v.Year, Cities = v.Cities, CitySums = v.CitySums, CellValues = v.CellValues, CellClasses = v.CellClasses,
    };
}

[GenerateSerializer, Alias("carbonsim.CompensationPlan.Surrogate.v3")]
public struct CompensationPlanSurrogate
{
    [Id(0)] public double[] PriceByYear;
    [Id(1)] public bool SinkIsNep;
    [Id(2)] public CityEconomics[] Cities;
    [Id(3)] public int Scheme;
    [Id(4)] public int WindowYears;
    [Id(5)] public double EscThreshold;
    [Id(6)] public string Source;
    [Id(7)] public double EccThreshold;
    [Id(8)] public double HysteresisBand;
    [Id(9)] public string Currency;
}

[RegisterConverter]
public sealed class CompensationPlanConverter : IConverter<CompensationPlan, CompensationPlanSurrogate>
{
    public CompensationPlan ConvertFromSurrogate(in CompensationPlanSurrogate s) => new()
    {
        PriceByYear = s.PriceByYear, SinkIsNep = s.SinkIsNep, Cities = s.Cities, Source = s.Source,
        Settings = new CarbonSim.Model.Accounting.CompensationSettings
        {
            Scheme = (CarbonSim.Model.Accounting.CompensationScheme)s.Scheme, WindowYears = s.WindowYears, EscThreshold = s.EscThreshold,
            EccThreshold = s.EccThreshold, HysteresisBand = s.HysteresisBand, Currency = s.Currency,
        },
    };

    public CompensationPlanSurrogate ConvertToSurrogate(in CompensationPlan v) => new()
    {
        PriceByYear = v.PriceByYear, SinkIsNep = v.SinkIsNep, Cities = v.Cities, Source = v.Source,
        Scheme = (int)v.Settings.Scheme, WindowYears = v.Settings.WindowYears, EscThreshold = v.Settings.EscThreshold,
        EccThreshold = v.Settings.EccThreshold, HysteresisBand = v.Settings.HysteresisBand, Currency = v.Settings.Currency,
    };
}

[GenerateSerializer, Alias("carbonsim.CityEconomics.Surrogate.v2")]
public struct CityEconomicsSurrogate
{
    [Id(0)] public string Id;
    [Id(1)] public double[] EmissionTCo2ByYear;
    [Id(2)] public double[] GdpBillionRmbByYear;
    [Id(3)] public double K;
}

[RegisterConverter]
public sealed class CityEconomicsConverter : IConverter<CityEconomics, CityEconomicsSurrogate>
{
    public CityEconomics ConvertFromSurrogate(in CityEconomicsSurrogate s) => new()
    {
        Id = s.Id, EmissionTCo2ByYear = s.EmissionTCo2ByYear, GdpBillionRmbByYear = s.GdpBillionRmbByYear, K = s.K,
    };

    public CityEconomicsSurrogate ConvertToSurrogate(in CityEconomics v) => new()
    {
        Id = v.Id, EmissionTCo2ByYear = v.EmissionTCo2ByYear, GdpBillionRmbByYear = v.GdpBillionRmbByYear, K = v.K,
    };
}

[GenerateSerializer, Alias("carbonsim.SpinupRequest.Surrogate")]
public struct SpinupRequestSurrogate
{
    [Id(0)] public EcophysParameters Epc;
    [Id(1)] public SiteParameters Site;
    [Id(2)] public MetSeries Met;
    [Id(3)] public double Co2;
    [Id(4)] public double NDeposition;
    [Id(5)] public bool Accelerated;
    [Id(6)] public int MaxYears;
    [Id(7)] public int StandAgeYears;
    [Id(20)] public int HistoryStartYear;
    [Id(21)] public int FirstYear;
    [Id(22)] public double[] HistoryCo2;
    [Id(23)] public double[] HistoryNDeposition;
    [Id(24)] public int ClearingYear;
    [Id(25)] public int ClearingSpreadYears;
}

[RegisterConverter]
public sealed class SpinupRequestConverter : IConverter<SpinupRequest, SpinupRequestSurrogate>
{
    public SpinupRequest ConvertFromSurrogate(in SpinupRequestSurrogate s) => new()
    {
        Epc = s.Epc, Site = s.Site, Met = s.Met, Co2 = s.Co2, NDeposition = s.NDeposition, Accelerated = s.Accelerated, MaxYears = s.MaxYears, StandAgeYears = s.StandAgeYears,
        HistoryStartYear = s.HistoryStartYear, FirstYear = s.FirstYear, HistoryCo2 = s.HistoryCo2 ?? [], HistoryNDeposition = s.HistoryNDeposition ?? [], ClearingYear = s.ClearingYear, ClearingSpreadYears = s.ClearingSpreadYears,
    };

    public SpinupRequestSurrogate ConvertToSurrogate(in SpinupRequest v) => new()
    {
        Epc = v.Epc, Site = v.Site, Met = v.Met, Co2 = v.Co2, NDeposition = v.NDeposition, Accelerated = v.Accelerated, MaxYears = v.MaxYears, StandAgeYears = v.StandAgeYears,
        HistoryStartYear = v.HistoryStartYear, FirstYear = v.FirstYear, HistoryCo2 = v.HistoryCo2, HistoryNDeposition = v.HistoryNDeposition, ClearingYear = v.ClearingYear, ClearingSpreadYears = v.ClearingSpreadYears,
    };
}

[GenerateSerializer, Alias("carbonsim.SpinupEquilibrium.Surrogate")]
public struct SpinupResultSurrogate
{
    [Id(0)] public double[] State;
    [Id(1)] public int Years;
    [Id(2)] public bool Converged;
    [Id(10)] public int Method;
    [Id(11)] public double SoilCTrend;
    [Id(12)] public double TotalCTrend;
    [Id(13)] public int AcceleratedYears;
    [Id(20)] public double[] HistoryAnnual;
}

[RegisterConverter]
public sealed class SpinupResultConverter : IConverter<SpinupEquilibrium, SpinupResultSurrogate>
{
    public SpinupEquilibrium ConvertFromSurrogate(in SpinupResultSurrogate s) => new()
    {
        State = s.State, Years = s.Years, Converged = s.Converged,
        Method = (CarbonSim.Model.SpinupMethod)s.Method, SoilCTrend = s.SoilCTrend, TotalCTrend = s.TotalCTrend, AcceleratedYears = s.AcceleratedYears,
        HistoryAnnual = s.HistoryAnnual ?? [],
    };

    public SpinupResultSurrogate ConvertToSurrogate(in SpinupEquilibrium v) => new()
    {
        State = v.State, Years = v.Years, Converged = v.Converged,
        Method = (int)v.Method, SoilCTrend = v.SoilCTrend, TotalCTrend = v.TotalCTrend, AcceleratedYears = v.AcceleratedYears,
        HistoryAnnual = v.HistoryAnnual,
    };
}

[GenerateSerializer, Alias("carbonsim.AllocationYear.Surrogate")]
public struct AllocationYearSurrogate
{
    [Id(0)] public int Year;
    [Id(1)] public int[] ConvertedCells;
    [Id(2)] public int[] ShortfallCells;
    [Id(3)] public int[] CountsAfter;
    [Id(4)] public int[] Demand;
}

[RegisterConverter]
public sealed class AllocationYearConverter : IConverter<AllocationYear, AllocationYearSurrogate>
{
    public AllocationYear ConvertFromSurrogate(in AllocationYearSurrogate s) => new()
    {
        Year = s.Year, ConvertedCells = s.ConvertedCells, ShortfallCells = s.ShortfallCells, CountsAfter = s.CountsAfter, Demand = s.Demand,
    };

    public AllocationYearSurrogate ConvertToSurrogate(in AllocationYear v) => new()
    {
        Year = v.Year, ConvertedCells = v.ConvertedCells, ShortfallCells = v.ShortfallCells, CountsAfter = v.CountsAfter, Demand = v.Demand,
    };
}

[GenerateSerializer, Alias("carbonsim.CityYear.Surrogate")]
public struct YearTotalsSurrogate
{
    [Id(0)] public int Year;
    [Id(1)] public FixedSum[] Sums;
}

[RegisterConverter]
public sealed class YearTotalsConverter : IConverter<YearTotals, YearTotalsSurrogate>
{
    public YearTotals ConvertFromSurrogate(in YearTotalsSurrogate s) => new()
    {
        Year = s.Year, Sums = s.Sums,
    };

    public YearTotalsSurrogate ConvertToSurrogate(in YearTotals v) => new()
    {
        Year = v.Year, Sums = v.Sums,
    };
}
[GenerateSerializer, Alias("carbonsim.RunOutcome.Surrogate")]
public struct RunOutcomeSurrogate
{
    [Id(0)] public string RunId;
    [Id(1)] public CitySeries[] Cities;
    [Id(2)] public YearTotals[] Region;
    [Id(3)] public CellSnapshot[] CellSnapshots;
    [Id(4)] public int SpinupCount;
    [Id(5)] public int TileCount;
    [Id(6)] public SpinupSummary[] Spinups;
    [Id(7)] public AllocationYear[] Allocations;
    [Id(8)] public CarbonSim.Model.Accounting.CompensationYear[] Books;
    [Id(20)] public HistorySeries? History;
}

[RegisterConverter]
public sealed class RunOutcomeConverter : IConverter<RunOutcome, RunOutcomeSurrogate>
{
    public RunOutcome ConvertFromSurrogate(in RunOutcomeSurrogate s) => new()
    {
        RunId = s.RunId, Cities = s.Cities, Region = s.Region, CellSnapshots = s.CellSnapshots, SpinupCount = s.SpinupCount, TileCount = s.TileCount, Spinups = s.Spinups, Allocations = s.Allocations, Books = s.Books, History = s.History ?? HistorySeries.None,
    };

    public RunOutcomeSurrogate ConvertToSurrogate(in RunOutcome v) => new()
    {
        RunId = v.RunId, Cities = v.Cities, Region = v.Region, CellSnapshots = v.CellSnapshots, SpinupCount = v.SpinupCount, TileCount = v.TileCount, Spinups = v.Spinups, Allocations = v.Allocations, Books = v.Books, History = v.History,
    };
}

[GenerateSerializer, Alias("carbonsim.HistorySeries.Surrogate")]
public struct HistorySeriesSurrogate
{
    [Id(0)] public CitySeries[] Cities;
    [Id(1)] public YearTotals[] Region;
}

[RegisterConverter]
public sealed class HistorySeriesConverter : IConverter<HistorySeries, HistorySeriesSurrogate>
{
    public HistorySeries ConvertFromSurrogate(in HistorySeriesSurrogate s) => new() { Cities = s.Cities ?? [], Region = s.Region ?? [] };

    public HistorySeriesSurrogate ConvertToSurrogate(in HistorySeries v) => new() { Cities = v.Cities, Region = v.Region };
}

[GenerateSerializer, Alias("carbonsim.CellSnapshot.Surrogate")]
public struct CellSnapshotSurrogate
{
    [Id(0)] public int Year;
    [Id(1)] public double[] Values;
    [Id(2)] public int[] Classes;
}

[RegisterConverter]
public sealed class CellSnapshotConverter : IConverter<CellSnapshot, CellSnapshotSurrogate>
{
    public CellSnapshot ConvertFromSurrogate(in CellSnapshotSurrogate s) => new()
    {
        Year = s.Year, Values = s.Values, Classes = s.Classes,
    };

    public CellSnapshotSurrogate ConvertToSurrogate(in CellSnapshot v) => new()
    {
        Year = v.Year, Values = v.Values, Classes = v.Classes,
    };
}

[GenerateSerializer, Alias("carbonsim.CitySeries.Surrogate")]
public struct CitySeriesSurrogate
{
    [Id(0)] public int CityIndex;
    [Id(1)] public string CityId;
    [Id(2)] public double AreaM2;
    [Id(3)] public YearTotals[] Years;
}

[RegisterConverter]
public sealed class CitySeriesConverter : IConverter<CitySeries, CitySeriesSurrogate>
{
    public CitySeries ConvertFromSurrogate(in CitySeriesSurrogate s) => new()
    {
        CityIndex = s.CityIndex, CityId = s.CityId, AreaM2 = s.AreaM2, Years = s.Years,
    };

    public CitySeriesSurrogate ConvertToSurrogate(in CitySeries v) => new()
    {
        CityIndex = v.CityIndex, CityId = v.CityId, AreaM2 = v.AreaM2, Years = v.Years,
    };
}

[GenerateSerializer, Alias("carbonsim.SpinupSummary.Surrogate")]
public struct SpinupSummarySurrogate
{
    [Id(0)] public int Years;
    [Id(1)] public bool Converged;
    [Id(2)] public string Key;
    [Id(3)] public int Vegetation;
    [Id(4)] public int Site;
    [Id(5)] public int Climate;
    [Id(6)] public int Method;
    [Id(7)] public double SoilCTrend;
    [Id(8)] public double TotalCTrend;
    [Id(9)] public int AcceleratedYears;
}

[RegisterConverter]
public sealed class SpinupSummaryConverter : IConverter<SpinupSummary, SpinupSummarySurrogate>
{
    public SpinupSummary ConvertFromSurrogate(in SpinupSummarySurrogate s) =>
        new(s.Years, s.Converged, s.Key, s.Vegetation, s.Site, s.Climate, (CarbonSim.Model.SpinupMethod)s.Method, s.SoilCTrend, s.TotalCTrend, s.AcceleratedYears);

    public SpinupSummarySurrogate ConvertToSurrogate(in SpinupSummary v) => new()
    {
        Years = v.Years, Converged = v.Converged, Key = v.Key, Vegetation = v.Vegetation, Site = v.Site, Climate = v.Climate,
        Method = (int)v.Method, SoilCTrend = v.SoilCTrend, TotalCTrend = v.TotalCTrend, AcceleratedYears = v.AcceleratedYears,
    };
}

/// <summary>
/// The engine's records are immutable (init-only, never changed after they are built), so a call between
/// grains of one silo passes them by reference, as Orleans did when they carried <c>[Immutable]</c>; without
/// this a tile's set-up (its spec cut and equilibria) would be deep-copied on every local call.
/// </summary>
public abstract class SharedCopier<T> : IDeepCopier<T> where T : class
{
    public T DeepCopy(T? input, CopyContext context) => input!;
}

[RegisterCopier] public sealed class RunSpecCopier : SharedCopier<RunSpec>;
[RegisterCopier] public sealed class TileSetupCopier : SharedCopier<TileSetup>;
[RegisterCopier] public sealed class TileYearResultCopier : SharedCopier<TileYearResult>;
[RegisterCopier] public sealed class TileLandUseOfferCopier : SharedCopier<TileLandUseOffer>;
[RegisterCopier] public sealed class CityAllocationCopier : SharedCopier<CityAllocation>;
[RegisterCopier] public sealed class YearTotalsCopier : SharedCopier<YearTotals>;
[RegisterCopier] public sealed class AllocationYearCopier : SharedCopier<AllocationYear>;
[RegisterCopier] public sealed class LandUsePlanCopier : SharedCopier<LandUsePlan>;
[RegisterCopier] public sealed class CompensationPlanCopier : SharedCopier<CompensationPlan>;
[RegisterCopier] public sealed class SpinupRequestCopier : SharedCopier<SpinupRequest>;
[RegisterCopier] public sealed class SpinupEquilibriumCopier : SharedCopier<SpinupEquilibrium>;
[RegisterCopier] public sealed class CellTableCopier : SharedCopier<CellTable>;
[RegisterCopier] public sealed class VegetationTypeCopier : SharedCopier<VegetationType>;
[RegisterCopier] public sealed class TileLandUseCopier : SharedCopier<TileLandUse>;
[RegisterCopier] public sealed class RunOutcomeCopier : SharedCopier<RunOutcome>;
[RegisterCopier] public sealed class HistorySeriesCopier : SharedCopier<HistorySeries>;
[RegisterCopier] public sealed class CitySeriesCopier : SharedCopier<CitySeries>;
[RegisterCopier] public sealed class CellSnapshotCopier : SharedCopier<CellSnapshot>;
[RegisterCopier] public sealed class SpinupSummaryCopier : SharedCopier<SpinupSummary>;
