using CarbonSim.Model.Kernel;

namespace CarbonSim.Model.Management;

/// <summary>
/// The management steps of one day of a managed urban-green column, in order (called by <see cref="DailyStep"/>
/// only when the column has an <see cref="UrbanGreenCalendar"/>): at the start of the day fertiliser and
/// irrigation (the crop processes <see cref="Fertilisation"/> and <see cref="Irrigation"/>); at its end (after
/// mortality) clipping and litter removal, whose carbon and nitrogen leave the cell (lateral export).
/// </summary>
public static class UrbanGreenDay
{
    /// <summary>Fertiliser and irrigation on <paramref name="yday"/> (0-based), applied to <paramref name="s"/>.</summary>
    public static void Begin(UrbanGreenCalendar green, double fieldCapacityWater, CellState s, int yday, ref DailyFluxes f)
    {
        Fertilisation.Compute(green.FertiliserOn(yday), ref f);
        Irrigation.Compute(green.IrrigationOn(yday), s.SoilWater, fieldCapacityWater, green.Practice.IrrigationTrigger, ref f);
        ManagementUpdate.BeforeDay(s, in f);
    }

    /// <summary>Clipping and litter removal at the end of <paramref name="yday"/>, applied to <paramref name="s"/>.</summary>
    public static void End(UrbanGreenCalendar green, CellState s, int yday, ref DailyFluxes f)
    {
        double clip = green.ClipShareOn(yday), sweep = green.LitterRemovalOn(yday);
        if (clip == 0.0 && sweep == 0.0) return;
        UrbanGreenClipping.Compute(s, clip, ref f);
        UrbanGreenLitterRemoval.Compute(s, sweep, ref f);
        UrbanGreenUpdate.AfterRemoval(s, in f);
    }
}

/// <summary>
/// Clipping (mowing with the clippings collected): a share of the leaf C and N of a grass column is cut and carried
/// away. Turf practice cuts at most about a third of the leaf at a time (the "one-third rule"; recalled). Fluxes only.
/// </summary>
public static class UrbanGreenClipping
{
    /// <summary>Sets the clipping fluxes [kgC m-2 d-1, kgN m-2 d-1] = <paramref name="share"/> × leaf C and N.</summary>
    public static void Compute(CellState s, double share, ref DailyFluxes f)
    {
        f.LeafToClippingC = share * s.LeafC;
        f.LeafToClippingN = share * s.LeafN;
    }
}

/// <summary>
/// Litter removal (fallen leaves swept up as they fall and carried away): at the end of a removal day, a share of
/// that day's leaf litterfall (<see cref="DailyFluxes.LeafToLitter1C"/>…4, C and N, which the state update has just
/// put into litter 1–4) leaves the cell again. Fine-root litter, coarse woody debris, whole-plant mortality and the
/// litter of earlier days stay: sweeping takes leaves off paving and lawns, not the roots' input to the soil.
/// Each removal is capped at its litter pool (the pool holds at least the day's litterfall unless fire burned part
/// of it the same day). Fluxes only.
/// </summary>
public static class UrbanGreenLitterRemoval
{
    /// <summary>Sets the removal fluxes [kgC m-2 d-1, kgN m-2 d-1] = <paramref name="share"/> × the day's leaf litterfall into litter 1–4.</summary>
    public static void Compute(CellState s, double share, ref DailyFluxes f)
    {
        f.Litter1ToRemovedC = Math.Min(share * f.LeafToLitter1C, s.Litter1C); f.Litter2ToRemovedC = Math.Min(share * f.LeafToLitter2C, s.Litter2C);
        f.Litter3ToRemovedC = Math.Min(share * f.LeafToLitter3C, s.Litter3C); f.Litter4ToRemovedC = Math.Min(share * f.LeafToLitter4C, s.Litter4C);
        f.Litter1ToRemovedN = Math.Min(share * f.LeafToLitter1N, s.Litter1N); f.Litter2ToRemovedN = Math.Min(share * f.LeafToLitter2N, s.Litter2N);
        f.Litter3ToRemovedN = Math.Min(share * f.LeafToLitter3N, s.Litter3N); f.Litter4ToRemovedN = Math.Min(share * f.LeafToLitter4N, s.Litter4N);
    }
}

/// <summary>State update of clipping and litter removal (like <see cref="ManagementUpdate"/>: they act at the end of the day).</summary>
public static class UrbanGreenUpdate
{
    public static void AfterRemoval(CellState s, in DailyFluxes f)
    {
        s.LeafC -= f.LeafToClippingC; s.LeafN -= f.LeafToClippingN;
        s.Litter1C -= f.Litter1ToRemovedC; s.Litter2C -= f.Litter2ToRemovedC; s.Litter3C -= f.Litter3ToRemovedC; s.Litter4C -= f.Litter4ToRemovedC;
        s.Litter1N -= f.Litter1ToRemovedN; s.Litter2N -= f.Litter2ToRemovedN; s.Litter3N -= f.Litter3ToRemovedN; s.Litter4N -= f.Litter4ToRemovedN;
    }
}
