using CarbonSim.Model.Io.Formats;
using System.Globalization;
using CarbonSim.Model.Accounting;
using CarbonSim.Model.LandUse;
using CarbonSim.Model.Output;
using CarbonSim.Model.Region;
using CarbonSim.Model.Valuation;
using LedgerYear = CarbonSim.Model.Accounting.CarbonYear;

namespace CarbonSim.Model.Scenarios;

/// <summary>One simulated year of a land-use scenario for one city.</summary>
/// <param name="Counts">[cells] Class counts after the year's allocation (index = <see cref="LandUseChangeSpec.ClassNames"/>).</param>
/// <param name="Demand">[cells] The year's demand.</param>
/// <param name="ShortfallCells">[cells] Demand the allocation could not meet (0 = met exactly).</param>
/// <param name="Books">[kgC] The city's conversion ledger of the year (sum of its cells in cell-id order).</param>
/// <param name="StaticStockKg">[kgC] InVEST-style stock: Σ density(class) × cell area after the year's allocation.</param>
/// <param name="StaticPools">[kgC] Above+below, dead, soil parts of <see cref="StaticStockKg"/>.</param>
public sealed record LandUseCityYear(int CityId, int Year, int[] Counts, int[] Demand, int ShortfallCells, int Conversions,
    LedgerYear Books, double StaticStockKg, (double Veg, double Dead, double Soil) StaticPools);

/// <summary>A land-use scenario run: yearly maps and per-city books.</summary>
public sealed record LandUseScenarioResult(LandUseMap StartMap, IReadOnlyDictionary<int, LandUseMap> Maps, IReadOnlyList<LandUseCityYear> CityYears,
    double CellAreaM2, IReadOnlyList<string> ClassNames, IReadOnlyList<int> ClassCodes);

