namespace CarbonSim.Model.Climate;

/// <summary>
/// A zone's real weather next to the weather generator's (docs/outputs.md <c>climate_monthly.csv</c>): the statistics of the
/// zone's station-driven series over the simulated years, and those of the generator driven by the normals of those same
/// years (same number of years, seed <see cref="GeneratorSeed"/>, the zone's key). Only for station-driven runs.
/// </summary>
/// <param name="Label">Zone label (city and station).</param>
public sealed record ClimateComparison(string Zone, string Label, int FirstYear, int LastYear, ClimateSummary Record, ClimateSummary Generator)
{
    /// <summary>Seed of the generator series in the comparison (any fixed value; it is reported, not simulated).</summary>
    public const long GeneratorSeed = 1;

    /// <summary>The comparison for a zone whose met year 0 is <paramref name="firstYear"/> and whose first <paramref name="years"/> met years are the simulated ones.</summary>
    public static ClimateComparison For(string zone, string label, MetSeries met, double latitude, double longitude, double elevationM, int firstYear, int years)
    {
        var record = ClimateStatistics.Of(met, 0, years);
        var normals = ClimateStatistics.Normals(record, zone, label, label, latitude, longitude, elevationM, $"station record {firstYear}–{firstYear + years - 1}");
        var gen = WeatherGenerator.Generate(normals, GeneratorSeed, zone, firstYear, years);
        return new ClimateComparison(zone, label, firstYear, firstYear + years - 1, record, ClimateStatistics.Of(gen, 0, years));
    }
}
