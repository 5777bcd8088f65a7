using System.Buffers.Binary;
using CarbonSim.Client.Output;
using CarbonSim.Model.Output;

namespace CarbonSim.Client.Tests.Output;

public class GeoTiffTests
{
    /// <summary>Reads the first IFD of a little-endian TIFF: tag → (type, count, raw value bytes).</summary>
    private static Dictionary<ushort, (ushort Type, uint Count, byte[] Data)> Ifd(byte[] b)
    {
        Assert.Equal((byte)'I', b[0]); Assert.Equal((byte)'I', b[1]);
        Assert.Equal(42, BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(2)));
        int ifd = (int)BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(4));
        int n = BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(ifd));
        var tags = new Dictionary<ushort, (ushort, uint, byte[])>();
        ushort prev = 0;
        for (int i = 0; i < n; i++)
        {
            var e = b.AsSpan(ifd + 2 + 12 * i);
            ushort tag = BinaryPrimitives.ReadUInt16LittleEndian(e), type = BinaryPrimitives.ReadUInt16LittleEndian(e[2..]);
            Assert.True(tag > prev, "IFD entries must be sorted by tag"); prev = tag;
            uint count = BinaryPrimitives.ReadUInt32LittleEndian(e[4..]);
            int size = (int)count * type switch { 2 => 1, 3 => 2, 4 => 4, 12 => 8, _ => throw new InvalidOperationException($"type {type}") };
            byte[] data = size <= 4 ? e.Slice(8, size).ToArray()
                : b.AsSpan((int)BinaryPrimitives.ReadUInt32LittleEndian(e[8..]), size).ToArray();
            tags[tag] = (type, count, data);
        }
        return tags;
    }

    private static uint U(byte[] d) => d.Length == 2 ? BinaryPrimitives.ReadUInt16LittleEndian(d) : BinaryPrimitives.ReadUInt32LittleEndian(d);
    private static double D(byte[] d, int i) => BinaryPrimitives.ReadDoubleLittleEndian(d.AsSpan(8 * i));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void GeoTiff_georeference_pixels_and_nodata(bool geographic)
    {
        using var tmp = new TempDir();
        var run = SyntheticRun.Create(geographic);
        var g = run.Grid!;
        var layer = run.Rasters.Single(l => l.Name == "total_c_2022");
        GeoTiff.Write(tmp.Path, g, layer);
        var bytes = File.ReadAllBytes(Path.Combine(tmp.Path, "total_c_2022_tC_ha.tif"));
        var t = Ifd(bytes);
        Assert.Equal(5u, U(t[256].Data));
        Assert.Equal(4u, U(t[257].Data));
        Assert.Equal(32u, U(t[258].Data));
        Assert.Equal(3u, U(t[339].Data)); // IEEE float
        Assert.Equal(g.CellSize, D(t[33550].Data, 0));
        Assert.Equal(g.CellSize, D(t[33550].Data, 1));
        Assert.Equal((g.OriginX, g.OriginY), (D(t[33922].Data, 3), D(t[33922].Data, 4)));
        Assert.Equal("-9999\0", System.Text.Encoding.ASCII.GetString(t[42113].Data));
        // GeoKeys: model type and, for WGS 84 lon/lat, EPSG:4326.
        var keys = Enumerable.Range(0, (int)t[34735].Count).Select(i => BinaryPrimitives.ReadUInt16LittleEndian(t[34735].Data.AsSpan(2 * i))).ToArray();
        ushort KeyValue(ushort id) { for (int i = 4; i < keys.Length; i += 4) if (keys[i] == id) return keys[i + 3]; return 0; }
        Assert.Equal(geographic ? 2 : 1, KeyValue(1024));
        if (geographic) Assert.Equal(4326, KeyValue(2048)); else { Assert.Equal(32767, KeyValue(3072)); Assert.Equal(11, KeyValue(3075)); } // Albers: user-defined projection keys

        int start = (int)U(t[273].Data);
        Assert.Equal(4u * 20, U(t[279].Data));
        for (int r = 0; r < 4; r++)
            for (int c = 0; c < 5; c++)
            {
                float v = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(start + 4 * (r * 5 + c)));
                if (SyntheticRun.IsNoData(r, c)) Assert.Equal(-9999f, v);
                else Assert.Equal((float)(layer.Values[r * 5 + c] * 10), v);
            }
        var aux = File.ReadAllText(Path.Combine(tmp.Path, "total_c_2022_tC_ha.tif.aux.xml"));
        Assert.Contains(System.Security.SecurityElement.Escape(g.CrsWkt), aux);
        Assert.Contains("t C ha-1", aux);
    }
}

