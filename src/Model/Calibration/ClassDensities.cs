using CarbonSim.Model.Engine;

namespace CarbonSim.Model.Calibration;

/// <summary>
/// The modelled value of a calibration target from a run's cell snapshot: the area-weighted mean of the target's
/// variable over the cells of its class in its cities (per area of those cells, their sealed and bare parts included).
/// </summary>
public static class ClassDensities
{
    /// <param name="classOfCell">Class name of every cell of the run (same order as <see cref="RunSpec.Cells"/>) in the target year.</param>
    public static double Modelled(RunSpec spec, CellSnapshot snapshot, IReadOnlyList<string> classOfCell, CalibrationTarget target)
    {
        if (snapshot.Year != target.Year) throw new ArgumentException($"target {target.Id} is for {target.Year}, the snapshot for {snapshot.Year}");
        var cities = target.Cities.Length == 0 ? null : target.Cities.ToHashSet(StringComparer.Ordinal);
        if (cities is not null)
            foreach (var c in cities)
                if (Array.IndexOf(spec.CityIds, c) < 0)
                    throw new InvalidInputException("targets", $"target {target.Id}", c, $"a city of the run ({string.Join(", ", spec.CityIds)})");
        int v = target.Variable switch
        {
            TargetVariables.VegC => CarbonVariables.VegetationC,
            TargetVariables.LitterC => CarbonVariables.LitterC,
            TargetVariables.SoilC => CarbonVariables.SoilC,
            TargetVariables.TotalC => CarbonVariables.TotalC,
            TargetVariables.Npp => CarbonVariables.Npp,
            _ => throw new ArgumentException(target.Variable),
        };
        // kgC m-2 → t C ha-1 (× 10); kgC m-2 a-1 → g C m-2 a-1 (× 1000).
        double unit = target.Variable == TargetVariables.Npp ? 1000 : 10;
        double sum = 0, area = 0;
        var t = spec.Cells;
        for (int i = 0; i < t.Count; i++)
        {
            if (classOfCell[i] != target.Class) continue;
            if (cities is not null && !cities.Contains(spec.CityIds[t.City[i]])) continue;
            sum += snapshot.Values[i * CarbonVariables.Count + v] * t.AreaM2[i];
            area += t.AreaM2[i];
        }
        if (area == 0)
            throw new InvalidInputException("targets", $"target {target.Id}", target.Class, $"a class with cells in {(cities is null ? "the region" : string.Join(";", target.Cities))}");
        return sum / area * unit;
    }
}
