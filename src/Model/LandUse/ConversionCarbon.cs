using System.Globalization;

namespace CarbonSim.Model.LandUse;

/// <summary>
/// The carbon of one cell column as land-use change sees it. The engine maps its kernel state onto
/// it (vegetation = all plant pools; litter = litter pools + coarse woody debris; soil = soil organic
/// pools) and maps the result back (e.g. scaling each kernel pool of a group by after/before, and routing
/// <see cref="ConversionFluxes.VegToLitter"/> into its litter/CWD pools).
/// </summary>
/// <param name="VegC">[kgC m-2] Vegetation carbon.</param>
/// <param name="LitterC">[kgC m-2] Litter and coarse woody debris carbon.</param>
/// <param name="SoilC">[kgC m-2] Soil organic carbon.</param>
/// <param name="WoodProductC">[kgC m-2] Harvested wood products from this cell (outside the ecosystem, still counted as stock).</param>
/// <param name="AreaM2">[m2] Cell area.</param>
public readonly record struct CarbonColumn(double VegC, double LitterC, double SoilC, double WoodProductC, double AreaM2)
{
    /// <summary>
    /// [kgC m-2 of cell] Soil carbon sealed off under the cell's sealed share (<see cref="SealedSoil"/>): a stock that
    /// no column holds and nothing decomposes; 0 unless a conversion sealed soil. Not part of <see cref="SoilC"/>.
    /// </summary>
    public double SealedSoilC { get; init; }
    /// <summary>[kgC m-2] Sum of the pools (vegetation, litter, soil, wood products, sealed soil).</summary>
    public double TotalPerM2 => VegC + LitterC + SoilC + WoodProductC + SealedSoilC;
    /// <summary>[kgC] Sum of the pools times area.</summary>
    public double TotalKg => TotalPerM2 * AreaM2;
}

/// <summary>
/// How carbon moves when a cell changes from one class to another (fractions of the pool at the time of
/// conversion, each in [0, 1]). Vegetation: <see cref="VegToAtmosphere"/> + <see cref="VegToWoodProducts"/> +
/// <see cref="VegToLitter"/> ≤ 1, the rest is carried into the new cover. Soil: <see cref="SoilToAtmosphere"/>
/// is lost (e.g. on sealing), the rest is carried. Litter: <see cref="LitterToAtmosphere"/> is burnt or
/// removed. InVEST assumes instant emission of the whole difference; these rules keep the transfers.
/// Sealing (<see cref="SealedSoil"/>): <see cref="SoilToSealed"/> of the columns' soil goes under a newly sealed
/// surface (kept as a stock, out of decomposition); <see cref="SealedToSoil"/> of the cell's sealed soil is
/// released into the new columns' soil when the sealed share falls.
/// </summary>
public sealed record ConversionRule(int FromClass, int ToClass, double VegToAtmosphere, double VegToWoodProducts,
    double VegToLitter, double LitterToAtmosphere, double SoilToAtmosphere, double SoilToSealed = 0, double SealedToSoil = 0)
{
    /// <summary>[0–1] Share of vegetation C carried into the new cover.</summary>
    public double VegCarried => 1 - VegToAtmosphere - VegToWoodProducts - VegToLitter;

    /// <summary>
    /// Soil loss share from sealing: lossOfSealedSoil × <see cref="SealedSoil.NewlySealedShare"/>(sealedFrom, sealedTo),
    /// where sealedX are the sealed shares of the two classes and lossOfSealedSoil the share of soil C lost under a
    /// newly sealed surface (scenario assumption).
    /// </summary>
    public static double SoilLossOnSealing(double sealedFrom, double sealedTo, double lossOfSealedSoil) =>
        lossOfSealedSoil * SealedSoil.NewlySealedShare(sealedFrom, sealedTo);

    public ConversionRule Validate(string source = "scenario")
    {
        string place = $"conversionCarbon[{FromClass}->{ToClass}]";
        foreach (var (n, v) in new[] { ("vegToAtmosphere", VegToAtmosphere), ("vegToWoodProducts", VegToWoodProducts),
                     ("vegToLitter", VegToLitter), ("litterToAtmosphere", LitterToAtmosphere), ("soilToAtmosphere", SoilToAtmosphere),
                     ("soilToSealed", SoilToSealed), ("sealedToSoil", SealedToSoil) })
            if (!(v >= 0 && v <= 1))
                throw new InvalidInputException(source, $"{place}.{n}", v.ToString("R", CultureInfo.InvariantCulture), "a share in [0, 1]");
        double s = VegToAtmosphere + VegToWoodProducts + VegToLitter;
        if (s > 1 + 1e-12)
            throw new InvalidInputException(source, place, $"vegetation shares summing to {s.ToString("R", CultureInfo.InvariantCulture)}", "shares of vegetation C summing to at most 1");
        if (SoilToAtmosphere + SoilToSealed > 1 + 1e-12)
            throw new InvalidInputException(source, place, $"soil shares summing to {(SoilToAtmosphere + SoilToSealed).ToString("R", CultureInfo.InvariantCulture)}", "shares of soil C (to the atmosphere, under sealing) summing to at most 1");
        return this;
    }
}

