using System.Collections.Immutable;
using CarbonSim.Model.Accounting;
using CarbonSim.Model.LandUse;

namespace CarbonSim.Model.Scenarios;

/// <summary>How a city's yearly land-use demand is given (science notes §3; docs/landuse.md §1).</summary>
public enum DemandKind { Table, Trend, Markov }

/// <summary>
/// Demand per city and class (cells per year). Exactly one source is set, matching <see cref="Kind"/>.
/// Class arrays are indexed like <see cref="LandUseChangeSpec.ClassNames"/>.
/// </summary>
public sealed record DemandSpec
{
    public required DemandKind Kind { get; init; }
    /// <summary>The demand table (CSV city_id,year,class,cells), already read; for <see cref="DemandKind.Table"/>.</summary>
    public DemandTable? Table { get; init; }
    /// <summary>
    /// [% of the city's cells a-1] Linear trend per class, by city id or "*" (every other city); for
    /// <see cref="DemandKind.Trend"/>. Each vector sums to 0 (the city's area is fixed).
    /// </summary>
    public ImmutableSortedDictionary<string, ImmutableArray<double>> TrendPctPerYear { get; init; } =
        ImmutableSortedDictionary<string, ImmutableArray<double>>.Empty;
    /// <summary>Transition matrix (given, or estimated from two maps), rows summing to 1; for <see cref="DemandKind.Markov"/>.</summary>
    public MarkovChain? Markov { get; init; }
    /// <summary>Where the demand came from (file(s) or "trend"), for reports.</summary>
    public required string Source { get; init; }

    /// <summary>[% a-1] Trend rates of a city (its own, else the "*" default, else all zero).</summary>
    public double[] TrendFor(string cityId, int classCount) =>
        TrendPctPerYear.TryGetValue(cityId, out var v) ? [.. v]
        : TrendPctPerYear.TryGetValue(LandUseClassTable.AnyZone, out var d) ? [.. d] : new double[classCount];
}

/// <summary>
/// The <c>land_use_change</c> section: demand and allocation rules. Class indices are positions in
/// <see cref="ClassNames"/> (the class table's classes in code order).
/// </summary>
public sealed record LandUseChangeSpec
{
    public required ImmutableArray<string> ClassNames { get; init; }
    public required DemandSpec Demand { get; init; }
    /// <summary>Validated allocation rules (suitability, window, weights, elasticity, conversion matrix).</summary>
    public required LandUseRules Rules { get; init; }
    /// <summary>Restriction by class: cells of these classes never change (e.g. water, protected forest).</summary>
    public required ImmutableArray<bool> ProtectedClass { get; init; }
    /// <summary>Full path of an optional ESRI ASCII grid on the run grid; non-zero cells are protected. Null = none.</summary>
    public string? ProtectedMaskPath { get; init; }

    public int ClassIndex(string name) => ClassNames.IndexOf(name);
}

/// <summary>
/// The <c>conversion_carbon</c> section: a rule for every transition (from ≠ to) and the wood-product
/// half-life. Soil loss defaults to <see cref="ConversionRule.SoilLossOnSealing"/> from the classes' sealed shares.
/// </summary>
/// <param name="SealedSoilLoss">[0–1] Share of soil C lost under newly sealed surface.</param>
/// <param name="Rules">One rule per transition, indexed like <see cref="LandUseChangeSpec.ClassNames"/>.</param>
public sealed record ConversionCarbonSpec(double WoodProductHalfLifeYears, double SealedSoilLoss, ImmutableArray<ConversionRule> Rules)
{
    /// <summary>The validated rule set the engine uses.</summary>
    public ConversionCarbonRules ToRules(string source) => new(Rules, WoodProductHalfLifeYears, source);
}

/// <summary>The <c>green_space</c> section: targets that override the demand of one class in one city.</summary>
public sealed record GreenSpaceSpec(ImmutableArray<GreenSpaceTarget> Targets, string? CitiesPath);

/// <summary>Which engine flux counts as a city's sink in the budget.</summary>
public enum SinkBasis { Nep, Nbp }

/// <summary>The <c>emissions</c> section: the city inventory (with its pathway after the last inventory year) and the GDP table, both already read.</summary>
/// <param name="InventoryPath">Full path of the inventory CSV.</param>
/// <param name="Unit">"mt_co2" (CEADs column co2_mt) or "t_co2" (column t_co2).</param>
/// <param name="GdpGrowthPctPerYear">[% a-1] GDP growth from each city's table year.</param>
/// <param name="Population">Population by city and year for per-capita figures; null when the economy table has no population and no pathway is given.</param>
public sealed record EmissionsSpec(string InventoryPath, string Unit, EmissionInventory Inventory, string EconomyPath,
    IReadOnlyDictionary<string, CityEconomy> Economy, double GdpGrowthPctPerYear = 0, PopulationPath? Population = null);

/// <summary>The <c>compensation</c> section (defaults when a scenario has <c>emissions</c> but no <c>compensation</c>).</summary>
/// <param name="Price">[currency (t CO2)-1] Carbon price path P (≥ 0).</param>
/// <param name="Sink">NEP or NBP.</param>
/// <param name="Settings">Scheme, window, thresholds, hysteresis, currency.</param>
/// <param name="DefaultK">[-] Adjustment factor k_i for cities not listed.</param>
/// <param name="K">[-] k_i by city id.</param>
public sealed record CompensationSpec(PricePath Price, SinkBasis Sink, CompensationSettings Settings, double DefaultK, ImmutableSortedDictionary<string, double> K)
{
    /// <summary>[RMB (t CO2)-1] Default price: the CEA national carbon market 2025 average (<see cref="CeaPriceAnchors.Average2025"/>).</summary>
    public static CompensationSpec Default => new(new PricePath.Constant(CeaPriceAnchors.Average2025), SinkBasis.Nep, new CompensationSettings(), 1.0,
        ImmutableSortedDictionary<string, double>.Empty.WithComparers(StringComparer.Ordinal));

    /// <summary>[-] k_i of a city.</summary>
    public double KFor(string cityId) => K.TryGetValue(cityId, out var k) ? k : DefaultK;
}
