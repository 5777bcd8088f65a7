using CarbonSim.Model.Climate;
using CarbonSim.Model.Tests.Scenario;

namespace CarbonSim.Model.Tests.Climate;

public class WeatherGeneratorTests
{
    private static readonly string NormalsPath = Path.Combine(TestRepo.Root, "data", "jjj", "climate_normals.csv");

    private static StationNormals Beijing() => ClimateNormals.Read(NormalsPath).Single(s => s.CityId == "110000");

    [Fact]
    public void Same_seed_same_weather_and_each_year_is_its_own_stream()
    {
        var n = Beijing();
        var a = WeatherGenerator.Generate(n, 7, "110000", 2020, 11);
        var b = WeatherGenerator.Generate(n, 7, "110000", 2020, 11);
        Assert.Equal(a.Tmax, b.Tmax); Assert.Equal(a.Prcp, b.Prcp); Assert.Equal(a.Srad, b.Srad); Assert.Equal(a.Vpd, b.Vpd);
        // 2025-2030 generated on its own equals the same years inside 2020-2030.
        var c = WeatherGenerator.Generate(n, 7, "110000", 2025, 6);
        Assert.Equal(a.Tmax.Skip(5 * 365), c.Tmax);
        Assert.Equal(a.Prcp.Skip(5 * 365), c.Prcp);
        // Another seed or zone changes it.
        Assert.NotEqual(a.Tmax, WeatherGenerator.Generate(n, 8, "110000", 2020, 11).Tmax);
        Assert.NotEqual(a.Tmax, WeatherGenerator.Generate(n, 7, "120000", 2020, 11).Tmax);
    }

    [Theory]
    [InlineData("110000")]
    [InlineData("120000")]
    [InlineData("130400")]
    public void Long_run_monthly_means_match_the_normals(string city)
    {
        var n = ClimateNormals.Read(NormalsPath).Single(s => s.CityId == city);
        const int years = 300;
        var met = WeatherGenerator.Generate(n, 11, city, 1, years);
        for (int m = 0; m < 12; m++)
        {
            double tmax = 0, tmin = 0, p = 0; int k = 0;
            for (int y = 0; y < years; y++)
                for (int d = 0; d < Calendar365.MonthDays[m]; d++)
                {
                    int i = y * 365 + Calendar365.MonthStart[m] + d;
                    tmax += met.Tmax[i]; tmin += met.Tmin[i]; p += met.Prcp[i]; k++;
                }
            Assert.Equal(n.TmaxC[m], tmax / k, 0.3);
            Assert.Equal(n.TminC[m], tmin / k, 0.3);
            double pm = p / years;
            Assert.True(Math.Abs(pm - n.PrcpMm[m]) <= Math.Max(0.12 * n.PrcpMm[m], 1.5), $"month {m + 1}: {pm:F1} mm vs normal {n.PrcpMm[m]} mm");
        }
        Assert.Equal(n.AnnualPrcpMm, met.Prcp.Sum() / years, n.AnnualPrcpMm * 0.05);
    }

    [Fact]
    public void Physical_ranges_and_day_length()
    {
        var met = WeatherGenerator.Generate(Beijing(), 3, "110000", 2020, 5);
        for (int i = 0; i < met.DayCount; i++)
        {
            Assert.True(met.Tmin[i] <= met.Tmax[i]);
            Assert.True(met.Vpd[i] >= 0);
            Assert.InRange(met.Srad[i], 20, 1000);
            Assert.True(met.Prcp[i] >= 0);
        }
        // Geometric day length (FAO-56 eq. 34, no refraction) at 39.8° N: about 14.8 h at the June solstice, 9.2 h in December.
        Assert.Equal(14.8, met.DayLength[171] / 3600, 0.1);
        Assert.Equal(9.2, met.DayLength[354] / 3600, 0.1);
        Assert.Equal(24.0, (met.DayLength[171] + met.DayLength[354]) / 3600, 0.1);
        // Wet days exist in July, rarely in January.
        int julyWet = Enumerable.Range(181, 31).Count(d => met.Prcp[d] > 0), janWet = Enumerable.Range(0, 31).Count(d => met.Prcp[d] > 0);
        Assert.True(julyWet > janWet);
    }

    [Fact]
    public void Daily_climatology_preserves_monthly_means()
    {
        double[] monthly = [-5, -2, 5, 13, 20, 25, 27, 26, 20, 13, 4, -3];
        var daily = WeatherGenerator.DailyClimatology(monthly);
        for (int m = 0; m < 12; m++)
            Assert.Equal(monthly[m], daily.Skip(Calendar365.MonthStart[m]).Take(Calendar365.MonthDays[m]).Average(), 9);
    }
}
