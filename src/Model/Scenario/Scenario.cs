using System.Collections.Immutable;

namespace CarbonSim.Model.Scenarios;

/// <summary>
/// One validated, immutable scenario: everything named by a scenario file (docs/scenario.md), with
/// every path resolved to a full path (relative paths are relative to the scenario file) and every
/// table it names already read and checked. Built only by <see cref="ScenarioLoader.Load"/>.
/// The namespace is <c>Scenarios</c> (plural) so that the type name does not collide with it.
/// </summary>
public sealed record Scenario
{
    /// <summary>Full path of the scenario file.</summary>
    public required string SourcePath { get; init; }
    /// <summary>[hex] SHA-256 of the scenario file's bytes (for manifests).</summary>
    public required string FileHash { get; init; }
    public required string Name { get; init; }
    /// <summary>Scenario format version (currently 1).</summary>
    public required int Version { get; init; }
    /// <summary>[a] First simulated calendar year (inclusive).</summary>
    public required int StartYear { get; init; }
    /// <summary>[a] Last simulated calendar year (inclusive).</summary>
    public required int EndYear { get; init; }
    public int YearCount => EndYear - StartYear + 1;

    /// <summary>
    /// The scenario at another resolution (the CLI's <c>--resolution</c>), checked by the same rule as
    /// <c>grid.resolution_km</c>; <paramref name="place"/> names the override in the error.
    /// </summary>
    public Scenario WithResolution(double km, string place = "--resolution") =>
        double.IsFinite(km) && km >= GridSettings.MinResolutionKm && km <= GridSettings.MaxResolutionKm
            ? this with { Grid = Grid with { ResolutionKm = km } }
            : throw new InvalidInputException("command line", place, km.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"{GridSettings.ResolutionRule} and <= {GridSettings.MaxResolutionKm} (the rule of grid.resolution_km)");

    public required RegionSpec Region { get; init; }
    public required GridSettings Grid { get; init; }
    public required LandUseSpec LandUse { get; init; }
    /// <summary>Cropland management (crop calendar; its rotations are also in <see cref="Vegetation"/>), or null.</summary>
    public ManagementSpec? Management { get; init; }
    /// <summary>Vegetation types by name (e.g. "dbf"), each with its .epc file.</summary>
    public required ImmutableSortedDictionary<string, VegetationSpec> Vegetation { get; init; }
    public required ClimateSpec Climate { get; init; }
    public required Co2Spec Co2 { get; init; }
    public required NitrogenSpec Nitrogen { get; init; }
    public required SoilSpec Soil { get; init; }
    public required SpinupSpec Spinup { get; init; }
    public required OutputSpec Outputs { get; init; }

    /// <summary>Land-use change (demand + allocation), or null: the map stays as it is (the baseline behaviour).</summary>
    public LandUseChangeSpec? LandUseChange { get; init; }
    /// <summary>Carbon rules of conversions; set exactly when <see cref="LandUseChange"/> is.</summary>
    public ConversionCarbonSpec? ConversionCarbon { get; init; }
    /// <summary>Green-space targets overriding the land-use demand, or null.</summary>
    public GreenSpaceSpec? GreenSpace { get; init; }
    /// <summary>City emission inventory and GDP, or null (no budgets).</summary>
    public EmissionsSpec? Emissions { get; init; }
    /// <summary>Compensation scheme, or null (no budgets); when set, <see cref="Emissions"/> is set too.</summary>
    public CompensationSpec? Compensation { get; init; }
    /// <summary>Calibrated parameters applied to the vegetation types, and the targets they were fitted to (docs/calibration.md), or null.</summary>
    public CalibrationSpec? Calibration { get; init; }
    /// <summary>Observations to compare the run with (<c>validation</c>), or null: no comparison.</summary>
    public ValidationSpec? Validation { get; init; }
    /// <summary>Historical transient between the spin-up and the first year, or null (the spin-up state starts the run, as before).</summary>
    public HistorySpec? History { get; init; }
    /// <summary>Forest age cohorts (needs <see cref="History"/>), or null.</summary>
    public ForestAgeSpec? ForestAge { get; init; }
}

/// <summary>The <c>validation</c> section: the references file (docs/validation.md), read and checked at load.</summary>
/// <param name="ReferencesPath">Absolute path of the references CSV.</param>
/// <param name="References">Its rows.</param>
public sealed record ValidationSpec(string ReferencesPath, CarbonSim.Model.Output.ReferenceTable References);

