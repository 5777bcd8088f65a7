using System.Security.Cryptography;
using CarbonSim.Contracts;
using CarbonSim.Model.Engine;
using CarbonSim.Model.Output;
using CarbonSim.Model.Region;
using CsvTable = CarbonSim.Model.Io.Formats.CsvTable;
using V = CarbonSim.Model.Engine.CarbonVariables;

namespace CarbonSim.Client.Commands;

/// <summary>Turns the engine's <see cref="RunOutcome"/> into the report model <see cref="RunResults"/> the writers take.</summary>
public static class ResultsFactory
{
    public static RunResults From(RegionSetup setup, RunSpec spec, RunOutcome outcome, IReadOnlyList<PhaseTiming> timings)
    {
        var scenario = setup.Scenario;
        var cityAreas = setup.Cities.Select(c => c.Index).ToDictionary(i => i, setup.CityGridAreaM2);
        var plan = spec.LandUse;
        var allocations = outcome.Allocations.ToDictionary(a => a.Year);
        var cityYears = new List<Model.Output.CityYear>();
        foreach (var series in outcome.Cities)
        {
            double area = cityAreas[series.CityIndex];
            var classAreas = setup.ClassShares(series.CityIndex).ToDictionary(kv => kv.Key, kv => kv.Value * area);
            foreach (var year in series.Years)
            {
                var row = new Model.Output.CityYear { CityId = series.CityId, Year = year.Year, AreaM2 = area, AreaByClassM2 = classAreas };
                if (plan is not null) row = WithLandUse(row, plan, year, allocations.GetValueOrDefault(year.Year), series.CityIndex);
                cityYears.Add(Means(row, year, area));
            }
        }
        double regionArea = setup.Cells.Sum(c => c.AreaM2);
        var regionClasses = setup.ClassShares().ToDictionary(kv => kv.Key, kv => kv.Value * regionArea);
        var regionYears = outcome.Region
            .Select(y =>
            {
                var row = new RegionYear { Year = y.Year, AreaM2 = regionArea, CityCount = setup.Cities.Length, AreaByClassM2 = regionClasses };
                if (plan is not null) row = WithLandUse(row, plan, y, allocations.GetValueOrDefault(y.Year), null);
                return Means(row, y, regionArea);
            })
            .ToList();

        var g = setup.Grid;
        var grid = new GridSpec(g.XMin, g.YMax, g.ResolutionM, g.Rows, g.Cols, g.Projection.ToEsriWkt());
        var rasters = new List<RasterLayer>();
        foreach (var snap in outcome.CellSnapshots)
        {
            foreach (var variable in scenario.Outputs.Variables) // outputs.variables, in the scenario's order
                rasters.Add(RasterLayer.ForVariable(variable, snap.Year, Layer(spec, grid, snap, EngineVariable(variable))));
            if (LandUseLayer(spec, grid, snap) is { } classes) rasters.Add(classes);
        }

        var cities = CityInfos(setup);
        var spinups = outcome.Spinups;
        var historyYears = outcome.History.Region
            .Select(y => Means(new RegionYear { Year = y.Year, AreaM2 = regionArea, CityCount = setup.Cities.Length, AreaByClassM2 = regionClasses }, y, regionArea))
            .ToList();
        return new RunResults
        {
            HistoryYears = historyYears,
            ForestAge = ForestAgeAreas(setup),
            ScenarioName = scenario.Name,
            ScenarioSha256 = scenario.FileHash,
            InputSha256 = InputHashes(setup),
            Years = Enumerable.Range(spec.FirstYear, spec.YearCount).ToArray(),
            Cities = cities,
            CityYears = cityYears,
            RegionYears = regionYears,
            Grid = grid,
            Rasters = rasters,
            CellCity = CellCity(spec, grid, cities),
            Outputs = scenario.Outputs.Selection,
            ClassYears = ClassYear.All(spec, outcome),
            CropYears = CropYear.All(spec, outcome),
            References = References(setup, spec),
            BoundariesPath = scenario.Region.BoundariesPath,
            ScenarioPath = scenario.SourcePath,
            ScenarioOverrides = new Dictionary<string, string> { ["grid.resolution_km"] = scenario.Grid.ResolutionKm.ToString("R", System.Globalization.CultureInfo.InvariantCulture) },
            Spinup = Stats(spec, spinups, zone => setup.ClimateZones[zone].Label),
            ClimateComparisons = !scenario.Climate.UsesStations ? [] : setup.ClimateZones.Select(z => CarbonSim.Model.Climate.ClimateComparison.For(
                z.Key, z.Label, z.Met, z.Site.Latitude, 0, z.Site.Elevation, scenario.StartYear, scenario.YearCount)).ToList(),
            Timings = timings,
        };
    }

