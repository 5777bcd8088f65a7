using CarbonSim.Model.Engine;

namespace CarbonSim.Model.Tests.Engine;

/// <summary>
/// The sink attribution: the members differ from the full spec only in the held factor, a hold that changes nothing
/// gives the full run's bits, the residual arithmetic, and a small in-process attribution whose identity
/// full = Σ contributions + all held + residual holds exactly.
/// </summary>
public sealed class AttributionTests
{
    static readonly BgcKernel Kernel = new();

    /// <summary>Every factor varied: CO2 and N deposition above the spin-up's, stands regrowing, land-use change.</summary>
    static RunSpec Full(int lastYear = 2024) => SyntheticRegion.WithLandUse(SyntheticRegion.Build(lastYear: lastYear)) with { SpinupStandAgeYears = 20 };

    [Fact]
    public void Each_member_differs_from_the_full_spec_only_in_its_held_factor()
    {
        var full = Full();
        var members = Attribution.Members(full);
        Assert.Equal(["co2", "ndep", "stand_age", "land_use", Attribution.AllHeld], members.Select(m => m.Name));
        var byName = members.ToDictionary(m => m.Name, m => m.Spec);

        var co2 = byName["co2"];
        Assert.All(co2.Co2ByYear, c => Assert.Equal(full.SpinupCo2, c));
        Assert.Equal(full.YearCount, co2.Co2ByYear.Length);
        Assert.Equal(full, co2 with { Co2ByYear = full.Co2ByYear }); // record equality: every other field the same reference or value

        var ndep = byName["ndep"];
        Assert.All(ndep.NDepositionByYear, n => Assert.Equal(full.SpinupNDeposition, n));
        Assert.Equal(full, ndep with { NDepositionByYear = full.NDepositionByYear });

        Assert.Equal(0, byName["stand_age"].SpinupStandAgeYears);
        Assert.Equal(full, byName["stand_age"] with { SpinupStandAgeYears = full.SpinupStandAgeYears });

        Assert.Null(byName["land_use"].LandUse);
        Assert.Equal(full, byName["land_use"] with { LandUse = full.LandUse });

        var all = byName[Attribution.AllHeld];
        Assert.Equal(["co2", "ndep", "stand_age", "land_use"], members[^1].Held);
        Assert.All(all.Co2ByYear, c => Assert.Equal(full.SpinupCo2, c));
        Assert.All(all.NDepositionByYear, n => Assert.Equal(full.SpinupNDeposition, n));
        Assert.Equal(0, all.SpinupStandAgeYears);
        Assert.Null(all.LandUse);
        Assert.Equal(full, all with { Co2ByYear = full.Co2ByYear, NDepositionByYear = full.NDepositionByYear, SpinupStandAgeYears = full.SpinupStandAgeYears, LandUse = full.LandUse });
        foreach (var m in members) Assert.NotEqual(full, m.Spec);
    }

    [Fact]
    public void A_factor_the_run_does_not_vary_gets_no_member_and_climate_is_never_varied()
    {
        // No land-use change, old-growth start: only CO2 and N deposition vary.
        var spec = SyntheticRegion.Build();
        Assert.Equal(["co2", "ndep", Attribution.AllHeld], Attribution.Members(spec).Select(m => m.Name));
        var flat = spec with { Co2ByYear = Enumerable.Repeat(spec.SpinupCo2, spec.YearCount).ToArray() };
        Assert.Equal(["ndep", Attribution.AllHeld], Attribution.Members(flat).Select(m => m.Name));
        Assert.DoesNotContain(Attribution.Members(Full()), m => m.Name == "climate");
        Assert.Same(spec, Attribution.HoldClimate(spec));
    }

    [Fact]
    public void A_member_with_nothing_held_equals_the_full_run()
    {
        // Holding factors this run does not vary (land use, stand age, climate) must give the full run's bits.
        var full = SyntheticRegion.Build(lastYear: 2022);
        var held = Attribution.HoldClimate(Attribution.HoldStandAge(Attribution.HoldLandUse(full)));
        InProcessRunTests.AssertSame(InProcessRun.Run(full, Kernel), InProcessRun.Run(held, Kernel));
        // ... and so does holding CO2 where it already is the spin-up's.
        var flat = full with { Co2ByYear = Enumerable.Repeat(full.SpinupCo2, full.YearCount).ToArray() };
        InProcessRunTests.AssertSame(InProcessRun.Run(flat, Kernel), InProcessRun.Run(Attribution.HoldCo2(flat), Kernel));
    }