/// <summary>
/// A .tif written by a run, copied alone (no .aux.xml), opens with its CRS: read back by the project's own GeoTIFF
/// reader (<see cref="CarbonSim.Model.Io.Rasters.SourceRaster"/>, CRS from the GeoKeys) and by GDAL's gdalinfo.
/// </summary>
public class GeoTiffCrsTests
{
    private const string Wgs = "GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]";

    /// <summary>Grids in the CRSs a run can have: the project's Albers (own parameters), UTM 50N, Lambert 2SP, lon/lat WGS84 and CGCS2000.</summary>
    public static TheoryData<string, string> Crss => new()
    {
        { "albers", $"PROJCS[\"Albers_Equal_Area_WGS84\",{Wgs},PROJECTION[\"Albers\"],PARAMETER[\"False_Easting\",0.0],PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\",110.0],PARAMETER[\"Standard_Parallel_1\",30.0],PARAMETER[\"Standard_Parallel_2\",45.0],PARAMETER[\"Latitude_Of_Origin\",10.0],UNIT[\"Meter\",1.0]]" },
        { "utm50n", CarbonSim.Model.Io.Rasters.RasterCrs.EpsgWkt(32650)! },
        { "lcc", $"PROJCS[\"lcc\",{Wgs},PROJECTION[\"Lambert_Conformal_Conic_2SP\"],PARAMETER[\"standard_parallel_1\",33],PARAMETER[\"standard_parallel_2\",45],PARAMETER[\"latitude_of_origin\",20],PARAMETER[\"central_meridian\",115],PARAMETER[\"false_easting\",500000],PARAMETER[\"false_northing\",0],UNIT[\"metre\",1]]" },
        { "wgs84", GridSpec.Wgs84LonLatWkt },
        { "cgcs2000", CarbonSim.Model.Io.Rasters.RasterCrs.EpsgWkt(4490)! },
    };

    private static GridSpec GridIn(string name, string wkt) => name switch
    {
        "wgs84" or "cgcs2000" => new GridSpec(116.0, 41.0, 0.25, 4, 5, wkt),
        "utm50n" => new GridSpec(400_000, 4_500_000, 1000, 4, 5, wkt),
        "lcc" => new GridSpec(600_000, 2_400_000, 1000, 4, 5, wkt),
        _ => new GridSpec(500_000, 3_400_000, 1000, 4, 5, wkt),
    };

    private static string WriteAlone(TempDir tmp, GridSpec g)
    {
        var layer = RasterLayer.TotalCarbon(2022, Enumerable.Range(0, g.CellCount).Select(i => 1.0 + i).ToArray());
        var files = GeoTiff.Write(tmp.Path, g, layer);
        var tif = Path.Combine(tmp.Path, files[0]);
        var alone = Path.Combine(tmp.Path, "alone");
        Directory.CreateDirectory(alone);
        var copy = Path.Combine(alone, "copy.tif");
        File.Copy(tif, copy); // no .aux.xml beside it
        return copy;
    }

