using CarbonSim.Contracts;

namespace CarbonSim.Grains.Coordination;

/// <summary>
/// The coordinator's calls to its tiles, with recovery: if a call fails (typically: the tile's silo died) the
/// tile is set up again (a new activation reloads its last checkpoint), brought up to the year asked for
/// (without land-use change by stepping; with it by replaying offers and closes with the masks and winners the
/// run already chose, <see cref="RegionCycle"/>), and asked again. Safe because every tile call is idempotent
/// and deterministic: the result is bit-identical to an undisturbed run.
/// </summary>
public sealed class TileCalls(RunSpec spec, ITileGrain[] tiles, TileSetup[] setups, RegionCycle region, Retrier retrier)
{
    double Co2(int y) => spec.Co2ByYear[y - spec.FirstYear];
    double NDep(int y) => spec.NDepositionByYear[y - spec.FirstYear];

    public Task Initialize() =>
        Task.WhenAll(tiles.Select((tile, t) => retrier.Retry($"tile {t} set-up", async () => { await tile.Initialize(setups[t]); return 0; })));

    /// <summary>One tile's year of a run without land-use change.</summary>
    public async Task<TileYearResult> Step(int t, int year)
    {
        var tile = tiles[t];
        try { return await tile.StepYear(year, Co2(year), NDep(year)); }
        catch (Exception e) when (retrier.Recovering(e, t, year)) { }
        return await retrier.Retry($"tile {t} year {year}", async () =>
        {
            await tile.Initialize(setups[t]);
            int last = await tile.GetLastCompletedYear();
            for (int y = Math.Max(last + 1, spec.FirstYear); y < year; y++) await tile.StepYear(y, Co2(y), NDep(y));
            return await tile.StepYear(year, Co2(year), NDep(year));
        }, firstPauseIndex: 1);
    }

    /// <summary>First half of a land-use year on one tile: its kernel year and offer.</summary>
    public async Task<TileLandUseOffer> Offer(int t, int year) => (await Advance(t, year, offerOnly: true)).Offer!;

    /// <summary>Second half: the tile applies the winners inside its window and closes the year.</summary>
    public async Task<TileYearResult> Close(int t, int year) => (await Advance(t, year, offerOnly: false)).Result!;

    Task<TileLandUseOffer> OfferOnce(int t, int y)
    {
        var (s, g, _) = region.Masks(y);
        return tiles[t].OfferYear(y, Co2(y), NDep(y), s, g);
    }

    Task<TileYearResult> CloseOnce(int t, int y) => tiles[t].CloseYear(y, region.WinnersFor(setups[t].LandUse!, y));

    async Task<(TileLandUseOffer? Offer, TileYearResult? Result)> Advance(int t, int year, bool offerOnly)
    {
        async Task<(TileLandUseOffer?, TileYearResult?)> Once() => offerOnly ? (await OfferOnce(t, year), null) : (null, await CloseOnce(t, year));
        try { return await Once(); }
        catch (Exception e) when (retrier.Recovering(e, t, year)) { }
        return await retrier.Retry($"tile {t} year {year}", async () =>
        {
            await tiles[t].Initialize(setups[t]);
            int last = await tiles[t].GetLastCompletedYear();
            for (int y = Math.Max(last + 1, spec.FirstYear); y < year; y++)
            {
                await OfferOnce(t, y);
                await CloseOnce(t, y);
            }
            if (!offerOnly) await OfferOnce(t, year);
            return await Once();
        }, firstPauseIndex: 1);
    }
}
