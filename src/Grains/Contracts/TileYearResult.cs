namespace CarbonSim.Grains.Contracts;

/// <summary>
/// A tile's answer for one year: per-city exact partial sums of every carbon variable
/// (<c>[kgC]</c> for stocks, <c>[kgC a-1]</c> for fluxes), and, in cell-output years, the per-cell values.
/// </summary>
[GenerateSerializer, Immutable, Alias("carbonsim.TileYearResult")]
public sealed record TileYearResult
{
    [Id(0)] public int TileIndex { get; init; }
    [Id(1)] public int Year { get; init; }
    /// <summary>[-] City indices present in the tile, ascending.</summary>
    [Id(2)] public int[] Cities { get; init; } = [];
    /// <summary>Partial sums, row-major: <c>[cityPosition * stride + entry]</c>; stride = <see cref="CarbonVariables.Count"/>,
    /// or <see cref="LandUseSums.Stride"/> with land-use change.</summary>
    [Id(3)] public FixedSum[] CitySums { get; init; } = [];
    /// <summary>[kgC m-2] / [kgC m-2 a-1] Per-cell values in cell-output years, else empty:
    /// <c>[cellPosition * CarbonVariables.Count + variable]</c>, cells in <see cref="TileSetup.CellIndices"/> order.</summary>
    [Id(4)] public double[] CellValues { get; init; } = [];
    /// <summary>[-] Class index of each cell after the year's land-use change, in cell-output years of runs with land-use change; else empty.</summary>
    [Id(5)] public int[] CellClasses { get; init; } = [];
}
