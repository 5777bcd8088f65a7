using CarbonSim.Model.Engine;

namespace CarbonSim.Grains.Contracts;

/// <summary>The results of a finished run as the engine holds them (the client turns this into report files).</summary>
[GenerateSerializer, Immutable, Alias("carbonsim.RunOutcome")]
public sealed record RunOutcome
{
    [Id(0)] public string RunId { get; init; } = "";
    /// <summary>One series per city, in city-index order.</summary>
    [Id(1)] public CitySeries[] Cities { get; init; } = [];
    /// <summary>Agglomeration totals per year, ascending.</summary>
    [Id(2)] public YearTotals[] Region { get; init; } = [];
    /// <summary>Per-cell values for the cell-output years.</summary>
    [Id(3)] public CellSnapshot[] CellSnapshots { get; init; } = [];
    [Id(4)] public int SpinupCount { get; init; }
    [Id(5)] public int TileCount { get; init; }
    /// <summary>How each distinct spin-up ended, in combination order.</summary>
    [Id(6)] public SpinupSummary[] Spinups { get; init; } = [];
    /// <summary>Land-use allocation by year (runs with land-use change), else empty.</summary>
    [Id(7)] public AllocationYear[] Allocations { get; init; } = [];
    /// <summary>Budgets and compensation ledger by year as the region grain closed them (runs with a scheme), else empty.</summary>
    [Id(8)] public CarbonSim.Model.Accounting.CompensationYear[] Books { get; init; } = [];
}

/// <summary>[a] Years a spin-up used, and whether it reached steady state.</summary>
[GenerateSerializer, Immutable, Alias("carbonsim.SpinupSummary")]
public sealed record SpinupSummary([property: Id(0)] int Years, [property: Id(1)] bool Converged);

/// <summary>[kgC m-2] / [kgC m-2 a-1] Every cell's values in one year: <c>[cell * CarbonVariables.Count + variable]</c>, cells in global order.</summary>
[GenerateSerializer, Immutable, Alias("carbonsim.CellSnapshot")]
public sealed record CellSnapshot
{
    [Id(0)] public int Year { get; init; }
    [Id(1)] public double[] Values { get; init; } = [];
    /// <summary>[-] Land-use class index of every cell after the year's change (runs with land-use change), else empty.</summary>
    [Id(2)] public int[] Classes { get; init; } = [];
}
