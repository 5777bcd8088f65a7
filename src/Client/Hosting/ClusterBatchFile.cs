using System.Globalization;
using CarbonSim.Model;
using YamlDotNet.RepresentationModel;

namespace CarbonSim.Client.Hosting;

/// <summary>
/// A batch file (YAML, <c>version: 1</c>): either a list of members (each a scenario or a prepared
/// <c>.runspec</c>), or one scenario and an ensemble of seeded perturbations; and a concurrency limit.
/// Paths are relative to the batch file. Unknown keys are errors.
/// <code>
/// version: 1
/// name: jjj-scenarios          # optional (default: file name)
/// concurrency: 3              # members running at once (default 2)
/// members:                     # a list ...
///   - scenario: baseline.yaml  #   or  spec: baseline.runspec
///     label: baseline          #   optional
/// # ... or an ensemble:
/// scenario: baseline.yaml      # or  spec: baseline.runspec
/// ensemble:
///   members: 8
///   seed: 42
///   perturb:                   # relative half-widths of uniform factors on the transient forcing
///     co2: 0.05                #   CO2 series × U(0.95, 1.05), one draw per member
///     ndep: 0.2                #   N deposition series × U(0.8, 1.2)
/// </code>
/// Ensemble perturbations act on the transient forcing only, so every member shares the base
/// scenario's spin-ups (computed once on the cluster).
/// </summary>
public sealed record ClusterBatchFile
{
    public sealed record Source(string Path, string Label);
    /// <summary>One ensemble member's multiplicative factors [-] on the CO2 and N-deposition series.</summary>
    public sealed record Perturbation(int Index, double Co2Factor, double NDepFactor)
    {
        public string Label => string.Create(CultureInfo.InvariantCulture, $"m{Index:D2} co2x{Co2Factor:F4} ndepx{NDepFactor:F4}");
    }

    /// <summary>[count] Most members of one batch (each is prepared on the client and tracked by the cluster).</summary>
    public const int MaxMembers = 1000;

    public string Name { get; init; } = "";
    public int Concurrency { get; init; } = 2;
    /// <summary>Explicit members (empty for an ensemble).</summary>
    public IReadOnlyList<Source> Members { get; init; } = [];
    /// <summary>Base of an ensemble (null for a member list).</summary>
    public Source? Base { get; init; }
    public IReadOnlyList<Perturbation> Ensemble { get; init; } = [];

