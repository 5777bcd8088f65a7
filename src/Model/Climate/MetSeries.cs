namespace CarbonSim.Model.Climate;

/// <summary>
/// A daily weather record of whole 365-day years (no leap days), recycled cyclically by the
/// kernel. Struct-of-arrays: index d = year * 365 + (yday - 1). This is what a BIOME-BGC met
/// file (.mtc41/.mtc43) holds; the weather generator produces the same shape.
/// </summary>
public sealed class MetSeries
{
    public const int DaysPerYear = 365;

    /// <summary>[a] Calendar year of each met year (as read; not checked by the kernel).</summary>
    public int[] Years { get; }
    /// <summary>[°C] Daily maximum air temperature.</summary>
    public double[] Tmax { get; }
    /// <summary>[°C] Daily minimum air temperature.</summary>
    public double[] Tmin { get; }
    /// <summary>[kg m-2 d-1] (= mm d-1) Daily precipitation. Files give cm; readers convert.</summary>
    public double[] Prcp { get; }
    /// <summary>[Pa] Daylight-average vapour pressure deficit.</summary>
    public double[] Vpd { get; }
    /// <summary>[W m-2] Daylight-average shortwave radiation.</summary>
    public double[] Srad { get; }
    /// <summary>[s] Day length.</summary>
    public double[] DayLength { get; }

    public int YearCount => Years.Length;
    public int DayCount => Tmax.Length;

    public MetSeries(int[] years, double[] tmax, double[] tmin, double[] prcp, double[] vpd, double[] srad, double[] dayLength)
    {
        int n = years.Length * DaysPerYear;
        if (tmax.Length != n || tmin.Length != n || prcp.Length != n || vpd.Length != n || srad.Length != n || dayLength.Length != n)
            throw new ArgumentException($"MetSeries: every daily array must hold {n} values ({years.Length} years × 365 days).");
        Years = years; Tmax = tmax; Tmin = tmin; Prcp = prcp; Vpd = vpd; Srad = srad; DayLength = dayLength;
    }
}
