using System.Collections.Immutable;

namespace CarbonSim.Model.Climate;

/// <summary>Monthly climate statistics of a daily series (one month of the year over several years).</summary>
/// <param name="Month">1–12.</param>
/// <param name="TmaxC">[°C] Mean daily maximum.</param>
/// <param name="TminC">[°C] Mean daily minimum.</param>
/// <param name="TmaxSdK">[K] Standard deviation of daily Tmax about the month's calendar mean of each year (day-to-day spread).</param>
/// <param name="TminSdK">[K] Same for Tmin.</param>
/// <param name="PrcpMm">[kg m-2 month-1] Mean monthly total.</param>
/// <param name="PrcpSdMm">[kg m-2 month-1] Standard deviation of the monthly total between years.</param>
/// <param name="WetDayFraction">[-] Share of days with precipitation ≥ the wet-day threshold.</param>
/// <param name="SradWm2">[W m-2] Mean daylight shortwave radiation.</param>
/// <param name="VpdPa">[Pa] Mean daylight vapour pressure deficit.</param>
public sealed record MonthlyClimate(int Month, double TmaxC, double TminC, double TmaxSdK, double TminSdK, double PrcpMm, double PrcpSdMm,
    double WetDayFraction, double SradWm2, double VpdPa);

/// <summary>Statistics of a daily series over whole years, as compared in docs/data.md ("The weather generator against the record").</summary>
/// <param name="MeanDrySpellDays">[d] Mean length of runs of dry days (spells cut at the series' ends are counted as they are).</param>
/// <param name="MaxDrySpellDays">[d] Mean over years of each year's longest dry run (runs attributed to the year they end in).</param>
public sealed record ClimateSummary(ImmutableArray<MonthlyClimate> Months, double MeanDrySpellDays, double MaxDrySpellDays)
{
    /// <summary>[kg m-2 a-1] Mean annual precipitation.</summary>
    public double AnnualPrcpMm => Months.Sum(m => m.PrcpMm);
}

/// <summary>Monthly statistics of a <see cref="MetSeries"/>, and normals taken from them.</summary>
public static class ClimateStatistics
{
    /// <summary>[kg m-2 d-1] Default wet-day threshold (0.1 mm: the smallest amount GHCN-Daily reports).</summary>
    public const double DefaultWetDayMm = 0.1;

    /// <summary>Statistics of met years <paramref name="firstYear"/> .. + <paramref name="years"/> − 1 (0-based met-year indices).</summary>
    public static ClimateSummary Of(MetSeries met, int firstYear, int years, double wetDayMm = DefaultWetDayMm)
    {
        if (years < 1 || firstYear < 0 || firstYear + years > met.YearCount) throw new ArgumentOutOfRangeException(nameof(years));
        const int D = MetSeries.DaysPerYear;
        var months = ImmutableArray.CreateBuilder<MonthlyClimate>(12);
        for (int m = 0; m < 12; m++)
        {
            int len = Calendar365.MonthDays[m], s0 = Calendar365.MonthStart[m];
            double hi = 0, lo = 0, srad = 0, vpd = 0, wet = 0, varHi = 0, varLo = 0;
            var totals = new double[years];
            for (int y = 0; y < years; y++)
            {
                int o = (firstYear + y) * D + s0;
                double mh = 0, ml = 0;
                for (int d = 0; d < len; d++) { mh += met.Tmax[o + d]; ml += met.Tmin[o + d]; }
                mh /= len; ml /= len;
                for (int d = 0; d < len; d++)
                {
                    varHi += Sq(met.Tmax[o + d] - mh); varLo += Sq(met.Tmin[o + d] - ml);
                    totals[y] += met.Prcp[o + d];
                    if (met.Prcp[o + d] >= wetDayMm) wet++;
                    srad += met.Srad[o + d]; vpd += met.Vpd[o + d];
                }
                hi += mh; lo += ml;
            }
            double n = (double)years * len, meanP = totals.Average();
            double sdP = years > 1 ? Math.Sqrt(totals.Sum(t => Sq(t - meanP)) / (years - 1)) : 0;
            months.Add(new MonthlyClimate(m + 1, hi / years, lo / years, Math.Sqrt(varHi / (n - years)), Math.Sqrt(varLo / (n - years)),
                meanP, sdP, wet / n, srad / n, vpd / n));
        }
        // Dry spells over the whole stretch.
        int run = 0, spells = 0; long spellDays = 0;
        var longest = new int[years];
        for (int i = 0; i < years * D; i++)
        {
            bool dry = met.Prcp[firstYear * D + i] < wetDayMm;
            if (dry) run++;
            if ((!dry || i == years * D - 1) && run > 0)
            {
                spells++; spellDays += run;
                int y = i / D;
                longest[y] = Math.Max(longest[y], run);
                run = 0;
            }
        }
        return new ClimateSummary(months.MoveToImmutable(), spells > 0 ? (double)spellDays / spells : 0, longest.Average());
    }

    /// <summary>Monthly normals (mean Tmax, Tmin, precipitation) of a series, as a station for the weather generator.</summary>
    public static StationNormals Normals(ClimateSummary s, string cityId, string city, string station, double latitude, double longitude, double elevationM, string source)
        => new(cityId, city, station, latitude, longitude, elevationM, [.. s.Months.Select(m => m.TmaxC)], [.. s.Months.Select(m => m.TminC)],
            [.. s.Months.Select(m => m.PrcpMm)], true, source);

    private static double Sq(double x) => x * x;
}
