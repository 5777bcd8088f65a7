namespace CarbonSim.Model.Output;

/// <summary>
/// A published figure used as a plausibility range for a run (never as an input).
/// </summary>
/// <param name="Key">What is compared: <see cref="RegionalMeanNppKey"/> or <see cref="TotalStorageKey"/>.</param>
/// <param name="Description">Short human label.</param>
/// <param name="Low">[Unit] Lower end of the published range.</param>
/// <param name="High">[Unit] Upper end of the published range.</param>
/// <param name="Unit">Report unit of Low and High (g C m-2 a-1 or Tg C).</param>
/// <param name="Source">Citation.</param>
/// <param name="ReferenceYear">[a] Year the figure refers to; the run's value for that year is used when simulated, else the first year.</param>
/// <param name="ReferenceAreaKm2">[km2] Area the published total covers; when the run's area differs by more than 2 %, densities are compared instead of totals.</param>
public sealed record PublishedRange(string Key, string Description, double Low, double High, string Unit, string Source,
    int? ReferenceYear = null, double? ReferenceAreaKm2 = null)
{
    /// <summary>Key of the regional mean NPP range [g C m-2 a-1].</summary>
    public const string RegionalMeanNppKey = "regional_mean_npp";
    /// <summary>Key of the total carbon storage range [Tg C].</summary>
    public const string TotalStorageKey = "total_storage";

    /// <summary>
    /// Jing-Jin-Ji figures from data/jjj/README.md: regional annual mean NPP 223 (2001) to 356 (2004)
    /// g C m-2 a-1 (MODIS MOD17A3, 2000–2014); total terrestrial carbon storage in 2020 1,633 to
    /// 2,121 Tg C (InVEST studies: GlobeLand30-based; Wu et al. 2024, Environmental Science 45(5)),
    /// over the 13 cities' ≈214,960 km².
    /// </summary>
    public static IReadOnlyList<PublishedRange> JingJinJi { get; } =
    [
        new(RegionalMeanNppKey, "Regional mean NPP", 223, 356, "g C m-2 a-1",
            "MODIS MOD17A3 2000–2014, regional annual mean range (data/jjj/README.md)"),
        new(TotalStorageKey, "Total terrestrial carbon storage", 1633, 2121, "Tg C",
            "InVEST studies for 2020: GlobeLand30-based study; Wu et al. 2024, Environmental Science 45(5) (data/jjj/README.md)",
            ReferenceYear: 2020, ReferenceAreaKm2: 214_960),
    ];
}

/// <summary>Where a modelled value lies relative to a published range.</summary>
public enum RangeStatus { Below, Within, Above }

/// <summary>Result of comparing one modelled quantity with a published range.</summary>
/// <param name="Range">The published range.</param>
/// <param name="Modelled">[Range.Unit, or ComparedUnit when densities were compared] The run's value.</param>
/// <param name="ComparedLow">[ComparedUnit] Lower bound actually compared with (the range, or its density equivalent).</param>
/// <param name="ComparedHigh">[ComparedUnit] Upper bound actually compared with.</param>
/// <param name="ComparedUnit">Unit of Modelled, ComparedLow, ComparedHigh.</param>
/// <param name="Basis">How the modelled value was formed (years, area).</param>
/// <param name="Status">Below, within or above.</param>
/// <param name="DeviationFraction">[-] (Modelled − nearest bound) / nearest bound; 0 when within.</param>
/// <param name="Explanation">Sentences built from the run's numbers that say where a difference comes from.</param>
public sealed record RangeCheck(PublishedRange Range, double Modelled, double ComparedLow, double ComparedHigh, string ComparedUnit,
    string Basis, RangeStatus Status, double DeviationFraction, string Explanation);
