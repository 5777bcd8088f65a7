using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace CarbonSim.Model.Scenarios;

/// <summary>
/// A YAML mapping read strictly: every accessor records the key as known, <see cref="RejectUnknownKeys"/>
/// then fails on the first key nobody asked for. Errors name the file, the key path and its line.
/// </summary>
internal sealed class YamlMap
{
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);
    public string File { get; }
    /// <summary>Dotted key path of this mapping ("" for the document root).</summary>
    public string Path { get; }
    public YamlMappingNode Node { get; }

    public YamlMap(string file, string path, YamlMappingNode node)
    {
        File = file; Path = path; Node = node;
    }

    public string KeyPath(string key) => Path.Length == 0 ? key : $"{Path}.{key}";
    public static string Place(string keyPath, YamlNode node) => $"{keyPath} (line {node.Start.Line})";
    public string Place(string key) => Node.Children.TryGetValue(new YamlScalarNode(key), out var n)
        ? Place(KeyPath(key), n) : MissingPlace(key);

    /// <summary>Place of a key that is absent: the key path and the mapping it should be in.</summary>
    public string MissingPlace(string key) => Path.Length == 0 ? $"{key} (top level)" : $"{KeyPath(key)} (in '{Path}' at line {Node.Start.Line})";

    public bool Has(string key) { _known.Add(key); return Node.Children.ContainsKey(new YamlScalarNode(key)); }

    public YamlNode? Get(string key)
    {
        _known.Add(key);
        return Node.Children.TryGetValue(new YamlScalarNode(key), out var n) ? n : null;
    }

    public YamlNode Require(string key, string expectation)
        => Get(key) ?? throw new InvalidInputException(File, MissingPlace(key), "missing", expectation);

    public string ScalarText(string key, YamlNode n, string expectation)
        => n is YamlScalarNode s && s.Value is not null ? s.Value
            : throw new InvalidInputException(File, Place(KeyPath(key), n), Describe(n), expectation);

    public string RequireString(string key, string expectation = "a text value")
    {
        var n = Require(key, expectation);
        var v = ScalarText(key, n, expectation);
        if (v.Length == 0) throw new InvalidInputException(File, Place(KeyPath(key), n), "", expectation);
        return v;
    }

    public string? OptionalString(string key, string expectation = "a text value")
    {
        var n = Get(key);
        return n is null ? null : ScalarText(key, n, expectation);
    }

    public double Number(string key, double? fallback, double min, double max, string expectation)
    {
        var n = Get(key);
        if (n is null)
            return fallback ?? throw new InvalidInputException(File, MissingPlace(key), "missing", expectation);
        var s = ScalarText(key, n, expectation);
        if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v) || v < min || v > max)
            throw new InvalidInputException(File, Place(KeyPath(key), n), s, expectation);
        return v;
    }

    public long Integer(string key, long? fallback, long min, long max, string expectation)
    {
        var n = Get(key);
        if (n is null)
            return fallback ?? throw new InvalidInputException(File, MissingPlace(key), "missing", expectation);
        var s = ScalarText(key, n, expectation);
        if (!long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) || v < min || v > max)
            throw new InvalidInputException(File, Place(KeyPath(key), n), s, expectation);
        return v;
    }

    public bool Boolean(string key, bool fallback)
    {
        var n = Get(key);
        if (n is null) return fallback;
        var s = ScalarText(key, n, "true or false");
        return s switch
        {
            "true" or "True" or "yes" => true,
            "false" or "False" or "no" => false,
            _ => throw new InvalidInputException(File, Place(KeyPath(key), n), s, "true or false"),
        };
    }

    public YamlMap? OptionalMap(string key)
    {
        var n = Get(key);
        if (n is null) return null;
        return n is YamlMappingNode m ? new YamlMap(File, KeyPath(key), m)
            : throw new InvalidInputException(File, Place(KeyPath(key), n), Describe(n), "a mapping (key: value lines)");
    }

    public YamlMap RequireMap(string key)
        => OptionalMap(key) ?? throw new InvalidInputException(File, MissingPlace(key), "missing", $"a '{key}' section");

    public YamlSequenceNode? OptionalSequence(string key)
    {
        var n = Get(key);
        if (n is null) return null;
        return n as YamlSequenceNode ?? throw new InvalidInputException(File, Place(KeyPath(key), n), Describe(n), "a list ([a, b] or '- item' lines)");
    }

    /// <summary>The mapping's own entries, in file order (for open-ended maps such as vegetation types).</summary>
    public IEnumerable<(string Key, YamlNode KeyNode, YamlNode Value)> Entries()
    {
        foreach (var (k, v) in Node.Children)
        {
            var key = k is YamlScalarNode s ? s.Value ?? "" : Describe(k);
            _known.Add(key);
            yield return (key, k, v);
        }
    }

    /// <summary>Fails on the first key that no accessor asked for.</summary>
    public void RejectUnknownKeys()
    {
        foreach (var (k, _) in Node.Children)
        {
            var key = k is YamlScalarNode s ? s.Value ?? "" : Describe(k);
            if (!_known.Contains(key))
                throw new InvalidInputException(File, Place(KeyPath(key), k), key,
                    $"a known key of {(Path.Length == 0 ? "the scenario" : $"'{Path}'")} ({string.Join(", ", _known.Order(StringComparer.Ordinal))})");
        }
    }

    public static string Describe(YamlNode n) => n switch
    {
        YamlScalarNode s => s.Value ?? "",
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        _ => n.NodeType.ToString(),
    };
}
