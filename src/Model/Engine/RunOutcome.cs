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

/// <summary>How one distinct spin-up ended.</summary>
/// <param name="Years">[a] Simulated years (all methods tried).</param>
/// <param name="Converged">Whether the state met the steady-state rule.</param>
/// <param name="Key">Content key of the spin-up (<see cref="SpinupKey"/>).</param>
/// <param name="Vegetation">[-] Index into <see cref="RunSpec.VegetationTypes"/>.</param>
/// <param name="Site">[-] Index into <see cref="RunSpec.Sites"/>.</param>
/// <param name="Climate">[-] Index into <see cref="RunSpec.Climates"/> (a climate zone).</param>
/// <param name="Method">How the state was reached.</param>
/// <param name="SoilCTrend">[kgC m-2 a-1] Remaining soil-C drift (the steady-state rule's statistic).</param>
/// <param name="TotalCTrend">[kgC m-2 a-1] The same statistic on total C.</param>
/// <param name="AcceleratedYears">[a] Years of the accelerated attempt (part of <paramref name="Years"/>).</param>
public sealed record SpinupSummary(int Years, bool Converged, string Key = "", int Vegetation = 0, int Site = 0, int Climate = 0,
    CarbonSim.Model.SpinupMethod Method = CarbonSim.Model.SpinupMethod.Standard, double SoilCTrend = double.NaN, double TotalCTrend = double.NaN, int AcceleratedYears = 0)
{
    /// <summary>The summary of <paramref name="e"/>, the equilibrium of <paramref name="combo"/> under <paramref name="key"/>.</summary>
    public static SpinupSummary Of(string key, SpinupCombo combo, SpinupEquilibrium e) =>
        new(e.Years, e.Converged, key, combo.Vegetation, combo.Site, combo.Climate, e.Method, e.SoilCTrend, e.TotalCTrend, e.AcceleratedYears);
}

/// <summary>[kgC m-2] / [kgC m-2 a-1] Every cell's values in one year: <c>[cell * CarbonVariables.Count + variable]</c>, cells in global order.</summary>
public sealed record CellSnapshot
{
    public int Year { get; init; }
    public double[] Values { get; init; } = [];
    /// <summary>[-] Land-use class index of every cell after the year's change (runs with land-use change), else empty.</summary>
    public int[] Classes { get; init; } = [];
}
