using CarbonSim.Model.Climate;
using CarbonSim.Model.Parameters;

namespace CarbonSim.Model.Processes;

/// <summary>
/// Phenology signals for every day of the met record, computed once before a run (science notes
/// §1 step 3; White et al. 1997 for model phenology): for each day the remaining days of the
/// current growth period, of the transfer period and of the litterfall period, and the days of
/// transfer / litterfall already elapsed. Northern-hemisphere phenological years only (southern
/// sites use the same calendar; the half-year shift of the original is not implemented).
/// </summary>
public sealed class PhenologySignals
{
    /// <summary>[d] Days left in the growth period (0 = no new growth today).</summary>
    public int[] RemainingGrowthDays { get; }
    /// <summary>[d] Days left in the transfer period.</summary>
    public int[] RemainingTransferDays { get; }
    /// <summary>[d] Days left in the litterfall period (1 = the annual allocation day).</summary>
    public int[] RemainingLitterfallDays { get; }
    /// <summary>[d] Transfer days already elapsed this year.</summary>
    public int[] ElapsedTransferDays { get; }
    /// <summary>[d] Litterfall days already elapsed this year.</summary>
    public int[] ElapsedLitterfallDays { get; }
    /// <summary>[yday, 0-based] Onset and offset day of each met year (−1 = no growth).</summary>
    public int[] OnsetDay { get; }
    public int[] OffsetDay { get; }

    // ---- White et al. (1997) constants as used by BIOME-BGC 4.2 ----
    /// <summary>[s] Critical day length for tree leaf offset.</summary>
    public const double CriticalDayLength = 39300.0;
    /// <summary>[°C] Tree onset: critical soil-temperature sum = exp(a + b·Tmean).</summary>
    public const double TreeOnsetA = 4.795, TreeOnsetB = 0.129;
    /// <summary>[°C] Tree offset on cold: soil temperature at or below this.</summary>
    public const double TreeColdOffset = 2.0;
    /// <summary>[°C d] Grass soil-temperature sum: maximum, midpoint, minimum.</summary>
    public const double GrassSumMax = 1380.0, GrassSumMid = 900.0, GrassSumMin = 418.0;
    /// <summary>[-] Grass logistic slope, [-] precipitation fraction of annual, [°C] midpoint temperature.</summary>
    public const double GrassA = 32.9, GrassPrcpFraction = 0.15, GrassTmid = 9.0;
    /// <summary>[cm] Grass hot-dry offset: previous-31-day and next-7-day precipitation thresholds (in the met file's cm).</summary>
    public const double GrassPrcpPrevCrit = 1.14, GrassPrcpNextCrit = 0.97;
    /// <summary>[-] Grass hot offset: fraction of mean annual maximum temperature.</summary>
    public const double GrassTmaxFraction = 0.92;
    /// <summary>[yday, 0-based] Window of the mean autumn soil temperature used for tree offset: [244, 305).</summary>
    public const int AutumnStart = 244, AutumnEnd = 305;
    /// <summary>[yday, 0-based] Cold offsets only after mid-year.</summary>
    public const int MidYear = 182;
    /// <summary>[d] Grass hot-dry offset: no earlier than this after onset; precipitation windows back and ahead.</summary>
    public const int GrassOffsetDelay = 30, GrassPrcpBackDays = 30, GrassPrcpAheadDays = 6;
    /// <summary>[d] Onset moved earlier / offset moved later by this many days.</summary>
    public const int OnsetOffsetShift = 15;

    private PhenologySignals(int n, int years)
    {
        RemainingGrowthDays = new int[n]; RemainingTransferDays = new int[n]; RemainingLitterfallDays = new int[n];
        ElapsedTransferDays = new int[n]; ElapsedLitterfallDays = new int[n];
        OnsetDay = new int[years]; OffsetDay = new int[years];
    }