    /// <summary>The spin-up summary with one entry per key (<paramref name="zoneName"/> names a climate index), or null without spin-ups.</summary>
    internal static SpinupStats? Stats(RunSpec spec, SpinupSummary[] spinups, Func<int, string> zoneName)
    {
        if (spinups.Length == 0) return null;
        var keys = spinups.Select(s => new SpinupKeyResult(s.Key, spec.VegetationTypes[s.Vegetation].Name, zoneName(s.Climate), s.Method switch
        {
            Model.SpinupMethod.Accelerated => SpinupKeyResult.Accelerated,
            Model.SpinupMethod.AcceleratedThenStandard => SpinupKeyResult.AcceleratedThenStandard,
            _ => SpinupKeyResult.Standard,
        }, s.Years, s.Converged, s.SoilCTrend, s.TotalCTrend, s.AcceleratedYears)).ToArray();
        return new SpinupStats(spinups.Length, spec.Cells.Count, spinups.Average(s => (double)s.Years), spinups.Max(s => s.Years), spinups.Count(s => !s.Converged))
        {
            Keys = keys,
        };
    }

    /// <summary>The scenario's references (<c>validation.references</c>) checked against the run's cities and classes, or null.</summary>
    internal static ReferenceTable? References(RegionSetup setup, RunSpec spec)
    {
        if (setup.Scenario.Validation?.References is not { } refs) return null;
        refs.CheckAgainst(spec.CityIds, ClassYear.NamesOf(spec).ToArray(), spec.Crops);
        return refs;
    }

    /// <summary>
    /// A city (or, with <paramref name="city"/> null, the region) year of a run with land-use change: class
    /// areas after the year's allocation and the land-use columns (conversion emissions, wood products,
    /// converted cells, unmet demand) from the exact sums and the allocation record.
    /// </summary>
    internal static T WithLandUse<T>(T row, LandUsePlan plan, Model.Engine.YearTotals totals, AllocationYear? allocation, int? city) where T : AreaCarbonYear
    {
        var s = totals.Sums;
        var areas = new Dictionary<string, double>(StringComparer.Ordinal);
        for (int k = 0; k < plan.ClassCount; k++)
        {
            double a = s[LandUseSums.ClassArea(k)].ToKg();
            if (a > 0) areas[plan.ClassNames[k]] = a;
        }
        var books = LandUseSums.Books(totals.Year, s);
        int shortfall = allocation is null ? 0 : city is int c ? allocation.ShortfallCells[c] : allocation.ShortfallCells.Sum();
        return row with
        {
            AreaByClassM2 = areas,
            Extra = new Dictionary<string, double>
            {
                [LandUseColumns.ToAtmosphere] = books.ConversionToAtmosphereKg / 1000,
                [LandUseColumns.WoodDecay] = books.WoodDecayKg / 1000,
                [LandUseColumns.Establishment] = books.EstablishmentKg / 1000,
                [LandUseColumns.WoodStock] = s[LandUseSums.Ledger(LandUseSums.WoodProductsKg)].ToKg() / 1000,
                [LandUseColumns.SealedSoil] = s[LandUseSums.Ledger(LandUseSums.SealedSoilKg)].ToKg() / 1000,
                [LandUseColumns.Converted] = books.Conversions,
                [LandUseColumns.Shortfall] = shortfall,
            },
        };
    }

    /// <summary>Area-weighted means [kgC m-2] / [kgC m-2 a-1] from exact totals [kgC] / [kgC a-1].</summary>
    /// <summary>Area-weighted means [kg m-2 (a-1)] of a city or region year from its exact totals [kg].</summary>
    internal static T Means<T>(T row, Model.Engine.YearTotals totals, double areaM2) where T : AreaCarbonYear
    {
        var kg = totals.TotalsKg();
        double w = areaM2 > 0 ? 1.0 / areaM2 : 0.0;
        return row with
        {
            Gpp = kg[V.Gpp] * w, Npp = kg[V.Npp] * w, Nep = kg[V.Nep] * w, Nbp = kg[V.Nbp] * w, Hr = kg[V.Hr] * w,
            VegC = kg[V.VegetationC] * w, LitterC = kg[V.LitterC] * w, SoilC = kg[V.SoilC] * w, TotalC = kg[V.TotalC] * w,
            Harvest = kg[V.Harvest] * w,
        };
    }

    /// <summary>[-] The class code of every cell in a snapshot of a run with land-use change (NaN outside the cells), else null.</summary>
    internal static RasterLayer? LandUseLayer(RunSpec spec, GridSpec grid, CellSnapshot snap)
    {
        if (spec.LandUse is not { } plan || snap.Classes.Length != spec.Cells.Count) return null;
        var codes = new double[grid.CellCount];
        Array.Fill(codes, double.NaN);
        for (int i = 0; i < spec.Cells.Count; i++) codes[grid.Index(spec.Cells.Row[i], spec.Cells.Col[i])] = plan.ClassCodes[snap.Classes[i]];
        return RasterLayer.LandUse(snap.Year, codes);
    }

