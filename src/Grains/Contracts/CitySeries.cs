using CarbonSim.Model.Engine;

namespace CarbonSim.Grains.Contracts;

/// <summary>A city's annual series.</summary>
[GenerateSerializer, Immutable, Alias("carbonsim.CitySeries")]
public sealed record CitySeries
{
    [Id(0)] public int CityIndex { get; init; }
    [Id(1)] public string CityId { get; init; } = "";
    /// <summary>[m2] Land area of the city's cells.</summary>
    [Id(2)] public double AreaM2 { get; init; }
    /// <summary>One entry per completed year, ascending.</summary>
    [Id(3)] public YearTotals[] Years { get; init; } = [];
}
