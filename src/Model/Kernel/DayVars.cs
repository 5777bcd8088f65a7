namespace CarbonSim.Model.Kernel;

/// <summary>
/// Derived per-day variables of one cell (BIOME-BGC's metv/epv): the day's met after derivation,
/// canopy geometry and radiation, soil water status, conductances and assimilation. Recomputed
/// every day; nothing here persists between days.
/// </summary>
public struct DayVars
{
    // ---- met ----
    /// <summary>[°C]</summary>
    public double Tmax, Tmin, Tavg, Tday, Tnight, Tsoil;
    /// <summary>[kg m-2 d-1] Precipitation.</summary>
    public double Prcp;
    /// <summary>[Pa] Daylight VPD.</summary>
    public double Vpd;
    /// <summary>[W m-2] Daylight-average shortwave and PAR.</summary>
    public double Shortwave, Par;
    /// <summary>[s] Day length.</summary>
    public double DayLength;
    /// <summary>[Pa] Air pressure.</summary>
    public double Pressure;
    /// <summary>[ppm] CO2.</summary>
    public double Co2;
    // ---- canopy and radiation ----
    /// <summary>[m2 m-2] Projected and all-sided LAI, sunlit and shaded projected LAI.</summary>
    public double ProjectedLai, AllSidedLai, SunlitLai, ShadedLai;
    /// <summary>[m2 kgC-1] Projected SLA of sunlit and shaded leaves.</summary>
    public double SunlitSla, ShadedSla;
    /// <summary>[W m-2] Absorbed, transmitted and per-LAI absorbed shortwave.</summary>
    public double SwAbsorbed, SwTransmitted, SwAbsPerSunlitLai, SwAbsPerShadedLai;
    /// <summary>[µmol m-2 s-1] PPFD per unit sunlit / shaded LAI.</summary>
    public double PpfdSunlit, PpfdShaded;
    // ---- soil water ----
    /// <summary>[MPa] Soil water potential.</summary>
    public double Psi;
    /// <summary>[m3 m-3] Volumetric water content.</summary>
    public double Vwc;
    // ---- physiology ----
    /// <summary>[µmol m-2 s-1] Daytime leaf MR per projected area, sunlit / shaded.</summary>
    public double DayLeafMrSunlit, DayLeafMrShaded;
    /// <summary>[m s-1] Leaf conductance to transpired water vapour, sunlit / shaded.</summary>
    public double LeafConductanceSunlit, LeafConductanceShaded;
    /// <summary>[µmol m-2 s-1] Net assimilation per projected LAI, sunlit / shaded.</summary>
    public double AssimSunlit, AssimShaded;
    /// <summary>[-] Q10 factors of maintenance respiration at Tday, Tnight, Tavg and Tsoil (precomputed per day).</summary>
    public double Q10Day, Q10Night, Q10Avg, Q10Soil;
    /// <summary>[-] Decomposition temperature scalar at Tsoil.</summary>
    public double DecompTemperatureScalar;
    /// <summary>Penman–Monteith terms at Tday.</summary>
    public Processes.PenmanMonteith.Coefficients PenmanMonteith;
    /// <summary>Farquhar enzyme kinetics at Tday.</summary>
    public Processes.Photosynthesis.Kinetics Kinetics;
    /// <summary>[-] Decomposition rate scalar (temperature × water).</summary>
    public double DecompRateScalar;
}
