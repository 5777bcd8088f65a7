namespace CarbonSim.Model.Engine;

/// <summary>A city's (or the region's) totals for one year: exact sums and their values in kg.</summary>
public sealed record YearTotals
{
    public int Year { get; init; }
    /// <summary>Exact totals per variable, index-aligned with <see cref="CarbonVariables"/>.</summary>
    public FixedSum[] Sums { get; init; } = [];

    /// <summary>[kgC] or [kgC a-1] Totals per variable as doubles.</summary>
    public double[] TotalsKg() => Array.ConvertAll(Sums, s => s.ToKg());
}
