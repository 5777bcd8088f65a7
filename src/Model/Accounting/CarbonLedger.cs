using CarbonSim.Model.LandUse;

namespace CarbonSim.Model.Accounting;

/// <summary>
/// One cell's carbon books for one year, in kgC over the cell's area. Identity that must hold:
/// EndKg − StartKg = EcosystemUptakeKg − ConversionToAtmosphereKg − WoodDecayKg + EstablishmentKg.
/// </summary>
/// <param name="StartKg">[kgC] Veg + litter + soil + wood products (+ sealed soil, Model.LandUse.SealedSoil) at the start of the year.</param>
/// <param name="EcosystemUptakeKg">[kgC] Net ecosystem uptake of the year from the process kernel (NBP, positive = uptake).</param>
/// <param name="VegToAtmosphereKg">[kgC] Vegetation cleared straight to the atmosphere.</param>
/// <param name="VegToWoodProductsKg">[kgC] Vegetation moved to the wood-product pool (stays a stock).</param>
/// <param name="VegToLitterKg">[kgC] Vegetation left as litter/slash (stays a stock).</param>
/// <param name="LitterToAtmosphereKg">[kgC] Litter burnt or removed.</param>
/// <param name="SoilToAtmosphereKg">[kgC] Soil C lost (sealing, disturbance). Soil sealed off under a new surface stays a stock (not here).</param>
/// <param name="WoodDecayKg">[kgC] Wood products decayed to the atmosphere this year.</param>
/// <param name="EndKg">[kgC] The four pools at the end of the year.</param>
/// <param name="EstablishmentKg">[kgC] Seedling carbon planted on converted cells whose new cover received less vegetation than a seedling holds (an input from outside the region).</param>
public sealed record CarbonYear(int Year, double StartKg, double EcosystemUptakeKg, double VegToAtmosphereKg,
    double VegToWoodProductsKg, double VegToLitterKg, double LitterToAtmosphereKg, double SoilToAtmosphereKg,
    double WoodDecayKg, double EndKg, int Conversions, double EstablishmentKg = 0)
{
    /// <summary>[kgC] Conversion terms sent to the atmosphere at once.</summary>
    public double ConversionToAtmosphereKg => VegToAtmosphereKg + LitterToAtmosphereKg + SoilToAtmosphereKg;

    /// <summary>[kgC] Net flux from the land to the atmosphere caused by land-use change (conversion + wood decay).</summary>
    public double LandUseEmissionKg => ConversionToAtmosphereKg + WoodDecayKg;

    /// <summary>[kgC] ΔStock − (uptake − conversion − decay + establishment); zero up to rounding.</summary>
    public double ResidualKg => (EndKg - StartKg) - (EcosystemUptakeKg - ConversionToAtmosphereKg - WoodDecayKg + EstablishmentKg);

    public static CarbonYear Empty(int year) => new(year, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>Sum of two books of the same year (sum cells and tiles in a fixed order: cell id, tile index).</summary>
    public CarbonYear Plus(CarbonYear o)
    {
        if (o.Year != Year) throw new InvalidInputException("ledger", $"year {Year}", $"year {o.Year}", "books of the same year");
        return new(Year, StartKg + o.StartKg, EcosystemUptakeKg + o.EcosystemUptakeKg, VegToAtmosphereKg + o.VegToAtmosphereKg,
            VegToWoodProductsKg + o.VegToWoodProductsKg, VegToLitterKg + o.VegToLitterKg, LitterToAtmosphereKg + o.LitterToAtmosphereKg,
            SoilToAtmosphereKg + o.SoilToAtmosphereKg, WoodDecayKg + o.WoodDecayKg, EndKg + o.EndKg, Conversions + o.Conversions,
            EstablishmentKg + o.EstablishmentKg);
    }

    /// <summary>Throws <see cref="MassBalanceException"/> if |residual| exceeds relTol × the largest term.</summary>
    public void Check(string where, double relTol = 1e-9)
    {
        double scale = new[] { Math.Abs(StartKg), Math.Abs(EndKg), Math.Abs(EcosystemUptakeKg), ConversionToAtmosphereKg, WoodDecayKg, EstablishmentKg, 1e-30 }.Max();
        if (Math.Abs(ResidualKg) > relTol * scale)
            throw new MassBalanceException("carbon (land-use ledger)", where, Year, ResidualKg,
                $"start {StartKg:E6} kg, uptake {EcosystemUptakeKg:E6}, conversion {ConversionToAtmosphereKg:E6}, wood decay {WoodDecayKg:E6}, establishment {EstablishmentKg:E6}, end {EndKg:E6}");
    }
}

/// <summary>
/// Closing a cell's year. Order at the year end, after the kernel has run the year:
/// (1) wood products present decay for the year, (2) the cell's conversion (if it won one) is applied,
/// its new wood products decaying from next year.
/// </summary>
public static class CarbonLedger
{
    /// <param name="start">Column at the start of the year.</param>
    /// <param name="afterKernel">Column after the kernel's year (wood products untouched by the kernel).</param>
    /// <param name="ecosystemUptake">[kgC m-2 a-1] The kernel's net uptake of the year (NBP, positive = uptake); checked against the change of veg + litter + soil.</param>
    /// <param name="rule">Conversion rule if the cell changes class at this year end, else null.</param>
    public static (CarbonColumn End, CarbonYear Books) CloseCellYear(string cell, int year, CarbonColumn start,
        CarbonColumn afterKernel, double ecosystemUptake, ConversionRule? rule, double woodHalfLifeYears, double relTol = 1e-9)
    {
        if (!double.IsFinite(ecosystemUptake))
            throw new InvalidInputException("kernel", $"cell {cell} year {year}", ecosystemUptake.ToString("R"), "a finite net uptake");
        if (afterKernel.AreaM2 != start.AreaM2 || afterKernel.WoodProductC != start.WoodProductC || afterKernel.SealedSoilC != start.SealedSoilC)
            throw new InvalidInputException("kernel", $"cell {cell} year {year}", "area, wood products or sealed soil changed by the kernel", "the kernel to change only veg, litter and soil C");
        double eco0 = start.VegC + start.LitterC + start.SoilC, eco1 = afterKernel.VegC + afterKernel.LitterC + afterKernel.SoilC;
        double kernelResidual = (eco1 - eco0) - ecosystemUptake;
        if (Math.Abs(kernelResidual) > relTol * Math.Max(Math.Max(Math.Abs(eco0), Math.Abs(eco1)), 1e-30))
            throw new MassBalanceException("carbon (kernel year vs land-use ledger)", cell, year, kernelResidual,
                $"veg+litter+soil {eco0:E6} -> {eco1:E6} kg m-2, reported uptake {ecosystemUptake:E6}");

        double decay = ConversionCarbon.WoodProductDecay(afterKernel.WoodProductC, woodHalfLifeYears);
        var col = afterKernel with { WoodProductC = afterKernel.WoodProductC - decay };
        var f = new ConversionFluxes(0, 0, 0, 0, 0);
        if (rule != null) (col, f) = ConversionCarbon.Convert(col, rule);

        double a = start.AreaM2;
        var books = new CarbonYear(year, start.TotalKg, ecosystemUptake * a, f.VegToAtmosphere * a, f.VegToWoodProducts * a,
            f.VegToLitter * a, f.LitterToAtmosphere * a, f.SoilToAtmosphere * a, decay * a, col.TotalKg, rule != null ? 1 : 0);
        books.Check($"cell {cell}", relTol);
        return (col, books);
    }

    /// <summary>Sums cell books in the order given (pass them by ascending cell id, partial sums by tile index).</summary>
    public static CarbonYear Sum(int year, IEnumerable<CarbonYear> books)
    {
        var s = CarbonYear.Empty(year);
        foreach (var b in books) s = s.Plus(b);
        return s;
    }
}
