using System.Globalization;
using CarbonSim.Model.Region;
using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;

namespace CarbonSim.Model.Io.Rasters;

/// <summary>
/// The coordinate reference system of a raster or vector input, as a ProjNET coordinate system, with a label
/// saying what it is and where it came from (e.g. "EPSG:32650 (GeoTIFF GeoKeys)"). Built from an EPSG code
/// (the codes in <see cref="FromEpsg"/>), a WKT (<c>.prj</c>), or GeoTIFF GeoKeys (<see cref="GeoKeys"/>).
/// Transforms to the simulation grid's Albers through WGS84 lon/lat: ProjNET for the source side, the
/// grid's own <see cref="AlbersEqualArea"/> for the last step, so a point on the grid is where the grid puts it.
/// </summary>
public sealed class RasterCrs
{
    /// <summary>The ProjNET coordinate system.</summary>
    public CoordinateSystem System { get; }
    /// <summary>What it is and where it came from, for messages and reports.</summary>
    public string Label { get; }
    /// <summary>True for lon/lat (degrees) coordinates.</summary>
    public bool IsGeographic => System is GeographicCoordinateSystem;

    /// <summary>The WKT it was built from (an EPSG code's WKT1, the .prj text, or the WKT made from GeoKeys).</summary>
    public string Wkt { get; }

    private RasterCrs(CoordinateSystem system, string label, string wkt) { System = system; Label = label; Wkt = wkt.Trim(); }

    private const string Wgs84Geogcs = "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563]],PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]]";
    /// <summary>CGCS2000 (EPSG:4490): GRS80-like ellipsoid (1/f = 298.257222101), datum within centimetres of WGS84 (zero shift).</summary>
    private const string Cgcs2000Geogcs = "GEOGCS[\"China Geodetic Coordinate System 2000\",DATUM[\"China_2000\",SPHEROID[\"CGCS2000\",6378137,298.257222101],TOWGS84[0,0,0,0,0,0,0]],PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]]";

    private static string Tm(string name, string geogcs, double lon0, double k0, double fe) =>
        FormattableString.Invariant($"PROJCS[\"{name}\",{geogcs},PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"latitude_of_origin\",0],PARAMETER[\"central_meridian\",{lon0}],PARAMETER[\"scale_factor\",{k0}],PARAMETER[\"false_easting\",{fe}],PARAMETER[\"false_northing\",0],UNIT[\"metre\",1]]");

    /// <summary>The EPSG codes known here, for messages.</summary>
    public const string KnownEpsg = "4326 (WGS84), 4490 (CGCS2000), 32601–32660 / 32701–32760 (WGS84 UTM), 4491–4554 (CGCS2000 Gauss-Krüger)";

