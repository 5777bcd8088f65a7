
namespace CarbonSim.Model.Engine;

/// <summary>
/// Internal consistency of a <see cref="RunSpec"/> (lengths and indices agree). The scenario's
/// content is validated earlier, at the edge; this guards the engine against a malformed spec.
/// </summary>
public static class RunSpecCheck
{
    /// <summary>Throws <see cref="ArgumentException"/> naming the first inconsistency.</summary>
    public static void Validate(RunSpec s)
    {
        void Require(bool ok, string message) { if (!ok) throw new ArgumentException($"run spec: {message}"); }
        int years = s.YearCount;
        Require(years >= 1, $"last year {s.LastYear} is before first year {s.FirstYear}");
        Require(s.TileSize >= 1, $"tile size {s.TileSize} must be at least 1");
        Require(s.Co2ByYear.Length == years, $"Co2ByYear has {s.Co2ByYear.Length} values, the run has {years} years");
        Require(s.NDepositionByYear.Length == years, $"NDepositionByYear has {s.NDepositionByYear.Length} values, the run has {years} years");
        Require(s.CityIds.Length == s.CityNames.Length, "CityIds and CityNames differ in length");
        var c = s.Cells;
        Require(c is not null && c.Count > 0, "no cells");
        int n = c!.Count;
        Require(c.Col.Length == n && c.City.Length == n && c.AreaM2.Length == n && c.Climate.Length == n
                && c.Site.Length == n && c.LandUse.Length == n && c.ColumnStart.Length == n + 1,
            "cell arrays differ in length");
        Require(c.ColumnStart[0] == 0 && c.ColumnStart[n] == c.ColumnVegetation.Length && c.ColumnFraction.Length == c.ColumnVegetation.Length,
            "column arrays do not match ColumnStart");
        for (int i = 0; i < n; i++)
        {
            Require(c.Row[i] >= 0 && c.Row[i] < s.GridRows && c.Col[i] >= 0 && c.Col[i] < s.GridCols, $"cell {i} lies outside the {s.GridRows}×{s.GridCols} grid");
            Require(c.City[i] >= 0 && c.City[i] < s.CityIds.Length, $"cell {i} names city {c.City[i]}");
            Require(c.Climate[i] >= 0 && c.Climate[i] < s.Climates.Length, $"cell {i} names climate {c.Climate[i]}");
            Require(c.Site[i] >= 0 && c.Site[i] < s.Sites.Length, $"cell {i} names site {c.Site[i]}");
            Require(c.AreaM2[i] >= 0 && double.IsFinite(c.AreaM2[i]), $"cell {i} has area {c.AreaM2[i]} m2");
            Require(c.ColumnStart[i + 1] >= c.ColumnStart[i], $"cell {i} has a negative column count");
            double cover = 0;
            for (int k = c.ColumnStart[i]; k < c.ColumnStart[i + 1]; k++)
            {
                Require(c.ColumnVegetation[k] >= 0 && c.ColumnVegetation[k] < s.VegetationTypes.Length, $"column {k} names vegetation type {c.ColumnVegetation[k]}");
                Require(c.ColumnFraction[k] >= 0, $"column {k} has cover {c.ColumnFraction[k]}");
                cover += c.ColumnFraction[k];
            }
            Require(cover <= 1 + 1e-9, $"cell {i} columns cover {cover} of it (more than 1)");
        }
        Require(c.ColumnClearingYear.Length == 0 || c.ColumnClearingYear.Length == c.ColumnVegetation.Length, "ColumnClearingYear does not match the columns");
        if (s.HistoryStartYear != 0)
        {
            int h = s.FirstYear - s.HistoryStartYear;
            Require(h >= 1, $"history start {s.HistoryStartYear} is not before the first year {s.FirstYear}");
            Require(s.HistoryCo2ByYear.Length == h && s.HistoryNDepositionByYear.Length == h,
                $"history {s.HistoryStartYear}–{s.FirstYear - 1} has {h} years but {s.HistoryCo2ByYear.Length} CO2 and {s.HistoryNDepositionByYear.Length} N deposition values");
            Require(s.SpinupStandAgeYears == 0, "a run with a history clears stands by cohort (ColumnClearingYear), not by SpinupStandAgeYears");
            Require(s.HistoryClearingSpreadYears >= 0, $"clearing spread {s.HistoryClearingSpreadYears} a is negative");
            foreach (int y in c.ColumnClearingYear.Where(y => y != 0).Distinct())
                Require(y - s.HistoryClearingSpreadYears >= s.HistoryStartYear && y + s.HistoryClearingSpreadYears < s.FirstYear,
                    $"clearing year {y} ± {s.HistoryClearingSpreadYears} a leaves the history {s.HistoryStartYear}–{s.FirstYear - 1}");
        }
        else Require(c.ColumnClearingYear.All(y => y == 0) && s.HistoryClearingSpreadYears == 0, "clearing years need a history (HistoryStartYear); so does a clearing spread");
        foreach (int y in s.CellOutputYears)
            Require(y >= s.FirstYear && y <= s.LastYear, $"cell output year {y} is outside {s.FirstYear}–{s.LastYear}");
        Require(s.Crops.Distinct(StringComparer.Ordinal).Count() == s.Crops.Length, "crops repeat");
        Require(s.Crops.Length == 0 || LandUseSums.ClassCount(s) > 0, "crops need per-class sums (class codes or a land-use plan)");
        foreach (var type in s.VegetationTypes)
            foreach (var season in type.Epc.Management?.Seasons ?? [])
                Require(s.Crops.Contains(season.Crop, StringComparer.Ordinal), $"vegetation type '{type.Name}' grows {season.Crop}, which is not one of the run's crops");
        if (s.LandUse is { } plan) LandUse(s, plan, Require);
        if (s.Compensation is { } scheme) Compensation(s, scheme, Require);
    }

