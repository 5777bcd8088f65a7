using CarbonSim.Model.Climate;
using CarbonSim.Model.Io.BiomeBgc;

namespace CarbonSim.Model.Point;

/// <summary>Whole-record changes to a met series made on loading, as BIOME-BGC's met setup does.</summary>
public static class MetAdjust
{
    /// <summary>
    /// Keeps the first <paramref name="metYears"/> years (BIOME-BGC reads exactly TIME_DEFINE's met
    /// years and ignores the rest); fails if the file holds fewer.
    /// </summary>
    public static MetSeries TakeYears(MetSeries met, int metYears, string metFile, string iniFile)
    {
        if (met.YearCount < metYears)
            throw new InvalidInputException(metFile, $"line {met.DayCount + 1} (end of data)",
                $"{met.YearCount} years ({met.DayCount} days)",
                $"at least {metYears} years of 365 days, as the ini {iniFile} says in TIME_DEFINE");
        if (met.YearCount == metYears) return met;
        int n = metYears * MetSeries.DaysPerYear;
        return new MetSeries(met.Years[..metYears], met.Tmax[..n], met.Tmin[..n], met.Prcp[..n], met.Vpd[..n], met.Srad[..n], met.DayLength[..n]);
    }

    /// <summary>
    /// Applies CLIM_CHANGE: Tmax and Tmin offsets [°C] are added, precipitation, VPD and shortwave
    /// radiation are multiplied (BIOME-BGC applies the same to every day of the record before the
    /// run; derived quantities such as Tavg, Tday and PAR follow because the kernel derives them).
    /// Returns the input unchanged when the block is the identity.
    /// </summary>
    public static MetSeries ApplyClimateChange(MetSeries met, IniClimateChange c)
    {
        if (c.IsIdentity) return met;
        int n = met.DayCount;
        double[] tmax = new double[n], tmin = new double[n], prcp = new double[n], vpd = new double[n], srad = new double[n];
        for (int d = 0; d < n; d++)
        {
            tmax[d] = met.Tmax[d] + c.TmaxOffset;
            tmin[d] = met.Tmin[d] + c.TminOffset;
            prcp[d] = met.Prcp[d] * c.PrcpMultiplier;
            vpd[d] = met.Vpd[d] * c.VpdMultiplier;
            srad[d] = met.Srad[d] * c.SwMultiplier;
        }
        return new MetSeries((int[])met.Years.Clone(), tmax, tmin, prcp, vpd, srad, (double[])met.DayLength.Clone());
    }
}
