namespace CarbonSim.Model.Output;

/// <summary>
/// Conversions from the engine's internal units (kg C m-2 for pools, kg C m-2 a-1 for annual fluxes,
/// m² for area) to the units reports use: g C m-2 a-1 for fluxes per area, t C ha-1 for densities,
/// Tg C for regional totals, km² for areas, t CO2 for emissions. Only the output edge calls these.
/// </summary>
public static class OutputUnits
{
    /// <summary>Unit label of internal carbon pools per area.</summary>
    public const string KgCPerM2 = "kgC m-2";
    /// <summary>Unit label of internal annual carbon fluxes per area.</summary>
    public const string KgCPerM2PerYear = "kgC m-2 a-1";

    /// <summary>[g kg-1] 1 kg = 1000 g.</summary>
    public const double GramsPerKg = 1000.0;
    /// <summary>[m2 ha-1] 1 ha = 10 000 m².</summary>
    public const double SquareMetresPerHectare = 10_000.0;
    /// <summary>[kg t-1] 1 t = 1000 kg.</summary>
    public const double KgPerTonne = 1000.0;
    /// <summary>[kg Tg-1] 1 Tg = 10^9 kg.</summary>
    public const double KgPerTeragram = 1e9;
    /// <summary>[m2 km-2] 1 km² = 10^6 m².</summary>
    public const double SquareMetresPerKm2 = 1e6;
    /// <summary>[g CO2 / g C] Molar mass ratio CO2 : C = 44/12 (IPCC convention).</summary>
    public const double Co2PerCarbon = 44.0 / 12.0;

    /// <summary>kg C m-2 a-1 → g C m-2 a-1 (×1000).</summary>
    public static double ToGramsPerM2(double kgPerM2) => kgPerM2 * GramsPerKg;

    /// <summary>kg C m-2 → t C ha-1 (×10: 1 kg m-2 = 10 000 kg ha-1 = 10 t ha-1).</summary>
    public static double ToTonnesPerHa(double kgPerM2) => kgPerM2 * SquareMetresPerHectare / KgPerTonne;

    /// <summary>kg → Tg (×10^-9).</summary>
    public static double KgToTg(double kg) => kg / KgPerTeragram;

    /// <summary>[Tg] Total over an area: density [kg m-2] × area [m²] → Tg.</summary>
    public static double ToTg(double kgPerM2, double areaM2) => kgPerM2 * areaM2 / KgPerTeragram;

    /// <summary>m² → km² (×10^-6).</summary>
    public static double ToKm2(double m2) => m2 / SquareMetresPerKm2;

    /// <summary>t C → t CO2 (×44/12).</summary>
    public static double CarbonToCo2(double tonnesC) => tonnesC * Co2PerCarbon;
}
