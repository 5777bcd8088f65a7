using CarbonSim.Model.Kernel;

namespace CarbonSim.Model.Management;

/// <summary>
/// How a city keeps one kind of urban green (one land-use class, one vegetation type or all of the class's types):
/// irrigation, fertiliser, clipping of grass and removal of fallen litter (issue #11; docs/management.md, "Managed
/// urban green"). Days are 0-based days of the 365-day year (the CSV is 1-based). Read from
/// <c>management.urban_green</c> (data/management/urban_green.csv) and attached to a column's
/// <see cref="Parameters.EcophysParameters.UrbanGreen"/>; null there = unmanaged, BIOME-BGC unchanged.
/// </summary>
/// <param name="Class">[-] Land-use class name (e.g. park).</param>
/// <param name="Vegetation">[-] Vegetation type name, or "*" for every vegetated column of the class without a row of its own.</param>
/// <param name="IrrigationAmount">[kg m-2] Water added per irrigation (1 kg m-2 = 1 mm); 0 = none.</param>
/// <param name="IrrigationIntervalDays">[d] Days between irrigations.</param>
/// <param name="IrrigationFirstDay">[yday, 0-based] First irrigation day; then every interval up to <paramref name="IrrigationLastDay"/>.</param>
/// <param name="IrrigationLastDay">[yday, 0-based] Last day an irrigation may fall on.</param>
/// <param name="IrrigationTrigger">[-] Skip an irrigation when soil water ≥ trigger × field-capacity water (as for crops).</param>
/// <param name="Fertiliser">Applications: day and amount [kgN m-2], each released in equal parts over <paramref name="FertiliserReleaseDays"/>.</param>
/// <param name="FertiliserReleaseDays">[d] Release period of each application (≥ 1).</param>
/// <param name="ClipLeafShare">[-] Share of leaf C and N cut and carried away at each clipping (grass columns only; 0 = no clipping).</param>
/// <param name="ClipIntervalDays">[d] Days between clippings.</param>
/// <param name="ClipFirstDay">[yday, 0-based] First clipping day; then every interval up to <paramref name="ClipLastDay"/>.</param>
/// <param name="ClipLastDay">[yday, 0-based] Last day a clipping may fall on.</param>
/// <param name="LitterRemovalShare">[-] Share of each day's leaf litterfall (C and N; never fine-root litter, coarse woody
/// debris or whole-plant mortality) swept up and carried away, on every day of the removal window (0 = none).</param>
/// <param name="LitterRemovalFirstDay">[yday, 0-based] First day of the removal window (leaves are swept as they fall).</param>
/// <param name="LitterRemovalLastDay">[yday, 0-based] Last day of the removal window (≥ the first).</param>
public sealed record UrbanGreenPractice(
    string Class,
    string Vegetation,
    double IrrigationAmount,
    int IrrigationIntervalDays,
    int IrrigationFirstDay,
    int IrrigationLastDay,
    double IrrigationTrigger,
    IReadOnlyList<ManagementEvent> Fertiliser,
    int FertiliserReleaseDays,
    double ClipLeafShare,
    int ClipIntervalDays,
    int ClipFirstDay,
    int ClipLastDay,
    double LitterRemovalShare,
    int LitterRemovalFirstDay,
    int LitterRemovalLastDay);

/// <summary>
/// The daily schedule of an <see cref="UrbanGreenPractice"/> for one column, built once per column model: per day of
/// the year the scheduled irrigation, the fertiliser released, the clipping share and the share of the day's leaf
/// litterfall that is swept up.
/// Clipping applies to non-woody columns only (lawns and grass are mown; trees are not).
/// </summary>
public sealed class UrbanGreenCalendar
{
    private readonly double[] _irrigation = new double[KernelConstants.DaysPerYear];
    private readonly double[] _fertiliser = new double[KernelConstants.DaysPerYear];
    private readonly double[] _clip = new double[KernelConstants.DaysPerYear];
    private readonly double[] _litter = new double[KernelConstants.DaysPerYear];

    public UrbanGreenPractice Practice { get; }

    public UrbanGreenCalendar(UrbanGreenPractice p, bool woody)
    {
        Practice = p;
        if (p.IrrigationAmount > 0.0)
            for (int d = p.IrrigationFirstDay; d <= p.IrrigationLastDay; d += p.IrrigationIntervalDays) _irrigation[d] = p.IrrigationAmount;
        foreach (var e in p.Fertiliser)
            for (int k = 0; k < p.FertiliserReleaseDays; k++)
                _fertiliser[(e.Day + k) % KernelConstants.DaysPerYear] += e.Amount / p.FertiliserReleaseDays;
        if (p.ClipLeafShare > 0.0 && !woody)
            for (int d = p.ClipFirstDay; d <= p.ClipLastDay; d += p.ClipIntervalDays) _clip[d] = p.ClipLeafShare;
        if (p.LitterRemovalShare > 0.0)
            for (int d = p.LitterRemovalFirstDay; d <= p.LitterRemovalLastDay; d++) _litter[d] = p.LitterRemovalShare;
    }

    /// <summary>[kg m-2] Irrigation scheduled on day <paramref name="yday"/> (0-based).</summary>
    public double IrrigationOn(int yday) => _irrigation[yday];
    /// <summary>[kgN m-2 d-1] Fertiliser released on day <paramref name="yday"/>.</summary>
    public double FertiliserOn(int yday) => _fertiliser[yday];
    /// <summary>[-] Share of leaf C and N clipped at the end of day <paramref name="yday"/>.</summary>
    public double ClipShareOn(int yday) => _clip[yday];
    /// <summary>[-] Share of the leaf litterfall of day <paramref name="yday"/> removed at the end of that day.</summary>
    public double LitterRemovalOn(int yday) => _litter[yday];
}
