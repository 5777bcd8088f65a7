using CarbonSim.Model.Climate;
using CarbonSim.Model.Parameters;

namespace CarbonSim.Model.Engine;

/// <summary>
/// Everything a run needs, validated and resolved at the edge (the client) before any grain runs:
/// the grid's cells with their vegetation columns, the parameter tables they point into, and the
/// forcing by year. Immutable once built; shipped to the simulation grain and, in parts, to tiles.
/// </summary>
public sealed record RunSpec
{
    /// <summary>Scenario name (used in output folder names and reports).</summary>
    public string ScenarioName { get; init; } = "";
    /// <summary>[a] First simulated calendar year (inclusive).</summary>
    public int FirstYear { get; init; }
    /// <summary>[a] Last simulated calendar year (inclusive).</summary>
    public int LastYear { get; init; }
    /// <summary>[cells] Edge length of a square tile in grid cells (1 = one grain per cell).</summary>
    public int TileSize { get; init; } = 32;
    /// <summary>[-] Grid rows and columns; cells index into this raster.</summary>
    public int GridRows { get; init; }
    public int GridCols { get; init; }
    /// <summary>City ids (e.g. GB/T 2260 codes), index-aligned with <see cref="CityNames"/>; cells refer to them by index.</summary>
    public string[] CityIds { get; init; } = [];
    public string[] CityNames { get; init; } = [];
    /// <summary>Vegetation types (name + .epc values); columns refer to them by index.</summary>
    public VegetationType[] VegetationTypes { get; init; } = [];
    /// <summary>Site/soil parameter sets; cells refer to them by index.</summary>
    public SiteParameters[] Sites { get; init; } = [];
    /// <summary>Daily weather series (one per climate zone); cells refer to them by index.</summary>
    public MetSeries[] Climates { get; init; } = [];
    /// <summary>The cells, struct-of-arrays.</summary>
    public CellTable Cells { get; init; } = null!;
    /// <summary>[ppm] Atmospheric CO2 by year, index 0 = <see cref="FirstYear"/>.</summary>
    public double[] Co2ByYear { get; init; } = [];
    /// <summary>[kgN m-2 a-1] N deposition by year, index 0 = <see cref="FirstYear"/>.</summary>
    public double[] NDepositionByYear { get; init; } = [];
    /// <summary>[ppm] CO2 held constant during spin-up.</summary>
    public double SpinupCo2 { get; init; }
    /// <summary>[kgN m-2 a-1] N deposition held constant during spin-up.</summary>
    public double SpinupNDeposition { get; init; }
    /// <summary>[a] Years for which per-cell values are kept (for rasters); the others keep only sums.</summary>
    public int[] CellOutputYears { get; init; } = [];
    /// <summary>[a] Tiles checkpoint their state every this many years (and after the last year); 0 = never
    /// (an embedded silo: nothing outlives the process, and 260 tiles writing at once can time out its memory storage).</summary>
    public int CheckpointEveryYears { get; init; } = 10;
    /// <summary>Accelerated decomposition spin-up (true) or standard.</summary>
    public bool SpinupAccelerated { get; init; } = true;
    /// <summary>[a] Most simulated years of a spin-up.</summary>
    public int SpinupMaxYears { get; init; } = 6000;
    /// <summary>[a] Age of woody stands at the first year: a stand-replacing disturbance this many years before it, then regrowth (0 = old-growth equilibrium).</summary>
    public int SpinupStandAgeYears { get; init; }
    /// <summary>[a] First year of the historical transient between the spin-up and <see cref="FirstYear"/> (Kernel.TransientHistory), or 0 = none.</summary>
    public int HistoryStartYear { get; init; }
    /// <summary>[ppm] CO2 of each history year, index 0 = <see cref="HistoryStartYear"/> (length FirstYear − HistoryStartYear).</summary>
    public double[] HistoryCo2ByYear { get; init; } = [];
    /// <summary>[kgN m-2 a-1] N deposition of each history year, index 0 = <see cref="HistoryStartYear"/>.</summary>
    public double[] HistoryNDepositionByYear { get; init; } = [];
    /// <summary>[a] A cleared cohort column stands for sub-cohorts cleared every 2 years within ± this of its clearing year (Kernel.TransientHistory.ClearingYears); 0 = one clearing year.</summary>
    public int HistoryClearingSpreadYears { get; init; }
    /// <summary>Land-use change (allocation, carbon on conversion, demand), or null for a fixed map.</summary>
    public LandUsePlan? LandUse { get; init; }
    /// <summary>Budgets and horizontal compensation closed by the region grain each year, or null without a scheme.</summary>
    public CompensationPlan? Compensation { get; init; }
    /// <summary>[-] Land-use class codes of the scenario's class table (code order), index-aligned with <see cref="ClassNames"/>;
    /// every <see cref="CellTable.LandUse"/> code is one of them. Runs without land-use change sum carbon per class by
    /// these (<see cref="LandUseSums"/>); empty = no per-class sums (runs with land-use change use the plan's classes).</summary>
    public int[] ClassCodes { get; init; } = [];
    public string[] ClassNames { get; init; } = [];
    /// <summary>[-] Crops of the managed cropland rotations the run may grow (<see cref="CropSums.CropsOf"/>: distinct crop names,
    /// ordinal order): the run sums harvested area and grain per city by these (crop_yields.csv); empty = no managed cropland.
    /// Needs <see cref="ClassCodes"/> or a land-use plan (the crop block follows the class block of <see cref="LandUseSums"/>).</summary>
    public string[] Crops { get; init; } = [];

