using CarbonSim.Grains.Contracts;
using CarbonSim.Grains.Engine;
using Microsoft.Extensions.Logging;

namespace CarbonSim.Grains;

/// <summary>
/// Coordinates one run; see <see cref="ISimulationGrain"/>. The run loop runs on the grain's own
/// scheduler after <see cref="Start"/> returns: spin-ups in parallel, tile set-up in parallel, then
/// per year: all tiles in parallel → cities (partials in ascending tile order) → region → record year.
/// </summary>
public sealed class SimulationGrain(ILogger<SimulationGrain> logger) : Grain, ISimulationGrain
{
    /// <summary>[-] Attempts per tile call; a repeat is safe because a tile's year step is idempotent.</summary>
    const int TileCallAttempts = 3;

    RunSpec? _spec;
    RunProgress _progress = new();
    int[][] _tiles = [];
    readonly List<CellSnapshot> _snapshots = [];
    Task? _loop;
    SpinupSummary[] _spinups = [];

    string RunId => this.GetPrimaryKeyString();

    public Task Start(RunSpec spec)
    {
        if (_spec is not null) return Task.CompletedTask;
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
        };
        _loop = RunLoop(spec);
        return Task.CompletedTask;
    }

    public Task<RunProgress> GetProgress() => Task.FromResult(_progress);

    public async Task<RunOutcome> GetOutcome()
    {
        if (_progress.Phase != RunPhase.Done || _spec is null)
            throw new InvalidOperationException($"run {RunId} is {_progress.Phase}, not done{(_progress.Error is null ? "" : ": " + _progress.Error)}");
        var spec = _spec;
        var area = new double[spec.CityIds.Length];
        for (int i = 0; i < spec.Cells.Count; i++) area[spec.Cells.City[i]] += spec.Cells.AreaM2[i];
        var cities = await Task.WhenAll(spec.CityIds.Select((id, c) =>
            GrainFactory.GetGrain<ICityGrain>(GrainKeys.City(RunId, c)).GetSeries(id, area[c])));
        var region = await GrainFactory.GetGrain<IRegionGrain>(RunId).GetSeries();
        return new RunOutcome
        {
            RunId = RunId,
            Cities = cities,
            Region = region,
            CellSnapshots = [.. _snapshots],
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
            var combos = Tiling.DistinctCombos(spec.Cells, allCells);
            _progress = _progress with { SpinupsTotal = combos.Length };
            var equilibria = await Task.WhenAll(combos.Select(SpinUp));
            _spinups = equilibria.Select(e => new SpinupSummary(e.Years, e.Converged)).ToArray();
            var stateOf = new Dictionary<SpinupCombo, double[]>();
            for (int k = 0; k < combos.Length; k++) stateOf[combos[k]] = equilibria[k].State;

            var tiles = _tiles.Select((_, t) => GrainFactory.GetGrain<ITileGrain>(GrainKeys.Tile(RunId, t))).ToArray();
            await Task.WhenAll(tiles.Select((tile, t) =>
            {
                var tileCombos = Tiling.DistinctCombos(spec.Cells, _tiles[t]);
                return tile.Initialize(new TileSetup
                {
                    Spec = spec,
                    CellIndices = _tiles[t],
                    Combos = tileCombos,
                    EquilibriumStates = tileCombos.Select(c => stateOf[c]).ToArray(),
                });
            }));

            _progress = _progress with { Phase = RunPhase.Transient };
            for (int year = spec.FirstYear; year <= spec.LastYear; year++)
            {
                await RunYear(spec, tiles, year);
                _progress = _progress with { LastCompletedYear = year };
            }
            _progress = _progress with { Phase = RunPhase.Done };
        }
        catch (Exception e)
        {
            logger.LogError(e, "run {RunId} failed", RunId);
            var root = e is AggregateException { InnerException: { } inner } ? inner : e;
            _progress = _progress with { Phase = RunPhase.Failed, Error = root.Message };
        }
    }

    async Task<SpinupResult> SpinUp(SpinupCombo combo)
    {
        var request = SpinupRequests.For(_spec!, combo);
        var state = await GrainFactory.GetGrain<ISpinupGrain>(SpinupKey.Of(request)).GetEquilibrium(request);
        _progress = _progress with { SpinupsDone = _progress.SpinupsDone + 1 };
        return state;
    }

    async Task RunYear(RunSpec spec, ITileGrain[] tiles, int year)
    {
        int y = year - spec.FirstYear;
        double co2 = spec.Co2ByYear[y], ndep = spec.NDepositionByYear[y];
        var results = await Task.WhenAll(tiles.Select(tile => StepWithRetry(tile, year, co2, ndep)));

        // Partials per city in ascending tile order (results are in tile order).
        const int n = CarbonVariables.Count;
        var partials = new List<FixedSum[]>[spec.CityIds.Length];
        for (int c = 0; c < partials.Length; c++) partials[c] = [];
        foreach (var r in results)
            for (int p = 0; p < r.Cities.Length; p++)
                partials[r.Cities[p]].Add(r.CitySums.AsSpan(p * n, n).ToArray());
        var cityYears = await Task.WhenAll(partials.Select((list, c) =>
            GrainFactory.GetGrain<ICityGrain>(GrainKeys.City(RunId, c)).RecordYear(year, [.. list])));
        await GrainFactory.GetGrain<IRegionGrain>(RunId).RecordYear(year, cityYears);

        if (spec.CellOutputYears.Contains(year))
        {
            var values = new double[spec.Cells.Count * n];
            for (int t = 0; t < results.Length; t++)
                for (int p = 0; p < _tiles[t].Length; p++)
                    results[t].CellValues.AsSpan(p * n, n).CopyTo(values.AsSpan(_tiles[t][p] * n, n));
            _snapshots.Add(new CellSnapshot { Year = year, Values = values });
        }
    }

    static async Task<TileYearResult> StepWithRetry(ITileGrain tile, int year, double co2, double ndep)
    {
        for (int attempt = 1; ; attempt++)
        {
            try { return await tile.StepYear(year, co2, ndep); }
            catch (TimeoutException) when (attempt < TileCallAttempts) { }
            catch (SiloUnavailableException) when (attempt < TileCallAttempts) { }
        }
    }
}
