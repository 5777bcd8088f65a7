using CarbonSim.Model.Kernel;
using CarbonSim.Model.Tests.Reference;

namespace CarbonSim.Model.Tests.Kernel;

/// <summary>
/// <see cref="Spinup.RunChecked"/>, the regional engine's spin-up: every key meets the steady-state
/// rule (accelerated with passing recovery blocks, or the standard fallback) or says that it does not.
/// Missoula reference inputs (44-year record, block 88 years).
/// </summary>
public class CheckedSpinupTests(ReferenceFixture fx) : IClassFixture<ReferenceFixture>
{
    static readonly SpinupOptions Options = new(ReferenceData.Co2);

    static double[] Bits(CellState s) => s.ToArray();

    [Fact]
    public void The_standard_method_is_the_standard_rule_unchanged()
    {
        var model = fx.Model("enf");
        var r = Spinup.RunChecked(model, Options, accelerated: false);
        var standard = fx.Spinup("enf");
        Assert.Equal(SpinupMethod.Standard, r.Method);
        Assert.Equal(standard.Years, r.Years);
        Assert.Equal(standard.Steady, r.Converged);
        Assert.Equal(standard.SoilCTrend, r.SoilCTrend);
        Assert.Equal(0, r.AcceleratedYears);
        Assert.Equal(Bits(standard.State), Bits(r.State));
    }

    /// <summary>A key whose accelerated spin-up passes the recovery check keeps that state: no fallback, the recovery blocks' end state.</summary>
    [Fact]
    public void A_converged_accelerated_key_keeps_its_recovered_accelerated_state()
    {
        var model = fx.Model("c3grass");
        var accelerated = Spinup.RunAccelerated(model, Options);
        var recovery = Spinup.Recover(model, Options, accelerated.State, accelerated.Years);
        Assert.True(recovery.Steady, $"recovery trend {recovery.SoilCTrend}");
        int block = Spinup.BlockLength(model.MetYears);
        Assert.True(recovery.Years >= 2 * block && recovery.Years % block == 0, $"{recovery.Years} recovery years");

        var r = Spinup.RunChecked(model, Options, accelerated: true);
        Assert.Equal(SpinupMethod.Accelerated, r.Method);
        Assert.True(r.Converged);
        Assert.Equal(accelerated.Years + recovery.Years, r.Years);
        Assert.Equal(r.Years, r.AcceleratedYears);
        Assert.InRange(Math.Abs(r.SoilCTrend), 0.0, Options.Tolerance);
        Assert.Equal(recovery.SoilCTrend, r.SoilCTrend);
        Assert.Equal(Bits(recovery.State), Bits(r.State));
        // the recovery blocks are plain years from the accelerated state: the first block ends where a plain run of it ends
        var s = accelerated.State.Clone();
        for (int y = 0; y < recovery.Years; y++) model.RunYear(s, new YearForcing(Options.Co2Ppm, model.Site.NDeposition));
        Assert.Equal(Bits(s), Bits(r.State));
    }

    /// <summary>
    /// max_years below what the accelerated spin-up and two recovery blocks need: the accelerated
    /// attempt cannot show steady state, the standard rule runs instead (it too stops at the limit,
    /// after its first triplet), and the result says both.
    /// </summary>
    [Fact]
    public void A_key_that_cannot_converge_accelerated_within_max_years_falls_back_and_says_so()
    {
        var model = fx.Model("enf");
        var tight = Options with { MaxYears = 250 };
        var accelerated = Spinup.RunAccelerated(model, tight);
        Assert.True(accelerated.Years + 2 * Spinup.BlockLength(model.MetYears) > tight.MaxYears);

        var r = Spinup.RunChecked(model, tight, accelerated: true);
        var standard = Spinup.Run(model, tight);
        Assert.Equal(SpinupMethod.AcceleratedThenStandard, r.Method);
        Assert.False(r.Converged);
        Assert.False(standard.Steady);
        Assert.Equal(accelerated.Years, r.AcceleratedYears);          // no recovery block fitted
        Assert.Equal(accelerated.Years + standard.Years, r.Years);
        Assert.Equal(standard.SoilCTrend, r.SoilCTrend);
        Assert.True(Math.Abs(r.SoilCTrend) >= tight.Tolerance, $"drift {r.SoilCTrend}");
        Assert.Equal(Bits(standard.State), Bits(r.State));
    }

    /// <summary>Recovery that does not reach the rule (here: too few blocks allowed to measure a trend) falls back to the full standard spin-up, which converges.</summary>
    [Fact]
    public void A_failed_recovery_falls_back_to_the_standard_spinup_and_converges()
    {
        var model = fx.Model("enf");
        var r = Spinup.RunChecked(model, Options, accelerated: true, new RecoveryOptions(MinBlocks: 2, MaxBlocks: 1));
        var standard = fx.Spinup("enf");
        Assert.Equal(SpinupMethod.AcceleratedThenStandard, r.Method);
        Assert.True(r.Converged);
        Assert.Equal(196 + Spinup.BlockLength(model.MetYears), r.AcceleratedYears);
        Assert.Equal(r.AcceleratedYears + standard.Years, r.Years);
        Assert.Equal(Bits(standard.State), Bits(r.State));
    }

    /// <summary>Recovery stops at max_years: no block is started that would pass it.</summary>
    [Fact]
    public void Recovery_blocks_stay_within_max_years()
    {
        var model = fx.Model("c3grass");
        var accelerated = Spinup.RunAccelerated(model, Options);
        int block = Spinup.BlockLength(model.MetYears);
        var r = Spinup.Recover(model, Options with { MaxYears = accelerated.Years + block + block / 2 }, accelerated.State, accelerated.Years);
        Assert.Equal(block, r.Years);
        Assert.False(r.Steady);
        Assert.True(double.IsNaN(r.SoilCTrend));
    }
}
