using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace CarbonSim.Model.Io.Restart;

/// <summary>Contents of a CarbonSim restart file.</summary>
/// <param name="FormatVersion">[-] Layout version of the file (see <see cref="RestartFile"/>).</param>
/// <param name="EngineVersion">[-] <see cref="EngineInfo.Version"/> of the engine that wrote it.</param>
/// <param name="MetYear">[-] 0-based position in the met record of the next year to simulate.</param>
/// <param name="State">[mixed, internal units] The cell state as flattened by the kernel (CellState.ToArray()).</param>
public sealed record RestartData(int FormatVersion, string EngineVersion, int MetYear, double[] State);

/// <summary>
/// CarbonSim's own binary restart (end-of-run state) format; it replaces BIOME-BGC's raw struct dump,
/// which is neither portable nor checkable. Layout, little-endian:
/// <code>
/// offset  size   content
/// 0       4      magic "CSRS" (ASCII)
/// 4       4      int32 format version (currently 1)
/// 8       2      uint16 byte length L of the engine version string
/// 10      L      engine version, UTF-8 (e.g. "0.1.0")
/// 10+L    4      int32 met-year index (0-based position in the met record)
/// 14+L    4      int32 number of state values N
/// 18+L    8N     N float64 state values (CellState.ToArray() order)
/// 18+L+8N 32     SHA-256 of every preceding byte
/// </code>
/// Reads fail with an <see cref="InvalidInputException"/> naming the file, the byte offset, what was
/// found and what was expected (wrong magic, unknown version, truncation, checksum mismatch, trailing bytes,
/// unexpected state length). Writes go to a temporary file in the same folder, then are renamed, so a
/// crash never leaves a half-written restart.
/// </summary>
public static partial class RestartFile
{
    /// <summary>[-] The four magic bytes.</summary>
    public const string Magic = "CSRS";
    /// <summary>[-] Layout version written by this code.</summary>
    public const int CurrentFormatVersion = 1;
    private const int HashLength = 32;
    /// <summary>[-] Upper bound on state length accepted on reading (guards against garbage lengths).</summary>
    public const int MaxStateLength = 1 << 20;

    /// <summary>Serialises a restart to bytes.</summary>
    public static byte[] ToBytes(ReadOnlySpan<double> state, int metYear, string? engineVersion = null)
    {
        if (metYear < 0) throw new ArgumentOutOfRangeException(nameof(metYear), metYear, "met-year index must be >= 0");
        byte[] ver = Encoding.UTF8.GetBytes(engineVersion ?? EngineInfo.Version);
        if (ver.Length > ushort.MaxValue) throw new ArgumentException("engine version string too long", nameof(engineVersion));
        int bodyLength = 4 + 4 + 2 + ver.Length + 4 + 4 + 8 * state.Length;
        var buf = new byte[bodyLength + HashLength];
        var s = buf.AsSpan();
        Encoding.ASCII.GetBytes(Magic, s);
        BinaryPrimitives.WriteInt32LittleEndian(s[4..], CurrentFormatVersion);
        BinaryPrimitives.WriteUInt16LittleEndian(s[8..], (ushort)ver.Length);
        ver.CopyTo(s[10..]);
        int o = 10 + ver.Length;
        BinaryPrimitives.WriteInt32LittleEndian(s[o..], metYear); o += 4;
        BinaryPrimitives.WriteInt32LittleEndian(s[o..], state.Length); o += 4;
        for (int i = 0; i < state.Length; i++, o += 8)
            BinaryPrimitives.WriteDoubleLittleEndian(s[o..], state[i]);
        SHA256.HashData(s[..bodyLength], s[bodyLength..]);
        return buf;
    }

    /// <summary>Writes a restart file atomically (temporary file in the same folder, then rename).</summary>
    public static void Write(string path, ReadOnlySpan<double> state, int metYear)
    {
        byte[] bytes = ToBytes(state, metYear);
        string full = Path.GetFullPath(path);
        string dir = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        string tmp = Path.Combine(dir, "." + Path.GetFileName(full) + ".tmp-" + Environment.ProcessId);
        try
        {
            File.WriteAllBytes(tmp, bytes);
            File.Move(tmp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(tmp)) File.Delete(tmp);
        }
    }

