namespace CarbonSim.Model.Engine;

/// <summary>
/// The annual carbon quantities the engine carries per cell, city and region, in a fixed order.
/// Per cell and column they are per unit ground area (<c>[kgC m-2]</c> for stocks at the end of the
/// year, <c>[kgC m-2 a-1]</c> for annual flux sums); summed over cells they are multiplied by area
/// and become <c>[kgC]</c> and <c>[kgC a-1]</c>.
/// </summary>
public static class CarbonVariables
{
    /// <summary>[kgC m-2 a-1] Gross primary production.</summary>
    public const int Gpp = 0;
    /// <summary>[kgC m-2 a-1] Net primary production (GPP − autotrophic respiration).</summary>
    public const int Npp = 1;
    /// <summary>[kgC m-2 a-1] Net ecosystem production (NPP − heterotrophic respiration).</summary>
    public const int Nep = 2;
    /// <summary>[kgC m-2 a-1] Net biome production (NEP − fire and other losses), positive for uptake.</summary>
    public const int Nbp = 3;
    /// <summary>[kgC m-2 a-1] Heterotrophic respiration.</summary>
    public const int Hr = 4;
    /// <summary>[kgC m-2] Vegetation carbon (leaf, root, wood, storage) at the end of the year.</summary>
    public const int VegetationC = 5;
    /// <summary>[kgC m-2] Litter and coarse woody debris carbon at the end of the year.</summary>
    public const int LitterC = 6;
    /// <summary>[kgC m-2] Soil organic carbon at the end of the year.</summary>
    public const int SoilC = 7;
    /// <summary>[kgC m-2] Total ecosystem carbon at the end of the year.</summary>
    public const int TotalC = 8;
    /// <summary>[kgC m-2 a-1] Carbon removed by harvest and management (grain and removed straw of managed cropland; clippings and swept litter of managed urban green; 0 elsewhere), a lateral flux already subtracted in <see cref="Nbp"/>.</summary>
    public const int Harvest = 9;

    /// <summary>Number of variables; arrays of per-variable values have this length (or a multiple).</summary>
    public const int Count = 10;

    /// <summary>Column names, index-aligned with the constants above.</summary>
    public static IReadOnlyList<string> Names { get; } = ["gpp", "npp", "nep", "nbp", "hr", "veg_c", "litter_c", "soil_c", "total_c", "harvest"];

    /// <summary>True for the annual flux sums (GPP, NPP, NEP, NBP, HR, harvest), false for end-of-year stocks.</summary>
    public static bool IsFlux(int variable) => variable <= Hr || variable == Harvest;
}
