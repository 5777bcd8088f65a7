using System.Buffers.Binary;
using System.Text;

namespace CarbonSim.Model.Io.Formats;

/// <summary>
/// Writer (and header reader, for checks) of the netCDF classic format (CDF-1, or CDF-2 "64-bit offset" when the
/// data pass 2 GiB), as the netCDF User's Guide defines it in its file-format appendix: magic "CDF" + version,
/// number of records, dimension list, global attributes, variable list (name, dimension ids, attributes, type,
/// size, begin offset), then each variable's values, big-endian, row-major, padded to 4 bytes. No record
/// (unlimited) dimension: every variable has fixed size. Read by the netCDF library, so by xarray, GDAL and QGIS.
/// </summary>
public static class NetCdfClassic
{
    /// <summary>netCDF external types used here.</summary>
    public enum NcType { Char = 2, Int = 4, Float = 5, Double = 6 }

    /// <summary>An attribute: a string (NC_CHAR), or numbers of one type (int, float or double).</summary>
    public sealed record Attr(string Name, NcType Type, object Value)
    {
        public static Attr Text(string name, string value) => new(name, NcType.Char, value);
        public static Attr Doubles(string name, params double[] v) => new(name, NcType.Double, v);
        public static Attr Floats(string name, params float[] v) => new(name, NcType.Float, v);
        public static Attr Ints(string name, params int[] v) => new(name, NcType.Int, v);
    }

    /// <summary>A variable over the named dimensions (none = scalar); <paramref name="Values"/> is double[], float[] or int[] of matching type and length.</summary>
    public sealed record Var(string Name, string[] Dims, NcType Type, Array Values, IReadOnlyList<Attr> Attrs);

    /// <summary>A whole file: dimensions in order (name, length), global attributes, variables.</summary>
    public sealed record Dataset(IReadOnlyList<(string Name, int Length)> Dims, IReadOnlyList<Attr> Attrs, IReadOnlyList<Var> Vars);

    private const int NcDimension = 0x0A, NcVariable = 0x0B, NcAttribute = 0x0C;

    private static int Size(NcType t) => t switch { NcType.Char => 1, NcType.Int or NcType.Float => 4, NcType.Double => 8, _ => throw new ArgumentOutOfRangeException(nameof(t)) };
    private static long Pad4(long n) => (n + 3) & ~3L;

    /// <summary>Writes <paramref name="d"/> to <paramref name="path"/>; throws <see cref="ArgumentException"/> on an inconsistent dataset (a programming error).</summary>
    public static void Write(string path, Dataset d)
    {
        var dimIndex = d.Dims.Select((x, i) => (x.Name, i)).ToDictionary(x => x.Name, x => x.i);
        long[] vsize = new long[d.Vars.Count];
        for (int i = 0; i < d.Vars.Count; i++)
        {
            var v = d.Vars[i];
            long n = 1;
            foreach (var dim in v.Dims)
                n *= dimIndex.TryGetValue(dim, out var k) ? d.Dims[k].Length : throw new ArgumentException($"variable {v.Name}: unknown dimension {dim}");
            if (v.Values.Length != n) throw new ArgumentException($"variable {v.Name}: {v.Values.Length} values for {n} cells");
            bool ok = v.Type switch { NcType.Double => v.Values is double[], NcType.Float => v.Values is float[], NcType.Int => v.Values is int[], _ => false };
            if (!ok) throw new ArgumentException($"variable {v.Name}: values of type {v.Values.GetType().Name} for {v.Type}");
            vsize[i] = Pad4(n * Size(v.Type));
        }
        bool cdf2 = vsize.Sum() > int.MaxValue - (1 << 20);
        var header = Header(d, dimIndex, vsize, cdf2, null);
        long begin = header.Length;
        var begins = new long[d.Vars.Count];
        for (int i = 0; i < d.Vars.Count; i++) { begins[i] = begin; begin += vsize[i]; }
        header = Header(d, dimIndex, vsize, cdf2, begins);

        using var fs = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        fs.Write(header);
        var buf = new byte[8];
        for (int i = 0; i < d.Vars.Count; i++)
        {
            var v = d.Vars[i];
            switch (v.Values)
            {
                case double[] a: foreach (var x in a) { BinaryPrimitives.WriteDoubleBigEndian(buf, x); fs.Write(buf, 0, 8); } break;
                case float[] a: foreach (var x in a) { BinaryPrimitives.WriteSingleBigEndian(buf, x); fs.Write(buf, 0, 4); } break;
                case int[] a: foreach (var x in a) { BinaryPrimitives.WriteInt32BigEndian(buf, x); fs.Write(buf, 0, 4); } break;
            }
            long written = v.Values.Length * (long)Size(v.Type);
            for (long p = written; p < vsize[i]; p++) fs.WriteByte(0);
        }
    }

