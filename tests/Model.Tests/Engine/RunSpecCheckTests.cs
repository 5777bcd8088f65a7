using CarbonSim.Model.Engine;

namespace CarbonSim.Model.Tests.Engine;

/// <summary>The one validation of a run spec: the land-use plan and the compensation plan are checked with the cells.</summary>
public class RunSpecCheckTests
{
    static RunSpec Valid()
    {
        var spec = SyntheticRegion.WithLandUse(SyntheticRegion.Build(lastYear: 2022));
        return spec with
        {
            Compensation = new CompensationPlan
            {
                PriceByYear = Enumerable.Repeat(60.0, spec.YearCount).ToArray(),
                Cities = spec.CityIds.Select(id => new CityEconomics
                {
                    Id = id, EmissionTCo2ByYear = Enumerable.Repeat(1e6, spec.YearCount).ToArray(),
                    GdpBillionRmbByYear = Enumerable.Repeat(50.0, spec.YearCount).ToArray(), K = 1,
                }).ToArray(),
            },
        };
    }

    [Fact]
    public void A_consistent_spec_with_land_use_and_compensation_passes() => RunSpecCheck.Validate(Valid());

    public static TheoryData<string, string> Broken => new()
    {
        { "class row", "conversion row" },
        { "self", "may become itself" },
        { "elasticity", "elasticity" },
        { "cell class", "has class" },
        { "built-up", "built-up class" },
        { "window", "window size" },
        { "transition pair", "no pair of distinct classes" },
        { "transition shares", "more than all vegetation carbon" },
        { "mix cities", "vegetation mixes for" },
        { "mix cover", "(more than 1)" },
        { "mix vegetation", "names vegetation type" },
        { "demand years", "has demand for" },
        { "demand negative", "demand row" },
        { "emission years", "has emissions for" },
        { "gdp", "has a GDP that is not > 0" },
        { "price years", "prices for" },
        { "smoothing window", "window 0 years" },
        { "compensation cities", "inputs for" },
    };

    [Theory, MemberData(nameof(Broken))]
    public void A_broken_plan_is_refused_with_what_is_wrong(string what, string message)
    {
        var s = Valid();
        var lu = s.LandUse!;
        var comp = s.Compensation!;
        LandUseClassRule[] WithClass0(Func<LandUseClassRule, LandUseClassRule> f) => [f(lu.Classes[0]), .. lu.Classes[1..]];
        s = what switch
        {
            "class row" => s with { LandUse = lu with { Classes = WithClass0(c => c with { CanBecome = [true] }) } },
            "self" => s with { LandUse = lu with { Classes = WithClass0(c => c with { CanBecome = [true, false, true] }) } },
            "elasticity" => s with { LandUse = lu with { Classes = WithClass0(c => c with { Elasticity = 1.5 }) } },
            "cell class" => s with { LandUse = lu with { CellClass = [7, .. lu.CellClass[1..]] } },
            "built-up" => s with { LandUse = lu with { BuiltUpClass = 3 } },
            "window" => s with { LandUse = lu with { WindowSize = 4 } },
            "transition pair" => s with { LandUse = lu with { Transitions = [new TransitionCarbon(1, 1, 0, 0, 0, 0, 0)] } },
            "transition shares" => s with { LandUse = lu with { Transitions = [new TransitionCarbon(0, 2, 0.6, 0.3, 0.2, 0, 0)] } },
            "mix cities" => s with { LandUse = lu with { Mix = lu.Mix[1..] } },
            "mix cover" => s with { LandUse = lu with { Mix = [[[new(0, 0.9), new(1, 0.2)], .. lu.Mix[0][1..]], .. lu.Mix[1..]] } },
            "mix vegetation" => s with { LandUse = lu with { Mix = [[[new(99, 0.5)], .. lu.Mix[0][1..]], .. lu.Mix[1..]] } },
            "demand years" => s with { LandUse = lu with { Demand = [lu.Demand[0][1..], .. lu.Demand[1..]] } },
            "demand negative" => s with { LandUse = lu with { Demand = [[[-1, 0, 0], .. lu.Demand[0][1..]], .. lu.Demand[1..]] } },
            "emission years" => s with { Compensation = comp with { Cities = [comp.Cities[0] with { EmissionTCo2ByYear = [1.0] }, .. comp.Cities[1..]] } },
            "gdp" => s with { Compensation = comp with { Cities = [comp.Cities[0] with { GdpBillionRmbByYear = [0.0, .. comp.Cities[0].GdpBillionRmbByYear[1..]] }, .. comp.Cities[1..]] } },
            "price years" => s with { Compensation = comp with { PriceByYear = comp.PriceByYear[1..] } },
            "smoothing window" => s with { Compensation = comp with { Settings = comp.Settings with { WindowYears = 0 } } },
            "compensation cities" => s with { Compensation = comp with { Cities = comp.Cities[1..] } },
            _ => throw new ArgumentException(what),
        };
        var e = Assert.Throws<ArgumentException>(() => RunSpecCheck.Validate(s));
        Assert.StartsWith("run spec: ", e.Message);
        Assert.Contains(message, e.Message);
    }
}
