using System.Collections.Immutable;
using CarbonSim.Model.Climate;
using CarbonSim.Model.Tests.Scenario;

namespace CarbonSim.Model.Tests.Climate;

public class NormalsFillerTests
{
    private static readonly string NormalsPath = Path.Combine(TestRepo.Root, "data", "jjj", "climate_normals.csv");

    [Fact]
    public void Five_measured_cities_kept_and_eight_derived_and_labelled()
    {
        var raw = ClimateNormals.Read(NormalsPath);
        Assert.Equal(13, raw.Length);
        Assert.Equal(5, raw.Count(s => s.Measured));
        var filled = NormalsFiller.Fill(raw, 0.0065, NormalsPath);
        foreach (var (a, b) in raw.Zip(filled))
        {
            if (a.Measured) Assert.Same(a, b);
            else
            {
                Assert.False(b.Measured);
                Assert.StartsWith("derived:", b.Source);
                Assert.Equal(12, b.TmaxC.Length);
            }
        }
        // Zhangjiakou (773 m, 40.8° N) comes out colder than Beijing; Handan's neighbour Xingtai near Handan.
        var z = filled.Single(s => s.CityId == "130700");
        var bj = filled.Single(s => s.CityId == "110000");
        Assert.True(z.AnnualMeanC < bj.AnnualMeanC - 2);
    }

    [Fact]
    public void Leave_one_out_prediction_of_a_measured_city_is_close()
    {
        var raw = ClimateNormals.Read(NormalsPath);
        foreach (var target in new[] { "110000", "120000", "130100" })
        {
            var truth = raw.Single(s => s.CityId == target);
            var hidden = raw.Select(s => s.CityId == target ? s with { Measured = false, TmaxC = [], TminC = [], PrcpMm = [] } : s).ToImmutableArray();
            var predicted = NormalsFiller.Fill(hidden, 0.0065, NormalsPath).Single(s => s.CityId == target);
            Assert.Equal(truth.AnnualMeanC, predicted.AnnualMeanC, 1.5);
            Assert.Equal(truth.AnnualPrcpMm, predicted.AnnualPrcpMm, 0.25 * truth.AnnualPrcpMm);
        }
    }
}
