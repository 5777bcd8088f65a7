using CarbonSim.Model.Io.Formats;
using ProjNet.CoordinateSystems;

namespace CarbonSim.Model.Io.Rasters;

/// <summary>
/// The CF-1.8 grid mapping (CF conventions §5.6 and Appendix F) of a CRS given as WKT: the attributes of the
/// <c>crs</c> variable that the data variables name in <c>grid_mapping</c>. Albers equal-area, Lambert conformal
/// conic, transverse Mercator and lon/lat are described by their CF parameters; every CRS ProjNET reads also
/// carries its WKT (<c>crs_wkt</c>, and <c>spatial_ref</c>, which GDAL reads). A CRS ProjNET cannot read (the local
/// row/column grid of a cluster result) gets no grid mapping.
/// </summary>
public static class CfGridMapping
{
    /// <summary>The grid mapping attributes, or null when the WKT is not a CRS ProjNET reads.</summary>
    public static IReadOnlyList<NetCdfClassic.Attr>? FromWkt(string wkt)
    {
        CoordinateSystem cs;
        try { cs = new CoordinateSystemFactory().CreateFromWkt(wkt.Trim()); }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException or NotSupportedException or NullReferenceException or IndexOutOfRangeException or KeyNotFoundException)
        { return null; }
        var a = new List<NetCdfClassic.Attr>();
        GeographicCoordinateSystem g;
        switch (cs)
        {
            case GeographicCoordinateSystem geo when GeoKeyEncoder.IsDegrees(geo):
                g = geo;
                a.Add(NetCdfClassic.Attr.Text("grid_mapping_name", "latitude_longitude"));
                break;
            case ProjectedCoordinateSystem p when GeoKeyEncoder.IsDegrees(p.GeographicCoordinateSystem) && Math.Abs(p.LinearUnit.MetersPerUnit - 1) < 1e-12:
                g = p.GeographicCoordinateSystem;
                double P(params string[] names) => GeoKeyEncoder.Param(p, names) ?? 0;
                string name = GeoKeyEncoder.ProjName(p);
                double lon0 = P("central_meridian", "longitude_of_center", "longitude_of_origin"), lat0 = P("latitude_of_origin", "latitude_of_center");
                if (name.StartsWith("albers", StringComparison.Ordinal))
                {
                    a.Add(NetCdfClassic.Attr.Text("grid_mapping_name", "albers_conical_equal_area"));
                    a.Add(NetCdfClassic.Attr.Doubles("standard_parallel", P("standard_parallel_1"), P("standard_parallel_2")));
                    a.Add(NetCdfClassic.Attr.Doubles("longitude_of_central_meridian", lon0));
                    a.Add(NetCdfClassic.Attr.Doubles("latitude_of_projection_origin", lat0));
                }
                else if (name.StartsWith("lambertconformalconic", StringComparison.Ordinal))
                {
                    a.Add(NetCdfClassic.Attr.Text("grid_mapping_name", "lambert_conformal_conic"));
                    a.Add(GeoKeyEncoder.Param(p, "standard_parallel_2") is double sp2
                        ? NetCdfClassic.Attr.Doubles("standard_parallel", P("standard_parallel_1"), sp2)
                        : NetCdfClassic.Attr.Doubles("standard_parallel", P("standard_parallel_1")));
                    a.Add(NetCdfClassic.Attr.Doubles("longitude_of_central_meridian", lon0));
                    a.Add(NetCdfClassic.Attr.Doubles("latitude_of_projection_origin", lat0));
                }
                else if (name.StartsWith("transversemercator", StringComparison.Ordinal))
                {
                    a.Add(NetCdfClassic.Attr.Text("grid_mapping_name", "transverse_mercator"));
                    a.Add(NetCdfClassic.Attr.Doubles("scale_factor_at_central_meridian", GeoKeyEncoder.Param(p, "scale_factor") ?? 1));
                    a.Add(NetCdfClassic.Attr.Doubles("longitude_of_central_meridian", lon0));
                    a.Add(NetCdfClassic.Attr.Doubles("latitude_of_projection_origin", lat0));
                }
                else break;
                a.Add(NetCdfClassic.Attr.Doubles("false_easting", P("false_easting")));
                a.Add(NetCdfClassic.Attr.Doubles("false_northing", P("false_northing")));
                break;
            default: return null;
        }
        var (semiMajor, invf) = GeoKeyEncoder.Axes(g);
        a.Add(NetCdfClassic.Attr.Doubles("semi_major_axis", semiMajor));
        a.Add(NetCdfClassic.Attr.Doubles("inverse_flattening", invf));
        a.Add(NetCdfClassic.Attr.Doubles("longitude_of_prime_meridian", g.PrimeMeridian.Longitude));
        a.Add(NetCdfClassic.Attr.Text("crs_wkt", wkt.Trim()));
        a.Add(NetCdfClassic.Attr.Text("spatial_ref", wkt.Trim()));
        return a;
    }
}
