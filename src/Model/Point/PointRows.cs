namespace CarbonSim.Model.Point;

/// <summary>
/// One year of a normal run, in report units: g C m-2 a-1 for carbon fluxes, mm a-1 for water fluxes,
/// g C m-2 / g N m-2 for pools (end of year = day-365 value), plus annual means and maxima. Column
/// names and order of <c>&lt;prefix&gt;_annual.csv</c> are <see cref="PointCsv.AnnualHeader"/>.
/// </summary>
public sealed record AnnualRow
{
    /// <summary>[a] Calendar year.</summary>
    public int Year { get; init; }
    /// <summary>[gC m-2 a-1] Gross primary production.</summary>
    public double Gpp { get; init; }
    /// <summary>[gC m-2 a-1] Net primary production.</summary>
    public double Npp { get; init; }
    /// <summary>[gC m-2 a-1] Net ecosystem production (NPP − HR).</summary>
    public double Nep { get; init; }
    /// <summary>[gC m-2 a-1] NEP − fire, positive for uptake (BIOME-BGC's "NEE").</summary>
    public double NeeUptakePositive { get; init; }
    /// <summary>[gC m-2 a-1] Maintenance respiration.</summary>
    public double Mr { get; init; }
    /// <summary>[gC m-2 a-1] Growth respiration.</summary>
    public double Gr { get; init; }
    /// <summary>[gC m-2 a-1] Heterotrophic respiration.</summary>
    public double Hr { get; init; }
    /// <summary>[gC m-2 a-1] Fire loss.</summary>
    public double Fire { get; init; }
    /// <summary>[mm a-1] Evapotranspiration.</summary>
    public double Et { get; init; }
    /// <summary>[mm a-1] Evaporation (canopy + soil + sublimation).</summary>
    public double Evap { get; init; }
    /// <summary>[mm a-1] Transpiration.</summary>
    public double Trans { get; init; }
    /// <summary>[mm a-1] Outflow.</summary>
    public double Outflow { get; init; }
    /// <summary>[mm a-1] Precipitation.</summary>
    public double Prcp { get; init; }
    /// <summary>[°C] Annual mean of daily mean air temperature.</summary>
    public double TavgMean { get; init; }
    /// <summary>[ppm] Annual mean CO2.</summary>
    public double Co2Mean { get; init; }
    /// <summary>[m2 m-2] Annual maximum projected LAI.</summary>
    public double LaiMax { get; init; }
    /// <summary>[gC m-2] Annual maximum of displayed leaf C.</summary>
    public double LeafCMax { get; init; }
    /// <summary>[gC m-2] Leaf C at year end.</summary>
    public double LeafCEnd { get; init; }
    /// <summary>[gC m-2] Fine-root C at year end.</summary>
    public double FrootCEnd { get; init; }
    /// <summary>[gC m-2] Vegetation C at year end.</summary>
    public double VegCEnd { get; init; }
    /// <summary>[gC m-2] Litter C including CWD at year end.</summary>
    public double LitterCInclCwdEnd { get; init; }
    /// <summary>[gC m-2] CWD C at year end.</summary>
    public double CwdCEnd { get; init; }
    /// <summary>[gC m-2] Soil C at year end.</summary>
    public double SoilCEnd { get; init; }
    /// <summary>[gC m-2] Total C at year end.</summary>
    public double TotalCEnd { get; init; }
    /// <summary>[gN m-2] Soil mineral N at year end.</summary>
    public double SoilMineralNEnd { get; init; }
    /// <summary>[mm] Annual mean soil water.</summary>
    public double SoilWaterMean { get; init; }
    /// <summary>[m3 m-3] Annual mean volumetric soil water content.</summary>
    public double VwcMean { get; init; }
}

/// <summary>One day of a normal run, in report units (columns of <see cref="PointCsv.DailyHeader"/>).</summary>
/// <param name="Year">[a] Calendar year.</param>
/// <param name="YearDay">[-] Day of year, 1-365.</param>
/// <param name="Gpp">[gC m-2 d-1] GPP.</param>
/// <param name="Npp">[gC m-2 d-1] NPP.</param>
/// <param name="Nep">[gC m-2 d-1] NEP.</param>
/// <param name="Et">[mm d-1] Evapotranspiration.</param>
/// <param name="ProjLai">[m2 m-2] Projected LAI.</param>
/// <param name="SoilWater">[mm] Soil water.</param>
/// <param name="Vwc">[m3 m-3] Volumetric soil water content.</param>
/// <param name="LeafC">[gC m-2] Leaf C.</param>
/// <param name="SoilC">[gC m-2] Soil C.</param>
public readonly record struct DailyRow(int Year, int YearDay, double Gpp, double Npp, double Nep, double Et,
    double ProjLai, double SoilWater, double Vwc, double LeafC, double SoilC);

