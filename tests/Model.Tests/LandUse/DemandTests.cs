using CarbonSim.Model.LandUse;

namespace CarbonSim.Model.Tests.LandUse;

public class DemandTests
{
    [Fact]
    public void Markov_EstimatedFromTwoMaps_CountsTransitions()
    {
        // 0→0 ×3, 0→1 ×1, 1→1 ×2, class 2 absent in the first map (identity row).
        var a = new LandUseMap(6, 1, new[] { 0, 0, 0, 0, 1, 1 });
        var b = new LandUseMap(6, 1, new[] { 0, 0, 1, 0, 1, 1 });
        var m = MarkovChain.Estimate(a, b, 3, 10);
        Assert.Equal(0.75, m.P[0, 0], 15);
        Assert.Equal(0.25, m.P[0, 1], 15);
        Assert.Equal(1.0, m.P[1, 1], 15);
        Assert.Equal(1.0, m.P[2, 2], 15);
    }

    [Fact]
    public void Markov_Step_IsNTimesP_AndYearlyPathKeepsTotal()
    {
        var m = new MarkovChain(new double[,] { { 0.8, 0.2 }, { 0.1, 0.9 } }, 5).Validate();
        Assert.Equal(new[] { 90.0, 110.0 }, m.StepExact(new[] { 100.0, 100.0 }).Select(v => Math.Round(v, 12)));
        var path = m.ProjectYearly(new[] { 100, 100 }, 2020, 2030);
        Assert.Equal(new[] { 100, 100 }, path[2020]);
        Assert.Equal(new[] { 90, 110 }, path[2025]);
        // second step: 90·0.8 + 110·0.1 = 83, 90·0.2 + 110·0.9 = 117
        Assert.Equal(new[] { 83, 117 }, path[2030]);
        Assert.All(path.Values, v => Assert.Equal(200, v.Sum()));
        // year 2022 interpolated: 100 + 0.4·(90 − 100) = 96; 2027: 90 + 0.4·(83 − 90) = 87.2 → 87
        Assert.Equal(96, path[2022][0]);
        Assert.Equal(new[] { 87, 113 }, path[2027]);
    }

    [Fact]
    public void Markov_BadMatrices_AreRejected()
    {
        var ex = Assert.Throws<InvalidInputException>(() => new MarkovChain(new double[,] { { 0.8, 0.1 }, { 0.1, 0.9 } }, 1).Validate("s.yaml"));
        Assert.Contains("row 0", ex.Message); Assert.Contains("0.9", ex.Message); Assert.Contains("±1e-6", ex.Message);
        var neg = Assert.Throws<InvalidInputException>(() => new MarkovChain(new double[,] { { 1.1, -0.1 }, { 0, 1 } }, 1).Validate("s.yaml"));
        Assert.Contains("P[0,1]", neg.Message);
        // within tolerance passes
        new MarkovChain(new double[,] { { 0.5 + 5e-7, 0.5 }, { 0, 1 } }, 1).Validate();
    }

    [Fact]
    public void LargestRemainder_KeepsTotal_TiesToLowerClass()
    {
        Assert.Equal(new[] { 1, 1, 1 }, DemandRounding.LargestRemainder(new[] { 1.0, 1.0, 1.0 }, 3));
        Assert.Equal(new[] { 2, 1, 1 }, DemandRounding.LargestRemainder(new[] { 4.0 / 3, 4.0 / 3, 4.0 / 3 }, 4));
        Assert.Equal(new[] { 3, 2 }, DemandRounding.LargestRemainder(new[] { 2.6, 2.4 }, 5));
    }

    [Fact]
    public void LinearTrend_ProjectsAndValidates()
    {
        var t = new LinearTrendDemand(new[] { -2.0, 1.5, 0.5 });
        var p = t.ProjectYearly(new[] { 50, 30, 20 }, 2020, 2024);
        Assert.Equal(new[] { 42, 36, 22 }, p[2024]);
        Assert.All(p.Values, v => Assert.Equal(100, v.Sum()));
        Assert.Contains("summing to 0", Assert.Throws<InvalidInputException>(() => new LinearTrendDemand(new[] { 1.0, 0 }).ProjectYearly(new[] { 5, 5 }, 2020, 2021)).Message);
        var neg = Assert.Throws<InvalidInputException>(() => new LinearTrendDemand(new[] { -3.0, 3.0 }).ProjectYearly(new[] { 5, 5 }, 2020, 2030, 110000));
        Assert.Contains("city 110000", neg.Message); Assert.Contains("year 2022", neg.Message);
    }

    [Fact]
    public void DemandTable_ParsesAndChecksCityCells()
    {
        var names = new[] { "cropland", "builtup" };
        var t = DemandTable.Parse("demand.csv", names, new[] { "city_id,year,class,cells", "1,2030,cropland,60", "1,2030,builtup,40" });
        Assert.Equal(new[] { 60, 40 }, t.For(1, 2030, 100));
        var exceed = Assert.Throws<InvalidInputException>(() => t.For(1, 2030, 90));
        Assert.Contains("demand.csv: city 1 year 2030", exceed.Message);
        Assert.Contains("100 cells demanded", exceed.Message);
        Assert.Contains("exceeds", exceed.Message);
        var unknown = Assert.Throws<InvalidInputException>(() => DemandTable.Parse("demand.csv", names, new[] { "city_id,year,class,cells", "1,2030,wetland,3" }));
        Assert.Contains("line 2, column 'class'", unknown.Message); Assert.Contains("wetland", unknown.Message);
        Assert.Contains("no row", Assert.Throws<InvalidInputException>(() => t.For(2, 2030, 100)).Message);
    }

    [Fact]
    public void Markov_ParsedFromCsv_ByClassName()
    {
        var names = new[] { "cropland", "forest", "builtup" };
        var m = MarkovChain.Parse("markov.csv", names, "from,forest,cropland,builtup\nbuiltup,0,0,1\ncropland,0.1,0.8,0.1\nforest,0.95,0.05,0\n", 5);
        Assert.Equal(0.8, m.P[0, 0]); Assert.Equal(0.1, m.P[0, 1]); Assert.Equal(0.95, m.P[1, 1]); Assert.Equal(1.0, m.P[2, 2]);
        var unknown = Assert.Throws<InvalidInputException>(() => MarkovChain.Parse("markov.csv", names, "from,forest,cropland,wetland\n", 5));
        Assert.Contains("wetland", unknown.Message);
        var badRow = Assert.Throws<InvalidInputException>(() => MarkovChain.Parse("markov.csv", names, "from,forest,cropland,builtup\nbuiltup,0,0,1\ncropland,0.1,0.8,0.2\nforest,0.95,0.05,0\n", 5));
        Assert.Contains("markov.csv", badRow.Message); Assert.Contains("row 0", badRow.Message);
        Assert.Contains("no row for forest", Assert.Throws<InvalidInputException>(() => MarkovChain.Parse("markov.csv", names, "from,forest,cropland,builtup\nbuiltup,0,0,1\ncropland,0.1,0.8,0.1\n", 5)).Message);
    }
}
