namespace CarbonSim.Model.Tests.Engine;

/// <summary>
/// Tiling invariance of the engine's year without Orleans: the in-process driver with one tile and with many gives
/// bit-identical cities, region, cells, classes and allocations (the grain engine makes the same calls: Grains.Tests
/// and Client.Tests/Run/LandUseEngineTests compare it with this driver).
/// </summary>
public sealed class InProcessRunTests
{
    static readonly BgcKernel Kernel = new();

    internal static void AssertSame(RunOutcome a, RunOutcome b)
    {
        Assert.Equal(a.Cities.Length, b.Cities.Length);
        for (int c = 0; c < a.Cities.Length; c++)
        {
            Assert.Equal(a.Cities[c].AreaM2, b.Cities[c].AreaM2);
            Assert.Equal(a.Cities[c].Years.Select(y => y.Sums), b.Cities[c].Years.Select(y => y.Sums));
        }
        Assert.Equal(a.Region.Select(y => y.Sums), b.Region.Select(y => y.Sums));
        Assert.Equal(a.CellSnapshots.Select(s => s.Values.Select(BitConverter.DoubleToInt64Bits)), b.CellSnapshots.Select(s => s.Values.Select(BitConverter.DoubleToInt64Bits)));
        Assert.Equal(a.CellSnapshots.Select(s => s.Classes), b.CellSnapshots.Select(s => s.Classes));
        Assert.Equal(a.Allocations.Select(y => (y.ConvertedCells, y.ShortfallCells, y.CountsAfter, y.Demand)), b.Allocations.Select(y => (y.ConvertedCells, y.ShortfallCells, y.CountsAfter, y.Demand)));
    }

    [Fact]
    public void Without_land_use_change_one_tile_and_many_give_the_same_bits()
    {
        var spec = SyntheticRegion.Build(lastYear: 2022);
        var one = InProcessRun.Run(spec, Kernel, tileSize: 32);
        Assert.Equal(1, one.TileCount);
        foreach (int size in new[] { 1, 4 })
            AssertSame(one, InProcessRun.Run(spec, Kernel, tileSize: size));
        // A city total is the exact sum over its cells.
        const int n = CarbonVariables.Count;
        var snap = one.CellSnapshots[^1];
        for (int c = 0; c < spec.CityIds.Length; c++)
        {
            var sum = FixedSum.Zero;
            for (int i = 0; i < spec.Cells.Count; i++)
                if (spec.Cells.City[i] == c) sum += FixedSum.FromKg(snap.Values[i * n + CarbonVariables.TotalC] * spec.Cells.AreaM2[i]);
            Assert.Equal(sum, one.Cities[c].Years[^1].Sums[CarbonVariables.TotalC]);
        }
    }

    [Fact]
    public void With_land_use_change_one_tile_and_many_give_the_same_bits_conversions_and_books()
    {
        var spec = SyntheticRegion.WithLandUse(SyntheticRegion.Build(lastYear: 2023));
        var one = InProcessRun.Run(spec, Kernel, tileSize: 32);
        Assert.True(one.Allocations.Sum(a => a.ConvertedCells.Sum()) >= 12, "the test needs conversions");
        Assert.All(one.Allocations, a => Assert.All(a.ShortfallCells, s => Assert.Equal(0, s)));
        foreach (int size in new[] { 1, 3, 4 })
            AssertSame(one, InProcessRun.Run(spec, Kernel, tileSize: size));
        // Every city's books close and chain: a year starts where the year before ended.
        foreach (var city in one.Cities)
            for (int y = 1; y < city.Years.Length; y++)
                Assert.Equal(LandUseSums.Books(0, city.Years[y - 1].Sums).EndKg, LandUseSums.Books(0, city.Years[y].Sums).StartKg, 1e-6);
    }

    [Fact]
    public void A_demand_that_never_moves_gives_the_run_without_land_use_change()
    {
        var spec = SyntheticRegion.Build(lastYear: 2021);
        var still = SyntheticRegion.WithLandUse(spec, perYear: 0);
        var a = InProcessRun.Run(spec, Kernel, tileSize: 4);
        var b = InProcessRun.Run(still, Kernel, tileSize: 4);
        for (int c = 0; c < a.Cities.Length; c++)
            Assert.Equal(a.Cities[c].Years.Select(y => y.Sums), b.Cities[c].Years.Select(y => y.Sums[..CarbonVariables.Count]));
    }

    [Fact]
    public void Without_land_use_change_every_cell_is_its_columns_run_by_the_kernel_alone()
    {
        var spec = SyntheticRegion.Build(lastYear: 2021);
        var run = InProcessRun.Run(spec, Kernel, tileSize: 4);
        var t = spec.Cells;
        const int n = CarbonVariables.Count;
        for (int i = 0; i < t.Count; i += 5)
        {
            var columns = Enumerable.Range(t.ColumnStart[i], t.ColumnStart[i + 1] - t.ColumnStart[i]).Select(g =>
            {
                var r = SpinupRequests.For(spec, new SpinupCombo(t.ColumnVegetation[g], t.Site[i], t.Climate[i]));
                var model = Kernel.CreateModel(r.Epc, r.Site, r.Met);
                return (Model: model, State: model.SpinUp(r.Co2, r.NDeposition, r.Accelerated, r.MaxYears).State, Cover: t.ColumnFraction[g]);
            }).ToArray();
            for (int y = 0; y < spec.YearCount; y++)
            {
                var cell = new double[n];
                foreach (var (model, state, cover) in columns)
                {
                    var annual = new double[n];
                    model.RunYear(state, 0, y % spec.Climates[t.Climate[i]].YearCount, spec.Co2ByYear[y], spec.NDepositionByYear[y], annual);
                    for (int v = 0; v < n; v++) cell[v] += cover * annual[v];
                }
                Assert.Equal(cell, run.CellSnapshots[y].Values[(i * n)..((i + 1) * n)]);
            }
        }
    }

    [Fact]
    public void A_cover_whose_old_vegetation_is_cleared_is_planted_and_grows()
    {
        // Forest → built-up sends all vegetation to the atmosphere: nothing is carried into the new grass column.
        var spec = SyntheticRegion.WithLandUse(SyntheticRegion.Build(lastYear: 2024));
        spec = spec with { LandUse = spec.LandUse! with { Transitions = [new TransitionCarbon(0, 2, 1.0, 0, 0, 0.2, 0)] } };
        var run = InProcessRun.Run(spec, Kernel, tileSize: 4);
        double seeded = run.Cities.Sum(c => LandUseSums.Books(2020, c.Years[0].Sums).EstablishmentKg);
        Assert.True(seeded > 0, "converted cells are planted");
        const int n = CarbonVariables.Count;
        var converted = Enumerable.Range(0, spec.Cells.Count).Where(i => spec.LandUse.CellClass[i] == 0 && run.CellSnapshots[0].Classes[i] == 2).ToArray();
        Assert.NotEmpty(converted);
        Assert.All(converted, i => Assert.True(run.CellSnapshots[^1].Values[i * n + CarbonVariables.VegetationC] > run.CellSnapshots[0].Values[i * n + CarbonVariables.VegetationC],
            $"cell {i}: the planted cover does not grow"));
    }
}
