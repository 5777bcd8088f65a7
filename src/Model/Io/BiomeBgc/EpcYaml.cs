using System.Globalization;
using CarbonSim.Model.Parameters;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CarbonSim.Model.Io.BiomeBgc;

/// <summary>
/// Named, unit-labelled twin of a .epc file: a flat YAML mapping with one key per parameter
/// (<see cref="EpcFields"/>), the unit and the .epc line in a trailing comment, plus a
/// <c>title</c> key. Reading requires every key exactly once and rejects unknown keys, naming the
/// file, the line and the key. Values round-trip exactly with <see cref="EpcWriter"/> / the .epc
/// reader (doubles are written in shortest round-trip form).
/// </summary>
public static class EpcYaml
{
    /// <summary>YAML key of the free-text title (the rest of the .epc ECOPHYS line).</summary>
    public const string TitleKey = "title";

    /// <summary>Writes the YAML text.</summary>
    public static void Write(EcophysParameters p, TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(p);
        w.Write("# CarbonSim vegetation parameters (named form of a BIOME-BGC 4.2 .epc file).\n");
        w.Write("# Each value's unit and .epc line number are in its comment. Flags are true/false.\n");
        w.Write(TitleKey + ": " + Quote(p.Title.Trim()) + "\n");
        int width = EpcFields.All.Max(f => f.Key.Length) + 2;
        foreach (var f in EpcFields.All)
        {
            double v = f.Get(p);
            string value = f.Kind == EpcFieldKind.Flag ? (v != 0 ? "true" : "false") : EpcWriter.FormatValue(f, v);
            w.Write((f.Key + ":").PadRight(width));
            w.Write(value.PadRight(10));
            w.Write(" # [");
            w.Write(f.Unit);
            w.Write("] ");
            w.Write(f.Description);
            w.Write(" (epc line ");
            w.Write(f.EpcLine.ToString(CultureInfo.InvariantCulture));
            w.Write(")\n");
        }
    }

    /// <summary>Writes the YAML file at <paramref name="path"/> (overwriting).</summary>
    public static void Write(EcophysParameters p, string path)
    {
        using var w = new StreamWriter(path);
        Write(p, w);
    }

    /// <summary>Reads a YAML parameter file.</summary>
    /// <exception cref="InvalidInputException">Missing file, malformed YAML, unknown/missing/duplicate key, bad value.</exception>
    public static EcophysParameters Read(string path)
    {
        if (!File.Exists(path))
            throw new InvalidInputException(path, "file", path, "an existing vegetation parameter YAML file");
        using var r = new StreamReader(path);
        return Parse(r, path);
    }

    /// <summary>Parses YAML text; <paramref name="fileName"/> is used in messages.</summary>
    public static EcophysParameters Parse(TextReader text, string fileName)
    {
        var stream = new YamlStream();
        try { stream.Load(text); }
        catch (YamlException e)
        {
            throw new InvalidInputException(fileName, $"line {e.Start.Line}, column {e.Start.Column}", e.Message,
                "well-formed YAML (a flat mapping of key: value)", e);
        }
        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode map)
            throw new InvalidInputException(fileName, "document", stream.Documents.Count == 0 ? "<empty>" : "<not a mapping>",
                "one YAML document holding a flat mapping of parameter keys to values");

        var byKey = EpcFields.All.ToDictionary(f => f.Key, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var p = new EcophysParameters();
        string? title = null;
        foreach (var (kNode, vNode) in map.Children)
        {
            long line = kNode.Start.Line;
            string key = (kNode as YamlScalarNode)?.Value ?? "<non-scalar key>";
            if (!seen.Add(key))
                throw new InvalidInputException(fileName, $"line {line}, key '{key}'", key, "each key once (duplicate key)");
            if (vNode is not YamlScalarNode scalar || scalar.Value is null)
                throw new InvalidInputException(fileName, $"line {line}, key '{key}'", "<not a scalar>", "a single value");
            string value = scalar.Value;
            if (key == TitleKey) { title = value; continue; }
            if (!byKey.TryGetValue(key, out var f))
                throw new InvalidInputException(fileName, $"line {line}, key '{key}'", key,
                    $"one of the known keys: {TitleKey}, {string.Join(", ", EpcFields.All.Select(x => x.Key))}");
            p = f.Set(p, ParseValue(f, value, fileName, line));
        }
        var missing = EpcFields.All.Select(f => f.Key).Prepend(TitleKey).Where(k => !seen.Contains(k)).ToList();
        if (missing.Count > 0)
            throw new InvalidInputException(fileName, $"key '{missing[0]}'", "<missing>",
                $"every parameter key to be present (missing: {string.Join(", ", missing)})");
        return p with { Title = title! };
    }

    private static double ParseValue(EpcField f, string value, string fileName, long line)
    {
        string place = $"line {line}, key '{f.Key}'";
        switch (f.Kind)
        {
            case EpcFieldKind.Flag:
                return value switch
                {
                    "true" or "1" => 1,
                    "false" or "0" => 0,
                    _ => throw new InvalidInputException(fileName, place, value, "true or false"),
                };
            case EpcFieldKind.Int:
                if (!int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int i))
                    throw new InvalidInputException(fileName, place, value, $"an integer [{f.Unit}]");
                return i;
            default:
                if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) || !double.IsFinite(d))
                    throw new InvalidInputException(fileName, place, value, $"a finite number [{f.Unit}]");
                return d;
        }
    }

    private static string Quote(string s) => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
