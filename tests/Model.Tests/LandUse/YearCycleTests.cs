using CarbonSim.Model.Accounting;
using CarbonSim.Model.LandUse;
using static CarbonSim.Model.Tests.LandUse.LandUseTestData;

namespace CarbonSim.Model.Tests.LandUse;

/// <summary>
/// The order of calls the engine makes each year, run here without Orleans over 8×8 tiles:
/// tiles offer → cities select → tiles apply → tiles close their carbon books → cities sum books in
/// tile order → region evaluates compensation. Checks demand is met every year and books close.
/// </summary>
public class YearCycleTests
{
    [Fact]
    public void TenYears_OfMarkovDemand_AllocateApplyAndCloseTheBooks()
    {
        var (map0, city, prot, km, elev, slope) = Landscape(48, 48, seed: 21);
        var rules = Rules();
        var carbonRules = new ConversionCarbonRules(
            from a in Enumerable.Range(0, 5) from b in Enumerable.Range(0, 5) where rules.Allowed[a, b]
            select new ConversionRule(a, b, VegToAtmosphere: a == Forest ? 0.6 : 0.9, VegToWoodProducts: a == Forest ? 0.3 : 0, VegToLitter: 0.05,
                LitterToAtmosphere: 0.2, SoilToAtmosphere: b == Built ? 0.3 : 0.05), woodProductHalfLifeYears: 30);
        var classes = (int[])map0.Classes.Clone();
        var col = classes.Select(c => new CarbonColumn(c == Forest ? 8 : c == Built ? 0.3 : 1.2, 1, 9, 0, 1e4)).ToArray();
        var markov = new MarkovChain(new double[,]
        {
            { 0.97, 0.01, 0.0, 0, 0.02 }, { 0.005, 0.99, 0.0, 0, 0.005 }, { 0.01, 0.01, 0.97, 0, 0.01 }, { 0, 0, 0, 1, 0 }, { 0, 0, 0, 0, 1 },
        }, 1).Validate();
        var cities = new[] { 110000, 120000 };
        double totalStock0 = col.Sum(c => c.TotalKg), totalUptake = 0, totalLuc = 0;

        for (int year = 2021; year <= 2030; year++)
        {
            var map = new LandUseMap(48, 48, classes);
            var tiles = TileWindow.Tile(map, 8, rules.Halo);
            // (a) every tile offers candidates and counts (in tile order)
            var offers = tiles.Select(t => TransitionPotential.Offer(new TileCells(t, Local(city, t), Local(prot, t), Local(km, t), Local(elev, t), Local(slope, t)), rules)).ToArray();
            // (b) every city sums its counts in tile order, takes its demand and selects winners
            var winners = new List<Candidate>();
            foreach (var c in cities)
            {
                var counts = new int[5];
                foreach (var o in offers) foreach (var cc in o.Counts.Where(x => x.CityId == c)) for (int k = 0; k < 5; k++) counts[k] += cc.Counts[k];
                var demand = markov.ProjectYearly(counts, year - 1, year)[year];
                var res = CityAllocator.SelectWinners(c, year, counts, demand, offers.SelectMany(o => o.Candidates));
                Assert.True(res.MeetsDemand, string.Join("; ", res.Shortfalls));
                winners.AddRange(res.Winners);
            }
            // (c) every tile applies the winners and closes its cells' books (kernel year faked as a fixed uptake)
            var partial = new List<CarbonYear>();
            foreach (var t in tiles)
            {
                var (newLocal, conv) = AllocationApply.Apply(t, winners);
                var byCell = conv.ToDictionary(x => x.CellId);
                var books = new List<CarbonYear>();
                for (int y = 0; y < t.Height; y++)
                    for (int x = 0; x < t.Width; x++)
                    {
                        int id = t.GlobalId(x, y);
                        double u = classes[id] == Forest ? 0.25 : classes[id] == Built ? 0.01 : 0.05;
                        var afterKernel = col[id] with { VegC = col[id].VegC + 0.6 * u, SoilC = col[id].SoilC + 0.4 * u };
                        ConversionRule? rule = byCell.TryGetValue(id, out var cv) ? carbonRules.For(cv.FromClass, cv.ToClass) : null;
                        var (end, b) = CarbonLedger.CloseCellYear(id.ToString(), year, col[id], afterKernel, u, rule, carbonRules.WoodProductHalfLifeYears);
                        col[id] = end;
                        books.Add(b);
                        classes[id] = newLocal[y * t.Width + x];
                    }
                partial.Add(CarbonLedger.Sum(year, books));
            }
            var region = CarbonLedger.Sum(year, partial);
            region.Check("region");
            totalUptake += region.EcosystemUptakeKg;
            totalLuc += region.LandUseEmissionKg;
        }
        Assert.Equal(0, (col.Sum(c => c.TotalKg) - totalStock0 - totalUptake + totalLuc) / totalStock0, 9);
        Assert.True(totalLuc > 0);
    }
}
