namespace CarbonSim.Model.Accounting;

/// <summary>One city of the agglomeration (data/jjj/cities.csv).</summary>
/// <param name="AreaKm2">[km2] Area of the boundary polygon.</param>
/// <param name="Population">[persons] 2020 census population.</param>
public sealed record CityFacts(int Id, string Name, double AreaKm2, double Population)
{
    /// <summary>Reads id, name, area_km2_boundary and population_2020; rows sorted by id.</summary>
    public static IReadOnlyList<CityFacts> Load(string path)
    {
        var csv = CsvRows.Load(path);
        int id = csv.Column("id"), name = csv.Column("name"), area = csv.Column("area_km2_boundary"), pop = csv.Column("population_2020");
        var list = new List<CityFacts>();
        foreach (var r in csv.Rows)
        {
            var p = csv.Number(r, pop);
            if (p <= 0) throw new InvalidInputException(path, $"line {r.Line} column population_2020", p.ToString("R"), "a population > 0");
            list.Add(new CityFacts(csv.Integer(r, id), csv.Text(r, name), csv.Number(r, area), p));
        }
        return list.OrderBy(c => c.Id).ToList();
    }
}