    private static byte[] Header(Dataset d, Dictionary<string, int> dimIndex, long[] vsize, bool cdf2, long[]? begins)
    {
        var ms = new MemoryStream();
        void I(int v) { Span<byte> b = stackalloc byte[4]; BinaryPrimitives.WriteInt32BigEndian(b, v); ms.Write(b); }
        void L(long v) { Span<byte> b = stackalloc byte[8]; BinaryPrimitives.WriteInt64BigEndian(b, v); ms.Write(b); }
        void Name(string s)
        {
            var b = Encoding.UTF8.GetBytes(s);
            I(b.Length); ms.Write(b);
            for (long p = b.Length; p < Pad4(b.Length); p++) ms.WriteByte(0);
        }
        void Attrs(IReadOnlyList<Attr> attrs)
        {
            if (attrs.Count == 0) { I(0); I(0); return; }
            I(NcAttribute); I(attrs.Count);
            foreach (var a in attrs)
            {
                Name(a.Name); I((int)a.Type);
                switch (a.Value)
                {
                    case string s:
                        var b = Encoding.UTF8.GetBytes(s);
                        I(b.Length); ms.Write(b);
                        for (long p = b.Length; p < Pad4(b.Length); p++) ms.WriteByte(0);
                        break;
                    case double[] v: I(v.Length); foreach (var x in v) { Span<byte> t = stackalloc byte[8]; BinaryPrimitives.WriteDoubleBigEndian(t, x); ms.Write(t); } break;
                    case float[] v: I(v.Length); foreach (var x in v) { Span<byte> t = stackalloc byte[4]; BinaryPrimitives.WriteSingleBigEndian(t, x); ms.Write(t); } break;
                    case int[] v: I(v.Length); foreach (var x in v) I(x); break;
                    default: throw new ArgumentException($"attribute {a.Name}: unsupported value {a.Value.GetType().Name}");
                }
            }
        }
        ms.Write("CDF"u8); ms.WriteByte(cdf2 ? (byte)2 : (byte)1);
        I(0); // numrecs: no record dimension
        if (d.Dims.Count == 0) { I(0); I(0); }
        else { I(NcDimension); I(d.Dims.Count); foreach (var (n, len) in d.Dims) { Name(n); I(len); } }
        Attrs(d.Attrs);
        if (d.Vars.Count == 0) { I(0); I(0); }
        else
        {
            I(NcVariable); I(d.Vars.Count);
            for (int i = 0; i < d.Vars.Count; i++)
            {
                var v = d.Vars[i];
                Name(v.Name); I(v.Dims.Length);
                foreach (var dim in v.Dims) I(dimIndex[dim]);
                Attrs(v.Attrs);
                I((int)v.Type);
                I((int)Math.Min(vsize[i], uint.MaxValue >> 1));
                long b = begins?[i] ?? 0;
                if (cdf2) L(b); else I((int)b);
            }
        }
        return ms.ToArray();
    }

