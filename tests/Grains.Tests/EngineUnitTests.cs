using CarbonSim.Grains.Contracts;
using CarbonSim.Grains.Engine;
using CarbonSim.Model.Climate;
using CarbonSim.Model.Parameters;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace CarbonSim.Grains.Tests;

public sealed class EngineUnitTests
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
