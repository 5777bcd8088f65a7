using System.Collections.Immutable;
using System.Globalization;

namespace CarbonSim.Model.Climate;

/// <summary>
/// Gives stations without monthly values a derived set from the measured stations (documented in docs/data.md).
/// Temperature (Tmax and Tmin separately, per month): reduce each measured value to sea level with a constant
/// lapse rate Γ (T + Γz), fit a straight line in latitude by least squares (the north–south gradient),
/// interpolate the fit's residuals by inverse distance squared, and bring the result back to the station's
/// elevation (− Γz). Precipitation (per month): inverse-distance-squared weighting of the measured totals.
/// Derived stations are labelled <see cref="StationNormals.Measured"/> = false with the rule as their source.
/// </summary>
public static class NormalsFiller
{
    /// <summary>[km] Mean Earth radius for station distances.</summary>
    public const double EarthRadiusKm = 6371.0;

    public static ImmutableArray<StationNormals> Fill(ImmutableArray<StationNormals> stations, double lapseRateKPerM, string file)
    {
        var measured = stations.Where(s => s.Measured).ToList();
        if (measured.Count == 0)
            throw new InvalidInputException(file, "all cities", "no monthly values", "monthly normals for at least one city");
        if (measured.Count == stations.Length) return stations;
        var rule = string.Format(CultureInfo.InvariantCulture,
            "derived: latitude regression of sea-level temperature over {0} measured stations ({1}), lapse {2:0.##} K/km, " +
            "inverse-distance-squared residuals; precipitation inverse-distance-squared",
            measured.Count, string.Join(", ", measured.Select(s => s.City)), lapseRateKPerM * 1000);
        var result = ImmutableArray.CreateBuilder<StationNormals>(stations.Length);
        foreach (var s in stations)
        {
            if (s.Measured) { result.Add(s); continue; }
            var w = measured.Select(m => 1.0 / Math.Max(1.0, Square(DistanceKm(s.Latitude, s.Longitude, m.Latitude, m.Longitude)))).ToArray();
            double wsum = w.Sum();
            var tmax = new double[12]; var tmin = new double[12]; var prcp = new double[12];
            for (int mo = 0; mo < 12; mo++)
            {
                tmax[mo] = Temperature(measured, m => m.TmaxC[mo], s, w, wsum, lapseRateKPerM);
                tmin[mo] = Temperature(measured, m => m.TminC[mo], s, w, wsum, lapseRateKPerM);
                if (tmin[mo] > tmax[mo]) (tmin[mo], tmax[mo]) = (tmax[mo], tmin[mo]);
                double p = 0;
                for (int i = 0; i < measured.Count; i++) p += w[i] * measured[i].PrcpMm[mo];
                prcp[mo] = p / wsum;
            }
            result.Add(s with { TmaxC = [.. tmax], TminC = [.. tmin], PrcpMm = [.. prcp], Measured = false, Source = rule });
        }
        return result.MoveToImmutable();
    }

    private static double Temperature(List<StationNormals> measured, Func<StationNormals, double> value, StationNormals target,
        double[] w, double wsum, double lapse)
    {
        int n = measured.Count;
        var seaLevel = measured.Select(m => value(m) + lapse * m.ElevationM).ToArray();
        double meanLat = measured.Average(m => m.Latitude), meanT = seaLevel.Average();
        double sxx = 0, sxy = 0;
        for (int i = 0; i < n; i++)
        {
            double dx = measured[i].Latitude - meanLat;
            sxx += dx * dx; sxy += dx * (seaLevel[i] - meanT);
        }
        double slope = sxx > 1e-9 ? sxy / sxx : 0.0; // [K per degree latitude]
        double Fit(double lat) => meanT + slope * (lat - meanLat);
        double resid = 0;
        for (int i = 0; i < n; i++) resid += w[i] * (seaLevel[i] - Fit(measured[i].Latitude));
        return Fit(target.Latitude) + resid / wsum - lapse * target.ElevationM;
    }

    /// <summary>[km] Great-circle distance (haversine).</summary>
    public static double DistanceKm(double lat1, double lon1, double lat2, double lon2)
    {
        double r = Math.PI / 180;
        double dlat = (lat2 - lat1) * r, dlon = (lon2 - lon1) * r;
        double a = Square(Math.Sin(dlat / 2)) + Math.Cos(lat1 * r) * Math.Cos(lat2 * r) * Square(Math.Sin(dlon / 2));
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    private static double Square(double x) => x * x;
}
