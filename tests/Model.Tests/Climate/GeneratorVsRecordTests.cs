using System.Globalization;
using CarbonSim.Model.Climate;
using CarbonSim.Model.Tests.Scenario;
using Xunit.Abstractions;

namespace CarbonSim.Model.Tests.Climate;

/// <summary>
/// The weather generator driven by Beijing's normals (data/jjj/climate_normals.csv, CMA 1971–2000) against Beijing's GHCN-Daily
/// record of the same years (docs/data.md "The weather generator against the record"): monthly means and spread of Tmax/Tmin
/// and precipitation, wet-day frequency and dry spells, each within the tolerance stated there.
/// </summary>
public class GeneratorVsRecordTests(ITestOutputHelper output)
{
    const int GeneratedYears = 300;

    public static (ClimateSummary Record, ClimateSummary Generator) Beijing()
    {
        var r = StationRecordReader.Read(StationRecordTests.BeijingPath, null, "test");
        var y = StationGaps.Take(r, 1971, 2000, 0, "tol");
        var met = StationWeather.ForPlace([y], r.Latitude, r.Longitude, r.ElevationM, [.. Enumerable.Range(1971, 30)], 0.0065);
        var normals = ClimateNormals.Read(Path.Combine(TestRepo.Root, "data", "jjj", "climate_normals.csv")).Single(s => s.CityId == "110000");
        var gen = WeatherGenerator.Generate(normals, 7, "110000", 1, GeneratedYears);
        return (ClimateStatistics.Of(met, 0, 30), ClimateStatistics.Of(gen, 0, GeneratedYears));
    }

    [Fact]
    public void Generator_on_Beijing_normals_stays_within_the_stated_tolerances_of_the_record()
    {
        var (rec, gen) = Beijing();
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine("month | Tmax rec/gen | Tmin rec/gen | sd Tmax rec/gen | sd Tmin rec/gen | P rec/gen | sd P rec/gen | wet rec/gen");
        for (int m = 0; m < 12; m++)
        {
            var a = rec.Months[m]; var g = gen.Months[m];
            output.WriteLine(string.Format(inv, "{0,2} | {1:F1} {2:F1} | {3:F1} {4:F1} | {5:F2} {6:F2} | {7:F2} {8:F2} | {9:F1} {10:F1} | {11:F1} {12:F1} | {13:F3} {14:F3}",
                m + 1, a.TmaxC, g.TmaxC, a.TminC, g.TminC, a.TmaxSdK, g.TmaxSdK, a.TminSdK, g.TminSdK, a.PrcpMm, g.PrcpMm, a.PrcpSdMm, g.PrcpSdMm, a.WetDayFraction, g.WetDayFraction));
        }
        output.WriteLine(string.Format(inv, "annual P {0:F0} {1:F0}; wet days/a {2:F1} {3:F1}; mean dry spell {4:F2} {5:F2} d; longest dry spell {6:F1} {7:F1} d",
            rec.AnnualPrcpMm, gen.AnnualPrcpMm, rec.Months.Sum(x => x.WetDayFraction * Calendar365.MonthDays[x.Month - 1]), gen.Months.Sum(x => x.WetDayFraction * Calendar365.MonthDays[x.Month - 1]),
            rec.MeanDrySpellDays, gen.MeanDrySpellDays, rec.MaxDrySpellDays, gen.MaxDrySpellDays));

        // The tolerances of docs/data.md, month by month.
        for (int m = 0; m < 12; m++)
        {
            var a = rec.Months[m]; var g = gen.Months[m];
            string at = $"month {m + 1}";
            Assert.True(Math.Abs(g.TmaxC - a.TmaxC) <= 0.3, $"{at}: Tmax {g.TmaxC:F2} vs {a.TmaxC:F2} °C");
            Assert.True(Math.Abs(g.TminC - a.TminC) <= 0.3, $"{at}: Tmin {g.TminC:F2} vs {a.TminC:F2} °C");
            Assert.True(Math.Abs(g.PrcpMm - a.PrcpMm) <= Math.Max(0.12 * a.PrcpMm, 2.0), $"{at}: precipitation {g.PrcpMm:F1} vs {a.PrcpMm:F1} mm");
            Assert.InRange(g.TmaxSdK / a.TmaxSdK, 0.75, 1.35);
            Assert.InRange(g.TminSdK / a.TminSdK, 0.75, 1.35);
            Assert.InRange(g.PrcpSdMm / a.PrcpSdMm, 0.45, 1.10);   // the generator underdisperses monthly totals (docs/data.md)
            Assert.True(Math.Abs(g.WetDayFraction - a.WetDayFraction) <= 0.06, $"{at}: wet-day fraction {g.WetDayFraction:F3} vs {a.WetDayFraction:F3}");
        }
        Assert.Equal(rec.AnnualPrcpMm, gen.AnnualPrcpMm, 0.03 * rec.AnnualPrcpMm);
        double WetDays(ClimateSummary s) => s.Months.Sum(x => x.WetDayFraction * Calendar365.MonthDays[x.Month - 1]);
        Assert.Equal(WetDays(rec), WetDays(gen), 0.10 * WetDays(rec));
        Assert.Equal(rec.MeanDrySpellDays, gen.MeanDrySpellDays, 0.15 * rec.MeanDrySpellDays);
        Assert.InRange(gen.MaxDrySpellDays / rec.MaxDrySpellDays, 0.60, 1.10);   // the generator's longest dry spells are too short
    }
}
