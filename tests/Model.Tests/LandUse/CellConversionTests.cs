using CarbonSim.Model.Kernel;
using CarbonSim.Model.LandUse;

namespace CarbonSim.Model.Tests.LandUse;

/// <summary>Carbon through a conversion at the level of the kernel's pools.</summary>
public class CellConversionTests
{
    private static CellState State(double scale, bool litter = true)
    {
        var s = new CellState
        {
            LeafC = 0.2 * scale, FrootC = 0.15 * scale, LiveStemC = 0.3 * scale, DeadStemC = 2.0 * scale, LiveCrootC = 0.1 * scale, DeadCrootC = 0.6 * scale,
            LeafStorageC = 0.05 * scale, CPool = 0.01 * scale,
            LeafN = 0.2 * scale / 25, FrootN = 0.15 * scale / 40, DeadStemN = 2.0 * scale / 300,
            Soil1C = 0.05, Soil2C = 0.4, Soil3C = 2.0, Soil4C = 6.0, Soil1N = 0.005, Soil4N = 0.6,
            MineralN = 0.003, SoilWater = 120,
        };
        if (litter) { s.CwdC = 0.8 * scale; s.Litter1C = 0.02; s.Litter2C = 0.1; s.Litter3C = 0.05; s.Litter4C = 0.2; s.Litter2N = 0.002; }
        return s;
    }

    private static readonly ConversionRule ForestToBuilt = new(1, 4, 0.6, 0.3, 0.1, 0.5, 0.21);

    [Fact]
    public void Carbon_is_conserved_and_carried_into_the_new_columns()
    {
        var old = new[] { new KernelColumn(0.7, State(1.0)), new KernelColumn(0.3, State(0.5)) };
        var eq = new[] { new KernelColumn(0.15, State(1.2)), new KernelColumn(0.15, State(0.1)) };
        var r = CellConversion.Convert(old, 0.05, 1e8, ForestToBuilt, eq);
        var expected = ConversionCarbon.Convert(r.Before, ForestToBuilt).After;
        Assert.Equal(expected.VegC, r.After.VegC, 12);
        Assert.Equal(expected.LitterC, r.After.LitterC, 12);
        Assert.Equal(expected.SoilC, r.After.SoilC, 12);
        Assert.Equal(expected.WoodProductC, r.After.WoodProductC, 12);
        Assert.Equal(0, r.UncarriedC);
        // Before = after + to atmosphere (wood products stay a stock).
        Assert.Equal(r.Before.TotalPerM2, r.After.TotalPerM2 + r.Fluxes.ToAtmosphere, 12);
        Assert.True(r.Fluxes.SoilToAtmosphere > 0 && r.Fluxes.VegToWoodProducts > 0);
        // Inputs untouched.
        Assert.Equal(2.0, old[0].State.DeadStemC);
        Assert.Equal(2.4, eq[0].State.DeadStemC, 12);
    }

    [Fact]
    public void N_is_scaled_with_its_carbon_and_water_comes_from_the_equilibrium()
    {
        var old = new[] { new KernelColumn(1.0, State(1.0)) };
        var eq = new[] { new KernelColumn(0.5, State(2.0)) };
        eq[0].State.SoilWater = 77;
        var r = CellConversion.Convert(old, 0, 1e8, ForestToBuilt, eq);
        var s = r.Columns[0].State;
        Assert.Equal(25, s.LeafC / s.LeafN, 9);
        Assert.Equal(300, s.DeadStemC / s.DeadStemN, 9);
        Assert.Equal(77, s.SoilWater);
    }

    [Fact]
    public void A_cover_without_litter_takes_the_litter_into_its_soil()
    {
        var old = new[] { new KernelColumn(1.0, State(1.0)) };
        var eq = new[] { new KernelColumn(1.0, State(0.3, litter: false)) };
        var r = CellConversion.Convert(old, 0, 1e8, ForestToBuilt, eq);
        var expected = ConversionCarbon.Convert(r.Before, ForestToBuilt).After;
        Assert.Equal(0, r.After.LitterC);
        Assert.Equal(expected.LitterC + expected.SoilC, r.After.SoilC, 12);
    }

    [Fact]
    public void Open_water_cannot_hold_the_carbon_and_says_how_much()
    {
        var old = new[] { new KernelColumn(1.0, State(1.0)) };
        var r = CellConversion.Convert(old, 0, 1e8, ForestToBuilt with { ToClass = 3 }, []);
        var expected = ConversionCarbon.Convert(r.Before, ForestToBuilt).After;
        Assert.Empty(r.Columns);
        Assert.Equal(expected.VegC + expected.LitterC + expected.SoilC, r.UncarriedC, 12);
        Assert.Equal(r.Before.TotalPerM2, r.After.TotalPerM2 + r.Fluxes.ToAtmosphere + r.UncarriedC, 12);
    }
}
