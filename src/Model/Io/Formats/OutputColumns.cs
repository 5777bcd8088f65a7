using CarbonSim.Model.Output;

namespace CarbonSim.Model.Io.Formats;

/// <summary>
/// Names and units of what a run folder holds, in one place: the columns of <c>cities_annual.csv</c> and
/// <c>region_annual.csv</c>, the attributes of <c>cities.geojson</c>, the land-use columns, and the report unit
/// and file name of each raster layer. Every name ends in its unit (docs/outputs.md). The writers, the
/// comparison, the report and the engine's result builders take names from here; the conversion factors
/// are <see cref="OutputUnits"/>.
/// </summary>
public static class OutputColumns
{
    // Labels and keys.
    /// <summary>[-] GB/T 2260 city code.</summary>
    public const string CityId = "city_id";
    /// <summary>[-] City name (English).</summary>
    public const string CityName = "city_name";
    /// <summary>[-] City name (Chinese).</summary>
    public const string CityNameZh = "city_name_zh";
    /// <summary>[-] Province.</summary>
    public const string Province = "province";
    /// <summary>[a] Calendar year.</summary>
    public const string Year = "year";
    /// <summary>[-] Number of cities summed (region table).</summary>
    public const string CityCount = "n_cities";

    /// <summary>Columns holding labels, not numbers.</summary>
    public static IReadOnlyList<string> LabelColumns { get; } = [CityId, CityName, CityNameZh, Province];
    /// <summary>Columns that are keys or counts rather than quantities.</summary>
    public static IReadOnlyList<string> KeyColumns { get; } = [Year, CityCount];

    // Carbon columns (area-weighted means per area, sums over the area).
    /// <summary>[km2] Modelled land area.</summary>
    public const string AreaKm2 = "area_km2";
    /// <summary>[g C m-2 a-1] Gross primary production.</summary>
    public const string GppPerArea = "gpp_gC_m2_yr";
    /// <summary>[g C m-2 a-1] Net primary production.</summary>
    public const string NppPerArea = "npp_gC_m2_yr";
    /// <summary>[g C m-2 a-1] Net ecosystem production.</summary>
    public const string NepPerArea = "nep_gC_m2_yr";
    /// <summary>[g C m-2 a-1] Net biome production.</summary>
    public const string NbpPerArea = "nbp_gC_m2_yr";
    /// <summary>[g C m-2 a-1] Heterotrophic respiration.</summary>
    public const string HrPerArea = "hr_gC_m2_yr";
    /// <summary>[g C m-2 a-1] Carbon removed by management (crop harvest, urban-green clippings and swept leaves, forest wood harvest), already subtracted in NBP.</summary>
    public const string HarvestPerArea = "harvest_gC_m2_yr";
    /// <summary>[t C ha-1] Vegetation carbon density.</summary>
    public const string VegCDensity = "vegc_tC_ha";
    /// <summary>[t C ha-1] Litter carbon density (incl. coarse woody debris).</summary>
    public const string LitterCDensity = "litterc_tC_ha";
    /// <summary>[t C ha-1] Soil carbon density.</summary>
    public const string SoilCDensity = "soilc_tC_ha";
    /// <summary>[t C ha-1] Total ecosystem carbon density.</summary>
    public const string TotalCDensity = "totalc_tC_ha";
    /// <summary>[Tg C a-1] GPP summed over the area.</summary>
    public const string Gpp = "gpp_TgC_yr";
    /// <summary>[Tg C a-1] NPP summed over the area.</summary>
    public const string Npp = "npp_TgC_yr";
    /// <summary>[Tg C a-1] NEP summed over the area.</summary>
    public const string Nep = "nep_TgC_yr";
    /// <summary>[Tg C a-1] NBP summed over the area.</summary>
    public const string Nbp = "nbp_TgC_yr";
    /// <summary>[Tg C a-1] Heterotrophic respiration summed over the area.</summary>
    public const string Hr = "hr_TgC_yr";
    /// <summary>[Tg C a-1] Carbon removed by management summed over the area.</summary>
    public const string Harvest = "harvest_TgC_yr";
    /// <summary>[Tg C] Vegetation carbon stock.</summary>
    public const string VegC = "vegc_TgC";
    /// <summary>[Tg C] Litter carbon stock.</summary>
    public const string LitterC = "litterc_TgC";
    /// <summary>[Tg C] Soil carbon stock.</summary>
    public const string SoilC = "soilc_TgC";
    /// <summary>[Tg C] Total ecosystem carbon stock.</summary>
    public const string TotalC = "totalc_TgC";
    /// <summary>[Tg C] Total stock minus the previous year's (empty in a series' first year; in cities.geojson: last minus first year).</summary>
    public const string TotalCChange = "totalc_change_TgC";
    /// <summary>[km2] Area of a land-use class, e.g. <c>area_cropland_km2</c>.</summary>
    public static string ClassArea(string cls) => $"area_{cls}_km2";

