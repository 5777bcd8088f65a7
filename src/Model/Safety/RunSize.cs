using System.Globalization;
using CarbonSim.Model.Region;
using CarbonSim.Model.Scenarios;

namespace CarbonSim.Model.Safety;

/// <summary>
/// Upper limits on the size of one run, checked before anything large is allocated (<see cref="RunSize"/>).
/// The CLI raises them with <c>--max-cells</c> and <c>--max-memory</c>.
/// </summary>
/// <param name="MaxCells">[cells] Most land cells a run may have.</param>
/// <param name="MaxMemoryBytes">[bytes] Largest estimated memory of a run.</param>
public sealed record ResourceLimits(long MaxCells, long MaxMemoryBytes)
{
    /// <summary>[cells] Default cell limit: the bundled region at 1 km has about 214,000 land cells.</summary>
    public const long DefaultMaxCells = 500_000;
    /// <summary>[bytes] Default memory limit (16 GB; the bundled region at 1 km is estimated at about 10 GB).</summary>
    public const long DefaultMaxMemoryBytes = 16_000_000_000;

    public static readonly ResourceLimits Default = new(DefaultMaxCells, DefaultMaxMemoryBytes);
    /// <summary>No limit (a run already accepted, read again to label its results).</summary>
    public static readonly ResourceLimits None = new(long.MaxValue, long.MaxValue);
}

/// <summary>
/// What a scenario will cost, estimated from its city polygons, grid, class table and years before the grid
/// is laid out: land cells (city area / cell area), surface columns per cell (the widest class mix), years,
/// raster cells of the bounding box, and memory [bytes]. The memory model is <see cref="BaseBytes"/> +
/// <see cref="BytesPerColumn"/> per cell column + <see cref="BytesPerWeatherYear"/> per year for each copy of a
/// climate zone's daily weather (one per zone, one per spin-up, one per tile); docs/cluster.md "Limits" lists
/// the runs it was compared with.
/// </summary>
public sealed record RunSize(double GridCells, double LandCells, int ColumnsPerCell, int Years, double Tiles, int Zones, int VegetationTypes, double MemoryBytes)
{
    /// <summary>[bytes] Process, runtime and embedded silo before any cell (the default run at 20 km, 540 cells, peaked at 0.60 GB RSS).</summary>
    public const double BaseBytes = 500e6;
    /// <summary>[bytes] State, spec, outputs and copies per cell column: twice the slope measured between the default run at
    /// 20 km and at 5 km (0.60 -> 0.74 GB peak RSS for 540 -> 8,598 cells of up to 4 columns, about 5 kB per column).</summary>
    public const double BytesPerColumn = 10e3;
    /// <summary>[bytes] One year of one zone's daily weather (6 series × 365 days × 8 bytes).</summary>
    public const double BytesPerWeatherYear = 6 * 365 * 8;

    /// <summary>[cells] Grid raster cells above which the layout itself is refused whatever the limits (int indexing).</summary>
    public const double MaxGridCells = int.MaxValue / 2.0;

    /// <summary>The estimate for <paramref name="scenario"/> with its city polygons <paramref name="cities"/> (already projected).</summary>
    public static RunSize Of(Scenario scenario, IReadOnlyList<CityBoundary> cities)
    {
        double res = scenario.Grid.ResolutionM;
        var env = new NetTopologySuite.Geometries.Envelope();
        double area = 0;
        foreach (var c in cities) { env.ExpandToInclude(c.Projected.EnvelopeInternal); area += c.Projected.Area; }
        double cols = Math.Max(1, Math.Ceiling(env.Width / res) + 1), rows = Math.Max(1, Math.Ceiling(env.Height / res) + 1);
        double land = Math.Ceiling(area / (res * res));
        int columns = 1;
        foreach (var cls in scenario.LandUse.Classes.Classes)
        {
            columns = Math.Max(columns, cls.DefaultMix.Columns.Length);
            foreach (var mix in cls.ZoneMixes.Values) columns = Math.Max(columns, mix.Columns.Length);
        }
        int years = scenario.YearCount + (scenario.History is { } h ? scenario.StartYear - h.StartYear : 0);
        double tile = scenario.Grid.TileSize;
        double tiles = Math.Min(Math.Max(1, land), Math.Ceiling(rows / tile) * Math.Ceiling(cols / tile));
        int zones = Math.Max(1, cities.Count);
        int veg = Math.Max(1, scenario.Vegetation.Count);
        double weatherCopies = zones * (1 + veg) + tiles;
        double memory = BaseBytes + BytesPerColumn * land * columns + BytesPerWeatherYear * years * weatherCopies;
        return new RunSize(rows * cols, land, columns, years, tiles, zones, veg, memory);
    }

    /// <summary>One line: "about 2,160 cells × 3 columns × 41 years, 12 tiles, estimated 0.9 GB".</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"about {LandCells:N0} cells × {ColumnsPerCell} columns × {Years} years, {Tiles:N0} tiles, estimated memory {MemoryBytes / 1e9:F1} GB");

    /// <summary>Throws <see cref="InvalidInputException"/> (naming the scenario, the resolution and the options that raise the limits) if the run is too large.</summary>
    public void Check(Scenario scenario, ResourceLimits limits, string resolutionPlace)
    {
        string km = scenario.Grid.ResolutionKm.ToString("0.###", CultureInfo.InvariantCulture);
        if (GridCells > MaxGridCells)
            throw new InvalidInputException(scenario.SourcePath, resolutionPlace, km,
                string.Create(CultureInfo.InvariantCulture, $"a coarser resolution: the grid would have {GridCells:E2} raster cells ({Describe()}), the most is {MaxGridCells:E2}"));
        if (LandCells > limits.MaxCells)
            throw new InvalidInputException(scenario.SourcePath, resolutionPlace, km,
                string.Create(CultureInfo.InvariantCulture, $"at most {limits.MaxCells:N0} cells ({Describe()}); use a coarser resolution or raise the limit with --max-cells"));
        if (MemoryBytes > limits.MaxMemoryBytes)
            throw new InvalidInputException(scenario.SourcePath, $"{resolutionPlace} and years {scenario.StartYear}-{scenario.EndYear}", km,
                string.Create(CultureInfo.InvariantCulture, $"a run within {limits.MaxMemoryBytes / 1e9:F1} GB ({Describe()}); use a coarser resolution or fewer years, or raise the limit with --max-memory <GB>"));
    }
}