/// <summary>City boundaries: a GeoJSON FeatureCollection of Polygon/MultiPolygon features in lon/lat degrees.</summary>
/// <param name="RepairInvalid">Repair invalid polygons whose repair changes their area by at most 0.1% (see CityBoundaries).</param>
public sealed record RegionSpec(string BoundariesPath, string IdProperty, string NameProperty, bool RepairInvalid)
{
    /// <summary><c>region.crs</c>: "EPSG:&lt;code&gt;" of the boundaries' coordinates, or null (the file's own CRS, else lon/lat WGS84).</summary>
    public string? Crs { get; init; }
}

/// <summary>The simulation grid as the scenario asks for it (cell size, tiles, projection); the laid-out grid of a run
/// is <see cref="Region.GridDefinition"/>, and a raster's georeferencing <see cref="Output.GridSpec"/>.</summary>
/// <param name="ResolutionKm">[km] Cell edge length (≥ 1).</param>
/// <param name="TileSize">[cells] Edge of a square tile (cells per tile = TileSize²).</param>
/// <param name="Projection">Equal-area projection the grid is laid out in.</param>
public sealed record GridSettings(double ResolutionKm, int TileSize, AlbersProjectionSpec Projection)
{
    /// <summary>[m] Cell edge length.</summary>
    public double ResolutionM => ResolutionKm * 1000.0;

    /// <summary>[km] Finest and coarsest cell edge accepted, from <c>grid.resolution_km</c> or <c>--resolution</c> alike.</summary>
    public const double MinResolutionKm = 1, MaxResolutionKm = 1000;
    /// <summary>The resolution rule as error messages state it.</summary>
    public const string ResolutionRule = "a cell size in km, >= 1";
}

/// <summary>
/// Albers equal-area conic on the WGS84 ellipsoid (Snyder 1987, "Map Projections: A Working Manual",
/// USGS PP 1395, eqs. 14-1 to 14-21). Default: the common "China Albers" parameters
/// (central meridian 105° E, standard parallels 25° N and 47° N, origin latitude 0°, no false easting/northing).
/// </summary>
/// <param name="CentralMeridian">[degrees E]</param>
/// <param name="LatitudeOfOrigin">[degrees N]</param>
/// <param name="StandardParallel1">[degrees N]</param>
/// <param name="StandardParallel2">[degrees N]</param>
public sealed record AlbersProjectionSpec(double CentralMeridian, double LatitudeOfOrigin, double StandardParallel1, double StandardParallel2)
{
    public static AlbersProjectionSpec ChinaAlbers { get; } = new(105.0, 0.0, 25.0, 47.0);
}

/// <summary>Where the base land-use map comes from, and what each class means.</summary>
public sealed record LandUseSpec
{
    /// <summary>Full path of the class table (class → vegetation mix + sealed share), already read.</summary>
    public required string ClassTablePath { get; init; }
    public required LandUseClassTable Classes { get; init; }
    /// <summary>ESRI ASCII grid or GeoTIFF of class codes, or null when the map is generated.</summary>
    public string? RasterPath { get; init; }
    /// <summary><c>land_use.crs</c>: "EPSG:&lt;code&gt;" of a raster that declares no CRS itself, or null.</summary>
    public string? RasterCrs { get; init; }
    /// <summary><c>land_use.reclass</c>: the raster's product codes mapped to classes, or null when the raster holds class-table codes.</summary>
    public ReclassTable? Reclass { get; init; }
    /// <summary>Generator settings, or null when a raster is given.</summary>
    public LandUseGeneratorSpec? Generator { get; init; }
}

/// <summary>Settings of the synthetic Jing-Jin-Ji land-use generator (docs/data.md).</summary>
/// <param name="Seed">Root seed of every random stream of the generator.</param>
/// <param name="CitiesPath">cities.csv: centroid lon/lat, province and population per city id.</param>
/// <param name="TargetsPath">Per-province class shares the generator allocates to.</param>
/// <param name="GreenSpacePath">green_space.csv: built-up green coverage per city, where known.</param>
/// <param name="UrbanAreaPerPersonM2">[m2 person-1] Built-up area per inhabitant used to size each city's urban core.</param>
/// <param name="DefaultGreenCoveragePct">[%] Green coverage of built-up land for cities without a figure.</param>
public sealed record LandUseGeneratorSpec(long Seed, string CitiesPath, string TargetsPath, string GreenSpacePath,
    double UrbanAreaPerPersonM2, double DefaultGreenCoveragePct);

