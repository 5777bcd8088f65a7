namespace CarbonSim.Model.Climate;

/// <summary>
/// Daily weather of a place from station records (docs/data.md "Stations to climate zones"): inverse-distance-squared
/// weighting over the stations (distance floored at 1 km), temperatures reduced to sea level with the lapse rate Γ before
/// weighting and brought back to the place's elevation (T = Σ wᵢ (Tᵢ + Γ zᵢ) / Σ wᵢ − Γ z), precipitation weighted as
/// is. One station is that station everywhere, shifted by Γ (zᵢ − z). VPD and radiation are weighted when every
/// station has them, otherwise derived from the place's temperatures by <see cref="MtClim"/>; day length always is.
/// </summary>
public static class StationWeather
{
    /// <summary>[km] Floor of station distances (a station at the place does not take all the weight by division by 0).</summary>
    public const double MinDistanceKm = 1.0;

    /// <summary>[-] Normalised inverse-distance-squared weights of the stations for a place.</summary>
    public static double[] Weights(IReadOnlyList<StationRecord> stations, double latitude, double longitude)
    {
        var w = new double[stations.Count];
        for (int i = 0; i < w.Length; i++)
        {
            double d = Math.Max(MinDistanceKm, NormalsFiller.DistanceKm(latitude, longitude, stations[i].Latitude, stations[i].Longitude));
            w[i] = 1.0 / (d * d);
        }
        double sum = w.Sum();
        for (int i = 0; i < w.Length; i++) w[i] /= sum;
        return w;
    }

    /// <summary>[m] Weighted station elevation: the place's elevation when none is given (then the lapse rate only evens out the stations).</summary>
    public static double WeightedElevationM(IReadOnlyList<StationRecord> stations, double[] weights)
    {
        double z = 0;
        for (int i = 0; i < weights.Length; i++) z += weights[i] * stations[i].ElevationM;
        return z;
    }

    /// <summary>
    /// The met series of a place: met year k takes the record year <paramref name="recordYears"/>[k] (every station covers it)
    /// and is labelled with that record year.
    /// </summary>
    public static MetSeries ForPlace(IReadOnlyList<StationYears> stations, double latitude, double longitude, double elevationM,
        int[] recordYears, double lapseRateKPerM, MtClimSettings? settings = null)
    {
        if (stations.Count == 0) throw new ArgumentException("no stations", nameof(stations));
        const int D = MetSeries.DaysPerYear;
        var w = Weights(stations.Select(s => s.Station).ToList(), latitude, longitude);
        int n = recordYears.Length * D;
        double[] tmax = new double[n], tmin = new double[n], prcp = new double[n], vpd = new double[n], srad = new double[n], dayl = new double[n];
        bool allVpd = stations.All(s => s.Vpd is not null), allSrad = stations.All(s => s.Srad is not null);
        for (int k = 0; k < recordYears.Length; k++)
            for (int i = 0; i < stations.Count; i++)
            {
                var s = stations[i];
                int src = (recordYears[k] - s.FirstYear) * D, dst = k * D;
                if (recordYears[k] < s.FirstYear || recordYears[k] > s.LastYear)
                    throw new ArgumentException($"record year {recordYears[k]} outside {s.FirstYear}–{s.LastYear} of {s.Station.Path}");
                double shift = lapseRateKPerM * (s.Station.ElevationM - elevationM);
                for (int d = 0; d < D; d++)
                {
                    tmax[dst + d] += w[i] * (s.Tmax[src + d] + shift);
                    tmin[dst + d] += w[i] * (s.Tmin[src + d] + shift);
                    prcp[dst + d] += w[i] * s.Prcp[src + d];
                    if (allVpd) vpd[dst + d] += w[i] * s.Vpd![src + d];
                    if (allSrad) srad[dst + d] += w[i] * s.Srad![src + d];
                }
            }
        MtClim.Derive(latitude, elevationM, tmax, tmin, prcp, allVpd ? null : vpd, allSrad ? null : srad, dayl, settings);
        return new MetSeries([.. recordYears], tmax, tmin, prcp, vpd, srad, dayl);
    }
}