/// <summary>
/// Runs a scenario's land-use change over its region without the process kernel ("static-pool land-use
/// mode"): each year the tiles offer, the cities select and the tiles apply (<see cref="RegionAllocation"/>),
/// converted cells carry their carbon by the scenario's <c>conversion_carbon</c> rules
/// (<see cref="CarbonLedger.CloseCellYear"/> with no ecosystem uptake, since no kernel runs here), and stocks
/// are also reported InVEST-style from a four-pool density table (class density × area, instant).
/// Carbon columns start from the density table. Drivers: distance to the city centre (mean of its cell
/// centres); elevation and slope are 0 (no DEM in the repository), so their coefficients have no effect.
/// The process engine (<c>carbonsim run</c>) runs the same allocation coupled to the kernel in its grains.
/// </summary>
public static class LandUseScenarioRun
{
    public static LandUseScenarioResult Run(RegionSetup setup, PoolTable pools, int? tileSize = null, int? lastYear = null)
    {
        var s = setup.Scenario;
        var luc = s.LandUseChange ?? throw new InvalidInputException(s.SourcePath, "land_use_change (top level)", "missing", "a 'land_use_change' section");
        var conv = (s.ConversionCarbon ?? throw new InvalidInputException(s.SourcePath, "conversion_carbon (top level)", "missing", "a 'conversion_carbon' section")).ToRules(s.SourcePath);
        var table = s.LandUse.Classes;
        int k = luc.ClassNames.Length;
        int w = setup.Grid.Cols, h = setup.Grid.Rows;
        int tile = tileSize ?? s.Grid.TileSize;
        int end = lastYear ?? s.EndYear;
        double cellArea = s.Grid.ResolutionM * s.Grid.ResolutionM;

        var classes = Enumerable.Repeat(LandUseMap.NoData, w * h).ToArray();
        var city = Enumerable.Repeat(-1, w * h).ToArray();
        var area = new double[w * h];
        var codes = table.Classes.Select(c => c.Code).ToArray();
        foreach (var c in setup.Cells)
        {
            int g = c.Row * w + c.Col;
            classes[g] = luc.ClassIndex(c.LandUseClass);
            city[g] = int.Parse(c.CityId, NumberStyles.None, CultureInfo.InvariantCulture);
            area[g] = c.AreaM2;
        }
        var start = new LandUseMap(w, h, classes);

        var drivers = Drivers(setup, classes, city);

        // Demand per city.
        var startCounts = new SortedDictionary<int, int[]>();
        for (int g = 0; g < classes.Length; g++)
            if (classes[g] >= 0)
            {
                if (!startCounts.TryGetValue(city[g], out var sc)) startCounts[city[g]] = sc = new int[k];
                sc[classes[g]]++;
            }
        var demand = startCounts.ToDictionary(p => p.Key, p => LandUseDemandPlan.ForCity(s, p.Key, p.Value, cellArea));

        // Carbon columns from the density table [t C ha-1] → [kg C m-2] (× 0.1).
        CarbonPools Density(int cls) => pools.For(codes[cls], "class table", $"class {luc.ClassNames[cls]}");
        var col = new CarbonColumn[w * h];
        for (int g = 0; g < col.Length; g++)
            if (classes[g] >= 0)
            {
                var d = Density(classes[g]);
                col[g] = new CarbonColumn((d.Above + d.Below) * 0.1, d.Dead * 0.1, d.Soil * 0.1, 0, area[g]);
            }

        var maps = new SortedDictionary<int, LandUseMap>();
        var rows = new List<LandUseCityYear>();
        var map = start;
        for (int y = s.StartYear; y <= end; y++)
        {
            int year = y;
            var step = RegionAllocation.Step(map, drivers, luc.Rules, tile, year, id => demand[id][year], s.SourcePath);
            var rule = new Dictionary<int, ConversionRule>();
            foreach (var c in step.Conversions) rule[c.CellId] = conv.For(c.FromClass, c.ToClass);
            var books = new SortedDictionary<int, LedgerYear>();
            var counts = new SortedDictionary<int, int[]>();
            var stat = new SortedDictionary<int, (double V, double D, double S)>();
            for (int g = 0; g < col.Length; g++)
            {
                int cls = step.Map.Classes[g];
                if (cls < 0) continue;
                var (after, b) = CarbonLedger.CloseCellYear(g.ToString(CultureInfo.InvariantCulture), year, col[g], col[g], 0,
                    rule.GetValueOrDefault(g), conv.WoodProductHalfLifeYears);
                col[g] = after;
                int id = city[g];
                books[id] = books.TryGetValue(id, out var acc) ? acc.Plus(b) : b;
                if (!counts.TryGetValue(id, out var cc)) counts[id] = cc = new int[k];
                cc[cls]++;
                var d = Density(cls);
                var (v0, d0, s0) = stat.GetValueOrDefault(id);
                stat[id] = (v0 + (d.Above + d.Below) * 0.1 * area[g], d0 + d.Dead * 0.1 * area[g], s0 + d.Soil * 0.1 * area[g]);
            }
            foreach (var r in step.Cities)
            {
                books[r.CityId].Check($"city {r.CityId}");
                var st = stat[r.CityId];
                rows.Add(new LandUseCityYear(r.CityId, year, counts[r.CityId], demand[r.CityId][year], r.Shortfalls.Sum(x => x.MissingCells),
                    r.Winners.Length, books[r.CityId], st.V + st.D + st.S, st));
            }
            maps[year] = step.Map;
            map = step.Map;
        }
        return new LandUseScenarioResult(start, maps, rows, cellArea, luc.ClassNames, codes);
    }

    /// <summary>
    /// Allocation drivers of the run grid: city per cell, protection (protected classes at the start and the
    /// optional mask), distance to the city centre (mean of its cell centres) [km], elevation and slope 0 (no DEM).
    /// </summary>
    public static AllocationDrivers Drivers(RegionSetup setup, int[] classes, int[] city)
    {
        var s = setup.Scenario;
        var luc = s.LandUseChange!;
        int w = setup.Grid.Cols, h = setup.Grid.Rows;
        var km = new double[w * h];
        var centre = new Dictionary<int, (double R, double C, int N)>();
        foreach (var c in setup.Cells)
        {
            int id = city[c.Row * w + c.Col];
            var (r0, c0, n0) = centre.GetValueOrDefault(id);
            centre[id] = (r0 + c.Row, c0 + c.Col, n0 + 1);
        }
        foreach (var c in setup.Cells)
        {
            int g = c.Row * w + c.Col;
            var (r0, c0, n0) = centre[city[g]];
            km[g] = Math.Sqrt(Math.Pow(c.Row - r0 / n0, 2) + Math.Pow(c.Col - c0 / n0, 2)) * s.Grid.ResolutionKm;
        }
        var prot = new bool[w * h];
        for (int g = 0; g < prot.Length; g++) prot[g] = classes[g] >= 0 && luc.ProtectedClass[classes[g]];
        if (luc.ProtectedMaskPath is { } maskPath)
        {
            var mask = EsriAsciiGrid.Read(maskPath);
            if (mask.Cols != w || mask.Rows != h)
                throw new InvalidInputException(maskPath, "header", $"{mask.Cols}x{mask.Rows}", $"the run grid's {w}x{h}");
            for (int g = 0; g < prot.Length; g++)
                if (mask.Values[g] != 0 && !(mask.NoData is double nd && mask.Values[g] == nd)) prot[g] = true;
        }
        var drivers = new AllocationDrivers(city, prot, km, new double[w * h], new double[w * h]);
        return drivers;
    }

