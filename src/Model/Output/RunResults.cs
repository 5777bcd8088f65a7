namespace CarbonSim.Model.Output;

/// <summary>A city of the run: identity and (optionally) its boundary.</summary>
/// <param name="Id">GB/T 2260 code, e.g. <c>110000</c>.</param>
/// <param name="Name">English name.</param>
/// <param name="NameZh">Chinese name.</param>
/// <param name="Province">Province-level unit.</param>
/// <param name="GeometryGeoJson">The boundary as a GeoJSON geometry object (lon/lat), or null to take it from <see cref="RunResults.BoundariesPath"/>.</param>
public sealed record CityInfo(string Id, string Name, string NameZh, string Province, string? GeometryGeoJson = null);

/// <summary>Wall-clock time spent in one phase of the run (measured by the driver, reported only).</summary>
/// <param name="Phase">e.g. <c>validate</c>, <c>spinup</c>, <c>transient</c>, <c>write</c>.</param>
/// <param name="WallSeconds">[s] Elapsed wall time.</param>
public sealed record PhaseTiming(string Phase, double WallSeconds);

/// <summary>Woody cover of one age cohort in a city (a row of <c>forest_age.csv</c>).</summary>
/// <param name="AgeClass">Age class (merged classes joined by '+'; <c>mean</c> for classes outside <c>forest_age.classes</c>).</param>
/// <param name="AgeYears">[a] Stand age at the first year (first year − clearing year), or 0 for stands never cleared in the history.</param>
/// <param name="ClearingYear">[a] Year the cohort was cleared in the history, 0 = never (old growth).</param>
/// <param name="AreaM2">[m2] Area covered by the cohort's woody columns (cover × cell area).</param>
public sealed record ForestAgeArea(string CityId, string VegetationType, string AgeClass, int AgeYears, int ClearingYear, double AreaM2);

/// <summary>Summary of the spin-up phase.</summary>
/// <param name="DistinctSpinups">[-] Distinct spin-up keys computed (vegetation × site × forcing).</param>
/// <param name="CellsServed">[-] Cells that took their initial state from those spin-ups.</param>
/// <param name="MeanYears">[a] Mean simulated years to reach steady state.</param>
/// <param name="MaxYears">[a] Longest spin-up.</param>
/// <param name="NotConverged">[-] Spin-ups that stopped at the year limit before steady state.</param>
public sealed record SpinupStats(int DistinctSpinups, int CellsServed, double MeanYears, int MaxYears, int NotConverged)
{
    /// <summary>How each distinct spin-up ended (empty if the engine did not say).</summary>
    public IReadOnlyList<SpinupKeyResult> Keys { get; init; } = [];
    /// <summary>[-] Keys whose accelerated spin-up met the steady-state rule.</summary>
    public int ConvergedAccelerated => Keys.Count(k => k.Converged && k.Method == SpinupKeyResult.Accelerated);
    /// <summary>[-] Keys whose accelerated spin-up failed and that fell back to the standard rule (converged or not).</summary>
    public int FellBack => Keys.Count(k => k.Method == SpinupKeyResult.AcceleratedThenStandard);
    /// <summary>[-] Keys spun up with the standard rule only.</summary>
    public int StandardOnly => Keys.Count(k => k.Method == SpinupKeyResult.Standard);

    /// <summary>One line per key that did not meet the steady-state rule (for standard error).</summary>
    public IEnumerable<string> Warnings() => Keys.Where(k => !k.Converged).Select(k => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"WARNING: spin-up not converged: {k.Vegetation} in {k.ClimateZone} after {k.Years} years ({k.Method}); remaining soil-C drift " +
        $"{k.SoilCTrend * 1000:+0.000;-0.000} g C m-2 a-1 (steady-state rule: |drift| < {SpinupKeyResult.ToleranceGPerM2PerYear:0.0} g C m-2 a-1); key {k.Key}"));

    /// <summary>The end-of-run line: counts by outcome.</summary>
    public string Line() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"spin-ups: {DistinctSpinups} keys, {ConvergedAccelerated} converged accelerated, {FellBack} fell back to standard, {StandardOnly} standard, {NotConverged} not converged");
}

