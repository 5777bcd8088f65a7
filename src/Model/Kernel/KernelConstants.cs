namespace CarbonSim.Model.Kernel;

/// <summary>
/// Physical and ecosystem constants of the process kernel, each with unit and source. Values are
/// those of BIOME-BGC 4.2 (Thornton et al.; science notes §1), cited to the literature they come from.
/// </summary>
public static class KernelConstants
{
    // ---- atmosphere (standard atmosphere, Iribarne & Godson 1981) ----
    /// <summary>[m s-2] Standard gravitational acceleration.</summary>
    public const double GravityStd = 9.80665;
    /// <summary>[Pa] Standard sea-level pressure.</summary>
    public const double PressureStd = 101325.0;
    /// <summary>[K] Standard sea-level temperature.</summary>
    public const double TemperatureStd = 288.15;
    /// <summary>[kg mol-1] Molecular weight of air.</summary>
    public const double MolarMassAir = 28.9644e-3;
    /// <summary>[K m-1] Standard temperature lapse rate.</summary>
    public const double LapseRateStd = 0.0065;
    /// <summary>[m3 Pa mol-1 K-1] Gas constant (as used by BIOME-BGC).</summary>
    public const double GasConstant = 8.3143;
    /// <summary>[J kg-1 K-1] Specific heat of air.</summary>
    public const double SpecificHeatAir = 1010.0;
    /// <summary>[W m-2 K-4] Stefan–Boltzmann constant.</summary>
    public const double StefanBoltzmann = 5.67e-8;
    /// <summary>[-] Ratio of molecular weights water:air.</summary>
    public const double MolecularWeightRatio = 0.6219;
    /// <summary>[K] 0 °C in kelvin.</summary>
    public const double ZeroCelsius = 273.15;
    /// <summary>[Pa] Reference pressure of the conductance correction (Jones 1992).</summary>
    public const double ConductanceRefPressure = 101300.0;
    /// <summary>[K] Reference temperature of the conductance correction (20 °C, Jones 1992).</summary>
    public const double ConductanceRefTemperature = 293.15;
    /// <summary>[-] Exponent of the temperature correction of conductances (Jones 1992).</summary>
    public const double ConductanceTemperatureExponent = 1.75;

    // ---- meteorology ----
    /// <summary>[-] Weight of (Tmax − Tavg) in daylight temperature: Tday = Tavg + 0.45 (Tmax − Tavg) (BIOME-BGC 4.2, MTCLIM).</summary>
    public const double DaylightTemperatureWeight = 0.45;
    /// <summary>[-] PAR : shortwave ratio.</summary>
    public const double ParFraction = 0.45;
    /// <summary>[µmol J-1] PAR photon energy ratio.</summary>
    public const double ParPhotonsPerJoule = 4.55;
    /// <summary>[d] Width of the linearly weighted running mean of Tavg used as soil temperature.</summary>
    public const int SoilTemperatureWindow = 11;
    /// <summary>[-] Fraction of the gap to the long-term mean air temperature closed by soil temperature, no snow.</summary>
    public const double SoilTemperatureNudge = 0.2;
    /// <summary>[-] Same, under snow.</summary>
    public const double SoilTemperatureNudgeSnow = 0.83;
    /// <summary>[s] Seconds per day.</summary>
    public const double SecondsPerDay = 86400.0;
    /// <summary>[d] Days per year (no leap days).</summary>
    public const int DaysPerYear = 365;

    // ---- snow (Coughlan 1991) ----
    /// <summary>[kg m-2 °C-1 d-1] Temperature snowmelt coefficient.</summary>
    public const double SnowMeltPerDegree = 0.65;
    /// <summary>[-] Shortwave absorptivity of snow.</summary>
    public const double SnowAbsorptivity = 0.6;
    /// <summary>[kJ kg-1] Latent heat of fusion.</summary>
    public const double LatentHeatFusion = 335.0;
    /// <summary>[kJ kg-1] Latent heat of sublimation.</summary>
    public const double LatentHeatSublimation = 2845.0;

    // ---- bare soil (Wallace & Holwill 1997) ----
    /// <summary>[s m-1] Aerodynamic resistance over bare soil at 20 °C, 101300 Pa.</summary>
    public const double BareSoilResistance = 107.0;
    /// <summary>[-] Realised fraction of potential evaporation on a wet day.</summary>
    public const double WetDayEvaporationFraction = 0.6;
    /// <summary>[-] Dry-day evaporation fraction coefficient: 0.3 / dsr².</summary>
    public const double DryDayEvaporationCoefficient = 0.3;

