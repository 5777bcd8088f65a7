using CarbonSim.Model.Io.Rasters;
using CarbonSim.Model.Region;
using CarbonSim.Model.Scenarios;

namespace CarbonSim.Model.Tests.Io.Rasters;

/// <summary>CRSs from EPSG codes and from user-defined GeoKeys, compared by where they put points.</summary>
public class RasterCrsTests
{
    private static readonly AlbersEqualArea Albers = new(AlbersProjectionSpec.ChinaAlbers);
    private static readonly (double, double)[] Probe = [(115, 38), (117, 40), (119, 42), (114, 41)];

    private static string Dir() { var d = Path.Combine(Path.GetTempPath(), "carbonsim-tests", Guid.NewGuid().ToString("N")); Directory.CreateDirectory(d); return d; }

    [Fact]
    public void Cgcs2000_gauss_kruger_and_wgs84_utm_agree_on_zone_117E()
    {
        // EPSG:4527 (CGCS2000 3° GK zone 39, CM 117°E, k0 1, FE 39 500 000 m) and EPSG:32650 (UTM 50N, CM 117°E, k0 0.9996,
        // FE 500 000 m): on the same meridian x differs by the false easting and y by the scale factor only.
        var gk = RasterCrs.FromEpsg(4527, "t", "t", "test").ToLonLat()!;
        var utm = RasterCrs.FromEpsg(32650, "t", "t", "test").ToLonLat()!;
        var gkFromLonLat = new ProjNet.CoordinateSystems.Transformations.CoordinateTransformationFactory()
            .CreateFromCoordinateSystems(ProjNet.CoordinateSystems.GeographicCoordinateSystem.WGS84, RasterCrs.FromEpsg(4527, "t", "t", "test").System).MathTransform;
        var utmFromLonLat = new ProjNet.CoordinateSystems.Transformations.CoordinateTransformationFactory()
            .CreateFromCoordinateSystems(ProjNet.CoordinateSystems.GeographicCoordinateSystem.WGS84, RasterCrs.FromEpsg(32650, "t", "t", "test").System).MathTransform;
        var (gx, gy) = gkFromLonLat.Transform(117, 40);
        var (ux, uy) = utmFromLonLat.Transform(117, 40);
        Assert.Equal(39_500_000, gx, 1e-3);
        Assert.Equal(500_000, ux, 1e-3);
        Assert.Equal(uy / 0.9996, gy, 0.05);          // 5 cm: CGCS2000 and WGS84 ellipsoids differ in the 10th digit of 1/f
        var (lon, lat) = gk(gx, gy);
        // Round trip through CGCS2000 → WGS84 (zero shift, ellipsoid change via geocentric): within 1e-6° (0.1 m).
        Assert.Equal(117, lon, 1e-6); Assert.Equal(40, lat, 1e-6);
        var (lon2, lat2) = utm(ux, uy);
        Assert.Equal(117, lon2, 1e-9); Assert.Equal(40, lat2, 1e-9);
    }

    [Fact]
    public void Utm_south_and_unknown_codes()
    {
        var s = RasterCrs.FromEpsg(32750, "t", "t", "test");
        Assert.Contains("UTM zone 50S", s.System.Name);
        var e = Assert.Throws<InvalidInputException>(() => RasterCrs.FromName("EPSG:3857", "s.yaml", "land_use.crs", "land_use.crs"));
        Assert.Equal("s.yaml: land_use.crs: got 'EPSG:3857', expected an EPSG code known to CarbonSim (" + RasterCrs.KnownEpsg + "); for another CRS give its WKT in a .prj", e.Message);
        var e2 = Assert.Throws<InvalidInputException>(() => RasterCrs.FromName("utm50", "s.yaml", "land_use.crs", "land_use.crs"));
        Assert.Contains("expected a CRS name 'EPSG:<code>'", e2.Message);
    }

    /// <summary>GeoKeys of a user-defined Albers (ProjCoordTrans 11) on WGS84 with parameters in GeoDoubleParams.</summary>
    private static string UserAlbersTiff(double lon0, bool pixelIsPoint = false)
    {
        ushort[] keys = [1, 1, 0, 12, 1024, 0, 1, 1, 1025, 0, 1, (ushort)(pixelIsPoint ? 2 : 1), 2048, 0, 1, 4326, 3072, 0, 1, 32767, 3075, 0, 1, 11, 3076, 0, 1, 9001,
            3078, 34736, 1, 0, 3079, 34736, 1, 1, 3080, 34736, 1, 3, 3081, 34736, 1, 2, 3082, 34736, 1, 4, 3083, 34736, 1, 5];
        var path = Path.Combine(Dir(), "albers.tif");
        TestTiff.Write(path, 4, 3, new double[12], 8, 1_000_000, 4_500_000, 1000, 1000, keys, geoDoubles: [25, 47, 0, lon0, 0, 0]);
        return path;
    }

    [Fact]
    public void User_defined_albers_geokeys_with_the_grids_parameters_are_the_grids_crs()
    {
        var r = SourceRaster.ReadFile(UserAlbersTiff(105));
        Assert.StartsWith("user-defined (GeoTIFF GeoKeys, user-defined)", r.Crs!.Label);
        Assert.True(r.Crs.ToGrid(Albers, Probe).Identity);
        Assert.Equal(1_000_000, r.X0); Assert.Equal(4_500_000, r.Y0);
    }

    [Fact]
    public void User_defined_albers_geokeys_with_other_parameters_are_another_crs()
    {
        var r = SourceRaster.ReadFile(UserAlbersTiff(110));
        var t = r.Crs!.ToGrid(Albers, Probe);
        Assert.False(t.Identity);
        // The raster's origin is 5° of longitude away on the ground: hundreds of km on the grid.
        var (x, _) = t.Forward(1_000_000, 4_500_000);
        Assert.True(Math.Abs(x - 1_000_000) > 300_000, $"x on the grid {x}");
    }

    [Fact]
    public void Pixel_is_point_shifts_the_origin_by_half_a_pixel()
    {
        var r = SourceRaster.ReadFile(UserAlbersTiff(105, pixelIsPoint: true));
        Assert.Equal(999_500, r.X0); Assert.Equal(4_500_500, r.Y0);
    }

    [Fact]
    public void Lambert_conformal_conic_from_a_prj()
    {
        var wkt = "PROJCS[\"Asia_Lambert_Conformal_Conic\",GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]," +
                  "PROJECTION[\"Lambert_Conformal_Conic\"],PARAMETER[\"False_Easting\",0.0],PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\",105.0],PARAMETER[\"Standard_Parallel_1\",30.0],PARAMETER[\"Standard_Parallel_2\",62.0],PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]";
        var c = RasterCrs.FromWkt(wkt, "lcc.prj", ".prj");
        Assert.False(c.IsGeographic);
        var back = c.ToLonLat()!;
        var fwd = new ProjNet.CoordinateSystems.Transformations.CoordinateTransformationFactory()
            .CreateFromCoordinateSystems(ProjNet.CoordinateSystems.GeographicCoordinateSystem.WGS84, c.System).MathTransform;
        var (x, y) = fwd.Transform(116.4, 39.9);
        Assert.Equal(0, fwd.Transform(105, 45).x, 1e-6);   // the central meridian maps to x = false easting
        var (lon, lat) = back(x, y);
        Assert.Equal(116.4, lon, 1e-9); Assert.Equal(39.9, lat, 1e-9);
        Assert.False(c.ToGrid(Albers, Probe).Identity);
    }
}
