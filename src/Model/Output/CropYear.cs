using CarbonSim.Model.Engine;
using CarbonSim.Model.Management;

namespace CarbonSim.Model.Output;

/// <summary>
/// One crop of a city (or of the whole region) in one year, from the crop block of the exact sums
/// (<see cref="CropSums"/>): the area that grew it and the grain harvested there (crop_yields.csv).
/// </summary>
/// <param name="CityId">City id, or <see cref="ClassYear.RegionId"/> for the region's rows.</param>
/// <param name="Crop">Crop name of the crop calendar (e.g. <c>winter_wheat</c>).</param>
/// <param name="Year">[a] Calendar year of the harvest.</param>
/// <param name="AreaM2">[m2] Area of the columns growing the crop (cover × cell area).</param>
/// <param name="GrainCKg">[kgC a-1] Grain carbon harvested.</param>
/// <param name="GrainFreshKg">[kg a-1] Grain harvested as fresh mass at the crop's statistical moisture.</param>
public sealed record CropYear(string CityId, string Crop, int Year, double AreaM2, double GrainCKg, double GrainFreshKg)
{
    /// <summary>[t ha-1] Grain yield at statistical moisture: fresh grain over area (1 kg m-2 = 10 t ha-1); 0 without area.</summary>
    public double YieldTonnesPerHa => AreaM2 > 0 ? GrainFreshKg / AreaM2 * 10.0 : 0.0;

    /// <summary>[kgC m-2 a-1] Grain carbon per area of the crop.</summary>
    public double GrainC => AreaM2 > 0 ? GrainCKg / AreaM2 : 0.0;

    /// <summary>The crop rows of one city (or region) year with a non-zero area, in crop order; none when the sums carry no crop block.</summary>
    public static IEnumerable<CropYear> FromSums(string cityId, YearTotals totals, int classCount, IReadOnlyList<string> crops)
    {
        var s = totals.Sums;
        if (crops.Count == 0 || s.Length != LandUseSums.Stride(classCount, crops.Count)) yield break;
        for (int c = 0; c < crops.Count; c++)
        {
            double E(int entry) => s[LandUseSums.Crop(classCount, c, entry)].ToKg();
            double area = E(CropSums.AreaM2);
            if (area <= 0) continue;
            yield return new CropYear(cityId, crops[c], totals.Year, area, E(CropSums.GrainCKg), E(CropSums.GrainFreshKg));
        }
    }

    /// <summary>Every crop row of a run: each city's years (city order), then the region's (<see cref="ClassYear.RegionId"/>).</summary>
    public static List<CropYear> All(RunSpec spec, RunOutcome outcome)
    {
        int k = LandUseSums.ClassCount(spec);
        var rows = new List<CropYear>();
        if (spec.Crops.Length == 0 || k == 0) return rows;
        foreach (var series in outcome.Cities)
            foreach (var year in series.Years)
                rows.AddRange(FromSums(series.CityId, year, k, spec.Crops));
        foreach (var year in outcome.Region)
            rows.AddRange(FromSums(ClassYear.RegionId, year, k, spec.Crops));
        return rows;
    }

    /// <summary>
    /// [t ha-1] Yield of <paramref name="crop"/> over the cities <paramref name="cityIds"/> (empty: the region) in
    /// <paramref name="year"/>: their fresh grain over their area; NaN and area 0 when none grew it.
    /// </summary>
    public static (double YieldTonnesPerHa, double AreaM2) Over(IEnumerable<CropYear> rows, IReadOnlyCollection<string> cityIds, string crop, int year)
    {
        double grain = 0, area = 0;
        foreach (var r in rows)
            if (r.Year == year && r.Crop == crop && (cityIds.Count == 0 ? r.CityId == ClassYear.RegionId : cityIds.Contains(r.CityId)))
            {
                grain += r.GrainFreshKg; area += r.AreaM2;
            }
        return area > 0 ? (grain / area * 10.0, area) : (double.NaN, 0);
    }
}
