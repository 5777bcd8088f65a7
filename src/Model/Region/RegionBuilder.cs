using CarbonSim.Model.Io.Formats;
using CarbonSim.Model.Io.Rasters;
using System.Collections.Immutable;
using System.Globalization;
using CarbonSim.Model.Climate;
using CarbonSim.Model.Io.BiomeBgc;
using CarbonSim.Model.Parameters;
using CarbonSim.Model.Scenarios;
using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;

namespace CarbonSim.Model.Region;

/// <summary>
/// Builds the <see cref="RegionSetup"/> of a scenario: projects the city polygons to the Albers equal-area
/// grid, assigns each cell to the city whose polygon contains its centre (first city by id wins on a shared
/// edge), reads or generates the land-use map, derives the surface columns of every cell from the class
/// table, makes the climate zones (one per city) and keys the distinct spin-ups.
/// </summary>
public static class RegionBuilder
{
    /// <param name="metReader">Reads a BIOME-BGC met file (path, header lines) into a <see cref="MetSeries"/> when the
    /// scenario uses <c>climate.met_files</c>; default <see cref="MetReader.Read"/>.</param>
    /// <param name="limits">Size limits checked before the grid is laid out (<see cref="Safety.RunSize"/>); null = <see cref="Safety.ResourceLimits.Default"/>.</param>
    /// <param name="resolutionPlace">Where the resolution came from, for the error when the run is too large.</param>
    public static RegionSetup Build(Scenario scenario, Func<string, int, MetSeries>? metReader = null, Safety.ResourceLimits? limits = null,
        string resolutionPlace = "grid.resolution_km")
    {
        var projection = new AlbersEqualArea(scenario.Grid.Projection);
        var cities = CityBoundaries.Read(scenario.Region.BoundariesPath, scenario.Region.IdProperty, scenario.Region.NameProperty, projection, scenario.Region.RepairInvalid,
            scenario.Region.Crs, scenario.SourcePath);
        var size = Safety.RunSize.Of(scenario, cities);
        size.Check(scenario, limits ?? Safety.ResourceLimits.Default, resolutionPlace); // before anything sized by the grid is allocated
        if (scenario.ForestAge is { } forestAge)
            foreach (var id in forestAge.CityIds)
                if (!cities.Any(c => c.Id == id))
                    throw new InvalidInputException(forestAge.Path, "city_id", id, $"'*' or a city id of {scenario.Region.BoundariesPath}");
        var grid = LayOut(cities, projection, scenario.Grid.ResolutionM);
        var owner = AssignCells(cities, grid);

        // Land cells, row-major.
        var rows = new List<int>(); var cols = new List<int>(); var cityOf = new List<int>();
        for (int r = 0; r < grid.Rows; r++)
            for (int c = 0; c < grid.Cols; c++)
            {
                int o = owner[grid.RasterIndex(r, c)];
                if (o >= 0) { rows.Add(r); cols.Add(c); cityOf.Add(o); }
            }
        int n = rows.Count;
        if (n == 0)
            throw new InvalidInputException(scenario.SourcePath, "grid.resolution_km", scenario.Grid.ResolutionKm.ToString(CultureInfo.InvariantCulture), "a resolution fine enough to put at least one cell centre inside a city");
        var genCells = new GeneratorCell[n];
        for (int i = 0; i < n; i++)
        {
            var (x, y) = grid.CellCentre(rows[i], cols[i]);
            var (lon, lat) = projection.Inverse(x, y);
            genCells[i] = new GeneratorCell(x, y, lon, lat, cityOf[i]);
        }

        var classes = scenario.LandUse.Classes;
        var classNames = LandUse(scenario, grid, rows, cols, genCells, cities, out var landUseSource);

        // Climate zones (one per city) and their sites.
        var zones = MakeZones(scenario, cities, genCells, metReader);
        var zoneByCity = cities.Select(c => zones.ContainsKey(c.Id) ? c.Id : LandUseClassTable.AnyZone).ToArray();

        // Spin-ups and shared column arrays per (class, zone).
        var spinups = new SortedDictionary<string, SpinupSetup>(StringComparer.Ordinal);
        var keyOf = new Dictionary<(string Veg, string Zone, int Clearing), string>();
        var columnCache = new Dictionary<(string Class, string Zone, string Cohorts), (ImmutableArray<CellColumn> Cols, SurfaceMix Mix, int Code)>();
        var history = HistoryOf(scenario);
        (ImmutableArray<CellColumn>, SurfaceMix, int) Columns(string cls, string zoneKey, string mixZone, string cityId)
        {
            string cohortKey = scenario.ForestAge is null ? "" : cityId;
            if (columnCache.TryGetValue((cls, zoneKey, cohortKey), out var hit)) return hit;
            var lc = classes.Require(cls, scenario.LandUse.ClassTablePath, $"class '{cls}'");
            var mix = lc.MixIn(mixZone);
            var b = ImmutableArray.CreateBuilder<CellColumn>(mix.Columns.Length);
            foreach (var col in mix.Columns)
            {
                var veg = scenario.Vegetation[col.VegetationType];
                foreach (var (share, clearing, ageClass) in Cohorts(scenario, veg.Parameters.Woody, cityId, cls))
                {
                    if (!keyOf.TryGetValue((col.VegetationType, zoneKey, clearing), out var key))
                    {
                        var z = zones[zoneKey];
                        var spinSite = z.Site with { NDeposition = scenario.Spinup.NDepositionKgPerM2PerYear };
                        key = SpinupKeys.Compute(veg.Parameters, spinSite, z.Met, scenario.Spinup.Co2Ppm, spinSite.NDeposition,
                            scenario.Spinup.Mode == SpinupMode.Accelerated, scenario.Spinup.MaxYears, history is null ? scenario.Spinup.StandAgeYears : 0,
                            history, clearing, clearing == 0 ? 0 : scenario.ForestAge?.SpreadYears ?? 0);
                        keyOf[(col.VegetationType, zoneKey, clearing)] = key;
                        spinups.TryAdd(key, new SpinupSetup(key, veg.Name, veg.EpcPath, zoneKey, spinSite, scenario.Spinup.Co2Ppm, scenario.Spinup.Mode, scenario.Spinup.MaxYears) { ClearingYear = clearing });
                    }
                    b.Add(new CellColumn(col.VegetationType, col.Fraction * share, key) { ClearingYear = clearing, AgeClass = ageClass });
                }
            }
            var result = (b.ToImmutable(), mix, lc.Code);
            columnCache[(cls, zoneKey, cohortKey)] = result;
            return result;
        }

        // Tiles.
        int ts = scenario.Grid.TileSize;
        int tileCols = (grid.Cols + ts - 1) / ts;
        var tileMembers = new SortedDictionary<int, List<int>>();
        for (int i = 0; i < n; i++)
        {
            int t = rows[i] / ts * tileCols + cols[i] / ts;
            if (!tileMembers.TryGetValue(t, out var l)) tileMembers[t] = l = [];
            l.Add(i);
        }
        var tileIndexOfRaw = new Dictionary<int, int>();
        var tiles = ImmutableArray.CreateBuilder<TileSetup>(tileMembers.Count);
        foreach (var (raw, members) in tileMembers)
        {
            tileIndexOfRaw[raw] = tiles.Count;
            tiles.Add(new TileSetup(tiles.Count, raw / tileCols, raw % tileCols, [.. members]));
        }

        var cells = ImmutableArray.CreateBuilder<CellSetup>(n);
        for (int i = 0; i < n; i++)
        {
            var city = cities[cityOf[i]];
            string zoneKey = zoneByCity[cityOf[i]];
            string mixZone = zoneKey == LandUseClassTable.AnyZone ? city.Id : zoneKey;
            var (colsArr, mix, code) = Columns(classNames[i], zoneKey, mixZone, city.Id);
            int tile = tileIndexOfRaw[rows[i] / ts * tileCols + cols[i] / ts];
            cells.Add(new CellSetup(i, rows[i], cols[i], city.Index, city.Id, genCells[i].Lon, genCells[i].Lat, grid.CellAreaM2,
                classNames[i], code, colsArr, mix.SealedFraction, mix.BareFraction, mix.WaterFraction, zoneKey, scenario.Soil, tile));
        }

        var counts = new int[cities.Count];
        foreach (var o in cityOf) counts[o]++;
        return new RegionSetup
        {
            Scenario = scenario,
            Grid = grid,
            Cities = [.. cities.Select(c => new CityRegion(c.Index, c.Id, c.Name, c.AreaM2, counts[c.Index], c.LonLat, c.Repair))],
            Cells = cells.MoveToImmutable(),
            Tiles = tiles.MoveToImmutable(),
            ClimateZones = [.. zones.Values.OrderBy(z => z.Key, StringComparer.Ordinal)],
            Spinups = [.. spinups.Values],
            LandUseSource = landUseSource,
            Size = size,
        };
    }

