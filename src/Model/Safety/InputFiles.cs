using System.Runtime.InteropServices;

namespace CarbonSim.Model.Safety;

/// <summary>
/// Inputs are regular files of a bounded size: a FIFO would block the reader forever and a device such as
/// <c>/dev/zero</c> never ends, so both are refused before anything opens them (docs/scenario.md "Limits").
/// </summary>
public static class InputFiles
{
    /// <summary>[bytes] Largest scenario, batch or configuration file read (they are a few kB; 16 MiB leaves room and bounds memory).</summary>
    public const long MaxTextFileBytes = 16L << 20;

    /// <summary>
    /// Throws <see cref="InvalidInputException"/> unless <paramref name="path"/> is an existing regular file
    /// (after links) of at most <paramref name="maxBytes"/> bytes (null = no size limit).
    /// </summary>
    public static void RequireRegular(string path, string file, string place, string what, long? maxBytes = null)
    {
        var kind = KindOf(path);
        if (kind == Kind.Missing) throw new InvalidInputException(file, place, path, $"{what} (no such file)");
        if (kind != Kind.Regular)
            throw new InvalidInputException(file, place, path, $"{what}: a regular file, not a {Describe(kind)}");
        if (maxBytes is long max && new FileInfo(path).Length is var length && length > max)
            throw new InvalidInputException(file, place, $"{path} ({length} bytes)", $"{what} of at most {max} bytes");
    }

    public enum Kind { Missing, Regular, Directory, Fifo, Device, Socket, Other }

    static string Describe(Kind k) => k switch
    {
        Kind.Directory => "folder",
        Kind.Fifo => "FIFO (named pipe)",
        Kind.Device => "device",
        Kind.Socket => "socket",
        _ => "special file",
    };

    /// <summary>What <paramref name="path"/> is, links followed; never opens it.</summary>
    public static Kind KindOf(string path)
    {
        if (Directory.Exists(path)) return Kind.Directory;
        if (!File.Exists(path)) return Kind.Missing;
        if (OperatingSystem.IsWindows()) return Kind.Regular; // no FIFOs or devices behind ordinary paths there
        var status = new byte[256]; // larger than the runtime's FileStatus struct; its mode field is the second int
        try
        {
            if (NativeStat(path, status) != 0) return Kind.Missing;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return Kind.Regular; // an unusual runtime: fall back to File.Exists
        }
        int mode = BitConverter.ToInt32(status, 4) & 0xF000;
        return mode switch
        {
            0x8000 => Kind.Regular,
            0x4000 => Kind.Directory,
            0x1000 => Kind.Fifo,
            0x2000 or 0x6000 => Kind.Device,
            0xC000 => Kind.Socket,
            _ => Kind.Other,
        };
    }

    /// <summary>stat(2) through the .NET runtime's own native shim (mode in its portable S_IF* encoding).</summary>
    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", CharSet = CharSet.Ansi, SetLastError = true)]
    static extern int NativeStat(string path, byte[] status);
}
