using CarbonSim.Model.LandUse;
using static CarbonSim.Model.Tests.LandUse.LandUseTestData;

namespace CarbonSim.Model.Tests.LandUse;

public class TilingInvarianceTests
{
    private static (Candidate[] Cands, Dictionary<int, int[]> Counts) OfferAll(LandUseMap map, int[] city, bool[] prot, double[] km, double[] elev, double[] slope, LandUseRules rules, int tileSize)
    {
        var all = new List<Candidate>();
        var counts = new Dictionary<int, int[]>();
        foreach (var t in TileWindow.Tile(map, tileSize, rules.Halo))
        {
            var offer = TransitionPotential.Offer(new TileCells(t, Local(city, t), Local(prot, t), Local(km, t), Local(elev, t), Local(slope, t)), rules);
            all.AddRange(offer.Candidates);
            foreach (var cc in offer.Counts)
            {
                if (!counts.TryGetValue(cc.CityId, out var a)) counts[cc.CityId] = a = new int[rules.ClassCount];
                for (int k = 0; k < a.Length; k++) a[k] += cc.Counts[k];
            }
        }
        return (all.OrderBy(c => c.CellId).ThenBy(c => c.ToClass).ToArray(), counts);
    }

    [Fact]
    public void NeighbourhoodShares_PerTileWithHalo_EqualGlobalView()
    {
        var (map, _, _, _, _, _) = Landscape(70, 45, seed: 7);
        foreach (int n in new[] { 3, 5, 7 })
        {
            var global = TransitionPotential.NeighbourhoodShares(TileWindow.Cut(map, 0, 0, map.Width, map.Height, 0 + (n - 1) / 2), 5, n);
            foreach (int size in new[] { 1, 8, 32 })
            {
                int compared = 0;
                foreach (var t in TileWindow.Tile(map, size, (n - 1) / 2))
                {
                    var local = TransitionPotential.NeighbourhoodShares(t, 5, n);
                    for (int y = 0; y < t.Height; y++)
                        for (int x = 0; x < t.Width; x++)
                            for (int k = 0; k < 5; k++)
                            {
                                Assert.Equal(global[t.GlobalId(x, y) * 5 + k], local[(y * t.Width + x) * 5 + k]);
                                compared++;
                            }
                }
                Assert.Equal(map.CellCount * 5, compared);
            }
        }
    }

    [Fact]
    public void NeighbourhoodShare_HandChecked_AtCornerExcludesCentreAndOutside()
    {
        // 3x3 map; corner cell (0,0) has 3 neighbours in the map: (1,0)=1, (0,1)=1, (1,1)=2.
        var map = new LandUseMap(3, 3, new[] { 0, 1, 0, 1, 2, 0, 0, 0, 0 });
        var s = TransitionPotential.NeighbourhoodShares(TileWindow.Cut(map, 0, 0, 3, 3, 1), 3, 3);
        Assert.Equal(0.0, s[0 * 3 + 0]);
        Assert.Equal(2.0 / 3, s[0 * 3 + 1], 15);
        Assert.Equal(1.0 / 3, s[0 * 3 + 2], 15);
        // centre cell (1,1): 8 neighbours, two of class 1, six of class 0
        Assert.Equal(6.0 / 8, s[4 * 3 + 0], 15);
        Assert.Equal(2.0 / 8, s[4 * 3 + 1], 15);
    }

    [Fact]
    public void CandidatesWinnersAndNewMap_AreIdenticalFor1x1_8x8_32x32Tilings()
    {
        var (map, city, prot, km, elev, slope) = Landscape(64, 40, seed: 11);
        var rules = Rules();
        var (refCands, refCounts) = OfferAll(map, city, prot, km, elev, slope, rules, Math.Max(map.Width, map.Height));
        Assert.NotEmpty(refCands);
        int[]? refNewMap = null;
        foreach (int size in new[] { 1, 8, 32 })
        {
            var (cands, counts) = OfferAll(map, city, prot, km, elev, slope, rules, size);
            Assert.Equal(refCands.Length, cands.Length);
            for (int i = 0; i < cands.Length; i++) Assert.Equal(refCands[i], cands[i]); // bitwise-equal potentials
            Assert.Equal(refCounts.Keys.OrderBy(k => k), counts.Keys.OrderBy(k => k));

            // Each city asks for +30 built-up, +10 forest, taken from cropland and grassland.
            var winners = new List<Candidate>();
            foreach (var c in counts.Keys.OrderBy(k => k))
            {
                var cur = counts[c];
                var demand = (int[])cur.Clone();
                demand[Built] += 30; demand[Forest] += 10; demand[Crop] -= 25; demand[Grass] -= 15;
                var res = CityAllocator.SelectWinners(c, 2021, cur, demand, cands);
                Assert.True(res.MeetsDemand, string.Join(";", res.Shortfalls));
                winners.AddRange(res.Winners);
            }
            var newMap = new int[map.CellCount];
            foreach (var t in TileWindow.Tile(map, size, rules.Halo))
            {
                var (cls, _) = AllocationApply.Apply(t, winners);
                for (int y = 0; y < t.Height; y++) for (int x = 0; x < t.Width; x++) newMap[t.GlobalId(x, y)] = cls[y * t.Width + x];
            }
            refNewMap ??= newMap;
            Assert.Equal(refNewMap, newMap);
        }
    }

    [Fact]
    public void TooSmallHalo_IsRejected()
    {
        var (map, city, prot, km, elev, slope) = Landscape(16, 16, seed: 1);
        var rules = Rules(window: 5, radius: 4);
        var t = TileWindow.Cut(map, 0, 0, 8, 8, 1);
        var ex = Assert.Throws<InvalidInputException>(() =>
            TransitionPotential.Offer(new TileCells(t, Local(city, t), Local(prot, t), Local(km, t), Local(elev, t), Local(slope, t)), rules));
        Assert.Contains("halo", ex.Message);
        Assert.Contains(">= 4", ex.Message);
    }
}
