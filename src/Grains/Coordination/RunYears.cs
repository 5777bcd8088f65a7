using CarbonSim.Contracts;

namespace CarbonSim.Grains.Coordination;

/// <summary>
/// The years of one run as the simulation grain drives them: spin-ups (all at once), tile set-up (all at once),
/// then per year the tiles (all at once; the year is the barrier) → cities → region. What happens between the
/// calls is <see cref="RegionCycle"/> (Model.Engine); this class only makes the calls, through <see cref="TileCalls"/>
/// and <see cref="Retrier"/>. Built afresh each time the grain (re-)drives the run from the first year.
/// </summary>
public sealed class RunYears(IGrainFactory grains, string runId, RunSpec spec, int[][] tiles, Retrier retrier)
{
    readonly RegionCycle _region = new(spec);
    readonly List<CellSnapshot> _snapshots = [];
    TileCalls? _calls;

    /// <summary>The run's distinct spin-up combinations, sorted.</summary>
    public SpinupCombo[] Combos { get; } = Tiling.DistinctCombos(spec, Enumerable.Range(0, spec.Cells.Count));

    /// <summary>How each spin-up ended, in <see cref="Combos"/> order (after <see cref="SpinUp"/>).</summary>
    public SpinupSummary[] Spinups { get; private set; } = [];

    public CellSnapshot[] Snapshots => [.. _snapshots];

    public AllocationYear[] Allocations => _region.Allocations;

    Dictionary<SpinupCombo, double[]> _equilibria = [];

    /// <summary>The history years summed over the run's columns (after <see cref="SpinUp"/>); empty without a history.</summary>
    public HistorySeries History { get; private set; } = HistorySeries.None;

    /// <summary>
    /// Every spin-up from its grain (computed there once per content key); <paramref name="done"/> after each. With a
    /// history, the combinations' equilibria (shared by their cohorts) are asked for first, so that the history grains,
    /// which take them from those grains, find them computed instead of all waiting on one grain at once.
    /// </summary>
    public async Task SpinUp(Action done)
    {
        if (spec.HistoryStartYear != 0)
            await Task.WhenAll(Combos.Select(c => SpinupRequests.For(spec, c).Equilibrium()).DistinctBy(SpinupKey.Of).Select(request =>
            {
                string key = SpinupKey.Of(request);
                return retrier.Retry($"spin-up {key[..8]}", () => grains.GetGrain<ISpinupGrain>(key).GetEquilibrium(request));
            }));
        var results = await Task.WhenAll(Combos.Select(async combo =>
        {
            var request = SpinupRequests.For(spec, combo);
            string key = SpinupKey.Of(request);
            var result = await retrier.Retry($"spin-up {key[..8]}", () => grains.GetGrain<ISpinupGrain>(key).GetEquilibrium(request));
            done();
            return result;
        }));
        Spinups = results.Select((e, k) => SpinupSummary.Of(SpinupKey.Of(SpinupRequests.For(spec, Combos[k])), Combos[k], e)).ToArray();
        History = HistorySeries.Of(spec, Combos, results);
        _equilibria = Combos.Select((c, k) => (c, k)).ToDictionary(p => p.c, p => results[p.k].State);
    }

    /// <summary>Sets up every tile with its own cells and the equilibria they use.</summary>
    public Task InitializeTiles()
    {
        var classGrid = spec.LandUse is null ? null : TileSetups.ClassGrid(spec);
        var setups = tiles.Select(cells => TileSetups.For(spec, cells, _equilibria, classGrid)).ToArray();
        var refs = tiles.Select((_, t) => grains.GetGrain<ITileGrain>(GrainKeys.Tile(runId, t))).ToArray();
        _calls = new TileCalls(spec, refs, setups, _region, retrier);
        return _calls.Initialize();
    }

    /// <summary>One year everywhere: tiles, cities (partials in ascending tile order), region, and the cell snapshot of a raster year.</summary>
    public async Task Run(int year)
    {
        var calls = _calls ?? throw new InvalidOperationException("tiles are not set up");
        var results = spec.LandUse is null
            ? await Task.WhenAll(tiles.Select((_, t) => calls.Step(t, year)))
            : await LandUseYear(calls, year);
        await Record(year, results);
        if (spec.CellOutputYears.Contains(year))
        {
            var (values, classes) = _region.Scatter(tiles, results);
            _snapshots.Add(new CellSnapshot { Year = year, Values = values, Classes = classes });
        }
    }

    /// <summary>
    /// Records a completed year again in the cities and the region (their silo was lost before the year reached
    /// storage): the tiles answer a completed year from their stored results, so the values are the same.
    /// </summary>
    public async Task RecordAgain(int year)
    {
        var calls = _calls ?? throw new InvalidOperationException("tiles are not set up");
        var results = spec.LandUse is null
            ? await Task.WhenAll(tiles.Select((_, t) => calls.Step(t, year)))
            : await Task.WhenAll(tiles.Select((_, t) => calls.Close(t, year)));
        await Record(year, results);
    }

    /// <summary>Cities (partials in ascending tile order), then the region, record the year (idempotent).</summary>
    async Task Record(int year, TileYearResult[] results)
    {
        var partials = _region.PartialsByCity(results);
        var cityYears = await Task.WhenAll(partials.Select((list, c) => retrier.Retry($"city {c} year {year}", () =>
            grains.GetGrain<ICityGrain>(GrainKeys.City(runId, c)).RecordYear(year, list))));
        var context = new RegionYearContext { FirstYear = spec.FirstYear, CityNames = spec.CityNames, Compensation = spec.Compensation };
        await retrier.Retry($"region year {year}", () => grains.GetGrain<IRegionGrain>(runId).RecordYear(year, cityYears, context));
    }

    /// <summary>
    /// A year with land-use change: every tile runs its kernel year and offers candidates; each city allocates from
    /// its tiles' counts and candidates; every tile gets the winners inside its window (its own and its halo's) and closes the year.
    /// </summary>
    async Task<TileYearResult[]> LandUseYear(TileCalls calls, int year)
    {
        var (_, _, demand) = _region.Masks(year);
        var offers = await Task.WhenAll(tiles.Select((_, t) => calls.Offer(t, year)));
        var (counts, candidates) = _region.Gather(year, offers);
        var allocations = await Task.WhenAll(candidates.Select((list, c) => retrier.Retry($"city {c} allocation {year}", () =>
            grains.GetGrain<ICityGrain>(GrainKeys.City(runId, c)).Allocate(year, _region.CountsOf(counts, c), list, demand[c]))));
        _region.Record(year, allocations);
        return await Task.WhenAll(tiles.Select((_, t) => calls.Close(t, year)));
    }
}