/// <summary>One spin-up year (columns of <see cref="PointCsv.SpinupHeader"/>).</summary>
/// <param name="SpinupYear">[a] 1-based spin-up year.</param>
/// <param name="LaiMax">[m2 m-2] Maximum projected LAI in the year.</param>
/// <param name="LeafCEnd">[gC m-2] Leaf C at year end.</param>
/// <param name="VegCEnd">[gC m-2] Vegetation C at year end.</param>
/// <param name="LitterCInclCwdEnd">[gC m-2] Litter + CWD C at year end.</param>
/// <param name="SoilCEnd">[gC m-2] Soil C at year end.</param>
/// <param name="TotalCEnd">[gC m-2] Total C at year end.</param>
/// <param name="SoilMineralNEnd">[gN m-2] Soil mineral N at year end.</param>
public readonly record struct SpinupRow(int SpinupYear, double LaiMax, double LeafCEnd, double VegCEnd,
    double LitterCInclCwdEnd, double SoilCEnd, double TotalCEnd, double SoilMineralNEnd);

/// <summary>Unit conversions at the report edge.</summary>
public static class ReportUnits
{
    /// <summary>[g kg-1] kg C (or N) m-2 → g m-2.</summary>
    public const double GramsPerKilogram = 1000.0;
}

/// <summary>
/// Accumulates one year of <see cref="PointDay"/> values into an <see cref="AnnualRow"/>. Sums are
/// taken in day order (deterministic); pools are the last day's values.
/// </summary>
public sealed class AnnualAccumulator
{
    private double _gpp, _npp, _nep, _nee, _mr, _gr, _hr, _fire, _et, _evap, _trans, _outflow, _prcp, _tavg, _co2, _soilw, _vwc;
    private double _laiMax, _leafMax;
    private int _days;
    private PointDay _last;

    /// <summary>Adds one day.</summary>
    public void Add(in PointDay d)
    {
        _gpp += d.Gpp; _npp += d.Npp; _nep += d.Nep; _nee += d.NeeUptakePositive;
        _mr += d.Mr; _gr += d.Gr; _hr += d.Hr; _fire += d.Fire;
        _et += d.Et; _evap += d.Evap; _trans += d.Trans; _outflow += d.Outflow; _prcp += d.Prcp;
        _tavg += d.Tavg; _co2 += d.Co2; _soilw += d.SoilWater; _vwc += d.Vwc;
        if (_days == 0 || d.ProjLai > _laiMax) _laiMax = d.ProjLai;
        if (_days == 0 || d.LeafC > _leafMax) _leafMax = d.LeafC;
        _last = d;
        _days++;
    }

    /// <summary>[-] Days added since the last <see cref="Reset"/>.</summary>
    public int Days => _days;

    /// <summary>Builds the row of calendar year <paramref name="year"/>; requires at least one day.</summary>
    public AnnualRow ToRow(int year)
    {
        if (_days == 0) throw new InvalidOperationException("AnnualAccumulator: no days added.");
        const double g = ReportUnits.GramsPerKilogram;
        double n = _days;
        return new AnnualRow
        {
            Year = year,
            Gpp = _gpp * g, Npp = _npp * g, Nep = _nep * g, NeeUptakePositive = _nee * g,
            Mr = _mr * g, Gr = _gr * g, Hr = _hr * g, Fire = _fire * g,
            Et = _et, Evap = _evap, Trans = _trans, Outflow = _outflow, Prcp = _prcp,
            TavgMean = _tavg / n, Co2Mean = _co2 / n,
            LaiMax = _laiMax, LeafCMax = _leafMax * g,
            LeafCEnd = _last.LeafC * g, FrootCEnd = _last.FrootC * g, VegCEnd = _last.VegC * g,
            LitterCInclCwdEnd = _last.LitterCInclCwd * g, CwdCEnd = _last.CwdC * g, SoilCEnd = _last.SoilC * g,
            TotalCEnd = _last.TotalC * g, SoilMineralNEnd = _last.SoilMineralN * g,
            SoilWaterMean = _soilw / n, VwcMean = _vwc / n,
        };
    }

    /// <summary>Starts a new year.</summary>
    public void Reset()
    {
        _gpp = _npp = _nep = _nee = _mr = _gr = _hr = _fire = _et = _evap = _trans = _outflow = _prcp = _tavg = _co2 = _soilw = _vwc = 0;
        _laiMax = _leafMax = 0;
        _days = 0;
        _last = default;
    }

    /// <summary>Converts one day to a daily output row.</summary>
    public static DailyRow Daily(int year, int yday, in PointDay d)
    {
        const double g = ReportUnits.GramsPerKilogram;
        return new DailyRow(year, yday, d.Gpp * g, d.Npp * g, d.Nep * g, d.Et, d.ProjLai, d.SoilWater, d.Vwc, d.LeafC * g, d.SoilC * g);
    }
}
