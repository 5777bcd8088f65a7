using CarbonSim.Model.Accounting;
using CarbonSim.Model.Engine;

namespace CarbonSim.Model.Tests.Accounting;

public class CompensationTests
{
    private static string Data(params string[] p)
    {
        var d = new DirectoryInfo(AppContext.BaseDirectory);
        while (d != null && !File.Exists(Path.Combine(d.FullName, "CarbonSim.sln"))) d = d.Parent;
        return Path.Combine(new[] { d!.FullName, "data" }.Concat(p).ToArray());
    }

    static CompensationSettings Scheme(CompensationScheme s, int window = 1, double band = 0) => new() { Scheme = s, WindowYears = window, HysteresisBand = band };
    static CompensationYear One(CompensationScheme s, IReadOnlyList<CityBudgetInput> cities, double price) =>
        Compensation.Close(2030, cities, price, Scheme(s), []);

    // A: S 30, E 100, GDP 300; B: S 70, E 50, GDP 100 (t CO2, bn RMB).
    static readonly CityBudgetInput[] TwoCities = [new("B", "B", 70, 50, 100), new("A", "A", 30, 100, 300)];

    /// <summary>Illustrative JJJ year: 2 t CO2 per ha on each city's area plus a sink that makes two cities surplus; CEADs 2020 emissions; GDP table.</summary>
    static CityBudgetInput[] Jjj(double extraSink = 0)
    {
        var inv = EmissionInventory.LoadCeads(Data("jjj", "emissions.csv"));
        var eco = CityEconomy.Load(Data("jjj", "economy.csv"));
        return CityFacts.Load(Data("jjj", "cities.csv")).Select(c =>
        {
            string id = c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return new CityBudgetInput(id, c.Name, c.AreaKm2 * 100 * 2 + (id == "130800" ? 6e7 : id == "130700" ? 5e7 : 0) + extraSink,
                inv.For(id, 2020).TonnesCo2, eco[id].GdpBillionRmb);
        }).ToArray();
    }

    [Fact]
    public void CeadsInventory_IsInTonnes_AndYearsAfterItFollowTheHoldFlatDefault()
    {
        var inv = EmissionInventory.LoadCeads(Data("jjj", "emissions.csv"));
        Assert.Equal(13, inv.Cities.Count());
        var b = inv.For("110000", 2015);
        Assert.True(b.Observed);
        Assert.Equal(92.76e6, b.TonnesCo2, 3);
        var x = inv.For("130800", 2030); // Chengde: inventory ends 2016
        Assert.False(x.Observed);
        Assert.Equal(48.14e6, x.TonnesCo2, 3);
        Assert.Contains("illustrative", x.Basis);
        Assert.Contains("2016", x.Basis);
        Assert.Equal(92.76e6, inv.For("110000", 2000).TonnesCo2, 3);
        Assert.Contains("city 999", Assert.Throws<InvalidInputException>(() => inv.For("999", 2020)).Message);
    }

    [Fact]
    public void RelativeBudget_TwoCities_HandChecked_ZeroSum()
    {
        var y = One(CompensationScheme.RelativeBudget, TwoCities, 10);
        var a = y.Cities[0]; var b = y.Cities[1];
        Assert.Equal("A", a.CityId);
        Assert.Equal(-70, a.NcbTCo2, 12); Assert.Equal(20, b.NcbTCo2, 12);
        Assert.Equal(0.3 / (100.0 / 150), a.Esc, 12);   // 0.45
        Assert.Equal(0.7 / (50.0 / 150), b.Esc, 12);    // 2.1
        Assert.Equal(0.75 / (100.0 / 150), a.Ecc, 12);  // 1.125
        Assert.Equal(0.25 / (50.0 / 150), b.Ecc, 12);   // 0.75
        Assert.Equal(CompensationZone.Payment, a.Zone);
        Assert.Equal(CompensationZone.Receiving, b.Zone);
        // V = P (S − E ΣS/ΣE), ΣS/ΣE = 100/150: A 10 (30 − 66.67) = −366.67, B 10 (70 − 33.33) = +366.67
        Assert.Equal(-1100.0 / 3, a.ValueRmb, 9); Assert.Equal(1100.0 / 3, b.ValueRmb, 9);
        Assert.Equal(1100.0 / 3, y.TotalPaidRmb, 9); Assert.Equal(y.TotalPaidRmb, y.TotalReceivedRmb, 9);
        Assert.Equal(0, y.UnmatchedRmb);
        Assert.Equal(b.ValueRmb, b.ReceivedRmb, 9);   // k = 1: each receiver gets exactly its entitlement
        Assert.Equal("relative_budget", y.Scheme);
        Assert.Equal(new Transfer("A", "B", y.TotalPaidRmb), Assert.Single(y.Transfers));
    }

