namespace CarbonSim.Model.Tests.Engine;

/// <summary>The tile's year without Orleans (<see cref="TileYear"/>) on the synthetic region, with the real kernel.</summary>
public sealed class TileYearTests
{
    static readonly BgcKernel Kernel = new();

    /// <summary>Set-ups of every tile of <paramref name="spec"/>, equilibria from the kernel's spin-ups.</summary>
    internal static TileSetup[] Setups(RunSpec spec)
    {
        var combos = Tiling.DistinctCombos(spec, Enumerable.Range(0, spec.Cells.Count));
        var states = combos.ToDictionary(c => c, c =>
        {
            var r = SpinupRequests.For(spec, c);
            return Kernel.CreateModel(r.Epc, r.Site, r.Met).SpinUp(r.Co2, r.NDeposition, r.Accelerated, r.MaxYears).State;
        });
        var grid = spec.LandUse is null ? null : TileSetups.ClassGrid(spec);
        return Tiling.Partition(spec.Cells, spec.GridCols, spec.TileSize).Select(cells => TileSetups.For(spec, cells, states, grid)).ToArray();
    }

    [Fact]
    public void A_tile_steps_each_year_once_in_order_and_replays_bit_identically()
    {
        var setup = Setups(SyntheticRegion.Build(tileSize: 4, lastYear: 2022))[1];
        var a = new TileYear(setup, Kernel);
        var b = new TileYear(setup, Kernel);
        Assert.Throws<InvalidOperationException>(() => a.Step(1, 2021, 410, 0.002));   // skips 2020
        var first = a.Step(1, 2020, 410, 0.002);
        Assert.Throws<InvalidOperationException>(() => a.Step(1, 2020, 410, 0.002));   // already done
        Assert.Equal(2020, a.LastCompletedYear);
        var again = b.Step(1, 2020, 410, 0.002);
        Assert.Equal(first.CitySums, again.CitySums);
        Assert.Equal(first.CellValues, again.CellValues);

        // A tile restored from another's state continues exactly like it.
        var c = new TileYear(setup, Kernel);
        c.ImportState(a.ExportState(), a.LastCompletedYear);
        Assert.Equal(a.Step(1, 2021, 412.5, 0.002).CitySums, c.Step(1, 2021, 412.5, 0.002).CitySums);
    }

    [Fact]
    public void A_tiles_city_sums_are_the_exact_sums_over_its_cells()
    {
        var spec = SyntheticRegion.Build(tileSize: 8);
        foreach (var setup in Setups(spec))
        {
            var tile = new TileYear(setup, Kernel);
            var r = tile.Step(0, 2020, 410, 0.002);
            const int n = CarbonVariables.Count;
            for (int cp = 0; cp < r.Cities.Length; cp++)
                for (int v = 0; v < n; v++)
                {
                    var sum = FixedSum.Zero;
                    for (int p = 0; p < setup.CellIndices.Length; p++)
                        if (setup.Spec.Cells.City[p] == r.Cities[cp]) sum += FixedSum.FromKg(r.CellValues[p * n + v] * setup.Spec.Cells.AreaM2[p]);
                    Assert.Equal(sum, r.CitySums[cp * n + v]);
                }
        }
    }

