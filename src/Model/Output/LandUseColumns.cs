namespace CarbonSim.Model.Output;

/// <summary>
/// Names of the land-use columns of the annual tables (<see cref="CarbonYear.Extra"/>), one place for
/// the engine's results, the single-process runs, the report and the comparison.
/// </summary>
public static class LandUseColumns
{
    /// <summary>[cells a-1] Cells that changed class in the year.</summary>
    public const string Converted = "converted_cells_yr";
    /// <summary>[cells a-1] Demand the allocation could not meet.</summary>
    public const string Shortfall = "demand_shortfall_cells_yr";
    /// <summary>[t C a-1] Carbon sent to the atmosphere by the year's conversions.</summary>
    public const string ToAtmosphere = "luc_conversion_to_atmosphere_tC_yr";
    /// <summary>[t C a-1] Decay of the wood-product pool.</summary>
    public const string WoodDecay = "luc_wood_decay_tC_yr";
    /// <summary>[t C a-1] Seedling carbon planted on converted cells.</summary>
    public const string Establishment = "luc_establishment_tC_yr";
    /// <summary>[t C] Wood-product stock at the end of the year.</summary>
    public const string WoodStock = "wood_products_tC";
}