    static bool Share(double v) => v >= 0 && v <= 1;

    static void LandUse(RunSpec s, LandUsePlan p, Action<bool, string> require)
    {
        int k = p.ClassCount, n = s.Cells.Count, cities = s.CityIds.Length;
        require(k >= 2, $"land use: {k} classes, expected at least 2");
        require(p.Classes.Select(c => c.Name).Distinct(StringComparer.Ordinal).Count() == k, "land use: class names repeat");
        for (int c = 0; c < k; c++)
        {
            var r = p.Classes[c];
            require(r.CanBecome.Length == k, $"land use: class '{r.Name}' has a conversion row of {r.CanBecome.Length}, expected {k}");
            require(!r.CanBecome[c], $"land use: class '{r.Name}' may become itself");
            require(Share(r.Elasticity), $"land use: class '{r.Name}' has elasticity {r.Elasticity}, expected 0–1");
            require(r.NeighbourhoodWeight >= 0 && double.IsFinite(r.NeighbourhoodWeight), $"land use: class '{r.Name}' has neighbourhood weight {r.NeighbourhoodWeight}");
            require(new[] { r.SuitabilityIntercept, r.SuitabilityPerKmToCentre, r.SuitabilityPerCellToBuiltUp, r.SuitabilityPerMetreElevation, r.SuitabilityPerDegreeSlope }.All(double.IsFinite),
                $"land use: class '{r.Name}' has a suitability coefficient that is not finite");
        }
        require(p.CellClass.Length == n && p.CellProtected.Length == n && p.CellKmToCentre.Length == n && p.CellElevationM.Length == n && p.CellSlopeDeg.Length == n,
            $"land use: cell arrays differ in length from the {n} cells");
        for (int i = 0; i < n; i++)
            require(p.CellClass[i] >= 0 && p.CellClass[i] < k, $"land use: cell {i} has class {p.CellClass[i]}, expected 0–{k - 1}");
        require(p.BuiltUpClass >= 0 && p.BuiltUpClass < k, $"land use: built-up class {p.BuiltUpClass}, expected 0–{k - 1}");
        require(p.WindowSize >= 1 && p.WindowSize % 2 == 1, $"land use: window size {p.WindowSize}, expected an odd number of cells >= 1");
        require(p.BuiltUpSearchRadius >= 0, $"land use: built-up search radius {p.BuiltUpSearchRadius}, expected >= 0");
        require(p.NeighbourhoodFloor >= 0 && double.IsFinite(p.NeighbourhoodFloor), $"land use: neighbourhood floor {p.NeighbourhoodFloor}, expected >= 0");
        require(p.WoodProductHalfLifeYears > 0 && double.IsFinite(p.WoodProductHalfLifeYears), $"land use: wood-product half-life {p.WoodProductHalfLifeYears} a, expected > 0");
        foreach (var t in p.Transitions)
        {
            string name = $"land use: transition {t.FromClass} → {t.ToClass}";
            require(t.FromClass >= 0 && t.FromClass < k && t.ToClass >= 0 && t.ToClass < k && t.FromClass != t.ToClass, $"{name} names no pair of distinct classes");
            require(new[] { t.VegToAtmosphere, t.VegToWoodProducts, t.VegToLitter, t.LitterToAtmosphere, t.SoilToAtmosphere, t.SoilToSealed, t.SealedToSoil }.All(Share), $"{name} has a carbon share outside 0–1");
            require(t.VegToAtmosphere + t.VegToWoodProducts + t.VegToLitter <= 1 + 1e-9, $"{name} moves more than all vegetation carbon");
            require(t.SoilToAtmosphere + t.SoilToSealed <= 1 + 1e-9, $"{name} moves more than all soil carbon");
        }
        require(p.Transitions.Select(t => (t.FromClass, t.ToClass)).Distinct().Count() == p.Transitions.Length, "land use: a transition has two carbon rules");
        require(p.Mix.Length == cities, $"land use: vegetation mixes for {p.Mix.Length} cities, the run has {cities}");
        for (int c = 0; c < p.Mix.Length; c++)
        {
            require(p.Mix[c].Length == k, $"land use: city {c} has mixes for {p.Mix[c].Length} classes, expected {k}");
            for (int cls = 0; cls < p.Mix[c].Length; cls++)
            {
                double cover = 0;
                foreach (var m in p.Mix[c][cls])
                {
                    require(m.Vegetation >= -1 && m.Vegetation < s.VegetationTypes.Length, $"land use: city {c} class {cls} names vegetation type {m.Vegetation}");
                    require(m.Fraction >= 0, $"land use: city {c} class {cls} has a column of cover {m.Fraction}");
                    cover += m.Fraction;
                }
                require(cover <= 1 + 1e-9, $"land use: city {c} class {cls} columns cover {cover} of a cell (more than 1)");
            }
        }
        // A tile's copy carries no demand; the run's carries every city, year and class.
        require(p.Demand.Length == 0 || p.Demand.Length == cities, $"land use: demand for {p.Demand.Length} cities, the run has {cities}");
        for (int c = 0; c < p.Demand.Length; c++)
        {
            require(p.Demand[c].Length == s.YearCount, $"land use: city {c} has demand for {p.Demand[c].Length} years, the run has {s.YearCount}");
            foreach (var year in p.Demand[c])
                require(year.Length == k && year.All(d => d >= 0), $"land use: city {c} has a demand row that is not {k} counts >= 0");
        }
    }

