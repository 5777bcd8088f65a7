using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using CarbonSim.Model.Io.BiomeBgc;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CarbonSim.Model.Scenarios;

/// <summary>
/// Reads a scenario file (YAML, format in docs/scenario.md) into a validated <see cref="Scenario"/>.
/// Strict: unknown keys, missing files, out-of-range values and inconsistent tables are
/// <see cref="InvalidInputException"/>s naming the file, key path and line, value and expectation.
/// Sections are parsed one method each, so later format versions add a section by adding a method.
/// </summary>
public static partial class ScenarioLoader
{
    /// <summary>Scenario format versions this loader understands.</summary>
    public const int CurrentVersion = 1;

    public static Scenario Load(string path)
    {
        var file = Path.GetFullPath(path);
        if (!File.Exists(file)) throw new InvalidInputException(file, "file", path, "an existing scenario file");
        Safety.InputFiles.RequireRegular(file, file, "file", "a scenario file", Safety.InputFiles.MaxTextFileBytes); // no FIFO, device or huge file
        var bytes = File.ReadAllBytes(file);
        Safety.YamlLimits.Check(file, System.Text.Encoding.UTF8.GetString(bytes)); // depth, scalar size: before the recursive parse
        var root = ParseYaml(file, bytes);
        var dir = Path.GetDirectoryName(file)!;

        var version = (int)root.Integer("version", null, 1, int.MaxValue, $"format version {CurrentVersion}");
        if (version != CurrentVersion)
            throw new InvalidInputException(file, root.Place("version"), version.ToString(CultureInfo.InvariantCulture), $"format version {CurrentVersion}");
        var name = root.RequireString("name", "a scenario name");
        if (!Safety.SimpleName.IsValid(name)) // it names the default output folder
            throw new InvalidInputException(file, root.Place("name"), name, Safety.SimpleName.Rule);

        var years = root.RequireMap("years");
        int start = (int)years.Integer("start", null, 1000, 3000, "a calendar year in [1000, 3000]");
        int end = (int)years.Integer("end", null, 1000, 3000, "a calendar year in [1000, 3000]");
        if (end < start)
            throw new InvalidInputException(file, years.Place("end"), end.ToString(CultureInfo.InvariantCulture), $"a year >= years.start ({start})");
        years.RejectUnknownKeys();

        var region = ReadRegion(root.RequireMap("region"), dir);
        var grid = ReadGrid(root.RequireMap("grid"));
        var vegetation = ReadVegetation(root.RequireMap("vegetation"), dir);
        var management = ReadManagement(root.OptionalMap("management"), dir, ref vegetation);
        var landUse = ReadLandUse(root.RequireMap("land_use"), dir, vegetation.Keys.ToHashSet(StringComparer.Ordinal));
        var climate = ReadClimate(root.RequireMap("climate"), dir);
        var co2 = ReadCo2(root.RequireMap("co2"), dir, start, end);
        var nitrogen = ReadNitrogen(root.RequireMap("n_deposition"));
        var soil = ReadSoil(root.RequireMap("soil"));
        var history = ReadHistory(root.OptionalMap("history"), dir, start);
        var spinup = ReadSpinup(root.RequireMap("spinup"), co2.PpmIn(start), nitrogen.DepositionKgPerM2PerYear, history);
        var forestAge = ReadForestAge(root.OptionalMap("forest_age"), dir, landUse.Classes);
        if (forestAge is not null && history is null)
            throw new InvalidInputException(file, root.Place("forest_age"), "forest_age without history",
                "a 'history' section: age cohorts are cleared in history years and regrow under the historical forcing");
        if (history is not null && spinup.StandAgeYears > start - history.StartYear)
            throw new InvalidInputException(file, "spinup.stand_age_years", spinup.StandAgeYears.ToString(CultureInfo.InvariantCulture),
                $"a stand age of at most {start - history.StartYear} years (the clearing year must lie in the history {history.StartYear}–{start - 1})");
        if (forestAge is { SpreadYears: > 0 } fa && history is not null)
            foreach (var city in fa.Cohorts.Select(c => c.CityId).Distinct())
                foreach (var col in fa.ColumnsFor(city))
                {
                    int clearing = start - col.AgeYears;
                    if (clearing < history.StartYear) continue; // old growth: never cleared, nothing to spread
                    if (clearing - fa.SpreadYears < history.StartYear || clearing + fa.SpreadYears > start - 1)
                        throw new InvalidInputException(file, "forest_age.spread_years", fa.SpreadYears.ToString(CultureInfo.InvariantCulture),
                            $"a spread that keeps every cleared cohort's window inside the history {history.StartYear}–{start - 1}: cohort '{col.AgeClass}' of city '{city}' " +
                            $"(age {col.AgeYears} a, cleared {clearing}) allows at most {Math.Min(clearing - history.StartYear, start - 1 - clearing)}");
                }
        if (forestAge is not null && spinup.StandAgeYears != 0)
            throw new InvalidInputException(file, "spinup.stand_age_years", spinup.StandAgeYears.ToString(CultureInfo.InvariantCulture),
                "no stand_age_years with forest_age (the cohorts' ages replace it)");
        var outputs = ReadOutputs(root.OptionalMap("outputs"), start, end);
        var luc = ReadLandUseChange(root.OptionalMap("land_use_change"), dir, landUse.Classes);
        var conversion = ReadConversionCarbon(root.OptionalMap("conversion_carbon"), file, landUse.Classes, luc);
        var green = ReadGreenSpace(root.OptionalMap("green_space"), dir, landUse.Classes, luc, start, end);
        var compensation = ReadCompensation(root.OptionalMap("compensation"), dir, start, end);
        var emissions = ReadEmissions(root.OptionalMap("emissions"), dir, compensation is not null, file);
        if (emissions is not null) compensation ??= CompensationSpec.Default;   // every run with an inventory closes the books
        var calibration = ReadCalibration(root.OptionalMap("calibration"), dir, vegetation.Keys.ToHashSet(StringComparer.Ordinal));
        var validation = ReadValidation(root.OptionalMap("validation"), dir, landUse.Classes);
        root.RejectUnknownKeys();
        if (management?.UrbanGreenPath is { } urbanGreen)   // managed urban green: the classes' columns become managed types (names and sealed shares unchanged)
        {
            (vegetation, var classes) = UrbanGreenSetup.Apply(urbanGreen, vegetation, landUse.Classes);
            landUse = landUse with { Classes = classes };
        }
        if (management?.ForestHarvestPath is { } forestHarvest)   // harvested forest: the classes' woody columns become harvested types
        {
            (vegetation, var classes) = ForestHarvestSetup.Apply(forestHarvest, vegetation, landUse.Classes);
            landUse = landUse with { Classes = classes };
        }

        return new Scenario
        {
            SourcePath = file,
            FileHash = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            Name = name, Version = version, StartYear = start, EndYear = end,
            Region = region, Grid = grid, LandUse = landUse, Vegetation = vegetation, Climate = climate,
            Co2 = co2, Nitrogen = nitrogen, Soil = soil, Spinup = spinup, Outputs = outputs,
            Management = management, LandUseChange = luc, ConversionCarbon = conversion, GreenSpace = green, Emissions = emissions, Compensation = compensation,
            Calibration = calibration,
            Validation = validation,
            History = history, ForestAge = forestAge,
        };
    }