    [Theory]
    [MemberData(nameof(Crss))]
    public void Tif_copied_alone_reads_back_with_its_crs(string name, string wkt)
    {
        using var tmp = new TempDir();
        var g = GridIn(name, wkt);
        var r = CarbonSim.Model.Io.Rasters.SourceRaster.ReadFile(WriteAlone(tmp, g));
        Assert.NotNull(r.Crs);
        Assert.Equal((g.OriginX, g.OriginY, g.CellSize, g.CellSize, g.Cols, g.Rows), (r.X0, r.Y0, r.Dx, r.Dy, r.Cols, r.Rows));
        Assert.Equal(10.0 * (1 + 7), r.Values[7], 5); // t C ha-1 = 10 × kg C m-2
        if (name == "utm50n") Assert.StartsWith("EPSG:32650", r.Crs!.Label);
        if (name == "wgs84") Assert.StartsWith("EPSG:4326", r.Crs!.Label);
        if (name == "cgcs2000") Assert.StartsWith("EPSG:4490", r.Crs!.Label);
        var original = CarbonSim.Model.Io.Rasters.RasterCrs.FromWkt(wkt, "test", "test");
        Assert.Equal(original.IsGeographic, r.Crs!.IsGeographic);
        var a = original.ToLonLat(); var b = r.Crs.ToLonLat();
        if (name == "wgs84") { Assert.Null(a); Assert.Null(b); return; }
        if (name == "cgcs2000") { Assert.NotNull(b); return; } // same ellipsoid as the source: compared by label above
        Assert.NotNull(a); Assert.NotNull(b);
        // Every cell corner lands on the same lon/lat through the original WKT and through the GeoKeys (1e-9° ≈ 0.1 mm).
        for (int row = 0; row <= g.Rows; row++)
            for (int col = 0; col <= g.Cols; col++)
            {
                double x = g.OriginX + col * g.CellSize, y = g.OriginY - row * g.CellSize;
                var (lon1, lat1) = a!(x, y); var (lon2, lat2) = b!(x, y);
                Assert.InRange(Math.Abs(lon1 - lon2), 0, 1e-9);
                Assert.InRange(Math.Abs(lat1 - lat2), 0, 1e-9);
            }
    }

    [Fact]
    public void Local_grid_declares_no_crs_in_the_keys()
    {
        using var tmp = new TempDir();
        var g = new GridSpec(0, 4, 1, 4, 5, "LOCAL_CS[\"carbonsim grid (row, column)\",LOCAL_DATUM[\"none\",0],UNIT[\"cell\",1],AXIS[\"X\",EAST],AXIS[\"Y\",NORTH]]");
        var keys = CarbonSim.Model.Io.Rasters.GeoKeyEncoder.FromWkt(g.CrsWkt);
        Assert.False(keys.Declared);
        Assert.Throws<CarbonSim.Model.InvalidInputException>(() => CarbonSim.Model.Io.Rasters.SourceRaster.ReadFile(WriteAlone(tmp, g)));
    }

    /// <summary>
    /// GDAL (gdalinfo, installed by .ci/run) opens the copied .tif with the CRS and geotransform. Without gdalinfo on
    /// PATH the test fails under CI and returns early on a developer machine that lacks GDAL (<see cref="GdalTool"/>).
    /// </summary>
    [Theory]
    [InlineData("albers", "Albers", "30", "45")]
    [InlineData("utm50n", "UTM zone 50N", "32650", "117")]
    [InlineData("lcc", "Lambert", "33", "45")]
    [InlineData("wgs84", "WGS 84", "4326", "GEOGCRS")]
    public void Gdalinfo_opens_the_copied_tif_with_its_crs(string name, string want1, string want2, string want3)
    {
        if (GdalTool.Find("gdalinfo") is not { } gdal) return;
        using var tmp = new TempDir();
        var wkt = Crss.Select(row => (string)row[0] == name ? (string)row[1] : null).First(w => w is not null)!;
        var g = GridIn(name, wkt);
        var path = WriteAlone(tmp, g);
        var json = GdalTool.Run(gdal, "-json", path);
        Assert.DoesNotContain("aux.xml", json);
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var crs = doc.RootElement.GetProperty("coordinateSystem").GetProperty("wkt").GetString()!;
        Assert.Contains(want1, crs); Assert.Contains(want2, crs); Assert.Contains(want3, crs);
        var gt = doc.RootElement.GetProperty("geoTransform").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(g.GeoTransform, gt);
        Assert.Equal(-9999, doc.RootElement.GetProperty("bands")[0].GetProperty("noDataValue").GetDouble());
    }
}