    static void Compensation(RunSpec s, CompensationPlan p, Action<bool, string> require)
    {
        require(p.PriceByYear.Length == s.YearCount, $"compensation: prices for {p.PriceByYear.Length} years, the run has {s.YearCount}");
        require(p.PriceByYear.All(v => v >= 0 && double.IsFinite(v)), "compensation: a price that is negative or not finite");
        require(p.Settings.WindowYears >= 1, $"compensation: window {p.Settings.WindowYears} years, expected >= 1");
        require(p.Cities.Length == s.CityIds.Length, $"compensation: inputs for {p.Cities.Length} cities, the run has {s.CityIds.Length}");
        for (int i = 0; i < p.Cities.Length && i < s.CityIds.Length; i++)
        {
            var c = p.Cities[i];
            require(c.Id == s.CityIds[i], $"compensation: city {i} is '{c.Id}', the run's is '{s.CityIds[i]}'");
            require(c.EmissionTCo2ByYear.Length == s.YearCount, $"compensation: city {c.Id} has emissions for {c.EmissionTCo2ByYear.Length} years, the run has {s.YearCount}");
            require(c.EmissionTCo2ByYear.All(e => e >= 0 && double.IsFinite(e)), $"compensation: city {c.Id} has emissions that are negative or not finite");
            require(c.GdpBillionRmbByYear.Length == s.YearCount, $"compensation: city {c.Id} has GDP for {c.GdpBillionRmbByYear.Length} years, the run has {s.YearCount}");
            require(c.GdpBillionRmbByYear.All(g => g > 0 && double.IsFinite(g)), $"compensation: city {c.Id} has a GDP that is not > 0");
            require(c.K >= 0 && double.IsFinite(c.K), $"compensation: city {c.Id} has adjustment factor {c.K}, expected >= 0");
        }
    }
}
