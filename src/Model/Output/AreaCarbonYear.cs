namespace CarbonSim.Model.Output;

/// <summary>
/// One year of carbon accounting over an area (a city or the whole region), in internal units.
/// Fluxes are annual sums and pools are end-of-year values, both as area-weighted means over
/// <see cref="AreaM2"/>; totals follow as mean × area (see the <c>…Kg</c> members). Not to be confused with
/// a cell's carbon books of a year, <see cref="Accounting.CarbonYear"/> (kg C, conversion terms).
/// </summary>
public record AreaCarbonYear
{
    /// <summary>[a] Calendar year.</summary>
    public required int Year { get; init; }
    /// <summary>[m2] Modelled land area the means refer to.</summary>
    public required double AreaM2 { get; init; }

    /// <summary>[kgC m-2 a-1] Gross primary production.</summary>
    public double Gpp { get; init; }
    /// <summary>[kgC m-2 a-1] Net primary production (GPP − autotrophic respiration).</summary>
    public double Npp { get; init; }
    /// <summary>[kgC m-2 a-1] Net ecosystem production (NPP − heterotrophic respiration).</summary>
    public double Nep { get; init; }
    /// <summary>[kgC m-2 a-1] Net biome production (NEP − disturbance and land-use-change losses, e.g. harvest, sealing, fire).</summary>
    public double Nbp { get; init; }
    /// <summary>[kgC m-2 a-1] Heterotrophic respiration (litter and soil decomposition).</summary>
    public double Hr { get; init; }
    /// <summary>[kgC m-2 a-1] Carbon removed by management (grain and removed straw of managed cropland, clippings and swept leaves of managed urban green, stem wood carried away from harvested forest; 0 where nothing is removed), already subtracted in <see cref="Nbp"/>.</summary>
    public double Harvest { get; init; }

    /// <summary>[kgC m-2] Vegetation carbon (leaf, stem, root, storage) at year end.</summary>
    public double VegC { get; init; }
    /// <summary>[kgC m-2] Litter carbon (incl. coarse woody debris) at year end.</summary>
    public double LitterC { get; init; }
    /// <summary>[kgC m-2] Soil organic carbon at year end.</summary>
    public double SoilC { get; init; }
    /// <summary>[kgC m-2] Total ecosystem carbon at year end (normally VegC + LitterC + SoilC).</summary>
    public double TotalC { get; init; }

    /// <summary>[m2] Area per land-use class (key: class name, lower-case, no spaces, e.g. <c>cropland</c>).</summary>
    public IReadOnlyDictionary<string, double> AreaByClassM2 { get; init; } = new Dictionary<string, double>();

    /// <summary>
    /// Extra columns written as they are (key = full column name with its unit, e.g.
    /// <c>emissions_tCO2</c>, <c>compensation_RMB</c>). Lets later budget/compensation results flow
    /// through every writer and the comparison without changing this record.
    /// </summary>
    public IReadOnlyDictionary<string, double> Extra { get; init; } = new Dictionary<string, double>();

    /// <summary>[kgC] Total vegetation carbon.</summary>
    public double VegCKg => VegC * AreaM2;
    /// <summary>[kgC] Total litter carbon.</summary>
    public double LitterCKg => LitterC * AreaM2;
    /// <summary>[kgC] Total soil carbon.</summary>
    public double SoilCKg => SoilC * AreaM2;
    /// <summary>[kgC] Total ecosystem carbon.</summary>
    public double TotalCKg => TotalC * AreaM2;
    /// <summary>[kgC a-1] Total net primary production.</summary>
    public double NppKg => Npp * AreaM2;
    /// <summary>[kgC a-1] Total net ecosystem production.</summary>
    public double NepKg => Nep * AreaM2;
    /// <summary>[kgC a-1] Total net biome production.</summary>
    public double NbpKg => Nbp * AreaM2;
}

/// <summary>One city's accounting for one year.</summary>
public sealed record CityYear : AreaCarbonYear
{
    /// <summary>City id (GB/T 2260 code), matching <see cref="CityInfo.Id"/>.</summary>
    public required string CityId { get; init; }
}

/// <summary>The agglomeration's accounting for one year: area-weighted means and totals over all cities.</summary>
public sealed record RegionYear : AreaCarbonYear
{
    /// <summary>[-] Number of cities summed.</summary>
    public int CityCount { get; init; }

    /// <summary>
    /// Region year from its cities: areas and class areas summed, per-area quantities area-weighted.
    /// Sums run in ordinal order of city id, so the result does not depend on the order given.
    /// Extra columns are summed unless their name marks a per-area or relative quantity
    /// (<c>_ha</c>, <c>_m2</c>, <c>_pct</c>, <c>_frac</c>, <c>_per_</c>): those are left out, since a
    /// mean needs its own weighting.
    /// </summary>
    public static RegionYear Aggregate(int year, IEnumerable<CityYear> cities)
    {
        var list = cities.Where(c => c.Year == year).OrderBy(c => c.CityId, StringComparer.Ordinal).ToList();
        if (list.Count == 0)
            throw new InvalidInputException("RunResults", $"year {year}", "no city rows", "at least one city for the year");
        double area = 0, gpp = 0, npp = 0, nep = 0, nbp = 0, hr = 0, harvest = 0, veg = 0, lit = 0, soil = 0, tot = 0;
        var classes = new SortedDictionary<string, double>(StringComparer.Ordinal);
        var extra = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var c in list)
        {
            area += c.AreaM2;
            gpp += c.Gpp * c.AreaM2; npp += c.Npp * c.AreaM2; nep += c.Nep * c.AreaM2;
            nbp += c.Nbp * c.AreaM2; hr += c.Hr * c.AreaM2; harvest += c.Harvest * c.AreaM2;
            veg += c.VegC * c.AreaM2; lit += c.LitterC * c.AreaM2; soil += c.SoilC * c.AreaM2; tot += c.TotalC * c.AreaM2;
            foreach (var (k, v) in c.AreaByClassM2.OrderBy(p => p.Key, StringComparer.Ordinal))
                classes[k] = classes.GetValueOrDefault(k) + v;
            foreach (var (k, v) in c.Extra.OrderBy(p => p.Key, StringComparer.Ordinal))
                if (IsSummable(k)) extra[k] = extra.GetValueOrDefault(k) + v;
        }
        double w = area > 0 ? 1.0 / area : 0.0;
        return new RegionYear
        {
            Year = year, AreaM2 = area, CityCount = list.Count,
            Gpp = gpp * w, Npp = npp * w, Nep = nep * w, Nbp = nbp * w, Hr = hr * w, Harvest = harvest * w,
            VegC = veg * w, LitterC = lit * w, SoilC = soil * w, TotalC = tot * w,
            AreaByClassM2 = new Dictionary<string, double>(classes),
            Extra = new Dictionary<string, double>(extra),
        };
    }

    /// <summary>An extra column is a per-area or relative quantity (not summable) when its unit part says so.</summary>
    private static bool IsSummable(string column) =>
        !(column.Contains("_ha", StringComparison.Ordinal) || column.Contains("_m2", StringComparison.Ordinal)
          || column.Contains("_pct", StringComparison.Ordinal) || column.Contains("_per_", StringComparison.Ordinal)
          || column.Contains("_frac", StringComparison.Ordinal));
}
