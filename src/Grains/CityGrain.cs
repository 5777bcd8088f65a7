using CarbonSim.Grains.Contracts;

namespace CarbonSim.Grains;

/// <summary>A city's annual series from tile partial sums; see <see cref="ICityGrain"/>.</summary>
public sealed class CityGrain : Grain, ICityGrain
{
    readonly SortedDictionary<int, CityYear> _years = [];

    public Task<CityYear> RecordYear(int year, FixedSum[][] partialsByTile)
    {
        var total = new FixedSum[CarbonVariables.Count];
        foreach (var partial in partialsByTile)
            for (int v = 0; v < total.Length; v++)
                total[v] += partial[v];
        var record = new CityYear { Year = year, Sums = total };
        _years[year] = record;
        return Task.FromResult(record);
    }

    public Task<CitySeries> GetSeries(string cityId, double areaM2)
    {
        int index = int.Parse(this.GetPrimaryKeyString().AsSpan(this.GetPrimaryKeyString().LastIndexOf('/') + 1));
        return Task.FromResult(new CitySeries { CityIndex = index, CityId = cityId, AreaM2 = areaM2, Years = [.. _years.Values] });
    }
}
