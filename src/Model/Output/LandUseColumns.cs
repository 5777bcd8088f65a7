namespace CarbonSim.Model.Output;

/// <summary>
/// Names of the land-use columns of the annual tables (<see cref="AreaCarbonYear.Extra"/>): the names are defined
/// with every other output column in <see cref="Io.Formats.OutputColumns"/>; these aliases keep existing callers.
/// </summary>
public static class LandUseColumns
{
    /// <summary>[cells a-1] Cells that changed class in the year.</summary>
    public const string Converted = Io.Formats.OutputColumns.ConvertedCells;
    /// <summary>[cells a-1] Demand the allocation could not meet.</summary>
    public const string Shortfall = Io.Formats.OutputColumns.DemandShortfallCells;
    /// <summary>[t C a-1] Carbon sent to the atmosphere by the year's conversions.</summary>
    public const string ToAtmosphere = Io.Formats.OutputColumns.ConversionToAtmosphere;
    /// <summary>[t C a-1] Decay of the wood-product pool.</summary>
    public const string WoodDecay = Io.Formats.OutputColumns.WoodDecay;
    /// <summary>[t C a-1] Seedling carbon planted on converted cells.</summary>
    public const string Establishment = Io.Formats.OutputColumns.Establishment;
    /// <summary>[t C] Wood-product stock at the end of the year.</summary>
    public const string WoodStock = Io.Formats.OutputColumns.WoodProducts;
    /// <summary>[t C] Sealed-soil stock at the end of the year.</summary>
    public const string SealedSoil = Io.Formats.OutputColumns.SealedSoil;
}
