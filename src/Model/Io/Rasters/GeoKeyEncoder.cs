using ProjNet.CoordinateSystems;

namespace CarbonSim.Model.Io.Rasters;

/// <summary>
/// The GeoTIFF 1.1 GeoKeys (OGC 19-008r4) that declare a CRS given as WKT, so a <c>.tif</c> copied alone opens
/// with its CRS. The inverse of the reader in <see cref="SourceRaster"/>: every CRS written here reads back there.
/// <list type="bullet">
/// <item>WGS84 lon/lat → GeographicTypeGeoKey 4326; CGCS2000 lon/lat → 4490; another ellipsoid → user-defined
/// geographic keys with the ellipsoid's semi-major axis and inverse flattening.</item>
/// <item>WGS84 UTM (k0 0.9996, FE 500 000 m, FN 0 or 10 000 000 m, central meridian 6z − 183) → ProjectedCSTypeGeoKey
/// 326zz / 327zz.</item>
/// <item>Albers equal-area, Lambert conformal conic 2SP and any other transverse Mercator (in metres) → a
/// user-defined projected CRS: ProjCoordTrans (11, 8, 1), standard parallels, natural origin, scale, false
/// easting/northing, linear unit metre, on the geographic keys above.</item>
/// <item>Anything else (a LOCAL_CS, another projection) → <see cref="Encoded.Declared"/> false: model type only,
/// CRS user-defined (the WKT then lives only in the GDAL sidecar).</item>
/// </list>
/// </summary>
public static class GeoKeyEncoder
{
    /// <summary>Key directory (tag 34735, header included), double parameters (34736), ASCII parameters (34737, '|'-terminated).</summary>
    /// <param name="Declared">True when the keys fully declare the CRS.</param>
    /// <param name="Label">What the keys say, e.g. "EPSG:32650" or "user-defined Albers equal-area".</param>
    public sealed record Encoded(ushort[] Directory, double[] Doubles, string Ascii, bool Declared, string Label);

    // GeoKey ids (OGC 19-008r4, Annex B).
    private const ushort GTModelType = 1024, GTRasterType = 1025, GTCitation = 1026,
        GeographicType = 2048, GeogCitation = 2049, GeogGeodeticDatum = 2050, GeogAngularUnits = 2054, GeogEllipsoid = 2056,
        GeogSemiMajorAxis = 2057, GeogInvFlattening = 2059,
        ProjectedCSType = 3072, PCSCitation = 3073, Projection = 3074, ProjCoordTrans = 3075, ProjLinearUnits = 3076,
        ProjStdParallel1 = 3078, ProjStdParallel2 = 3079, ProjNatOriginLong = 3080, ProjNatOriginLat = 3081,
        ProjFalseEasting = 3082, ProjFalseNorthing = 3083, ProjScaleAtNatOrigin = 3092;
    private const ushort UserDefined = 32767, DoubleParams = 34736, AsciiParams = 34737;
    private const ushort AngularDegree = 9102, LinearMetre = 9001;

