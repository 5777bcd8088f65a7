using BitMiracle.LibTiff.Classic;

namespace CarbonSim.Model.Tests.Io.Rasters;

/// <summary>
/// Writes test GeoTIFFs with LibTiff.NET (an encoder independent of the reader under test). The GeoTIFF tags are
/// registered on the one open file (<see cref="Tiff.MergeFieldInfo"/>), not process-wide.
/// </summary>
internal static class TestTiff
{
    public sealed record Layout(Compression Compression = Compression.NONE, int TileSize = 0, int RowsPerStrip = 0, bool Predictor = false);

    /// <summary>GeoKeys for an EPSG projected CRS (GTModelType 1, RasterPixelIsArea, ProjectedCSType).</summary>
    public static ushort[] ProjectedKeys(int epsg) => [1, 1, 0, 3, 1024, 0, 1, 1, 1025, 0, 1, 1, 3072, 0, 1, (ushort)epsg];
    /// <summary>GeoKeys for an EPSG geographic CRS.</summary>
    public static ushort[] GeographicKeys(int epsg) => [1, 1, 0, 3, 1024, 0, 1, 2, 1025, 0, 1, 1, 2048, 0, 1, (ushort)epsg];

    /// <summary>
    /// Writes a one-band raster. <paramref name="values"/> row-major (row 0 = north); <paramref name="bits"/> 8 or 16
    /// (unsigned) or -32 (float). West edge <paramref name="x0"/>, north edge <paramref name="y0"/>, pixel size <paramref name="dx"/> x <paramref name="dy"/>.
    /// </summary>
    public static void Write(string path, int width, int height, double[] values, int bits, double x0, double y0, double dx, double dy,
        ushort[]? geoKeys, double[]? geoDoubles = null, string? noData = null, Layout? layout = null, int samplesPerPixel = 1)
    {
        layout ??= new Layout();
        using var t = Tiff.Open(path, "w") ?? throw new IOException("cannot write " + path);
        t.MergeFieldInfo(
        [
            new TiffFieldInfo(TiffTag.GEOTIFF_MODELPIXELSCALETAG, -1, -1, TiffType.DOUBLE, FieldBit.Custom, false, true, "ModelPixelScale"),
            new TiffFieldInfo(TiffTag.GEOTIFF_MODELTIEPOINTTAG, -1, -1, TiffType.DOUBLE, FieldBit.Custom, false, true, "ModelTiepoint"),
            new TiffFieldInfo(TiffTag.GEOTIFF_GEOKEYDIRECTORYTAG, -1, -1, TiffType.SHORT, FieldBit.Custom, false, true, "GeoKeyDirectory"),
            new TiffFieldInfo(TiffTag.GEOTIFF_GEODOUBLEPARAMSTAG, -1, -1, TiffType.DOUBLE, FieldBit.Custom, false, true, "GeoDoubleParams"),
            new TiffFieldInfo(TiffTag.GDAL_NODATA, -1, -1, TiffType.ASCII, FieldBit.Custom, false, false, "GDAL_NODATA"),
        ], 5);
        int bytes = Math.Abs(bits) / 8;
        t.SetField(TiffTag.IMAGEWIDTH, width); t.SetField(TiffTag.IMAGELENGTH, height);
        t.SetField(TiffTag.BITSPERSAMPLE, Math.Abs(bits)); t.SetField(TiffTag.SAMPLESPERPIXEL, samplesPerPixel);
        t.SetField(TiffTag.SAMPLEFORMAT, bits < 0 ? SampleFormat.IEEEFP : SampleFormat.UINT);
        t.SetField(TiffTag.PHOTOMETRIC, Photometric.MINISBLACK); t.SetField(TiffTag.PLANARCONFIG, PlanarConfig.CONTIG);
        t.SetField(TiffTag.COMPRESSION, layout.Compression);
        if (layout.Predictor) t.SetField(TiffTag.PREDICTOR, Predictor.HORIZONTAL);
        t.SetField(TiffTag.GEOTIFF_MODELPIXELSCALETAG, 3, new[] { dx, dy, 0.0 });
        t.SetField(TiffTag.GEOTIFF_MODELTIEPOINTTAG, 6, new[] { 0.0, 0, 0, x0, y0, 0 });
        if (geoKeys is not null) t.SetField(TiffTag.GEOTIFF_GEOKEYDIRECTORYTAG, geoKeys.Length, geoKeys.Select(k => (short)k).ToArray());
        if (geoDoubles is not null) t.SetField(TiffTag.GEOTIFF_GEODOUBLEPARAMSTAG, geoDoubles.Length, geoDoubles);
        if (noData is not null) t.SetField(TiffTag.GDAL_NODATA, noData);

        byte[] Pixels(int r0, int c0, int h, int w)
        {
            var buf = new byte[h * w * bytes * samplesPerPixel];
            for (int r = 0; r < h; r++)
                for (int c = 0; c < w; c++)
                {
                    int rr = r0 + r, cc = c0 + c;
                    double v = rr < height && cc < width ? values[rr * width + cc] : 0;
                    for (int s = 0; s < samplesPerPixel; s++)
                    {
                        int o = ((r * w + c) * samplesPerPixel + s) * bytes;
                        switch (bits)
                        {
                            case 8: buf[o] = (byte)v; break;
                            case 16: BitConverter.TryWriteBytes(buf.AsSpan(o), (ushort)v); break;
                            default: BitConverter.TryWriteBytes(buf.AsSpan(o), (float)v); break;
                        }
                    }
                }
            return buf;
        }
        if (layout.TileSize > 0)
        {
            int ts = layout.TileSize;
            t.SetField(TiffTag.TILEWIDTH, ts); t.SetField(TiffTag.TILELENGTH, ts);
            for (int r = 0; r < height; r += ts)
                for (int c = 0; c < width; c += ts)
                {
                    var buf = Pixels(r, c, ts, ts);
                    t.WriteEncodedTile(t.ComputeTile(c, r, 0, 0), buf, buf.Length);
                }
        }
        else
        {
            int rps = layout.RowsPerStrip > 0 ? layout.RowsPerStrip : height;
            t.SetField(TiffTag.ROWSPERSTRIP, rps);
            for (int r = 0, s = 0; r < height; r += rps, s++)
            {
                var buf = Pixels(r, 0, Math.Min(rps, height - r), width);
                t.WriteEncodedStrip(s, buf, buf.Length);
            }
        }
    }
}
