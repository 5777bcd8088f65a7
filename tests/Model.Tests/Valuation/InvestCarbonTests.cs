using CarbonSim.Model.Io.Formats;
using System.Globalization;
using CarbonSim.Model.Accounting;
using CarbonSim.Model.Valuation;

namespace CarbonSim.Model.Tests.Valuation;

public class InvestCarbonTests
{
    private static string Data(params string[] p)
    {
        var d = new DirectoryInfo(AppContext.BaseDirectory);
        while (d != null && !File.Exists(Path.Combine(d.FullName, "CarbonSim.sln"))) d = d.Parent;
        return Path.Combine(new[] { d!.FullName, "data" }.Concat(p).ToArray());
    }

    [Fact]
    public void PoolTable_TotalsMatchTheTablesExpectedColumn()
    {
        var csv = CsvTable.Read(Data("reference", "invest", "pools_table.csv"), "c_total_expected", "lucode");
        var t = PoolTable.FromCsv(csv);
        Assert.Equal(3, csv.Rows.Count);
        foreach (var r in csv.Rows)
            Assert.Equal(r.Number("c_total_expected"), t.For(r.Integer("lucode"), "test", "row").Total, 12);
    }

    [Fact]
    public void PublishedValuationCases_AreReproducedInEveryColumn()
    {
        var table = PoolTable.Load(Data("reference", "invest", "pools_table.csv"));
        var cases = CsvTable.Read(Data("reference", "invest", "valuation_cases.csv"));
        int compared = 0;
        foreach (var r in cases.Rows)
        {
            double Col(string n) => r.Number(n);
            double tol = Col("tolerance_abs");
            var grid = r.Text("grid").Split('x').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
            int n = grid[0] * grid[1];
            var bas = Enumerable.Repeat((int)Col("lulc_bas_fill"), n).ToArray();
            var alt = Enumerable.Repeat((int)Col("lulc_alt_fill"), n).ToArray();
            double px = Col("pixel_m"), area = px * px;
            var sb = InvestCarbon.Storage(bas, grid[0], table, null);
            var sa = InvestCarbon.Storage(alt, grid[0], table, null);
            var ch = InvestCarbon.Change(sb, sa);
            double k = InvestCarbon.ValuationConstant(Col("price_per_tC"), Col("discount_rate_pct"), Col("rate_change_pct"), (int)(Col("alt_year") - Col("bas_year")));
            var npv = InvestCarbon.NpvPerHa(ch, k);
            Assert.Equal(Col("expected_c_storage_bas_t_per_ha"), sb[0], tol);
            Assert.Equal(Col("expected_c_storage_alt_t_per_ha"), sa[0], tol);
            Assert.Equal(Col("expected_c_change_t_per_ha"), ch[0], tol);
            Assert.True(Math.Abs(Col("expected_valuation_constant") - k) <= tol, $"K {k} vs {Col("expected_valuation_constant")}");
            Assert.True(Math.Abs(Col("expected_npv_per_ha") - npv[0]) <= tol, $"NPV {npv[0]}");
            Assert.Equal(Col("expected_total_bas_t"), InvestCarbon.Total(sb, area), tol);
            Assert.Equal(Col("expected_total_alt_t"), InvestCarbon.Total(sa, area), tol);
            Assert.Equal(Col("expected_total_change_t"), InvestCarbon.Total(ch, area), tol);
            Assert.True(Math.Abs(Col("expected_total_npv") - InvestCarbon.Total(npv, area)) <= tol, $"total NPV {InvestCarbon.Total(npv, area)}");
            compared++;
        }
        Assert.Equal(2, compared);
    }

    [Fact]
    public void ValuationConstant_EqualsPriceWhenRatioIsOne_AndMatchesTheSeriesSum()
    {
        Assert.Equal(43.0, InvestCarbon.ValuationConstant(43, 0, 0, 14));
        // r and c that cancel exactly in the product are not needed: compare with the explicit sum V/n Σ ratio^t.
        double ratio = 1 / (1.05 * 1.02), sum = 0;
        for (int t = 0; t < 10; t++) sum += Math.Pow(ratio, t);
        Assert.Equal(50.0 / 10 * sum, InvestCarbon.ValuationConstant(50, 5, 2, 10), 12);
    }

