namespace CarbonSim.Model.Tests.Engine;

/// <summary>
/// Per-class exact sums (<see cref="LandUseSums"/> class block): every cell adds the same rounded addend to its city and to
/// its class, so a city's classes sum bit for bit to the city, for any tiling, with and without land-use change; each class
/// holds exactly the cells of that class.
/// </summary>
public sealed class ClassSumsTests
{
    static readonly BgcKernel Kernel = new();
    const int N = CarbonVariables.Count;

    /// <summary>The synthetic region with its cells' codes 0, 1, 2 named as classes (the order differs from the codes on purpose).</summary>
    internal static RunSpec WithClasses(RunSpec spec) => spec with { ClassCodes = [2, 0, 1], ClassNames = ["c", "a", "b"] };

    static void AssertClassesSumToCities(RunOutcome run, int k)
    {
        foreach (var year in run.Cities.SelectMany(c => c.Years).Concat(run.Region))
        {
            var s = year.Sums;
            Assert.Equal(LandUseSums.Stride(k), s.Length);
            for (int v = 0; v < N; v++)
            {
                var sum = FixedSum.Zero;
                for (int c = 0; c < k; c++) sum += s[LandUseSums.ClassVariable(k, c, v)];
                Assert.Equal(s[v], sum);
            }
        }
    }

    [Fact]
    public void Without_land_use_change_the_classes_sum_exactly_to_each_city_for_any_tiling_and_hold_their_own_cells()
    {
        var spec = WithClasses(SyntheticRegion.Build(lastYear: 2021));
        var one = InProcessRun.Run(spec, Kernel, tileSize: 32);
        foreach (int size in new[] { 1, 3 })
            InProcessRunTests.AssertSame(one, InProcessRun.Run(spec, Kernel, tileSize: size)); // class block included: same bits
        AssertClassesSumToCities(one, 3);
        var t = spec.Cells;
        for (int y = 0; y < spec.YearCount; y++)
        {
            var snap = one.CellSnapshots[y];
            for (int city = 0; city < spec.CityIds.Length; city++)
                for (int cls = 0; cls < 3; cls++)
                {
                    var area = FixedSum.Zero;
                    var carbon = new FixedSum[N];
                    for (int i = 0; i < t.Count; i++)
                        if (t.City[i] == city && t.LandUse[i] == spec.ClassCodes[cls])
                        {
                            area += FixedSum.FromKg(t.AreaM2[i]);
                            for (int v = 0; v < N; v++) carbon[v] += FixedSum.FromKg(snap.Values[i * N + v] * t.AreaM2[i]);
                        }
                    var sums = one.Cities[city].Years[y].Sums;
                    Assert.True(area.ToKg() > 0, "every class occurs in every city of the synthetic region");
                    Assert.Equal(area, sums[LandUseSums.ClassArea(cls)]);
                    for (int v = 0; v < N; v++) Assert.Equal(carbon[v], sums[LandUseSums.ClassVariable(3, cls, v)]);
                }
        }
        // The ledger of a year without conversions closes (checked in CityTotals.Close) and chains from year to year.
        foreach (var city in one.Cities)
        {
            Assert.True(LandUseSums.Books(0, city.Years[0].Sums).StartKg > 0);
            for (int y = 1; y < city.Years.Length; y++)
                Assert.Equal(LandUseSums.Books(0, city.Years[y - 1].Sums).EndKg, LandUseSums.Books(0, city.Years[y].Sums).StartKg, 1e-6);
        }
    }

    [Fact]
    public void With_land_use_change_a_cell_counts_in_its_class_after_the_allocation_and_the_classes_sum_to_the_city()
    {
        var spec = SyntheticRegion.WithLandUse(SyntheticRegion.Build(lastYear: 2022));
        var one = InProcessRun.Run(spec, Kernel, tileSize: 32);
        InProcessRunTests.AssertSame(one, InProcessRun.Run(spec, Kernel, tileSize: 4));
        int k = spec.LandUse!.ClassCount;
        AssertClassesSumToCities(one, k);
        var t = spec.Cells;
        for (int y = 0; y < spec.YearCount; y++)
        {
            var snap = one.CellSnapshots[y];
            for (int city = 0; city < spec.CityIds.Length; city++)
                for (int cls = 0; cls < k; cls++)
                {
                    var total = FixedSum.Zero;
                    for (int i = 0; i < t.Count; i++)
                        if (t.City[i] == city && snap.Classes[i] == cls) total += FixedSum.FromKg(snap.Values[i * N + CarbonVariables.TotalC] * t.AreaM2[i]);
                    Assert.Equal(total, one.Cities[city].Years[y].Sums[LandUseSums.ClassVariable(k, cls, CarbonVariables.TotalC)]);
                }
        }
    }

    [Fact]
    public void A_spec_without_classes_carries_only_the_carbon_variables_and_an_unknown_code_is_refused()
    {
        var spec = SyntheticRegion.Build(lastYear: 2020);
        var run = InProcessRun.Run(spec, Kernel, tileSize: 32);
        Assert.All(run.Cities, c => Assert.Equal(N, c.Years[0].Sums.Length));
        Assert.Equal(0, LandUseSums.ClassCountOf(N));
        Assert.Equal(3, LandUseSums.ClassCountOf(LandUseSums.Stride(3)));
        var wrong = spec with { ClassCodes = [0, 1], ClassNames = ["a", "b"] }; // code 2 has no class
        var ex = Assert.ThrowsAny<Exception>(() => InProcessRun.Run(wrong, Kernel, tileSize: 32));
        Assert.Contains("land-use code 2", ex.Message);
    }
}
