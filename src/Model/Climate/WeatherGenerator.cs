namespace CarbonSim.Model.Climate;

/// <summary>
/// Constants of the weather generator, with their basis. Immutable; pass a changed copy to experiment.
/// </summary>
public sealed record WeatherGeneratorSettings
{
    /// <summary>[-] Lag-1 autocorrelation of daily temperature anomalies (typical of mid-latitude stations; Richardson 1981).</summary>
    public double TemperatureAutocorrelation { get; init; } = 0.65;
    /// <summary>[K] Standard deviation of daily Tmax anomalies (assumption, typical of North China).</summary>
    public double TmaxSd { get; init; } = 3.0;
    /// <summary>[K] Standard deviation of daily Tmin anomalies (assumption).</summary>
    public double TminSd { get; init; } = 2.5;
    /// <summary>[-] Correlation of same-day Tmax and Tmin anomaly innovations (assumption).</summary>
    public double TmaxTminCorrelation { get; init; } = 0.6;
    /// <summary>[K] How much cooler Tmax is on a wet day than on a dry day (assumption; mean preserved).</summary>
    public double WetDayTmaxDrop { get; init; } = 2.0;
    /// <summary>[-] Wet-day persistence d = P(wet|wet) − P(wet|dry) of the first-order Markov chain (assumption; cf. Geng et al. 1986).</summary>
    public double WetPersistence { get; init; } = 0.25;
    /// <summary>[-] Wet-day frequency f = a + b ln(1 + P/c): intercept a (empirical rule giving North-China wet-day counts; assumption).</summary>
    public double WetFrequencyIntercept { get; init; } = 0.04;
    /// <summary>[-] Wet-day frequency slope b.</summary>
    public double WetFrequencySlope { get; init; } = 0.10;
    /// <summary>[kg m-2 month-1] Wet-day frequency scale c.</summary>
    public double WetFrequencyScaleMm { get; init; } = 5.0;
    /// <summary>[°C-0.5] Hargreaves radiation coefficient kRs (FAO-56 eq. 50: 0.16 interior, 0.19 coastal; 0.17 used).</summary>
    public double HargreavesKrs { get; init; } = 0.17;
    /// <summary>[-] Clear-sky limit Rs ≤ f·Ra (FAO-56 eq. 37 at sea level).</summary>
    public double ClearSkyFraction { get; init; } = 0.75;
    /// <summary>[-] Weight of (Tmax − Tavg) in the daylight mean temperature, BIOME-BGC convention Tday = Tavg + 0.45 (Tmax − Tavg).</summary>
    public double DaytimeTemperatureWeight { get; init; } = 0.45;
}

/// <summary>
/// Deterministic daily weather generator driven by monthly normals. Every (zone, year) has its own random
/// stream derived from (seed, zone key, year), so a year's weather is the same whatever else is generated.
/// <list type="bullet">
/// <item>Temperature: mean-preserving daily climatology (linear between mid-month values, then shifted per month so
/// the monthly means equal the normals) plus AR(1) anomalies correlated between Tmax and Tmin; wet days have a cooler
/// Tmax, offset so the monthly mean is kept.</item>
/// <item>Precipitation: first-order Markov wet/dry chain with wet-day frequency from the monthly total (empirical
/// rule in <see cref="WeatherGeneratorSettings"/>) and exponentially distributed amounts whose expectation equals the
/// monthly normal.</item>
/// <item>Radiation: Hargreaves–Samani from the diurnal range, Rs = kRs √(Tmax − Tmin) Ra (FAO-56 eq. 50), capped at
/// clear sky; Ra and day length from latitude (FAO-56 eqs. 21–25, 34); reported as daylight mean W m-2.</item>
/// <item>VPD: dew point = Tmin; VPD = es(Tday) − es(Tmin) with es from FAO-56 eq. 11.</item>
/// </list>
/// </summary>
public static class WeatherGenerator
{
    /// <summary>[MJ m-2 min-1] Solar constant (FAO-56).</summary>
    public const double SolarConstant = 0.0820;