    // Land-use change columns (CarbonYear.Extra).
    /// <summary>[cells a-1] Cells that changed class in the year.</summary>
    public const string ConvertedCells = "converted_cells_yr";
    /// <summary>[cells a-1] Demand the allocation could not meet.</summary>
    public const string DemandShortfallCells = "demand_shortfall_cells_yr";
    /// <summary>[t C a-1] Carbon sent to the atmosphere by the year's conversions.</summary>
    public const string ConversionToAtmosphere = "luc_conversion_to_atmosphere_tC_yr";
    /// <summary>[t C a-1] Decay of the wood-product pool.</summary>
    public const string WoodDecay = "luc_wood_decay_tC_yr";
    /// <summary>[t C a-1] Seedling carbon planted on converted cells.</summary>
    public const string Establishment = "luc_establishment_tC_yr";
    /// <summary>[t C] Wood-product stock at the end of the year.</summary>
    public const string WoodProducts = "wood_products_tC";
    /// <summary>[t C] Soil carbon sealed off under newly sealed surfaces at the end of the year (out of decomposition; included in <c>soilc</c> and <c>totalc</c>).</summary>
    public const string SealedSoil = "sealed_soil_tC";
    /// <summary>[t C] Stock of the single-process land-use ledger at the end of the year (<c>carbonsim landuse</c>).</summary>
    public const string LedgerStock = "luc_ledger_stock_tC";

    // cities.geojson attributes beyond the columns above.
    /// <summary>[g C m-2 a-1] NPP averaged over all simulated years.</summary>
    public const string NppMean = "npp_mean_gC_m2_yr";
    /// <summary>[g C m-2 a-1] NEP averaged over all simulated years.</summary>
    public const string NepMean = "nep_mean_gC_m2_yr";
    /// <summary>[g C m-2 a-1] NBP averaged over all simulated years.</summary>
    public const string NbpMean = "nbp_mean_gC_m2_yr";
    /// <summary>[%] Last-year minus first-year total stock relative to the first year.</summary>
    public const string TotalCChangePct = "totalc_change_pct";

    // Raster layers.
    /// <summary>
    /// Report unit, file-name slug and factor of a raster layer with internal unit <paramref name="internalUnit"/>:
    /// pools [kgC m-2] → t C ha-1 (<c>tC_ha</c>), fluxes [kgC m-2 a-1] → g C m-2 a-1 (<c>gC_m2_yr</c>); any other
    /// label is written as is (slug: the label with non-alphanumerics as <c>_</c>, factor 1).
    /// </summary>
    public static (string Unit, string Slug, double Factor) RasterUnit(string internalUnit) => internalUnit switch
    {
        OutputUnits.KgCPerM2 => ("t C ha-1", "tC_ha", OutputUnits.ToTonnesPerHa(1)),
        OutputUnits.KgCPerM2PerYear => ("g C m-2 a-1", "gC_m2_yr", OutputUnits.ToGramsPerM2(1)),
        _ => (internalUnit, new string(internalUnit.Select(ch => char.IsLetterOrDigit(ch) ? ch : '_').ToArray()), 1.0),
    };

    /// <summary>File stem of a raster layer: name + report unit, e.g. <c>total_c_2020_tC_ha</c>.</summary>
    public static string RasterFileStem(RasterLayer layer) => $"{layer.Name}_{RasterUnit(layer.Unit).Slug}";
}
