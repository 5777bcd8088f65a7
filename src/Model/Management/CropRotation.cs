using CarbonSim.Model.Parameters;

namespace CarbonSim.Model.Management;

/// <summary>
/// A managed cropland rotation (issue #11 item 1): the crops grown one after another on the same
/// ground within each year, each with its own ecophysiology, calendar, fertiliser and irrigation.
/// The calendar repeats every year; seasons may cross the new year (winter wheat) but must not
/// overlap. Loaded from a crop-calendar CSV (<c>Scenario.CropCalendarReader</c>); carried on
/// <see cref="EcophysParameters.Management"/> of the rotation's vegetation type.
/// </summary>
/// <param name="Name">[-] Rotation name (the vegetation type name the class table refers to).</param>
/// <param name="Seasons">[-] The crop seasons in calendar order (at least one).</param>
public sealed record CropRotation(string Name, IReadOnlyList<CropSeason> Seasons)
{
    /// <summary>Changes of practice from a year on (<see cref="PracticeChange"/>), ascending years; null = the calendar's practice every year
    /// (left out of JSON, so the content and spin-up keys of rotations without changes stay as they were).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<PracticeChange>? Practices { get; init; }
}

/// <summary>
/// One crop of a rotation. Days are 0-based days of the 365-day year (the CSV is 1-based).
/// The crop's displayed "leaf" pool stands for its whole aboveground biomass (BIOME-BGC grasses
/// have no stem pools); the .epc's SLA is set per unit aboveground C accordingly (docs/management.md).
/// </summary>
/// <param name="Crop">[-] Crop name (e.g. "winter_wheat").</param>
/// <param name="Epc">[-] The crop's ecophysiological constants (non-woody, current-growth proportion 1).</param>
/// <param name="SowDay">[yday, 0-based] Sowing day: the seed is added at the start of the day.</param>
/// <param name="HarvestDay">[yday, 0-based] Harvest day: the crop is harvested at the end of the day.</param>
/// <param name="HarvestIndex">[kgC kgC-1] Grain share of aboveground C at harvest.</param>
/// <param name="ResidueReturn">[-] Share of the straw (aboveground C that is not grain) left on the field as litter.</param>
/// <param name="SeedC">[kgC m-2] Seed C sown (split into leaf and fine root by the .epc's allocation ratio; N at their C:N).</param>
/// <param name="Fertiliser">[kgN m-2] Mineral N applications (day, amount), released into soil mineral N from that day on.</param>
/// <param name="FertiliserReleaseDays">[d] Each application enters soil mineral N in equal daily parts over this many days
/// (clipped at harvest), standing for the fertiliser's persistence in the soil: the kernel's single mineral-N pool loses
/// half of any N the plants and microbes do not take up to bulk denitrification every day (BIOME-BGC 4.2), so a dose
/// added at once would be gone within a week.</param>
/// <param name="Irrigation">[kg m-2 = mm] Irrigation events (day, amount), added to soil water at the start of the day.</param>
/// <param name="IrrigationTrigger">[-] An event is skipped when soil water is at or above this fraction of field capacity.</param>
/// <param name="GrainMoisture">[-] Moisture content of grain at which yields are reported (statistical standard).</param>
public sealed record CropSeason(
    string Crop,
    EcophysParameters Epc,
    int SowDay,
    int HarvestDay,
    double HarvestIndex,
    double ResidueReturn,
    double SeedC,
    IReadOnlyList<ManagementEvent> Fertiliser,
    int FertiliserReleaseDays,
    IReadOnlyList<ManagementEvent> Irrigation,
    double IrrigationTrigger,
    double GrainMoisture)
{
    /// <summary>[d] Length of the season, sowing and harvest day included.</summary>
    public int Length => CropCalendar.DaysFrom(SowDay, HarvestDay) + 1;

    /// <summary>True if <paramref name="yday"/> (0-based) lies in the season, sowing and harvest day included.</summary>
    public bool Contains(int yday) => CropCalendar.DaysFrom(SowDay, yday) < Length;
}

/// <summary>One dated management application.</summary>
/// <param name="Day">[yday, 0-based] Day of the application.</param>
/// <param name="Amount">[kg m-2] Amount (kgN m-2 for fertiliser, kg water m-2 = mm for irrigation).</param>
public sealed record ManagementEvent(int Day, double Amount);
