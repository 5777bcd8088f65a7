using CarbonSim.Model.Engine;
using V = CarbonSim.Model.Engine.CarbonVariables;

namespace CarbonSim.Model.Output;

/// <summary>
/// One land-use class of a city (or of the whole region) in one year, in internal units. The means are per
/// area of the class: <see cref="AreaCarbonYear.AreaM2"/> is the whole area of the cells of that class,
/// sealed, bare and water shares included (they hold no carbon), so area × mean is the class's carbon and
/// the classes of a city add up to the city.
/// </summary>
public sealed record ClassYear : AreaCarbonYear
{
    /// <summary>City id as in <see cref="CityInfo.Id"/>, or <see cref="RegionId"/> for the region's rows.</summary>
    public required string CityId { get; init; }
    /// <summary>Class name of the scenario's class table (e.g. <c>cropland</c>).</summary>
    public required string Class { get; init; }

    /// <summary>City id of the region's class rows.</summary>
    public const string RegionId = "region";

    /// <summary>
    /// The class rows of one city (or region) year from its exact sums (<see cref="LandUseSums"/> layout):
    /// one row per class with a non-zero area, in class order. None when the sums carry no class block.
    /// </summary>
    /// <param name="classNames">Class names index-aligned with the run's classes (plan's with land-use change, else the spec's).</param>
    /// <param name="cropCount">[-] Crops of the run (<see cref="RunSpec.Crops"/>): the crop block after the classes.</param>
    public static IEnumerable<ClassYear> FromSums(string cityId, YearTotals totals, IReadOnlyList<string> classNames, int cropCount = 0)
    {
        var s = totals.Sums;
        int k = LandUseSums.ClassCountOf(s.Length, cropCount);
        if (k == 0) yield break;
        if (classNames.Count != k)
            throw new ArgumentException($"{cityId} {totals.Year}: the sums carry {k} classes, the run names {classNames.Count}", nameof(classNames));
        for (int c = 0; c < k; c++)
        {
            double area = s[LandUseSums.ClassArea(c)].ToKg();
            if (area <= 0) continue;
            double M(int v) => s[LandUseSums.ClassVariable(k, c, v)].ToKg() / area;
            yield return new ClassYear
            {
                CityId = cityId, Class = classNames[c], Year = totals.Year, AreaM2 = area,
                Gpp = M(V.Gpp), Npp = M(V.Npp), Nep = M(V.Nep), Nbp = M(V.Nbp), Hr = M(V.Hr),
                VegC = M(V.VegetationC), LitterC = M(V.LitterC), SoilC = M(V.SoilC), TotalC = M(V.TotalC),
                Harvest = M(V.Harvest),
            };
        }
    }

    /// <summary>The class names a run's sums are laid out by: the land-use plan's, else the spec's class table.</summary>
    public static IReadOnlyList<string> NamesOf(RunSpec spec) => spec.LandUse?.ClassNames ?? spec.ClassNames;

    /// <summary>Every class row of a run: each city's years (city order), then the region's (<see cref="RegionId"/>).</summary>
    public static List<ClassYear> All(RunSpec spec, RunOutcome outcome)
    {
        var names = NamesOf(spec);
        var rows = new List<ClassYear>();
        foreach (var series in outcome.Cities)
            foreach (var year in series.Years)
                rows.AddRange(FromSums(series.CityId, year, names, spec.Crops.Length));
        foreach (var year in outcome.Region)
            rows.AddRange(FromSums(RegionId, year, names, spec.Crops.Length));
        return rows;
    }
}
