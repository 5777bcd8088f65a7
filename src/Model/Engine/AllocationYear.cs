namespace CarbonSim.Model.Engine;

/// <summary>The land-use allocation of one year, per city (city-index order).</summary>
public sealed record AllocationYear
{
    public int Year { get; init; }
    /// <summary>[cells] Cells converted per city.</summary>
    public int[] ConvertedCells { get; init; } = [];
    /// <summary>[cells] Demand not met per city (0 = met exactly).</summary>
    public int[] ShortfallCells { get; init; } = [];
    /// <summary>[cells] Class counts per city after the year: <c>[city · K + class]</c>.</summary>
    public int[] CountsAfter { get; init; } = [];
    /// <summary>[cells] The year's demand per city: <c>[city · K + class]</c>.</summary>
    public int[] Demand { get; init; } = [];
}
