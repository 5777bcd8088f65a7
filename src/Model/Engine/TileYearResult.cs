namespace CarbonSim.Model.Engine;

/// <summary>
/// A tile's answer for one year: per-city exact partial sums of every carbon variable
/// (<c>[kgC]</c> for stocks, <c>[kgC a-1]</c> for fluxes), and, in cell-output years, the per-cell values.
/// </summary>
public sealed record TileYearResult
{
    public int TileIndex { get; init; }
    public int Year { get; init; }
    /// <summary>[-] City indices present in the tile, ascending.</summary>
    public int[] Cities { get; init; } = [];
    /// <summary>Partial sums, row-major: <c>[cityPosition * stride + entry]</c>; stride = <see cref="LandUseSums.StrideOf"/>
    /// (<see cref="LandUseSums.Stride"/> for a run with classes: ledger, class areas and per-class carbon; else <see cref="CarbonVariables.Count"/>).</summary>
    public FixedSum[] CitySums { get; init; } = [];
    /// <summary>[kgC m-2] / [kgC m-2 a-1] Per-cell values in cell-output years, else empty:
    /// <c>[cellPosition * CarbonVariables.Count + variable]</c>, cells in <see cref="TileSetup.CellIndices"/> order.</summary>
    public double[] CellValues { get; init; } = [];
    /// <summary>[-] Class index of each cell after the year's land-use change, in cell-output years of runs with land-use change; else empty.</summary>
    public int[] CellClasses { get; init; } = [];
}