    // ---- soil water ----
    /// <summary>[MPa] Field capacity water potential.</summary>
    public const double FieldCapacityPsi = -0.015;
    /// <summary>[-] Fraction of water above field capacity that drains per day.</summary>
    public const double DrainageFraction = 0.5;
    /// <summary>[kg m-3] Density of water.</summary>
    public const double WaterDensity = 1000.0;

    // ---- respiration (Ryan 1991) ----
    /// <summary>[kgC kgN-1 d-1] Maintenance respiration per unit tissue N at 20 °C.</summary>
    public const double MaintenanceRespPerN = 0.218;
    /// <summary>[-] Q10 of maintenance respiration.</summary>
    public const double MaintenanceRespQ10 = 2.0;
    /// <summary>[°C] Reference temperature of maintenance respiration.</summary>
    public const double MaintenanceRespRefTemperature = 20.0;
    /// <summary>[kgC kgC-1] Growth respiration per unit C grown.</summary>
    public const double GrowthRespFraction = 0.3;
    /// <summary>[-] Fraction of storage growth respiration paid at fixation (4.2: all of it).</summary>
    public const double GrowthRespPaidNow = 1.0;

    // ---- conductance ----
    /// <summary>[µmol m-2 s-1] PPFD for half stomatal opening.</summary>
    public const double PpfdHalfSaturation = 75.0;
    /// <summary>[°C] Night minimum at which the freezing multiplier reaches 0.</summary>
    public const double FreezingTminClosed = -8.0;
    /// <summary>[-] Lower bound of the stomatal multiplier product.</summary>
    public const double MinConductanceMultiplier = 1e-8;
    /// <summary>[-] Ratio of diffusivities water vapour : CO2.</summary>
    public const double WaterCo2DiffusivityRatio = 1.6;

    // ---- photosynthesis (de Pury & Farquhar 1997; Woodrow & Berry 1988; Wullschleger 1993) ----
    /// <summary>[kg Rubisco kgN-1 in Rubisco] Weight ratio of Rubisco to its N (Kuehn & McFadden 1969).</summary>
    public const double RubiscoPerN = 7.16;
    /// <summary>[µbar] Michaelis–Menten constant for carboxylation at 25 °C.</summary>
    public const double Kc25 = 404.0;
    /// <summary>[-] Q10 of Kc.</summary>
    public const double Kc25Q10 = 2.1;
    /// <summary>[mbar] Michaelis–Menten constant for oxygenation at 25 °C.</summary>
    public const double Ko25 = 248.0;
    /// <summary>[-] Q10 of Ko.</summary>
    public const double KoQ10 = 1.2;
    /// <summary>[µmol mg-1 min-1] Rubisco activity at 25 °C.</summary>
    public const double RubiscoActivity25 = 3.6;
    /// <summary>[-] Q10 of Rubisco activity.</summary>
    public const double RubiscoActivityQ10 = 2.4;
    /// <summary>[-] Fraction of PAR effectively absorbed by PSII.</summary>
    public const double PsiiAbsorbedFraction = 0.85;
    /// <summary>[mol mol-1] Photons per electron, C3.</summary>
    public const double QuantumRequirementC3 = 2.6;
    /// <summary>[mol mol-1] Photons per electron, C4 approximation.</summary>
    public const double QuantumRequirementC4 = 3.5;
    /// <summary>[-] C4 approximation: multiplier of ambient CO2.</summary>
    public const double C4Co2Multiplier = 10.0;
    /// <summary>[-] Jmax : Vcmax (Wullschleger 1993).</summary>
    public const double JmaxPerVcmax = 2.1;
    /// <summary>[-] Curvature of the J(PPFD) non-rectangular hyperbola.</summary>
    public const double ElectronTransportCurvature = 0.7;
    /// <summary>[-] O2 volume fraction of air.</summary>
    public const double OxygenFraction = 0.21;
    /// <summary>[-] Vomax/Vcmax used for the CO2 compensation point.</summary>
    public const double VomaxPerVcmax = 0.21;
    /// <summary>[kgC µmol-1] 12.011e-9 kgC per µmol C.</summary>
    public const double KgCPerMicromol = 12.011e-9;