/// <summary>How one distinct spin-up (vegetation × site × climate key) ended.</summary>
/// <param name="Key">Content key (SHA-256 hex) of the spin-up.</param>
/// <param name="Vegetation">Vegetation type name.</param>
/// <param name="ClimateZone">Climate zone (city station) label.</param>
/// <param name="Method"><see cref="Accelerated"/>, <see cref="Standard"/> or <see cref="AcceleratedThenStandard"/>.</param>
/// <param name="Years">[a] Simulated years, all methods tried.</param>
/// <param name="Converged">Whether the state met the steady-state rule.</param>
/// <param name="SoilCTrend">[kgC m-2 a-1] Remaining soil-C drift (the rule's block-mean trend).</param>
/// <param name="TotalCTrend">[kgC m-2 a-1] The same statistic on total C.</param>
/// <param name="AcceleratedYears">[a] Years of the accelerated attempt incl. its recovery blocks (part of <paramref name="Years"/>).</param>
public sealed record SpinupKeyResult(string Key, string Vegetation, string ClimateZone, string Method, int Years, bool Converged,
    double SoilCTrend, double TotalCTrend, int AcceleratedYears)
{
    public const string Accelerated = "accelerated";
    public const string Standard = "standard";
    public const string AcceleratedThenStandard = "accelerated→standard";
    /// <summary>[g C m-2 a-1] The steady-state rule's tolerance on the soil-C trend (BIOME-BGC 4.2: 0.0005 kgC m-2 a-1).</summary>
    public const double ToleranceGPerM2PerYear = 0.5;
}

/// <summary>
/// Everything one finished run reports: identity and provenance, per-city and regional annual
/// accounting, per-cell layers for chosen years, spin-up and timing. Pure data in internal units;
/// the writers in <c>CarbonSim.Client.Output</c> convert to report units.
/// </summary>
public sealed record RunResults
{
    /// <summary>Scenario name as given in the scenario file.</summary>
    public required string ScenarioName { get; init; }
    /// <summary>SHA-256 (lower-case hex) of the scenario file's bytes.</summary>
    public required string ScenarioSha256 { get; init; }
    /// <summary>Input file (path as named in the scenario) → SHA-256 (lower-case hex).</summary>
    public IReadOnlyDictionary<string, string> InputSha256 { get; init; } = new Dictionary<string, string>();
    /// <summary>Engine version that produced the run.</summary>
    public string EngineVersion { get; init; } = EngineInfo.Version;

    /// <summary>[a] Simulated years, ascending.</summary>
    public required IReadOnlyList<int> Years { get; init; }
    /// <summary>Cities of the run.</summary>
    public required IReadOnlyList<CityInfo> Cities { get; init; }
    /// <summary>One row per city and year.</summary>
    public required IReadOnlyList<CityYear> CityYears { get; init; }
    /// <summary>One row per year (see <see cref="RegionYear.Aggregate"/> to build them from the cities).</summary>
    public required IReadOnlyList<RegionYear> RegionYears { get; init; }

    /// <summary>Grid of <see cref="Rasters"/>; null when the run wrote no per-cell layers.</summary>
    public GridSpec? Grid { get; init; }
    /// <summary>Per-cell layers (<see cref="RasterLayer.TotalCarbon"/>, <see cref="RasterLayer.Npp"/>, …).</summary>
    public IReadOnlyList<RasterLayer> Rasters { get; init; } = [];
    /// <summary>Which files the writer writes (the scenario's <c>outputs</c> switches); default: all.</summary>
    public OutputSelection Outputs { get; init; } = OutputSelection.All;
    /// <summary>
    /// [-] Optional: per cell of <see cref="Grid"/> (row-major, north row first) the index into
    /// <see cref="Cities"/> of the city the cell belongs to, −1 outside every city. Used to draw city
    /// borders and labels on the map (in any CRS) and written as a raster of city codes.
    /// </summary>
    public int[]? CellCity { get; init; }
    /// <summary>The scenario file the run came from, copied into the run folder as <c>scenario.yaml</c> (input paths made relative to the folder); null = no copy.</summary>
    public string? ScenarioPath { get; init; }
    /// <summary>Values the run used in place of the file's (command-line overrides such as <c>--resolution</c>), by key path (<c>grid.resolution_km</c>), written into the copy.</summary>
    public IReadOnlyDictionary<string, string> ScenarioOverrides { get; init; } = new Dictionary<string, string>();
    /// <summary>GeoJSON FeatureCollection of city boundaries (properties.id = <see cref="CityInfo.Id"/>), used when a city carries no geometry.</summary>
    public string? BoundariesPath { get; init; }

