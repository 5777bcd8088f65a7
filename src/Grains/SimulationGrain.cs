using CarbonSim.Grains.Contracts;
using CarbonSim.Grains.Engine;
using CarbonSim.Grains.Hosting;
using CarbonSim.Grains.Persistence;
using CarbonSim.Model.LandUse;
using Microsoft.Extensions.Logging;

namespace CarbonSim.Grains;

/// <summary>
/// Coordinates one run; see <see cref="ISimulationGrain"/>. The run loop runs on the grain's own
/// scheduler after <see cref="Start"/> returns: spin-ups in parallel, tile set-up in parallel, then
/// per year: all tiles in parallel → cities (partials in ascending tile order) → region → record year.
/// </summary>
/// <remarks>
/// Durable (issue #4): the spec, the progress (last complete year) and the final outcome are kept in
/// grain storage (Redis on a cluster). A new activation of an unfinished run (after its silo died, on
/// the next status query or watchdog ping) re-drives the loop from the first year: spin-ups come from
/// their grains' storage, tiles that survived answer completed years from memory, tiles that were lost
/// reload their last checkpoint and recompute the years after it, and cities and the region re-record
/// each year (idempotent). A tile call that fails (its silo died) is retried after re-initializing the
/// tile and stepping it up to the year asked for; every step is deterministic, so the result is
/// bit-identical to an undisturbed run. Before it records the run as done it checks that every city and the
/// region hold every year (<see cref="OutcomeCheck"/>), records missing years again, or fails the run (issue #9).
/// </remarks>
[CoordinatorPlacement]
public sealed class SimulationGrain(
    ILogger<SimulationGrain> logger,
    [PersistentState("spec", StorageNames.Engine)] IPersistentState<RunSpecRecord> storedSpec,
    [PersistentState("progress", StorageNames.Engine)] IPersistentState<RunProgressRecord> storedProgress,
    [PersistentState("outcome", StorageNames.Engine)] IPersistentState<RunOutcomeRecord> storedOutcome)
    : Grain, ISimulationGrain
{
    RunSpec? _spec;
    RunProgress _progress = new();
    int[][] _tiles = [];
    TileSetup[] _setups = [];
    readonly List<CellSnapshot> _snapshots = [];
    Task? _loop;
    SpinupSummary[] _spinups = [];
    // Land-use change (runs that have it): class counts per city at the start of the next year [city · K + class],
    // and each year's masks, winners and allocation summary (rebuilt when the loop re-drives from the first year).
    int[] _classCounts = [];
    readonly Dictionary<int, (bool[] Shrinking, bool[] Growing)> _masks = [];
    readonly Dictionary<int, CellCandidate[]> _winners = [];
    readonly SortedDictionary<int, AllocationYear> _allocations = [];
    readonly SemaphoreSlim _saving = new(1, 1);

    string RunId => this.GetPrimaryKeyString();

    /// <summary>UTC now, for progress timestamps only (status and ETA); never enters a result.</summary>
    static DateTime Now => TimeProvider.System.GetUtcNow().UtcDateTime;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (storedProgress.RecordExists && storedProgress.State.Progress is { } saved)
        {
            _progress = saved;
            if (storedSpec.State.Spec is { } spec)
            {
                _spec = spec;
                _tiles = Tiling.Partition(spec.Cells, spec.GridCols, spec.TileSize);
                if (!saved.IsFinished)
                {
                    logger.LogWarning("run {RunId} resumes after its coordinator was lost (last complete year {Year})", RunId, saved.LastCompletedYear);
                    _progress = saved with { Resumes = saved.Resumes + 1, UpdatedUtc = Now };
                    _loop = RunLoop(spec);
                }
            }
        }
        return Task.CompletedTask;
    }

    public async Task Start(RunSpec spec)
    {
        if (_spec is not null) return;
        RunSpecCheck.Validate(spec);
        _spec = spec;
        _tiles = Tiling.Partition(spec.Cells, spec.GridCols, spec.TileSize);
        _progress = new RunProgress
        {
            Phase = RunPhase.Spinup,
            FirstYear = spec.FirstYear,
            LastYear = spec.LastYear,
            LastCompletedYear = spec.FirstYear - 1,
            TileCount = _tiles.Length,
            CellCount = spec.Cells.Count,
            SubmittedUtc = Now,
            UpdatedUtc = Now,
        };
        storedSpec.State.Spec = spec;
        await storedSpec.WriteStateAsync();
        await SaveProgress();
        _loop = RunLoop(spec);
    }

    public Task<RunProgress> GetProgress() => Task.FromResult(_progress);

    public Task<RunSpec?> GetSpec() => Task.FromResult(_spec);

    public async Task Cancel()
    {
        if (_progress.IsFinished || _spec is null) return;
        storedProgress.State.CancelRequested = true;
        await SaveProgress();
    }

    public async Task<RunOutcome> GetOutcome()
    {
        if (!_progress.IsFinished || _spec is null)
            throw new NotReadyException($"run {RunId} is {_progress.Phase}, not done yet");
        if (_progress.Phase != RunPhase.Done)
            throw new InvalidOperationException($"run {RunId} is {_progress.Phase}, not done{(_progress.Error is null ? "" : ": " + _progress.Error)}");
        return storedOutcome.State.Outcome ?? await CollectOutcome(_spec);
    }

    async Task<RunOutcome> CollectOutcome(RunSpec spec)
    {
        var area = new double[spec.CityIds.Length];
        for (int i = 0; i < spec.Cells.Count; i++) area[spec.Cells.City[i]] += spec.Cells.AreaM2[i];
        var cities = await Task.WhenAll(spec.CityIds.Select((id, c) => Retry($"city {c} series", () =>
            GrainFactory.GetGrain<ICityGrain>(GrainKeys.City(RunId, c)).GetSeries(id, area[c]))));
        var region = await Retry("region series", () => GrainFactory.GetGrain<IRegionGrain>(RunId).GetSeries());
        var books = spec.Compensation is null ? [] : await Retry("region books", () => GrainFactory.GetGrain<IRegionGrain>(RunId).GetBooks());
        return new RunOutcome
        {
            RunId = RunId,
            Cities = cities,
            Region = region,
            CellSnapshots = [.. _snapshots],
            Allocations = [.. _allocations.Values],
            Books = books,
            SpinupCount = _progress.SpinupsTotal,
            Spinups = _spinups,
            TileCount = _tiles.Length,
        };
    }

    async Task RunLoop(RunSpec spec)
    {
        try
        {
            await Task.Yield();
            var allCells = Enumerable.Range(0, spec.Cells.Count);
            var combos = Tiling.DistinctCombos(spec, allCells);
            _progress = _progress with { SpinupsTotal = combos.Length, SpinupsDone = 0 };
            var equilibria = await Task.WhenAll(combos.Select(SpinUp));
            _spinups = equilibria.Select(e => new SpinupSummary(e.Years, e.Converged)).ToArray();
            var stateOf = new Dictionary<SpinupCombo, double[]>();
            for (int k = 0; k < combos.Length; k++) stateOf[combos[k]] = equilibria[k].State;
            if (await CancelledAt()) return;

            var tiles = _tiles.Select((_, t) => GrainFactory.GetGrain<ITileGrain>(GrainKeys.Tile(RunId, t))).ToArray();
            var classGrid = spec.LandUse is null ? null : TileSetups.ClassGrid(spec);
            _setups = _tiles.Select(cells => TileSetups.For(spec, cells, stateOf, classGrid)).ToArray();
            _snapshots.Clear(); _masks.Clear(); _winners.Clear(); _allocations.Clear();
            if (spec.LandUse is { } plan)
            {
                _classCounts = new int[spec.CityIds.Length * plan.ClassCount];
                for (int i = 0; i < spec.Cells.Count; i++) _classCounts[spec.Cells.City[i] * plan.ClassCount + plan.CellClass[i]]++;
            }
            await Task.WhenAll(tiles.Select((tile, t) => Retry($"tile {t} set-up", async () => { await tile.Initialize(_setups[t]); return 0; })));

            _progress = _progress with { Phase = RunPhase.Transient, YearsStartedUtc = _progress.YearsStartedUtc ?? Now, UpdatedUtc = Now };
            await SaveProgress();
            for (int year = spec.FirstYear; year <= spec.LastYear; year++)
            {
                if (await CancelledAt()) return;
                await RunYear(spec, tiles, year);
                if (year > _progress.LastCompletedYear)
                {
                    _progress = _progress with { LastCompletedYear = year, UpdatedUtc = Now };
                    await SaveProgress();
                }
            }
            var outcome = await CompleteOutcome(spec, tiles);
            storedOutcome.State.Outcome = outcome;
            await storedOutcome.WriteStateAsync();
            _progress = _progress with { Phase = RunPhase.Done, UpdatedUtc = Now };
            await SaveProgress();
        }
        catch (Exception e)
        {
            logger.LogError(e, "run {RunId} failed", RunId);
            var root = e is AggregateException { InnerException: { } inner } ? inner : e;
            _progress = _progress with { Phase = RunPhase.Failed, Error = root.Message, UpdatedUtc = Now };
            try { await SaveProgress(); }
            catch (Exception saveError) { logger.LogError(saveError, "run {RunId}: could not record the failure", RunId); }
        }
    }

    /// <summary>True (and the run marked Cancelled) if a cancel was requested.</summary>
    async Task<bool> CancelledAt()
    {
        if (!storedProgress.State.CancelRequested) return false;
        _progress = _progress with { Phase = RunPhase.Cancelled, Error = "cancelled", UpdatedUtc = Now };
        await SaveProgress();
        return true;
    }

    /// <summary>Writes the progress record; serialized so the loop and <see cref="Cancel"/> never write at once.</summary>
    async Task SaveProgress()
    {
        await _saving.WaitAsync();
        try
        {
            storedProgress.State.Progress = _progress;
            await storedProgress.WriteStateAsync();
        }
        finally { _saving.Release(); }
    }

    async Task<SpinupResult> SpinUp(SpinupCombo combo)
    {
        var request = SpinupRequests.For(_spec!, combo);
        string key = SpinupKey.Of(request);
        var state = await Retry($"spin-up {key[..8]}", () => GrainFactory.GetGrain<ISpinupGrain>(key).GetEquilibrium(request));
        _progress = _progress with { SpinupsDone = _progress.SpinupsDone + 1 };
        return state;
    }

    /// <summary>
    /// The run's outcome once every city and the region hold every year (<see cref="OutcomeCheck"/>). Years some
    /// city or the region lacks (its silo was lost before a write reached storage) are recorded again from the
    /// tiles' stored results (steps are idempotent, so the values are the same); if that does not complete them,
    /// the run fails with what is missing. A run is never recorded as done with incomplete results.
    /// </summary>
    async Task<RunOutcome> CompleteOutcome(RunSpec spec, ITileGrain[] tiles)
    {
        var outcome = await CollectOutcome(spec);
        for (int pass = 1; ; pass++)
        {
            var problems = OutcomeCheck.Problems(spec, outcome);
            if (problems.Count == 0) return outcome;
            var years = OutcomeCheck.MissingSeriesYears(spec, outcome);
            if (pass > 2 || years.Length == 0)
                throw new InvalidOperationException($"results incomplete, the run is not done: {string.Join("; ", problems)}");
            logger.LogWarning("run {RunId}: results incomplete ({Problems}); recording {Count} years again", RunId, string.Join("; ", problems), years.Length);
            foreach (int year in years)
            {
                var results = spec.LandUse is null
                    ? await Task.WhenAll(tiles.Select((tile, t) => StepTile(spec, tile, t, year)))
                    : (await Task.WhenAll(tiles.Select((tile, t) => AdvanceTile(spec, tile, t, year, offerOnly: false)))).Select(c => c.Result!).ToArray();
                await RecordCityYears(spec, results, year);
            }
            outcome = await CollectOutcome(spec);
        }
    }

    async Task RunYear(RunSpec spec, ITileGrain[] tiles, int year)
    {
        var results = spec.LandUse is null
            ? await Task.WhenAll(tiles.Select((tile, t) => StepTile(spec, tile, t, year)))
            : await LandUseYear(spec, spec.LandUse, tiles, year);
        await RecordCityYears(spec, results, year);
        Snapshot(spec, results, year);
    }

    /// <summary>Cities, then the region, record the year from the tiles' results (idempotent: a year recorded again overwrites itself).</summary>
    async Task RecordCityYears(RunSpec spec, TileYearResult[] results, int year)
    {
        // Partials per city in ascending tile order (results are in tile order).
        const int n = CarbonVariables.Count;
        int stride = spec.LandUse is { } lu ? LandUseSums.Stride(lu.ClassCount) : n;
        var partials = new List<FixedSum[]>[spec.CityIds.Length];
        for (int c = 0; c < partials.Length; c++) partials[c] = [];
        foreach (var r in results)
            for (int p = 0; p < r.Cities.Length; p++)
                partials[r.Cities[p]].Add(r.CitySums.AsSpan(p * stride, stride).ToArray());
        var cityYears = await Task.WhenAll(partials.Select((list, c) => Retry($"city {c} year {year}", () =>
            GrainFactory.GetGrain<ICityGrain>(GrainKeys.City(RunId, c)).RecordYear(year, [.. list]))));
        var context = new RegionYearContext { FirstYear = spec.FirstYear, YearCount = spec.YearCount, CityNames = spec.CityNames, Compensation = spec.Compensation };
        await Retry($"region year {year}", () => GrainFactory.GetGrain<IRegionGrain>(RunId).RecordYear(year, cityYears, context));
    }

    void Snapshot(RunSpec spec, TileYearResult[] results, int year)
    {
        const int n = CarbonVariables.Count;
        if (spec.CellOutputYears.Contains(year))
        {
            var values = new double[spec.Cells.Count * n];
            for (int t = 0; t < results.Length; t++)
                for (int p = 0; p < _tiles[t].Length; p++)
                    results[t].CellValues.AsSpan(p * n, n).CopyTo(values.AsSpan(_tiles[t][p] * n, n));
            var classes = spec.LandUse is null ? [] : new int[spec.Cells.Count];
            if (spec.LandUse is not null)
                for (int t = 0; t < results.Length; t++)
                    for (int p = 0; p < _tiles[t].Length; p++) classes[_tiles[t][p]] = results[t].CellClasses[p];
            _snapshots.Add(new CellSnapshot { Year = year, Values = values, Classes = classes });
        }
    }

    /// <summary>
    /// A year with land-use change: every tile runs its kernel year and offers candidates; each city allocates
    /// from its tiles' counts (summed in tile order) and candidates; every tile gets the winners inside its
    /// window (its own and its halo's: the halo exchange) and closes the year.
    /// </summary>
    async Task<TileYearResult[]> LandUseYear(RunSpec spec, LandUsePlan plan, ITileGrain[] tiles, int year)
    {
        int k = plan.ClassCount, cities = spec.CityIds.Length, y = year - spec.FirstYear;
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
        _masks[year] = (shrinking, growing);

        var offers = await Task.WhenAll(tiles.Select((tile, t) => AdvanceTile(spec, tile, t, year, offerOnly: true)));
        var counts = new int[cities * k];
        var candidates = new List<CellCandidate>[cities];
        for (int c = 0; c < cities; c++) candidates[c] = [];
        foreach (var offer in offers.Select(o => o.Offer!))
        {
            for (int p = 0; p < offer.Cities.Length; p++)
                for (int j = 0; j < k; j++) counts[offer.Cities[p] * k + j] += offer.Counts[p * k + j];
            foreach (var candidate in offer.Candidates) candidates[candidate.City].Add(candidate);
        }
        if (!counts.AsSpan().SequenceEqual(_classCounts))
            throw new InvalidOperationException($"year {year}: the tiles' class counts differ from the run's (a tile's map is out of date)");

        var allocations = await Task.WhenAll(Enumerable.Range(0, cities).Select(c => Retry($"city {c} allocation {year}", () =>
            GrainFactory.GetGrain<ICityGrain>(GrainKeys.City(RunId, c)).Allocate(year, counts.AsSpan(c * k, k).ToArray(), [.. candidates[c]], demand[c]))));
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
            Demand = demand.SelectMany(d => d).ToArray(),
        };
        var closed = await Task.WhenAll(tiles.Select((tile, t) => AdvanceTile(spec, tile, t, year, offerOnly: false)));
        return closed.Select(c => c.Result!).ToArray();
    }

    /// <summary>The year's winners inside tile t's window (block + halo): the changes it applies to its own cells and takes into its halo.</summary>
    CellCandidate[] WinnersFor(int t, int year)
    {
        var w = _setups[t].LandUse!;
        int cols = _spec!.GridCols;
        return _winners[year].Where(c =>
        {
            int x = c.CellId % cols - w.X0, y = c.CellId / cols - w.Y0;
            return x >= -w.Halo && y >= -w.Halo && x < w.Width + w.Halo && y < w.Height + w.Halo;
        }).ToArray();
    }

    /// <summary>
    /// One half of a land-use year on one tile (the offer, or the close with its winners). If the call fails
    /// (typically: the tile's silo died) the tile is set up again, brought up to the year from its checkpoint
    /// with the masks and winners this run already chose, and asked again.
    /// </summary>
    async Task<(TileLandUseOffer? Offer, TileYearResult? Result)> AdvanceTile(RunSpec spec, ITileGrain tile, int t, int year, bool offerOnly)
    {
        double co2 = spec.Co2ByYear[year - spec.FirstYear], ndep = spec.NDepositionByYear[year - spec.FirstYear];
        var (shrinking, growing) = _masks[year];
        async Task<(TileLandUseOffer?, TileYearResult?)> Once() => offerOnly
            ? (await tile.OfferYear(year, co2, ndep, shrinking, growing), null)
            : (null, await tile.CloseYear(year, WinnersFor(t, year)));
        try { return await Once(); }
        catch (Exception e) when (!RecoveryPolicy.IsPermanent(e))
        {
            logger.LogWarning("run {RunId}: tile {Tile} year {Year} failed ({Error}); recovering the tile", RunId, t, year, e.GetType().Name);
        }
        return await Retry($"tile {t} year {year}", async () =>
        {
            await tile.Initialize(_setups[t]);
            int last = await tile.GetLastCompletedYear();
            for (int y = Math.Max(last + 1, spec.FirstYear); y < year; y++)
            {
                var (s, g) = _masks[y];
                await tile.OfferYear(y, spec.Co2ByYear[y - spec.FirstYear], spec.NDepositionByYear[y - spec.FirstYear], s, g);
                await tile.CloseYear(y, WinnersFor(t, y));
            }
            if (!offerOnly) await tile.OfferYear(year, co2, ndep, shrinking, growing);
            return await Once();
        }, firstPauseIndex: 1);
    }

    /// <summary>
    /// One tile's year. If the call fails (typically: the tile's silo died), the tile is set up again
    /// (a new activation reloads its last checkpoint), stepped through the years between its checkpoint
    /// and <paramref name="year"/>, and asked again; repeated years are answered from its stored results.
    /// </summary>
    async Task<TileYearResult> StepTile(RunSpec spec, ITileGrain tile, int t, int year)
    {
        double Co2(int y) => spec.Co2ByYear[y - spec.FirstYear];
        double NDep(int y) => spec.NDepositionByYear[y - spec.FirstYear];
        try { return await tile.StepYear(year, Co2(year), NDep(year)); }
        catch (Exception e) when (!RecoveryPolicy.IsPermanent(e))
        {
            logger.LogWarning("run {RunId}: tile {Tile} year {Year} failed ({Error}); recovering the tile", RunId, t, year, e.GetType().Name);
        }
        return await Retry($"tile {t} year {year}", async () =>
        {
            await tile.Initialize(_setups[t]);
            int last = await tile.GetLastCompletedYear();
            for (int y = Math.Max(last + 1, spec.FirstYear); y < year; y++) await tile.StepYear(y, Co2(y), NDep(y));
            return await tile.StepYear(year, Co2(year), NDep(year));
        }, firstPauseIndex: 1);
    }

    /// <summary>Calls <paramref name="call"/> until it succeeds, a permanent error occurs, or the recovery budget is spent.</summary>
    async Task<T> Retry<T>(string what, Func<Task<T>> call, int firstPauseIndex = 0)
    {
        var started = TimeProvider.System.GetTimestamp();
        for (int retry = firstPauseIndex; ; retry++)
        {
            if (retry > 0) await Task.Delay(RecoveryPolicy.Pause(retry));
            try { return await call(); }
            catch (Exception e) when (!RecoveryPolicy.IsPermanent(e)
                && TimeProvider.System.GetElapsedTime(started).TotalSeconds < RecoveryPolicy.BudgetSeconds)
            {
                logger.LogWarning("run {RunId}: {What} failed ({Error}: {Message}); retrying", RunId, what, e.GetType().Name, e.Message);
            }
        }
    }
}
