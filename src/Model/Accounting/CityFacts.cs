using CarbonSim.Model.Io.Formats;

namespace CarbonSim.Model.Accounting;

/// <summary>One city of the agglomeration (data/jjj/cities.csv).</summary>
/// <param name="AreaKm2">[km2] Area of the boundary polygon.</param>
/// <param name="Population">[persons] 2020 census population.</param>
public sealed record CityFacts(int Id, string Name, double AreaKm2, double Population)
{
    /// <summary>Reads id, name, area_km2_boundary and population_2020; rows sorted by id.</summary>
    public static IReadOnlyList<CityFacts> Load(string path)
    {
        var csv = CsvTable.Read(path, "id", "name", "area_km2_boundary", "population_2020");
        var list = new List<CityFacts>();
        foreach (var r in csv.Rows)
        {
            var p = r.Number("population_2020");
            if (p <= 0) throw new InvalidInputException(path, r.Place("population_2020"), r.Text("population_2020"), "a population > 0");
            list.Add(new CityFacts(r.Integer("id"), r.Text("name"), r.Number("area_km2_boundary"), p));
        }
        return list.OrderBy(c => c.Id).ToList();
    }
}
