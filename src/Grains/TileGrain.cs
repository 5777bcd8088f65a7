using CarbonSim.Contracts;
using CarbonSim.Grains.Engine;
using CarbonSim.Grains.Hosting;
using Orleans.Placement;

namespace CarbonSim.Grains;

/// <summary>A block of cells stepped a year per call; see <see cref="ITileGrain"/>.</summary>
[RandomPlacement]
public sealed class TileGrain(
    ICarbonKernel kernel,
    KernelGate gate,
    [PersistentState("tile", StorageNames.Engine)] IPersistentState<TileCheckpoint> checkpoint)
    : Grain, ITileGrain
{
    TileSetup? _setup;
    TileYear? _tile;

    int TileIndex => int.Parse(this.GetPrimaryKeyString().AsSpan(this.GetPrimaryKeyString().LastIndexOf('/') + 1));

    public Task Initialize(TileSetup setup)
    {
        if (_setup is not null) return Task.CompletedTask;
        var tile = new TileYear(setup, kernel);
        var saved = checkpoint.State;
        if (checkpoint.RecordExists && saved.StateBlob.Length > 0)
            tile.ImportState(TileCheckpoint.Unpack(saved.StateBlob), saved.StateYear,
                saved.LandUseInts.Length > 0 ? TileCheckpoint.UnpackInts(saved.LandUseInts) : null,
                saved.LandUseDoubles.Length > 0 ? TileCheckpoint.Unpack(saved.LandUseDoubles) : null);
        _setup = setup;
        _tile = tile;
        return Task.CompletedTask;
    }

    public async Task<TileYearResult> StepYear(int year, double co2, double nDeposition)
    {
        var tile = _tile ?? throw new NotReadyException($"tile {this.GetPrimaryKeyString()} is not initialized");
        if (checkpoint.State.Results.TryGetValue(year, out var done))
            return done;
        var result = await gate.Run(() => KernelFailureException.Wrap($"tile {TileIndex}, year {year}", () => tile.Step(TileIndex, year, co2, nDeposition)));
        await Completed(tile, year, result);
        return result;
    }

    public async Task<TileLandUseOffer> OfferYear(int year, double co2, double nDeposition, bool[] shrinking, bool[] growing)
    {
        var tile = _tile ?? throw new NotReadyException($"tile {this.GetPrimaryKeyString()} is not initialized");
        if (checkpoint.State.Offers.TryGetValue(year, out var done))
            return done;
        var offer = await gate.Run(() => KernelFailureException.Wrap($"tile {TileIndex}, year {year}", () => tile.RunKernelAndOffer(TileIndex, year, co2, nDeposition, shrinking, growing)));
        checkpoint.State.Offers[year] = offer;
        return offer;
    }

    public async Task<TileYearResult> CloseYear(int year, CellCandidate[] winners)
    {
        var tile = _tile ?? throw new NotReadyException($"tile {this.GetPrimaryKeyString()} is not initialized");
        if (checkpoint.State.Results.TryGetValue(year, out var done))
            return done;
        var result = await gate.Run(() => KernelFailureException.Wrap($"tile {TileIndex}, year {year}", () => tile.Close(TileIndex, year, winners)));
        await Completed(tile, year, result);
        return result;
    }

    /// <summary>Keeps the year's result and writes a checkpoint every <c>CheckpointEveryYears</c> and after the last year (never when it is 0).</summary>
    async Task Completed(TileYear tile, int year, TileYearResult result)
    {
        checkpoint.State.Results[year] = result;
        var spec = _setup!.Spec;
        if (spec.CheckpointEveryYears > 0 && ((year - spec.FirstYear + 1) % spec.CheckpointEveryYears == 0 || year == spec.LastYear))
        {
            checkpoint.State.StateYear = year;
            checkpoint.State.StateBlob = TileCheckpoint.Pack(tile.ExportState());
            var (ints, doubles) = tile.ExportLandUse();
            checkpoint.State.LandUseInts = ints.Length > 0 ? TileCheckpoint.PackInts(ints) : [];
            checkpoint.State.LandUseDoubles = doubles.Length > 0 ? TileCheckpoint.Pack(doubles) : [];
            // A failed write deactivates the tile (Persistence.BooksSchema.Save): the coordinator's retry meets a fresh
            // activation that reloads what storage holds and recomputes from there, so no later checkpoint is skipped.
            await Persistence.BooksSchema.Save(checkpoint, this);
        }
    }

    public Task<int> GetLastCompletedYear() =>
        Task.FromResult(_tile?.LastCompletedYear ?? int.MinValue);
}