    /// <summary>Spin-up summary, if a spin-up ran.</summary>
    public SpinupStats? Spinup { get; init; }
    /// <summary>Wall time per phase, in the order the phases ran.</summary>
    public IReadOnlyList<PhaseTiming> Timings { get; init; } = [];
    /// <summary>Published observations to compare with (the scenario's <c>validation.references</c>), or null: no comparison.</summary>
    public ReferenceTable? References { get; init; }
    /// <summary>Station-driven runs: each zone's real weather next to the weather generator's (<c>climate_monthly.csv</c>); empty otherwise.</summary>
    public IReadOnlyList<CarbonSim.Model.Climate.ClimateComparison> ClimateComparisons { get; init; } = [];
    /// <summary>Why nothing is compared when <see cref="References"/> is null (shown in the report and console), or null: the scenario names no references.</summary>
    public string? NoValidationReason { get; init; }
    /// <summary>One row per city (and <see cref="ClassYear.RegionId"/>), land-use class and year with area; empty when the run has no class sums.</summary>
    public IReadOnlyList<ClassYear> ClassYears { get; init; } = [];
    /// <summary>One row per city (and <see cref="ClassYear.RegionId"/>), crop and year with area (crop_yields.csv); empty without managed cropland.</summary>
    public IReadOnlyList<CropYear> CropYears { get; init; } = [];

    /// <summary>Carbon budgets and compensation books (issue #5), or null when the scenario has no compensation scheme.</summary>
    public CarbonSim.Model.Accounting.BudgetBooks? Budgets { get; init; }

    /// <summary>Sink attribution from factorial members (<c>run --attribution</c>), or null when the members were not run; city indices follow <see cref="Cities"/>.</summary>
    public CarbonSim.Model.Engine.AttributionTable? Attribution { get; init; }
    /// <summary>The history years before <see cref="FirstYear"/> (scenario <c>history</c>), one region row per year, ascending; empty without a history.</summary>
    public IReadOnlyList<RegionYear> HistoryYears { get; init; } = [];
    /// <summary>Woody cover area by city and age cohort (scenario <c>forest_age</c>); empty without one.</summary>
    public IReadOnlyList<ForestAgeArea> ForestAge { get; init; } = [];

    /// <summary>First simulated year.</summary>
    public int FirstYear => Years[0];
    /// <summary>Last simulated year.</summary>
    public int LastYear => Years[^1];

    /// <summary>The city's rows in year order.</summary>
    public IEnumerable<CityYear> SeriesOf(string cityId) =>
        CityYears.Where(c => c.CityId == cityId).OrderBy(c => c.Year);

    /// <summary>The city's row for a year, or null.</summary>
    public CityYear? Row(string cityId, int year) =>
        CityYears.FirstOrDefault(c => c.CityId == cityId && c.Year == year);

    /// <summary>The region's row for a year, or null.</summary>
    public RegionYear? RegionRow(int year) => RegionYears.FirstOrDefault(r => r.Year == year);

