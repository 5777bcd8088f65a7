using CarbonSim.Contracts;
using CarbonSim.Grains.Coordination;
using CarbonSim.Grains.Engine;
using CarbonSim.Grains.Hosting;
using CarbonSim.Grains.Persistence;
using Microsoft.Extensions.Logging;

namespace CarbonSim.Grains;

/// <summary>
/// Coordinates one run; see <see cref="ISimulationGrain"/>. The run loop runs on the grain's own scheduler
/// after <see cref="Start"/> returns; its years are <see cref="RunYears"/> (spin-ups, tile set-up, then per
/// year tiles → cities → region), the arithmetic between the calls is Model.Engine's.
/// </summary>
/// <remarks>
/// Durable (issue #4): the spec, the progress (last complete year) and the final outcome are kept in
/// grain storage (Redis on a cluster). A new activation of an unfinished run (after its silo died, on
/// the next status query or watchdog ping) re-drives the loop from the first year: spin-ups come from
/// their grains' storage, tiles that survived answer completed years from memory, tiles that were lost
/// reload their last checkpoint and recompute the years after it, and cities and the region re-record
/// each year (idempotent). A failed tile call is recovered by <see cref="TileCalls"/>; every step is
/// deterministic, so the result is bit-identical to an undisturbed run. Before it records the run as done it
/// checks that every city and the region hold every year (<see cref="OutcomeCheck"/>), records missing years
/// again, or fails the run: a run is never done with incomplete results.
/// </remarks>
[CoordinatorPlacement]
public sealed class SimulationGrain(
    ILogger<SimulationGrain> logger,
    Microsoft.Extensions.Options.IOptions<StorageOutageOptions> outage,
    [PersistentState("spec", StorageNames.Engine)] IPersistentState<RunSpecRecord> storedSpec,
    [PersistentState("progress", StorageNames.Engine)] IPersistentState<RunProgressRecord> storedProgress,
    [PersistentState("outcome", StorageNames.Engine)] IPersistentState<RunOutcomeRecord> storedOutcome)
    : Grain, ISimulationGrain
{
    RunSpec? _spec;
    RunProgress _progress = new();
    int[][] _tiles = [];
    RunYears? _years;
    Task? _loop;
    readonly SemaphoreSlim _saving = new(1, 1);

    string RunId => this.GetPrimaryKeyString();

    /// <summary>Key prefix of the current attempt's tiles, cities and region.</summary>
    string AttemptKey => GrainKeys.Attempt(RunId, _progress.Attempt);

    /// <summary>How long storage may be unreachable before the run fails (<see cref="StorageOutageOptions"/>).</summary>
    TimeSpan OutageWindow => TimeSpan.FromSeconds(outage.Value.WindowSeconds);

    Retrier Retrier => new(logger, RunId, OutageWindow);

    /// <summary>UTC now, for progress timestamps only (status and ETA); never enters a result.</summary>
    static DateTime Now => TimeProvider.System.GetUtcNow().UtcDateTime;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (storedProgress.RecordExists && storedProgress.State.Progress is { } saved && storedSpec.State.Spec is { } spec)
        {
            _progress = saved;
            _spec = spec;
            _tiles = Tiling.Partition(spec.Cells, spec.GridCols, spec.TileSize);
            if (!saved.IsFinished)
            {
                logger.LogWarning("run {RunId} resumes after its coordinator was lost (last complete year {Year})", RunId, saved.LastCompletedYear);
                _progress = saved with { Resumes = saved.Resumes + 1, UpdatedUtc = Now };
                _loop = RunLoop(spec);
            }
        }
        else if (storedProgress.RecordExists && storedProgress.State.Progress is { } only)
            _progress = only;
        return Task.CompletedTask;
    }

    public async Task Start(RunSpec spec)
    {
        int attempt = 1;
        if (_progress.Phase is RunPhase.Failed or RunPhase.Cancelled && _loop is not { IsCompleted: false })
        {
            // The id is submitted again after the run failed or was cancelled: a new attempt, with grains of its own.
            attempt = _progress.Attempt + 1;
            logger.LogWarning("run {RunId} is submitted again after it {Phase}: attempt {Attempt}", RunId, _progress.Phase, attempt);
            storedProgress.State.CancelRequested = false;
            await StorageWrites.Write(storedOutcome, s => s.Outcome = null, OutageWindow, logger, $"run {RunId} outcome");
            _years = null;
        }
        else if (_spec is not null || _progress.IsFinished) return;   // running or done: a repeated Start is a no-op
        RunSpecCheck.Validate(spec);
        _spec = spec;
        _tiles = Tiling.Partition(spec.Cells, spec.GridCols, spec.TileSize);
        _progress = new RunProgress
        {
            Phase = RunPhase.Spinup, FirstYear = spec.FirstYear, LastYear = spec.LastYear, LastCompletedYear = spec.FirstYear - 1,
            TileCount = _tiles.Length, CellCount = spec.Cells.Count, SubmittedUtc = Now, UpdatedUtc = Now, Attempt = attempt,
        };
        await StorageWrites.Write(storedSpec, s => s.Spec = spec, OutageWindow, logger, $"run {RunId} spec");
        await SaveProgress();
        _loop = RunLoop(spec);
    }

    public Task<RunProgress> GetProgress() => Task.FromResult(_progress);

    public async Task<RunProgress> Resume()
    {
        // A loop that has failed may still be recording its failure (waiting for storage): let it finish first.
        if (_progress.Phase is RunPhase.Failed or RunPhase.Cancelled && _loop is { IsCompleted: false } ending) await ending;
        if (_spec is not { } spec || _progress.Phase == RunPhase.Done || _loop is { IsCompleted: false }) return _progress;
        logger.LogWarning("run {RunId} is resumed after it {Phase} (last complete year {Year}): {Error}", RunId, _progress.Phase, _progress.LastCompletedYear, _progress.Error);
        _progress = _progress with { Phase = RunPhase.Spinup, Error = null, Resumes = _progress.Resumes + 1, UpdatedUtc = Now };
        storedProgress.State.CancelRequested = false;
        await SaveProgress();
        _loop = RunLoop(spec);
        return _progress;
    }

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
        var area = RegionCycle.CityAreas(spec);
        var retrier = Retrier;
        var cities = await Task.WhenAll(spec.CityIds.Select((id, c) => retrier.Retry($"city {c} series", () =>
            GrainFactory.GetGrain<ICityGrain>(GrainKeys.City(AttemptKey, c)).GetSeries(id, area[c]))));
        var region = await retrier.Retry("region series", () => GrainFactory.GetGrain<IRegionGrain>(AttemptKey).GetSeries());
        var books = spec.Compensation is null ? [] : await retrier.Retry("region books", () => GrainFactory.GetGrain<IRegionGrain>(AttemptKey).GetBooks());
        return new RunOutcome
        {
            RunId = RunId, Cities = cities, Region = region, Books = books,
            CellSnapshots = _years?.Snapshots ?? [], Allocations = _years?.Allocations ?? [], History = _years?.History ?? HistorySeries.None,
            SpinupCount = _progress.SpinupsTotal, Spinups = _years?.Spinups ?? [], TileCount = _tiles.Length,
        };
    }

    /// <summary>
    /// The run's outcome once every city and the region hold every year (<see cref="OutcomeCheck"/>). Years a city
    /// or the region lacks (its silo was lost before a write reached storage) are recorded again from the tiles'
    /// stored results (idempotent, so the values are the same); if that does not complete them, the run fails
    /// with what is missing.
    /// </summary>
    async Task<RunOutcome> CompleteOutcome(RunSpec spec, RunYears years)
    {
        var outcome = await CollectOutcome(spec);
        for (int pass = 1; ; pass++)
        {
            var problems = OutcomeCheck.Problems(spec, outcome);
            if (problems.Count == 0) return outcome;
            var missing = OutcomeCheck.MissingSeriesYears(spec, outcome);
            if (pass > 2 || missing.Length == 0)
                throw new InvalidOperationException($"results incomplete, the run is not done: {string.Join("; ", problems)}");
            logger.LogWarning("run {RunId}: results incomplete ({Problems}); recording {Count} years again", RunId, string.Join("; ", problems), missing.Length);
            foreach (int year in missing) await years.RecordAgain(year);
            outcome = await CollectOutcome(spec);
        }
    }

    async Task RunLoop(RunSpec spec)
    {
        try
        {
            await Task.Yield();
            var years = _years = new RunYears(GrainFactory, AttemptKey, spec, _tiles, Retrier);
            _progress = _progress with { SpinupsTotal = years.Combos.Length, SpinupsDone = 0 };
            await years.SpinUp(() => _progress = _progress with { SpinupsDone = _progress.SpinupsDone + 1 });
            if (await CancelledAt()) return;
            await years.InitializeTiles();

            _progress = _progress with { Phase = RunPhase.Transient, YearsStartedUtc = _progress.YearsStartedUtc ?? Now, UpdatedUtc = Now };
            await SaveProgress();
            for (int year = spec.FirstYear; year <= spec.LastYear; year++)
            {
                if (await CancelledAt()) return;
                await years.Run(year);
                if (year > _progress.LastCompletedYear)
                {
                    _progress = _progress with { LastCompletedYear = year, UpdatedUtc = Now };
                    await SaveProgress();
                }
            }
            var outcome = await CompleteOutcome(spec, years);
            await StorageWrites.Write(storedOutcome, s => s.Outcome = outcome, OutageWindow, logger, $"run {RunId} outcome");
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

    /// <summary>
    /// Writes the progress record, through a storage outage of up to <see cref="OutageWindow"/> (<see cref="StorageWrites"/>);
    /// serialized so the loop and <see cref="Cancel"/> never write at once.
    /// </summary>
    async Task SaveProgress()
    {
        await _saving.WaitAsync();
        try
        {
            var progress = _progress;
            bool cancel = storedProgress.State.CancelRequested;
            await StorageWrites.Write(storedProgress, s => { s.Progress = progress; s.CancelRequested = cancel; }, OutageWindow, logger, $"run {RunId} progress");
        }
        finally { _saving.Release(); }
    }
}
