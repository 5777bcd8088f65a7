using CarbonSim.Model.Io.BiomeBgc;
using CarbonSim.Model.Kernel;
using CarbonSim.Model.Tests.Reference;

namespace CarbonSim.Model.Tests.Kernel;

/// <summary>
/// Accelerated spin-up against BIOME-BGC's rule (issue #2: total C of the following 44-year run
/// within 1 %, at least 10× fewer simulated years). Where a type does not meet both, the test
/// asserts what is achieved and its name says so; docs/model.md explains the gap.
/// </summary>
public class AcceleratedSpinupTests(ReferenceFixture fx) : IClassFixture<ReferenceFixture>
{
    /// <summary>[kgC m-2] Mean end-of-year total C of the 44 years (constant CO2, site N deposition) that follow a spin-up.</summary>
    private static double FollowingMeanTotalC(CellModel model, CellState start)
    {
        var s = start.Clone();
        double t = 0;
        for (int y = 0; y < 44; y++) t += model.RunYear(s, new YearForcing(ReferenceData.Co2, ReferenceData.MissoulaSite.NDeposition)).TotalC;
        return t / 44;
    }

    private (double Ratio, SpinupResult Fast, SpinupResult Standard) Compare(string epc, AcceleratedSpinupOptions? accelerated = null)
    {
        var model = fx.Model(epc);
        var standard = fx.Spinup(epc);
        var fast = Spinup.RunAccelerated(model, new SpinupOptions(ReferenceData.Co2), accelerated);
        return (FollowingMeanTotalC(model, fast.State) / FollowingMeanTotalC(model, standard.State), fast, standard);
    }

    [Theory]
    [InlineData("enf")]
    [InlineData("dbf")]
    public void ForestsReachTheStandardEndpointWithinOnePercentInATenthOfTheYears(string epc)
    {
        var (ratio, fast, standard) = Compare(epc);
        Assert.InRange(ratio, 0.99, 1.01);
        Assert.True(fast.Years * 10 <= standard.Years, $"accelerated {fast.Years} vs standard {standard.Years} years");
        Assert.True(double.IsFinite(fast.SoilCTrend) && double.IsFinite(fast.TotalCTrend));
    }

    /// <summary>Default non-woody settings: the 1 % goal is met, the 10× goal is not (4.5×: 235 vs 1056 years).</summary>
    [Fact]
    public void C3GrassReachesTheStandardEndpointWithinOnePercentButOnlyFourTimesFaster()
    {
        var (ratio, fast, standard) = Compare("c3grass");
        Assert.InRange(ratio, 0.99, 1.01);
        Assert.True(fast.Years * 4 <= standard.Years, $"accelerated {fast.Years} vs standard {standard.Years} years");
        Assert.True(fast.Steady);
        Assert.InRange(Math.Abs(fast.SoilCTrend), 0.0, new SpinupOptions().Tolerance);
    }

    /// <summary>
    /// The search squeezed into a tenth of the years (half-record cycles, windowed N balance): both
    /// goals met on the reference case (+0.32 % measured). Not a wide margin: 11–17 establishing
    /// years instead of 15 give +0.3 … +1.7 % (docs/model.md), so the bound here is the goal itself.
    /// </summary>
    [Fact]
    public void C3GrassWithTheShortSettingsMeetsBothGoalsOnTheReferenceCase()
    {
        var (ratio, fast, standard) = Compare("c3grass", AcceleratedSpinupOptions.NonWoodyShort);
        Assert.True(fast.Years * 10 <= standard.Years, $"accelerated {fast.Years} vs standard {standard.Years} years");
        Assert.InRange(ratio, 0.99, 1.01);
    }

    /// <summary>Without the windowed N balance, half-record cycles carry the weather bias of each half: within 3 %, not 1 % (+2.1 % measured).</summary>
    [Fact]
    public void C3GrassShortWithoutTheWindowedBalanceIsOnlyWithinThreePercent()
    {
        var (ratio, fast, standard) = Compare("c3grass", AcceleratedSpinupOptions.NonWoodyShort with { WindowedBalance = false });
        Assert.True(fast.Years * 10 <= standard.Years);
        Assert.InRange(ratio, 0.97, 1.03);
        Assert.False(ratio is > 0.99 and < 1.01, $"ratio {ratio}: the unwindowed short search now meets 1 %; update docs/model.md");
    }

    /// <summary>Aiming at a closed N budget instead of the standard rule's stopping trend lands far below the standard endpoint for grass.</summary>
    [Fact]
    public void C3GrassNBalanceEquilibriumLiesWellBelowTheStandardEndpoint()
    {
        var closedBudget = AcceleratedSpinupOptions.NonWoody with { TrendMatch = false };
        var (ratio, _, _) = Compare("c3grass", closedBudget);
        Assert.InRange(ratio, 0.85, 0.95);
    }

    [Fact]
    public void DefaultSettingsFollowTheVegetationType()
    {
        Assert.Same(AcceleratedSpinupOptions.Woody, AcceleratedSpinupOptions.For(fx.Model("enf")));
        Assert.Same(AcceleratedSpinupOptions.NonWoody, AcceleratedSpinupOptions.For(fx.Model("c3grass")));
    }

    [Fact]
    public void HalfBlockTrendIsTheStandardBlockStatisticOnTwoHalves()
    {
        // a linear drift of 0.002 kgC m-2 a-1 on top of a constant is recovered exactly
        var series = Enumerable.Range(0, 44).Select(i => 3.0 + 0.002 * i).ToArray();
        Assert.Equal(0.002, Spinup.HalfBlockTrend(series), 12);
        // odd length: the middle year is left out, both halves have 2 years
        Assert.Equal((4.0 + 5.0 - 1.0 - 2.0) / 2 / 2, Spinup.HalfBlockTrend([1.0, 2.0, 9.0, 4.0, 5.0]), 12);
        Assert.True(double.IsNaN(Spinup.HalfBlockTrend([1.0])));
    }

    /// <summary>The other shipped vegetation files spin up (accelerated) without error, in fewer years than the standard rule, and the following run closes its balances.</summary>
    [Theory]
    [InlineData("dnf")]
    [InlineData("ebf")]
    [InlineData("shrub")]
    [InlineData("c4grass")]
    [InlineData("enf_fire4x")]
    public void OtherShippedTypesSpinUpAcceleratedWithoutError(string epc)
    {
        var (ratio, fast, standard) = Compare(epc);
        Assert.True(fast.Years < standard.Years, $"accelerated {fast.Years} vs standard {standard.Years} years");
        Assert.True(double.IsFinite(ratio) && ratio > 0);
        Assert.InRange(ratio, 0.9, 1.1); // measured: within ±6 % (docs/model.md)
        Assert.True(double.IsFinite(fast.SoilCTrend) && double.IsFinite(fast.TotalCTrend));
    }
}
