using CarbonSim.Model.Accounting;

namespace CarbonSim.Model.Engine;

/// <summary>
/// Layout of the per-city exact sums of a run with land-use change. After the
/// <see cref="CarbonVariables.Count"/> carbon variables come the year's carbon ledger (<c>[kgC]</c>, the
/// terms of <see cref="CarbonYear"/>), the wood-product stock at the year end <c>[kgC]</c>, the number of
/// converted cells (an integer carried as an exact sum) and the area of each class after the year's
/// allocation <c>[m2]</c>. Runs without land-use change carry only the carbon variables.
/// </summary>
public static class LandUseSums
{
    /// <summary>[kgC] Ecosystem + wood-product carbon at the start of the year.</summary>
    public const int StartKg = 0;
    /// <summary>[kgC a-1] Net ecosystem uptake from the kernel (Σ column NBP × cover × area).</summary>
    public const int EcosystemUptakeKg = 1;
    /// <summary>[kgC a-1] Conversion terms: vegetation to atmosphere, to wood products, to litter; litter and soil to atmosphere.</summary>
    public const int VegToAtmosphereKg = 2;
    public const int VegToWoodProductsKg = 3;
    public const int VegToLitterKg = 4;
    public const int LitterToAtmosphereKg = 5;
    public const int SoilToAtmosphereKg = 6;
    /// <summary>[kgC a-1] Decay of wood products to the atmosphere.</summary>
    public const int WoodDecayKg = 7;
    /// <summary>[kgC] Ecosystem + wood-product carbon at the end of the year.</summary>
    public const int EndKg = 8;
    /// <summary>[cells] Cells converted in the year.</summary>
    public const int Conversions = 9;
    /// <summary>[kgC] Wood-product stock at the end of the year.</summary>
    public const int WoodProductsKg = 10;
    /// <summary>[kgC a-1] Seedling carbon planted on converted cells (an input, see Model.LandUse.CellConversion).</summary>
    public const int EstablishmentKg = 11;
    /// <summary>Number of ledger entries.</summary>
    public const int LedgerCount = 12;

    /// <summary>Entries per city: carbon variables, ledger, one area per class.</summary>
    public static int Stride(int classCount) => CarbonVariables.Count + LedgerCount + classCount;

    /// <summary>Index of ledger entry <paramref name="entry"/> in a city's vector.</summary>
    public static int Ledger(int entry) => CarbonVariables.Count + entry;

    /// <summary>Index of the area of class <paramref name="cls"/> [m2] in a city's vector.</summary>
    public static int ClassArea(int cls) => CarbonVariables.Count + LedgerCount + cls;

    /// <summary>True if a city's vector carries the land-use block.</summary>
    public static bool HasLedger(int length) => length > CarbonVariables.Count;

    /// <summary>The year's books from a city's (or the region's) exact sums.</summary>
    public static CarbonYear Books(int year, FixedSum[] sums)
    {
        double L(int e) => sums[Ledger(e)].ToKg();
        return new CarbonYear(year, L(StartKg), L(EcosystemUptakeKg), L(VegToAtmosphereKg), L(VegToWoodProductsKg), L(VegToLitterKg),
            L(LitterToAtmosphereKg), L(SoilToAtmosphereKg), L(WoodDecayKg), L(EndKg), (int)Math.Round(L(Conversions)), L(EstablishmentKg));
    }
}