/// <summary>[kgC m-2] Transfers made by one conversion. <see cref="SoilToSealed"/> and <see cref="SealedToSoil"/> move soil C between the columns and the sealed stock (both stay stocks).</summary>
public readonly record struct ConversionFluxes(double VegToAtmosphere, double VegToWoodProducts, double VegToLitter,
    double LitterToAtmosphere, double SoilToAtmosphere, double SoilToSealed = 0, double SealedToSoil = 0)
{
    /// <summary>[kgC m-2] Everything the conversion sends to the atmosphere at once.</summary>
    public double ToAtmosphere => VegToAtmosphere + LitterToAtmosphere + SoilToAtmosphere;
}

/// <summary>The rule set: one rule per allowed transition, and the half-life of wood products.</summary>
public sealed class ConversionCarbonRules
{
    private readonly Dictionary<(int, int), ConversionRule> _rules = new();
    public string Source { get; }
    /// <summary>[a] Half-life of the wood-product pool (first-order decay to the atmosphere).</summary>
    public double WoodProductHalfLifeYears { get; }

    public ConversionCarbonRules(IEnumerable<ConversionRule> rules, double woodProductHalfLifeYears, string source = "scenario")
    {
        Source = source;
        if (!(woodProductHalfLifeYears > 0) || double.IsInfinity(woodProductHalfLifeYears))
            throw new InvalidInputException(source, "conversionCarbon.woodProductHalfLifeYears",
                woodProductHalfLifeYears.ToString("R", CultureInfo.InvariantCulture), "a finite half-life > 0 years");
        WoodProductHalfLifeYears = woodProductHalfLifeYears;
        foreach (var r in rules)
        {
            r.Validate(source);
            if (!_rules.TryAdd((r.FromClass, r.ToClass), r))
                throw new InvalidInputException(source, $"conversionCarbon[{r.FromClass}->{r.ToClass}]", "a second rule", "one rule per transition");
        }
    }

    public ConversionRule For(int fromClass, int toClass) =>
        _rules.TryGetValue((fromClass, toClass), out var r) ? r
            : throw new InvalidInputException(Source, $"conversionCarbon[{fromClass}->{toClass}]", "no rule", "a carbon rule for every transition the allocation may make");
}

/// <summary>Pure functions applying conversion rules and wood-product decay to a column.</summary>
public static class ConversionCarbon
{
    /// <summary>Applies one conversion: returns the new column and the transfers made (kgC m-2).</summary>
    public static (CarbonColumn After, ConversionFluxes Fluxes) Convert(CarbonColumn c, ConversionRule rule)
    {
        var f = new ConversionFluxes(
            VegToAtmosphere: c.VegC * rule.VegToAtmosphere,
            VegToWoodProducts: c.VegC * rule.VegToWoodProducts,
            VegToLitter: c.VegC * rule.VegToLitter,
            LitterToAtmosphere: c.LitterC * rule.LitterToAtmosphere,
            SoilToAtmosphere: c.SoilC * rule.SoilToAtmosphere,
            SoilToSealed: c.SoilC * rule.SoilToSealed,
            SealedToSoil: c.SealedSoilC * rule.SealedToSoil);
        var after = c with
        {
            VegC = c.VegC - f.VegToAtmosphere - f.VegToWoodProducts - f.VegToLitter,
            LitterC = c.LitterC - f.LitterToAtmosphere + f.VegToLitter,
            SoilC = c.SoilC - f.SoilToAtmosphere - f.SoilToSealed + f.SealedToSoil,
            WoodProductC = c.WoodProductC + f.VegToWoodProducts,
            SealedSoilC = c.SealedSoilC - f.SealedToSoil + f.SoilToSealed,
        };
        return (after, f);
    }

    /// <summary>
    /// [kgC m-2] Wood products decaying to the atmosphere over <paramref name="years"/>:
    /// WP·(1 − exp(−ln2·years / half-life)) (first-order decay).
    /// </summary>
    public static double WoodProductDecay(double woodProductC, double halfLifeYears, double years = 1.0) =>
        woodProductC * (1.0 - Math.Exp(-Math.Log(2) * years / halfLifeYears));
}
