namespace CarbonSim.Model.Kernel;

/// <summary>Forcing that changes from year to year (science notes §1.4 CO2_CONTROL, -n file).</summary>
/// <param name="Co2Ppm">[ppm] Atmospheric CO2 for the year.</param>
/// <param name="NDeposition">[kgN m-2 a-1] Wet + dry N deposition for the year.</param>
/// <param name="NSupplementFraction">[-] Spin-up only: fraction (1 → 0 across spin-up block 0) of any mineral-N shortfall that is supplied; 0 = off.</param>
/// <param name="CalendarYear">[a] Calendar year being run, or 0 (spin-up): selects the crop practice in force (<c>Management.CropCalendar.ForYear</c>); nothing else reads it.</param>
public readonly record struct YearForcing(double Co2Ppm, double NDeposition, double NSupplementFraction = 0.0, int CalendarYear = 0);

/// <summary>
/// Climate-change offsets applied to the met record when a <see cref="CellModel"/> is built (the
/// ini's CLIM_CHANGE block, science notes §1.4).
/// </summary>
/// <param name="TmaxOffset">[°C] Added to Tmax.</param>
/// <param name="TminOffset">[°C] Added to Tmin.</param>
/// <param name="PrcpMultiplier">[-] Multiplies precipitation.</param>
/// <param name="VpdMultiplier">[-] Multiplies VPD.</param>
/// <param name="ShortwaveMultiplier">[-] Multiplies shortwave (and PAR).</param>
public sealed record ClimateOffsets(double TmaxOffset = 0, double TminOffset = 0, double PrcpMultiplier = 1, double VpdMultiplier = 1, double ShortwaveMultiplier = 1)
{
    /// <summary>No change.</summary>
    public static ClimateOffsets None { get; } = new();
}

/// <summary>One day's outputs, handed to an <see cref="IDailyObserver"/> (all in house units).</summary>
public readonly struct DailyOutput
{
    /// <summary>[-] Met year index and 1-based day of year.</summary>
    public int MetYear { get; init; }
    public int YearDay { get; init; }
    /// <summary>[kgC m-2 d-1] Carbon fluxes. Nbp = NEP − fire, positive for uptake.</summary>
    public double Gpp { get; init; }
    public double Npp { get; init; }
    public double Nep { get; init; }
    public double Nbp { get; init; }
    public double Mr { get; init; }
    public double Gr { get; init; }
    public double Hr { get; init; }
    public double Fire { get; init; }
    /// <summary>[kg m-2 d-1] Water fluxes.</summary>
    public double Et { get; init; }
    public double Evaporation { get; init; }
    public double Transpiration { get; init; }
    public double Outflow { get; init; }
    public double Precipitation { get; init; }
    /// <summary>[°C] Mean air temperature.</summary>
    public double Tavg { get; init; }
    /// <summary>[kg m-2] Soil water and snow at the end of the day.</summary>
    public double SoilWater { get; init; }
    public double SnowWater { get; init; }
    /// <summary>[m3 m-3] Volumetric water content and [MPa] soil water potential used today.</summary>
    public double Vwc { get; init; }
    public double Psi { get; init; }
    /// <summary>[m2 m-2] Projected LAI.</summary>
    public double ProjectedLai { get; init; }
    /// <summary>[kgC m-2] End-of-day pools.</summary>
    public double LeafC { get; init; }
    public double FrootC { get; init; }
    public double VegetationC { get; init; }
    public double LitterC { get; init; }
    public double CwdC { get; init; }
    public double SoilC { get; init; }
    public double TotalC { get; init; }
    /// <summary>[kgN m-2] Mineral N at the end of the day.</summary>
    public double MineralN { get; init; }
    /// <summary>[-] Fraction of potential immobilisation realised.</summary>
    public double Fpi { get; init; }
}

/// <summary>Receives each simulated day's outputs (optional; costs one call per day).</summary>
public interface IDailyObserver
{
    void OnDay(in DailyOutput day);
}
