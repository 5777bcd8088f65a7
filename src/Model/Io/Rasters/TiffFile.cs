using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;

namespace CarbonSim.Model.Io.Rasters;

/// <summary>
/// The first image of a TIFF or BigTIFF file read as one band of numbers, with its tags. Layouts read: strips or
/// tiles; compression none (1), LZW (5), Deflate (8, 32946) or PackBits (32773); horizontal predictor (2);
/// 8/16/32/64-bit unsigned or signed integers and 32/64-bit floats; one sample per pixel. Anything else is an
/// <see cref="InvalidInputException"/> naming the tag and value ("unsupported TIFF layout").
/// Decoded here rather than through LibTiff.NET because LibTiff.NET reports the GeoTIFF tags as unknown through a
/// process-global warning handler (console output) unless a process-global tag extender is registered, and the
/// Model holds no static mutable state. The tests write their fixtures with LibTiff.NET, an independent encoder.
/// </summary>
public sealed class TiffFile
{
    /// <summary>[-] Columns.</summary>
    public int Width { get; }
    /// <summary>[-] Rows (row 0 = first row in the file, north for a north-up GeoTIFF).</summary>
    public int Height { get; }
    /// <summary>Pixel values, row-major.</summary>
    public double[] Values { get; }
    private readonly Dictionary<int, object> _tags;

    private TiffFile(int width, int height, double[] values, Dictionary<int, object> tags) { Width = width; Height = height; Values = values; _tags = tags; }

    /// <summary>Numeric values of a tag, or null when absent.</summary>
    public double[]? Numbers(int tag) => _tags.TryGetValue(tag, out var v) && v is double[] d ? d : null;
    /// <summary>Text of an ASCII tag (trailing NULs removed), or null when absent.</summary>
    public string? Text(int tag) => _tags.TryGetValue(tag, out var v) && v is string s ? s : null;

    public static TiffFile Read(string path)
    {
        byte[] b;
        try { b = File.ReadAllBytes(path); }
        catch (IOException e) { throw new InvalidInputException(path, "file", e.Message, "a readable GeoTIFF", e); }
        try { return Parse(path, b); }
        catch (Exception e) when (e is IndexOutOfRangeException or ArgumentOutOfRangeException or ArgumentException or InvalidDataException or OverflowException)
        {
            throw new InvalidInputException(path, "TIFF structure", e.GetType().Name, "a complete, uncorrupted TIFF file", e);
        }
    }

