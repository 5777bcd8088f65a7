using CarbonSim.Model.Accounting;
using CarbonSim.Model.LandUse;

namespace CarbonSim.Model.Tests.LandUse;

public class ConversionCarbonTests
{
    private static readonly ConversionRule ForestToBuilt = new(1, 4, VegToAtmosphere: 0.5, VegToWoodProducts: 0.3, VegToLitter: 0.1, LitterToAtmosphere: 0.4, SoilToAtmosphere: 0.25);
    private static readonly ConversionRule CropToPark = new(0, 5, 0.0, 0.0, 0.8, 0.0, 0.0);

    [Fact]
    public void Convert_MovesExactlyTheRuleShares()
    {
        var c = new CarbonColumn(VegC: 10, LitterC: 2, SoilC: 8, WoodProductC: 1, AreaM2: 900);
        var (after, f) = ConversionCarbon.Convert(c, ForestToBuilt);
        Assert.Equal(5.0, f.VegToAtmosphere, 12);
        Assert.Equal(3.0, f.VegToWoodProducts, 12);
        Assert.Equal(1.0, f.VegToLitter, 12);
        Assert.Equal(0.8, f.LitterToAtmosphere, 12);
        Assert.Equal(2.0, f.SoilToAtmosphere, 12);
        Assert.Equal(1.0, after.VegC, 12);       // 10 % carried into the new cover
        Assert.Equal(2.2, after.LitterC, 12);    // 2 − 0.8 + 1
        Assert.Equal(6.0, after.SoilC, 12);
        Assert.Equal(4.0, after.WoodProductC, 12);
        Assert.Equal(c.TotalPerM2 - f.ToAtmosphere, after.TotalPerM2, 12);
    }

    [Fact]
    public void WoodProducts_HalveOverTheirHalfLife()
    {
        double wp = 6;
        for (int y = 0; y < 20; y++) wp -= ConversionCarbon.WoodProductDecay(wp, 20);
        Assert.Equal(3.0, wp, 10);
        Assert.Equal(6 * (1 - Math.Exp(-Math.Log(2) / 35)), ConversionCarbon.WoodProductDecay(6, 35), 14);
    }

    [Fact]
    public void Ledger_ConservesMassPerCellAndPerCity_Over30Years()
    {
        var rnd = new Random(42);
        var rules = new ConversionCarbonRules(new[] { ForestToBuilt, CropToPark }, woodProductHalfLifeYears: 25);
        int cells = 200;
        var col = new CarbonColumn[cells];
        for (int i = 0; i < cells; i++) col[i] = new CarbonColumn(rnd.NextDouble() * 15, rnd.NextDouble() * 3, 5 + rnd.NextDouble() * 10, 0, 900 + i);
        var cityStart = col.Sum(c => c.TotalKg);
        double cumUptake = 0, cumEmission = 0;
        for (int year = 2021; year <= 2050; year++)
        {
            var books = new List<CarbonYear>();
            for (int i = 0; i < cells; i++)
            {
                double u = (rnd.NextDouble() - 0.3) * 0.4; // kgC m-2 a-1, sometimes a source
                var k = col[i] with { VegC = col[i].VegC + 0.7 * u, LitterC = col[i].LitterC + 0.1 * u, SoilC = col[i].SoilC + 0.2 * u };
                ConversionRule? rule = rnd.NextDouble() < 0.05 ? (i % 2 == 0 ? rules.For(1, 4) : rules.For(0, 5)) : null;
                var (end, b) = CarbonLedger.CloseCellYear(i.ToString(), year, col[i], k, u, rule, rules.WoodProductHalfLifeYears);
                books.Add(b);
                col[i] = end;
            }
            var city = CarbonLedger.Sum(year, books);
            city.Check("city 1");
            Assert.True(Math.Abs(city.ResidualKg) <= 1e-9 * city.EndKg);
            cumUptake += city.EcosystemUptakeKg;
            cumEmission += city.LandUseEmissionKg;
            Assert.True(city.Conversions > 0);
        }
        double cityEnd = col.Sum(c => c.TotalKg);
        Assert.Equal(0, (cityEnd - cityStart - (cumUptake - cumEmission)) / cityEnd, 9);
        Assert.True(cumEmission > 0);
    }

    [Fact]
    public void Ledger_DetectsAKernelYearThatDoesNotMatchItsReportedUptake()
    {
        var c = new CarbonColumn(5, 1, 10, 0, 900);
        var ex = Assert.Throws<MassBalanceException>(() => CarbonLedger.CloseCellYear("17", 2030, c, c with { VegC = 5.2 }, 0.1, null, 30));
        Assert.Contains("cell 17", ex.Message);
        Assert.Contains("2030", ex.Message);
    }

    [Fact]
    public void BadRules_AreRejected()
    {
        Assert.Contains("at most 1", Assert.Throws<InvalidInputException>(() => new ConversionRule(1, 4, 0.6, 0.3, 0.2, 0, 0).Validate()).Message);
        Assert.Contains("soilToAtmosphere", Assert.Throws<InvalidInputException>(() => new ConversionRule(1, 4, 0, 0, 0, 0, -0.1).Validate()).Message);
        Assert.Contains("half-life", Assert.Throws<InvalidInputException>(() => new ConversionCarbonRules(Array.Empty<ConversionRule>(), 0)).Message);
        var rules = new ConversionCarbonRules(new[] { ForestToBuilt }, 30, "scenario.yaml");
        Assert.Contains("conversionCarbon[2->4]", Assert.Throws<InvalidInputException>(() => rules.For(2, 4)).Message);
        // The loss is a share of the columns' soil, which lies under the unsealed part: (0.6 − 0.2)/(1 − 0.2) of it is newly sealed.
        Assert.Equal(0.3 * 0.5, ConversionRule.SoilLossOnSealing(0.2, 0.6, 0.3), 15);
        Assert.Equal(0.3, ConversionRule.SoilLossOnSealing(0.2, 1.0, 0.3), 15);
        Assert.Contains("soil shares", Assert.Throws<InvalidInputException>(() => new ConversionRule(1, 4, 0, 0, 0, 0, 0.6, SoilToSealed: 0.5).Validate()).Message);
        Assert.Equal(0.0, ConversionRule.SoilLossOnSealing(0.9, 0.2, 0.3));
    }
}
