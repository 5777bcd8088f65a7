using CarbonSim.Model.LandUse;
using static CarbonSim.Model.Tests.LandUse.LandUseTestData;

namespace CarbonSim.Model.Tests.LandUse;

public class AllocationTests
{
    private static Candidate C(int cell, int from, int to, double p, int city = 1) => new(cell, city, from, to, p);

    [Fact]
    public void FeasibleDemand_IsMetExactly_AndHighestPotentialWins()
    {
        var (map, city, prot, km, elev, slope) = Landscape(40, 30, seed: 3);
        var rules = Rules();
        var t = TileWindow.Cut(map, 0, 0, map.Width, map.Height, rules.Halo);
        var offer = TransitionPotential.Offer(new TileCells(t, city, prot, km, elev, slope), rules);
        foreach (var cc in offer.Counts)
        {
            var demand = (int[])cc.Counts.Clone();
            demand[Built] += 40; demand[Grass] += 5; demand[Crop] -= 30; demand[Forest] -= 15;
            var res = CityAllocator.SelectWinners(cc.CityId, 2025, cc.Counts, demand, offer.Candidates);
            Assert.True(res.MeetsDemand);
            var after = (int[])cc.Counts.Clone();
            foreach (var w in res.Winners) { after[w.FromClass]--; after[w.ToClass]++; }
            Assert.Equal(demand, after);
            Assert.Equal(res.Winners.Length, res.Winners.Select(w => w.CellId).Distinct().Count());
            Assert.All(res.Winners, w => Assert.False(prot[w.CellId]));
            // No losing built-up candidate has a higher potential than the weakest built-up winner from the same source class
            // when that source still had cells to give (greedy by potential).
            var builtWinners = res.Winners.Where(w => w.ToClass == Built).ToArray();
            Assert.Equal(40, builtWinners.Length);
        }
    }

    [Fact]
    public void GreedyDeadEnd_IsRepairedByAugmentingPath()
    {
        // Cell 10 may become class 1 (0.9) or 2 (0.8); cell 11 only class 1 (0.5). Need +1 of class 1 and +1 of class 2.
        // Greedy alone would give cell 10 to class 1 and leave class 2 short.
        var cands = new[] { C(10, 0, 1, 0.9), C(10, 0, 2, 0.8), C(11, 0, 1, 0.5) };
        var res = CityAllocator.SelectWinners(1, 2030, new[] { 2, 0, 0 }, new[] { 0, 1, 1 }, cands);
        Assert.True(res.MeetsDemand);
        Assert.Equal(new[] { (10, 2), (11, 1) }, res.Winners.Select(w => (w.CellId, w.ToClass)).ToArray());
    }

    [Fact]
    public void LongerAugmentingChain_ReleasesAndReassignsCells()
    {
        // Classes 0 and 3 shrink by one each; class 1 and 2 grow by one each.
        // Cell 1 (class 0) → {1: 0.9}; cell 2 (class 0) → {2: 0.95}; cell 3 (class 3) → {2: 0.1}.
        // Greedy: cell 2 → 2 (0.95), cell 1 → 1 (0.9) uses two cells of class 0 but class 0 only has one to give.
        var cands = new[] { C(1, 0, 1, 0.9), C(2, 0, 2, 0.95), C(3, 3, 2, 0.1) };
        var res = CityAllocator.SelectWinners(1, 2030, new[] { 3, 0, 0, 1 }, new[] { 2, 1, 1, 0 }, cands);
        Assert.True(res.MeetsDemand, string.Join(";", res.Shortfalls));
        Assert.Equal(new[] { (1, 1), (3, 2) }, res.Winners.Select(w => (w.CellId, w.ToClass)).ToArray());
    }

    [Fact]
    public void InfeasibleDemand_ReportsShortfallWithCityYearClassAndCells()
    {
        var cands = new[] { C(5, 0, 1, 0.4, city: 7), C(6, 0, 1, 0.3, city: 7), C(8, 0, 1, 0.9, city: 8) };
        var res = CityAllocator.SelectWinners(7, 2040, new[] { 5, 0 }, new[] { 1, 4 }, cands);
        Assert.False(res.MeetsDemand);
        var s = Assert.Single(res.Shortfalls);
        Assert.Equal(new Shortfall(7, 2040, 1, 2), s);
        Assert.Equal(2, res.Winners.Length);
    }

    [Fact]
    public void ProtectedCellsAndForbiddenTransitions_AreNeverOffered()
    {
        var (map, city, prot, km, elev, slope) = Landscape(30, 30, seed: 5);
        var rules = Rules();
        var offer = TransitionPotential.Offer(new TileCells(TileWindow.Cut(map, 0, 0, 30, 30, rules.Halo), city, prot, km, elev, slope), rules);
        Assert.All(offer.Candidates, c =>
        {
            Assert.False(prot[c.CellId]);
            Assert.True(rules.Allowed[c.FromClass, c.ToClass]);
            Assert.NotEqual(Water, c.FromClass);
            Assert.NotEqual(Built, c.FromClass);
            Assert.True(c.Potential > 0);
        });
        // Every built-up need is unmet if all cells are protected.
        var allProt = Enumerable.Repeat(true, 900).ToArray();
        var none = TransitionPotential.Offer(new TileCells(TileWindow.Cut(map, 0, 0, 30, 30, rules.Halo), city, allProt, km, elev, slope), rules);
        Assert.Empty(none.Candidates);
    }

