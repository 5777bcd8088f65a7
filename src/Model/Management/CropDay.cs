using CarbonSim.Model.Kernel;

namespace CarbonSim.Model.Management;

/// <summary>
/// The management steps of one day of a managed cropland cell, in order (called by
/// <see cref="DailyStep"/> only when the cell has a <see cref="CropCalendar"/>): at the start of
/// the day sowing, fertiliser and irrigation; at its end (after mortality) the harvest.
/// </summary>
public static class CropDay
{
    /// <summary>Sowing, fertiliser and irrigation on <paramref name="yday"/> (0-based), applied to <paramref name="s"/>.</summary>
    public static void Begin(CropCalendar crops, double fieldCapacityWater, CellState s, int yday, ref DailyFluxes f)
    {
        if (crops.IsSowingDay(yday, out int sown))
            Sowing.Compute(crops.Rotation.Seasons[sown], crops.Vegetation[sown], ref f);
        Fertilisation.Compute(crops.FertiliserOn(yday), ref f);
        int season = crops.SeasonOn(yday);
        if (season >= 0)
            Irrigation.Compute(crops.IrrigationOn(yday), s.SoilWater, fieldCapacityWater, crops.Rotation.Seasons[season].IrrigationTrigger, ref f);
        ManagementUpdate.BeforeDay(s, in f);
    }

    /// <summary>Harvest at the end of <paramref name="yday"/> if it is a harvest day.</summary>
    public static void End(CropCalendar crops, CellState s, int yday, ref DailyFluxes f)
    {
        if (!crops.IsHarvestDay(yday, out int season)) return;
        Harvest.Compute(s, crops.Rotation.Seasons[season], crops.Vegetation[season], ref f);
        ManagementUpdate.AfterHarvest(s, in f);
    }
}
