using CarbonSim.Model.Kernel;

namespace CarbonSim.Model.Management;

/// <summary>
/// A <see cref="CropRotation"/> prepared for the kernel (built once per <see cref="CellModel"/>,
/// immutable): which season is active on each day of the year, the vegetation constants of each
/// crop, and the day's fertiliser and irrigation amounts. The crops' phenology is the calendar:
/// a crop grows from its sowing day to its harvest day (BIOME-BGC's transfer and litterfall
/// periods are not used).
/// </summary>
public sealed class CropCalendar
{
    /// <summary>[-] Days per (met) year.</summary>
    public const int DaysPerYear = KernelConstants.DaysPerYear;

    public CropRotation Rotation { get; }
    /// <summary>[-] Vegetation constants of each season's crop (same order as <see cref="CropRotation.Seasons"/>).</summary>
    public IReadOnlyList<VegetationConstants> Vegetation { get; }
    readonly int[] _seasonOfDay;          // -1 = fallow
    readonly double[] _fertiliser, _irrigation;
    readonly (int FromYear, CropCalendar Calendar)[] _practices = [];   // the calendars of the rotation's practice changes, ascending years

    public CropCalendar(CropRotation rotation)
    {
        Rotation = rotation ?? throw new ArgumentNullException(nameof(rotation));
        if (rotation.Practices is { Count: > 0 } changes)
        {
            for (int i = 1; i < changes.Count; i++)
                if (changes[i].FromYear <= changes[i - 1].FromYear)
                    throw new InvalidInputException(rotation.Name, "practices", $"from {changes[i].FromYear} after {changes[i - 1].FromYear}", "changes in ascending years");
            _practices = changes.Select((c, i) => (c.FromYear, new CropCalendar(PracticeChange.Apply(rotation, changes.Take(i + 1))))).ToArray();
        }
        if (rotation.Seasons.Count == 0) throw new InvalidInputException(rotation.Name, "rotation", "no seasons", "at least one crop season");
        Vegetation = rotation.Seasons.Select(c => new VegetationConstants(c.Epc)).ToArray();
        _seasonOfDay = new int[DaysPerYear];
        Array.Fill(_seasonOfDay, -1);
        _fertiliser = new double[DaysPerYear];
        _irrigation = new double[DaysPerYear];
        for (int i = 0; i < rotation.Seasons.Count; i++)
        {
            var c = rotation.Seasons[i];
            if (c.SowDay is < 0 or >= DaysPerYear || c.HarvestDay is < 0 or >= DaysPerYear || c.SowDay == c.HarvestDay)
                throw new InvalidInputException(rotation.Name, c.Crop, $"sow {c.SowDay}, harvest {c.HarvestDay}", "0-based days 0..364, sowing ≠ harvest");
            for (int k = 0; k < c.Length; k++)
            {
                int day = (c.SowDay + k) % DaysPerYear;
                if (_seasonOfDay[day] >= 0)
                    throw new InvalidInputException(rotation.Name, c.Crop, $"day {day + 1}", $"seasons that do not overlap (overlaps {rotation.Seasons[_seasonOfDay[day]].Crop})");
                _seasonOfDay[day] = i;
            }
            if (c.FertiliserReleaseDays < 1)
                throw new InvalidInputException(rotation.Name, c.Crop, c.FertiliserReleaseDays.ToString(System.Globalization.CultureInfo.InvariantCulture), "fertiliser release days >= 1");
            foreach (var e in c.Fertiliser)
            {
                int first = CheckedDay(rotation, c, e);
                // equal daily parts over the release period, clipped at the harvest day
                int days = Math.Min(c.FertiliserReleaseDays, DaysFrom(first, c.HarvestDay) + 1);
                for (int k = 0; k < days; k++) _fertiliser[(first + k) % DaysPerYear] += e.Amount / days;
            }
            foreach (var e in c.Irrigation) _irrigation[CheckedDay(rotation, c, e)] += e.Amount;
        }
    }

