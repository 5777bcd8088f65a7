using System.Globalization;
using CarbonSim.Model.Parameters;

namespace CarbonSim.Model.Io.BiomeBgc;

/// <summary>
/// Writes <see cref="EcophysParameters"/> as a BIOME-BGC 4.2 .epc file: line 1 "ECOPHYS title",
/// then the 43 values in fixed order, one per line, each followed by its unit and meaning as a
/// comment. Reals use the shortest round-trip form ("R"), so reading the file back gives the same
/// doubles bit for bit.
/// </summary>
public static class EpcWriter
{
    /// <summary>Writes the .epc text.</summary>
    public static void Write(EcophysParameters p, TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(p);
        string title = p.Title.Replace('\r', ' ').Replace('\n', ' ').Trim();
        w.Write("ECOPHYS       ");
        w.Write(title);
        w.Write('\n');
        foreach (var f in EpcFields.All)
        {
            string value = FormatValue(f, f.Get(p));
            w.Write(value.PadRight(14));
            w.Write(' ');
            w.Write(('(' + f.Unit + ')').PadRight(12));
            w.Write(' ');
            w.Write(f.Description);
            w.Write('\n');
        }
    }

    /// <summary>Writes the .epc file at <paramref name="path"/> (overwriting).</summary>
    public static void Write(EcophysParameters p, string path)
    {
        using var w = new StreamWriter(path);
        Write(p, w);
    }

    internal static string FormatValue(EpcField f, double v) => f.Kind switch
    {
        EpcFieldKind.Flag or EpcFieldKind.Int => ((long)v).ToString(CultureInfo.InvariantCulture),
        _ => v.ToString("R", CultureInfo.InvariantCulture),
    };
}