    // ---- decomposition (Thornton 1998; Lloyd & Taylor 1994; Andren & Paustian 1987) ----
    /// <summary>[kgC kgN-1] C:N of soil pool 1.</summary>
    public const double Soil1Cn = 12.0;
    /// <summary>[kgC kgN-1] C:N of soil pool 2.</summary>
    public const double Soil2Cn = 12.0;
    /// <summary>[kgC kgN-1] C:N of soil pool 3.</summary>
    public const double Soil3Cn = 10.0;
    /// <summary>[kgC kgN-1] C:N of soil pool 4.</summary>
    public const double Soil4Cn = 10.0;
    /// <summary>[-] Respired fraction litter 1 → soil 1.</summary>
    public const double RespFracL1S1 = 0.39;
    /// <summary>[-] Respired fraction litter 2 → soil 2.</summary>
    public const double RespFracL2S2 = 0.55;
    /// <summary>[-] Respired fraction litter 4 → soil 3.</summary>
    public const double RespFracL4S3 = 0.29;
    /// <summary>[-] Respired fraction soil 1 → soil 2.</summary>
    public const double RespFracS1S2 = 0.28;
    /// <summary>[-] Respired fraction soil 2 → soil 3.</summary>
    public const double RespFracS2S3 = 0.46;
    /// <summary>[-] Respired fraction soil 3 → soil 4.</summary>
    public const double RespFracS3S4 = 0.55;
    /// <summary>[d-1] Base rate, labile litter.</summary>
    public const double KLitter1 = 0.7;
    /// <summary>[d-1] Base rate, cellulose litter.</summary>
    public const double KLitter2 = 0.07;
    /// <summary>[d-1] Base rate, lignin litter (also shielded → unshielded cellulose release).</summary>
    public const double KLitter4 = 0.014;
    /// <summary>[d-1] Base rate, soil 1.</summary>
    public const double KSoil1 = 0.07;
    /// <summary>[d-1] Base rate, soil 2.</summary>
    public const double KSoil2 = 0.014;
    /// <summary>[d-1] Base rate, soil 3.</summary>
    public const double KSoil3 = 0.0014;
    /// <summary>[d-1] Base rate, soil 4.</summary>
    public const double KSoil4 = 0.0001;
    /// <summary>[d-1] Base CWD fragmentation rate.</summary>
    public const double KFragmentation = 0.001;
    /// <summary>[°C] Below this soil temperature decomposition stops.</summary>
    public const double DecompositionMinTemperature = -10.0;
    /// <summary>[MPa] Below this soil water potential decomposition stops.</summary>
    public const double DecompositionMinPsi = -10.0;
    /// <summary>[K] Lloyd &amp; Taylor (1994) E0/R, eqn 11.</summary>
    public const double LloydTaylorE0 = 308.56;
    /// <summary>[K] Lloyd &amp; Taylor reference term 1/(Tref − T0) with Tref = 25 °C: 298.15 − 227.13.</summary>
    public const double LloydTaylorRef = 71.02;
    /// <summary>[K] Lloyd &amp; Taylor T0.</summary>
    public const double LloydTaylorT0 = 227.13;

    // ---- nitrogen ----
    /// <summary>[-] Fraction of each mineralisation flux volatilised.</summary>
    public const double MineralisationVolatilised = 0.01;
    /// <summary>[-] Fraction of mineral N that is mobile (leachable).</summary>
    public const double MobileNFraction = 0.1;
    /// <summary>[-] Fraction of excess mineral N lost as bulk denitrification.</summary>
    public const double BulkDenitrification = 0.5;
    /// <summary>[d] Retranslocated N is available at 1/365 of the pool per day.</summary>
    public const double RetransNDeployDays = 365.0;
    /// <summary>[d] A negative CPool is repaid at 1/365 of the deficit per day.</summary>
    public const double CPoolRecoveryDays = 365.0;

    // ---- mortality and fire ----
    /// <summary>[-] Fraction of fire-killed dead stem and dead coarse root that burns (rest → CWD).</summary>
    public const double DeadWoodCombustion = 0.2;
    /// <summary>[-] CWD fire rate relative to the plant fire rate.</summary>
    public const double CwdFireFraction = 0.3;

    // ---- numerics ----
    /// <summary>[kg m-2] States below this are set to 0 (precision control).</summary>
    public const double CriticalPrecision = 1e-20;
    /// <summary>[kgC m-2] Leaf C below this is moved to litter (radiation uses exp(−LAI)).</summary>
    public const double LeafCriticalPrecision = 1e-7;
    /// <summary>[kgC m-2] Deciduous leaf/root C below this is zeroed on the allocation day.</summary>
    public const double DeciduousZeroThreshold = 1e-10;
    /// <summary>[kg m-2] Daily C and N balance tolerance.</summary>
    public const double MassBalanceTolerance = 1e-8;
    /// <summary>[kg m-2] Daily water balance tolerance.</summary>
    public const double WaterBalanceTolerance = 1e-4;
}