    private static YamlMap ParseYaml(string file, byte[] bytes)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = new StringReader(System.Text.Encoding.UTF8.GetString(bytes));
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            var msg = (e.InnerException?.Message ?? e.Message).Replace('\n', ' ').Replace('\r', ' ');
            throw new InvalidInputException(file, $"line {e.Start.Line}, column {e.Start.Column}", msg, "well-formed YAML", e);
        }
        catch (ArgumentException e) // duplicate keys in a mapping
        {
            throw new InvalidInputException(file, "document", e.Message.Replace('\n', ' '), "well-formed YAML with unique keys", e);
        }
        if (stream.Documents.Count != 1)
            throw new InvalidInputException(file, "document", $"{stream.Documents.Count} documents", "exactly one YAML document");
        if (stream.Documents[0].RootNode is not YamlMappingNode map)
            throw new InvalidInputException(file, $"line {stream.Documents[0].RootNode.Start.Line}", YamlMap.Describe(stream.Documents[0].RootNode), "a mapping of scenario sections");
        return new YamlMap(file, "", map);
    }

    /// <summary>Resolves a path value relative to the scenario directory and checks that the file exists.</summary>
    private static string ExistingFile(YamlMap m, string key, string dir, string what)
    {
        var n = m.Require(key, what);
        var rel = m.ScalarText(key, n, what);
        var full = Path.GetFullPath(Path.Combine(dir, rel));
        if (rel.Length == 0 || !File.Exists(full))
            throw new InvalidInputException(m.File, YamlMap.Place(m.KeyPath(key), n), rel, $"{what} (looked for {full})");
        if (Safety.InputFiles.KindOf(full) != Safety.InputFiles.Kind.Regular) // a FIFO would block the reader forever, a device never ends
            throw new InvalidInputException(m.File, YamlMap.Place(m.KeyPath(key), n), rel, $"{what}: a regular file (not a FIFO or device)");
        return full;
    }

    /// <summary>The optional <c>validation</c> section: <c>references</c>, a CSV of published observations (checked here; classes against the class table, cities after the region is built).</summary>
    private static ValidationSpec? ReadValidation(YamlMap? m, string dir, LandUseClassTable classes)
    {
        if (m is null) return null;
        var path = ExistingFile(m, "references", dir, "an existing references CSV (scope, class, variable, years, low, high, unit, source, status)");
        m.RejectUnknownKeys();
        var table = CarbonSim.Model.Output.ReferenceTable.Read(path);
        var names = classes.Classes.Select(c => c.Name).ToArray();
        foreach (var row in table.Rows)
            if (row.Class != CarbonSim.Model.Output.ReferenceRow.AnyClass && !names.Contains(row.Class))
                throw new InvalidInputException(path, $"line {row.Line}, column 'class'", row.Class, $"'*' or a class of the class table ({string.Join(", ", names)})");
        return new ValidationSpec(path, table);
    }

    private static RegionSpec ReadRegion(YamlMap m, string dir)
    {
        var path = ExistingFile(m, "boundaries", dir, "an existing GeoJSON file or shapefile (.shp) of city polygons");
        var id = m.OptionalString("id_property") ?? "id";
        var name = m.OptionalString("name_property") ?? "name";
        var repair = m.Boolean("repair_invalid", false);
        var crs = m.OptionalString("crs");
        if (crs is not null) Io.Rasters.RasterCrs.FromName(crs, m.File, m.Place("crs"), "region.crs");
        m.RejectUnknownKeys();
        return new RegionSpec(path, id, name, repair) { Crs = crs };
    }

    private static GridSettings ReadGrid(YamlMap m)
    {
        var res = m.Number("resolution_km", 10, GridSettings.MinResolutionKm, GridSettings.MaxResolutionKm, GridSettings.ResolutionRule);
        var tile = (int)m.Integer("tile_size", 32, 1, 4096, "a tile edge in cells, in [1, 4096]");
        var proj = AlbersProjectionSpec.ChinaAlbers;
        var p = m.OptionalMap("projection");
        if (p is not null)
        {
            var type = p.OptionalString("type") ?? "albers";
            if (type != "albers") throw new InvalidInputException(m.File, p.Place("type"), type, "'albers' (equal-area conic)");
            proj = new AlbersProjectionSpec(
                p.Number("central_meridian", proj.CentralMeridian, -180, 180, "degrees in [-180, 180]"),
                p.Number("latitude_of_origin", proj.LatitudeOfOrigin, -89, 89, "degrees in [-89, 89]"),
                p.Number("standard_parallel_1", proj.StandardParallel1, -89, 89, "degrees in [-89, 89]"),
                p.Number("standard_parallel_2", proj.StandardParallel2, -89, 89, "degrees in [-89, 89]"));
            if (Math.Abs(proj.StandardParallel1 + proj.StandardParallel2) < 1e-9)
                throw new InvalidInputException(m.File, p.Place("standard_parallel_2"), proj.StandardParallel2.ToString(CultureInfo.InvariantCulture), "standard parallels not symmetric about the equator");
            p.RejectUnknownKeys();
        }
        m.RejectUnknownKeys();
        return new GridSettings(res, tile, proj);
    }

    private static ImmutableSortedDictionary<string, VegetationSpec> ReadVegetation(YamlMap m, string dir)
    {
        var b = ImmutableSortedDictionary.CreateBuilder<string, VegetationSpec>(StringComparer.Ordinal);
        foreach (var (key, keyNode, _) in m.Entries())
        {
            if (key.Length == 0 || key is LandUseClassTable.Sealed or LandUseClassTable.Bare or LandUseClassTable.Water or LandUseClassTable.AnyZone
                || !key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_' || c == '-'))
                throw new InvalidInputException(m.File, YamlMap.Place(m.KeyPath(key), keyNode), key,
                    "a vegetation type name of letters, digits, '_' or '-', other than sealed/bare/water");
            var path = ExistingFile(m, key, dir, "an existing BIOME-BGC .epc file (or its .yaml twin)");
            var ext = Path.GetExtension(path).ToLowerInvariant();
            var parameters = ext is ".yaml" or ".yml" ? EpcYaml.Read(path) : EpcReader.Read(path);
            b[key] = new VegetationSpec(key, path, parameters);
        }
        if (b.Count == 0) throw new InvalidInputException(m.File, $"{m.Path} (line {m.Node.Start.Line})", "an empty mapping", "at least one vegetation type");
        return b.ToImmutable();
    }

    /// <summary>
    /// Optional <c>management:</c> section (docs/management.md): <c>crop_calendar</c> names a crop-calendar CSV whose
    /// rotations become vegetation types (for the class table) carrying their management. A rotation name that is
    /// already a vegetation type is rejected.
    /// </summary>
    private static ManagementSpec? ReadManagement(YamlMap? m, string dir, ref ImmutableSortedDictionary<string, VegetationSpec> vegetation)
    {
        if (m is null) return null;
        var path = ExistingFile(m, "crop_calendar", dir, "an existing crop-calendar CSV");
        var practices = ReadCropPractices(m);   // ScenarioLoader.CropPractices.cs
        string? urbanGreen = m.Has("urban_green") ? ExistingFile(m, "urban_green", dir, "an existing urban-green practice CSV (docs/management.md)") : null;
        string? forestHarvest = m.Has("forest_harvest") ? ExistingFile(m, "forest_harvest", dir, "an existing forest-harvest CSV (docs/management.md)") : null;
        m.RejectUnknownKeys();
        var rotations = CropCalendarReader.Read(path);
        var b = vegetation.ToBuilder();
        foreach (var (name, rotation) in rotations)
        {
            if (b.ContainsKey(name) || name is LandUseClassTable.Sealed or LandUseClassTable.Bare or LandUseClassTable.Water or LandUseClassTable.AnyZone)
                throw new InvalidInputException(path, $"rotation '{name}'", name, "a rotation name that is not a vegetation type of the scenario nor sealed/bare/water");
            b[name] = new VegetationSpec(name, path, rotation.Seasons[0].Epc with { Management = rotation });
        }
        vegetation = b.ToImmutable();
        return new ManagementSpec(path, [.. rotations.Keys], practices) { UrbanGreenPath = urbanGreen, ForestHarvestPath = forestHarvest };
    }

    private static LandUseSpec ReadLandUse(YamlMap m, string dir, IReadOnlySet<string> vegetation)
    {
        var classesPath = ExistingFile(m, "classes", dir, "an existing class table CSV");
        var table = LandUseClassTable.Read(classesPath, vegetation);
        bool hasRaster = m.Has("raster"), hasGen = m.Has("generate");
        if (hasRaster == hasGen)
            throw new InvalidInputException(m.File, $"{m.Path} (line {m.Node.Start.Line})", hasRaster ? "both 'raster' and 'generate'" : "neither 'raster' nor 'generate'",
                "exactly one of 'raster' (an ESRI ASCII grid or GeoTIFF path) or 'generate' (generator settings)");
        string? raster = null, crs = null;
        ReclassTable? reclass = null;
        LandUseGeneratorSpec? gen = null;
        if (hasRaster)
        {
            raster = ExistingFile(m, "raster", dir, "an existing ESRI ASCII grid (.asc) or GeoTIFF (.tif) of class codes");
            var ext = Path.GetExtension(raster).ToLowerInvariant();
            if (ext is not (".asc" or ".tif" or ".tiff"))
                throw new InvalidInputException(m.File, m.Place("raster"), Path.GetFileName(raster), "an ESRI ASCII grid (.asc) or a GeoTIFF (.tif, .tiff)");
            crs = m.OptionalString("crs");
            if (crs is not null) Io.Rasters.RasterCrs.FromName(crs, m.File, m.Place("crs"), "land_use.crs");
            if (m.Has("reclass")) reclass = ReclassTable.Read(ExistingFile(m, "reclass", dir, "an existing reclassification CSV (code,class)"), table, classesPath);
        }
        else
        {
            var g = m.RequireMap("generate");
            gen = new LandUseGeneratorSpec(
                g.Integer("seed", null, long.MinValue, long.MaxValue, "an integer seed"),
                ExistingFile(g, "cities", dir, "an existing cities CSV (id, province, centroid, population)"),
                ExistingFile(g, "targets", dir, "an existing land-use targets CSV"),
                ExistingFile(g, "green_space", dir, "an existing green-space CSV"),
                g.Number("urban_m2_per_person", 150, 10, 2000, "m2 of built-up land per inhabitant, in [10, 2000]"),
                g.Number("default_green_coverage_pct", 41, 0, 100, "a percentage in [0, 100]"));
            g.RejectUnknownKeys();
        }
        m.RejectUnknownKeys();
        return new LandUseSpec { ClassTablePath = classesPath, Classes = table, RasterPath = raster, RasterCrs = crs, Reclass = reclass, Generator = gen };
    }

    private static ClimateSpec ReadClimate(YamlMap m, string dir)
    {
        bool hasNormals = m.Has("normals"), hasMet = m.Has("met_files");
        if (hasNormals == hasMet)
            throw new InvalidInputException(m.File, $"{m.Path} (line {m.Node.Start.Line})", hasNormals ? "both 'normals' and 'met_files'" : "neither 'normals' nor 'met_files'",
                "exactly one of 'normals' (monthly normals CSV for the weather generator) or 'met_files' (BIOME-BGC met files per zone)");
        ClimateSpec spec;
        if (hasNormals)
        {
            spec = new ClimateSpec
            {
                NormalsPath = ExistingFile(m, "normals", dir, "an existing monthly normals CSV"),
                Seed = m.Integer("seed", null, long.MinValue, long.MaxValue, "an integer seed"),
                LapseRateKPerM = m.Number("lapse_rate_k_per_km", 6.5, 0, 15, "a lapse rate in K per km, in [0, 15]") / 1000.0,
            };
        }
        else
        {
            var mf = m.RequireMap("met_files");
            var b = ImmutableSortedDictionary.CreateBuilder<string, MetFileSpec>(StringComparer.Ordinal);
            foreach (var (zone, keyNode, value) in mf.Entries())
            {
                if (value is not YamlMappingNode vm)
                    throw new InvalidInputException(m.File, YamlMap.Place(mf.KeyPath(zone), keyNode), YamlMap.Describe(value), "a mapping with path, header_lines, elevation_m (and optional latitude)");
                var z = new YamlMap(m.File, mf.KeyPath(zone), vm);
                var spec1 = new MetFileSpec(
                    ExistingFile(z, "path", dir, "an existing BIOME-BGC met file"),
                    (int)z.Integer("header_lines", 4, 0, 1000, "a number of header lines in [0, 1000]"),
                    z.Number("elevation_m", null, -500, 9000, "an elevation in m, in [-500, 9000]"),
                    z.Has("latitude") ? z.Number("latitude", null, -90, 90, "degrees in [-90, 90]") : null);
                z.RejectUnknownKeys();
                b[zone] = spec1;
            }
            if (b.Count == 0) throw new InvalidInputException(m.File, $"{mf.Path} (line {mf.Node.Start.Line})", "an empty mapping", "at least one zone (a city id or '*')");
            spec = new ClimateSpec { MetFiles = b.ToImmutable(), Seed = m.Integer("seed", 0, long.MinValue, long.MaxValue, "an integer seed") };
        }
        m.RejectUnknownKeys();
        return spec;
    }

    private static Co2Spec ReadCo2(YamlMap m, string dir, int start, int end)
    {
        int modes = (m.Has("constant_ppm") ? 1 : 0) + (m.Has("trend") ? 1 : 0) + (m.Has("file") ? 1 : 0);
        if (modes != 1)
            throw new InvalidInputException(m.File, $"{m.Path} (line {m.Node.Start.Line})", $"{modes} of constant_ppm/trend/file", "exactly one of 'constant_ppm', 'trend' or 'file'");
        Co2Spec spec;
        if (m.Has("constant_ppm"))
            spec = new Co2Spec { Mode = Co2Mode.Constant, Ppm = m.Number("constant_ppm", null, 1, 5000, "a CO2 concentration in ppm, in [1, 5000]") };
        else if (m.Has("trend"))
        {
            var t = m.RequireMap("trend");
            spec = new Co2Spec
            {
                Mode = Co2Mode.Trend,
                Ppm = t.Number("ppm", null, 1, 5000, "a CO2 concentration in ppm, in [1, 5000]"),
                TrendStartYear = (int)t.Integer("year", start, 1000, 3000, "a calendar year"),
                PpmPerYear = t.Number("ppm_per_year", null, -100, 100, "a trend in ppm per year, in [-100, 100]"),
            };
            t.RejectUnknownKeys();
            foreach (var y in new[] { start, end })
                if (spec.PpmIn(y) <= 0)
                    throw new InvalidInputException(m.File, t.Place("ppm_per_year"), spec.PpmPerYear.ToString(CultureInfo.InvariantCulture), $"a trend keeping CO2 positive through {y}");
        }
        else
        {
            var path = ExistingFile(m, "file", dir, "an existing CO2 file (lines 'year ppm')");
            spec = new Co2Spec { Mode = Co2Mode.File, FilePath = path, FileValues = ReadYearValueFile(path, start, end) };
        }
        m.RejectUnknownKeys();
        return spec;
    }

    /// <summary>Reads a BIOME-BGC style annual file: one "year value" pair per line; must cover start..end.</summary>
    internal static ImmutableSortedDictionary<int, double> ReadYearValueFile(string path, int start, int end)
    {
        var b = ImmutableSortedDictionary.CreateBuilder<int, double>();
        var lines = File.ReadAllLines(path);
        for (int i = 0; i < lines.Length; i++)
        {
            var t = lines[i].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (t.Length == 0) continue;
            if (t.Length < 2 || !int.TryParse(t[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var year))
                throw new InvalidInputException(path, $"line {i + 1}", lines[i].Trim(), "'year value' (an integer year and a number)");
            if (!double.TryParse(t[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v) || v <= 0 || v > 5000)
                throw new InvalidInputException(path, $"line {i + 1}, year {year}", t[1], "a CO2 concentration in ppm, in (0, 5000]");
            if (!b.TryAdd(year, v))
                throw new InvalidInputException(path, $"line {i + 1}", year.ToString(CultureInfo.InvariantCulture), "each year once");
        }
        for (int y = start; y <= end; y++)
            if (!b.ContainsKey(y))
                throw new InvalidInputException(path, $"year {y}", "missing", $"a value for every simulated year {start}–{end}");
        return b.ToImmutable();
    }

    private static NitrogenSpec ReadNitrogen(YamlMap m)
    {
        // Configured in the field's unit g N m-2 a-1; held internally in kg N m-2 a-1.
        var dep = m.Number("g_n_per_m2_per_year", null, 0, 100, "N deposition in g N m-2 a-1, in [0, 100]");
        var fix = m.Number("fixation_g_n_per_m2_per_year", 0.4, 0, 100, "N fixation in g N m-2 a-1, in [0, 100]");
        m.RejectUnknownKeys();
        return new NitrogenSpec(dep / 1000.0, fix / 1000.0);
    }

    private static SoilSpec ReadSoil(YamlMap m)
    {
        var depth = m.Number("depth_m", 1.0, 0.01, 50, "a soil depth in m, in [0.01, 50]");
        var sand = m.Number("sand_pct", null, 0, 100, "a percentage in [0, 100]");
        var silt = m.Number("silt_pct", null, 0, 100, "a percentage in [0, 100]");
        var clay = m.Number("clay_pct", null, 0, 100, "a percentage in [0, 100]");
        var albedo = m.Number("albedo", 0.2, 0, 1, "an albedo in [0, 1]");
        if (Math.Abs(sand + silt + clay - 100) > 1e-6)
            throw new InvalidInputException(m.File, $"{m.Path} (line {m.Node.Start.Line})",
                $"sand {F(sand)} + silt {F(silt)} + clay {F(clay)} = {F(sand + silt + clay)}", "sand_pct + silt_pct + clay_pct = 100");
        m.RejectUnknownKeys();
        return new SoilSpec(depth, sand, silt, clay, albedo);
    }

    private static CalibrationSpec? ReadCalibration(YamlMap? m, string dir, IReadOnlySet<string> vegetationTypes)
    {
        if (m is null) return null;
        var parameters = ExistingFile(m, "parameters", dir, "an existing calibrated parameter CSV (docs/calibration.md)");
        var targets = m.Has("targets") ? ExistingFile(m, "targets", dir, "an existing calibration targets CSV (docs/calibration.md)") : null;
        m.RejectUnknownKeys();
        var set = CarbonSim.Model.Calibration.ParameterSet.Read(parameters, vegetationTypes);
        if (targets is not null)
        {
            var ids = CarbonSim.Model.Calibration.CalibrationTargets.Read(targets).Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var p in set.Values)
                if (p.TargetId.Length > 0 && !ids.Contains(p.TargetId))
                    throw new InvalidInputException(parameters, $"row '{p.Parameter}' for {string.Join(";", p.Vegetation)}, column 'target'", p.TargetId, $"a target id of {targets}");
        }
        return new CalibrationSpec(parameters, set, targets);
    }

    private static SpinupSpec ReadSpinup(YamlMap m, double startCo2, double nDepositionKg, HistorySpec? history = null)
    {
        var modeText = m.OptionalString("mode") ?? "accelerated";
        var mode = modeText switch
        {
            "accelerated" => SpinupMode.Accelerated,
            "standard" => SpinupMode.Standard,
            _ => throw new InvalidInputException(m.File, m.Place("mode"), modeText, "'accelerated' or 'standard'"),
        };
        var max = (int)m.Integer("max_years", 6000, 1, 100000, "a number of years in [1, 100000]");
        var co2 = m.Number("co2_ppm", startCo2, 1, 5000, "a CO2 concentration in ppm, in [1, 5000]");
        // Pre-industrial N deposition for the equilibrium (BIOME-BGC's RAMP_NDEP idea); default: the run's value.
        var ndepG = m.Number("n_deposition_g_n_per_m2_per_year", nDepositionKg * 1000, 0, 100, "N deposition in g N m-2 a-1, in [0, 100]");
        var standAge = (int)m.Integer("stand_age_years", 0, 0, 1000, "a stand age in years, in [0, 1000]");
        if (history is not null)
        {
            // With a history the spin-up is at the forcing of its first year; an explicit value must agree.
            double hCo2 = history.Co2Ppm[history.StartYear], hNdepG = history.NDepositionKg[history.StartYear] * 1000;
            if (m.Has("co2_ppm") && Math.Abs(co2 - hCo2) > 1e-6)
                throw new InvalidInputException(m.File, m.Place("co2_ppm"), co2.ToString(CultureInfo.InvariantCulture),
                    $"the history's CO2 in {history.StartYear} ({hCo2.ToString(CultureInfo.InvariantCulture)} ppm, {history.Co2Path}) or no value");
            if (m.Has("n_deposition_g_n_per_m2_per_year") && Math.Abs(ndepG - hNdepG) > 1e-6)
                throw new InvalidInputException(m.File, m.Place("n_deposition_g_n_per_m2_per_year"), ndepG.ToString(CultureInfo.InvariantCulture),
                    $"the history's N deposition in {history.StartYear} ({hNdepG.ToString(CultureInfo.InvariantCulture)} g N m-2 a-1, {history.NDepositionPath}) or no value");
            co2 = hCo2; ndepG = hNdepG;
        }
        m.RejectUnknownKeys();
        return new SpinupSpec(mode, max, co2, ndepG / 1000, standAge);
    }

    private static OutputSpec ReadOutputs(YamlMap? m, int start, int end)
    {
        if (m is null) return OutputSpec.Defaults(start, end);
        var vars = OutputSpec.DefaultVariables;
        var seq = m.OptionalSequence("variables");
        if (seq is not null)
        {
            var b = ImmutableArray.CreateBuilder<string>();
            foreach (var n in seq)
            {
                var v = YamlMap.Describe(n);
                string place = YamlMap.Place(m.KeyPath("variables"), n);
                if (OutputSpec.NotPerCell.TryGetValue(v, out var why))
                    throw new InvalidInputException(m.File, place, v, $"a variable the engine maps per cell ({string.Join(", ", OutputSpec.RasterVariables)}); {why}");
                if (!OutputSpec.RasterVariables.Contains(v))
                    throw new InvalidInputException(m.File, place, v, $"an output variable ({string.Join(", ", OutputSpec.RasterVariables)})");
                if (!b.Contains(v)) b.Add(v);
            }
            vars = b.ToImmutable();
        }
        ImmutableArray<int> years = [start, end];
        var ys = m.OptionalSequence("raster_years");
        if (ys is not null)
        {
            var b = ImmutableArray.CreateBuilder<int>();
            foreach (var n in ys)
            {
                var s = YamlMap.Describe(n);
                if (!int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var y) || y < start || y > end)
                    throw new InvalidInputException(m.File, YamlMap.Place(m.KeyPath("raster_years"), n), s, $"a simulated year in [{start}, {end}]");
                if (!b.Contains(y)) b.Add(y);
            }
            b.Sort();
            years = b.ToImmutable();
        }
        var fmt = m.OptionalString("raster_format") ?? "both";
        if (!OutputSpec.RasterFormats.Contains(fmt))
            throw new InvalidInputException(m.File, m.Place("raster_format"), fmt, "'asc' (ESRI ASCII grid + .prj), 'tif' (GeoTIFF + .tif.aux.xml) or 'both'");
        var spec = new OutputSpec(vars, years, fmt, m.Boolean("city_table", true), m.Boolean("city_geojson", true), m.Boolean("charts", true), m.Boolean("report", true));
        m.RejectUnknownKeys();
        return spec;
    }

    private static string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
}