    /// <summary>
    /// Signals of a managed crop rotation (issue #11): the calendar is the phenology. On every day
    /// of a season the remaining growth days count down to the harvest day; there are no transfer
    /// or litterfall periods (the harvest ends the season) and so no annual allocation day.
    /// Onset/offset per year are the first season's sowing and harvest days.
    /// </summary>
    public static PhenologySignals FromCalendar(Management.CropCalendar calendar, int years)
    {
        int n = years * MetSeries.DaysPerYear;
        var s = new PhenologySignals(n, years);
        for (int i = 0; i < n; i++) s.RemainingGrowthDays[i] = calendar.RemainingGrowthDays(i % MetSeries.DaysPerYear);
        Array.Fill(s.OnsetDay, calendar.Rotation.Seasons[0].SowDay);
        Array.Fill(s.OffsetDay, calendar.Rotation.Seasons[0].HarvestDay);
        return s;
    }

    /// <summary>
    /// Builds the signals. <paramref name="soilTempRunningMean"/> is the 11-day weighted mean of Tavg
    /// [°C]; <paramref name="prcpCm"/> is precipitation in the file's cm d-1 (the grass model's
    /// thresholds are in cm).
    /// </summary>
    public static PhenologySignals Build(EcophysParameters e, MetSeries met, double[] tavg, double[] soilTempRunningMean, double[] tmax, double[] tmin, double[] prcpCm)
    {
        int years = met.YearCount, n = years * MetSeries.DaysPerYear;
        var s = new PhenologySignals(n, years);
        if (e.Evergreen || !e.ModelPhenology)
        {
            int on = e.OnsetYearDay, off = e.OffsetYearDay;
            for (int y = 0; y < years; y++)
            {
                if (e.Evergreen) { s.OnsetDay[y] = 0; s.OffsetDay[y] = 364; s.FillEvergreen(y); }
                else if (on == -1 && off == -1) { s.OnsetDay[y] = -1; s.OffsetDay[y] = -1; }
                else
                {
                    if (on == off) { if (on > 0) on--; else off++; }
                    s.OnsetDay[y] = on; s.OffsetDay[y] = off;
                    s.FillDeciduous(y, on, off, e);
                }
            }
            return s;
        }

        double meanTavg = 0;
        for (int i = 0; i < n; i++) meanTavg += tavg[i];
        meanTavg /= n;

        if (e.Woody)
        {
            double critSum = Math.Exp(TreeOnsetA + TreeOnsetB * meanTavg);
            double fallTavg = 0; int count = 0;
            for (int y = 0; y < years; y++)
                for (int d = AutumnStart; d < AutumnEnd; d++) { fallTavg += soilTempRunningMean[y * 365 + d]; count++; }
            fallTavg /= count;
            for (int y = 0; y < years; y++)
            {
                double sum = 0; int onset = -1, offset = -1;
                for (int d = 0; d < 365; d++)
                {
                    double ts = soilTempRunningMean[y * 365 + d], dl = met.DayLength[y * 365 + d];
                    if (onset == -1)
                    {
                        if (ts > 0.0) sum += ts;
                        if (sum >= critSum) onset = d;
                    }
                    if (onset != -1 && offset == -1 && d > MidYear && ((dl <= CriticalDayLength && ts <= fallTavg) || ts <= TreeColdOffset))
                        offset = d;
                }
                if (onset != -1)
                {
                    onset = onset >= OnsetOffsetShift ? onset - OnsetOffsetShift : 0;
                    if (offset == -1) offset = 364;
                    offset = offset <= 364 - OnsetOffsetShift ? offset + OnsetOffsetShift : 364;
                    if (onset == offset) { if (onset > 0) onset--; else offset++; }
                }
                else offset = -1;
                s.SetYear(y, onset, offset, e);
            }
        }
        else
        {
            double annPrcp = 0;
            for (int i = 0; i < n; i++) annPrcp += prcpCm[i];
            annPrcp /= n / 365.0;
            double t1 = Math.Exp(GrassA * (meanTavg - GrassTmid));
            double sumCrit = (GrassSumMax - GrassSumMin) * 0.5 * ((t1 - 1) / (t1 + 1)) + GrassSumMid;
            double prcpCrit = annPrcp * GrassPrcpFraction;
            double tmaxAnn = 0, tminAvg = 0;
            for (int y = 0; y < years; y++)
            {
                double newMax = -1000.0;
                for (int d = 0; d < 365; d++)
                {
                    double tx = tmax[y * 365 + d];
                    tminAvg += tmin[y * 365 + d];
                    if (tx > newMax) newMax = tx;
                }
                tmaxAnn += newMax;
            }
            tmaxAnn = tmaxAnn / years * GrassTmaxFraction;
            tminAvg /= years * 365.0;
            var tmin3 = new double[365];
            var tminYear = new double[365];
            for (int y = 0; y < years; y++)
            {
                int b = y * 365;
                double sumT = 0, sumP = 0; int onset = -1, offset = -1;
                for (int d = 0; d < 365; d++)
                {
                    if (onset != -1) break;
                    double ts = soilTempRunningMean[b + d];
                    if (ts > 0.0) sumT += ts;
                    sumP += prcpCm[b + d];
                    if (sumT >= sumCrit && sumP >= prcpCrit) onset = d;
                }
                if (onset != -1)
                {
                    for (int d = 0; d < 365; d++) tminYear[d] = tmin[b + d];
                    BoxcarMean3(tminYear, tmin3);
                    for (int d = onset + GrassOffsetDelay; d < 365; d++)
                    {
                        double prev = 0;
                        for (int i = d - GrassPrcpBackDays; i <= d; i++) prev += prcpCm[b + i];
                        int stop = d > 364 - GrassPrcpAheadDays ? 364 : d + GrassPrcpAheadDays;
                        double next = 0;
                        for (int i = d; i <= stop; i++) next += prcpCm[b + i];
                        if (offset == -1 && prev < GrassPrcpPrevCrit && next < GrassPrcpNextCrit && tmax[b + d] > tmaxAnn) offset = d;
                        if (offset == -1 && d > MidYear && tmin3[d] <= tminAvg) offset = d;
                    }
                    onset = onset >= OnsetOffsetShift ? onset - OnsetOffsetShift : 0;
                    if (offset == -1) offset = 364;
                    if (onset == offset) { if (onset > 0) onset--; else offset++; }
                }
                else offset = -1;
                s.SetYear(y, onset, offset, e);
            }
        }
        return s;
    }

