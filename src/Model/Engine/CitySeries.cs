namespace CarbonSim.Model.Engine;

/// <summary>A city's annual series.</summary>
public sealed record CitySeries
{
    public int CityIndex { get; init; }
    public string CityId { get; init; } = "";
    /// <summary>[m2] Land area of the city's cells.</summary>
    public double AreaM2 { get; init; }
    /// <summary>One entry per completed year, ascending.</summary>
    public YearTotals[] Years { get; init; } = [];
}
