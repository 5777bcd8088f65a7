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
        if (geographic) Assert.Equal(4326, KeyValue(2048)); else Assert.Equal(32767, KeyValue(3072));

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