    public int YearCount => LastYear - FirstYear + 1;
}

/// <summary>A vegetation type: a name and its ecophysiological constants.</summary>
public sealed record VegetationType
{
    public string Name { get; init; } = "";
    public EcophysParameters Epc { get; init; } = null!;
}

/// <summary>
/// Grid cells in struct-of-arrays form. Cell i owns columns <c>ColumnStart[i] .. ColumnStart[i+1]-1</c>;
/// a column is one vegetation type covering a fraction of the cell. The part of a cell not covered by
/// any column (impervious surface, water) holds no carbon in the process model.
/// </summary>
public sealed record CellTable
{
    /// <summary>[-] Grid row of each cell (0 = north edge).</summary>
    public int[] Row { get; init; } = [];
    /// <summary>[-] Grid column of each cell (0 = west edge).</summary>
    public int[] Col { get; init; } = [];
    /// <summary>[-] Index into <see cref="RunSpec.CityIds"/>.</summary>
    public int[] City { get; init; } = [];
    /// <summary>[m2] Land area of the cell inside its city.</summary>
    public double[] AreaM2 { get; init; } = [];
    /// <summary>[-] Index into <see cref="RunSpec.Climates"/>.</summary>
    public int[] Climate { get; init; } = [];
    /// <summary>[-] Index into <see cref="RunSpec.Sites"/>.</summary>
    public int[] Site { get; init; } = [];
    /// <summary>[-] Land-use class code of each cell (carried through for outputs).</summary>
    public int[] LandUse { get; init; } = [];
    /// <summary>[-] Start of each cell's columns; length = cell count + 1.</summary>
    public int[] ColumnStart { get; init; } = [];
    /// <summary>[-] Vegetation type index of each column.</summary>
    public int[] ColumnVegetation { get; init; } = [];
    /// <summary>[fraction of cell area] Cover of each column; a cell's fractions sum to at most 1.</summary>
    public double[] ColumnFraction { get; init; } = [];
    /// <summary>[a] Calendar year each column's stand was cleared during the history (its age cohort), 0 = never; empty = 0 for every column.</summary>
    public int[] ColumnClearingYear { get; init; } = [];

    /// <summary>[a] Clearing year of column <paramref name="column"/> (0 = never).</summary>
    public int ClearingYearOf(int column) => ColumnClearingYear.Length == 0 ? 0 : ColumnClearingYear[column];

    public int Count => Row.Length;
    public int ColumnCount => ColumnVegetation.Length;
}
