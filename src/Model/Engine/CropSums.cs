using CarbonSim.Model.Management;

namespace CarbonSim.Model.Engine;

/// <summary>
/// The crop block of a city's exact sums (issue #11: crop_yields.csv): for each crop of <see cref="RunSpec.Crops"/>,
/// the area that grew it in the year and the grain harvested there, summed over the city's cells like the carbon
/// variables (each addend rounded once, <see cref="FixedSum"/>, so any tiling gives the same bits). It follows the
/// class block (<see cref="LandUseSums.Crop"/>). A column that grows a crop adds cover × cell area to that crop's
/// area and its grain harvested in the calendar year × cover × cell area to the crop's grain; a crop sown in one
/// year and harvested in the next (winter wheat) counts in its harvest year.
/// </summary>
public static class CropSums
{
    /// <summary>[m2] Area of the columns whose rotation grows the crop (cover × cell area).</summary>
    public const int AreaM2 = 0;
    /// <summary>[kgC a-1] Grain carbon harvested.</summary>
    public const int GrainCKg = 1;
    /// <summary>[kg a-1] Grain harvested as fresh mass at the crop's statistical moisture (<see cref="CropYield.FreshKgPerKgC"/>).</summary>
    public const int GrainFreshKg = 2;
    /// <summary>Entries per crop.</summary>
    public const int Entries = 3;

    /// <summary>The distinct crops of the managed rotations among <paramref name="types"/>, ordinal order (empty without management).</summary>
    public static string[] CropsOf(IEnumerable<VegetationType> types) =>
        types.Select(t => t.Epc.Management).OfType<CropRotation>().SelectMany(r => r.Seasons).Select(s => s.Crop)
             .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

    /// <summary>
    /// Index into <paramref name="crops"/> of each season of vegetation type <paramref name="type"/>'s rotation (empty for
    /// an unmanaged type); throws if a crop is missing from <paramref name="crops"/>.
    /// </summary>
    public static int[] SeasonCrops(VegetationType type, IReadOnlyList<string> crops)
    {
        if (type.Epc.Management is not { } rotation) return [];
        return rotation.Seasons.Select(s =>
        {
            int i = crops.ToList().IndexOf(s.Crop);
            return i >= 0 ? i : throw new ArgumentException($"run spec: vegetation type '{type.Name}' grows {s.Crop}, which is not one of the run's crops ({string.Join(", ", crops)})");
        }).ToArray();
    }
}
