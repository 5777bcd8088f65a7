namespace CarbonSim.Model.Tests.Engine;

/// <summary>The region's side of a year (<see cref="RegionCycle"/>) and the city's and region's totals (<see cref="CityTotals"/>, <see cref="RegionTotals"/>).</summary>
public sealed class RegionCycleTests
{
    [Fact]
    public void Masks_follow_counts_and_demand_and_winners_move_the_counts()
    {
        var spec = SyntheticRegion.WithLandUse(SyntheticRegion.Build(lastYear: 2021));
        var region = new RegionCycle(spec);
        var (shrinking, growing, demand) = region.Masks(2020);
        Assert.Equal(new[] { true, false, false, true, false, false }, shrinking);
        Assert.Equal(new[] { false, false, true, false, false, true }, growing);
        Assert.Same(demand, region.Masks(2020).Demand);                                   // computed once per year

        var start = new int[6];
        for (int i = 0; i < spec.Cells.Count; i++) start[spec.Cells.City[i] * 3 + spec.LandUse!.CellClass[i]]++;
        var offer = new TileLandUseOffer { Cities = [0, 1], Counts = start, Candidates = [new(20, 1, 0, 2, 0.5), new(3, 0, 0, 2, 0.9)] };
        var (counts, candidates) = region.Gather(2020, [offer]);
        Assert.Equal(start, counts);
        Assert.Equal(3, Assert.Single(candidates[0]).CellId);
        Assert.Throws<InvalidOperationException>(() => region.Gather(2020, [offer with { Counts = new int[6] }]));

        var winners = region.Record(2020, [
            new CityAllocation { City = 0, Winners = [new(3, 0, 0, 2, 0.9)], ShortfallByClass = [0, 0, 1] },
            new CityAllocation { City = 1, Winners = [new(20, 1, 0, 2, 0.5), new(14, 1, 0, 2, 0.6)], ShortfallByClass = [0, 0, 0] }]);
        Assert.Equal(new[] { 3, 14, 20 }, winners.Select(w => w.CellId));
        var summary = Assert.Single(region.Allocations);
        Assert.Equal(new[] { 1, 2 }, summary.ConvertedCells);
        Assert.Equal(new[] { 1, 0 }, summary.ShortfallCells);
        Assert.Equal(start[0] - 1, summary.CountsAfter[0]);
        Assert.Equal(start[5] + 2, summary.CountsAfter[5]);
        // Cell id = row · 11 + col: a one-cell block at (row 0, col 4) with a halo of 1 sees cells 3 and 14, not 20.
        Assert.Equal(new[] { 3, 14 }, region.WinnersFor(new TileLandUse { X0 = 4, Y0 = 0, Width = 1, Height = 1, Halo = 1 }, 2020).Select(w => w.CellId));
        Assert.Empty(region.WinnersFor(new TileLandUse { X0 = 4, Y0 = 0, Width = 1, Height = 1, Halo = 0 }, 2020));
    }

    [Fact]
    public void City_and_region_totals_are_exact_sums_and_a_broken_ledger_stops_the_run()
    {
        var a = new[] { FixedSum.FromKg(1.5), FixedSum.FromKg(-2) };
        var b = new[] { FixedSum.FromKg(0.25), FixedSum.FromKg(4) };
        var city = CityTotals.Close(0, 2020, [a, b]);
        Assert.Equal(CityTotals.Close(0, 2020, [b, a]).Sums, city.Sums);
        Assert.Equal(new[] { 1.75, 2.0 }, city.TotalsKg());
        Assert.Equal(new[] { 3.5, 4.0 }, RegionTotals.Close(2020, [city, city]).TotalsKg());
        Assert.Throws<ArgumentException>(() => CityTotals.Close(0, 2020, [a, [FixedSum.Zero]]));

        int stride = LandUseSums.Stride(2);
        var books = new FixedSum[stride];
        books[LandUseSums.Ledger(LandUseSums.StartKg)] = FixedSum.FromKg(100);
        books[LandUseSums.Ledger(LandUseSums.EcosystemUptakeKg)] = FixedSum.FromKg(5);
        books[LandUseSums.Ledger(LandUseSums.EndKg)] = FixedSum.FromKg(105);
        CityTotals.Close(0, 2020, [books]);
        books[LandUseSums.Ledger(LandUseSums.EndKg)] = FixedSum.FromKg(104);
        Assert.Throws<MassBalanceException>(() => CityTotals.Close(0, 2020, [books]));
        Assert.Throws<MassBalanceException>(() => RegionTotals.Close(2020, [new YearTotals { Year = 2020, Sums = books }]));
    }
}
