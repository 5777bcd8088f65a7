using CarbonSim.Model.Io.BiomeBgc;
using CarbonSim.Model.Kernel;
using CarbonSim.Model.Tests.Reference;

namespace CarbonSim.Model.Tests.Kernel;

/// <summary>Stand-replacing disturbance and regrowth after the equilibrium spin-up.</summary>
public class StandHistoryTests
{
    private static readonly Lazy<(CellModel Model, CellState Equilibrium)> Enf = new(() =>
    {
        var model = new CellModel(EpcReader.Read(ReferenceData.Epc("enf")), ReferenceData.MissoulaSite,
            MetReader.Read(ReferenceData.Met("miss5093.mtc41"), 4));
        var spun = Spinup.RunAccelerated(model, new SpinupOptions(Co2Ppm: 294.842));
        return (model, spun.State);
    });

    [Fact]
    public void ClearingKeepsSoilsAndBooksTheExportedCarbonAndNitrogen()
    {
        var (model, eq) = Enf.Value;
        var cleared = StandHistory.ClearPlant(model, eq);
        Assert.True(eq.VegetationC > 1.0, $"equilibrium vegetation C {eq.VegetationC} kg m-2");
        Assert.True(cleared.VegetationC < 0.01, $"cleared vegetation C {cleared.VegetationC} kg m-2");
        Assert.Equal(eq.SoilC, cleared.SoilC);
        Assert.Equal(eq.LitterC, cleared.LitterC);
        Assert.Equal(eq.MineralN, cleared.MineralN);
        // The cumulative balance (in − out − storage) is unchanged: the export is booked.
        Assert.Equal(eq.CumCarbonIn - eq.CumCarbonOut - eq.TotalC, cleared.CumCarbonIn - cleared.CumCarbonOut - cleared.TotalC, 9);
        Assert.Equal(eq.CumNitrogenIn - eq.CumNitrogenOut - eq.TotalN, cleared.CumNitrogenIn - cleared.CumNitrogenOut - cleared.TotalN, 9);
    }

    [Fact]
    public void A40YearStandHoldsLessVegetationThanOldGrowthAndRegrowsFromClearing()
    {
        var (model, eq) = Enf.Value;
        var forcing = new YearForcing(294.842, ReferenceData.MissoulaSite.NDeposition);
        var young = StandHistory.Regrow(model, eq, 40, forcing);   // balance checks run every day inside
        var cleared = StandHistory.ClearPlant(model, eq);
        Assert.InRange(young.VegetationC, cleared.VegetationC * 10, eq.VegetationC * 0.9);
        Assert.Equal(eq.VegetationC, StandHistory.Regrow(model, eq, 0, forcing).VegetationC);
    }
}
