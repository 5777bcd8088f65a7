namespace CarbonSim.Model.Engine;

/// <summary>
/// A whole run in one process, with the engine's own classes: the cells partitioned into tiles
/// (<see cref="Tiling.Partition"/>), each tile a <see cref="TileYear"/>, each year the tiles in ascending order,
/// then <see cref="CityTotals"/>, <see cref="RegionTotals"/> and, with land-use change, <see cref="RegionCycle"/>
/// between the tiles' offers and closes. The Orleans engine makes exactly these calls, each from its grain, so an
/// in-process run equals an engine run bit for bit, for any tile size (the engine's determinism rules); that is the
/// single-process reference. Meant for small regions and tests (no checkpoints, no parallelism).
/// </summary>
public static class InProcessRun
{
    /// <param name="tileSize">Tile edge in cells; null = the spec's.</param>
    public static RunOutcome Run(RunSpec spec, ICarbonKernel kernel, int? tileSize = null, Action<string>? progress = null)
    {
        RunSpecCheck.Validate(spec);
        if (tileSize is { } size) spec = spec with { TileSize = size };
        var tiles = Tiling.Partition(spec.Cells, spec.GridCols, spec.TileSize);
        var combos = Tiling.DistinctCombos(spec, Enumerable.Range(0, spec.Cells.Count));
        var shared = new Dictionary<string, SpinupEquilibrium>(StringComparer.Ordinal); // equilibria shared by a combination's cohorts
        Task<SpinupEquilibrium> EquilibriumOf(SpinupRequest r)
        {
            string key = SpinupKey.Of(r);
            if (!shared.TryGetValue(key, out var e)) shared[key] = e = SpinupRequests.Compute(kernel, r, _ => throw new InvalidOperationException("an equilibrium request has no history")).GetAwaiter().GetResult();
            return Task.FromResult(e);
        }
        var equilibria = combos.Select(c => SpinupRequests.Compute(kernel, SpinupRequests.For(spec, c), EquilibriumOf).GetAwaiter().GetResult()).ToArray();
        progress?.Invoke($"{combos.Length} spin-ups done");
        var stateOf = combos.Select((c, k) => (c, k)).ToDictionary(p => p.c, p => equilibria[p.k].State);
        var classGrid = spec.LandUse is null ? null : TileSetups.ClassGrid(spec);
        var setups = tiles.Select(cells => TileSetups.For(spec, cells, stateOf, classGrid)).ToArray();
        var tileYears = setups.Select(s => new TileYear(s, kernel)).ToArray();

        var region = new RegionCycle(spec);
        int cities = spec.CityIds.Length;
        var cityYears = Enumerable.Range(0, cities).Select(_ => new List<YearTotals>()).ToArray();
        var regionYears = new List<YearTotals>();
        var books = new SortedDictionary<int, Accounting.CompensationYear>();
        var snapshots = new List<CellSnapshot>();
        for (int year = spec.FirstYear; year <= spec.LastYear; year++)
        {
            double co2 = spec.Co2ByYear[year - spec.FirstYear], ndep = spec.NDepositionByYear[year - spec.FirstYear];
            TileYearResult[] results;
            if (spec.LandUse is null)
                results = tileYears.Select((t, i) => t.Step(i, year, co2, ndep)).ToArray();
            else
            {
                var (shrinking, growing, demand) = region.Masks(year);
                var offers = tileYears.Select((t, i) => t.RunKernelAndOffer(i, year, co2, ndep, shrinking, growing)).ToArray();
                var (counts, candidates) = region.Gather(year, offers);
                var allocations = candidates.Select((list, c) => CityTotals.Allocate(c, year, region.CountsOf(counts, c), list, demand[c])).ToArray();
                region.Record(year, allocations);
                results = tileYears.Select((t, i) => t.Close(i, year, region.WinnersFor(setups[i].LandUse!, year))).ToArray();
            }
            var totals = region.PartialsByCity(results).Select((partials, c) => CityTotals.Close(c, year, partials)).ToArray();
            for (int c = 0; c < cities; c++) cityYears[c].Add(totals[c]);
            regionYears.Add(RegionTotals.Close(year, totals));
            RegionTotals.Books(books, year, totals, spec.Compensation, spec.FirstYear, spec.CityNames);
            if (spec.CellOutputYears.Contains(year))
            {
                var (values, classes) = region.Scatter(tiles, results);
                snapshots.Add(new CellSnapshot { Year = year, Values = values, Classes = classes });
            }
            progress?.Invoke($"year {year} done");
        }
        var area = RegionCycle.CityAreas(spec);
        return new RunOutcome
        {
            RunId = "in-process",
            Cities = spec.CityIds.Select((id, c) => new CitySeries { CityIndex = c, CityId = id, AreaM2 = area[c], Years = [.. cityYears[c]] }).ToArray(),
            Region = [.. regionYears], CellSnapshots = [.. snapshots], Allocations = region.Allocations, Books = [.. books.Values],
            History = HistorySeries.Of(spec, combos, equilibria),
            SpinupCount = combos.Length, Spinups = equilibria.Select((e, k) => SpinupSummary.Of(SpinupKey.Of(SpinupRequests.For(spec, combos[k])), combos[k], e)).ToArray(), TileCount = tiles.Length,
        };
    }
}
