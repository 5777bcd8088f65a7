using CarbonSim.Model.LandUse;

namespace CarbonSim.Model.Engine;

/// <summary>
/// Land-use change of a run (issue #5), resolved at the edge from the scenario's <c>land_use_change</c>
/// and <c>conversion_carbon</c> sections: the classes, every cell's class and allocation drivers, the
/// allocation rules, the carbon rule of every transition, the vegetation columns each class brings into
/// each city, and each city's demand by year. Flat arrays so the record crosses the wire as it is;
/// <see cref="Rules"/> and <see cref="ConversionRules"/> rebuild the <c>Model.LandUse</c> records.
/// Cells are the run's <see cref="RunSpec.Cells"/> (same order); cities are city indices.
/// </summary>
public sealed record LandUsePlan
{
    /// <summary>Number of suitability coefficients per class (intercept, per km to centre, per cell to built-up, per m elevation, per degree slope).</summary>
    public const int SuitabilityTerms = 5;
    /// <summary>Number of carbon shares per transition (veg → atmosphere, veg → wood products, veg → litter, litter → atmosphere, soil → atmosphere).</summary>
    public const int ConversionTerms = 5;

    /// <summary>Class names, index = class index.</summary>
    public string[] ClassNames { get; init; } = [];
    /// <summary>[-] Raster code of each class (for land-use outputs).</summary>
    public int[] ClassCodes { get; init; } = [];
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
    /// <summary>Logistic suitability coefficients, <c>[class · SuitabilityTerms + term]</c> (units per term, see <see cref="SuitabilityCoefficients"/>).</summary>
    public double[] Suitability { get; init; } = [];
    /// <summary>[-] Neighbourhood weight of each class.</summary>
    public double[] NeighbourhoodWeight { get; init; } = [];
    /// <summary>[-] Neighbourhood floor Ω0.</summary>
    public double NeighbourhoodFloor { get; init; }
    /// <summary>[0–1] Conversion elasticity (inertia) of each class.</summary>
    public double[] Elasticity { get; init; } = [];
    /// <summary>Conversion matrix, <c>[from · K + to]</c>: true = allowed.</summary>
    public bool[] Allowed { get; init; } = [];
    /// <summary>[0–1] Carbon shares of each transition, <c>[(from · K + to) · ConversionTerms + term]</c>; NaN where the scenario has no rule.</summary>
    public double[] ConversionShares { get; init; } = [];
    /// <summary>[a] Half-life of the wood-product pool.</summary>
    public double WoodProductHalfLifeYears { get; init; } = 1;
    /// <summary>[-] Start of the columns of (city, class) in <see cref="MixVegetation"/>, <c>[city · K + class]</c>; length cities · K + 1.</summary>
    public int[] MixStart { get; init; } = [];
    /// <summary>[-] Vegetation type index (into <see cref="RunSpec.VegetationTypes"/>) of each mix column.</summary>
    public int[] MixVegetation { get; init; } = [];
    /// <summary>[fraction of cell area] Cover of each mix column.</summary>
    public double[] MixFraction { get; init; } = [];
    /// <summary>[cells] Demand per city and year: <c>Demand[city][(year − FirstYear) · K + class]</c>. Empty in a tile's copy.</summary>
    public int[][] Demand { get; init; } = [];

    public int ClassCount => ClassNames.Length;

    /// <summary>The allocation rules as the Model uses them.</summary>
    public LandUseRules Rules()
    {
        int k = ClassCount;
        var allowed = new bool[k, k];
        for (int a = 0; a < k; a++)
            for (int b = 0; b < k; b++) allowed[a, b] = Allowed[a * k + b];
        var suit = new SuitabilityCoefficients[k];
        for (int c = 0; c < k; c++)
        {
            int o = c * SuitabilityTerms;
            suit[c] = new SuitabilityCoefficients(Suitability[o], Suitability[o + 1], Suitability[o + 2], Suitability[o + 3], Suitability[o + 4]);
        }
        return new LandUseRules(ClassNames, BuiltUpClass, WindowSize, BuiltUpSearchRadius, suit, NeighbourhoodWeight, NeighbourhoodFloor, Elasticity, allowed);
    }

    /// <summary>The carbon rules of every transition that has one.</summary>
    public ConversionCarbonRules ConversionRules(string source = "run spec")
    {
        int k = ClassCount;
        var rules = new List<ConversionRule>();
        for (int a = 0; a < k; a++)
            for (int b = 0; b < k; b++)
            {
                int o = (a * k + b) * ConversionTerms;
                if (a == b || double.IsNaN(ConversionShares[o])) continue;
                rules.Add(new ConversionRule(a, b, ConversionShares[o], ConversionShares[o + 1], ConversionShares[o + 2], ConversionShares[o + 3], ConversionShares[o + 4]));
            }
        return new ConversionCarbonRules(rules, WoodProductHalfLifeYears, source);
    }

    /// <summary>The vegetated columns (vegetation type index, share of the cell) class <paramref name="cls"/> has in city <paramref name="city"/>.</summary>
    public (int Vegetation, double Fraction)[] Mix(int city, int cls)
    {
        int m = city * ClassCount + cls;
        var cols = new (int, double)[MixStart[m + 1] - MixStart[m]];
        for (int j = 0; j < cols.Length; j++) cols[j] = (MixVegetation[MixStart[m] + j], MixFraction[MixStart[m] + j]);
        return cols;
    }

    /// <summary>[cells] Demand of city <paramref name="city"/> in year index <paramref name="yearIndex"/> (0 = first year).</summary>
    public int[] DemandOf(int city, int yearIndex) => Demand[city].AsSpan(yearIndex * ClassCount, ClassCount).ToArray();
}

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
