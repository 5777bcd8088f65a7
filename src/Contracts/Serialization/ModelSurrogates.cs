using System.Text.Json;
using CarbonSim.Model.Climate;
using CarbonSim.Model.Parameters;

namespace CarbonSim.Contracts.Serialization;

// CarbonSim.Model stays free of Orleans, so its types cross grain boundaries through surrogates.
// Parameter records travel as JSON (every public property, doubles round-trip exactly), so a member
// added to them later is carried without touching this file; met series travel as raw arrays.

[GenerateSerializer, Alias("carbonsim.EcophysParametersSurrogate")]
public struct EcophysParametersSurrogate
{
    [Id(0)] public string Json;
}

[RegisterConverter]
public sealed class EcophysParametersConverter : IConverter<EcophysParameters, EcophysParametersSurrogate>
{
    public EcophysParameters ConvertFromSurrogate(in EcophysParametersSurrogate surrogate) =>
        JsonSerializer.Deserialize<EcophysParameters>(surrogate.Json)!;

    public EcophysParametersSurrogate ConvertToSurrogate(in EcophysParameters value) =>
        new() { Json = JsonSerializer.Serialize(value) };
}

[GenerateSerializer, Alias("carbonsim.SiteParametersSurrogate")]
public struct SiteParametersSurrogate
{
    [Id(0)] public string Json;
}

[RegisterConverter]
public sealed class SiteParametersConverter : IConverter<SiteParameters, SiteParametersSurrogate>
{
    public SiteParameters ConvertFromSurrogate(in SiteParametersSurrogate surrogate) =>
        JsonSerializer.Deserialize<SiteParameters>(surrogate.Json)!;

    public SiteParametersSurrogate ConvertToSurrogate(in SiteParameters value) =>
        new() { Json = JsonSerializer.Serialize(value) };
}

[GenerateSerializer, Alias("carbonsim.MetSeriesSurrogate")]
public struct MetSeriesSurrogate
{
    [Id(0)] public int[] Years;
    [Id(1)] public double[] Tmax;
    [Id(2)] public double[] Tmin;
    [Id(3)] public double[] Prcp;
    [Id(4)] public double[] Vpd;
    [Id(5)] public double[] Srad;
    [Id(6)] public double[] DayLength;
}

[RegisterConverter]
public sealed class MetSeriesConverter : IConverter<MetSeries, MetSeriesSurrogate>
{
    public MetSeries ConvertFromSurrogate(in MetSeriesSurrogate s) =>
        new(s.Years, s.Tmax, s.Tmin, s.Prcp, s.Vpd, s.Srad, s.DayLength);

    public MetSeriesSurrogate ConvertToSurrogate(in MetSeries m) => new()
    {
        Years = m.Years, Tmax = m.Tmax, Tmin = m.Tmin, Prcp = m.Prcp, Vpd = m.Vpd, Srad = m.Srad, DayLength = m.DayLength,
    };
}

[GenerateSerializer, Alias("carbonsim.CompensationYearSurrogate")]
public struct CompensationYearSurrogate
{
    [Id(0)] public string Json;
}

/// <summary>A year of budgets and compensation (Model.Accounting) as JSON: records, arrays and the zone enum round-trip exactly.</summary>
[RegisterConverter]
public sealed class CompensationYearConverter : IConverter<CarbonSim.Model.Accounting.CompensationYear, CompensationYearSurrogate>
{
    public CarbonSim.Model.Accounting.CompensationYear ConvertFromSurrogate(in CompensationYearSurrogate surrogate) =>
        JsonSerializer.Deserialize<CarbonSim.Model.Accounting.CompensationYear>(surrogate.Json)!;

    public CompensationYearSurrogate ConvertToSurrogate(in CarbonSim.Model.Accounting.CompensationYear value) =>
        new() { Json = JsonSerializer.Serialize(value) };
}
