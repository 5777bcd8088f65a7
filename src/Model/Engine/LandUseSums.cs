using CarbonSim.Model.Accounting;

namespace CarbonSim.Model.Engine;

/// <summary>
/// Layout of the per-city exact sums of a run with classes (every run whose spec names its land-use classes, with
/// or without land-use change). After the <see cref="CarbonVariables.Count"/> carbon variables come the year's
/// carbon ledger (<c>[kgC]</c>, the terms of <see cref="CarbonYear"/>), the wood-product and sealed-soil stocks at the year end
/// <c>[kgC]</c>, the number of converted cells (an integer carried as an exact sum), the area of each class
/// <c>[m2]</c> and then, class by class, the <see cref="CarbonVariables.Count"/> carbon variables summed over
/// the cells of that class (<c>[kgC]</c>, <c>[kgC a-1]</c>). Each cell adds the very same rounded addend to its
/// city's variable and to its class's, so the classes of a city sum exactly (bit for bit) to the city.
/// The class of a cell is its class after the year's allocation (with land-use change: a converted cell's whole
/// year, its conversion emission included, is booked to its new class) or its fixed class in the map.
/// Without land-use change the ledger holds the cell books of a year without conversions (start, kernel uptake,
/// end), so the ledger check is a real check of ΔC = NBP. A spec without classes carries only the carbon variables.
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
    /// <summary>[kgC] Sealed-soil stock at the end of the year (Model.LandUse.SealedSoil; part of the soil C variable).</summary>
    public const int SealedSoilKg = 12;
    /// <summary>Number of ledger entries.</summary>
    public const int LedgerCount = 13;

    /// <summary>Entries per city: carbon variables, ledger, one area per class, the carbon variables of each class, then the
    /// crop block (<see cref="CropSums"/>: <see cref="CropSums.Entries"/> per crop of <see cref="RunSpec.Crops"/>).</summary>
    public static int Stride(int classCount, int cropCount = 0) => CarbonVariables.Count + LedgerCount + classCount * (1 + CarbonVariables.Count) + cropCount * CropSums.Entries;

    /// <summary>[-] Classes a run sums by: the plan's with land-use change, else the spec's class table (0 = none).</summary>
    public static int ClassCount(RunSpec spec) => spec.LandUse?.ClassCount ?? spec.ClassCodes.Length;

    /// <summary>Entries per city of a run: <see cref="Stride"/>, or <see cref="CarbonVariables.Count"/> for a spec without classes.</summary>
    public static int StrideOf(RunSpec spec) => ClassCount(spec) is int k && k > 0 ? Stride(k, spec.Crops.Length) : CarbonVariables.Count;

    /// <summary>[-] Number of classes of a city's (or the region's) vector of <paramref name="length"/> entries with
    /// <paramref name="cropCount"/> crops (0 without the block).</summary>
    public static int ClassCountOf(int length, int cropCount = 0) =>
        HasLedger(length) ? (length - CarbonVariables.Count - LedgerCount - cropCount * CropSums.Entries) / (1 + CarbonVariables.Count) : 0;

    /// <summary>Index of entry <paramref name="entry"/> (<see cref="CropSums"/>) of crop <paramref name="crop"/> in a city's vector of <paramref name="classCount"/> classes.</summary>
    public static int Crop(int classCount, int crop, int entry) =>
        CarbonVariables.Count + LedgerCount + classCount * (1 + CarbonVariables.Count) + crop * CropSums.Entries + entry;

    /// <summary>Index of carbon variable <paramref name="variable"/> (<see cref="CarbonVariables"/>) of class <paramref name="cls"/> in a city's vector of <paramref name="classCount"/> classes.</summary>
    public static int ClassVariable(int classCount, int cls, int variable) =>
        CarbonVariables.Count + LedgerCount + classCount + cls * CarbonVariables.Count + variable;

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