    /// <summary>The history forcing of the scenario's <c>history</c> section, or null without one.</summary>
    public static Kernel.HistoryForcing? HistoryOf(Scenario scenario) => scenario.History is { } h
        ? new Kernel.HistoryForcing(h.StartYear, scenario.StartYear, h.Co2For(scenario.StartYear), h.NDepositionFor(scenario.StartYear))
        : null;

    /// <summary>
    /// The age cohorts a vegetation column of a city is split into: (share of the column's cover, clearing year, age class).
    /// One whole column (clearing year 0 = never cleared in the history) for non-woody vegetation and without a history;
    /// with a history and <c>forest_age</c>, in a class of <c>forest_age.classes</c> one per cohort of the city, cleared at
    /// the start of <c>years.start − age</c> (cohorts merged by <c>forest_age.merge</c>), or never (old growth) when that year is before the history start; in other
    /// classes one column of the cohorts' share-weighted mean age (age class <c>mean</c>); with a history and
    /// <c>spinup.stand_age_years</c> only, one cohort cleared at <c>years.start − stand_age_years</c>.
    /// </summary>
    public static IEnumerable<(double Share, int ClearingYear, string AgeClass)> Cohorts(Scenario scenario, bool woody, string cityId, string landUseClass)
    {
        if (scenario.History is not { } h || !woody) { yield return (1.0, 0, ""); yield break; }
        int Clearing(int ageYears) => scenario.StartYear - ageYears < h.StartYear ? 0 : scenario.StartYear - ageYears;
        if (scenario.ForestAge is { } fa)
        {
            if (!fa.Classes.Contains(landUseClass)) { yield return (1.0, Clearing(fa.MeanAgeYears(cityId)), "mean"); yield break; }
            foreach (var c in fa.ColumnsFor(cityId)) yield return (c.Share, Clearing(c.AgeYears), c.AgeClass);
            yield break;
        }
        int age = scenario.Spinup.StandAgeYears;
        yield return (1.0, age > 0 ? scenario.StartYear - age : 0, "");
    }

