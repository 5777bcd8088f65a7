using CarbonSim.Model.Climate;

namespace CarbonSim.Model.Tests.Engine;

/// <summary>One column model per distinct content (<see cref="SharedColumnModels"/>): tiles that receive equal copies share it.</summary>
public sealed class SharedColumnModelsTests
{
    [Fact]
    public void Equal_content_gets_the_same_model_and_other_content_another()
    {
        var spec = SyntheticRegion.Build();
        var shared = new SharedColumnModels(new BgcKernel());
        var (epc, site, met) = (spec.VegetationTypes[0].Epc, spec.Sites[0], spec.Climates[0]);
        var first = shared.CreateModel(epc, site, met);
        // What a tile on another silo receives: equal copies, not the same objects.
        var copyOfMet = new MetSeries([.. met.Years], [.. met.Tmax], [.. met.Tmin], [.. met.Prcp], [.. met.Vpd], [.. met.Srad], [.. met.DayLength]);
        Assert.Same(first, shared.CreateModel(epc with { }, site with { }, copyOfMet));
        Assert.NotSame(first, shared.CreateModel(epc with { LeafCn = epc.LeafCn + 1 }, site, met));
        Assert.NotSame(first, shared.CreateModel(epc, site with { NDeposition = site.NDeposition * 2 }, met));
        Assert.NotSame(first, shared.CreateModel(epc, site, spec.Climates[1]));
        Assert.Equal(4, shared.Built);
        GC.KeepAlive(first);
    }
}
