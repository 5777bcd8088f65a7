using System.Globalization;
using CarbonSim.Model.Output;
using U = CarbonSim.Model.Output.OutputUnits;

namespace CarbonSim.Client.Output;

/// <summary><c>crop_yields.csv</c> (issue #11): one row per city — and the region — crop and year of a run with managed cropland.</summary>
public static class CropYieldTable
{
    /// <summary>File name.</summary>
    public const string FileName = "crop_yields.csv";

    /// <summary>Columns after city_id, city_name, crop, year.</summary>
    public static IReadOnlyList<(string Name, Func<CropYear, double> Value)> Columns { get; } =
    [
        ("yield_t_ha", y => y.YieldTonnesPerHa),            // fresh grain at the crop's statistical moisture
        ("area_km2", y => U.ToKm2(y.AreaM2)),               // area that grew the crop
        ("grain_gC_m2_yr", y => U.ToGramsPerM2(y.GrainC)),  // grain carbon per area of the crop
    ];

    /// <summary>Writes the table: cities in the run's order then <c>region</c>; per city crops in name order, years ascending.</summary>
    public static void Write(RunResults r, string path)
    {
        var header = new[] { "city_id", "city_name", "crop", "year" }.Concat(Columns.Select(c => c.Name)).ToList();
        var names = r.Cities.ToDictionary(c => c.Id, c => c.Name, StringComparer.Ordinal);
        var cityOrder = r.Cities.Select((c, i) => (c.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var rows = r.CropYears
            .OrderBy(c => c.CityId == ClassYear.RegionId ? int.MaxValue : cityOrder[c.CityId])
            .ThenBy(c => c.Crop, StringComparer.Ordinal).ThenBy(c => c.Year)
            .Select(c => (IReadOnlyList<string>)new[] { c.CityId, c.CityId == ClassYear.RegionId ? "Region" : names[c.CityId], c.Crop, c.Year.ToString(CultureInfo.InvariantCulture) }
                .Concat(Columns.Select(col => Csv.Num(col.Value(c)))).ToList());
        Csv.Write(path, header, rows);
    }
}
