using CarbonSim.Model.Engine;
using CarbonSim.Model.Kernel;

namespace CarbonSim.Model.Tests.Engine;

/// <summary>
/// The history transient through the engine: spin-up keys carry the history forcing and the clearing year, the
/// history series is the sum of its columns, and it (and the run after it) is the same for any tiling.
/// </summary>
public sealed class HistorySeriesTests
{
    static readonly BgcKernel Kernel = new();

    [Fact]
    public void The_spin_up_key_changes_with_the_history_forcing_and_the_clearing_year()
    {
        var spec = SyntheticRegion.WithHistory(SyntheticRegion.Build(lastYear: 2021));
        var combo = new SpinupCombo(0, 0, 0, 2016);
        var r = SpinupRequests.For(spec, combo);
        string key = SpinupKey.Of(r);
        Assert.Equal(key, SpinupKey.Of(SpinupRequests.For(spec, combo)));
        Assert.NotEqual(key, SpinupKey.Of(r with { ClearingYear = 2018 }));
        Assert.NotEqual(key, SpinupKey.Of(r with { ClearingYear = 0 }));
        Assert.NotEqual(key, SpinupKey.Of(r with { HistoryCo2 = r.HistoryCo2.Select((v, i) => i == 3 ? v + 1e-9 : v).ToArray() }));
        Assert.NotEqual(key, SpinupKey.Of(r with { HistoryNDeposition = r.HistoryNDeposition.Select((v, i) => i == 0 ? v * 2 : v).ToArray() }));
        Assert.NotEqual(key, SpinupKey.Of(r with { HistoryStartYear = 2015, HistoryCo2 = r.HistoryCo2[1..], HistoryNDeposition = r.HistoryNDeposition[1..] }));
        // The equilibrium part is the request without history, whose key is the one a run without history uses.
        var plain = SyntheticRegion.Build(lastYear: 2021) with { SpinupCo2 = 395.0, SpinupNDeposition = 0.0015 };
        Assert.Equal(SpinupKey.Of(SpinupRequests.For(plain, new SpinupCombo(0, 0, 0))), SpinupKey.Of(r.Equilibrium()));
        Assert.Throws<ArgumentException>(() => SpinupKey.Of(r.Equilibrium() with { ClearingYear = 2016 }));
    }

    [Fact]
    public void History_is_the_sum_of_its_columns_and_the_same_for_any_tiling()
    {
        var spec = SyntheticRegion.WithHistory(SyntheticRegion.Build(lastYear: 2021));
        var one = InProcessRun.Run(spec, Kernel, tileSize: 32);
        Assert.Equal(Enumerable.Range(2014, 6), one.History.Region.Select(y => y.Year));
        foreach (int size in new[] { 1, 4 })
        {
            var other = InProcessRun.Run(spec, Kernel, tileSize: size);
            InProcessRunTests.AssertSame(one, other);
            Assert.Equal(one.History.Region.Select(y => y.Sums), other.History.Region.Select(y => y.Sums));
            Assert.Equal(one.History.Cities.Select(c => c.Years.Select(y => y.Sums)), other.History.Cities.Select(c => c.Years.Select(y => y.Sums)));
        }

        // Each column's end-of-history state is where its series ends; the cities' last history year is the exact sum
        // over cells of cover × that state × area, and the region the sum of the cities.
        var combos = Tiling.DistinctCombos(spec, Enumerable.Range(0, spec.Cells.Count));
        Assert.Contains(combos, c => c.ClearingYear == 2016);
        var results = combos.ToDictionary(c => c, c => SpinupRequests.Compute(Kernel, SpinupRequests.For(spec, c),
            e => Task.FromResult(SpinupRequests.Compute(Kernel, e, _ => throw new InvalidOperationException()).Result)).Result);
        const int n = CarbonVariables.Count;
        foreach (var (combo, e) in results)
            Assert.Equal(CellState.FromArray(e.State).TotalC, e.HistoryAnnual[5 * n + CarbonVariables.TotalC]);
        var t = spec.Cells;
        var expected = new FixedSum[spec.CityIds.Length];
        for (int i = 0; i < t.Count; i++)
        {
            double cell = 0;
            for (int g = t.ColumnStart[i]; g < t.ColumnStart[i + 1]; g++)
                cell += t.ColumnFraction[g] * CellState.FromArray(results[new SpinupCombo(t.ColumnVegetation[g], t.Site[i], t.Climate[i], t.ClearingYearOf(g))].State).TotalC;
            expected[t.City[i]] += FixedSum.FromKg(cell * t.AreaM2[i]);
        }
        for (int c = 0; c < expected.Length; c++) Assert.Equal(expected[c], one.History.Cities[c].Years[^1].Sums[CarbonVariables.TotalC]);
        Assert.Equal(expected[0] + expected[1], one.History.Region[^1].Sums[CarbonVariables.TotalC]);

        // The clearing shows: the cleared columns' vegetation drops in their clearing year, so the history differs from one without clearings.
        var uncleared = InProcessRun.Run(spec with { Cells = spec.Cells with { ColumnClearingYear = [] } }, Kernel, tileSize: 32);
        Assert.True(uncleared.History.Region[2].Sums[CarbonVariables.VegetationC].ToKg() > one.History.Region[2].Sums[CarbonVariables.VegetationC].ToKg());
        Assert.Equal(uncleared.History.Region[1].Sums, one.History.Region[1].Sums);
    }

    [Fact]
    public void A_run_spec_with_clearing_years_but_no_history_is_rejected()
    {
        var spec = SyntheticRegion.WithHistory(SyntheticRegion.Build(lastYear: 2021)) with { HistoryStartYear = 0, HistoryCo2ByYear = [], HistoryNDepositionByYear = [] };
        Assert.Contains("clearing years need a history", Assert.Throws<ArgumentException>(() => RunSpecCheck.Validate(spec)).Message);
    }
}
