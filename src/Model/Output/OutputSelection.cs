namespace CarbonSim.Model.Output;

/// <summary>
/// Which files of a run folder are written (a scenario's <c>outputs</c> switches, docs/scenario.md). The annual
/// region table, the budget tables and <c>manifest.json</c> are always written; the manifest lists exactly the
/// files that were.
/// </summary>
public sealed record OutputSelection
{
    /// <summary>Everything (a scenario without an <c>outputs</c> section).</summary>
    public static OutputSelection All { get; } = new();

    /// <summary><c>cities_annual.csv</c>.</summary>
    public bool CityTable { get; init; } = true;
    /// <summary><c>cities.geojson</c>.</summary>
    public bool CityGeoJson { get; init; } = true;
    /// <summary>The PNG charts and map.</summary>
    public bool Charts { get; init; } = true;
    /// <summary><c>report.html</c>.</summary>
    public bool Report { get; init; } = true;
    /// <summary>Rasters as ESRI ASCII grids (<c>.asc</c> + <c>.prj</c>).</summary>
    public bool Asc { get; init; } = true;
    /// <summary>Rasters as GeoTIFF (<c>.tif</c> + <c>.tif.aux.xml</c>).</summary>
    public bool GeoTiff { get; init; } = true;
    /// <summary>Every raster layer also in one netCDF-CF file (<c>rasters/fields.nc</c>).</summary>
    public bool NetCdf { get; init; } = true;
}
