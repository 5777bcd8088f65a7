using CarbonSim.Model.Accounting;

namespace CarbonSim.Model.Tests.Accounting;

public class CompensationTests
{
    private static string Data(params string[] p)
    {
        var d = new DirectoryInfo(AppContext.BaseDirectory);
        while (d != null && !File.Exists(Path.Combine(d.FullName, "CarbonSim.sln"))) d = d.Parent;
        return Path.Combine(new[] { d!.FullName, "data" }.Concat(p).ToArray());
    }

    [Fact]
    public void CeadsInventory_IsInTonnes_AndExtrapolationIsFlagged()
    {
        var inv = EmissionInventory.LoadCeads(Data("jjj", "emissions.csv"));
        Assert.Equal(13, inv.Cities.Count());
        var b = inv.For(110000, 2015);
        Assert.True(b.Observed);
        Assert.Equal(92.76e6, b.TonnesCo2, 3);
        var x = inv.For(130800, 2030); // Chengde: inventory ends 2016
        Assert.False(x.Observed);
        Assert.Equal(48.14e6, x.TonnesCo2, 3);
        Assert.Contains("illustrative", x.Basis);
        Assert.Contains("2016", x.Basis);
        Assert.Equal(92.76e6, inv.For(110000, 2000).TonnesCo2, 3);
        Assert.Contains("city 999", Assert.Throws<InvalidInputException>(() => inv.For(999, 2020)).Message);
    }

    [Fact]
    public void TwoCities_HandChecked()
    {
        // A: S 30, E 100, GDP 300; B: S 70, E 50, GDP 100 (t CO2, bn RMB); price 10.
        var y = Compensation.Evaluate(2030, new[]
        {
            new CityBudgetInput(2, "B", 70, 50, 100),
            new CityBudgetInput(1, "A", 30, 100, 300),
        }, 10);
        var a = y.Cities[0]; var b = y.Cities[1];
        Assert.Equal(1, a.CityId);
        Assert.Equal(-70, a.NcbTCo2, 12); Assert.Equal(20, b.NcbTCo2, 12);
        Assert.Equal(0.3 / (100.0 / 150), a.Esc, 12);   // 0.45
        Assert.Equal(0.7 / (50.0 / 150), b.Esc, 12);    // 2.1
        Assert.Equal(0.75 / (100.0 / 150), a.Ecc, 12);  // 1.125
        Assert.Equal(0.25 / (50.0 / 150), b.Ecc, 12);   // 0.75
        Assert.Equal(CompensationZone.Payment, a.Zone);
        Assert.Equal(CompensationZone.Receiving, b.Zone);
        Assert.Equal(-700, a.ValueRmb, 12); Assert.Equal(200, b.ValueRmb, 12);
        Assert.Equal(-700 / 300e9, a.Priority, 1e-24);
        Assert.Equal(700, y.TotalPaidRmb, 12); Assert.Equal(700, y.TotalReceivedRmb, 12);
        Assert.Equal(200, y.SurplusValueRmb, 12);
        Assert.Equal(new Transfer(1, 2, 700), Assert.Single(y.Transfers));
    }

    [Fact]
    public void JjjLedger_BalancesToOneInABillion_ForManyPrices()
    {
        var inv = EmissionInventory.LoadCeads(Data("jjj", "emissions.csv"));
        var eco = CityEconomy.Load(Data("jjj", "economy.csv"));
        var cities = CityFacts.Load(Data("jjj", "cities.csv"));
        // Illustrative sinks: 2 t CO2 per ha on a city's whole area, plus a sink that makes two cities surplus.
        var inputs = cities.Select(c => new CityBudgetInput(c.Id, c.Name,
            c.AreaKm2 * 100 * 2 + (c.Id == 130800 ? 6e7 : c.Id == 130700 ? 5e7 : 0),
            inv.For(c.Id, 2020).TonnesCo2, eco[c.Id].GdpBillionRmb)).ToArray();
        foreach (var price in new[] { CeaPriceAnchors.Close2021, CeaPriceAnchors.Close2024, CeaPriceAnchors.Average2025, 1e-3, 1234.5 })
        {
            var y = Compensation.Evaluate(2020, inputs, price);
            Assert.True(y.TotalPaidRmb > 0);
            Assert.True(Math.Abs(y.TotalPaidRmb - y.TotalReceivedRmb) <= 1e-9 * y.TotalPaidRmb);
            Assert.Equal(y.TotalPaidRmb, y.Transfers.Sum(t => t.AmountRmb), 1e-9 * y.TotalPaidRmb);
            foreach (var c in y.Cities.Where(c => c.ValueRmb < 0))
                Assert.True(Math.Abs(y.Transfers.Where(t => t.PayerId == c.CityId).Sum(t => t.AmountRmb) - c.PaidRmb) <= 1e-9 * c.PaidRmb);
            var receivers = y.Cities.Where(c => c.ValueRmb > 0).ToArray();
            Assert.Equal(2, receivers.Length);
            // proportional to surplus
            Assert.Equal(receivers[0].ValueRmb / receivers[1].ValueRmb, receivers[0].ReceivedRmb / receivers[1].ReceivedRmb, 9);
            var payRanks = y.Cities.Where(c => c.ValueRmb < 0).OrderBy(c => c.PriorityRank).ToArray();
            Assert.Equal(Enumerable.Range(1, payRanks.Length), payRanks.Select(c => c.PriorityRank));
            for (int i = 1; i < payRanks.Length; i++) Assert.True(Math.Abs(payRanks[i - 1].Priority) >= Math.Abs(payRanks[i].Priority));
        }
    }

