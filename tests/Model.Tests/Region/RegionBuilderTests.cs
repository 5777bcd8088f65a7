using CarbonSim.Model.Region;
using CarbonSim.Model.Scenarios;
using CarbonSim.Model.Tests.Scenario;
using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;

namespace CarbonSim.Model.Tests.Region;

public class RegionBuilderTests(BaselineFixture baseline) : IClassFixture<BaselineFixture>
{
    private RegionSetup Setup => baseline.Setup;

    [Fact]
    public void Thirteen_cities_with_polygon_area_near_the_documented_total()
    {
        Assert.Equal(13, Setup.Cities.Length);
        double total = Setup.Cities.Sum(c => c.PolygonAreaM2) / 1e6;
        // data/jjj/README.md: about 214,960 km2 on an authalic sphere; ours is on the WGS84 ellipsoid.
        Assert.InRange(total, 214_960 * 0.995, 214_960 * 1.005);
    }

    [Fact]
    public void Grid_cell_areas_sum_to_within_two_percent_of_the_polygons()
    {
        double grid = Setup.Cells.Sum(c => c.AreaM2), poly = Setup.Cities.Sum(c => c.PolygonAreaM2);
        Assert.InRange(grid / poly, 0.98, 1.02);
        foreach (var c in Setup.Cities.Where(c => c.PolygonAreaM2 > 5e9))
            Assert.InRange(Setup.CityGridAreaM2(c.Index) / c.PolygonAreaM2, 0.9, 1.1);
    }

    [Fact]
    public void Every_cell_belongs_to_exactly_one_city_whose_polygon_holds_its_centre()
    {
        // The simplified source polygons overlap in slivers; a centre inside two cities goes to the first by id.
        var projected = Setup.Cities.Select(c => new IndexedPointInAreaLocator(CityBoundaries.Project(c.Boundary, Setup.Grid.Projection))).ToArray();
        int inOthers = 0;
        foreach (var cell in Setup.Cells)
        {
            var (x, y) = Setup.Grid.CellCentre(cell.Row, cell.Col);
            var p = new Coordinate(x, y);
            Assert.NotEqual(Location.Exterior, projected[cell.CityIndex].Locate(p));
            for (int k = 0; k < projected.Length; k++)
                if (k != cell.CityIndex && projected[k].Locate(p) == Location.Interior)
                {
                    inOthers++;
                    Assert.True(k > cell.CityIndex, "the first city by id owns a shared centre");
                }
        }
        Assert.InRange(inOthers, 0, Setup.Cells.Length / 1000 + 1);
        Assert.Equal(Setup.Cells.Length, Setup.Cities.Sum(c => c.CellCount));
    }

    [Fact]
    public void Cell_ids_rows_tiles_and_columns_are_consistent()
    {
        var seen = new HashSet<(int, int)>();
        for (int i = 0; i < Setup.Cells.Length; i++)
        {
            var c = Setup.Cells[i];
            Assert.Equal(i, c.Id);
            Assert.True(seen.Add((c.Row, c.Col)));
            Assert.Contains(c.Id, Setup.Tiles[c.TileIndex].CellIds);
            double sum = c.SealedFraction + c.BareFraction + c.WaterFraction + c.Columns.Sum(k => k.Fraction);
            Assert.Equal(1.0, sum, 9);
            Assert.Equal(Setup.Grid.CellAreaM2, c.AreaM2);
            Assert.InRange(c.Lon, 113, 120.5);
            Assert.InRange(c.Lat, 36, 42.7);
            foreach (var col in c.Columns) Assert.Contains(Setup.Spinups, s => s.Key == col.SpinupKey && s.VegetationType == col.VegetationType && s.ClimateZone == c.ClimateZone);
        }
        Assert.Equal(Setup.Cells.Length, Setup.Tiles.Sum(t => t.CellIds.Length));
    }

    [Fact]
    public void Spinups_are_one_per_vegetation_type_zone_and_clearing_year_in_use()
    {
        var triples = Setup.Cells.SelectMany(c => c.Columns.Select(k => (k.VegetationType, c.ClimateZone, k.ClearingYear))).Distinct().Count();
        Assert.Equal(triples, Setup.Spinups.Length);
        Assert.All(Setup.Spinups, s => Assert.Matches("^[0-9a-f]{64}$", s.Key));
        Assert.Equal(Setup.Spinups.Length, Setup.Spinups.Select(s => s.Key).Distinct().Count());
        // The forest cohorts (3 merged columns, cleared 2010, 1990 and 1960 in the bundled scenario) give more than one key per pair.
        Assert.Contains(Setup.Spinups, s => s.ClearingYear == 2010);
    }

