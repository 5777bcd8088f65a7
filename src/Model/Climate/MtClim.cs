namespace CarbonSim.Model.Climate;

/// <summary>
/// Constants of the MT-CLIM derivation (Thornton and Running 1999, Agric. For. Meteorol. 93:211–228; Thornton,
/// Hasenauer and White 2000 for the MT-CLIM 4 vapour-pressure term). Immutable; pass a changed copy to experiment.
/// </summary>
public sealed record MtClimSettings
{
    /// <summary>[W m-2] Solar constant.</summary>
    public double SolarConstantWm2 { get; init; } = 1367.0;
    /// <summary>[-] Clear-sky transmittance per unit optical air mass at sea level, dry air (MT-CLIM TBASE 0.870).</summary>
    public double Tau0 { get; init; } = 0.870;
    /// <summary>[Pa-1] Reduction of clear-sky transmittance per Pa of vapour pressure (MT-CLIM ABASE −6.1e-5; recalled).</summary>
    public double TransmittancePerPaVapour { get; init; } = -6.1e-5;
    /// <summary>[-] B = b0 + b1 exp(−b2 ΔT̄): b0 (Thornton and Running 1999, eq. 3).</summary>
    public double B0 { get; init; } = 0.031;
    /// <summary>[-] b1.</summary>
    public double B1 { get; init; } = 0.201;
    /// <summary>[K-1] b2.</summary>
    public double B2 { get; init; } = 0.185;
    /// <summary>[-] Exponent C of ΔT in Tf,max = 1 − 0.9 exp(−B ΔT^C) (eq. 2).</summary>
    public double C { get; init; } = 1.5;
    /// <summary>[-] Factor on Tf,max on a day with precipitation (MT-CLIM RAIN_SCALAR).</summary>
    public double WetDayFactor { get; init; } = 0.75;
    /// <summary>[d] Window of the running mean diurnal range ΔT̄ (centred).</summary>
    public int RangeWindowDays { get; init; } = 30;
    /// <summary>[s] Time step of the clear-sky integration over the day.</summary>
    public double StepSeconds { get; init; } = 600;
    /// <summary>[-] Weight of (Tmax − Tavg) in the daylight mean temperature (BIOME-BGC/MT-CLIM: Tday = Tavg + 0.45 (Tmax − Tavg)).</summary>
    public double DaytimeTemperatureWeight { get; init; } = 0.45;
}

/// <summary>
/// Day length, shortwave radiation and vapour pressure deficit from daily Tmax, Tmin and precipitation, the way
/// MT-CLIM does (equations in docs/data.md "Derived humidity, radiation and day length"):
/// <list type="bullet">
/// <item>Day length: sunrise hour angle cos h₀ = −tan φ tan δ, δ = −23.45° cos(2π (yday + 10) / 365); N = 2 h₀ / ω.</item>
/// <item>Humidity: dew point = Tmin, so the vapour pressure e = es(Tmin); VPD = es(Tday) − e with Tday = Tavg + 0.45 (Tmax − Tavg).</item>
/// <item>Radiation: Rs = Ra · Tt,max · Tf,max. Ra and the clear-sky transmittance Tt,max,0 = ∫S cos z τ0^(m p/p0) dt / ∫S cos z dt
/// are integrated over the day (air mass m from Kasten and Young 1989, pressure p from the elevation);
/// Tt,max = Tt,max,0 + ABASE · e; Tf,max = 1 − 0.9 exp(−B ΔT^1.5), B = 0.031 + 0.201 exp(−0.185 ΔT̄) with ΔT = Tmax − Tmin
/// and ΔT̄ its 30-day running mean; × 0.75 on wet days.</item>
/// </list>
/// </summary>
public static class MtClim
{
    /// <summary>[Pa] Standard sea-level pressure.</summary>
    public const double SeaLevelPressurePa = 101325.0;

    /// <summary>[Pa] Air pressure at an elevation [m] (standard atmosphere: p0 (1 − 2.25577e-5 z)^5.25588).</summary>
    public static double PressurePa(double elevationM) => SeaLevelPressurePa * Math.Pow(1 - 2.25577e-5 * elevationM, 5.25588);

    /// <summary>[rad] Solar declination on a yearday (1–365).</summary>
    public static double Declination(int yearday) => -23.45 * Math.PI / 180 * Math.Cos(2 * Math.PI * (yearday + 10) / 365.0);

    /// <summary>[s] Day length at a latitude [degrees] on a yearday (1–365); 0 in polar night, 86400 in polar day.</summary>
    public static double DayLengthS(double latitude, int yearday)
    {
        double phi = latitude * Math.PI / 180, d = Declination(yearday);
        double cosH = Math.Clamp(-Math.Tan(phi) * Math.Tan(d), -1, 1);
        return 2 * Math.Acos(cosH) / (2 * Math.PI) * 86400;
    }