    [Fact]
    public void SurplusDeficit_PaysOnlyWhatSurplusesCanTake_AndReportsTheRest()
    {
        var y = One(CompensationScheme.SurplusDeficit, TwoCities, 10);
        Assert.Equal(-700, y.Cities[0].ValueRmb, 12); Assert.Equal(200, y.Cities[1].ValueRmb, 12);
        Assert.Equal(200, y.TotalPaidRmb, 12); Assert.Equal(200, y.Cities[1].ReceivedRmb, 12);
        Assert.Equal(500, y.UnmatchedRmb, 12);
        // surplus larger than deficit: receivers get a pro-rata share below their entitlement
        var z = One(CompensationScheme.SurplusDeficit, [new("A", "A", 90, 100, 300), new("B", "B", 70, 50, 100), new("C", "C", 30, 10, 100)], 10);
        Assert.Equal(100, z.TotalPaidRmb, 12);
        Assert.Equal(0, z.UnmatchedRmb);
        Assert.Equal(100 * 200.0 / 400, z.Cities[1].ReceivedRmb, 12);
        Assert.Equal(100 * 200.0 / 400, z.Cities[2].ReceivedRmb, 12);
    }

    [Fact]
    public void Zoned_OnlyPaymentZonePaysAndOnlyReceivingZoneReceives()
    {
        // C: a small city in the balance zone with a relative deficit (ESC < 1, ECC < 1): it pays nothing under zoned
        CityBudgetInput[] cities = [.. TwoCities, new("C", "C", 1, 20, 10)];
        var rel = One(CompensationScheme.RelativeBudget, cities, 10);
        var zon = One(CompensationScheme.Zoned, cities, 10);
        var c = zon.Cities.Single(x => x.CityId == "C");
        Assert.Equal(CompensationZone.Balance, c.Zone);
        Assert.True(c.ValueRmb < 0);
        Assert.Equal(0, c.PaidRmb);
        Assert.True(rel.Cities.Single(x => x.CityId == "C").PaidRmb > 0);
        Assert.Equal(-zon.Cities.Single(x => x.CityId == "A").ValueRmb, zon.TotalPaidRmb, 9);
        Assert.Equal(zon.TotalPaidRmb, zon.Cities.Single(x => x.CityId == "B").ReceivedRmb, 9);
        // nobody in the receiving zone: nothing moves, the payment zone's value is unmatched
        var strict = Compensation.Close(2030, cities, 10, Scheme(CompensationScheme.Zoned) with { EccThreshold = 0.5 }, []);
        Assert.DoesNotContain(strict.Cities, x => x.Zone == CompensationZone.Receiving);
        Assert.Equal(0, strict.TotalPaidRmb);
        Assert.True(strict.UnmatchedRmb > 0);
    }

    [Theory]
    [InlineData(CompensationScheme.RelativeBudget)]
    [InlineData(CompensationScheme.SurplusDeficit)]
    [InlineData(CompensationScheme.Zoned)]
    public void JjjLedger_PaidEqualsReceived_ForEverySchemeAndPrice(CompensationScheme scheme)
    {
        var inputs = Jjj();
        foreach (var price in new[] { CeaPriceAnchors.Close2021, CeaPriceAnchors.Close2024, CeaPriceAnchors.Average2025, 1e-3, 1234.5 })
        {
            var y = One(scheme, inputs, price);
            Assert.True(y.TotalPaidRmb > 0);
            Assert.True(Math.Abs(y.TotalPaidRmb - y.TotalReceivedRmb) <= 1e-9 * y.TotalPaidRmb);
            Assert.Equal(y.TotalPaidRmb, y.Transfers.Sum(t => t.AmountRmb), 1e-9 * y.TotalPaidRmb);
            foreach (var c in y.Cities.Where(c => c.PaidRmb > 0))
                Assert.True(Math.Abs(y.Transfers.Where(t => t.PayerId == c.CityId).Sum(t => t.AmountRmb) - c.PaidRmb) <= 1e-9 * c.PaidRmb);
            foreach (var c in y.Cities.Where(c => c.ReceivedRmb > 0))
                Assert.True(c.ValueRmb > 0);
            if (scheme == CompensationScheme.SurplusDeficit)
                foreach (var c in y.Cities.Where(c => c.ValueRmb > 0))
                    Assert.True(c.ReceivedRmb <= c.ValueRmb * (1 + 1e-12), $"{c.Name} receives {c.ReceivedRmb} > entitlement {c.ValueRmb}");
            if (scheme == CompensationScheme.RelativeBudget)
            {
                Assert.Equal(0, y.UnmatchedRmb);
                Assert.True(Math.Abs(y.Cities.Sum(c => c.ValueRmb)) <= 1e-9 * y.TotalPaidRmb);   // zero-sum by construction
            }
            var payRanks = y.Cities.Where(c => c.ValueRmb < 0).OrderBy(c => c.PriorityRank).ToArray();
            Assert.Equal(Enumerable.Range(1, payRanks.Length), payRanks.Select(c => c.PriorityRank));
            for (int i = 1; i < payRanks.Length; i++) Assert.True(Math.Abs(payRanks[i - 1].Priority) >= Math.Abs(payRanks[i].Priority));
        }
    }