/// <summary>One vegetation type: its name, its parameter file (.epc, or the named YAML twin) and the parameters read from it.</summary>
public sealed record VegetationSpec(string Name, string EpcPath, CarbonSim.Model.Parameters.EcophysParameters Parameters);

/// <summary>Climate forcing: either monthly normals driving the weather generator, or BIOME-BGC met files per zone.</summary>
public sealed record ClimateSpec
{
    /// <summary>Full path of the normals CSV (data/jjj/climate_normals.csv layout), or null.</summary>
    public string? NormalsPath { get; init; }
    /// <summary>Root seed of the weather generator (streams derive from seed, zone and year).</summary>
    public long Seed { get; init; }
    /// <summary>[K m-1] Temperature lapse rate used when deriving normals for stations without values.</summary>
    public double LapseRateKPerM { get; init; } = 0.0065;
    /// <summary>Met files by zone key (city id, or "*" for all other cities), or empty.</summary>
    public ImmutableSortedDictionary<string, MetFileSpec> MetFiles { get; init; } = ImmutableSortedDictionary<string, MetFileSpec>.Empty;
    public bool UsesGenerator => NormalsPath is not null;
}

/// <summary>A BIOME-BGC met file (.mtc41/.mtc43) for one climate zone.</summary>
/// <param name="HeaderLines">Number of header lines before the daily records.</param>
/// <param name="ElevationM">[m] Site elevation of the met record.</param>
/// <param name="Latitude">[degrees N] Site latitude of the met record; null = mean latitude of the zone's cells.</param>
public sealed record MetFileSpec(string Path, int HeaderLines, double ElevationM, double? Latitude);

/// <summary>Atmospheric CO2 by year.</summary>
public sealed record Co2Spec
{
    public required Co2Mode Mode { get; init; }
    /// <summary>[ppm] Constant value, or the value in <see cref="TrendStartYear"/> for a trend.</summary>
    public double Ppm { get; init; }
    /// <summary>[ppm a-1] Linear trend.</summary>
    public double PpmPerYear { get; init; }
    /// <summary>[a] Year in which the trend equals <see cref="Ppm"/>.</summary>
    public int TrendStartYear { get; init; }
    /// <summary>Full path of a "year ppm" file, or null.</summary>
    public string? FilePath { get; init; }
    /// <summary>[ppm] Value per year for years found in the file.</summary>
    public ImmutableSortedDictionary<int, double> FileValues { get; init; } = ImmutableSortedDictionary<int, double>.Empty;

    /// <summary>[ppm] CO2 in a calendar year.</summary>
    public double PpmIn(int year) => Mode switch
    {
        Co2Mode.Constant => Ppm,
        Co2Mode.Trend => Ppm + PpmPerYear * (year - TrendStartYear),
        _ => FileValues.TryGetValue(year, out var v) ? v : throw new ArgumentOutOfRangeException(nameof(year), $"no CO2 value for {year} in {FilePath}"),
    };
}

public enum Co2Mode { Constant, Trend, File }

/// <summary>Nitrogen inputs.</summary>
/// <param name="DepositionKgPerM2PerYear">[kgN m-2 a-1] Wet + dry N deposition (constant over the run).</param>
/// <param name="FixationKgPerM2PerYear">[kgN m-2 a-1] Symbiotic + asymbiotic N fixation.</param>
public sealed record NitrogenSpec(double DepositionKgPerM2PerYear, double FixationKgPerM2PerYear);

/// <summary>Soil physical constants applied to every cell.</summary>
/// <param name="DepthM">[m] Effective soil depth.</param>
/// <param name="SandPct">[%] Sand.</param>
/// <param name="SiltPct">[%] Silt.</param>
/// <param name="ClayPct">[%] Clay (sand + silt + clay = 100).</param>
/// <param name="Albedo">[-] Shortwave albedo.</param>
public sealed record SoilSpec(double DepthM, double SandPct, double SiltPct, double ClayPct, double Albedo);

public enum SpinupMode { Accelerated, Standard }

/// <summary>Spin-up settings.</summary>
/// <param name="MaxYears">[a] Maximum spin-up years.</param>
/// <param name="Co2Ppm">[ppm] Constant CO2 during spin-up (default: the CO2 of the start year).</param>
public sealed record SpinupSpec(SpinupMode Mode, int MaxYears, double Co2Ppm, double NDepositionKgPerM2PerYear, int StandAgeYears = 0);