    /// <summary>Keys for the CRS in <paramref name="wkt"/>; <paramref name="pixelIsArea"/> false writes RasterPixelIsPoint.</summary>
    public static Encoded FromWkt(string wkt, bool pixelIsArea = true)
    {
        CoordinateSystem? cs;
        try { cs = new CoordinateSystemFactory().CreateFromWkt(wkt.Trim()); }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException or NotSupportedException or NullReferenceException or IndexOutOfRangeException or KeyNotFoundException)
        { cs = null; }
        var b = new Builder();
        b.Short(GTRasterType, pixelIsArea ? (ushort)1 : (ushort)2);
        switch (cs)
        {
            case GeographicCoordinateSystem g when IsDegrees(g):
                b.Short(GTModelType, 2);
                var label = b.Geographic(g);
                b.Text(GTCitation, label);
                return b.Build(true, label);
            case ProjectedCoordinateSystem p when IsDegrees(p.GeographicCoordinateSystem) && Math.Abs(p.LinearUnit.MetersPerUnit - 1) < 1e-12:
                b.Short(GTModelType, 1);
                if (UtmCode(p) is int code)
                {
                    b.Short(ProjectedCSType, (ushort)code);
                    b.Text(GTCitation, p.Name);
                    return b.Build(true, $"EPSG:{code}");
                }
                if (Method(p) is not { } m) break;
                b.Short(ProjectedCSType, UserDefined);
                b.Short(Projection, UserDefined);
                b.Short(ProjCoordTrans, m.Code);
                b.Short(ProjLinearUnits, LinearMetre);
                b.Text(PCSCitation, p.Name);
                b.Geographic(p.GeographicCoordinateSystem);
                foreach (var (key, value) in m.Parameters) b.Double(key, value);
                b.Text(GTCitation, p.Name);
                return b.Build(true, $"user-defined {m.Name}");
        }
        b.Short(GTModelType, cs is GeographicCoordinateSystem ? (ushort)2 : (ushort)1);
        b.Short(ProjectedCSType, UserDefined);
        b.Text(GTCitation, "CRS in .tif.aux.xml (WKT)");
        return b.Build(false, "user-defined (WKT in the .aux.xml sidecar)");
    }

    internal static bool IsDegrees(GeographicCoordinateSystem g) => Math.Abs(g.AngularUnit.RadiansPerUnit - Math.PI / 180) < 1e-12;

    internal static (double A, double InvF) Axes(GeographicCoordinateSystem g)
    {
        var e = g.HorizontalDatum.Ellipsoid;
        double a = e.SemiMajorAxis * e.AxisUnit.MetersPerUnit;
        double invf = e.InverseFlattening > 0 ? e.InverseFlattening : a / (a - e.SemiMinorAxis * e.AxisUnit.MetersPerUnit);
        return (a, invf);
    }
    private static bool IsWgs84(GeographicCoordinateSystem g) { var (a, f) = Axes(g); return Math.Abs(a - 6378137) < 1e-6 && Math.Abs(f - 298.257223563) < 1e-6 && Math.Abs(g.PrimeMeridian.Longitude) < 1e-12; }
    private static bool IsCgcs2000(GeographicCoordinateSystem g) { var (a, f) = Axes(g); return Math.Abs(a - 6378137) < 1e-6 && Math.Abs(f - 298.257222101) < 1e-6 && Math.Abs(g.PrimeMeridian.Longitude) < 1e-12; }

    /// <summary>A projection parameter by name, case- and underscore-insensitive (ESRI and OGC spellings), or null.</summary>
    internal static double? Param(ProjectedCoordinateSystem p, params string[] names)
    {
        static string N(string s) => s.Replace("_", "").Replace(" ", "").ToLowerInvariant();
        for (int i = 0; i < p.Projection.NumParameters; i++)
        {
            var q = p.Projection.GetParameter(i);
            if (names.Any(n => N(n) == N(q.Name))) return q.Value;
        }
        return null;
    }

    internal static string ProjName(ProjectedCoordinateSystem p) => p.Projection.ClassName.Replace("_", "").Replace(" ", "").ToLowerInvariant();

    private static int? UtmCode(ProjectedCoordinateSystem p)
    {
        if (!IsWgs84(p.GeographicCoordinateSystem) || !ProjName(p).StartsWith("transversemercator", StringComparison.Ordinal)) return null;
        double lon0 = Param(p, "central_meridian", "longitude_of_origin") ?? double.NaN, k0 = Param(p, "scale_factor") ?? double.NaN;
        double lat0 = Param(p, "latitude_of_origin") ?? 0, fe = Param(p, "false_easting") ?? 0, fn = Param(p, "false_northing") ?? 0;
        double z = (lon0 + 183) / 6;
        if (Math.Abs(k0 - 0.9996) > 1e-12 || lat0 != 0 || fe != 500000 || Math.Abs(z - Math.Round(z)) > 1e-12 || z < 1 || z > 60) return null;
        return fn == 0 ? 32600 + (int)Math.Round(z) : fn == 10000000 ? 32700 + (int)Math.Round(z) : null;
    }

    private sealed record MethodKeys(ushort Code, string Name, (ushort Key, double Value)[] Parameters);

    private static MethodKeys? Method(ProjectedCoordinateSystem p)
    {
        double fe = Param(p, "false_easting") ?? 0, fn = Param(p, "false_northing") ?? 0;
        double lon0 = Param(p, "central_meridian", "longitude_of_center", "longitude_of_origin") ?? 0;
        double lat0 = Param(p, "latitude_of_origin", "latitude_of_center") ?? 0;
        string name = ProjName(p);
        if (name.StartsWith("albers", StringComparison.Ordinal))
            return new MethodKeys(11, "Albers equal-area", [(ProjStdParallel1, Param(p, "standard_parallel_1") ?? 0), (ProjStdParallel2, Param(p, "standard_parallel_2") ?? 0),
                (ProjNatOriginLat, lat0), (ProjNatOriginLong, lon0), (ProjFalseEasting, fe), (ProjFalseNorthing, fn)]);
        if (name.StartsWith("lambertconformalconic", StringComparison.Ordinal) && Param(p, "standard_parallel_2") is double sp2)
            return new MethodKeys(8, "Lambert conformal conic 2SP", [(ProjStdParallel1, Param(p, "standard_parallel_1") ?? 0), (ProjStdParallel2, sp2),
                (ProjNatOriginLat, lat0), (ProjNatOriginLong, lon0), (ProjFalseEasting, fe), (ProjFalseNorthing, fn)]);
        if (name.StartsWith("transversemercator", StringComparison.Ordinal))
            return new MethodKeys(1, "transverse Mercator", [(ProjNatOriginLat, lat0), (ProjNatOriginLong, lon0), (ProjScaleAtNatOrigin, Param(p, "scale_factor") ?? 1),
                (ProjFalseEasting, fe), (ProjFalseNorthing, fn)]);
        return null;
    }

    private sealed class Builder
    {
        private readonly SortedDictionary<ushort, (ushort Loc, ushort Count, ushort Value)> _keys = new();
        private readonly List<double> _doubles = new();
        private readonly System.Text.StringBuilder _ascii = new();

        public void Short(ushort id, ushort v) => _keys[id] = (0, 1, v);
        public void Double(ushort id, double v) { _keys[id] = (DoubleParams, 1, (ushort)_doubles.Count); _doubles.Add(v); }
        public void Text(ushort id, string s)
        {
            s = new string(s.Where(c => c is >= ' ' and <= '~' and not '|').ToArray());
            _keys[id] = (AsciiParams, (ushort)(s.Length + 1), (ushort)_ascii.Length);
            _ascii.Append(s).Append('|');
        }

        /// <summary>Geographic keys of <paramref name="g"/>; returns a label.</summary>
        public string Geographic(GeographicCoordinateSystem g)
        {
            if (IsWgs84(g)) { Short(GeographicType, 4326); return "WGS 84"; }
            if (IsCgcs2000(g)) { Short(GeographicType, 4490); return "CGCS2000"; }
            var (a, invf) = Axes(g);
            Short(GeographicType, UserDefined);
            Text(GeogCitation, g.Name);
            Short(GeogGeodeticDatum, UserDefined);
            Short(GeogAngularUnits, AngularDegree);
            Short(GeogEllipsoid, UserDefined);
            Double(GeogSemiMajorAxis, a);
            Double(GeogInvFlattening, invf);
            return g.Name;
        }

        public Encoded Build(bool declared, string label)
        {
            var dir = new List<ushort> { 1, 1, 0, (ushort)_keys.Count };
            foreach (var (id, (loc, count, value)) in _keys) dir.AddRange([id, loc, count, value]);
            return new Encoded(dir.ToArray(), _doubles.ToArray(), _ascii.ToString(), declared, label);
        }
    }
}