    [Fact]
    public void NoReceivers_NothingPaid_DeficitReportedUnmatched()
    {
        var y = Compensation.Evaluate(2030, new[] { new CityBudgetInput(1, "A", 10, 100, 5), new CityBudgetInput(2, "B", 10, 50, 5) }, 2);
        Assert.Equal(0, y.TotalPaidRmb); Assert.Equal(0, y.TotalReceivedRmb);
        Assert.Equal(260, y.UnmatchedRmb, 12);
        Assert.Empty(y.Transfers);
    }

    [Fact]
    public void AdjustmentFactor_ScalesValue_AndPearlCurveIsAsPublished()
    {
        var y = Compensation.Evaluate(2030, new[] { new CityBudgetInput(1, "A", 10, 100, 5, K: 0.5), new CityBudgetInput(2, "B", 100, 50, 5) }, 2);
        Assert.Equal(-90 * 2 * 0.5, y.Cities[0].ValueRmb, 12);
        // En = 0.25 → t = 1 → L = 1/(1 + e^-1)
        Assert.Equal(1 / (1 + Math.Exp(-1)), Compensation.PearlAbilityToPay(0.25), 15);
        Assert.Equal(0.5, Compensation.PearlAbilityToPay(1.0 / 3), 12);
        Assert.Equal(44.0 / 12, Compensation.TonnesCo2FromKgC(1000), 15);
    }

    [Fact]
    public void ZoneRule_CrossesEscAndEccAgainstOne()
    {
        Assert.Equal(CompensationZone.Payment, Compensation.Zone(0.5, 1.5));
        Assert.Equal(CompensationZone.Receiving, Compensation.Zone(1.5, 0.5));
        Assert.Equal(CompensationZone.Balance, Compensation.Zone(1.5, 1.5));
        Assert.Equal(CompensationZone.Balance, Compensation.Zone(0.5, 0.5));
    }

    [Fact]
    public void BadInputs_AreRejectedWithPlaceAndValue()
    {
        var ok = new CityBudgetInput(1, "A", 10, 100, 5);
        Assert.Contains("price", Assert.Throws<InvalidInputException>(() => Compensation.Evaluate(2030, new[] { ok }, -5)).Message);
        Assert.Contains("'NaN'", Assert.Throws<InvalidInputException>(() => Compensation.Evaluate(2030, new[] { ok }, double.NaN)).Message);
        var ex = Assert.Throws<InvalidInputException>(() => Compensation.Evaluate(2030, new[] { ok, new CityBudgetInput(2, "B", double.NaN, 10, 5) }, 5));
        Assert.Contains("city 2 (B) sink", ex.Message);
        Assert.Contains("GDP", Assert.Throws<InvalidInputException>(() => Compensation.Evaluate(2030, new[] { ok with { GdpBillionRmb = 0 } }, 5)).Message);
        Assert.Contains("listed twice", Assert.Throws<InvalidInputException>(() => Compensation.Evaluate(2030, new[] { ok, ok }, 5)).Message);
        Assert.Contains("engel", Assert.Throws<InvalidInputException>(() => Compensation.PearlAbilityToPay(0)).Message);
    }

    [Fact]
    public void Assemble_ConvertsSinksAndNamesMissingCities()
    {
        var inv = EmissionInventory.LoadCeads(Data("jjj", "emissions.csv"));
        var eco = CityEconomy.Load(Data("jjj", "economy.csv"));
        Assert.Null(eco[110000].EngelCoefficient);
        var names = new Dictionary<int, string> { [110000] = "Beijing" };
        var inputs = Compensation.Assemble(2019, new Dictionary<int, double> { [110000] = 3e9 }, names, inv, eco);
        var b = Assert.Single(inputs);
        Assert.Equal(3e9 / 1000 * 44 / 12, b.SinkTCo2, 6);
        Assert.Equal(88.16e6, b.EmissionTCo2, 3);
        Assert.Equal(3610.26, b.GdpBillionRmb);
        Assert.Equal(1.0, b.K);
        var ex = Assert.Throws<InvalidInputException>(() => Compensation.Assemble(2019, new Dictionary<int, double> { [999999] = 1 }, names, inv, eco, gdpSource: "economy.csv"));
        Assert.Contains("economy.csv: city 999999", ex.Message);
        var eco2 = new Dictionary<int, CityEconomy>(eco) { [999999] = new CityEconomy(999999, 2020, 1, null) };
        Assert.Contains("city 999999", Assert.Throws<InvalidInputException>(() => Compensation.Assemble(2019, new Dictionary<int, double> { [999999] = 1 }, names, inv, eco2)).Message);
    }
}