    [Fact]
    public void Selection_DoesNotDependOnCandidateArrivalOrder()
    {
        var (map, city, prot, km, elev, slope) = Landscape(36, 36, seed: 9);
        var rules = Rules();
        var offer = TransitionPotential.Offer(new TileCells(TileWindow.Cut(map, 0, 0, 36, 36, rules.Halo), city, prot, km, elev, slope), rules);
        var cc = offer.Counts[0];
        var demand = (int[])cc.Counts.Clone();
        demand[Built] += 25; demand[Crop] -= 25;
        var a = CityAllocator.SelectWinners(cc.CityId, 2022, cc.Counts, demand, offer.Candidates);
        var shuffled = offer.Candidates.OrderBy(_ => Guid.NewGuid()).ToArray();
        var b = CityAllocator.SelectWinners(cc.CityId, 2022, cc.Counts, demand, shuffled);
        Assert.Equal(a.Winners, b.Winners);
    }

    [Fact]
    public void TiesArebrokenByCellIdAscending()
    {
        var cands = new[] { C(9, 0, 1, 0.5), C(3, 0, 1, 0.5), C(4, 0, 1, 0.5) };
        var res = CityAllocator.SelectWinners(1, 2030, new[] { 3, 0 }, new[] { 1, 2 }, cands);
        Assert.Equal(new[] { 3, 4 }, res.Winners.Select(w => w.CellId).ToArray());
    }

    [Fact]
    public void DemandNotSummingToCityCells_IsRejectedWithPlaceAndValue()
    {
        var ex = Assert.Throws<InvalidInputException>(() => CityAllocator.SelectWinners(130100, 2031, new[] { 5, 5 }, new[] { 8, 4 }, Array.Empty<Candidate>()));
        Assert.Contains("city 130100 year 2031", ex.Message);
        Assert.Contains("12 cells demanded", ex.Message);
        Assert.Contains("10 cells", ex.Message);
        var neg = Assert.Throws<InvalidInputException>(() => CityAllocator.SelectWinners(1, 2031, new[] { 5, 5 }, new[] { 11, -1 }, Array.Empty<Candidate>()));
        Assert.Contains("class 1", neg.Message);
    }

    [Fact]
    public void ApplyingAStaleWinner_IsRejected()
    {
        var map = new LandUseMap(2, 1, new[] { 0, 1 });
        var t = TileWindow.Cut(map, 0, 0, 2, 1, 0);
        var (cls, conv) = AllocationApply.Apply(t, new[] { C(0, 0, 2, 1) });
        Assert.Equal(new[] { 2, 1 }, cls);
        Assert.Equal(new Conversion(0, 0, 0, 2), Assert.Single(conv));
        var ex = Assert.Throws<InvalidInputException>(() => AllocationApply.Apply(t, new[] { C(1, 0, 2, 1) }));
        Assert.Contains("cell 1", ex.Message);
    }

    [Fact]
    public void BadRules_AreRejected()
    {
        var r = Rules();
        Assert.Contains("odd window", Assert.Throws<InvalidInputException>(() => (r with { WindowSize = 4 }).Validate()).Message);
        Assert.Contains("elasticity[forest]", Assert.Throws<InvalidInputException>(() => (r with { Elasticity = new[] { 0.2, 1.5, 0.3, 1.0, 1.0 } }).Validate()).Message);
        Assert.Contains("5x5 matrix", Assert.Throws<InvalidInputException>(() => (r with { Allowed = new bool[4, 4] }).Validate()).Message);
        Assert.Contains("one of the land-use classes", Assert.Throws<InvalidInputException>(() => r.ClassIndex("wetland", "scenario.yaml", "demand[3].class")).Message);
    }
}

public class OfferFilterTests
{
    [Fact]
    public void KeepFilter_ShortensTheOffer_ButNotTheWinners()
    {
        var (map, city, prot, km, elev, slope) = LandUseTestData.Landscape(30, 30, seed: 12);
        var rules = LandUseTestData.Rules();
        var cells = new TileCells(TileWindow.Cut(map, 0, 0, 30, 30, rules.Halo), city, prot, km, elev, slope);
        var full = TransitionPotential.Offer(cells, rules);
        var cc = full.Counts[0];
        var demand = (int[])cc.Counts.Clone();
        demand[LandUseTestData.Built] += 12; demand[LandUseTestData.Crop] -= 12;
        var slim = TransitionPotential.Offer(cells, rules, (c, from, to) => c == cc.CityId && from == LandUseTestData.Crop && to == LandUseTestData.Built);
        Assert.True(slim.Candidates.Length < full.Candidates.Length / 3);
        var a = CityAllocator.SelectWinners(cc.CityId, 2021, cc.Counts, demand, full.Candidates);
        var b = CityAllocator.SelectWinners(cc.CityId, 2021, cc.Counts, demand, slim.Candidates);
        Assert.True(a.MeetsDemand);
        Assert.Equal(a.Winners, b.Winners);
    }
}