    [Fact]
    public void RelativeBudget_MovesMoney_EvenWhenNoCityHasAnAbsoluteSurplus()
    {
        // every city's sink below its emissions: surplus_deficit moves nothing, relative_budget still does
        var inputs = Jjj().Select(c => c with { SinkTCo2 = c.EmissionTCo2 * (c.CityId == "130800" ? 0.5 : 0.01) }).ToArray();
        Assert.DoesNotContain(inputs, c => c.SinkTCo2 > c.EmissionTCo2);
        Assert.Equal(0, One(CompensationScheme.SurplusDeficit, inputs, 62.36).TotalPaidRmb);
        var rel = One(CompensationScheme.RelativeBudget, inputs, 62.36);
        Assert.True(rel.TotalPaidRmb > 0);
        Assert.True(rel.Cities.Single(c => c.CityId == "130800").ReceivedRmb > 0);
    }

    [Theory]
    [InlineData(CompensationScheme.RelativeBudget)]
    [InlineData(CompensationScheme.SurplusDeficit)]
    [InlineData(CompensationScheme.Zoned)]
    public void DoublingThePrice_DoublesEveryAmount(CompensationScheme scheme)
    {
        var years = Enumerable.Range(2020, 6).Select(y => (y, (IReadOnlyList<CityBudgetInput>)Jjj(extraSink: (y % 3) * 1e6), 62.36)).ToList();
        var s = new CompensationSettings { Scheme = scheme };
        var one = Compensation.CloseSeries(years, s);
        var two = Compensation.CloseSeries(years.Select(y => (y.y, y.Item2, 2 * 62.36)).ToList(), s);
        for (int i = 0; i < one.Count; i++)
        {
            Assert.Equal(2 * one[i].TotalPaidRmb, two[i].TotalPaidRmb);
            Assert.Equal(2 * one[i].UnmatchedRmb, two[i].UnmatchedRmb);
            Assert.Equal(one[i].Transfers.Select(t => 2 * t.AmountRmb), two[i].Transfers.Select(t => t.AmountRmb));
            Assert.Equal(one[i].Cities.Select(c => 2 * c.ValueRmb), two[i].Cities.Select(c => c.ValueRmb));
            Assert.Equal(one[i].Cities.Select(c => c.Zone), two[i].Cities.Select(c => c.Zone));
        }
    }

    [Fact]
    public void Window_AveragesTheLastYears_AndStartsWithFewer()
    {
        var s = new CompensationSettings { WindowYears = 3 };
        var years = new[] { 10.0, 40, 70, 100 }.Select((sink, i) => (2020 + i, (IReadOnlyList<CityBudgetInput>)[new("A", "A", sink, 100, 10), new("B", "B", 50, 50, 10)], 1.0)).ToList();
        var books = Compensation.CloseSeries(years, s);
        Assert.Equal(10, books[0].Cities[0].SinkMeanTCo2, 12);
        Assert.Equal(25, books[1].Cities[0].SinkMeanTCo2, 12);
        Assert.Equal(40, books[2].Cities[0].SinkMeanTCo2, 12);
        Assert.Equal(70, books[3].Cities[0].SinkMeanTCo2, 12);   // 40, 70, 100
        Assert.Equal(100, books[3].Cities[0].SinkTCo2);
        Assert.Equal(70 - 100, books[3].Cities[0].NcbTCo2, 12);
        Assert.Contains("consecutive", Assert.Throws<InvalidInputException>(() => Compensation.CloseSeries([years[0], years[2]], s)).Message);
    }

