using CarbonSim.Model.Parameters;

namespace CarbonSim.Model.Tests.Engine;

/// <summary>The engine's pure helpers: exact sums, tiling, spin-up keys, tile set-ups (moved here from Grains.Tests with the code).</summary>
public sealed class EngineHelpersTests
{
    [Fact]
    public void Fixed_sums_do_not_depend_on_grouping()
    {
        var values = Enumerable.Range(1, 500).Select(i => Math.Sin(i) * 1e7 / i + 1e-3 * i).ToArray();
        var leftToRight = values.Aggregate(FixedSum.Zero, (s, v) => s + FixedSum.FromKg(v));
        var reversed = values.Reverse().Aggregate(FixedSum.Zero, (s, v) => s + FixedSum.FromKg(v));
        var chunked = values.Chunk(7).Select(ch => ch.Aggregate(FixedSum.Zero, (s, v) => s + FixedSum.FromKg(v)))
            .Aggregate(FixedSum.Zero, (s, v) => s + v);
        Assert.Equal(leftToRight, reversed);
        Assert.Equal(leftToRight, chunked);
        // Plain double sums depend on grouping, which is why the engine does not use them.
        Assert.NotEqual((0.1 + 0.2) + 0.3, 0.1 + (0.2 + 0.3));
        Assert.Equal((FixedSum.FromKg(0.1) + FixedSum.FromKg(0.2)) + FixedSum.FromKg(0.3),
                     FixedSum.FromKg(0.1) + (FixedSum.FromKg(0.2) + FixedSum.FromKg(0.3)));
        Assert.Equal(values.Sum(), leftToRight.ToKg(), 1e-3);
        Assert.Equal(-2.5, (FixedSum.FromKg(-4) + FixedSum.FromKg(1.5)).ToKg());
        Assert.Throws<ArgumentOutOfRangeException>(() => FixedSum.FromKg(double.NaN));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(8)]
    [InlineData(32)]
    public void Tiling_puts_every_cell_in_exactly_one_tile(int tileSize)
    {
        var spec = SyntheticRegion.Build(tileSize);
        var tiles = Tiling.Partition(spec.Cells, spec.GridCols, tileSize);
        var all = tiles.SelectMany(t => t).ToArray();
        Assert.Equal(Enumerable.Range(0, spec.Cells.Count), all.Order());
        foreach (var tile in tiles)
        {
            Assert.Equal(tile.Order(), tile);
            Assert.Single(tile.Select(i => (spec.Cells.Row[i] / tileSize, spec.Cells.Col[i] / tileSize)).Distinct());
        }
        int expected = Enumerable.Range(0, spec.Cells.Count).Select(i => (spec.Cells.Row[i] / tileSize, spec.Cells.Col[i] / tileSize)).Distinct().Count();
        Assert.Equal(expected, tiles.Length);
    }

    [Fact]
    public void Spinup_key_follows_content()
    {
        var spec = SyntheticRegion.Build();
        SpinupRequest Request(EcophysParameters epc, double co2) => new()
        {
            Epc = epc, Site = spec.Sites[0], Met = spec.Climates[0], Co2 = co2, NDeposition = spec.SpinupNDeposition,
        };
        var epc = spec.VegetationTypes[0].Epc;
        string key = SpinupKey.Of(Request(epc, 300));
        Assert.Equal(64, key.Length);
        Assert.Equal(key, SpinupKey.Of(Request(epc with { }, 300)));
        Assert.NotEqual(key, SpinupKey.Of(Request(epc with { LeafCn = epc.LeafCn * (1 + 1e-12) }, 300)));
        Assert.NotEqual(key, SpinupKey.Of(Request(epc, 300.0000001)));
        Assert.NotEqual(key, SpinupKey.Of(Request(epc, 300) with { Met = spec.Climates[1] }));
    }

    [Fact]
    public void A_tile_setup_holds_only_its_cells_and_the_tables_they_use()
    {
        var spec = SyntheticRegion.Build(tileSize: 4);
        var tiles = Tiling.Partition(spec.Cells, spec.GridCols, 4);
        var combos = Tiling.DistinctCombos(spec.Cells, Enumerable.Range(0, spec.Cells.Count));
        var states = combos.Select((c, k) => (c, k)).ToDictionary(p => p.c, p => new double[] { p.k });
        foreach (var cells in tiles)
        {
            var setup = TileSetups.For(spec, cells, states);
            var t = setup.Spec.Cells;
            Assert.Equal(cells.Length, t.Count);
            Assert.Equal(cells, setup.CellIndices);
            Assert.True(setup.Spec.Climates.Length <= spec.Climates.Length);
            for (int p = 0; p < cells.Length; p++)
            {
                int i = cells[p];
                Assert.Equal(spec.Cells.Row[i], t.Row[p]);
                Assert.Equal(spec.Cells.AreaM2[i], t.AreaM2[p]);
                Assert.Same(spec.Climates[spec.Cells.Climate[i]], setup.Spec.Climates[t.Climate[p]]);
                Assert.Same(spec.Sites[spec.Cells.Site[i]], setup.Spec.Sites[t.Site[p]]);
                Assert.Equal(spec.Cells.ColumnStart[i + 1] - spec.Cells.ColumnStart[i], t.ColumnStart[p + 1] - t.ColumnStart[p]);
                for (int k = 0; k < t.ColumnStart[p + 1] - t.ColumnStart[p]; k++)
                {
                    int g = spec.Cells.ColumnStart[i] + k, l = t.ColumnStart[p] + k;
                    Assert.Same(spec.VegetationTypes[spec.Cells.ColumnVegetation[g]], setup.Spec.VegetationTypes[t.ColumnVegetation[l]]);
                    Assert.Equal(spec.Cells.ColumnFraction[g], t.ColumnFraction[l]);
                    // The column's local combination carries the equilibrium of its global combination.
                    var local = new SpinupCombo(t.ColumnVegetation[l], t.Site[p], t.Climate[p]);
                    var global = new SpinupCombo(spec.Cells.ColumnVegetation[g], spec.Cells.Site[i], spec.Cells.Climate[i]);
                    Assert.Same(states[global], setup.EquilibriumStates[Array.IndexOf(setup.Combos, local)]);
                }
            }
        }
    }
}