    /// <summary>
    /// Checks internal consistency; throws <see cref="InvalidInputException"/> naming the first
    /// problem: years ascending and non-empty, one row per city and year, region rows for every
    /// year, raster sizes matching the grid, finite values.
    /// </summary>
    public void Validate()
    {
        const string src = "RunResults";
        if (Years.Count == 0) throw new InvalidInputException(src, "Years", "[]", "at least one year");
        for (int i = 1; i < Years.Count; i++)
            if (Years[i] <= Years[i - 1])
                throw new InvalidInputException(src, $"Years[{i}]", Years[i].ToString(System.Globalization.CultureInfo.InvariantCulture), "strictly ascending years");
        if (Cities.Count == 0) throw new InvalidInputException(src, "Cities", "[]", "at least one city");
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in Cities)
            if (!ids.Add(c.Id)) throw new InvalidInputException(src, "Cities", c.Id, "unique city ids");
        var seen = new HashSet<(string, int)>();
        foreach (var r in CityYears)
        {
            if (!ids.Contains(r.CityId)) throw new InvalidInputException(src, "CityYears", r.CityId, "a city id listed in Cities");
            if (!Years.Contains(r.Year)) throw new InvalidInputException(src, $"CityYears[{r.CityId}]", r.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), "a year listed in Years");
            if (!seen.Add((r.CityId, r.Year))) throw new InvalidInputException(src, $"CityYears[{r.CityId}, {r.Year}]", "duplicate", "one row per city and year");
            CheckFinite(r, $"CityYears[{r.CityId}, {r.Year}]");
        }
        foreach (var c in Cities)
            foreach (var y in Years)
                if (!seen.Contains((c.Id, y)))
                    throw new InvalidInputException(src, $"CityYears[{c.Id}, {y}]", "missing", "one row per city and year");
        foreach (var y in Years)
            if (RegionRow(y) is not { } rr) throw new InvalidInputException(src, $"RegionYears[{y}]", "missing", "one region row per year");
            else CheckFinite(rr, $"RegionYears[{y}]");
        var classSeen = new HashSet<(string, string, int)>();
        foreach (var c in ClassYears)
        {
            string place = $"ClassYears[{c.CityId}, {c.Class}, {c.Year}]";
            if (c.CityId != ClassYear.RegionId && !ids.Contains(c.CityId)) throw new InvalidInputException(src, place, c.CityId, $"a city id listed in Cities or '{ClassYear.RegionId}'");
            if (!Years.Contains(c.Year)) throw new InvalidInputException(src, place, c.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), "a year listed in Years");
            if (!classSeen.Add((c.CityId, c.Class, c.Year))) throw new InvalidInputException(src, place, "duplicate", "one row per city, class and year");
            CheckFinite(c, place);
        }
        if (Rasters.Count > 0)
        {
            if (Grid is null) throw new InvalidInputException(src, "Grid", "null", "a grid when rasters are given");
            Grid.Validate(src + ".Grid");
            foreach (var l in Rasters)
                if (l.Values.Length != Grid.CellCount)
                    throw new InvalidInputException(src, $"Rasters[{l.Name}]", l.Values.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{Grid.CellCount} values (rows {Grid.Rows} × cols {Grid.Cols})");
        }
        if (CellCity is { } cc)
        {
            if (Grid is null) throw new InvalidInputException(src, "Grid", "null", "a grid when CellCity is given");
            if (cc.Length != Grid.CellCount)
                throw new InvalidInputException(src, "CellCity", cc.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{Grid.CellCount} values (rows {Grid.Rows} × cols {Grid.Cols})");
            for (int i = 0; i < cc.Length; i++)
                if (cc[i] < -1 || cc[i] >= Cities.Count)
                    throw new InvalidInputException(src, $"CellCity[{i}]", cc[i].ToString(System.Globalization.CultureInfo.InvariantCulture), $"-1 or a city index 0..{Cities.Count - 1}");
        }
    }

    private static void CheckFinite(AreaCarbonYear r, string place)
    {
        (string, double)[] v = [("AreaM2", r.AreaM2), ("Gpp", r.Gpp), ("Npp", r.Npp), ("Nep", r.Nep), ("Nbp", r.Nbp), ("Hr", r.Hr),
            ("VegC", r.VegC), ("LitterC", r.LitterC), ("SoilC", r.SoilC), ("TotalC", r.TotalC)];
        foreach (var (n, x) in v)
            if (!double.IsFinite(x))
                throw new InvalidInputException("RunResults", $"{place}.{n}", x.ToString(System.Globalization.CultureInfo.InvariantCulture), "a finite number");
        if (r.AreaM2 < 0) throw new InvalidInputException("RunResults", $"{place}.AreaM2", r.AreaM2.ToString(System.Globalization.CultureInfo.InvariantCulture), "a non-negative area");
    }
}