    /// <summary>
    /// WKT of an EPSG code known here, or null. Definitions recalled from the EPSG registry (status in docs/data.md):
    /// 4326 WGS84; 4490 CGCS2000; 326zz/327zz WGS84 UTM zone zz N/S (k0 0.9996, FE 500 000 m, FN 10 000 000 m south);
    /// 4491–4501 CGCS2000 6° Gauss-Krüger zones 13–23 (CM 6z − 3, FE z·10⁶ + 500 000 m); 4502–4512 the same with FE
    /// 500 000 m; 4513–4533 CGCS2000 3° Gauss-Krüger zones 25–45 (CM 3z, FE z·10⁶ + 500 000 m); 4534–4554 the same
    /// with FE 500 000 m. Gauss-Krüger: k0 = 1.
    /// </summary>
    public static string? EpsgWkt(int code)
    {
        switch (code)
        {
            case 4326: return Wgs84Geogcs;
            case 4490: return Cgcs2000Geogcs;
        }
        if (code is >= 32601 and <= 32660 or >= 32701 and <= 32760)
        {
            int zone = code % 100; bool north = code < 32700;
            var w = Tm($"WGS 84 / UTM zone {zone}{(north ? "N" : "S")}", Wgs84Geogcs, zone * 6 - 183, 0.9996, 500000);
            return north ? w : w.Replace("PARAMETER[\"false_northing\",0]", "PARAMETER[\"false_northing\",10000000]");
        }
        if (code is >= 4491 and <= 4501) { int z = code - 4491 + 13; return Tm($"CGCS2000 / Gauss-Kruger zone {z}", Cgcs2000Geogcs, 6 * z - 3, 1, z * 1e6 + 500000); }
        if (code is >= 4502 and <= 4512) { int z = code - 4502 + 13; return Tm($"CGCS2000 / Gauss-Kruger CM {6 * z - 3}E", Cgcs2000Geogcs, 6 * z - 3, 1, 500000); }
        if (code is >= 4513 and <= 4533) { int z = code - 4513 + 25; return Tm($"CGCS2000 / 3-degree Gauss-Kruger zone {z}", Cgcs2000Geogcs, 3 * z, 1, z * 1e6 + 500000); }
        if (code is >= 4534 and <= 4554) { int z = code - 4534 + 25; return Tm($"CGCS2000 / 3-degree Gauss-Kruger CM {3 * z}E", Cgcs2000Geogcs, 3 * z, 1, 500000); }
        return null;
    }

    /// <summary>The CRS of an EPSG code; an unknown code is an error naming <paramref name="file"/> and <paramref name="place"/>.</summary>
    public static RasterCrs FromEpsg(int code, string file, string place, string source)
    {
        var wkt = EpsgWkt(code) ?? throw new InvalidInputException(file, place, $"EPSG:{code}",
            $"an EPSG code known to CarbonSim ({KnownEpsg}); for another CRS give its WKT in a .prj");
        return new RasterCrs(Parse(wkt, file, place), $"EPSG:{code} ({source})", wkt);
    }

