using CarbonSim.Model.LandUse;

namespace CarbonSim.Model.Engine;

/// <summary>
/// Land-use change of a run (issue #5), resolved at the edge from the scenario's <c>land_use_change</c>
/// and <c>conversion_carbon</c> sections: the classes with their allocation rules, every cell's class and
/// allocation drivers, the carbon rule of every transition, the vegetation columns each class brings into
/// each city, and each city's demand by year. Cells are the run's <see cref="RunSpec.Cells"/> (same order,
/// one value per cell in each <c>Cell…</c> array); cities are city indices; classes are indices into
/// <see cref="Classes"/>. <see cref="RunSpecCheck"/> checks every size and range.
/// </summary>
public sealed record LandUsePlan
{
    /// <summary>The classes, index = class index.</summary>
    public LandUseClassRule[] Classes { get; init; } = [];
    /// <summary>[-] Class index of each cell at the start of the first year.</summary>
    public int[] CellClass { get; init; } = [];
    /// <summary>Restriction mask per cell: true = never changes.</summary>
    public bool[] CellProtected { get; init; } = [];
    /// <summary>[km] Distance of each cell to its city's centre.</summary>
    public double[] CellKmToCentre { get; init; } = [];
    /// <summary>[m] Elevation of each cell (0 without a DEM).</summary>
    public double[] CellElevationM { get; init; } = [];
    /// <summary>[deg] Slope of each cell (0 without a DEM).</summary>
    public double[] CellSlopeDeg { get; init; } = [];
    /// <summary>[-] Class index of built-up land (for the distance-to-built-up driver).</summary>
    public int BuiltUpClass { get; init; }
    /// <summary>[cells] Odd edge N of the N×N neighbourhood window.</summary>
    public int WindowSize { get; init; } = 3;
    /// <summary>[cells] Search radius of the distance to built-up land.</summary>
    public int BuiltUpSearchRadius { get; init; }
    /// <summary>[-] Neighbourhood floor Ω0.</summary>
    public double NeighbourhoodFloor { get; init; }
    /// <summary>The carbon rule of each transition the scenario names (transitions without one carry everything).</summary>
    public TransitionCarbon[] Transitions { get; init; } = [];
    /// <summary>[a] Half-life of the wood-product pool.</summary>
    public double WoodProductHalfLifeYears { get; init; } = 1;
    /// <summary>The vegetated columns of each class in each city: <c>Mix[city][class]</c>.</summary>
    public MixColumn[][][] Mix { get; init; } = [];
    /// <summary>[cells] Demand per city, year and class: <c>Demand[city][year − FirstYear][class]</c>. Empty in a tile's copy.</summary>
    public int[][][] Demand { get; init; } = [];

    public int ClassCount => Classes.Length;

    /// <summary>Class names, index = class index.</summary>
    public string[] ClassNames => Classes.Select(c => c.Name).ToArray();

    /// <summary>[-] Raster code of each class.</summary>
    public int[] ClassCodes => Classes.Select(c => c.Code).ToArray();

    /// <summary>The allocation rules as the Model uses them.</summary>
    public LandUseRules Rules()
    {
        int k = ClassCount;
        var allowed = new bool[k, k];
        for (int a = 0; a < k; a++)
            for (int b = 0; b < k; b++) allowed[a, b] = Classes[a].CanBecome[b];
        return new LandUseRules(ClassNames, BuiltUpClass, WindowSize, BuiltUpSearchRadius,
            Classes.Select(c => c.Suitability()).ToArray(), Classes.Select(c => c.NeighbourhoodWeight).ToArray(),
            NeighbourhoodFloor, Classes.Select(c => c.Elasticity).ToArray(), allowed);
    }

    /// <summary>The carbon rules of every transition that has one.</summary>
    public ConversionCarbonRules ConversionRules(string source = "run spec") =>
        new(Transitions.Select(t => new ConversionRule(t.FromClass, t.ToClass, t.VegToAtmosphere, t.VegToWoodProducts,
            t.VegToLitter, t.LitterToAtmosphere, t.SoilToAtmosphere, t.SoilToSealed, t.SealedToSoil)).ToList(), WoodProductHalfLifeYears, source);

    /// <summary>The vegetated columns (vegetation type index, share of the cell) class <paramref name="cls"/> has in city <paramref name="city"/>.</summary>
    public (int Vegetation, double Fraction)[] MixOf(int city, int cls) =>
        Mix[city][cls].Select(m => (m.Vegetation, m.Fraction)).ToArray();

    /// <summary>[cells] Demand of city <paramref name="city"/> in year index <paramref name="yearIndex"/> (0 = first year).</summary>
    public int[] DemandOf(int city, int yearIndex) => [.. Demand[city][yearIndex]];
}

