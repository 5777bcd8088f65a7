using CarbonSim.Model.Kernel;
using static CarbonSim.Model.Kernel.KernelConstants;

namespace CarbonSim.Model.Processes;

/// <summary>Met quantities derived from the daily record (science notes §1 step 2).</summary>
public static class MetDerived
{
    /// <summary>[Pa] Air pressure at elevation z [m], standard atmosphere: P0 (1 − L z / T0)^(g / (L R/Ma)).</summary>
    public static double AirPressure(double elevation)
    {
        double t1 = 1.0 - LapseRateStd * elevation / TemperatureStd;
        double t2 = GravityStd / (LapseRateStd * (GasConstant / MolarMassAir));
        return PressureStd * Math.Pow(t1, t2);
    }

    /// <summary>[°C] Daylight temperature Tday = Tavg + 0.45 (Tmax − Tavg).</summary>
    public static double DaylightTemperature(double tmax, double tavg) => DaylightTemperatureWeight * (tmax - tavg) + tavg;

    /// <summary>[°C] Night temperature (Tday + Tmin) / 2.</summary>
    public static double NightTemperature(double tday, double tmin) => (tday + tmin) / 2.0;

    /// <summary>
    /// [°C] Linearly weighted running mean of <paramref name="tavg"/> over a trailing window (weights
    /// 1..w, newest heaviest); the first w−1 days use the partial window. Used as 10 cm soil temperature.
    /// </summary>
    public static double[] TrailingWeightedMean(double[] tavg, int window)
    {
        var result = new double[tavg.Length];
        for (int i = 0; i < tavg.Length; i++)
        {
            double total = 0, sum = 0;
            int j0 = i < window - 1 ? window - i - 1 : 0;
            for (int j = j0; j < window; j++)
            {
                double w = j + 1;
                total += w * tavg[i - window + j + 1];
                sum += w;
            }
            result[i] = total / sum;
        }
        return result;
    }

    /// <summary>
    /// [°C] Soil temperature: the running mean nudged toward the long-term mean air temperature by
    /// 20 % of the gap, or 83 % when snow lies on the ground.
    /// </summary>
    public static double SoilTemperature(double runningMean, double longTermMeanAir, bool snowPresent)
    {
        double gap = longTermMeanAir - runningMean;
        return runningMean + (snowPresent ? SoilTemperatureNudgeSnow : SoilTemperatureNudge) * gap;
    }
}
