using System.Globalization;

namespace CarbonSim.Model.Climate;

/// <summary>
/// Whole 365-day years <see cref="FirstYear"/>..<see cref="LastYear"/> of a station record with its gaps filled:
/// index d = (year − FirstYear) · 365 + (yday − 1). Leap days are dropped (their precipitation is added to
/// 28 February, so no water is lost).
/// </summary>
/// <param name="FilledDays">[d] Values filled by the gap rule (all variables together), for the log.</param>
public sealed record StationYears(StationRecord Station, int FirstYear, int LastYear,
    double[] Tmax, double[] Tmin, double[] Prcp, double[]? Vpd, double[]? Srad, int FilledDays)
{
    public int YearCount => LastYear - FirstYear + 1;
}

/// <summary>
/// The gap rule for station records (docs/data.md "Station daily records"): within the years used, a run of
/// at most <c>maxGapDays</c> missing days is filled — temperatures (and VPD, radiation) linearly between the
/// valid days either side (the nearer side alone at the record's edge), precipitation with 0 mm — and a longer run
/// is an error naming the file, the variable, the date range and the tolerance.
/// </summary>
public static class StationGaps
{
    public static StationYears Take(StationRecord r, int firstYear, int lastYear, int maxGapDays, string toleranceKey)
    {
        var from = new DateOnly(firstYear, 1, 1);
        var to = new DateOnly(lastYear, 12, 31);
        int a = from.DayNumber - r.FirstDate.DayNumber, b = to.DayNumber - r.FirstDate.DayNumber; // inclusive, may lie outside the file
        int filled = 0;
        double[] Fill(double[] src, string name, bool zeroFill)
        {
            int n = b - a + 1;
            var dst = new double[n];
            for (int k = 0; k < n; k++) { int i = a + k; dst[k] = i >= 0 && i < src.Length ? src[i] : double.NaN; }
            int k0 = 0;
            while (k0 < n)
            {
                if (!double.IsNaN(dst[k0])) { k0++; continue; }
                int k1 = k0;
                while (k1 + 1 < n && double.IsNaN(dst[k1 + 1])) k1++;
                int len = k1 - k0 + 1;
                if (len > maxGapDays)
                    throw new InvalidInputException(r.Path, string.Format(CultureInfo.InvariantCulture, "{0} {1:yyyy-MM-dd}..{2:yyyy-MM-dd}", name, from.AddDays(k0), from.AddDays(k1)),
                        $"{len} missing days", $"gaps of at most {maxGapDays} days ({toleranceKey}) in the years used, {firstYear}–{lastYear}");
                // Neighbours may lie outside the years used (still inside the file).
                double left = Neighbour(src, a + k0 - 1, -1, maxGapDays), right = Neighbour(src, a + k1 + 1, +1, maxGapDays);
                for (int k = k0; k <= k1; k++)
                {
                    if (zeroFill) dst[k] = 0.0;
                    else if (!double.IsNaN(left) && !double.IsNaN(right)) dst[k] = left + (right - left) * (k - k0 + 1) / (len + 1.0);
                    else dst[k] = double.IsNaN(left) ? right : left;
                    if (double.IsNaN(dst[k]))
                        throw new InvalidInputException(r.Path, string.Format(CultureInfo.InvariantCulture, "{0} {1:yyyy-MM-dd}..{2:yyyy-MM-dd}", name, from.AddDays(k0), from.AddDays(k1)),
                            "no valid value within " + maxGapDays + " days on either side", "a valid day on at least one side of every filled gap");
                }
                filled += len;
                k0 = k1 + 1;
            }
            return dst;
        }
        var tmax = Fill(r.Tmax, "TMAX", false);
        var tmin = Fill(r.Tmin, "TMIN", false);
        var prcp = Fill(r.Prcp, "PRCP", true);
        var vpd = r.Vpd is null ? null : Fill(r.Vpd, "vpd_pa", false);
        var srad = r.Srad is null ? null : Fill(r.Srad, "srad_w_m2", false);
        for (int k = 0; k < tmax.Length; k++)
            if (tmin[k] > tmax[k]) (tmin[k], tmax[k]) = (tmax[k], tmin[k]); // only possible on filled days
        return new StationYears(r, firstYear, lastYear, To365(tmax, from, lastYear, false), To365(tmin, from, lastYear, false),
            To365(prcp, from, lastYear, true), vpd is null ? null : To365(vpd, from, lastYear, false), srad is null ? null : To365(srad, from, lastYear, false), filled);
    }

    private static double Neighbour(double[] src, int i, int step, int reach)
    {
        for (int k = 0; k <= reach && i >= 0 && i < src.Length; k++, i += step)
            if (!double.IsNaN(src[i])) return src[i];
        return double.NaN;
    }

    /// <summary>Drops 29 February; with <paramref name="addLeapDay"/> its value is added to 28 February (precipitation).</summary>
    private static double[] To365(double[] byDate, DateOnly from, int lastYear, bool addLeapDay)
    {
        int years = lastYear - from.Year + 1;
        var d365 = new double[years * MetSeries.DaysPerYear];
        int o = 0;
        for (int k = 0; k < byDate.Length; k++)
        {
            var date = from.AddDays(k);
            if (date.Month == 2 && date.Day == 29)
            {
                if (addLeapDay) d365[o - 1] += byDate[k];
                continue;
            }
            d365[o++] = byDate[k];
        }
        return d365;
    }
}

/// <summary>What happens to a calendar year outside the station record.</summary>
public enum BeyondRecord
{
    /// <summary>An error (the default).</summary>
    Error,
    /// <summary>The record is cycled: year y uses record year first + ((y − first) mod length).</summary>
    Cycle,
}

/// <summary>Calendar years of a run → years of the record (docs/data.md "Calendar years").</summary>
public static class RecordCalendar
{
    /// <summary>
    /// The met years of a run in the order the engine indexes them: met year 0 is <paramref name="start"/>, so the scenario
    /// years start..end come first and the history years historyStart..start−1 follow (the engine takes year y's weather
    /// from met year (y − start) mod length, which for a history year is exactly its place at the end).
    /// </summary>
    public static int[] MetYearOrder(int start, int end, int? historyStart)
    {
        var years = new List<int>();
        for (int y = start; y <= end; y++) years.Add(y);
        if (historyStart is { } h) for (int y = h; y < start; y++) years.Add(y);
        return [.. years];
    }

    /// <summary>The record year each calendar year uses; a year outside [first, last] is an error unless cycled.</summary>
    public static int[] RecordYears(IReadOnlyList<int> calendarYears, int first, int last, BeyondRecord rule, string file, string key)
    {
        int len = last - first + 1;
        var result = new int[calendarYears.Count];
        for (int i = 0; i < result.Length; i++)
        {
            int y = calendarYears[i];
            if (y >= first && y <= last) { result[i] = y; continue; }
            if (rule == BeyondRecord.Error)
            {
                int lo = calendarYears.Min(), hi = calendarYears.Max();
                throw new InvalidInputException(file, key, $"years {lo}–{hi}",
                    $"years inside the station record {first}–{last} (or 'climate.beyond_record: cycle' to cycle the record)");
            }
            result[i] = first + (((y - first) % len) + len) % len;
        }
        return result;
    }
}