    /// <summary>An outcome of one city and one year whose NBP total is <paramref name="kg"/>.</summary>
    static RunOutcome Nbp(double kg, double areaM2 = 2e6)
    {
        var sums = new FixedSum[CarbonVariables.Count];
        sums[CarbonVariables.Nbp] = FixedSum.FromKg(kg);
        var year = new YearTotals { Year = 2020, Sums = sums };
        return new RunOutcome { Cities = [new CitySeries { CityIndex = 0, CityId = "C", AreaM2 = areaM2, Years = [year] }], Region = [year] };
    }

    [Fact]
    public void Contributions_all_held_and_residual_follow_the_definitions()
    {
        // full 10, CO2 held 7, N held 8, stand age held 6, all held 1 → contributions 3, 2, 4; residual 10 − 9 − 1 = 0;
        // with all held 2 the residual is −1 (the members overshoot: an interaction counted twice).
        var members = new Dictionary<string, RunOutcome> { ["co2"] = Nbp(7), ["ndep"] = Nbp(8), ["stand_age"] = Nbp(6), [Attribution.AllHeld] = Nbp(1) };
        var t = AttributionTable.From(Nbp(10), members);
        var row = Assert.Single(t.Cities);
        Assert.Equal(Attribution.Factors.Select(f => f.Name), t.Factors.Select(f => f.Name));
        Assert.Equal([true, true, true, false, false], t.Varied);
        Assert.Equal([3.0, 2.0, 4.0, 0.0, 0.0], row.Contributions.Select(c => c.ToKg()));
        Assert.Equal(10.0, row.Full.ToKg());
        Assert.Equal(1.0, row.AllHeld.ToKg());
        Assert.Equal(FixedSum.Zero, row.Residual);
        Assert.Equal(2e6, row.AreaM2);

        members[Attribution.AllHeld] = Nbp(2);
        t = AttributionTable.From(Nbp(10), members);
        Assert.Equal(-1.0, t.Cities[0].Residual.ToKg());
        Assert.Equal(-0.1, AttributionTable.ResidualShare(t.Cities), 12);
        Assert.Equal(-1.0, t.Region[0].Residual.ToKg());
    }

    [Fact]
    public void A_missing_or_misshapen_member_is_refused()
    {
        Assert.Throws<ArgumentException>(() => AttributionTable.From(Nbp(10), new Dictionary<string, RunOutcome> { ["co2"] = Nbp(7) }));
        var other = Nbp(1) with { Region = [] };
        Assert.Throws<ArgumentException>(() => AttributionTable.From(Nbp(10), new Dictionary<string, RunOutcome> { [Attribution.AllHeld] = other }));
    }

    [Fact]
    public void An_in_process_attribution_closes_exactly_and_each_contribution_is_full_minus_its_member()
    {
        var full = Full(lastYear: 2022);
        var fullOutcome = InProcessRun.Run(full, Kernel);
        var outcomes = Attribution.Members(full).ToDictionary(m => m.Name, m => InProcessRun.Run(m.Spec, Kernel));
        var t = AttributionTable.From(fullOutcome, outcomes);
        Assert.Equal(full.CityIds.Length * full.YearCount, t.Cities.Length);
        Assert.Equal(full.YearCount, t.Region.Length);
        foreach (var y in t.Cities.Concat(t.Region))
        {
            var sum = y.AllHeld + y.Residual;
            foreach (var c in y.Contributions) sum += c;
            Assert.Equal(y.Full, sum); // exact identity
        }
        int co2 = 0, landUse = 3;
        var first = t.Cities[0];
        Assert.Equal(fullOutcome.Cities[0].Years[0].Sums[CarbonVariables.Nbp], first.Full);
        Assert.Equal(first.Full - outcomes["co2"].Cities[0].Years[0].Sums[CarbonVariables.Nbp], first.Contributions[co2]);
        Assert.Equal(first.Full - outcomes["land_use"].Cities[0].Years[0].Sums[CarbonVariables.Nbp], first.Contributions[landUse]);
        // CO2 above the spin-up's raises the sink; the climate is not varied and contributes nothing.
        Assert.All(t.Region, y => Assert.True(y.Contributions[co2].ToKg() > 0, $"{y.Year}: CO2 contribution {y.Contributions[co2]}"));
        Assert.All(t.Cities, y => Assert.Equal(FixedSum.Zero, y.Contributions[4]));
    }