    [Fact]
    public void Cohort_columns_keep_each_cells_cover_by_vegetation_type()
    {
        var plain = RegionBuilder.Build(ScenarioLoader.Load(TestRepo.ScratchScenario(t =>
        {
            int i = t.IndexOf("forest_age:", StringComparison.Ordinal), j = t.IndexOf("outputs:", StringComparison.Ordinal);
            return t[..i] + t[j..];
        })));
        Assert.Equal(plain.Cells.Length, Setup.Cells.Length);
        int split = 0;
        for (int i = 0; i < Setup.Cells.Length; i++)
        {
            var a = Setup.Cells[i]; var b = plain.Cells[i];
            Assert.Equal(b.LandUseClass, a.LandUseClass);
            Assert.Equal(b.Columns.Sum(k => k.Fraction), a.Columns.Sum(k => k.Fraction), 12);
            foreach (var g in b.Columns.GroupBy(k => k.VegetationType))
                Assert.Equal(g.Sum(k => k.Fraction), a.Columns.Where(k => k.VegetationType == g.Key).Sum(k => k.Fraction), 12);
            if (a.Columns.Length > b.Columns.Length) split++;
            if (a.LandUseClass == "forest")
                Assert.All(a.Columns, k => Assert.Equal(3, a.Columns.Count(x => x.VegetationType == k.VegetationType)));
        }
        Assert.True(split > 100, $"{split} cells split into cohorts");
        Assert.All(plain.Cells.SelectMany(c => c.Columns), k => Assert.Equal(0, k.ClearingYear));
    }

    [Fact]
    public void Spinup_key_is_stable_and_sensitive_to_its_inputs()
    {
        var s = Setup.Spinups[0];
        var veg = baseline.Scenario.Vegetation[s.VegetationType];
        var met = Setup.Zone(s.ClimateZone).Met;
        int age = baseline.Scenario.Spinup.StandAgeYears;
        var history = RegionBuilder.HistoryOf(baseline.Scenario);
        string Key(VegetationSpec v, Parameters.SiteParameters site, double co2, int standAge = -1) =>
            SpinupKeys.Compute(v.Parameters, site, met, co2, site.NDeposition, s.Mode == SpinupMode.Accelerated, s.MaxYears, standAge < 0 ? age : standAge, history, s.ClearingYear, s.ClearingYear == 0 ? 0 : baseline.Scenario.ForestAge?.SpreadYears ?? 0);
        Assert.Equal(s.Key, Key(veg, s.Site, s.Co2Ppm));
        Assert.NotEqual(s.Key, Key(veg with { Parameters = CarbonSim.Model.Io.BiomeBgc.EpcFields.All[20].Set(veg.Parameters, CarbonSim.Model.Io.BiomeBgc.EpcFields.All[20].Get(veg.Parameters) + 1e-9) }, s.Site, s.Co2Ppm));
        Assert.NotEqual(s.Key, Key(veg, s.Site with { ClayPercent = s.Site.ClayPercent + 1 }, s.Co2Ppm));
        Assert.NotEqual(s.Key, Key(veg, s.Site, s.Co2Ppm + 1));
        Assert.NotEqual(s.Key, Key(veg, s.Site, s.Co2Ppm, age + 1));
        // A second build from the same files gives the same keys.
        var again = RegionBuilder.Build(ScenarioLoader.Load(TestRepo.Baseline));
        Assert.Equal(Setup.Spinups.Select(x => x.Key), again.Spinups.Select(x => x.Key));
    }

    [Fact]
    public void Albers_round_trip_and_wkt()
    {
        var p = Setup.Grid.Projection;
        foreach (var (lon, lat) in new[] { (113.5, 36.0), (116.4, 39.9), (119.9, 42.6) })
        {
            var (x, y) = p.Forward(lon, lat);
            var (lon2, lat2) = p.Inverse(x, y);
            Assert.Equal(lon, lon2, 9);
            Assert.Equal(lat, lat2, 9);
        }
        Assert.Contains("PROJECTION[\"Albers\"]", p.ToEsriWkt());
    }
}
