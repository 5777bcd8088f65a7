using BitMiracle.LibTiff.Classic;
using CarbonSim.Model.Io.Rasters;

namespace CarbonSim.Model.Tests.Io.Rasters;

/// <summary>The TIFF decoder against files LibTiff.NET wrote, in every layout it reads.</summary>
public class TiffFileTests
{
    private static string Dir() { var d = Path.Combine(Path.GetTempPath(), "carbonsim-tests", Guid.NewGuid().ToString("N")); Directory.CreateDirectory(d); return d; }

    public static TheoryData<Compression, int, int, bool, int> Layouts() => new()
    {
        { Compression.NONE, 0, 0, false, 8 }, { Compression.LZW, 0, 7, false, 8 }, { Compression.LZW, 0, 0, true, 16 },
        { Compression.DEFLATE, 16, 0, false, 16 }, { Compression.ADOBE_DEFLATE, 0, 5, true, 8 }, { Compression.PACKBITS, 0, 3, false, 8 },
        { Compression.LZW, 32, 0, false, -32 }, { Compression.NONE, 16, 0, false, -32 },
    };

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Reads_what_LibTiff_wrote(Compression compression, int tile, int rowsPerStrip, bool predictor, int bits)
    {
        int w = 53, h = 41;
        // Runs of classes (compressible) with noise, so LZW grows its code width past 9 bits.
        var rnd = new Random(7);
        var values = new double[w * h];
        for (int i = 0; i < values.Length; i++)
            values[i] = bits == 8 ? (i / 13 % 9) + (rnd.Next(10) == 0 ? rnd.Next(200) : 0)
                      : bits == 16 ? (i * 37 % 60000) : Math.Round(rnd.NextDouble() * 1000, 2) - 300;
        if (bits == -32) for (int i = 0; i < values.Length; i++) values[i] = (float)values[i];
        var path = Path.Combine(Dir(), "t.tif");
        TestTiff.Write(path, w, h, values, bits, 0, 0, 1, 1, null, layout: new TestTiff.Layout(compression, tile, rowsPerStrip, predictor));
        var t = TiffFile.Read(path);
        Assert.Equal(w, t.Width);
        Assert.Equal(h, t.Height);
        Assert.Equal(values, t.Values);
    }

    [Fact]
    public void Two_bands_are_an_unsupported_layout()
    {
        var path = Path.Combine(Dir(), "rgb.tif");
        TestTiff.Write(path, 4, 3, new double[12], 8, 0, 0, 1, 1, null, samplesPerPixel: 2);
        var e = Assert.Throws<InvalidInputException>(() => TiffFile.Read(path));
        Assert.Equal($"{path}: tag 277 (SamplesPerPixel): got '2', expected unsupported TIFF layout: 1 band (one sample per pixel)", e.Message);
    }

    [Fact]
    public void Jpeg_compression_is_an_unsupported_layout()
    {
        var path = Path.Combine(Dir(), "j.tif");
        TestTiff.Write(path, 8, 8, new double[64], 8, 0, 0, 1, 1, null);
        var b = File.ReadAllBytes(path);
        PatchShortTag(b, 259, 7);
        File.WriteAllBytes(path, b);
        var e = Assert.Throws<InvalidInputException>(() => TiffFile.Read(path));
        Assert.Contains("tag 259 (Compression): got '7', expected unsupported TIFF layout", e.Message);
    }

    [Fact]
    public void Truncated_file_names_the_block()
    {
        var path = Path.Combine(Dir(), "cut.tif");
        TestTiff.Write(path, 40, 40, Enumerable.Range(0, 1600).Select(i => (double)(i % 200)).ToArray(), 8, 0, 0, 1, 1, null, layout: new TestTiff.Layout(RowsPerStrip: 10));
        var b = File.ReadAllBytes(path);
        // LibTiff writes the image data before the directory: zero the last strip's offset into the directory's reach by cutting the file short is not possible, so point a strip past the end.
        PatchLongArrayFirst(b, 273, (uint)b.Length + 100);
        File.WriteAllBytes(path, b);
        var e = Assert.Throws<InvalidInputException>(() => TiffFile.Read(path));
        Assert.Contains("block 0: got '", e.Message);
        Assert.Contains("the file is truncated or corrupt", e.Message);
    }

    [Fact]
    public void Not_a_tiff_is_one_line()
    {
        var path = Path.Combine(Dir(), "x.tif");
        File.WriteAllText(path, "ncols 3\nnrows 3\n");
        var e = Assert.Throws<InvalidInputException>(() => TiffFile.Read(path));
        Assert.Equal($"{path}: header: got '0x6E63', expected a TIFF file (starting with 'II' or 'MM')", e.Message);
    }

    /// <summary>Sets a SHORT tag's inline value in a little-endian classic TIFF.</summary>
    internal static void PatchShortTag(byte[] b, int tag, ushort value)
    {
        int ifd = BitConverter.ToInt32(b, 4), n = BitConverter.ToUInt16(b, ifd);
        for (int i = 0; i < n; i++)
        {
            int p = ifd + 2 + 12 * i;
            if (BitConverter.ToUInt16(b, p) == tag) { BitConverter.TryWriteBytes(b.AsSpan(p + 8), value); return; }
        }
        throw new InvalidOperationException($"tag {tag} not found");
    }

    /// <summary>Sets the first value of a LONG array tag (inline or at its offset).</summary>
    internal static void PatchLongArrayFirst(byte[] b, int tag, uint value)
    {
        int ifd = BitConverter.ToInt32(b, 4), n = BitConverter.ToUInt16(b, ifd);
        for (int i = 0; i < n; i++)
        {
            int p = ifd + 2 + 12 * i;
            if (BitConverter.ToUInt16(b, p) != tag) continue;
            uint count = BitConverter.ToUInt32(b, p + 4);
            int at = count * 4 <= 4 ? p + 8 : (int)BitConverter.ToUInt32(b, p + 8);
            BitConverter.TryWriteBytes(b.AsSpan(at), value);
            return;
        }
        throw new InvalidOperationException($"tag {tag} not found");
    }
}