    private static TiffFile Parse(string path, byte[] b)
    {
        if (b.Length < 8 || !((b[0] == 'I' && b[1] == 'I') || (b[0] == 'M' && b[1] == 'M')))
            throw new InvalidInputException(path, "header", b.Length < 2 ? "too short" : $"0x{b[0]:X2}{b[1]:X2}", "a TIFF file (starting with 'II' or 'MM')");
        bool le = b[0] == 'I';
        ushort U16(long o) => le ? BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan((int)o)) : BinaryPrimitives.ReadUInt16BigEndian(b.AsSpan((int)o));
        uint U32(long o) => le ? BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan((int)o)) : BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan((int)o));
        ulong U64(long o) => le ? BinaryPrimitives.ReadUInt64LittleEndian(b.AsSpan((int)o)) : BinaryPrimitives.ReadUInt64BigEndian(b.AsSpan((int)o));
        int magic = U16(2);
        bool big = magic == 43;
        if (magic != 42 && !big) throw new InvalidInputException(path, "header", magic.ToString(CultureInfo.InvariantCulture), "TIFF version 42 (TIFF) or 43 (BigTIFF)");
        long ifd = big ? (long)U64(8) : U32(4);
        if (ifd <= 0 || ifd >= b.Length) throw new InvalidInputException(path, "header", $"IFD offset {ifd}", $"an offset inside the file ({b.Length} bytes)");

        var tags = new Dictionary<int, object>();
        long n = big ? (long)U64(ifd) : U16(ifd);
        long p = ifd + (big ? 8 : 2);
        int entrySize = big ? 20 : 12, inline = big ? 8 : 4;
        for (long i = 0; i < n; i++, p += entrySize)
        {
            int tag = U16(p), type = U16(p + 2);
            long count = big ? (long)U64(p + 4) : U32(p + 4);
            int size = type switch { 1 or 2 or 6 or 7 => 1, 3 or 8 => 2, 4 or 9 or 11 or 13 => 4, 5 or 10 or 12 or 16 or 17 or 18 => 8, _ => 0 };
            if (size == 0) continue; // unknown type: skip the tag, as readers must
            long bytes = size * count;
            long at = bytes <= inline ? p + (big ? 12 : 8) : (big ? (long)U64(p + 12) : U32(p + 8));
            if (at < 0 || at + bytes > b.Length)
                throw new InvalidInputException(path, $"tag {tag}", $"{bytes} bytes at offset {at}", $"data inside the file ({b.Length} bytes)");
            if (type == 2) { tags[tag] = System.Text.Encoding.ASCII.GetString(b, (int)at, (int)count).TrimEnd('\0'); continue; }
            var v = new double[count];
            for (long k = 0; k < count; k++)
            {
                long o = at + k * size;
                v[k] = type switch
                {
                    1 or 7 => b[o], 6 => (sbyte)b[o], 3 => U16(o), 8 => (short)U16(o), 4 or 13 => U32(o), 9 => (int)U32(o),
                    5 => (double)U32(o) / U32(o + 4), 10 => (double)(int)U32(o) / (int)U32(o + 4),
                    11 => BitConverter.Int32BitsToSingle((int)U32(o)), 12 => BitConverter.Int64BitsToDouble((long)U64(o)),
                    16 or 18 => U64(o), 17 => (long)U64(o), _ => double.NaN,
                };
            }
            tags[tag] = v;
        }

        double One(int tag, double? dflt, string what)
        {
            if (tags.TryGetValue(tag, out var o) && o is double[] { Length: > 0 } d) return d[0];
            return dflt ?? throw new InvalidInputException(path, $"tag {tag} ({what})", "missing", "a baseline TIFF tag");
        }
        int width = (int)One(256, null, "ImageWidth"), height = (int)One(257, null, "ImageLength");
        int spp = (int)One(277, 1, "SamplesPerPixel");
        if (spp != 1) throw new InvalidInputException(path, "tag 277 (SamplesPerPixel)", spp.ToString(CultureInfo.InvariantCulture), "unsupported TIFF layout: 1 band (one sample per pixel)");
        int bits = (int)One(258, 1, "BitsPerSample");
        int format = (int)One(339, 1, "SampleFormat");
        if (!((format is 1 or 2 && bits is 8 or 16 or 32 or 64) || (format == 3 && bits is 32 or 64)))
            throw new InvalidInputException(path, "tags 258/339 (BitsPerSample/SampleFormat)", $"{bits} bits, format {format}",
                "unsupported TIFF layout: 8/16/32/64-bit integers (format 1 or 2) or 32/64-bit floats (format 3)");
        int compression = (int)One(259, 1, "Compression");
        if (compression is not (1 or 5 or 8 or 32946 or 32773))
            throw new InvalidInputException(path, "tag 259 (Compression)", compression.ToString(CultureInfo.InvariantCulture), "unsupported TIFF layout: compression none (1), LZW (5), Deflate (8) or PackBits (32773)");
        int predictor = (int)One(317, 1, "Predictor");
        if (predictor is not (1 or 2) || (predictor == 2 && format == 3))
            throw new InvalidInputException(path, "tag 317 (Predictor)", predictor.ToString(CultureInfo.InvariantCulture), "unsupported TIFF layout: no predictor (1), or horizontal differencing (2) on integers");
        if ((long)width * height > int.MaxValue || width <= 0 || height <= 0)
            throw new InvalidInputException(path, "tags 256/257 (size)", $"{width} x {height}", "between 1 and 2^31 - 1 pixels");

        bool tiled = tags.ContainsKey(322);
        int bw = tiled ? (int)One(322, null, "TileWidth") : width;
        int bh = tiled ? (int)One(323, null, "TileLength") : Math.Min(height, (int)Math.Min(int.MaxValue, One(278, height, "RowsPerStrip")));
        var offsets = (double[])tags.GetValueOrDefault(tiled ? 324 : 273, Array.Empty<double>());
        var counts = (double[])tags.GetValueOrDefault(tiled ? 325 : 279, Array.Empty<double>());
        int across = (width + bw - 1) / bw, down = (height + bh - 1) / bh;
        if (offsets.Length < across * down || counts.Length < across * down)
            throw new InvalidInputException(path, tiled ? "tags 324/325 (TileOffsets/TileByteCounts)" : "tags 273/279 (StripOffsets/StripByteCounts)",
                $"{Math.Min(offsets.Length, counts.Length)} blocks", $"{across * down} blocks of {bw} x {bh} pixels");

        int bytesPer = bits / 8;
        var values = new double[(long)width * height];
        var block = new byte[(long)bw * bh * bytesPer];
        for (int by = 0; by < down; by++)
            for (int bx = 0; bx < across; bx++)
            {
                int k = by * across + bx;
                long off = (long)offsets[k], len = (long)counts[k];
                if (off < 0 || len < 0 || off + len > b.Length)
                    throw new InvalidInputException(path, $"block {k}", $"{len} bytes at offset {off}", $"data inside the file ({b.Length} bytes): the file is truncated or corrupt");
                int rowsHere = tiled ? bh : Math.Min(bh, height - by * bh);
                int need = rowsHere * bw * bytesPer;
                var src = b.AsSpan((int)off, (int)len);
                int got = compression switch
                {
                    1 => Copy(src, block),
                    5 => Lzw(src, block),
                    32773 => PackBits(src, block),
                    _ => Inflate(src, block, need),
                };
                if (got < need)
                    throw new InvalidInputException(path, $"block {k}", $"{got} bytes decoded", $"{need} bytes ({rowsHere} rows of {bw} pixels): the file is truncated or corrupt");
                for (int r = 0; r < rowsHere; r++)
                {
                    int row = by * bh + r;
                    if (row >= height) break;
                    long acc = 0;
                    for (int c = 0; c < bw; c++)
                    {
                        int o = (r * bw + c) * bytesPer;
                        ulong raw = bytesPer switch { 1 => block[o], 2 => U16Of(block, o, le), 4 => U32Of(block, o, le), _ => U64Of(block, o, le) };
                        if (predictor == 2)
                        {
                            acc = c == 0 ? (long)raw : acc + (long)raw;
                            raw = bits == 64 ? (ulong)acc : (ulong)acc & ((1UL << bits) - 1);
                        }
                        int col = bx * bw + c;
                        if (col >= width) continue;
                        values[(long)row * width + col] = (format, bits) switch
                        {
                            (3, 32) => BitConverter.Int32BitsToSingle((int)(uint)raw),
                            (3, 64) => BitConverter.Int64BitsToDouble((long)raw),
                            (2, 8) => (sbyte)raw, (2, 16) => (short)raw, (2, 32) => (int)raw, (2, 64) => (long)raw,
                            _ => raw,
                        };
                    }
                }
            }
        return new TiffFile(width, height, values, tags);
    }

    private static ulong U16Of(byte[] a, int o, bool le) => le ? BinaryPrimitives.ReadUInt16LittleEndian(a.AsSpan(o)) : BinaryPrimitives.ReadUInt16BigEndian(a.AsSpan(o));
    private static ulong U32Of(byte[] a, int o, bool le) => le ? BinaryPrimitives.ReadUInt32LittleEndian(a.AsSpan(o)) : BinaryPrimitives.ReadUInt32BigEndian(a.AsSpan(o));
    private static ulong U64Of(byte[] a, int o, bool le) => le ? BinaryPrimitives.ReadUInt64LittleEndian(a.AsSpan(o)) : BinaryPrimitives.ReadUInt64BigEndian(a.AsSpan(o));

    private static int Copy(ReadOnlySpan<byte> src, byte[] dst)
    {
        int n = Math.Min(src.Length, dst.Length);
        src[..n].CopyTo(dst);
        return n;
    }

    private static int Inflate(ReadOnlySpan<byte> src, byte[] dst, int need)
    {
        using var z = new ZLibStream(new MemoryStream(src.ToArray()), CompressionMode.Decompress);
        int total = 0;
        while (total < need)
        {
            int r = z.Read(dst, total, need - total);
            if (r == 0) break;
            total += r;
        }
        return total;
    }

    /// <summary>PackBits (TIFF 6.0 section 9): a signed count n, then n + 1 literal bytes (n ≥ 0) or one byte repeated 1 − n times (n &lt; 0, n ≠ −128).</summary>
    private static int PackBits(ReadOnlySpan<byte> src, byte[] dst)
    {
        int i = 0, o = 0;
        while (i < src.Length && o < dst.Length)
        {
            int n = (sbyte)src[i++];
            if (n >= 0) { int m = Math.Min(n + 1, Math.Min(dst.Length - o, src.Length - i)); src.Slice(i, m).CopyTo(dst.AsSpan(o)); i += m; o += m; }
            else if (n != -128 && i < src.Length) { byte v = src[i++]; for (int k = 0; k < 1 - n && o < dst.Length; k++) dst[o++] = v; }
        }
        return o;
    }

    /// <summary>
    /// TIFF LZW (TIFF 6.0 section 13): codes of 9–12 bits, most significant bit first, 256 = clear, 257 = end of
    /// information; the code width grows one code early (at 511, 1023, 2047), as every TIFF writer does.
    /// </summary>
    private static int Lzw(ReadOnlySpan<byte> src, byte[] dst)
    {
        var prefix = new int[4096]; var suffix = new byte[4096]; var first = new byte[4096]; var length = new int[4096];
        for (int i = 0; i < 256; i++) { prefix[i] = -1; suffix[i] = (byte)i; first[i] = (byte)i; length[i] = 1; }
        int next = 258, width = 9, old = -1, o = 0;
        long bitPos = 0, totalBits = (long)src.Length * 8;
        while (bitPos + width <= totalBits && o < dst.Length)
        {
            int code = 0;
            for (int k = 0; k < width; k++, bitPos++) code = (code << 1) | ((src[(int)(bitPos >> 3)] >> (7 - (int)(bitPos & 7))) & 1);
            if (code == 257) break;
            if (code == 256) { next = 258; width = 9; old = -1; continue; }
            if (old == -1)
            {
                if (code > 255) throw new InvalidDataException("LZW: first code after clear is not a literal");
                dst[o++] = (byte)code; old = code; continue;
            }
            int emit;
            byte head;
            if (code < next) { emit = code; head = first[code]; }
            else if (code == next) { emit = -1; head = first[old]; }
            else throw new InvalidDataException($"LZW: code {code} beyond table size {next}");
            if (next < 4096)
            {
                prefix[next] = old; suffix[next] = head; first[next] = first[old]; length[next] = length[old] + 1;
                next++;
            }
            int s = emit >= 0 ? emit : next - 1;
            int len = length[s];
            int end = Math.Min(o + len, dst.Length);
            for (int pos = o + len - 1, c = s; c >= 0; pos--, c = prefix[c]) if (pos < end) dst[pos] = suffix[c];
            o = end;
            old = code;
            if (next >= (1 << width) - 1 && width < 12) width++;
        }
        return o;
    }
}