    [Fact]
    public void Hysteresis_KeepsTheZoneUntilTheBandIsCrossed()
    {
        var s = new CompensationSettings { HysteresisBand = 0.1 };
        Assert.Equal(CompensationZone.Payment, s.Zone(0.5, 1.5, null));
        Assert.Equal(CompensationZone.Receiving, s.Zone(1.5, 0.5, null));
        Assert.Equal(CompensationZone.Balance, s.Zone(1.5, 1.5, null));
        Assert.Equal(CompensationZone.Balance, s.Zone(0.5, 0.5, null));
        Assert.Equal(CompensationZone.Payment, s.Zone(1.05, 1.5, CompensationZone.Payment));    // ESC just above 1: stays
        Assert.Equal(CompensationZone.Balance, s.Zone(1.15, 1.5, CompensationZone.Payment));    // past the band: moves
        Assert.Equal(CompensationZone.Balance, s.Zone(0.95, 1.5, CompensationZone.Balance));    // just inside payment: stays balance
        Assert.Equal(CompensationZone.Payment, s.Zone(0.85, 1.5, CompensationZone.Balance));
        Assert.Equal(CompensationZone.Payment, (s with { HysteresisBand = 0 }).Zone(0.95, 1.5, CompensationZone.Balance));
        Assert.Equal(CompensationZone.Payment, (s with { EscThreshold = 0.8 }).Zone(0.5, 1.5, null));
        Assert.Equal(CompensationZone.Balance, (s with { EscThreshold = 0.4 }).Zone(0.5, 1.5, null));
    }