    /// <summary>[-] Per grid cell the index of its city in <paramref name="cities"/> (−1 outside every city): the map's borders and names and <c>rasters/city_code</c>.</summary>
    internal static int[] CellCity(RunSpec spec, GridSpec grid, IReadOnlyList<CityInfo> cities)
    {
        var index = cities.Select((c, i) => (c.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var cc = new int[grid.CellCount];
        Array.Fill(cc, -1);
        for (int i = 0; i < spec.Cells.Count; i++)
            cc[grid.Index(spec.Cells.Row[i], spec.Cells.Col[i])] = index[spec.CityIds[spec.Cells.City[i]]];
        return cc;
    }

    /// <summary>The engine's per-cell variable (<see cref="V"/>) behind a scenario output variable name.</summary>
    internal static int EngineVariable(string variable) => variable switch
    {
        "gpp" => V.Gpp, "npp" => V.Npp, "nep" => V.Nep, "nbp" => V.Nbp, "rh" => V.Hr,
        "vegc" => V.VegetationC, "litrc" => V.LitterC, "soilc" => V.SoilC, "totalc" => V.TotalC,
        _ => throw new ArgumentException($"output variable '{variable}' is not carried per cell", nameof(variable)),
    };

    /// <summary>One variable of a cell snapshot on the grid (NaN outside the cells).</summary>
    internal static double[] Layer(RunSpec spec, GridSpec grid, CellSnapshot snap, int variable)
    {
        var values = new double[grid.CellCount];
        Array.Fill(values, double.NaN);
        for (int i = 0; i < spec.Cells.Count; i++)
            values[grid.Index(spec.Cells.Row[i], spec.Cells.Col[i])] = snap.Values[i * V.Count + variable];
        return values;
    }

    /// <summary>Cities with their Chinese name and province where the scenario's city table (cities.csv) gives them.</summary>
    static CityInfo[] CityInfos(RegionSetup setup)
    {
        var extra = new Dictionary<string, (string NameZh, string Province)>(StringComparer.Ordinal);
        if (setup.Scenario.LandUse.Generator?.CitiesPath is { } path && File.Exists(path))
        {
            var table = CsvTable.Read(path, "id");
            bool hasZh = table.Header.Contains("name_zh"), hasProvince = table.Header.Contains("province");
            foreach (var row in table.Rows)
                extra[row.Text("id")] = (hasZh ? row.Text("name_zh") : "", hasProvince ? row.Text("province") : "");
        }
        return setup.Cities.Select(c =>
        {
            var (zh, province) = extra.GetValueOrDefault(c.Id, ("", ""));
            return new CityInfo(c.Id, c.Name, zh, province);
        }).ToArray();
    }

    /// <summary>SHA-256 of every input file the scenario names (that exists), keyed by path.</summary>
    /// <summary>Woody cover by city, vegetation type and age cohort (scenario <c>forest_age</c>), in city order then first appearance; empty without one.</summary>
    internal static IReadOnlyList<ForestAgeArea> ForestAgeAreas(RegionSetup setup)
    {
        var s = setup.Scenario;
        if (s.ForestAge is null) return [];
        var area = new Dictionary<(int City, string Veg, string Class, int Clearing), double>();
        var order = new List<(int City, string Veg, string Class, int Clearing)>();
        foreach (var c in setup.Cells)
            foreach (var col in c.Columns)
            {
                if (col.AgeClass.Length == 0) continue;
                var k = (c.CityIndex, col.VegetationType, col.AgeClass, col.ClearingYear);
                if (!area.ContainsKey(k)) { area[k] = 0; order.Add(k); }
                area[k] += col.Fraction * c.AreaM2;
            }
        return order.OrderBy(k => k.City).ThenBy(k => k.Veg, StringComparer.Ordinal).ThenByDescending(k => k.Clearing == 0 ? int.MinValue : k.Clearing)
            .Select(k => new ForestAgeArea(setup.Cities[k.City].Id, k.Veg, k.Class, k.Clearing == 0 ? 0 : s.StartYear - k.Clearing, k.Clearing, area[k]))
            .ToList();
    }

    static Dictionary<string, string> InputHashes(RegionSetup setup)
    {
        var s = setup.Scenario;
        var paths = new List<string?> { s.Region.BoundariesPath, s.LandUse.ClassTablePath, s.LandUse.RasterPath, s.Climate.NormalsPath,
            s.History?.Co2Path, s.History?.NDepositionPath, s.ForestAge?.Path };
        if (s.LandUse.Generator is { } gen) paths.AddRange([gen.CitiesPath, gen.TargetsPath, gen.GreenSpacePath]);
        paths.AddRange(s.Vegetation.Values.Select(v => v.EpcPath));
        paths.AddRange(s.Climate.MetFiles.Values.Select(m => m.Path));
        paths.AddRange(s.Climate.Stations.Select(st => st.Path));
        var hashes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in paths)
            if (p is not null && File.Exists(p) && !hashes.ContainsKey(p))
            {
                using var stream = File.OpenRead(p);
                hashes[p] = Convert.ToHexStringLower(SHA256.HashData(stream));
            }
        return new Dictionary<string, string>(hashes);
    }
}