    /// <summary>[-] Relative optical air mass at a solar zenith angle [rad] (Kasten and Young 1989).</summary>
    public static double AirMass(double zenith)
    {
        double zDeg = zenith * 180 / Math.PI;
        return 1.0 / (Math.Cos(zenith) + 0.50572 * Math.Pow(96.07995 - zDeg, -1.6364));
    }

    /// <summary>
    /// Daily top-of-atmosphere radiation on a flat surface [J m-2 d-1] and clear-sky dry-air transmittance Tt,max,0 [-],
    /// integrated in steps of <see cref="MtClimSettings.StepSeconds"/> from sunrise to sunset.
    /// </summary>
    public static (double RaJ, double ClearSky) ClearSkyDay(double latitude, double elevationM, int yearday, MtClimSettings s)
    {
        double phi = latitude * Math.PI / 180, d = Declination(yearday);
        double dr = 1 + 0.033 * Math.Cos(2 * Math.PI * yearday / 365.0);
        double pRatio = PressurePa(elevationM) / SeaLevelPressurePa;
        double h0 = Math.Acos(Math.Clamp(-Math.Tan(phi) * Math.Tan(d), -1, 1));
        double dh = 2 * Math.PI * s.StepSeconds / 86400;
        double top = 0, clear = 0;
        for (double h = -h0 + dh / 2; h < h0; h += dh)
        {
            double cosZ = Math.Sin(phi) * Math.Sin(d) + Math.Cos(phi) * Math.Cos(d) * Math.Cos(h);
            if (cosZ <= 0) continue;
            double flux = s.SolarConstantWm2 * dr * cosZ * s.StepSeconds;
            top += flux;
            clear += flux * Math.Pow(s.Tau0, AirMass(Math.Acos(cosZ)) * pRatio);
        }
        return (top, top > 0 ? clear / top : 0);
    }

    /// <summary>
    /// Fills <paramref name="vpd"/> [Pa], <paramref name="srad"/> [W m-2, daylight mean] and <paramref name="dayLength"/> [s]
    /// for whole 365-day years of Tmax, Tmin [°C] and precipitation [mm d-1]. Either output array may be null (not wanted).
    /// </summary>
    public static void Derive(double latitude, double elevationM, double[] tmax, double[] tmin, double[] prcp,
        double[]? vpd, double[]? srad, double[] dayLength, MtClimSettings? settings = null)
    {
        var s = settings ?? new MtClimSettings();
        const int D = MetSeries.DaysPerYear;
        int n = tmax.Length;
        var ra = new double[D]; var tt0 = new double[D]; var dl = new double[D];
        for (int d = 0; d < D; d++)
        {
            (ra[d], tt0[d]) = ClearSkyDay(latitude, elevationM, d + 1, s);
            dl[d] = DayLengthS(latitude, d + 1);
        }
        var meanRange = RunningMeanRange(tmax, tmin, s.RangeWindowDays);
        for (int i = 0; i < n; i++)
        {
            int d = i % D;
            dayLength[i] = dl[d];
            double e = WeatherGenerator.SaturationVapourPressurePa(tmin[i]); // dew point = Tmin
            if (vpd is not null)
            {
                double tavg = (tmax[i] + tmin[i]) / 2, tday = tavg + s.DaytimeTemperatureWeight * (tmax[i] - tavg);
                vpd[i] = Math.Max(0.0, WeatherGenerator.SaturationVapourPressurePa(tday) - e);
            }
            if (srad is not null)
            {
                double range = Math.Max(0.0, tmax[i] - tmin[i]);
                double b = s.B0 + s.B1 * Math.Exp(-s.B2 * meanRange[i]);
                double tf = 1 - 0.9 * Math.Exp(-b * Math.Pow(range, s.C));
                if (prcp[i] > 0) tf *= s.WetDayFactor;
                double tt = Math.Max(0.0, tt0[d] + s.TransmittancePerPaVapour * e);
                srad[i] = dl[d] > 0 ? ra[d] * tt * tf / dl[d] : 0.0;
            }
        }
    }

    /// <summary>[K] Centred running mean of Tmax − Tmin over <paramref name="window"/> days (shorter at the series' ends).</summary>
    public static double[] RunningMeanRange(double[] tmax, double[] tmin, int window)
    {
        int n = tmax.Length, half = window / 2;
        var prefix = new double[n + 1];
        for (int i = 0; i < n; i++) prefix[i + 1] = prefix[i] + (tmax[i] - tmin[i]);
        var mean = new double[n];
        for (int i = 0; i < n; i++)
        {
            int a = Math.Max(0, i - half), b = Math.Min(n, i - half + window);
            mean[i] = (prefix[b] - prefix[a]) / (b - a);
        }
        return mean;
    }
}
