using System.Globalization;
using CarbonSim.Model.Scenarios;

namespace CarbonSim.Model.Region;

/// <summary>
/// Albers equal-area conic projection on the WGS84 ellipsoid, forward and inverse
/// (Snyder 1987, USGS Professional Paper 1395, eqs. 3-12, 14-1 to 14-6, 14-18 to 14-21 and 3-16).
/// Areas measured in projected metres equal areas on the ellipsoid, so a grid cell of edge r has area r².
/// </summary>
public sealed class AlbersEqualArea
{
    /// <summary>[m] WGS84 semi-major axis.</summary>
    public const double SemiMajorAxis = 6378137.0;
    /// <summary>[-] WGS84 inverse flattening.</summary>
    public const double InverseFlattening = 298.257223563;

    private readonly double _e, _e2, _n, _c, _rho0, _lon0;
    public AlbersProjectionSpec Spec { get; }

    public AlbersEqualArea(AlbersProjectionSpec spec)
    {
        Spec = spec;
        double f = 1.0 / InverseFlattening;
        _e2 = 2 * f - f * f;
        _e = Math.Sqrt(_e2);
        double phi1 = Rad(spec.StandardParallel1), phi2 = Rad(spec.StandardParallel2), phi0 = Rad(spec.LatitudeOfOrigin);
        double m1 = M(phi1), m2 = M(phi2), q1 = Q(phi1), q2 = Q(phi2), q0 = Q(phi0);
        _n = Math.Abs(phi1 - phi2) < 1e-12 ? Math.Sin(phi1) : (m1 * m1 - m2 * m2) / (q2 - q1);
        _c = m1 * m1 + _n * q1;
        _rho0 = SemiMajorAxis * Math.Sqrt(_c - _n * q0) / _n;
        _lon0 = Rad(spec.CentralMeridian);
    }

    private static double Rad(double deg) => deg * Math.PI / 180.0;
    private static double Deg(double rad) => rad * 180.0 / Math.PI;

    /// <summary>Snyder eq. 14-15: m = cos φ / sqrt(1 − e² sin² φ).</summary>
    private double M(double phi) { double s = Math.Sin(phi); return Math.Cos(phi) / Math.Sqrt(1 - _e2 * s * s); }

    /// <summary>Snyder eq. 3-12: authalic q(φ).</summary>
    private double Q(double phi)
    {
        double s = Math.Sin(phi);
        return (1 - _e2) * (s / (1 - _e2 * s * s) - 1.0 / (2 * _e) * Math.Log((1 - _e * s) / (1 + _e * s)));
    }

    /// <summary>Projects lon/lat [degrees] to x/y [m].</summary>
    public (double X, double Y) Forward(double lon, double lat)
    {
        double rho = SemiMajorAxis * Math.Sqrt(_c - _n * Q(Rad(lat))) / _n;
        double theta = _n * (Rad(lon) - _lon0);
        return (rho * Math.Sin(theta), _rho0 - rho * Math.Cos(theta));
    }

    /// <summary>Inverse: x/y [m] to lon/lat [degrees] (Snyder eqs. 14-18 to 14-21, φ by iteration of eq. 3-16).</summary>
    public (double Lon, double Lat) Inverse(double x, double y)
    {
        double dy = _rho0 - y;
        double rho = Math.Sqrt(x * x + dy * dy);
        double theta = _n > 0 ? Math.Atan2(x, dy) : Math.Atan2(-x, -dy);
        if (_n < 0) rho = -rho;
        double q = (_c - rho * rho * _n * _n / (SemiMajorAxis * SemiMajorAxis)) / _n;
        double phi = Math.Asin(Math.Clamp(q / 2, -1, 1));
        for (int i = 0; i < 20; i++)
        {
            double s = Math.Sin(phi), c = Math.Cos(phi), es2 = 1 - _e2 * s * s;
            double dphi = es2 * es2 / (2 * c) * (q / (1 - _e2) - s / es2 + 1.0 / (2 * _e) * Math.Log((1 - _e * s) / (1 + _e * s)));
            phi += dphi;
            if (Math.Abs(dphi) < 1e-13) break;
        }
        return (Deg(_lon0 + theta / _n), Deg(phi));
    }

    /// <summary>ESRI-style WKT (.prj) for this projection.</summary>
    public string ToEsriWkt()
    {
        static string F(double v) => v.ToString("0.0###########", CultureInfo.InvariantCulture);
        return "PROJCS[\"Albers_Equal_Area_WGS84\",GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0,298.257223563]]," +
               "PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Albers\"]," +
               "PARAMETER[\"False_Easting\",0.0],PARAMETER[\"False_Northing\",0.0]," +
               $"PARAMETER[\"Central_Meridian\",{F(Spec.CentralMeridian)}],PARAMETER[\"Standard_Parallel_1\",{F(Spec.StandardParallel1)}]," +
               $"PARAMETER[\"Standard_Parallel_2\",{F(Spec.StandardParallel2)}],PARAMETER[\"Latitude_Of_Origin\",{F(Spec.LatitudeOfOrigin)}],UNIT[\"Meter\",1.0]]";
    }
}
