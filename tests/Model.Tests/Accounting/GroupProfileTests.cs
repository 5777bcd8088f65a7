using CarbonSim.Model.Accounting;
using CarbonSim.Model.LandUse;

namespace CarbonSim.Model.Tests.Accounting;

/// <summary>City groups per area and per capita (<see cref="GroupProfile"/>), and the land-use map difference.</summary>
public class GroupProfileTests
{
    // Two cities, two years. A: 100 km2, 1e6 persons, stock 2 Tg C; B: 300 km2, 3e6 persons, stock 6 Tg C (last year).
    static readonly GroupCityYear[] Rows =
    [
        new("A", 2020, 100, 1.9, 1000, 5000, 200, 0, 1e6), new("A", 2021, 100, 2.0, 3000, 7000, 0, 100, 1e6),
        new("B", 2020, 300, 5.9, 2000, 1000, 0, 200, 3e6), new("B", 2021, 300, 6.0, 2000, 1000, 100, 0, 3e6),
    ];

    [Fact]
    public void Hand_checked_figures_per_area_and_per_capita()
    {
        var p = GroupProfile.Of("AB", ["A", "B"], Rows, "t");
        Assert.Equal((2020, 2021), (p.FirstYear, p.LastYear));
        Assert.Equal(400, p.AreaKm2);
        Assert.Equal(4e6, p.Population);
        Assert.Equal(8.0, p.StockTg, 12);
        Assert.Equal(8e6 / 40000, p.StockTcPerHa, 12);          // 200 t C ha-1
        Assert.Equal(2.0, p.StockTcPerCapita, 12);
        Assert.Equal(4000, p.SinkTCo2PerYear, 12);              // (1000 + 3000 + 2000 + 2000) / 2 years
        Assert.Equal(0.1, p.SinkTCo2PerHaYear, 12);
        Assert.Equal(8000 / 8e6, p.SinkTCo2PerCapitaYear, 15);  // Σ sink / Σ population-years
        Assert.Equal(7000, p.EmissionTCo2PerYear, 12);
        Assert.Equal(300, p.PaidRmb); Assert.Equal(300, p.ReceivedRmb); Assert.Equal(0, p.NetRmb);
        var a = GroupProfile.Of("A", ["A"], Rows, "t");
        Assert.Equal(-100, a.NetRmb);
        Assert.Equal(-100 / 2e6, a.NetRmbPerCapitaYear, 15);
        Assert.Equal(-100 / 2.0 / 10000, a.NetRmbPerHaYear, 15);
    }

    [Fact]
    public void Unknown_population_leaves_per_capita_blank_and_a_missing_city_is_an_error()
    {
        var rows = Rows.Select(r => r.CityId == "B" ? r with { Population = null } : r).ToList();
        var p = GroupProfile.Of("AB", ["A", "B"], rows, "t");
        Assert.True(double.IsNaN(p.Population));
        Assert.True(double.IsNaN(p.SinkTCo2PerCapitaYear));
        Assert.Equal(0.1, p.SinkTCo2PerHaYear, 12);
        var e = Assert.Throws<InvalidInputException>(() => GroupProfile.Of("X", ["A", "Z"], Rows, "cities_annual.csv"));
        Assert.Contains("cities_annual.csv: group X city Z: got 'not in the run'", e.Message);
    }

    [Fact]
    public void Map_difference_counts_cells_by_transition_and_skips_nodata()
    {
        var a = new LandUseMap(3, 2, [1, 1, 1, 2, 2, LandUseMap.NoData]);
        var b = new LandUseMap(3, 2, [1, 5, 5, 2, 3, 4]);
        var (t, valid) = AgreementMetrics.Difference(a, b);
        Assert.Equal(5, valid);
        Assert.Equal(2, t[(1, 5)]);
        Assert.Equal(1, t[(2, 3)]);
        Assert.Equal(2, t.Count);
    }
}