    /// <summary>Reads and checks a restart file.</summary>
    /// <param name="path">File to read.</param>
    /// <param name="expectedStateLength">[-] If given, the state must hold exactly this many values.</param>
    public static RestartData Read(string path, int? expectedStateLength = null)
    {
        if (!File.Exists(path))
            throw new InvalidInputException(path, "file", path, "an existing CarbonSim restart file (written by a spin-up with the write-restart flag set)");
        return FromBytes(File.ReadAllBytes(path), path, expectedStateLength);
    }

    /// <summary>Parses and checks restart bytes; <paramref name="fileName"/> is used in messages.</summary>
    public static RestartData FromBytes(ReadOnlySpan<byte> b, string fileName, int? expectedStateLength = null)
    {
        int length = b.Length;
        void Need(int offset, int count, string what)
        {
            if ((long)length < (long)offset + count)
                throw new InvalidInputException(fileName, $"byte {offset} ({what})",
                    $"<file ends after {length} bytes>", $"{count} more bytes: the file is truncated");
        }

        Need(0, 4, "magic");
        string magic = Encoding.ASCII.GetString(b[..4]);
        if (magic != Magic)
            throw new InvalidInputException(fileName, "byte 0 (magic)", Printable(b[..4]),
                $"\"{Magic}\": not a CarbonSim restart file (BIOME-BGC's own .endpoint files cannot be read)");
        Need(4, 4, "format version");
        int version = BinaryPrimitives.ReadInt32LittleEndian(b[4..]);
        if (version != CurrentFormatVersion)
            throw new InvalidInputException(fileName, "byte 4 (format version)", version.ToString(),
                $"format version {CurrentFormatVersion}");
        Need(8, 2, "engine version length");
        int verLen = BinaryPrimitives.ReadUInt16LittleEndian(b[8..]);
        Need(10, verLen, "engine version");
        string engine = Encoding.UTF8.GetString(b.Slice(10, verLen));
        int o = 10 + verLen;
        Need(o, 4, "met-year index");
        int metYear = BinaryPrimitives.ReadInt32LittleEndian(b[o..]);
        if (metYear < 0)
            throw new InvalidInputException(fileName, $"byte {o} (met-year index)", metYear.ToString(), "a met-year index >= 0");
        o += 4;
        Need(o, 4, "state length");
        int n = BinaryPrimitives.ReadInt32LittleEndian(b[o..]);
        if (n < 0 || n > MaxStateLength)
            throw new InvalidInputException(fileName, $"byte {o} (state length)", n.ToString(), $"a count in [0, {MaxStateLength}]");
        if (expectedStateLength is int want && n != want)
            throw new InvalidInputException(fileName, $"byte {o} (state length)", n.ToString(),
                $"{want} state values (this engine's cell state; file written by engine {engine})");
        o += 4;
        Need(o, 8 * n, $"{n} state values");
        var state = new double[n];
        for (int i = 0; i < n; i++)
            state[i] = BinaryPrimitives.ReadDoubleLittleEndian(b[(o + 8 * i)..]);
        o += 8 * n;
        Need(o, HashLength, "SHA-256 checksum");
        Span<byte> hash = stackalloc byte[HashLength];
        SHA256.HashData(b[..o], hash);
        if (!hash.SequenceEqual(b.Slice(o, HashLength)))
            throw new InvalidInputException(fileName, $"byte {o} (SHA-256 checksum)", Convert.ToHexString(b.Slice(o, 4)) + "...",
                $"{Convert.ToHexString(hash[..4])}...: the file is corrupted");
        if (b.Length != o + HashLength)
            throw new InvalidInputException(fileName, $"byte {o + HashLength}", $"{b.Length - o - HashLength} extra bytes",
                "end of file after the checksum");
        return new RestartData(version, engine, metYear, state);
    }

    private static string Printable(ReadOnlySpan<byte> b)
    {
        var sb = new StringBuilder();
        foreach (byte x in b) sb.Append(x is >= 32 and < 127 ? (char)x : '?');
        return sb + " (0x" + Convert.ToHexString(b) + ")";
    }
}