    public static MetSeries Generate(StationNormals normals, long seed, string zoneKey, int firstYear, int yearCount, WeatherGeneratorSettings? settings = null)
    {
        var s = settings ?? new WeatherGeneratorSettings();
        if (yearCount < 1) throw new ArgumentOutOfRangeException(nameof(yearCount));
        const int D = MetSeries.DaysPerYear;
        int n = yearCount * D;
        var years = new int[yearCount];
        double[] tmax = new double[n], tmin = new double[n], prcp = new double[n], vpd = new double[n], srad = new double[n], dayl = new double[n];

        var climTmax = DailyClimatology(normals.TmaxC);
        var climTmin = DailyClimatology(normals.TminC);
        var wetFreq = new double[12];
        var wetAmount = new double[12];
        for (int m = 0; m < 12; m++)
        {
            double p = normals.PrcpMm[m];
            wetFreq[m] = p <= 0 ? 0 : Math.Clamp(s.WetFrequencyIntercept + s.WetFrequencySlope * Math.Log(1 + p / s.WetFrequencyScaleMm), 0.01, 0.9);
            wetAmount[m] = p <= 0 ? 0 : p / (wetFreq[m] * Calendar365.MonthDays[m]);
        }
        var ra = new double[D]; var daylen = new double[D];
        for (int d = 0; d < D; d++) (ra[d], daylen[d]) = ExtraterrestrialRadiation(normals.Latitude, d + 1);

        double rho = s.TemperatureAutocorrelation, innov = Math.Sqrt(1 - rho * rho), r = s.TmaxTminCorrelation, rc = Math.Sqrt(1 - r * r);
        for (int y = 0; y < yearCount; y++)
        {
            int year = firstYear + y;
            years[y] = year;
            var rng = StreamRandom.For(seed, zoneKey, year);
            double aMax = rng.NextGaussian(), aMin = r * aMax + rc * rng.NextGaussian();
            bool wet = rng.NextDouble() < wetFreq[0];
            for (int d = 0; d < D; d++)
            {
                int i = y * D + d, m = Calendar365.MonthOf(d);
                double f = wetFreq[m];
                double p01 = f * (1 - s.WetPersistence), p11 = p01 + s.WetPersistence;
                wet = rng.NextDouble() < (wet ? p11 : p01);
                prcp[i] = wet ? rng.NextExponential(wetAmount[m]) : 0.0;
                double e1 = rng.NextGaussian(), e2 = r * e1 + rc * rng.NextGaussian();
                aMax = rho * aMax + innov * e1;
                aMin = rho * aMin + innov * e2;
                double wetShift = -s.WetDayTmaxDrop * ((wet ? 1.0 : 0.0) - f);
                double hi = climTmax[d] + s.TmaxSd * aMax + wetShift;
                double lo = climTmin[d] + s.TminSd * aMin;
                if (lo > hi - 0.5) { double mid = (hi + lo) / 2; hi = mid + 0.25; lo = mid - 0.25; }
                tmax[i] = hi; tmin[i] = lo;
                double rs = Math.Min(s.HargreavesKrs * Math.Sqrt(hi - lo) * ra[d], s.ClearSkyFraction * ra[d]); // [MJ m-2 d-1]
                dayl[i] = daylen[d];
                srad[i] = daylen[d] > 0 ? rs * 1e6 / daylen[d] : 0.0;
                double tavg = (hi + lo) / 2, tday = tavg + s.DaytimeTemperatureWeight * (hi - tavg);
                vpd[i] = Math.Max(0.0, SaturationVapourPressurePa(tday) - SaturationVapourPressurePa(lo));
            }
        }
        return new MetSeries(years, tmax, tmin, prcp, vpd, srad, dayl);
    }

    /// <summary>
    /// [°C] 365 daily values whose monthly means equal the 12 monthly values: linear interpolation between
    /// mid-month points (cyclic), then each month shifted by the difference between its normal and its mean.
    /// </summary>
    public static double[] DailyClimatology(IReadOnlyList<double> monthly)
    {
        var mid = new double[12];
        for (int m = 0; m < 12; m++) mid[m] = Calendar365.MonthStart[m] + (Calendar365.MonthDays[m] - 1) / 2.0;
        var daily = new double[MetSeries.DaysPerYear];
        for (int d = 0; d < daily.Length; d++)
        {
            int m = Calendar365.MonthOf(d);
            int a, b; double xa, xb;
            if (d >= mid[m]) { a = m; b = (m + 1) % 12; xa = mid[a]; xb = b == 0 ? mid[0] + 365 : mid[b]; }
            else { b = m; a = (m + 11) % 12; xb = mid[b]; xa = a == 11 ? mid[11] - 365 : mid[a]; }
            double t = (d - xa) / (xb - xa);
            daily[d] = monthly[a] + t * (monthly[b] - monthly[a]);
        }
        for (int m = 0; m < 12; m++)
        {
            double sum = 0;
            for (int k = 0; k < Calendar365.MonthDays[m]; k++) sum += daily[Calendar365.MonthStart[m] + k];
            double shift = monthly[m] - sum / Calendar365.MonthDays[m];
            for (int k = 0; k < Calendar365.MonthDays[m]; k++) daily[Calendar365.MonthStart[m] + k] += shift;
        }
        return daily;
    }

    /// <summary>
    /// Extraterrestrial radiation Ra [MJ m-2 d-1] and day length [s] at a latitude [degrees] on a yearday
    /// (1–365): FAO-56 (Allen et al. 1998) eqs. 21 (Ra), 23 (dr), 24 (δ), 25 (ωs), 34 (N = 24 ωs / π).
    /// </summary>
    public static (double RaMJ, double DayLengthS) ExtraterrestrialRadiation(double latitude, int yearday)
    {
        double phi = latitude * Math.PI / 180;
        double dr = 1 + 0.033 * Math.Cos(2 * Math.PI * yearday / 365.0);
        double delta = 0.409 * Math.Sin(2 * Math.PI * yearday / 365.0 - 1.39);
        double ws = Math.Acos(Math.Clamp(-Math.Tan(phi) * Math.Tan(delta), -1, 1));
        double ra = 24 * 60 / Math.PI * SolarConstant * dr * (ws * Math.Sin(phi) * Math.Sin(delta) + Math.Cos(phi) * Math.Cos(delta) * Math.Sin(ws));
        return (Math.Max(0, ra), 24 / Math.PI * ws * 3600);
    }

    /// <summary>[Pa] Saturation vapour pressure over water at T [°C] (FAO-56 eq. 11, Tetens form).</summary>
    public static double SaturationVapourPressurePa(double tC) => 610.8 * Math.Exp(17.27 * tC / (tC + 237.3));
}
