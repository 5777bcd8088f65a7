namespace CarbonSim.Grains.Contracts;

/// <summary>A city's (or the region's) totals for one year: exact sums and their values in kg.</summary>
[GenerateSerializer, Immutable, Alias("carbonsim.CityYear")]
public sealed record CityYear
{
    [Id(0)] public int Year { get; init; }
    /// <summary>Exact totals per variable, index-aligned with <see cref="CarbonVariables"/>.</summary>
    [Id(1)] public FixedSum[] Sums { get; init; } = [];

    /// <summary>[kgC] or [kgC a-1] Totals per variable as doubles.</summary>
    public double[] TotalsKg() => Array.ConvertAll(Sums, s => s.ToKg());
}

/// <summary>A city's annual series.</summary>
[GenerateSerializer, Immutable, Alias("carbonsim.CitySeries")]
public sealed record CitySeries
{
    [Id(0)] public int CityIndex { get; init; }
    [Id(1)] public string CityId { get; init; } = "";
    /// <summary>[m2] Land area of the city's cells.</summary>
    [Id(2)] public double AreaM2 { get; init; }
    /// <summary>One entry per completed year, ascending.</summary>
    [Id(3)] public CityYear[] Years { get; init; } = [];
}