    /// <summary>The grid: the cities' projected bounding box snapped outwards to multiples of the resolution.</summary>
    public static GridDefinition LayOut(IReadOnlyList<CityBoundary> cities, AlbersEqualArea projection, double res)
    {
        var env = new Envelope();
        foreach (var c in cities) env.ExpandToInclude(c.Projected.EnvelopeInternal);
        double xmin = Math.Floor(env.MinX / res) * res, ymax = Math.Ceiling(env.MaxY / res) * res;
        int cols = Math.Max(1, (int)Math.Ceiling((env.MaxX - xmin) / res));
        int rows = Math.Max(1, (int)Math.Ceiling((ymax - env.MinY) / res));
        return new GridDefinition(projection, xmin, ymax, res, rows, cols);
    }

    /// <summary>City index owning each raster cell (−1 = outside every city), by indexed point-in-polygon of the cell centre.</summary>
    public static int[] AssignCells(IReadOnlyList<CityBoundary> cities, GridDefinition grid)
    {
        var owner = new int[grid.Rows * grid.Cols];
        Array.Fill(owner, -1);
        double res = grid.ResolutionM;
        foreach (var city in cities)
        {
            var locator = new IndexedPointInAreaLocator(city.Projected);
            var e = city.Projected.EnvelopeInternal;
            int c0 = Math.Max(0, (int)Math.Floor((e.MinX - grid.XMin) / res)), c1 = Math.Min(grid.Cols - 1, (int)Math.Floor((e.MaxX - grid.XMin) / res));
            int r0 = Math.Max(0, (int)Math.Floor((grid.YMax - e.MaxY) / res)), r1 = Math.Min(grid.Rows - 1, (int)Math.Floor((grid.YMax - e.MinY) / res));
            var p = new Coordinate();
            for (int r = r0; r <= r1; r++)
                for (int c = c0; c <= c1; c++)
                {
                    int k = grid.RasterIndex(r, c);
                    if (owner[k] >= 0) continue;
                    (p.X, p.Y) = grid.CellCentre(r, c);
                    if (locator.Locate(p) != Location.Exterior) owner[k] = city.Index;
                }
        }
        return owner;
    }

