using CarbonSim.Client.Output;
using CarbonSim.Model.Output;

namespace CarbonSim.Client.Tests.Output;

public class PublishedComparisonTests
{
    /// <summary>The synthetic run with every city's NPP and pools scaled.</summary>
    private static RunResults Scaled(double nppFactor, double poolFactor, double areaFactor = 1.0)
    {
        var run = SyntheticRun.Create();
        var rows = run.CityYears.Select(c => c with
        {
            Npp = c.Npp * nppFactor, AreaM2 = c.AreaM2 * areaFactor,
            VegC = c.VegC * poolFactor, LitterC = c.LitterC * poolFactor, SoilC = c.SoilC * poolFactor, TotalC = c.TotalC * poolFactor,
        }).ToList();
        return run with { CityYears = rows, RegionYears = run.Years.Select(y => RegionYear.Aggregate(y, rows)).ToList() };
    }

    [Fact]
    public void Npp_within_range_is_reported_within()
    {
        var chk = PublishedComparison.Evaluate(SyntheticRun.Create()).Single(c => c.Range.Key == PublishedRange.RegionalMeanNppKey);
        // Synthetic regional NPP: area-weighted (1:2) mean of 300+4t and 320+4t g m-2 over t = 0..2.
        Assert.Equal((304.0 + 2 * 324.0) / 3, chk.Modelled, 9);
        Assert.Equal(RangeStatus.Within, chk.Status);
        Assert.Equal(0.0, chk.DeviationFraction);
        Assert.Contains("within", chk.Explanation);
    }

    [Fact]
    public void Npp_above_range_names_the_city_carrying_the_excess()
    {
        var run = Scaled(nppFactor: 1.5, poolFactor: 1.0);
        var chk = PublishedComparison.Evaluate(run).Single(c => c.Range.Key == PublishedRange.RegionalMeanNppKey);
        double expected = 1.5 * (304.0 + 2 * 324.0) / 3;
        Assert.Equal(expected, chk.Modelled, 9);
        Assert.Equal(RangeStatus.Above, chk.Status);
        Assert.Equal((expected - 356) / 356, chk.DeviationFraction, 9);
        // Beijing 456, Tianjin 486 g m-2 a-1: both above 356; Tianjin carries more (larger area and excess).
        Assert.Contains("2 of 2 cities (100% of the area)", chk.Explanation);
        Assert.Contains("Tianjin, Coast (486", chk.Explanation);
        Assert.Contains($"{expected:F0} g C m-2 a-1 is {100 * (expected - 356) / 356:F0}% above", chk.Explanation);
    }

    [Fact]
    public void Npp_below_range_is_reported_below()
    {
        var chk = PublishedComparison.Evaluate(Scaled(0.5, 1.0)).Single(c => c.Range.Key == PublishedRange.RegionalMeanNppKey);
        Assert.Equal(RangeStatus.Below, chk.Status);
        Assert.True(chk.DeviationFraction < 0);
        Assert.Contains("below the published lower bound 223", chk.Explanation);
    }

    [Fact]
    public void Storage_of_a_small_area_is_compared_as_density()
    {
        var run = SyntheticRun.Create();
        var chk = PublishedComparison.Evaluate(run).Single(c => c.Range.Key == PublishedRange.TotalStorageKey);
        Assert.Equal("t C ha-1", chk.ComparedUnit);
        Assert.Equal(1633e6 / (214_960 * 100), chk.ComparedLow, 9);
        Assert.Equal(2121e6 / (214_960 * 100), chk.ComparedHigh, 9);
        Assert.Equal(run.RegionRow(2020)!.TotalC * 10, chk.Modelled, 9);
        Assert.Equal(RangeStatus.Above, chk.Status);
        Assert.Contains("soil 73%", chk.Explanation);
    }

    [Fact]
    public void Storage_over_the_reference_area_is_compared_as_total()
    {
        // 3000 km2 scaled to the published 214,960 km2, pools scaled down into the range.
        var run = Scaled(1.0, 0.85, areaFactor: 214_960.0 / 3000.0);
        var chk = PublishedComparison.Evaluate(run).Single(c => c.Range.Key == PublishedRange.TotalStorageKey);
        Assert.Equal("Tg C", chk.ComparedUnit);
        Assert.Equal(run.RegionRow(2020)!.TotalCKg / 1e9, chk.Modelled, 6);
        Assert.Equal(RangeStatus.Within, chk.Status);
        Assert.Contains("within the published range 1633.0–2121.0 Tg C", chk.Explanation);
    }

    [Fact]
    public void Summary_table_lists_cities_region_and_ranges()
    {
        var run = SyntheticRun.Create();
        var text = SummaryTable.Render(run);
        var lines = text.Split('\n');
        var beijing = lines.Single(l => l.StartsWith("Beijing", StringComparison.Ordinal));
        // area 1000 km2, total C 2022 = (2.06+0.4+7.04) kg m-2 × 1e9 m2 = 9.50 Tg, mean NPP 304.0, change +0.10
        Assert.Equal(["Beijing", "1000", "9.50", "304.0", "+0.10"], beijing.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var region = lines.Single(l => l.StartsWith("Region ", StringComparison.Ordinal));
        Assert.Equal(["Region", "3000", "31.70", "317.3", "+0.30"], region.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(lines, l => l.StartsWith("Regional mean NPP: modelled 317.3 g C m-2 a-1, published 223.0–356.0", StringComparison.Ordinal) && l.EndsWith("within", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Total terrestrial carbon storage", StringComparison.Ordinal) && l.EndsWith("above", StringComparison.Ordinal));
    }

    [Fact]
    public void Region_aggregate_does_not_depend_on_city_order()
    {
        var run = SyntheticRun.Create();
        var forward = RegionYear.Aggregate(2021, run.CityYears);
        var backward = RegionYear.Aggregate(2021, run.CityYears.Reverse());
        Assert.Equal(forward.Npp, backward.Npp);
        Assert.Equal(forward.TotalC, backward.TotalC);
        Assert.Equal(forward.AreaByClassM2["urban"], backward.AreaByClassM2["urban"]);
        Assert.Equal(2, forward.CityCount);
    }

    [Fact]
    public void Unit_conversions()
    {
        Assert.Equal(250.0, OutputUnits.ToGramsPerM2(0.25));
        Assert.Equal(95.0, OutputUnits.ToTonnesPerHa(9.5));
        Assert.Equal(9.5, OutputUnits.ToTg(9.5, 1e9));
        Assert.Equal(1000.0, OutputUnits.ToKm2(1e9));
        Assert.Equal(44.0, OutputUnits.CarbonToCo2(12.0), 12);
    }

    [Fact]
    public void Grid_edges_and_geographic_flag()
    {
        var geo = SyntheticRun.Grid(true);
        Assert.True(geo.IsGeographic);
        Assert.Equal(40.0, geo.YllCorner);
        Assert.Equal(117.25, geo.XMax);
        Assert.Equal((116.125, 40.875), geo.CellCentre(0, 0));
        Assert.False(SyntheticRun.Grid(false).IsGeographic);
        var ex = Assert.Throws<CarbonSim.Model.InvalidInputException>(() => (geo with { CellSize = 0 }).Validate("grid.json"));
        Assert.Contains("grid.json", ex.Message);
        Assert.Contains("CellSize", ex.Message);
    }
}