    /// <summary>
    /// Reads a classic (CDF-1/CDF-2, no record dimension) file written by <see cref="Write"/> back into a
    /// <see cref="Dataset"/>: the check that what was written is what the format says.
    /// </summary>
    public static Dataset Read(string path)
    {
        var b = File.ReadAllBytes(path);
        int pos = 0;
        int I() { int v = BinaryPrimitives.ReadInt32BigEndian(b.AsSpan(pos)); pos += 4; return v; }
        long L() { long v = BinaryPrimitives.ReadInt64BigEndian(b.AsSpan(pos)); pos += 8; return v; }
        string Name() { int n = I(); var s = Encoding.UTF8.GetString(b, pos, n); pos += (int)Pad4(n); return s; }
        if (b.Length < 8 || b[0] != 'C' || b[1] != 'D' || b[2] != 'F' || (b[3] != 1 && b[3] != 2))
            throw new InvalidInputException(path, "magic", Encoding.ASCII.GetString(b, 0, Math.Min(4, b.Length)), "'CDF' + version 1 or 2 (netCDF classic)");
        bool cdf2 = b[3] == 2;
        pos = 4; I();
        var dims = new List<(string, int)>();
        if (I() == NcDimension) { int n = I(); for (int i = 0; i < n; i++) dims.Add((Name(), I())); } else I();
        List<Attr> Attrs()
        {
            var list = new List<Attr>();
            if (I() != NcAttribute) { I(); return list; }
            int n = I();
            for (int i = 0; i < n; i++)
            {
                string name = Name(); var t = (NcType)I(); int count = I();
                object val = t switch
                {
                    NcType.Char => Encoding.UTF8.GetString(b, pos, count),
                    NcType.Double => Enumerable.Range(0, count).Select(k => BinaryPrimitives.ReadDoubleBigEndian(b.AsSpan(pos + 8 * k))).ToArray(),
                    NcType.Float => Enumerable.Range(0, count).Select(k => BinaryPrimitives.ReadSingleBigEndian(b.AsSpan(pos + 4 * k))).ToArray(),
                    NcType.Int => Enumerable.Range(0, count).Select(k => BinaryPrimitives.ReadInt32BigEndian(b.AsSpan(pos + 4 * k))).ToArray(),
                    _ => throw new InvalidInputException(path, $"attribute {name}", t.ToString(), "char, int, float or double"),
                };
                pos += (int)Pad4(count * Size(t));
                list.Add(new Attr(name, t, val));
            }
            return list;
        }
        var gatts = Attrs();
        var vars = new List<Var>();
        if (I() == NcVariable)
        {
            int n = I();
            for (int i = 0; i < n; i++)
            {
                string name = Name(); int nd = I();
                var vd = Enumerable.Range(0, nd).Select(_ => dims[I()].Item1).ToArray();
                var atts = Attrs(); var t = (NcType)I(); I(); long begin = cdf2 ? L() : I();
                long count = vd.Aggregate(1L, (acc, dn) => acc * dims.First(x => x.Item1 == dn).Item2);
                int at = (int)begin;
                Array values = t switch
                {
                    NcType.Double => Enumerable.Range(0, (int)count).Select(k => BinaryPrimitives.ReadDoubleBigEndian(b.AsSpan(at + 8 * k))).ToArray(),
                    NcType.Float => Enumerable.Range(0, (int)count).Select(k => BinaryPrimitives.ReadSingleBigEndian(b.AsSpan(at + 4 * k))).ToArray(),
                    NcType.Int => Enumerable.Range(0, (int)count).Select(k => BinaryPrimitives.ReadInt32BigEndian(b.AsSpan(at + 4 * k))).ToArray(),
                    _ => throw new InvalidInputException(path, $"variable {name}", t.ToString(), "int, float or double"),
                };
                vars.Add(new Var(name, vd, t, values, atts));
            }
        }
        else I();
        return new Dataset(dims, gatts, vars);
    }
}