    public static ClusterBatchFile Load(string path)
    {
        if (!File.Exists(path)) throw new InvalidInputException(path, "file", "missing", "an existing batch file");
        string text = Model.Safety.YamlLimits.ReadChecked(path, "a batch file"); // regular file, size, nesting, scalar length
        var yaml = new YamlStream();
        try { using var reader = new StringReader(text); yaml.Load(reader); }
        catch (YamlDotNet.Core.YamlException e) { throw new InvalidInputException(path, $"line {e.Start.Line}", "unparsable YAML", e.Message, e); }
        if (yaml.Documents.Count != 1 || yaml.Documents[0].RootNode is not YamlMappingNode root)
            throw new InvalidInputException(path, "top level", "not a mapping", "a YAML mapping with version, concurrency and members or scenario + ensemble");
        string dir = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        var known = new HashSet<string> { "version", "name", "concurrency", "members", "scenario", "spec", "ensemble" };
        foreach (var (k, _) in root.Children) if (!known.Contains(Key(k))) throw Bad(path, k, Key(k), $"one of {string.Join(", ", known)}");

        if (Scalar(path, root, "version") is not "1") throw Bad(path, root, Scalar(path, root, "version") ?? "(missing)", "version: 1");
        int concurrency = Int(path, root, "concurrency", 1) ?? 2;
        string name = Scalar(path, root, "name") ?? System.IO.Path.GetFileNameWithoutExtension(path);
        if (root.Children.TryGetValue("name", out var nameNode) && !Model.Safety.SimpleName.IsValid(name))
            throw Bad(path, nameNode, name, Model.Safety.SimpleName.Rule);

        bool hasList = root.Children.ContainsKey("members");
        bool hasBase = root.Children.ContainsKey("scenario") || root.Children.ContainsKey("spec");
        if (hasList == hasBase) throw Bad(path, root, hasList ? "members and scenario" : "neither", "either members: [...] or scenario: + ensemble:");
        if (hasList)
        {
            if (root.Children["members"] is not YamlSequenceNode list || list.Children.Count == 0)
                throw Bad(path, root.Children["members"], "members", "a non-empty list of {scenario: file} or {spec: file}");
            if (list.Children.Count > MaxMembers)
                throw Bad(path, list, $"{list.Children.Count} members", $"at most {MaxMembers} members (split the batch)");
            var members = new List<Source>();
            foreach (var item in list.Children)
            {
                if (item is not YamlMappingNode m) throw Bad(path, item, item.ToString(), "a mapping with scenario: or spec:");
                foreach (var (k, _) in m.Children) if (Key(k) is not ("scenario" or "spec" or "label")) throw Bad(path, k, Key(k), "scenario, spec or label");
                members.Add(SourceOf(path, dir, m, $"member {members.Count + 1}"));
            }
            return new ClusterBatchFile { Name = name, Concurrency = concurrency, Members = members };
        }

        var source = SourceOf(path, dir, root, "base");
        if (!root.Children.TryGetValue("ensemble", out var ensNode) || ensNode is not YamlMappingNode ens)
            throw Bad(path, root, "no ensemble", "ensemble: {members: n, seed: s, perturb: {...}} beside scenario:");
        foreach (var (k, _) in ens.Children) if (Key(k) is not ("members" or "seed" or "perturb")) throw Bad(path, k, Key(k), "members, seed or perturb");
        int n = Int(path, ens, "members", 1) ?? throw Bad(path, ens, "(missing)", "ensemble.members: a whole number ≥ 1");
        if (n > MaxMembers) throw Bad(path, ens.Children["members"], n.ToString(CultureInfo.InvariantCulture), $"ensemble.members: at most {MaxMembers} (split the batch)");
        int seed = Int(path, ens, "seed", 0) ?? throw Bad(path, ens, "(missing)", "ensemble.seed: a whole number ≥ 0");
        double co2 = 0, ndep = 0;
        if (ens.Children.TryGetValue("perturb", out var pNode))
        {
            if (pNode is not YamlMappingNode p) throw Bad(path, pNode, pNode.ToString(), "a mapping of co2 / ndep to relative half-widths");
            foreach (var (k, v) in p.Children)
            {
                string key = Key(k);
                double w = double.TryParse(v.ToString(), CultureInfo.InvariantCulture, out var x) && x >= 0 && x < 1 ? x
                    : throw Bad(path, v, v.ToString(), $"perturb.{key}: a relative half-width in [0, 1)");
                if (key == "co2") co2 = w; else if (key == "ndep") ndep = w;
                else throw Bad(path, k, key, "co2 or ndep (ensemble perturbations act on the transient forcing)");
            }
        }
        var rng = new SplitMix64((ulong)seed);
        var draws = Enumerable.Range(0, n).Select(i =>
            new Perturbation(i, 1 + co2 * (2 * rng.NextUnit() - 1), 1 + ndep * (2 * rng.NextUnit() - 1))).ToArray();
        return new ClusterBatchFile { Name = name, Concurrency = concurrency, Base = source, Ensemble = draws };
    }

    static Source SourceOf(string file, string dir, YamlMappingNode m, string what)
    {
        string? scenario = Scalar(file, m, "scenario"), spec = Scalar(file, m, "spec");
        if ((scenario is null) == (spec is null)) throw Bad(file, m, what, "exactly one of scenario: or spec:");
        string rel = scenario ?? spec!;
        string full = System.IO.Path.GetFullPath(System.IO.Path.Combine(dir, rel));
        if (!File.Exists(full)) throw Bad(file, m.Children[scenario is null ? "spec" : "scenario"], rel, "an existing file (paths are relative to the batch file)");
        return new Source(full, Scalar(file, m, "label") ?? System.IO.Path.GetFileNameWithoutExtension(full));
    }

    static string Key(YamlNode k) => k.ToString();

    static string? Scalar(string file, YamlMappingNode m, string key) =>
        m.Children.TryGetValue(key, out var v) ? v is YamlScalarNode s ? s.Value : throw Bad(file, v, v.ToString(), $"{key}: a single value") : null;

    static int? Int(string file, YamlMappingNode m, string key, int min) =>
        Scalar(file, m, key) is not { } text ? null
        : int.TryParse(text, CultureInfo.InvariantCulture, out int v) && v >= min ? v
        : throw Bad(file, m.Children[key], text, $"{key}: a whole number ≥ {min}");

    static InvalidInputException Bad(string file, YamlNode node, string value, string expected) =>
        new(file, $"line {node.Start.Line}", value, expected);

    /// <summary>SplitMix64 (Steele, Lea and Flood 2014): a small seeded generator, identical on every platform and .NET version.</summary>
    sealed class SplitMix64(ulong seed)
    {
        ulong _state = seed;

        /// <summary>A uniform draw in [0, 1) with 53 random bits.</summary>
        public double NextUnit()
        {
            ulong z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return (z >> 11) * (1.0 / (1UL << 53));
        }
    }
}