    [Fact]
    public void Shapley_members_are_every_subset_held_singletons_first_all_held_last()
    {
        var full = Full();
        var members = Attribution.Members(full, AttributionMethod.Shapley);
        Assert.Equal(15, members.Length); // 2^4 − 1
        Assert.Equal(["co2", "ndep", "stand_age", "land_use"], members.Take(4).Select(m => m.Name));
        Assert.Equal(Attribution.AllHeld, members[^1].Name);
        Assert.Equal(members.Length, members.Select(m => m.Name).Distinct().Count());
        var pair = Assert.Single(members, m => m.Name == "co2+ndep");
        Assert.Equal(["co2", "ndep"], pair.Held);
        Assert.All(pair.Spec.Co2ByYear, c => Assert.Equal(full.SpinupCo2, c));
        Assert.All(pair.Spec.NDepositionByYear, n => Assert.Equal(full.SpinupNDeposition, n));
        Assert.Equal(full, pair.Spec with { Co2ByYear = full.Co2ByYear, NDepositionByYear = full.NDepositionByYear });
        // With one varied factor Shapley is one at a time: the same two members.
        var one = SyntheticRegion.Build() with { NDepositionByYear = Enumerable.Repeat(0.001, 5).ToArray() };
        Assert.Equal(["co2", Attribution.AllHeld], Attribution.Members(one, AttributionMethod.Shapley).Select(m => m.Name));
    }

    [Fact]
    public void Shapley_values_share_the_interaction_and_add_up_to_full_minus_all_held()
    {
        // v(S) = sink with only S varied: v({co2, ndep}) = 10, v({ndep}) = 7 (CO2 held), v({co2}) = 8 (N held), v(∅) = 1.
        // φ_co2 = ½[(10 − 7) + (8 − 1)] = 5, φ_ndep = ½[(10 − 8) + (7 − 1)] = 4; one at a time gives 3 and 2 with residual 4.
        var members = new Dictionary<string, RunOutcome> { ["co2"] = Nbp(7), ["ndep"] = Nbp(8), [Attribution.AllHeld] = Nbp(1) };
        var t = AttributionTable.From(Nbp(10), members, method: AttributionMethod.Shapley);
        Assert.Equal(AttributionMethod.Shapley, t.Method);
        Assert.Equal([5.0, 4.0, 0.0, 0.0, 0.0], t.Cities[0].Contributions.Select(c => c.ToKg()));
        Assert.Equal(FixedSum.Zero, t.Cities[0].Residual);
        var oat = AttributionTable.From(Nbp(10), members);
        Assert.Equal(4.0, oat.Cities[0].Residual.ToKg());
        members["stand_age"] = Nbp(6); // three factors but no pair members: not a Shapley set
        Assert.Throws<ArgumentException>(() => AttributionTable.From(Nbp(10), members, method: AttributionMethod.Shapley));
    }

    [Fact]
    public void An_in_process_Shapley_attribution_leaves_only_rounding_in_the_residual()
    {
        var full = Full(lastYear: 2021);
        var fullOutcome = InProcessRun.Run(full, Kernel);
        var outcomes = Attribution.Members(full, AttributionMethod.Shapley).ToDictionary(m => m.Name, m => InProcessRun.Run(m.Spec, Kernel));
        var t = AttributionTable.From(fullOutcome, outcomes, method: AttributionMethod.Shapley);
        var oat = AttributionTable.From(fullOutcome, outcomes); // the one-at-a-time members are among them
        foreach (var (y, o) in t.Cities.Zip(oat.Cities))
        {
            Assert.True(Math.Abs(y.Residual.ToKg()) <= 1e-3, $"city {y.CityIndex} {y.Year}: residual {y.Residual}");
            Assert.Equal(o.AllHeld, y.AllHeld);
            // Σ Shapley = Σ one-at-a-time + the one-at-a-time residual (the interactions, shared out).
            double shapley = y.Contributions.Sum(c => c.ToKg()), oneAtATime = o.Contributions.Sum(c => c.ToKg()) + o.Residual.ToKg();
            Assert.Equal(oneAtATime, shapley, 1e-3);
        }
    }
}