/// <summary>What the run should write (docs/scenario.md, <c>outputs</c>; the output writer honours it through <see cref="Output.OutputSelection"/>).</summary>
/// <param name="Variables">Variables written as per-cell rasters, in this order (names from <see cref="OutputSpec.RasterVariables"/>). The annual tables always hold every variable.</param>
/// <param name="RasterYears">[a] Years for which per-cell rasters are written.</param>
/// <param name="RasterFormat">"asc" (ESRI ASCII grid + .prj), "tif" (GeoTIFF + .tif.aux.xml) or "both".</param>
/// <param name="CityTable">Write cities_annual.csv.</param>
/// <param name="CityGeoJson">Write cities.geojson.</param>
/// <param name="Charts">Draw the PNG charts and map.</param>
/// <param name="Report">Write report.html.</param>
public sealed record OutputSpec(ImmutableArray<string> Variables, ImmutableArray<int> RasterYears, string RasterFormat,
    bool CityTable, bool CityGeoJson, bool Charts, bool Report)
{
    /// <summary>Variables the engine carries per cell and can map: annual fluxes (gpp, npp, nep, nbp, rh) and end-of-year stocks.</summary>
    public static ImmutableArray<string> RasterVariables { get; } = ["gpp", "npp", "nep", "nbp", "rh", "vegc", "litrc", "soilc", "totalc"];

    /// <summary>Names a modeller may expect from BIOME-BGC that the engine does not keep per cell (rejected with this reason).</summary>
    public static IReadOnlyDictionary<string, string> NotPerCell { get; } = new Dictionary<string, string>
    {
        ["ra"] = "autotrophic respiration is not kept per cell (GPP − NPP: map gpp and npp)",
        ["er"] = "ecosystem respiration is not kept per cell (GPP − NEP: map gpp and nep)",
        ["cwdc"] = "coarse woody debris is kept within litrc",
        ["lai"] = "leaf area index is not kept per cell",
        ["et"] = "evapotranspiration is not kept per cell",
    };

    /// <summary>The rasters written when <c>outputs.variables</c> is not given: total carbon and NPP.</summary>
    public static ImmutableArray<string> DefaultVariables { get; } = ["totalc", "npp"];

    /// <summary>Accepted values of <c>outputs.raster_format</c>.</summary>
    public static ImmutableArray<string> RasterFormats { get; } = ["asc", "tif", "both"];

    /// <summary>Everything, as a run without an <c>outputs</c> section writes it.</summary>
    public static OutputSpec Defaults(int start, int end) => new(DefaultVariables, [start, end], "both", true, true, true, true);

    /// <summary>Which files the writer writes.</summary>
    public Output.OutputSelection Selection => new()
    {
        CityTable = CityTable, CityGeoJson = CityGeoJson, Charts = Charts, Report = Report,
        Asc = RasterFormat is "asc" or "both", GeoTiff = RasterFormat is "tif" or "both",
    };
}

/// <summary>
/// The scenario's <c>calibration</c> section: the calibrated parameter file applied to the vegetation types' .epc
/// values, and (optional) the targets file <c>carbonsim calibrate</c> fits it to.
/// </summary>
public sealed record CalibrationSpec(string ParametersPath, CarbonSim.Model.Calibration.ParameterSet Parameters, string? TargetsPath);

/// <summary>The scenario's <c>management:</c> section: the crop-calendar CSV and the rotation names it defines.</summary>
/// <param name="CropCalendarPath">Full path of the crop-calendar CSV.</param>
/// <param name="Rotations">Rotation names (vegetation types of the scenario).</param>
/// <param name="CropPractices">Changes of crop practice by city from a year on (<c>management.crop_practices</c>), in file order; empty = the calendar's practice.</param>
public sealed record ManagementSpec(string CropCalendarPath, IReadOnlyList<string> Rotations, IReadOnlyList<CropPracticeRule>? CropPractices = null)
{
    /// <summary>Full path of the urban-green practice CSV (<c>management.urban_green</c>), or null: urban green unmanaged.</summary>
    public string? UrbanGreenPath { get; init; }
    /// <summary>Full path of the forest-harvest CSV (<c>management.forest_harvest</c>), or null: forests not harvested.</summary>
    public string? ForestHarvestPath { get; init; }
}

/// <summary>One entry of <c>management.crop_practices</c> (docs/scenario.md).</summary>
/// <param name="Change">What changes and from which year.</param>
/// <param name="CityIds">The cities it applies to; empty = every city.</param>
/// <param name="Place">Where it is written (file and key path with line), for messages.</param>
public sealed record CropPracticeRule(CarbonSim.Model.Management.PracticeChange Change, IReadOnlyList<string> CityIds, string File, string Place);
