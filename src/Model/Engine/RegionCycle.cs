namespace CarbonSim.Model.Engine;

/// <summary>
/// The region's side of a year, between the tiles' answers and the cities' and region's totals; pure, no
/// Orleans (the simulation grain and <see cref="InProcessRun"/> both drive it). Without land-use change that
/// is only regrouping the tiles' partial sums by city (<see cref="PartialsByCity"/>) and the per-cell values
/// of raster years (<see cref="Scatter"/>). With land-use change it also keeps the class counts per city
/// (<c>[city · K + class]</c>) from year to year: which classes shrink and grow (the masks tiles offer by),
/// the year's demand, the sum of the tiles' counts (which must equal its own), the winners ordered by cell
/// id, and the allocation summary. A re-driven run replays it from the first year with the same answers.
/// </summary>
public sealed class RegionCycle
{
    readonly RunSpec _spec;
    readonly int[] _classCounts = [];
    readonly Dictionary<int, (bool[] Shrinking, bool[] Growing, int[][] Demand)> _masks = [];
    readonly Dictionary<int, CellCandidate[]> _winners = [];
    readonly SortedDictionary<int, AllocationYear> _allocations = [];

    public RegionCycle(RunSpec spec)
    {
        _spec = spec;
        if (spec.LandUse is { } plan)
        {
            _classCounts = new int[spec.CityIds.Length * plan.ClassCount];
            for (int i = 0; i < spec.Cells.Count; i++) _classCounts[spec.Cells.City[i] * plan.ClassCount + plan.CellClass[i]]++;
        }
    }

    /// <summary>The allocation summaries of the years allocated so far, ascending.</summary>
    public AllocationYear[] Allocations => [.. _allocations.Values];

    LandUsePlan Plan => _spec.LandUse ?? throw new InvalidOperationException("this run has no land-use change");

    /// <summary>
    /// Which classes each city shrinks and grows in <paramref name="year"/> (<c>[city · K + class]</c>: counts above
    /// and below the year's demand), and the demand per city. Computed once per year, from the counts after the year before.
    /// </summary>
    public (bool[] Shrinking, bool[] Growing, int[][] Demand) Masks(int year)
    {
        if (_masks.TryGetValue(year, out var done)) return done;
        var plan = Plan;
        int k = plan.ClassCount, cities = _spec.CityIds.Length, y = year - _spec.FirstYear;
        var demand = new int[cities][];
        var shrinking = new bool[cities * k];
        var growing = new bool[cities * k];
        for (int c = 0; c < cities; c++)
        {
            demand[c] = plan.DemandOf(c, y);
            for (int j = 0; j < k; j++)
            {
                shrinking[c * k + j] = _classCounts[c * k + j] > demand[c][j];
                growing[c * k + j] = demand[c][j] > _classCounts[c * k + j];
            }
        }
        return _masks[year] = (shrinking, growing, demand);
    }

    /// <summary>
    /// The tiles' offers (tile order) gathered per city: class counts summed in tile order (they must equal the
    /// region's own counts, or a tile's map is out of date) and candidates in tile order.
    /// </summary>
    public (int[] Counts, CellCandidate[][] Candidates) Gather(int year, IReadOnlyList<TileLandUseOffer> offers)
    {
        int k = Plan.ClassCount, cities = _spec.CityIds.Length;
        var counts = new int[cities * k];
        var candidates = new List<CellCandidate>[cities];
        for (int c = 0; c < cities; c++) candidates[c] = [];
        foreach (var offer in offers)
        {
            for (int p = 0; p < offer.Cities.Length; p++)
                for (int j = 0; j < k; j++) counts[offer.Cities[p] * k + j] += offer.Counts[p * k + j];
            foreach (var candidate in offer.Candidates) candidates[candidate.City].Add(candidate);
        }
        if (!counts.AsSpan().SequenceEqual(_classCounts))
            throw new InvalidOperationException($"year {year}: the tiles' class counts differ from the run's (a tile's map is out of date)");
        return (counts, candidates.Select(c => c.ToArray()).ToArray());
    }