/// <summary>
/// One land-use class and its allocation rules (docs/landuse.md): raster code, logistic suitability,
/// neighbourhood weight, conversion elasticity and the classes it may become.
/// </summary>
public sealed record LandUseClassRule
{
    public string Name { get; init; } = "";
    /// <summary>[-] Raster code of the class (for land-use outputs).</summary>
    public int Code { get; init; }
    /// <summary>[-] Suitability intercept b0 (see <see cref="SuitabilityCoefficients"/>).</summary>
    public double SuitabilityIntercept { get; init; }
    /// <summary>[km-1] Suitability coefficient b1 of the distance to the city centre.</summary>
    public double SuitabilityPerKmToCentre { get; init; }
    /// <summary>[cell-1] Suitability coefficient b2 of the distance to built-up land.</summary>
    public double SuitabilityPerCellToBuiltUp { get; init; }
    /// <summary>[m-1] Suitability coefficient b3 of elevation.</summary>
    public double SuitabilityPerMetreElevation { get; init; }
    /// <summary>[deg-1] Suitability coefficient b4 of slope.</summary>
    public double SuitabilityPerDegreeSlope { get; init; }
    /// <summary>[-] Neighbourhood weight w of the class.</summary>
    public double NeighbourhoodWeight { get; init; }
    /// <summary>[0–1] Conversion elasticity (inertia) of the class.</summary>
    public double Elasticity { get; init; }
    /// <summary>Row of the conversion matrix: <c>CanBecome[to]</c> = true if a cell of this class may become class <c>to</c>.</summary>
    public bool[] CanBecome { get; init; } = [];

    /// <summary>The logistic suitability of becoming this class, as the Model uses it.</summary>
    public SuitabilityCoefficients Suitability() => new(SuitabilityIntercept, SuitabilityPerKmToCentre, SuitabilityPerCellToBuiltUp,
        SuitabilityPerMetreElevation, SuitabilityPerDegreeSlope);
}

/// <summary>How carbon moves when a cell changes from <see cref="FromClass"/> to <see cref="ToClass"/> (see Model.LandUse.ConversionRule).</summary>
/// <param name="VegToAtmosphere">[0–1] Share of vegetation C emitted.</param>
/// <param name="VegToWoodProducts">[0–1] Share of vegetation C to wood products.</param>
/// <param name="VegToLitter">[0–1] Share of vegetation C left as litter.</param>
/// <param name="LitterToAtmosphere">[0–1] Share of litter C emitted.</param>
/// <param name="SoilToAtmosphere">[0–1] Share of soil C emitted.</param>
/// <param name="SoilToSealed">[0–1] Share of the columns' soil C sealed off (Model.LandUse.SealedSoil).</param>
/// <param name="SealedToSoil">[0–1] Share of the cell's sealed soil C released to the new columns.</param>
public sealed record TransitionCarbon(int FromClass, int ToClass, double VegToAtmosphere, double VegToWoodProducts,
    double VegToLitter, double LitterToAtmosphere, double SoilToAtmosphere, double SoilToSealed = 0, double SealedToSoil = 0);

/// <summary>One vegetated column a class brings into a city: a vegetation type (index into <see cref="RunSpec.VegetationTypes"/>) covering a share of the cell.</summary>
/// <param name="Fraction">[fraction of cell area] Cover of the column.</param>
public sealed record MixColumn(int Vegetation, double Fraction);

/// <summary>
/// A tile's part of the land-use plan: its block of the grid and the classes of that block plus a halo
/// of <see cref="Halo"/> cells taken from the neighbouring tiles (NoData = −1 outside the run's cells).
/// </summary>
public sealed record TileLandUse
{
    /// <summary>[cells] Grid column and row of the block's north-west cell; block width and height.</summary>
    public int X0 { get; init; }
    public int Y0 { get; init; }
    public int Width { get; init; }
    public int Height { get; init; }
    /// <summary>[cells] Halo width (max of the window radius and the built-up search radius).</summary>
    public int Halo { get; init; }
    /// <summary>[-] Class of every window cell at the start of the first year, row-major over (Width + 2·Halo) × (Height + 2·Halo).</summary>
    public int[] WindowClasses { get; init; } = [];
}

/// <summary>One cell a tile offers for conversion (mirror of <c>Model.LandUse.Candidate</c>; city = city index, cell = grid id row·cols + col).</summary>
public readonly record struct CellCandidate(
    int CellId,
    int City,
    int FromClass,
    int ToClass,
    double Potential)
{
    public Candidate ToModel() => new(CellId, City, FromClass, ToClass, Potential);
    public static CellCandidate Of(Candidate c) => new(c.CellId, c.CityId, c.FromClass, c.ToClass, c.Potential);
}

/// <summary>
/// A tile's land-use offer for one year, made on the classes at the start of the year: its candidates
/// (cells that may change, with their transition potential) and its class counts per city.
/// </summary>
public sealed record TileLandUseOffer
{
    public int TileIndex { get; init; }
    public int Year { get; init; }
    public CellCandidate[] Candidates { get; init; } = [];
    /// <summary>[-] City indices present in the tile, ascending.</summary>
    public int[] Cities { get; init; } = [];
    /// <summary>[cells] Class counts, <c>[cityPosition · K + class]</c>.</summary>
    public int[] Counts { get; init; } = [];
}

/// <summary>A city's allocation of one year: the cells that change (by cell id) and the demand it could not meet.</summary>
public sealed record CityAllocation
{
    public int City { get; init; }
    public int Year { get; init; }
    public CellCandidate[] Winners { get; init; } = [];
    /// <summary>[cells] Unmet demand per class (0 = met).</summary>
    public int[] ShortfallByClass { get; init; } = [];
    /// <summary>[cells] Class counts at the start of the year (sum of the tiles' counts).</summary>
    public int[] CountsBefore { get; init; } = [];
    /// <summary>[cells] The year's demand.</summary>
    public int[] Demand { get; init; } = [];
}
