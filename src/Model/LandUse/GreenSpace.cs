using CarbonSim.Model.Accounting;

namespace CarbonSim.Model.LandUse;

/// <summary>A green-space planning target of one city, turned into land-use demand.</summary>
/// <param name="CityId">City id (GB/T 2260).</param>
/// <param name="ClassIndex">Green-space class that grows (or shrinks).</param>
/// <param name="DonorClass">Class that gives (or takes back) the cells, e.g. cropland or built-up.</param>
/// <param name="ByYear">Year by which the target is reached; the path from the start year is linear.</param>
public abstract record GreenSpaceTarget(int CityId, int ClassIndex, int DonorClass, int ByYear)
{
    /// <summary>[cells] Cells of the class wanted at ByYear, given its count at the start year.</summary>
    public abstract double TargetCells(int startCells, double cellAreaM2);
}

/// <summary>"Add X km² of this class by year Y" (negative X removes it).</summary>
/// <param name="AddKm2">[km2] Area added relative to the start year.</param>
public sealed record AddGreenArea(int CityId, int ClassIndex, int DonorClass, int ByYear, double AddKm2)
    : GreenSpaceTarget(CityId, ClassIndex, DonorClass, ByYear)
{
    public override double TargetCells(int startCells, double cellAreaM2) => startCells + AddKm2 * 1e6 / cellAreaM2;
}

/// <summary>
/// "At least Y m² of this class per person by year Y" (e.g. park green per capita). Like the planning
/// standards it comes from (GB 51192 park green per capita), it is a floor: a city already above it keeps
/// its area (the target never removes green space; use <see cref="AddGreenArea"/> with a negative area for that).
/// </summary>
/// <param name="M2PerPerson">[m2 person-1] Minimum area per person.</param>
/// <param name="Population">[persons] Population used (e.g. 2020 census from data/jjj/cities.csv).</param>
public sealed record GreenAreaPerPerson(int CityId, int ClassIndex, int DonorClass, int ByYear, double M2PerPerson, double Population)
    : GreenSpaceTarget(CityId, ClassIndex, DonorClass, ByYear)
{
    public override double TargetCells(int startCells, double cellAreaM2) => Math.Max(startCells, M2PerPerson * Population / cellAreaM2);
}

/// <summary>Turns green-space targets into yearly demand.</summary>
public static class GreenSpacePlanner
{
    /// <summary>
    /// Overrides the base demand of one city and year: the class follows a straight line from its
    /// start-year count to the target (reached at ByYear, held after), rounded half away from zero;
    /// the donor class absorbs the difference so the total stays the same.
    /// Throws if the donor would fall below zero cells, or if inputs are not finite or positive.
    /// </summary>
    public static int[] Apply(int[] baseDemand, int year, int startYear, int[] startCounts, GreenSpaceTarget t,
        double cellAreaM2, string source = "scenario")
    {
        string place = $"greenSpace city {t.CityId} year {year}";
        if (!(cellAreaM2 > 0) || double.IsInfinity(cellAreaM2))
            throw new InvalidInputException(source, place, cellAreaM2.ToString("R"), "a cell area > 0 m2");
        if (t.ByYear <= startYear) throw new InvalidInputException(source, place + " byYear", t.ByYear.ToString(), $"a year after the start year {startYear}");
        if (t.ClassIndex == t.DonorClass || t.ClassIndex < 0 || t.DonorClass < 0 || t.ClassIndex >= baseDemand.Length || t.DonorClass >= baseDemand.Length)
            throw new InvalidInputException(source, place + " classes", $"{t.ClassIndex} from {t.DonorClass}", $"two different class indices 0..{baseDemand.Length - 1}");
        switch (t)
        {
            case AddGreenArea a when !double.IsFinite(a.AddKm2):
                throw new InvalidInputException(source, place + " addKm2", a.AddKm2.ToString("R"), "a finite area in km2");
            case GreenAreaPerPerson p when !(p.M2PerPerson >= 0) || double.IsInfinity(p.M2PerPerson):
                throw new InvalidInputException(source, place + " m2PerPerson", p.M2PerPerson.ToString("R"), "a finite area per person >= 0 m2");
            case GreenAreaPerPerson p when !(p.Population > 0) || double.IsInfinity(p.Population):
                throw new InvalidInputException(source, place + " population", p.Population.ToString("R"), "a population > 0");
        }
        int start = startCounts[t.ClassIndex];
        double target = t.TargetCells(start, cellAreaM2);
        double f = Math.Clamp((double)(year - startYear) / (t.ByYear - startYear), 0, 1);
        int cells = (int)Math.Round(start + f * (target - start), MidpointRounding.AwayFromZero);
        if (cells < 0) throw new InvalidInputException(source, place, $"{cells} cells of class {t.ClassIndex}", "a target that keeps the class >= 0 cells");
        var d = (int[])baseDemand.Clone();
        int delta = cells - d[t.ClassIndex];
        d[t.ClassIndex] = cells;
        d[t.DonorClass] -= delta;
        if (d[t.DonorClass] < 0)
            throw new InvalidInputException(source, place, $"{delta} cells needed from class {t.DonorClass} which has {baseDemand[t.DonorClass]}",
                "a target the donor class can supply (demand exceeds the available cells)");
        return d;
    }
}
