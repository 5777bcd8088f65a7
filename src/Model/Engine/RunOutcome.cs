namespace CarbonSim.Model.Engine;

/// <summary>The results of a finished run as the engine holds them (the client turns this into report files).</summary>
public sealed record RunOutcome
{
    public string RunId { get; init; } = "";
    /// <summary>One series per city, in city-index order.</summary>
    public CitySeries[] Cities { get; init; } = [];
    /// <summary>Agglomeration totals per year, ascending.</summary>
    public YearTotals[] Region { get; init; } = [];
    /// <summary>Per-cell values for the cell-output years.</summary>
    public CellSnapshot[] CellSnapshots { get; init; } = [];
    /// <summary>The history years before the first year (Kernel.TransientHistory): per city and the region, as <see cref="Cities"/> and <see cref="Region"/>; empty without a history.</summary>
    public HistorySeries History { get; init; } = HistorySeries.None;
    public int SpinupCount { get; init; }
    public int TileCount { get; init; }
    /// <summary>How each distinct spin-up ended, in combination order.</summary>
    public SpinupSummary[] Spinups { get; init; } = [];
    /// <summary>Land-use allocation by year (runs with land-use change), else empty.</summary>
    public AllocationYear[] Allocations { get; init; } = [];
    /// <summary>Budgets and compensation ledger by year as the region grain closed them (runs with a scheme), else empty.</summary>
    public CarbonSim.Model.Accounting.CompensationYear[] Books { get; init; } = [];
}

/// <summary>[a] Years a spin-up used, and whether it reached steady state.</summary>
public sealed record SpinupSummary(int Years, bool Converged);

/// <summary>[kgC m-2] / [kgC m-2 a-1] Every cell's values in one year: <c>[cell * CarbonVariables.Count + variable]</c>, cells in global order.</summary>
public sealed record CellSnapshot
{
    public int Year { get; init; }
    public double[] Values { get; init; } = [];
    /// <summary>[-] Land-use class index of every cell after the year's change (runs with land-use change), else empty.</summary>
    public int[] Classes { get; init; } = [];
}