    /// <summary>Centred 3-day boxcar mean with shortened windows at the ends.</summary>
    private static void BoxcarMean3(double[] x, double[] y)
    {
        int n = x.Length;
        for (int i = 0; i < n; i++)
        {
            int a = Math.Max(0, i - 1), b = Math.Min(n - 1, i + 1);
            double t = 0;
            for (int j = a; j <= b; j++) t += x[j];
            y[i] = t / (b - a + 1);
        }
    }

    private void SetYear(int y, int onset, int offset, EcophysParameters e)
    {
        OnsetDay[y] = onset; OffsetDay[y] = offset;
        if (onset == -1 && offset == -1) return;
        FillDeciduous(y, onset, offset, e);
    }

    private void FillEvergreen(int y)
    {
        int b = y * 365;
        for (int d = 0; d < 365; d++)
        {
            RemainingGrowthDays[b + d] = 365 - d; RemainingTransferDays[b + d] = 365 - d; RemainingLitterfallDays[b + d] = 365 - d;
            ElapsedTransferDays[b + d] = d; ElapsedLitterfallDays[b + d] = d;
        }
    }

    private void FillDeciduous(int y, int on, int off, EcophysParameters e)
    {
        int b = y * 365;
        int growthDays = off - on;
        int transferDays = Math.Clamp((int)Math.Round(e.TransferFraction * growthDays, MidpointRounding.ToEven), 1, Math.Max(1, growthDays));
        int litterDays = Math.Clamp((int)Math.Round(e.LitterfallFraction * growthDays, MidpointRounding.ToEven), 1, Math.Max(1, growthDays));
        int counter = growthDays;
        for (int d = on; d < off; d++) RemainingGrowthDays[b + d] = counter--;
        counter = transferDays;
        for (int d = on; d < on + transferDays; d++) { RemainingTransferDays[b + d] = counter; ElapsedTransferDays[b + d] = transferDays - counter; counter--; }
        for (int d = on + transferDays; d <= off && d < 365; d++) ElapsedTransferDays[b + d] = transferDays;
        counter = litterDays;
        for (int d = off - litterDays + 1; d <= off && d < 365; d++) { RemainingLitterfallDays[b + d] = counter; ElapsedLitterfallDays[b + d] = litterDays - counter; counter--; }
    }
}
