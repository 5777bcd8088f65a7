using CarbonSim.Model.LandUse;

namespace CarbonSim.Model.Tests.LandUse;

public class AgreementMetricsTests
{
    [Fact]
    public void Kappa_HandChecked()
    {
        // p_o = 3/4; observed shares (0.5, 0.5), simulated (0.25, 0.75); p_e = 0.5; κ = 0.5.
        var obs = new LandUseMap(4, 1, new[] { 0, 0, 1, 1 });
        var sim = new LandUseMap(4, 1, new[] { 0, 1, 1, 1 });
        Assert.Equal(0.5, AgreementMetrics.Kappa(obs, sim), 14);
        Assert.Equal(1.0, AgreementMetrics.Kappa(obs, obs), 14);
        // NoData cells are ignored
        var simNd = new LandUseMap(5, 1, new[] { 0, 1, 1, 1, LandUseMap.NoData });
        var obsNd = new LandUseMap(5, 1, new[] { 0, 0, 1, 1, 0 });
        Assert.Equal(0.5, AgreementMetrics.Kappa(obsNd, simNd), 14);
    }

    [Fact]
    public void FigureOfMerit_HandChecked()
    {
        var initial = new LandUseMap(7, 1, new[] { 0, 0, 0, 0, 1, 1, 0 });
        var observed = new LandUseMap(7, 1, new[] { 1, 2, 0, 2, 1, 1, 0 });
        var simulated = new LandUseMap(7, 1, new[] { 1, 1, 1, 0, 1, 0, 0 });
        // cell 0 hit; 1 wrong hit; 2 false alarm; 3 miss; 4 correct rejection; 5 false alarm; 6 correct rejection
        var a = AgreementMetrics.Change(initial, observed, simulated);
        Assert.Equal(new ChangeAgreement(1, 1, 2, 1, 2), a);
        Assert.Equal(1.0 / 5, a.FigureOfMerit, 15);
        Assert.Equal(1.0 / 3, a.ProducersAccuracy, 15);
        Assert.Equal(1.0 / 4, a.UsersAccuracy, 15);
    }

    [Fact]
    public void MapsOfDifferentSize_AreRejected()
    {
        var a = new LandUseMap(2, 2, new int[4]);
        var b = new LandUseMap(4, 1, new int[4]);
        Assert.Contains("same grid", Assert.Throws<InvalidInputException>(() => AgreementMetrics.Kappa(a, b)).Message);
    }
}