    [Fact]
    public void RecordingAYearAgainAfterLaterOnes_GivesTheBooksOfAnInOrderRun()
    {
        var names = new[] { "A", "B" };
        var plan = new CompensationPlan
        {
            PriceByYear = [10, 10, 10, 10], SinkIsNep = true, Settings = new CompensationSettings { WindowYears = 3 },
            Cities = [new CityEconomics { Id = "A", EmissionTCo2ByYear = [100, 100, 100, 100], GdpBillionRmbByYear = [300, 300, 300, 300] },
                      new CityEconomics { Id = "B", EmissionTCo2ByYear = [50, 60, 70, 80], GdpBillionRmbByYear = [100, 100, 100, 100] }],
        };
        YearTotals[] Totals(int year) => [Sink(year, 1e4 * (year - 2018)), Sink(year, 3e4)];
        static YearTotals Sink(int year, double nepKg)
        {
            var sums = new FixedSum[CarbonVariables.Count];
            sums[CarbonVariables.Nep] = FixedSum.FromKg(nepKg);
            return new YearTotals { Year = year, Sums = sums };
        }
        var inOrder = new SortedDictionary<int, CompensationYear>();
        for (int y = 2020; y <= 2023; y++) plan.Record(inOrder, y, 2020, names, Totals(y));
        var gap = new SortedDictionary<int, CompensationYear>();
        foreach (int y in new[] { 2020, 2022, 2023, 2021 }) plan.Record(gap, y, 2020, names, Totals(y));   // 2021 lost, recorded again last
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(inOrder.Values), System.Text.Json.JsonSerializer.Serialize(gap.Values));
    }

    [Fact]
    public void AdjustmentFactor_ScalesWhatAPayerOwes_AndTheLedgerStillBalances()
    {
        var y = One(CompensationScheme.SurplusDeficit, [new("A", "A", 10, 100, 5, K: 0.5), new("B", "B", 100, 50, 5)], 2);
        Assert.Equal(-90 * 2 * 0.5, y.Cities[0].ValueRmb, 12);
        var r = One(CompensationScheme.RelativeBudget, [new("A", "A", 10, 100, 5, K: 0.5), new("B", "B", 100, 50, 5)], 2);
        Assert.Equal(r.TotalPaidRmb, r.TotalReceivedRmb, 9);
        Assert.Equal(-r.Cities[0].ValueRmb, r.TotalPaidRmb, 9);
        // En = 0.25 → t = 1 → L = 1/(1 + e^-1)
        Assert.Equal(1 / (1 + Math.Exp(-1)), Compensation.PearlAbilityToPay(0.25), 15);
        Assert.Equal(0.5, Compensation.PearlAbilityToPay(1.0 / 3), 12);
        Assert.Equal(44.0 / 12, Compensation.TonnesCo2FromKgC(1000), 15);
    }

    [Fact]
    public void BadInputs_AreRejectedWithPlaceAndValue()
    {
        var ok = new CityBudgetInput("1", "A", 10, 100, 5);
        var s = new CompensationSettings();
        Assert.Contains("price", Assert.Throws<InvalidInputException>(() => Compensation.Close(2030, [ok], -5, s, [])).Message);
        Assert.Contains("'NaN'", Assert.Throws<InvalidInputException>(() => Compensation.Close(2030, [ok], double.NaN, s, [])).Message);
        var ex = Assert.Throws<InvalidInputException>(() => Compensation.Close(2030, [ok, new CityBudgetInput("2", "B", double.NaN, 10, 5)], 5, s, []));
        Assert.Contains("city 2 (B) sink", ex.Message);
        Assert.Contains("GDP", Assert.Throws<InvalidInputException>(() => Compensation.Close(2030, [ok with { GdpBillionRmb = 0 }], 5, s, [])).Message);
        Assert.Contains("listed twice", Assert.Throws<InvalidInputException>(() => Compensation.Close(2030, [ok, ok], 5, s, [])).Message);
        Assert.Contains("engel", Assert.Throws<InvalidInputException>(() => Compensation.PearlAbilityToPay(0)).Message);
        var scheme = Assert.Throws<InvalidInputException>(() => CompensationSettings.ParseScheme("fair_share", "x.yaml", "compensation.scheme (line 3)"));
        Assert.Contains("'fair_share'", scheme.Message);
        Assert.Contains("relative_budget, surplus_deficit, zoned", scheme.Message);
        Assert.Contains("window_years", Assert.Throws<InvalidInputException>(() => (s with { WindowYears = 0 }).Checked("x.yaml")).Message);
    }

    [Fact]
    public void Pathways_PeakDecline_Target_Table()
    {
        var inv = EmissionInventory.LoadCeads(Data("jjj", "emissions.csv"));
        double last = inv.For("110000", 2019).TonnesCo2;   // Beijing's inventory ends 2019
        Assert.True(inv.For("110000", 2019).Observed);
        var pd = inv.WithPathway(new EmissionPathway.PeakDecline(2025, 2, 5));
        Assert.Equal(last * Math.Pow(1.02, 6), pd.For("110000", 2025).TonnesCo2, 3);
        Assert.Equal(last * Math.Pow(1.02, 6) * Math.Pow(0.95, 10), pd.For("110000", 2035).TonnesCo2, 3);
        Assert.Contains("peak 2025", pd.For("110000", 2035).Basis);
        var tg = inv.WithPathway(new EmissionPathway.Target(2059, 20));
        Assert.Equal(last * (1 + 0.5 * (0.2 - 1)), tg.For("110000", 2039).TonnesCo2, 3);
        Assert.Equal(last * 0.2, tg.For("110000", 2060).TonnesCo2, 3);
        var table = inv.WithPathway(new EmissionPathway.Table("p.csv", new Dictionary<(string, int), double> { [("110000", 2020)] = 5e7 }));
        Assert.Equal(5e7, table.For("110000", 2020).TonnesCo2);
        Assert.Contains("p.csv: city 110000 year 2021", Assert.Throws<InvalidInputException>(() => table.For("110000", 2021)).Message);
        Assert.Contains("not in the region", Assert.Throws<InvalidInputException>(() => inv.CheckCities(new[] { "110000" }, "cities.geojson")).Message);
    }

    [Fact]
    public void PriceTable_WithAGap_IsRejected()
    {
        var dir = Directory.CreateTempSubdirectory("comp-price").FullName;
        var p = Path.Combine(dir, "price.csv");
        File.WriteAllText(p, "year,price\n2020,60\n2021,61\n2023,63\n");
        var ex = Assert.Throws<InvalidInputException>(() => PricePath.Table.Load(p, 2020, 2023));
        Assert.Contains("line 4", ex.Message);
        Assert.Contains("no gaps", ex.Message);
        File.WriteAllText(p, "year,price\n2020,60\n2021,61\n");
        Assert.Contains("2020–2023", Assert.Throws<InvalidInputException>(() => PricePath.Table.Load(p, 2020, 2023)).Message);
        File.WriteAllText(p, "year,price\n2020,60\n2021,61\n2022,62\n2023,63\n");
        Assert.Equal(62, PricePath.Table.Load(p, 2020, 2023).At(2022));
        Assert.Equal(100 * 1.05 * 1.05, new PricePath.Growth(100, 2020, 5).At(2022), 9);
        Directory.Delete(dir, true);
    }
}