    private static string[] LandUse(Scenario scenario, GridDefinition grid, List<int> rows, List<int> cols, GeneratorCell[] cells, IReadOnlyList<CityBoundary> cities, out string? source)
    {
        source = null;
        var lu = scenario.LandUse;
        if (lu.Generator is { } gen)
            return LandUseGenerator.Generate(gen, lu.Classes, lu.ClassTablePath, [.. cities.Select(c => c.Id)], cells, grid.CellAreaM2, gen.DefaultGreenCoveragePct);

        return RasterLandUse(scenario, grid, rows, cols, cells, out source);
    }

    /// <summary>
    /// The base map from <c>land_use.raster</c> (ESRI ASCII or GeoTIFF, any CRS known to <see cref="RasterCrs"/>): every value
    /// of the file must be a class code (or, with <c>land_use.reclass</c>, a product code of the table); the raster is
    /// carried onto the grid as class areas per cell (<see cref="ClassFractions.Aggregate"/>) and hardened to one class per
    /// cell keeping each city's class areas (<see cref="ClassFractions.Harden"/>). Every cell's centre must lie on a
    /// pixel that is not NODATA.
    /// </summary>
    private static string[] RasterLandUse(Scenario scenario, GridDefinition grid, List<int> rows, List<int> cols, GeneratorCell[] cells, out string source)
    {
        var lu = scenario.LandUse;
        var path = lu.RasterPath!;
        var probe = ClassFractions.Probe(grid);
        var declared = lu.RasterCrs is { } name ? RasterCrs.FromName(name, scenario.SourcePath, "land_use.crs", "land_use.crs") : null;
        var raster = SourceRaster.Read(path, declared, "land_use.crs", grid.Projection, probe);
        var classes = lu.Classes.Classes;
        var indexOfName = classes.Select((c, i) => (c.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
        // Every value of the file is checked, not only those under a cell.
        var classOfValue = new Dictionary<double, int>();
        for (long k = 0; k < raster.Values.Length; k++)
        {
            if (raster.IsNoData(k)) continue;
            double v = raster.Values[k];
            if (classOfValue.ContainsKey(v)) continue;
            string place = $"row {k / raster.Cols}, col {k % raster.Cols}";
            if (v != Math.Floor(v) || v < int.MinValue || v > int.MaxValue)
                throw new InvalidInputException(path, place, v.ToString(CultureInfo.InvariantCulture), "an integer class code");
            if (lu.Reclass is { } rc)
            {
                if (!rc.ClassOfCode.TryGetValue((int)v, out var cn))
                    throw new InvalidInputException(path, place, v.ToString(CultureInfo.InvariantCulture), $"a product code of {rc.Path} ({string.Join(", ", rc.ClassOfCode.Keys.Order())})");
                classOfValue[v] = cn is null ? -1 : indexOfName[cn];
                continue;
            }
            if (!lu.Classes.TryGetByCode((int)v, out var cls))
                throw new InvalidInputException(path, place, v.ToString(CultureInfo.InvariantCulture),
                    $"a class code of {lu.ClassTablePath} ({string.Join(", ", classes.Select(c => $"{c.Code}={c.Name}"))})");
            classOfValue[v] = indexOfName[cls.Name];
        }
        var toGrid = raster.Crs!.ToGrid(grid.Projection, probe);

        // Every cell centre on a mapped pixel; the class under the centre is the fallback of a cell without mapped area.
        var centreClass = new int[cells.Length];
        int outside = 0, firstOutside = -1;
        string CellPlace(int i) => $"grid cell row {rows[i]}, col {cols[i]} (centre {cells[i].Lon.ToString("0.####", CultureInfo.InvariantCulture)},{cells[i].Lat.ToString("0.####", CultureInfo.InvariantCulture)})";
        for (int i = 0; i < cells.Length; i++)
        {
            var (sx, sy) = toGrid.Inverse(cells[i].X, cells[i].Y);
            int col = (int)Math.Floor((sx - raster.X0) / raster.Dx);
            int row = (int)Math.Floor((raster.Y0 - sy) / raster.Dy);
            if (row < 0 || row >= raster.Rows || col < 0 || col >= raster.Cols)
            {
                if (outside++ == 0) firstOutside = i;
                continue;
            }
            long k = (long)row * raster.Cols + col;
            if (raster.IsNoData(k) || classOfValue[raster.Values[k]] < 0)
            {
                if (outside > 0) break;   // the first problem in cell order is reported
                throw new InvalidInputException(path, $"row {row}, col {col} ({CellPlace(i)})", raster.Values[k].ToString(CultureInfo.InvariantCulture), "a class code (not NODATA) inside the region");
            }
            centreClass[i] = classOfValue[raster.Values[k]];
        }
        if (outside == cells.Length)
            throw new InvalidInputException(path, "extent", $"x {ClassFractions.F(raster.X0)}..{ClassFractions.F(raster.X0 + raster.Cols * raster.Dx)}, y {ClassFractions.F(raster.Y0 - raster.Rows * raster.Dy)}..{ClassFractions.F(raster.Y0)} in {raster.Crs.Label}",
                "a raster overlapping the region (no cell centre of the region lies on the raster)");
        if (outside > 0)
            throw new InvalidInputException(path, CellPlace(firstOutside), "outside the raster", "a raster covering every cell of the region");

        var cellOfRaster = new int[grid.Rows * grid.Cols];
        Array.Fill(cellOfRaster, -1);
        for (int i = 0; i < cells.Length; i++) cellOfRaster[grid.RasterIndex(rows[i], cols[i])] = i;
        var area = ClassFractions.Aggregate(raster, toGrid, grid, cellOfRaster, cells.Length, classes.Length, v => classOfValue.GetValueOrDefault(v, -1));
        var hard = ClassFractions.Harden(area, cells.Length, classes.Length, [.. cells.Select(c => c.CityIndex)], i => centreClass[i]);
        // [cells] Largest |cells given − summed class fraction| over cities and classes (cells with mapped area).
        var dev = new Dictionary<(int City, int Class), double>();
        for (int i = 0; i < cells.Length; i++)
        {
            double tot = 0;
            for (int k = 0; k < classes.Length; k++) tot += area[(long)i * classes.Length + k];
            if (tot <= 0) continue;
            for (int k = 0; k < classes.Length; k++)
                dev[(cells[i].CityIndex, k)] = dev.GetValueOrDefault((cells[i].CityIndex, k)) + (hard[i] == k ? 1 : 0) - area[(long)i * classes.Length + k] / tot;
        }
        var inv = CultureInfo.InvariantCulture;
        string unit = raster.Crs.IsGeographic ? "°" : " m";
        source = string.Format(inv, "{0} ({1}; {2} x {3} pixels of {4:0.######}{5}{6}{7}); {8}; class cells per city within {9:0.00} cells of the mapped area",
            path, raster.Crs.Label, raster.Cols, raster.Rows, raster.Dx, unit, toGrid.Identity ? ", the grid's own CRS" : ", reprojected",
            lu.Reclass is { } r ? $", codes through {Path.GetFileName(r.Path)}" : "",
            ClassFractions.IsFine(raster, toGrid, grid) ? "class areas summed pixel by pixel" : $"class areas sampled at {ClassFractions.SamplesPerCellEdge}x{ClassFractions.SamplesPerCellEdge} points per cell",
            dev.Count == 0 ? 0 : dev.Values.Max(Math.Abs));
        return [.. hard.Select(k => classes[k].Name)];
    }

    private static Dictionary<string, ClimateZone> MakeZones(Scenario scenario, IReadOnlyList<CityBoundary> cities, GeneratorCell[] cells, Func<string, int, MetSeries>? metReader)
    {
        var climate = scenario.Climate;
        var zones = new Dictionary<string, ClimateZone>(StringComparer.Ordinal);
        SiteParameters Site(double elevation, double latitude) => new()
        {
            SoilDepth = scenario.Soil.DepthM, SandPercent = scenario.Soil.SandPct, SiltPercent = scenario.Soil.SiltPct, ClayPercent = scenario.Soil.ClayPct,
            Albedo = scenario.Soil.Albedo, Elevation = elevation, Latitude = latitude,
            NDeposition = scenario.Nitrogen.DepositionKgPerM2PerYear, NFixation = scenario.Nitrogen.FixationKgPerM2PerYear,
        };
        if (climate.NormalsPath is { } normalsPath)
        {
            var stations = NormalsFiller.Fill(ClimateNormals.Read(normalsPath), climate.LapseRateKPerM, normalsPath);
            var byId = stations.ToDictionary(s => s.CityId, StringComparer.Ordinal);
            foreach (var city in cities)
            {
                if (!byId.TryGetValue(city.Id, out var st))
                    throw new InvalidInputException(normalsPath, $"city_id {city.Id} ({city.Name})", "missing", "rows (station metadata at least) for every city of the region");
                var met = WeatherGenerator.Generate(st, climate.Seed, city.Id, scenario.StartYear, scenario.YearCount);
                zones[city.Id] = new ClimateZone(city.Id, $"{city.Name} ({st.Station})",
                    st.Measured ? $"weather generator on station normals: {st.Source}" : $"weather generator on {st.Source}",
                    met, Site(st.ElevationM, st.Latitude));
            }
            return zones;
        }
        var cityIds = cities.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        if (climate.UsesStations)   // station daily records, weighted to each city's cells (Model/Climate/StationZones.cs)
        {
            foreach (var zone in climate.ZoneElevationM.Keys.Where(z => !cityIds.Contains(z)))
                throw new InvalidInputException(scenario.SourcePath, $"climate.zone_elevation_m.{zone}", zone, $"a city id of the region ({string.Join(", ", cityIds.Order())})");
            var places = cities.Select(c => new ZonePlace(c.Id, c.Name, MeanLatitude(cells, c.Index), MeanLongitude(cells, c.Index),
                climate.ZoneElevationM.TryGetValue(c.Id, out var z) ? z : null)).ToList();
            var built = StationZones.Build(climate.Stations, scenario.StartYear, scenario.EndYear, scenario.History?.StartYear,
                climate.BeyondRecord, climate.MaxGapDays, climate.LapseRateKPerM, places, scenario.SourcePath);
            for (int i = 0; i < cities.Count; i++)
                zones[cities[i].Id] = new ClimateZone(cities[i].Id, cities[i].Name, built[i].Source, built[i].Met, Site(built[i].ElevationM, places[i].Latitude));
            return zones;
        }
        foreach (var (zone, spec) in climate.MetFiles)
        {
            if (zone != LandUseClassTable.AnyZone && !cityIds.Contains(zone))
                throw new InvalidInputException(scenario.SourcePath, $"climate.met_files.{zone}", zone, $"a city id of the region ({string.Join(", ", cityIds.Order())}) or '*'");
            var met = (metReader ?? MetReader.Read)(spec.Path, spec.HeaderLines);
            double lat = spec.Latitude ?? MeanLatitude(cells, zone == LandUseClassTable.AnyZone ? null : cities.First(c => c.Id == zone).Index);
            zones[zone] = new ClimateZone(zone, zone == LandUseClassTable.AnyZone ? "all other cities" : cities.First(c => c.Id == zone).Name,
                $"met file {spec.Path}", met, Site(spec.ElevationM, lat));
        }
        foreach (var city in cities)
            if (!zones.ContainsKey(city.Id) && !zones.ContainsKey(LandUseClassTable.AnyZone))
                throw new InvalidInputException(scenario.SourcePath, "climate.met_files", $"no entry for city {city.Id} ({city.Name})", "an entry for every city or a '*' entry");
        return zones;
    }

    private static double MeanLongitude(GeneratorCell[] cells, int city)
    {
        double s = 0; int k = 0;
        foreach (var c in cells) if (c.CityIndex == city) { s += c.Lon; k++; }
        return k > 0 ? s / k : 0;
    }

    private static double MeanLatitude(GeneratorCell[] cells, int? city)
    {
        double s = 0; int k = 0;
        foreach (var c in cells) if (city is null || c.CityIndex == city) { s += c.Lat; k++; }
        return k > 0 ? s / k : 0;
    }

    /// <summary>The land-use map as an ESRI ASCII grid of class codes on the scenario grid (NODATA −9999 outside the region), with .prj.</summary>
    public static EsriAsciiGrid LandUseRaster(RegionSetup setup)
    {
        var g = setup.Grid;
        var values = new double[g.Rows * g.Cols];
        Array.Fill(values, -9999);
        foreach (var c in setup.Cells) values[g.RasterIndex(c.Row, c.Col)] = c.LandUseCode;
        return new EsriAsciiGrid(g.Cols, g.Rows, g.XMin, g.YMin, g.ResolutionM, -9999, values, g.Projection.ToEsriWkt());
    }
}
