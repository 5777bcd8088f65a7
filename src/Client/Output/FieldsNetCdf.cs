using CarbonSim.Model.Io.Formats;
using CarbonSim.Model.Io.Rasters;
using CarbonSim.Model.Output;
using static CarbonSim.Model.Io.Formats.NetCdfClassic;

namespace CarbonSim.Client.Output;

/// <summary>
/// Every per-cell layer of a run in one netCDF-CF file, <c>rasters/fields.nc</c> (netCDF classic, CF-1.8): dimensions
/// <c>time</c> (the raster years), <c>y</c> (north to south, as the grids) and <c>x</c>; one variable per layer kind
/// (<c>total_c</c>, <c>npp</c>, …) over (time, y, x) in the report unit, −9999 where there is no data or the
/// layer was not written for a year; projected x/y in metres with 2-D <c>lat</c>/<c>lon</c> of every cell centre,
/// and a <c>crs</c> grid mapping (<see cref="CfGridMapping"/>). Opened by xarray (<c>xr.open_dataset</c>), GDAL and
/// QGIS (docs/outputs.md).
/// </summary>
public static class FieldsNetCdf
{
    /// <summary>File name inside <c>rasters/</c>.</summary>
    public const string FileName = "fields.nc";

    /// <summary>[days] Time origin of the <c>time</c> axis.</summary>
    private static readonly DateTime Epoch = new(1900, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private const float Fill = -9999f;

    /// <summary>CF (UDUNITS) spelling of a report unit; "C" would read as coulomb and "a" as are, so carbon is named in long_name.</summary>
    private static string CfUnit(string reportUnit) => reportUnit switch
    {
        "t C ha-1" => "t ha-1",
        "g C m-2 a-1" => "g m-2 yr-1",
        "class code" or "code" => "1",
        _ => reportUnit,
    };

    private static string Describe(string stem) => stem switch
    {
        "total_c" => "total ecosystem carbon (vegetation + litter + soil) at the end of the year",
        "veg_c" => "vegetation carbon at the end of the year",
        "litter_c" => "litter carbon (incl. coarse woody debris) at the end of the year",
        "soil_c" => "soil carbon at the end of the year",
        "npp" => "net primary production, sum over the year",
        "gpp" => "gross primary production, sum over the year",
        "nep" => "net ecosystem production, sum over the year (positive = sink)",
        "nbp" => "net biome production, sum over the year (positive = sink)",
        "rh" => "heterotrophic respiration, sum over the year",
        "land_use" => "land-use class code at the end of the year (codes of the class table)",
        _ => stem,
    };

    /// <summary>Writes <c>fields.nc</c> into <paramref name="directory"/>; returns its file name.</summary>
    public static string Write(string directory, GridSpec grid, IReadOnlyList<RasterLayer> layers, RunResults r)
    {
        grid.Validate();
        int rows = grid.Rows, cols = grid.Cols, n = grid.CellCount;
        // City code (static) apart; every other layer "<stem>_<year>" into its variable.
        var timed = layers.Where(l => l.Name != OutputWriter.CityCodeLayer).ToList();
        var years = timed.Select(l => l.Year).Distinct().Order().ToArray();
        string Stem(RasterLayer l) => l.Name.EndsWith("_" + l.Year, StringComparison.Ordinal) ? l.Name[..^(l.Year.ToString(System.Globalization.CultureInfo.InvariantCulture).Length + 1)] : l.Name;

        var mapping = CfGridMapping.FromWkt(grid.CrsWkt);
        bool geographic = grid.IsGeographic && mapping is not null;
        var vars = new List<Var>();
        var dims = new List<(string, int)> { ("time", years.Length), ("y", rows), ("x", cols), ("nv", 2) };

        double Day(DateTime t) => (t - Epoch).TotalDays;
        var time = years.Select(y => (Day(new DateTime(y, 1, 1, 0, 0, 0, DateTimeKind.Utc)) + Day(new DateTime(y + 1, 1, 1, 0, 0, 0, DateTimeKind.Utc))) / 2).ToArray();
        var bounds = years.SelectMany(y => new[] { Day(new DateTime(y, 1, 1, 0, 0, 0, DateTimeKind.Utc)), Day(new DateTime(y + 1, 1, 1, 0, 0, 0, DateTimeKind.Utc)) }).ToArray();
        vars.Add(new Var("time", ["time"], NcType.Double, time, [Attr.Text("standard_name", "time"), Attr.Text("long_name", "middle of the simulated year"),
            Attr.Text("units", "days since 1900-01-01 00:00:00"), Attr.Text("calendar", "proleptic_gregorian"), Attr.Text("axis", "T"), Attr.Text("bounds", "time_bnds")]));
        vars.Add(new Var("time_bnds", ["time", "nv"], NcType.Double, bounds, []));
        vars.Add(new Var("year", ["time"], NcType.Int, years, [Attr.Text("long_name", "calendar year"), Attr.Text("units", "1")]));

        var x = Enumerable.Range(0, cols).Select(c => grid.CellCentre(0, c).X).ToArray();
        var y = Enumerable.Range(0, rows).Select(rw => grid.CellCentre(rw, 0).Y).ToArray();
        if (geographic)
        {
            vars.Add(new Var("x", ["x"], NcType.Double, x, [Attr.Text("standard_name", "longitude"), Attr.Text("long_name", "longitude of cell centre"), Attr.Text("units", "degrees_east"), Attr.Text("axis", "X")]));
            vars.Add(new Var("y", ["y"], NcType.Double, y, [Attr.Text("standard_name", "latitude"), Attr.Text("long_name", "latitude of cell centre"), Attr.Text("units", "degrees_north"), Attr.Text("axis", "Y")]));
        }
        else
        {
            string unit = mapping is null ? "1" : "m";
            vars.Add(new Var("x", ["x"], NcType.Double, x, [Attr.Text("standard_name", "projection_x_coordinate"), Attr.Text("long_name", "x of cell centre"), Attr.Text("units", unit), Attr.Text("axis", "X")]));
            vars.Add(new Var("y", ["y"], NcType.Double, y, [Attr.Text("standard_name", "projection_y_coordinate"), Attr.Text("long_name", "y of cell centre"), Attr.Text("units", unit), Attr.Text("axis", "Y")]));
        }
        string? coordinates = null;
        if (mapping is not null && !geographic && RasterCrs.FromWkt(grid.CrsWkt, "grid", "run grid").ToLonLat() is { } toLonLat)
        {
            var lat = new double[n]; var lon = new double[n];
            for (int rw = 0; rw < rows; rw++)
                for (int c = 0; c < cols; c++)
                {
                    var (cx, cy) = grid.CellCentre(rw, c);
                    (lon[grid.Index(rw, c)], lat[grid.Index(rw, c)]) = toLonLat(cx, cy);
                }
            vars.Add(new Var("lat", ["y", "x"], NcType.Double, lat, [Attr.Text("standard_name", "latitude"), Attr.Text("units", "degrees_north")]));
            vars.Add(new Var("lon", ["y", "x"], NcType.Double, lon, [Attr.Text("standard_name", "longitude"), Attr.Text("units", "degrees_east")]));
            coordinates = "lat lon";
        }
        if (mapping is not null) vars.Add(new Var("crs", [], NcType.Int, new[] { 0 }, mapping));

        List<Attr> Placed(List<Attr> a)
        {
            if (mapping is not null) a.Add(Attr.Text("grid_mapping", "crs"));
            if (coordinates is not null) a.Add(Attr.Text("coordinates", coordinates));
            return a;
        }
        foreach (var group in timed.GroupBy(Stem))
        {
            var (unit, _, factor) = OutputColumns.RasterUnit(group.First().Unit);
            var v = new float[years.Length * n];
            Array.Fill(v, Fill);
            foreach (var layer in group)
            {
                int t = Array.IndexOf(years, layer.Year);
                for (int k = 0; k < n; k++)
                    if (double.IsFinite(layer.Values[k])) v[t * n + k] = (float)(layer.Values[k] * factor);
            }
            vars.Add(new Var(group.Key, ["time", "y", "x"], NcType.Float, v, Placed([Attr.Text("long_name", $"{Describe(group.Key)} [{unit}]"),
                Attr.Text("units", CfUnit(unit)), Attr.Floats("_FillValue", Fill)])));
        }
        if (layers.FirstOrDefault(l => l.Name == OutputWriter.CityCodeLayer) is { } city)
            vars.Add(new Var("city_code", ["y", "x"], NcType.Int, city.Values.Select(c => double.IsFinite(c) ? (int)c : (int)Fill).ToArray(),
                Placed([Attr.Text("long_name", "GB/T 2260 code of the cell's city (city_id of cities_annual.csv)"), Attr.Text("units", "1"), Attr.Ints("_FillValue", (int)Fill)])));

        var global = new List<Attr>
        {
            Attr.Text("Conventions", "CF-1.8"),
            Attr.Text("title", $"CarbonSim per-cell fields — {r.ScenarioName}"),
            Attr.Text("source", $"CarbonSim {Model.EngineInfo.Version}"),
            Attr.Text("scenario_sha256", r.ScenarioSha256),
            Attr.Text("comment", "Pools at the end of each year, fluxes summed over the year; cells outside every city are _FillValue. Tables and units: docs/outputs.md."),
        };
        NetCdfClassic.Write(Path.Combine(directory, FileName), new Dataset(dims, global, vars));
        return FileName;
    }
}