    /// <summary>Parses "EPSG:nnnn" (as in a scenario key or a GeoJSON crs name such as urn:ogc:def:crs:EPSG::32650).</summary>
    public static RasterCrs FromName(string name, string file, string place, string source)
    {
        var t = name.Trim();
        if (t.Equals("CRS84", StringComparison.OrdinalIgnoreCase) || t.EndsWith("OGC:1.3:CRS84", StringComparison.OrdinalIgnoreCase) || t.EndsWith("OGC::CRS84", StringComparison.OrdinalIgnoreCase))
            return FromEpsg(4326, file, place, source);
        int i = t.LastIndexOf("EPSG", StringComparison.OrdinalIgnoreCase);
        var digits = i < 0 ? "" : t[(i + 4)..].TrimStart(':');
        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var code))
            throw new InvalidInputException(file, place, name, "a CRS name 'EPSG:<code>' (or urn:ogc:def:crs:EPSG::<code>)");
        return FromEpsg(code, file, place, source);
    }

    /// <summary>Parses a WKT (OGC WKT1 or ESRI .prj); a text ProjNET cannot read is an error naming the file.</summary>
    public static RasterCrs FromWkt(string wkt, string file, string source)
    {
        var cs = Parse(wkt, file, "WKT");
        return new RasterCrs(cs, $"{cs.Name} ({source})", wkt);
    }

    private static CoordinateSystem Parse(string wkt, string file, string place)
    {
        string Short(string s) => s.Length > 60 ? s[..60] + "…" : s;
        CoordinateSystem cs;
        try { cs = new CoordinateSystemFactory().CreateFromWkt(wkt.Trim()); }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException or NotSupportedException or NullReferenceException or IndexOutOfRangeException or KeyNotFoundException)
        {
            throw new InvalidInputException(file, place, Short(wkt.Trim()), $"a WKT coordinate system ProjNET can read (PROJCS or GEOGCS with datum, spheroid and a known projection): {e.Message.Replace('\n', ' ')}", e);
        }
        switch (cs)
        {
            case GeographicCoordinateSystem g when Math.Abs(g.AngularUnit.RadiansPerUnit - Math.PI / 180) > 1e-12:
                throw new InvalidInputException(file, place, Short(wkt.Trim()), "a geographic CRS in degrees");
            case ProjectedCoordinateSystem p:
                if (Math.Abs(p.GeographicCoordinateSystem.AngularUnit.RadiansPerUnit - Math.PI / 180) > 1e-12)
                    throw new InvalidInputException(file, place, Short(wkt.Trim()), "a projected CRS whose geographic base is in degrees");
                break;
            case GeographicCoordinateSystem: break;
            default:
                throw new InvalidInputException(file, place, Short(wkt.Trim()), "a projected (PROJCS) or geographic (GEOGCS) coordinate system");
        }
        return cs;
    }

    /// <summary>[map units] Metres per map unit (1 for a projected CRS in metres; NaN for a geographic CRS).</summary>
    public double MetresPerUnit => System is ProjectedCoordinateSystem p ? p.LinearUnit.MetersPerUnit : double.NaN;

    /// <summary>
    /// The transform from this CRS to the grid's Albers x/y [m] and back. Identity when this CRS is the grid's own
    /// Albers (compared by projecting points over the grid, not by name: an Albers with other parameters is another CRS).
    /// </summary>
    public GridTransform ToGrid(AlbersEqualArea grid, (double Lon, double Lat)[] probe)
    {
        var wgs = GeographicCoordinateSystem.WGS84;
        var f = new CoordinateTransformationFactory();
        if (System is GeographicCoordinateSystem g && IsWgs84Like(g))
            return new GridTransform((x, y) => grid.Forward(x, y), (X, Y) => grid.Inverse(X, Y), false);
        var toWgs = f.CreateFromCoordinateSystems(System, wgs).MathTransform;
        var fromWgs = f.CreateFromCoordinateSystems(wgs, System).MathTransform;
        bool same = System is ProjectedCoordinateSystem && probe.All(p =>
        {
            var (x, y) = fromWgs.Transform(p.Lon, p.Lat);
            var (gx, gy) = grid.Forward(p.Lon, p.Lat);
            return Math.Abs(x - gx) < 1e-3 && Math.Abs(y - gy) < 1e-3;
        });
        if (same) return new GridTransform((x, y) => (x, y), (X, Y) => (X, Y), true);
        return new GridTransform(
            (x, y) => { var (lon, lat) = toWgs.Transform(x, y); return grid.Forward(lon, lat); },
            (X, Y) => { var (lon, lat) = grid.Inverse(X, Y); return fromWgs.Transform(lon, lat); },
            false);
    }

    /// <summary>Coordinates of this CRS → WGS84 lon/lat [degrees], or null when they already are (WGS84-like lon/lat).</summary>
    public Func<double, double, (double Lon, double Lat)>? ToLonLat()
    {
        if (System is GeographicCoordinateSystem g && IsWgs84Like(g)) return null;
        var t = new CoordinateTransformationFactory().CreateFromCoordinateSystems(System, GeographicCoordinateSystem.WGS84).MathTransform;
        return (x, y) => t.Transform(x, y);
    }

    private static bool IsWgs84Like(GeographicCoordinateSystem g)
    {
        var e = g.HorizontalDatum.Ellipsoid;
        return Math.Abs(e.SemiMajorAxis * e.AxisUnit.MetersPerUnit - AlbersEqualArea.SemiMajorAxis) < 1e-6
            && Math.Abs(e.InverseFlattening - AlbersEqualArea.InverseFlattening) < 1e-6 && Math.Abs(g.PrimeMeridian.Longitude) < 1e-12;
    }
}

/// <summary>Source CRS → grid Albers x/y [m] and back; <see cref="Identity"/> when the source is the grid's own Albers.</summary>
public sealed record GridTransform(Func<double, double, (double X, double Y)> Forward, Func<double, double, (double X, double Y)> Inverse, bool Identity);
