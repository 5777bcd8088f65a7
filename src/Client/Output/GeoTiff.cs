using CarbonSim.Model.Io.Formats;
using System.Buffers.Binary;
using System.Globalization;
using System.Security;
using CarbonSim.Model.Output;
using CarbonSim.Model.Io.Rasters;

namespace CarbonSim.Client.Output;

/// <summary>
/// Minimal GeoTIFF writer: one band of 32-bit floats, uncompressed, one strip, little-endian, with
/// the GeoTIFF 1.0 tags (ModelPixelScale 33550, ModelTiepoint 33922, GeoKeyDirectory 34735,
/// GeoDoubleParams 34736, GeoAsciiParams 34737) and GDAL's NODATA tag 42113. The CRS is written as GeoKeys
/// (<see cref="GeoKeyEncoder"/>: an EPSG code for WGS 84 / CGCS2000 lon/lat and WGS 84 UTM, the user-defined
/// projection keys for Albers, Lambert conformal conic and transverse Mercator), so the <c>.tif</c> alone opens
/// with its CRS. The WKT and the band's name and unit also go into a GDAL PAM sidecar (<c>.tif.aux.xml</c>),
/// which GDAL (and so QGIS) reads before the internal keys; the only CRS it alone carries is one the keys
/// cannot describe (e.g. the local row/column grid of a cluster result).
/// Written by hand rather than through LibTiff.NET, whose custom-tag registration is process-global.
/// </summary>
public static class GeoTiff
{
    private const ushort Short = 3, Long = 4, Double = 12, Ascii = 2;

    private sealed record Entry(ushort Tag, ushort Type, uint Count, byte[] Data);

    private static Entry Shorts(ushort tag, params ushort[] v)
    {
        var b = new byte[v.Length * 2];
        for (int i = 0; i < v.Length; i++) BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(2 * i), v[i]);
        return new Entry(tag, Short, (uint)v.Length, b);
    }
    private static Entry Longs(ushort tag, params uint[] v)
    {
        var b = new byte[v.Length * 4];
        for (int i = 0; i < v.Length; i++) BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(4 * i), v[i]);
        return new Entry(tag, Long, (uint)v.Length, b);
    }
    private static Entry Doubles(ushort tag, params double[] v)
    {
        var b = new byte[v.Length * 8];
        for (int i = 0; i < v.Length; i++) BinaryPrimitives.WriteDoubleLittleEndian(b.AsSpan(8 * i), v[i]);
        return new Entry(tag, Double, (uint)v.Length, b);
    }
    private static Entry Text(ushort tag, string s)
    {
        var b = System.Text.Encoding.ASCII.GetBytes(s + "\0");
        return new Entry(tag, Ascii, (uint)b.Length, b);
    }

    /// <summary>Writes <c>&lt;stem&gt;.tif</c> and <c>&lt;stem&gt;.tif.aux.xml</c>; values converted to the report unit, NaN → NODATA. Returns the file names written.</summary>
    public static IReadOnlyList<string> Write(string directory, GridSpec grid, RasterLayer layer)
    {
        grid.Validate();
        var (unit, _, factor) = OutputColumns.RasterUnit(layer.Unit);
        string stem = OutputColumns.RasterFileStem(layer);
        int rows = grid.Rows, cols = grid.Cols;
        long pixelBytes = 4L * rows * cols;
        if (pixelBytes > uint.MaxValue / 2) throw new InvalidOperationException($"{stem}: grid too large for a classic TIFF");

        var geo = GeoKeyEncoder.FromWkt(grid.CrsWkt);
        var entries = new List<Entry>
        {
            Longs(256, (uint)cols), Longs(257, (uint)rows), Shorts(258, 32), Shorts(259, 1), Shorts(262, 1),
            Longs(273, 0) /* patched */, Shorts(277, 1), Longs(278, (uint)rows), Longs(279, (uint)pixelBytes),
            Shorts(284, 1), Shorts(339, 3),
            Doubles(33550, grid.CellSize, grid.CellSize, 0.0),
            Doubles(33922, 0, 0, 0, grid.OriginX, grid.OriginY, 0),
            Shorts(34735, geo.Directory),
            Text(34737, geo.Ascii),
            Text(42113, AsciiGrid.NoData.ToString(CultureInfo.InvariantCulture)),
        };
        if (geo.Doubles.Length > 0) entries.Add(Doubles(34736, geo.Doubles));
        entries.Sort((a, b) => a.Tag.CompareTo(b.Tag));

        // Layout: header (8) | IFD | out-of-line values | pixels.
        uint ifdSize = (uint)(2 + 12 * entries.Count + 4);
        uint extraStart = 8 + ifdSize, extra = 0;
        var offsets = new uint[entries.Count];
        for (int i = 0; i < entries.Count; i++)
            if (entries[i].Data.Length > 4) { offsets[i] = extraStart + extra; extra += (uint)((entries[i].Data.Length + 1) & ~1); }
        uint pixelStart = extraStart + extra;
        int stripIdx = entries.FindIndex(e => e.Tag == 273);
        entries[stripIdx] = Longs(273, pixelStart);

        using (var fs = File.Create(Path.Combine(directory, stem + ".tif")))
        using (var w = new BinaryWriter(fs))
        {
            w.Write((byte)'I'); w.Write((byte)'I'); w.Write((ushort)42); w.Write(8u);
            w.Write((ushort)entries.Count);
            for (int i = 0; i < entries.Count; i++)
            {
                var e = entries[i];
                w.Write(e.Tag); w.Write(e.Type); w.Write(e.Count);
                if (e.Data.Length > 4) w.Write(offsets[i]);
                else { var pad = new byte[4]; e.Data.CopyTo(pad, 0); w.Write(pad); }
            }
            w.Write(0u); // no next IFD
            foreach (var e in entries.Where(e => e.Data.Length > 4))
            {
                w.Write(e.Data);
                if ((e.Data.Length & 1) == 1) w.Write((byte)0);
            }
            var row = new byte[4 * cols];
            for (int r = 0; r < rows; r++)
            {
                for (int c = 0; c < cols; c++)
                {
                    double v = layer.Values[grid.Index(r, c)];
                    float f = double.IsFinite(v) ? (float)(v * factor) : (float)AsciiGrid.NoData;
                    BinaryPrimitives.WriteSingleLittleEndian(row.AsSpan(4 * c), f);
                }
                w.Write(row);
            }
        }
        string aux = $"<PAMDataset>\n  <SRS>{SecurityElement.Escape(grid.CrsWkt)}</SRS>\n  <PAMRasterBand band=\"1\">\n" +
                     $"    <Description>{SecurityElement.Escape(layer.Name)}</Description>\n    <UnitType>{SecurityElement.Escape(unit)}</UnitType>\n" +
                     "  </PAMRasterBand>\n</PAMDataset>\n";
        File.WriteAllText(Path.Combine(directory, stem + ".tif.aux.xml"), aux, Csv.Utf8NoBom);
        return [stem + ".tif", stem + ".tif.aux.xml"];
    }
}