    /// <summary>
    /// The run as <see cref="RunResults"/> for the standard writers and <c>carbonsim compare</c>: per city and year the
    /// InVEST-style stock (TotalC and its pools; fluxes 0 because no kernel ran), class areas, and extra columns
    /// for the conversion ledger (t C), allocation (cells) and wood products. Rasters: class codes and static
    /// stock for the scenario's raster years.
    /// </summary>
    public static RunResults ToRunResults(LandUseScenarioResult r, RegionSetup setup)
    {
        var s = setup.Scenario;
        var cities = setup.Cities.Select(c => new CityInfo(c.Id, c.Name, "", "")).ToList();
        var rows = new List<CityYear>();
        foreach (var y in r.CityYears)
        {
            double a = 0; foreach (var n in y.Counts) a += n * r.CellAreaM2;
            var byClass = new Dictionary<string, double>();
            for (int c = 0; c < y.Counts.Length; c++) if (y.Counts[c] > 0) byClass[r.ClassNames[c]] = y.Counts[c] * r.CellAreaM2;
            var b = y.Books;
            rows.Add(new CityYear
            {
                CityId = y.CityId.ToString(CultureInfo.InvariantCulture), Year = y.Year, AreaM2 = a,
                VegC = y.StaticPools.Veg / a, LitterC = y.StaticPools.Dead / a, SoilC = y.StaticPools.Soil / a, TotalC = y.StaticStockKg / a,
                AreaByClassM2 = byClass,
                Extra = new Dictionary<string, double>
                {
                    [LandUseColumns.ToAtmosphere] = b.ConversionToAtmosphereKg / 1000,
                    [LandUseColumns.WoodDecay] = b.WoodDecayKg / 1000,
                    [OutputColumns.LedgerStock] = b.EndKg / 1000,
                    [LandUseColumns.Converted] = y.Conversions,
                    [LandUseColumns.Shortfall] = y.ShortfallCells,
                },
            });
        }
        var years = Enumerable.Range(s.StartYear, r.Maps.Count).ToList();
        var grid = new CarbonSim.Model.Output.GridSpec(setup.Grid.XMin, setup.Grid.YMax, s.Grid.ResolutionM, setup.Grid.Rows, setup.Grid.Cols, GridWkt(setup));
        var rasters = new List<RasterLayer>();
        foreach (var y in s.Outputs.RasterYears.Where(r.Maps.ContainsKey))
        {
            var m = r.Maps[y];
            rasters.Add(new RasterLayer($"landuse_{y}", "code", y, m.Classes.Select(c => c < 0 ? double.NaN : r.ClassCodes[c]).ToArray()));
        }
        return new RunResults
        {
            ScenarioName = s.Name, ScenarioSha256 = s.FileHash, Years = years, Cities = cities, CityYears = rows,
            RegionYears = years.Select(y => RegionYear.Aggregate(y, rows)).ToList(),
            Grid = rasters.Count > 0 ? grid : null, Rasters = rasters, BoundariesPath = s.Region.BoundariesPath,
            // The file switches apply; the class maps are always .asc (the carbon variables and formats are the engine run's).
            Outputs = s.Outputs.Selection with { Asc = true, GeoTiff = false },
            NoValidationReason = "carbonsim landuse runs no process model (no fluxes, look-up-table pools), so nothing is compared with observations",
        };
    }

    private static string GridWkt(RegionSetup setup) => setup.Grid.Projection.ToEsriWkt();
}
