using System.Text.Json;
using CarbonSim.Client.Output;
using CarbonSim.Model.Output;

namespace CarbonSim.Client.Tests.Output;

/// <summary>The writers on the 13 real Jing-Jin-Ji boundaries (data/jjj/cities.geojson) with made-up carbon numbers.</summary>
public class JingJinJiOutputTests
{
    private static RunResults ThirteenCities(string boundaries)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(boundaries));
        var cities = doc.RootElement.GetProperty("features").EnumerateArray().Select(f =>
        {
            var p = f.GetProperty("properties");
            // As the engine fills it: id and name only; the writer takes the rest from the boundaries.
            return new CityInfo(p.GetProperty("id").GetString()!, p.GetProperty("name").GetString()!, "", "");
        }).ToList();
        int[] years = [2020, 2021, 2022, 2023];
        var rows = new List<CityYear>();
        for (int k = 0; k < cities.Count; k++)
            foreach (var y in years)
                rows.Add(new CityYear
                {
                    CityId = cities[k].Id, Year = y, AreaM2 = (8 + k) * 1e9,
                    Gpp = 0.7, Npp = 0.28 + 0.005 * k, Nep = 0.03, Nbp = 0.02, Hr = 0.25,
                    VegC = 1.5 + 0.1 * k + 0.02 * (y - 2020), LitterC = 0.3, SoilC = 6.0, TotalC = 7.8 + 0.1 * k + 0.02 * (y - 2020),
                });
        return new RunResults
        {
            ScenarioName = "jjj-synthetic", ScenarioSha256 = new string('c', 64), Years = years, Cities = cities, CityYears = rows,
            RegionYears = years.Select(y => RegionYear.Aggregate(y, rows)).ToList(), BoundariesPath = boundaries,
        };
    }

    [Fact]
    public void Thirteen_cities_take_their_boundaries_from_the_repo_file()
    {
        var boundaries = RepoData.Path("jjj", "cities.geojson");
        var run = ThirteenCities(boundaries);
        Assert.Equal(13, run.Cities.Count);
        using var tmp = new TempDir();
        var res = OutputWriter.WriteAll(run, tmp.Sub("o"));
        Assert.Contains("chart_total_c_by_city.png", res.Files);
        Assert.DoesNotContain("map_total_c_last_year.png", res.Files); // no grid, no map
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(res.Directory, "cities.geojson")));
        var feats = doc.RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(13, feats.Count);
        Assert.All(feats, f => Assert.Contains(f.GetProperty("geometry").GetProperty("type").GetString(), new[] { "Polygon", "MultiPolygon" }));
        Assert.Equal("北京市", feats[0].GetProperty("properties").GetProperty("name_zh").GetString());
        var (_, rows) = Csv.Read(Path.Combine(res.Directory, "cities_annual.csv"));
        Assert.Equal(13 * 4, rows.Count);
        Assert.Contains(rows, r => r[0] == "110000" && r[2] == "北京市" && r[3] == "Beijing");
        Assert.Contains(rows, r => r[0] == "130100" && r[2] == "石家庄市" && r[3] == "Hebei");
    }
}
