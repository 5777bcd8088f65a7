using CarbonSim.Model.Climate;

namespace CarbonSim.Model.Tests.Climate;

/// <summary>The MT-CLIM derivations and the station-to-place weighting.</summary>
public class MtClimTests
{
    [Fact]
    public void Day_length_follows_latitude_and_season()
    {
        // Equinox (yday 80 ≈ 21 March): about 12 h everywhere; 40° N at the June solstice (yday 172): about 15 h; polar night at 80° N in December.
        Assert.Equal(12 * 3600, MtClim.DayLengthS(40, 80), 0.02 * 12 * 3600);
        Assert.Equal(12 * 3600, MtClim.DayLengthS(0, 172), 1e-6);
        Assert.InRange(MtClim.DayLengthS(40, 172) / 3600, 14.8, 15.1);
        Assert.InRange(MtClim.DayLengthS(40, 355) / 3600, 9.1, 9.4);
        Assert.Equal(0, MtClim.DayLengthS(80, 355));
        Assert.Equal(86400, MtClim.DayLengthS(80, 172));
    }

    [Fact]
    public void Clear_sky_transmittance_is_below_tau0_and_rises_with_elevation()
    {
        var s = new MtClimSettings();
        var (raSea, ttSea) = MtClim.ClearSkyDay(40, 0, 172, s);
        var (_, ttHigh) = MtClim.ClearSkyDay(40, 3000, 172, s);
        var (_, ttWinter) = MtClim.ClearSkyDay(40, 0, 355, s);
        Assert.InRange(ttSea, 0.70, 0.87);            // the daily mean passes through more air than at nadir
        Assert.True(ttHigh > ttSea);
        Assert.True(ttWinter < ttSea);                // low sun, long path
        // Top-of-atmosphere radiation at 40° N on the June solstice: about 41.7 MJ m-2 d-1 (FAO-56 Annex 2, Table 2.6).
        Assert.Equal(41.7, raSea / 1e6, 0.6);
        var (raFao, _) = WeatherGenerator.ExtraterrestrialRadiation(40, 172);
        Assert.Equal(raFao, raSea / 1e6, 0.5);
    }

    [Fact]
    public void Radiation_falls_with_a_smaller_diurnal_range_and_on_wet_days_vpd_from_dew_point_tmin()
    {
        const int n = 365;
        double[] Fill(double v) { var a = new double[n]; Array.Fill(a, v); return a; }
        var tmax = Fill(25); var tmin = Fill(10); var dry = Fill(0); var wet = Fill(5);
        double[] vpd = new double[n], srad = new double[n], srad2 = new double[n], dl = new double[n];
        MtClim.Derive(40, 50, tmax, tmin, dry, vpd, srad, dl);
        MtClim.Derive(40, 50, tmax, tmin, wet, null, srad2, dl);
        Assert.Equal(0.75 * srad[171], srad2[171], 1e-9);
        var narrow = Fill(15);
        var srad3 = new double[n];
        MtClim.Derive(40, 50, narrow, tmin, dry, null, srad3, dl);
        Assert.True(srad3[171] < srad[171]);
        // VPD = es(Tday) − es(Tmin), Tday = 17.5 + 0.45 × 7.5 = 20.875 °C.
        Assert.Equal(WeatherGenerator.SaturationVapourPressurePa(20.875) - WeatherGenerator.SaturationVapourPressurePa(10), vpd[100], 1e-9);
        Assert.Equal(MtClim.DayLengthS(40, 172), dl[171]);
    }

    [Fact]
    public void Beijing_record_radiation_is_in_the_observed_range()
    {
        var r = StationRecordReader.Read(StationRecordTests.BeijingPath, null, "test");
        var y = StationGaps.Take(r, 1971, 2000, 0, "tol");
        var years = Enumerable.Range(1971, 30).ToArray();
        var met = StationWeather.ForPlace([y], r.Latitude, r.Longitude, r.ElevationM, years, 0.0065);
        double rsMJ = 0;
        for (int i = 0; i < met.DayCount; i++) rsMJ += met.Srad[i] * met.DayLength[i] / 1e6;
        rsMJ /= 30;
        // Beijing's measured global radiation is about 5,000–5,600 MJ m-2 a-1 (CMA station 54511, 1971–2000 normals;
        // recalled, not re-checked). The wide band below allows for that and for MT-CLIM's own error (about 10–15 %).
        Assert.InRange(rsMJ, 4400, 6200);
        Assert.All(met.Vpd, v => Assert.True(v >= 0));
        Assert.Equal(met.Tmax, y.Tmax); // one station at its own elevation: its temperatures unchanged
    }

    [Fact]
    public void Stations_weighted_by_inverse_distance_squared_with_the_lapse_rate()
    {
        StationYears Const(string id, double lat, double lon, double elev, double t, double p)
        {
            var a = new double[365]; Array.Fill(a, t);
            var b = new double[365]; Array.Fill(b, t - 10);
            var c = new double[365]; Array.Fill(c, p);
            var rec = new StationRecord(id, id, lat, lon, elev, new DateOnly(2001, 1, 1), a, b, c, null, null);
            return new StationYears(rec, 2001, 2001, a, b, c, null, null, 0);
        }
        var low = Const("low", 40.0, 116.0, 0, 20, 2);
        var high = Const("high", 40.0, 117.0, 1000, 13.5, 4);   // 6.5 K cooler = the lapse rate over 1000 m
        const double lapse = 0.0065;
        // One station: that station everywhere, shifted by the lapse rate to the place's elevation.
        var one = StationWeather.ForPlace([low], 41, 118, 500, [2001], lapse);
        Assert.Equal(20 - 3.25, one.Tmax[0], 12);
        Assert.Equal(2, one.Prcp[0], 12);
        // Midway between two stations: equal weights; sea-level temperatures are equal, so the place at 200 m gets 20 − 1.3.
        var mid = StationWeather.ForPlace([low, high], 40.0, 116.5, 200, [2001], lapse);
        Assert.Equal(20 - 1.3, mid.Tmax[0], 9);
        Assert.Equal(3, mid.Prcp[0], 9);
        // Near the first station its weight dominates (1/d²).
        var w = StationWeather.Weights([low.Station, high.Station], 40.0, 116.1);
        Assert.Equal(81, w[0] / w[1], 1.0);
        Assert.Equal(1.0, w.Sum(), 12);
    }
}
