using System.Collections.Immutable;
using CarbonSim.Model.Climate;
using CarbonSim.Model.Parameters;
using CarbonSim.Model.Scenarios;
using NetTopologySuite.Geometries;

namespace CarbonSim.Model.Region;

/// <summary>
/// Everything the engine needs to lay out a run: the grid, the cities, every land cell with its
/// land use and surface columns, the tiles, the climate zones (met series + site) and the distinct
/// spin-ups. Built by <see cref="RegionBuilder.Build"/>; immutable.
/// </summary>
public sealed class RegionSetup
{
    public required Scenario Scenario { get; init; }
    public required GridDefinition Grid { get; init; }
    /// <summary>Cities sorted by id; <see cref="CityRegion.Index"/> is the position here.</summary>
    public required ImmutableArray<CityRegion> Cities { get; init; }
    /// <summary>Land cells (centre inside a city), row-major; <see cref="CellSetup.Id"/> is the position here.</summary>
    public required ImmutableArray<CellSetup> Cells { get; init; }
    /// <summary>Non-empty tiles in row-major tile order; <see cref="TileSetup.Index"/> is the position here.</summary>
    public required ImmutableArray<TileSetup> Tiles { get; init; }
    /// <summary>Climate zones sorted by key.</summary>
    public required ImmutableArray<ClimateZone> ClimateZones { get; init; }
    /// <summary>Distinct spin-ups sorted by key.</summary>
    public required ImmutableArray<SpinupSetup> Spinups { get; init; }
    /// <summary>How a <c>land_use.raster</c> was read (file, CRS, pixels, aggregation, largest class-count deviation), or null for a generated map.</summary>
    public string? LandUseSource { get; init; }
    /// <summary>The size estimate checked before the grid was laid out (null when built by hand in tests).</summary>
    public Safety.RunSize? Size { get; init; }

    public ClimateZone Zone(string key) => ClimateZones.First(z => z.Key == key);
    public SpinupSetup Spinup(string key) => Spinups.First(s => s.Key == key);

    /// <summary>[ppm] Atmospheric CO2 in a calendar year.</summary>
    public double Co2Ppm(int year) => Scenario.Co2.PpmIn(year);

    /// <summary>[m2] Total grid area of a city's cells, summed in cell order.</summary>
    public double CityGridAreaM2(int cityIndex)
    {
        double s = 0;
        foreach (var c in Cells) if (c.CityIndex == cityIndex) s += c.AreaM2;
        return s;
    }

    /// <summary>[-] Area share of each land-use class over all cells (or one city), by class name.</summary>
    public ImmutableSortedDictionary<string, double> ClassShares(int? cityIndex = null)
    {
        var area = new SortedDictionary<string, double>(StringComparer.Ordinal);
        double total = 0;
        foreach (var c in Cells)
        {
            if (cityIndex is int ci && c.CityIndex != ci) continue;
            area[c.LandUseClass] = area.GetValueOrDefault(c.LandUseClass) + c.AreaM2;
            total += c.AreaM2;
        }
        return area.ToImmutableSortedDictionary(kv => kv.Key, kv => total > 0 ? kv.Value / total : 0, StringComparer.Ordinal);
    }
}

/// <summary>A city of the region.</summary>
/// <param name="PolygonAreaM2">[m2] Area of the boundary polygon (equal-area projection).</param>
/// <param name="Boundary">Boundary in lon/lat degrees (for output GeoJSON).</param>
/// <param name="Repair">Null, or the repair applied to an invalid boundary (region.repair_invalid).</param>
public sealed record CityRegion(int Index, string Id, string Name, double PolygonAreaM2, int CellCount, Geometry Boundary, string? Repair = null);

/// <summary>
/// One grid cell. Surface = vegetated columns + sealed + bare + water, fractions summing to 1.
/// Cells sharing a class and a zone share the same <see cref="Columns"/> instance.
/// </summary>
/// <param name="Id">Dense cell id (row-major order over land cells).</param>
/// <param name="Row">Grid row (0 = north).</param>
/// <param name="Col">Grid column (0 = west).</param>
/// <param name="CityIndex">Index into <see cref="RegionSetup.Cities"/>.</param>
/// <param name="Lon">[degrees E] Cell centre longitude.</param>
/// <param name="Lat">[degrees N] Cell centre latitude.</param>
/// <param name="AreaM2">[m2] Cell area.</param>
/// <param name="LandUseClass">Class name (see the class table).</param>
/// <param name="LandUseCode">Class code (as in rasters).</param>
/// <param name="SealedFraction">[-] Sealed surface share.</param>
/// <param name="BareFraction">[-] Bare soil/rock share.</param>
/// <param name="WaterFraction">[-] Open water share.</param>
/// <param name="ClimateZone">Key of the cell's climate zone.</param>
/// <param name="TileIndex">Index into <see cref="RegionSetup.Tiles"/>.</param>
public sealed record CellSetup(int Id, int Row, int Col, int CityIndex, string CityId, double Lon, double Lat, double AreaM2,
    string LandUseClass, int LandUseCode, ImmutableArray<CellColumn> Columns, double SealedFraction, double BareFraction, double WaterFraction,
    string ClimateZone, SoilSpec Soil, int TileIndex);

/// <summary>One vegetated column of a cell.</summary>
/// <param name="Fraction">[-] Share of the cell's area.</param>
/// <param name="SpinupKey">Key of the spin-up that initialises this column (see <see cref="RegionSetup.Spinups"/>).</param>
public sealed record CellColumn(string VegetationType, double Fraction, string SpinupKey)
{
    /// <summary>[a] Calendar year the column's stand was cleared during the history (its age cohort); 0 = never.</summary>
    public int ClearingYear { get; init; }
    /// <summary>Inventory age class of the cohort (scenario <c>forest_age</c>), or empty.</summary>
    public string AgeClass { get; init; } = "";
}

/// <summary>A block of cells run by one tile grain.</summary>
/// <param name="CellIds">Ids of the tile's land cells, ascending.</param>
public sealed record TileSetup(int Index, int TileRow, int TileCol, ImmutableArray<int> CellIds);

/// <summary>A climate zone: a met series and the site constants that go with it.</summary>
/// <param name="Key">Zone key (a city id).</param>
/// <param name="Label">Human-readable name (city and station).</param>
/// <param name="Source">Where the forcing comes from, e.g. "verified normals" or the derivation rule.</param>
/// <param name="Site">Site constants (soil, elevation, latitude, albedo, N inputs) for this zone.</param>
public sealed record ClimateZone(string Key, string Label, string Source, MetSeries Met, SiteParameters Site);

/// <summary>
/// One distinct spin-up: a vegetation type in a climate zone. <see cref="Key"/> is the SHA-256 (hex) of the
/// .epc values, site constants, met series, spin-up CO2, N inputs and spin-up mode (<see cref="SpinupKeys"/>).
/// </summary>
/// <param name="Co2Ppm">[ppm] Constant CO2 during spin-up.</param>
public sealed record SpinupSetup(string Key, string VegetationType, string EpcPath, string ClimateZone, SiteParameters Site, double Co2Ppm, SpinupMode Mode, int MaxYears)
{
    /// <summary>[a] Calendar year the stand is cleared during the history; 0 = never.</summary>
    public int ClearingYear { get; init; }
}
