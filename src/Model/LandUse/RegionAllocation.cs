namespace CarbonSim.Model.LandUse;

/// <summary>
/// The per-cell drivers of allocation over a whole grid (row-major, <see cref="LandUseMap"/> layout).
/// </summary>
/// <param name="City">City id of each grid cell (ignored where the map is NoData).</param>
/// <param name="Protected">Restriction mask: true = the cell never changes.</param>
/// <param name="KmToCentre">[km] Distance to the city centre.</param>
/// <param name="ElevationM">[m] Elevation (0 when no DEM is given).</param>
/// <param name="SlopeDeg">[deg] Slope (0 when no DEM is given).</param>
public sealed record AllocationDrivers(int[] City, bool[] Protected, double[] KmToCentre, double[] ElevationM, double[] SlopeDeg);

/// <summary>Outcome of one allocation year over the region.</summary>
/// <param name="Map">The new class map.</param>
/// <param name="Cities">Per city (ascending id): winners and shortfalls.</param>
/// <param name="Conversions">Every cell that changed, by ascending cell id.</param>
public sealed record RegionAllocationYear(LandUseMap Map, AllocationResult[] Cities, Conversion[] Conversions)
{
    public bool MeetsDemand => Cities.All(c => c.MeetsDemand);
}

/// <summary>
/// One year of land-use allocation exactly as the grains split it (docs/landuse.md "Engine API"):
/// every tile of <c>tileSize</c> cells cuts its window with a halo of <see cref="LandUseRules.Halo"/> from the
/// current map (what the halo exchange gives a tile grain) and offers candidates; each city sums the tiles'
/// counts in tile order and selects winners; each tile applies the winners inside it. The result does not
/// depend on the tile size (tested for 1, 8 and 32). Pure, deterministic.
/// </summary>
public static class RegionAllocation
{
    public static RegionAllocationYear Step(LandUseMap map, AllocationDrivers drivers, LandUseRules rules, int tileSize, int year,
        Func<int, int[]> demandOfCity, string source = "demand")
    {
        int n = map.CellCount;
        if (drivers.City.Length != n || drivers.Protected.Length != n || drivers.KmToCentre.Length != n || drivers.ElevationM.Length != n || drivers.SlopeDeg.Length != n)
            throw new InvalidInputException("drivers", "grid", $"{drivers.City.Length} cells", $"{n} (one per map cell)");
        var tiles = TileWindow.Tile(map, tileSize, rules.Halo);
        var candidates = new SortedDictionary<int, List<Candidate>>();
        var counts = new SortedDictionary<int, int[]>();
        foreach (var w in tiles)
        {
            var city = new int[w.LocalCount]; var prot = new bool[w.LocalCount];
            var km = new double[w.LocalCount]; var el = new double[w.LocalCount]; var sl = new double[w.LocalCount];
            for (int y = 0; y < w.Height; y++)
                for (int x = 0; x < w.Width; x++)
                {
                    int i = y * w.Width + x, g = w.GlobalId(x, y);
                    city[i] = drivers.City[g]; prot[i] = drivers.Protected[g]; km[i] = drivers.KmToCentre[g];
                    el[i] = drivers.ElevationM[g]; sl[i] = drivers.SlopeDeg[g];
                }
            var offer = TransitionPotential.Offer(new TileCells(w, city, prot, km, el, sl), rules);
            foreach (var c in offer.Counts)
            {
                if (!counts.TryGetValue(c.CityId, out var s)) counts[c.CityId] = s = new int[rules.ClassCount];
                for (int k = 0; k < s.Length; k++) s[k] += c.Counts[k];
            }
            foreach (var c in offer.Candidates)
            {
                if (!candidates.TryGetValue(c.CityId, out var l)) candidates[c.CityId] = l = [];
                l.Add(c);
            }
        }
        var results = new List<AllocationResult>();
        var winners = new List<Candidate>();
        foreach (var (cityId, current) in counts)
        {
            var r = CityAllocator.SelectWinners(cityId, year, current, demandOfCity(cityId),
                candidates.TryGetValue(cityId, out var l) ? l : [], source);
            results.Add(r);
            winners.AddRange(r.Winners);
        }
        var next = (int[])map.Classes.Clone();
        var conversions = new List<Conversion>();
        foreach (var w in tiles)
        {
            var (local, conv) = AllocationApply.Apply(w, winners);
            for (int y = 0; y < w.Height; y++)
                for (int x = 0; x < w.Width; x++)
                    next[w.GlobalId(x, y)] = local[y * w.Width + x];
            conversions.AddRange(conv);
        }
        conversions.Sort((a, b) => a.CellId.CompareTo(b.CellId));
        return new RegionAllocationYear(map with { Classes = next }, [.. results], [.. conversions]);
    }
}