    [Fact]
    public void A_land_use_year_is_an_offer_then_a_close_and_converted_cells_keep_their_books()
    {
        var spec = SyntheticRegion.WithLandUse(SyntheticRegion.Build(tileSize: 32, lastYear: 2021));
        var setup = Assert.Single(Setups(spec));
        var tile = new TileYear(setup, Kernel);
        var region = new RegionCycle(spec);
        Assert.Throws<InvalidOperationException>(() => tile.Step(0, 2020, 410, 0.002));
        Assert.Throws<InvalidOperationException>(() => tile.Close(0, 2020, []));           // no kernel year open
        var (s, g, demand) = region.Masks(2020);
        var offer = tile.RunKernelAndOffer(0, 2020, 410, 0.002, s, g);
        Assert.Throws<InvalidOperationException>(() => tile.RunKernelAndOffer(0, 2020, 410, 0.002, s, g)); // year open
        Assert.All(offer.Candidates, c => Assert.True(c.FromClass == 0 && c.ToClass == 2));
        var (counts, candidates) = region.Gather(2020, [offer]);
        var allocations = candidates.Select((l, c) => CityTotals.Allocate(c, 2020, region.CountsOf(counts, c), l, demand[c])).ToArray();
        var winners = region.Record(2020, allocations);
        Assert.Equal(4, winners.Length);
        Assert.Equal(winners.OrderBy(w => w.CellId), winners);
        var result = tile.Close(0, 2020, region.WinnersFor(setup.LandUse!, 2020));

        int k = spec.LandUse!.ClassCount;
        Assert.Equal(LandUseSums.Stride(k), result.CitySums.Length / result.Cities.Length);
        for (int cp = 0; cp < result.Cities.Length; cp++)
        {
            var sums = result.CitySums.AsSpan(cp * LandUseSums.Stride(k), LandUseSums.Stride(k)).ToArray();
            Assert.Equal(2, (int)Math.Round(sums[LandUseSums.Ledger(LandUseSums.Conversions)].ToKg()));
            LandUseSums.Books(2020, sums).Check($"city {cp}");                          // ΔC = uptake − conversion − decay + seedlings
            Assert.True(sums[LandUseSums.Ledger(LandUseSums.WoodProductsKg)].ToKg() > 0);
        }
        foreach (var w in winners)
            Assert.Equal(2, result.CellClasses[Array.IndexOf(setup.CellIndices, Array.FindIndex(Enumerable.Range(0, spec.Cells.Count).ToArray(),
                i => spec.Cells.Row[i] * spec.GridCols + spec.Cells.Col[i] == w.CellId))]);
    }

    [Fact]
    public void Winners_in_a_tiles_halo_update_its_halo_and_a_stale_halo_is_refused()
    {
        var spec = SyntheticRegion.WithLandUse(SyntheticRegion.Build(tileSize: 4, lastYear: 2020));
        var setups = Setups(spec);
        // A tile and a cell just outside its block, inside its halo, that is forest.
        var (t, cellId) = setups.Select((s, t) => (t, s)).SelectMany(p => Enumerable.Range(0, spec.Cells.Count)
                .Where(i => spec.LandUse!.CellClass[i] == 0 && InHalo(p.s.LandUse!, spec.Cells.Col[i], spec.Cells.Row[i]))
                .Select(i => (p.t, spec.Cells.Row[i] * spec.GridCols + spec.Cells.Col[i])))
            .First();
        var region = new RegionCycle(spec);
        var (sh, gr, _) = region.Masks(2020);
        int city = spec.Cells.City[Array.FindIndex(Enumerable.Range(0, spec.Cells.Count).ToArray(), i => spec.Cells.Row[i] * spec.GridCols + spec.Cells.Col[i] == cellId)];

        var tile = new TileYear(setups[t], Kernel);
        tile.RunKernelAndOffer(t, 2020, 410, 0.002, sh, gr);
        tile.Close(t, 2020, [new CellCandidate(cellId, city, 0, 2, 1)]);
        var (ints, _) = tile.ExportLandUse();
        var w = setups[t].LandUse!;
        int x = cellId % spec.GridCols - w.X0 + w.Halo, y = cellId / spec.GridCols - w.Y0 + w.Halo;
        int windowStart = ints.Length - w.WindowClasses.Length;
        Assert.Equal(0, w.WindowClasses[y * (w.Width + 2 * w.Halo) + x]);
        Assert.Equal(2, ints[windowStart + y * (w.Width + 2 * w.Halo) + x]);           // the halo took the neighbour's change

        var stale = new TileYear(setups[t], Kernel);
        stale.RunKernelAndOffer(t, 2020, 410, 0.002, sh, gr);
        Assert.Throws<InvalidOperationException>(() => stale.Close(t, 2020, [new CellCandidate(cellId, city, 1, 2, 1)]));
    }

    static bool InHalo(TileLandUse w, int col, int row)
    {
        int x = col - w.X0, y = row - w.Y0;
        bool own = x >= 0 && y >= 0 && x < w.Width && y < w.Height;
        return !own && x >= -w.Halo && y >= -w.Halo && x < w.Width + w.Halo && y < w.Height + w.Halo;
    }
}
