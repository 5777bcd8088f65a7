using CarbonSim.Grains.Contracts;
using CarbonSim.Model.Engine;
using CarbonSim.Grains.Engine;
using CarbonSim.Model.Climate;
using CarbonSim.Model.Parameters;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace CarbonSim.Grains.Tests;

public sealed class EngineUnitTests
{
    [Fact]
    public void A_storage_write_that_timed_out_is_retried_but_a_broken_mass_balance_is_not()
    {
        // What the memory/Redis storage provider throws when its write times out: the timeout wrapped in an OrleansException.
        var storageTimeout = new OrleansException("Error from storage provider MemoryGrainStorage.tile during WriteStateAsync",
            new TimeoutException("Response did not arrive on time"));
        Assert.True(CarbonSim.Grains.Persistence.RecoveryPolicy.IsTransient(storageTimeout));
        Assert.True(CarbonSim.Grains.Persistence.RecoveryPolicy.IsTransient(new AggregateException(storageTimeout)));
        Assert.True(CarbonSim.Grains.Persistence.RecoveryPolicy.IsPermanent(new KernelFailureException("tile 3, year 2030: carbon balance")));
        Assert.True(CarbonSim.Grains.Persistence.RecoveryPolicy.IsPermanent(new OrleansException("bad", new ArgumentException("bad spec"))));
    }

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
    public void Model_types_cross_grain_boundaries_intact()
    {
        using var services = new ServiceCollection()
            .AddSerializer(b => b.AddAssembly(typeof(TileGrain).Assembly))
            .BuildServiceProvider();
        var serializer = services.GetRequiredService<Serializer>();

        // Set every public property of the parameter records to a distinct non-default value.
        var epc = Distinct(new EcophysParameters());
        var site = Distinct(new SiteParameters());
        var spec = SyntheticRegion.Build() with { VegetationTypes = [new VegetationType { Name = "x", Epc = epc }], Sites = [site] };
        var copy = serializer.Deserialize<RunSpec>(serializer.SerializeToArray(spec))!;
        Assert.Equal(epc, copy.VegetationTypes[0].Epc);
        Assert.Equal(site, copy.Sites[0]);
        Assert.Equal(spec.Climates[1].Tmax, copy.Climates[1].Tmax);
        Assert.Equal(spec.Climates[1].DayLength, copy.Climates[1].DayLength);
        Assert.Equal(spec.Climates[1].Years, copy.Climates[1].Years);
        Assert.Equal(spec.Cells.ColumnFraction, copy.Cells.ColumnFraction);
    }

    static T Distinct<T>(T value) where T : class
    {
        int k = 1;
        foreach (var p in typeof(T).GetProperties().Where(p => p.CanWrite))
        {
            object v = p.PropertyType == typeof(double) ? 0.1 + k * 1.37 :
                       p.PropertyType == typeof(int) ? 7 + k :
                       p.PropertyType == typeof(bool) ? (object)true :
                       p.PropertyType == typeof(string) ? $"s{k}" :
                       throw new InvalidOperationException($"add a value for {p.PropertyType} ({p.Name})");
            p.SetValue(value, v);
            k++;
        }
        return value;
    }

    [Fact]
    public void Tile_checkpoint_blob_round_trips_bits()
    {
        var state = new[] { 0.1, -0.0, double.Epsilon, 1e300, Math.PI };
        Assert.Equal(state.Select(BitConverter.DoubleToInt64Bits), TileCheckpoint.Unpack(TileCheckpoint.Pack(state)).Select(BitConverter.DoubleToInt64Bits));
    }
}

public sealed class TileSetupTests
{
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