    static int CheckedDay(CropRotation r, CropSeason c, ManagementEvent e)
    {
        if (!c.Contains(e.Day) || e.Amount < 0.0 || !double.IsFinite(e.Amount))
            throw new InvalidInputException(r.Name, c.Crop, $"day {e.Day + 1}, amount {e.Amount}", "an application within the crop's season (sowing to harvest) with an amount >= 0");
        return e.Day;
    }

    /// <summary>
    /// The calendar in force in <paramref name="calendarYear"/>: that of the last practice change whose year has come
    /// (<see cref="CropRotation.Practices"/>), else this one; 0 (no calendar year: spin-up) = this one.
    /// </summary>
    public CropCalendar ForYear(int calendarYear)
    {
        var c = this;
        if (calendarYear == 0) return c;
        foreach (var (from, calendar) in _practices)
            if (calendarYear >= from) c = calendar;
        return c;
    }

    /// <summary>[d] Days from <paramref name="from"/> forward to <paramref name="to"/> (0..364, wrapping at the year end).</summary>
    public static int DaysFrom(int from, int to) => ((to - from) % DaysPerYear + DaysPerYear) % DaysPerYear;

    /// <summary>[-] Index of the season growing on <paramref name="yday"/> (0-based), or −1 (fallow).</summary>
    public int SeasonOn(int yday) => _seasonOfDay[yday];

    /// <summary>The vegetation constants in force on <paramref name="yday"/>: the growing crop's, else the rotation's first crop's (fallow: no plant).</summary>
    public VegetationConstants VegetationOn(int yday) => Vegetation[Math.Max(0, _seasonOfDay[yday])];

    /// <summary>[d] Days left in the growing season on <paramref name="yday"/>, today included (0 = fallow).</summary>
    public int RemainingGrowthDays(int yday)
    {
        int i = _seasonOfDay[yday];
        return i < 0 ? 0 : DaysFrom(yday, Rotation.Seasons[i].HarvestDay) + 1;
    }

    /// <summary>[kgN m-2 d-1] Fertiliser N released into soil mineral N on <paramref name="yday"/>.</summary>
    public double FertiliserOn(int yday) => _fertiliser[yday];

    /// <summary>[kg m-2] Irrigation scheduled on <paramref name="yday"/> (before the soil-water trigger).</summary>
    public double IrrigationOn(int yday) => _irrigation[yday];

    /// <summary>True if <paramref name="yday"/> is a sowing day; <paramref name="season"/> is its index.</summary>
    public bool IsSowingDay(int yday, out int season)
    {
        season = _seasonOfDay[yday];
        return season >= 0 && Rotation.Seasons[season].SowDay == yday;
    }

    /// <summary>True if <paramref name="yday"/> is a harvest day; <paramref name="season"/> is its index.</summary>
    public bool IsHarvestDay(int yday, out int season)
    {
        season = _seasonOfDay[yday];
        return season >= 0 && Rotation.Seasons[season].HarvestDay == yday;
    }
}

/// <summary>Grain yield at statistical moisture from harvested grain carbon.</summary>
public static class CropYield
{
    /// <summary>[kgC kg DM-1] Carbon content of cereal grain dry matter (0.45, a common default for cereal grain; assumption).</summary>
    public const double GrainCarbonFraction = 0.45;

    /// <summary>
    /// [t ha-1] Fresh grain yield at moisture <paramref name="moisture"/> from grain C
    /// <paramref name="grainC"/> [kgC m-2]: dry matter = C / 0.45; fresh = dry / (1 − moisture);
    /// 1 kg m-2 = 10 t ha-1.
    /// </summary>
    public static double TonnesPerHectare(double grainC, double moisture) => grainC / GrainCarbonFraction / (1.0 - moisture) * 10.0;

    /// <summary>[kg kgC-1] Fresh grain mass at moisture <paramref name="moisture"/> per unit grain C: 1 / 0.45 / (1 − moisture).</summary>
    public static double FreshKgPerKgC(double moisture) => 1.0 / GrainCarbonFraction / (1.0 - moisture);
}