    [Fact]
    public void MissingClass_NamesTheMapCellAndTheTable()
    {
        var table = PoolTable.Load(Data("reference", "invest", "pools_table.csv"));
        var ex = Assert.Throws<InvalidInputException>(() => InvestCarbon.Storage(new[] { 1, 2, 1, 9 }, 2, table, null, "lulc_bas.asc"));
        Assert.Contains("lulc_bas.asc: row 2 column 2", ex.Message);
        Assert.Contains("'9'", ex.Message);
        Assert.Contains("pools_table.csv", ex.Message);
        // nodata cells are skipped
        var s = InvestCarbon.Storage(new[] { 1, -1 }, 2, table, -1);
        Assert.True(double.IsNaN(s[1]));
        Assert.Equal(0.86, InvestCarbon.Total(s, 100), 12);
    }

    [Fact]
    public void BadValuationInputs_AreRejected()
    {
        Assert.Contains("price", Assert.Throws<InvalidInputException>(() => InvestCarbon.ValuationConstant(-1, 0, 0, 5)).Message);
        Assert.Contains("at least 1 year", Assert.Throws<InvalidInputException>(() => InvestCarbon.ValuationConstant(10, 0, 0, 0)).Message);
        Assert.Contains("discount_rate", Assert.Throws<InvalidInputException>(() => InvestCarbon.ValuationConstant(10, double.NaN, 0, 3)).Message);
    }

    [Fact]
    public void ClimateScaling_IsOneAtTheReference_AndFollowsTheRelations()
    {
        var one = ClimateDensityScaling.Factors(578, 11.8, 578, 11.8);
        Assert.Equal(1.0, one.Biomass, 15); Assert.Equal(1.0, one.Soil, 15);
        // Yanqing (435 mm, 8.3 °C) relative to Beijing (578 mm, 11.8 °C)
        var f = ClimateDensityScaling.Factors(435, 8.3, 578, 11.8);
        double kbp = Math.Exp(0.0054 * (435 - 578));
        double kbt = (28 * 8.3 + 398) / (28 * 11.8 + 398);
        Assert.Equal(kbp * kbt, f.Biomass, 12);
        Assert.Equal((3.3968 * 435 + 3996.1) / (3.3968 * 578 + 3996.1), f.Soil, 12);
        var p = ClimateDensityScaling.Apply(new CarbonPools(10, 4, 60, 2), f);
        Assert.Equal(10 * f.Biomass, p.Above, 12); Assert.Equal(60 * f.Soil, p.Soil, 12); Assert.Equal(2, p.Dead);
        var table = PoolTable.Load(Data("reference", "invest", "pools_table.csv")).Scaled(f);
        Assert.Equal(15 * f.Biomass + 10 * f.Biomass + 60 * f.Soil + 1, table.For(1, "t", "x").Total, 12);
        Assert.Contains("temperature", Assert.Throws<InvalidInputException>(() => ClimateDensityScaling.Factors(500, -20, 500, 10)).Message);
    }

    [Fact]
    public void AsciiGrid_RoundTripsAndRejectsShortData()
    {
        var text = "ncols 3\nnrows 2\nxllcorner 0\nyllcorner 0\ncellsize 30\nNODATA_value -9999\n1 2 -9999\n2 2 1\n";
        var g = EsriAsciiGrid.Parse("a.asc", text);
        Assert.Equal(900, g.CellArea);
        var cls = g.AsClasses("a.asc", out var nd);
        Assert.Equal(-9999, nd);
        Assert.Equal(new[] { 1, 2, -9999, 2, 2, 1 }, cls);
        var again = EsriAsciiGrid.Parse("b.asc", g.Format());
        Assert.Equal(g.Values, again.Values);
        var ex = Assert.Throws<InvalidInputException>(() => EsriAsciiGrid.Parse("c.asc", "ncols 3\nnrows 2\nxllcorner 0\nyllcorner 0\ncellsize 30\n1 2 3\n"));
        Assert.Contains("c.asc", ex.Message); Assert.Contains("3 values", ex.Message);
    }
}