    /// <summary>City <paramref name="city"/>'s slice of the counts <see cref="Gather"/> returned.</summary>
    public int[] CountsOf(int[] counts, int city) => counts.AsSpan(city * Plan.ClassCount, Plan.ClassCount).ToArray();

    /// <summary>
    /// Takes the cities' allocations (city-index order) for <paramref name="year"/>: the winners ordered by cell id,
    /// the class counts moved on, the year's allocation summary kept. Returns the winners.
    /// </summary>
    public CellCandidate[] Record(int year, IReadOnlyList<CityAllocation> allocations)
    {
        int k = Plan.ClassCount;
        var winners = allocations.SelectMany(a => a.Winners).OrderBy(w => w.CellId).ToArray();
        _winners[year] = winners;
        foreach (var w in winners)
        {
            _classCounts[w.City * k + w.FromClass]--;
            _classCounts[w.City * k + w.ToClass]++;
        }
        _allocations[year] = new AllocationYear
        {
            Year = year,
            ConvertedCells = allocations.Select(a => a.Winners.Length).ToArray(),
            ShortfallCells = allocations.Select(a => a.ShortfallByClass.Sum()).ToArray(),
            CountsAfter = (int[])_classCounts.Clone(),
            Demand = _masks[year].Demand.SelectMany(d => d).ToArray(),
        };
        return winners;
    }

    /// <summary>The year's winners inside a tile's window (block + halo): the changes it applies to its own cells and takes into its halo (the halo exchange).</summary>
    public CellCandidate[] WinnersFor(TileLandUse window, int year)
    {
        int cols = _spec.GridCols;
        return _winners[year].Where(c =>
        {
            int x = c.CellId % cols - window.X0, y = c.CellId / cols - window.Y0;
            return x >= -window.Halo && y >= -window.Halo && x < window.Width + window.Halo && y < window.Height + window.Halo;
        }).ToArray();
    }

    /// <summary>The tiles' partial sums (results in ascending tile order) regrouped per city, each city's list in ascending tile order.</summary>
    public FixedSum[][][] PartialsByCity(IReadOnlyList<TileYearResult> results)
    {
        int stride = LandUseSums.StrideOf(_spec);
        var partials = new List<FixedSum[]>[_spec.CityIds.Length];
        for (int c = 0; c < partials.Length; c++) partials[c] = [];
        foreach (var r in results)
            for (int p = 0; p < r.Cities.Length; p++)
                partials[r.Cities[p]].Add(r.CitySums.AsSpan(p * stride, stride).ToArray());
        return partials.Select(l => l.ToArray()).ToArray();
    }

    /// <summary>
    /// Every cell's values (<c>[cell · CarbonVariables.Count + variable]</c>, global order) and, with land-use change,
    /// classes, put together from the tiles' results of a raster year (<paramref name="tiles"/>: global cell indices per tile).
    /// </summary>
    public (double[] Values, int[] Classes) Scatter(int[][] tiles, IReadOnlyList<TileYearResult> results)
    {
        const int n = CarbonVariables.Count;
        var values = new double[_spec.Cells.Count * n];
        for (int t = 0; t < results.Count; t++)
            for (int p = 0; p < tiles[t].Length; p++)
                results[t].CellValues.AsSpan(p * n, n).CopyTo(values.AsSpan(tiles[t][p] * n, n));
        var classes = _spec.LandUse is null ? [] : new int[_spec.Cells.Count];
        if (_spec.LandUse is not null)
            for (int t = 0; t < results.Count; t++)
                for (int p = 0; p < tiles[t].Length; p++) classes[tiles[t][p]] = results[t].CellClasses[p];
        return (values, classes);
    }

    /// <summary>[m2] Land area of each city (sum over its cells, cell order).</summary>
    public static double[] CityAreas(RunSpec spec)
    {
        var area = new double[spec.CityIds.Length];
        for (int i = 0; i < spec.Cells.Count; i++) area[spec.Cells.City[i]] += spec.Cells.AreaM2[i];
        return area;
    }
}
