using CarbonSim.Model.Io.Formats;
using System.Collections.Immutable;
using System.Globalization;

namespace CarbonSim.Model.Scenarios;

/// <summary>One part of a land-use class's mix: a vegetation type (by name) and its area fraction.</summary>
/// <param name="VegetationType">Name of a vegetation type in the scenario's <c>vegetation</c> section.</param>
/// <param name="Fraction">[-] Share of the cell's area covered by this vegetation type.</param>
public sealed record VegetationColumn(string VegetationType, double Fraction);

/// <summary>
/// The surface mix of a land-use class in one climate zone: vegetated columns plus the non-vegetated
/// shares. Columns are sorted by vegetation type name; fractions sum to 1 with the other shares.
/// </summary>
/// <param name="SealedFraction">[-] Sealed (impervious) surface: no vegetation, keeps only the soil C left to it.</param>
/// <param name="BareFraction">[-] Bare soil or rock: no vegetation.</param>
/// <param name="WaterFraction">[-] Open water: no vegetation, no soil pools.</param>
public sealed record SurfaceMix(ImmutableArray<VegetationColumn> Columns, double SealedFraction, double BareFraction, double WaterFraction)
{
    /// <summary>[-] Vegetated share (sum of the columns).</summary>
    public double VegetatedFraction
    {
        get { double s = 0; foreach (var c in Columns) s += c.Fraction; return s; }
    }
}

/// <summary>A land-use class: integer code (as in rasters), name, and its surface mix per zone.</summary>
public sealed record LandUseClass(int Code, string Name, SurfaceMix DefaultMix, ImmutableSortedDictionary<string, SurfaceMix> ZoneMixes)
{
    /// <summary>The mix in a climate zone (zone override if there is one, else the default "*").</summary>
    public SurfaceMix MixIn(string zone) => ZoneMixes.TryGetValue(zone, out var m) ? m : DefaultMix;
}

/// <summary>
/// The class table (data/vegetation/class_mix.csv layout): long format, one row per class, zone and component,
/// columns <c>code,class,zone,component,fraction,basis</c>. Component is a vegetation type name or one of
/// <c>sealed</c>, <c>bare</c>, <c>water</c>. Zone is <c>*</c> (every zone) or a zone key (city id) overriding it.
/// </summary>
public sealed class LandUseClassTable
{
    public const string Sealed = "sealed", Bare = "bare", Water = "water", AnyZone = "*";

    /// <summary>Classes by name, in code order.</summary>
    public ImmutableArray<LandUseClass> Classes { get; }
    private readonly ImmutableDictionary<int, LandUseClass> _byCode;
    private readonly ImmutableDictionary<string, LandUseClass> _byName;

    private LandUseClassTable(ImmutableArray<LandUseClass> classes)
    {
        Classes = classes;
        _byCode = classes.ToImmutableDictionary(c => c.Code);
        _byName = classes.ToImmutableDictionary(c => c.Name, StringComparer.Ordinal);
    }

    /// <summary>The same table with these classes (e.g. mixes renamed to managed urban-green types, Scenarios.UrbanGreenSetup).</summary>
    public LandUseClassTable WithClasses(IEnumerable<LandUseClass> classes) => new([.. classes]);

    public bool TryGetByCode(int code, out LandUseClass cls) => _byCode.TryGetValue(code, out cls!);
    public bool TryGetByName(string name, out LandUseClass cls) => _byName.TryGetValue(name, out cls!);

    /// <summary>The class with this name; a missing class is an input error naming <paramref name="file"/> and <paramref name="place"/>.</summary>
    public LandUseClass Require(string name, string file, string place)
        => _byName.TryGetValue(name, out var c) ? c
            : throw new InvalidInputException(file, place, name, $"a land-use class of the class table ({string.Join(", ", Classes.Select(x => x.Name))})");

    /// <summary>Reads and checks the table against the scenario's vegetation type names.</summary>
    public static LandUseClassTable Read(string path, IReadOnlySet<string> vegetationTypes)
    {
        var t = CsvTable.Read(path, "code", "class", "zone", "component", "fraction");
        var rows = new SortedDictionary<string, (int Code, int Line, SortedDictionary<string, List<(string Comp, double Frac, CsvRow Row)>> Zones)>(StringComparer.Ordinal);
        foreach (var r in t.Rows)
        {
            int code = r.Integer("code", 0, 65535);
            string name = r.RequireText("class");
            string zone = r.RequireText("zone");
            string comp = r.RequireText("component");
            double frac = r.Number("fraction", 0, 1, "a fraction in [0, 1]");
            if (comp != Sealed && comp != Bare && comp != Water && !vegetationTypes.Contains(comp))
                throw new InvalidInputException(path, r.Place("component"), comp,
                    $"'sealed', 'bare', 'water' or a vegetation type of the scenario ({string.Join(", ", vegetationTypes.Order(StringComparer.Ordinal))})");
            if (!rows.TryGetValue(name, out var entry))
            {
                entry = (code, r.Line, new SortedDictionary<string, List<(string, double, CsvRow)>>(StringComparer.Ordinal));
                rows[name] = entry;
            }
            else if (entry.Code != code)
                throw new InvalidInputException(path, r.Place("code"), code.ToString(CultureInfo.InvariantCulture),
                    $"code {entry.Code} as on line {entry.Line} for class '{name}'");
            if (!entry.Zones.TryGetValue(zone, out var list)) entry.Zones[zone] = list = [];
            if (list.Any(x => x.Comp == comp))
                throw new InvalidInputException(path, r.Place("component"), comp, $"each component once per class '{name}' and zone '{zone}'");
            list.Add((comp, frac, r));
        }
        if (rows.Count == 0) throw new InvalidInputException(path, "rows", "0 rows", "at least one land-use class");

        var classes = new List<LandUseClass>();
        var codes = new Dictionary<int, string>();
        foreach (var (name, (code, line, zones)) in rows)
        {
            if (codes.TryGetValue(code, out var other))
                throw new InvalidInputException(path, $"line {line}, column 'code'", code.ToString(CultureInfo.InvariantCulture), $"a code not already used by class '{other}'");
            codes[code] = name;
            if (!zones.ContainsKey(AnyZone))
                throw new InvalidInputException(path, $"class '{name}' (line {line})", string.Join(",", zones.Keys), "a default row set with zone '*'");
            var mixes = new SortedDictionary<string, SurfaceMix>(StringComparer.Ordinal);
            foreach (var (zone, parts) in zones)
            {
                double sum = 0;
                foreach (var p in parts) sum += p.Frac;
                if (Math.Abs(sum - 1.0) > 1e-6)
                    throw new InvalidInputException(path, $"class '{name}', zone '{zone}' (line {parts[0].Row.Line})",
                        sum.ToString("0.######", CultureInfo.InvariantCulture), "fractions summing to 1");
                var cols = parts.Where(p => p.Comp is not (Sealed or Bare or Water) && p.Frac > 0)
                    .OrderBy(p => p.Comp, StringComparer.Ordinal)
                    .Select(p => new VegetationColumn(p.Comp, p.Frac)).ToImmutableArray();
                double Share(string k) => parts.Where(p => p.Comp == k).Sum(p => p.Frac);
                mixes[zone] = new SurfaceMix(cols, Share(Sealed), Share(Bare), Share(Water));
            }
            var def = mixes[AnyZone];
            mixes.Remove(AnyZone);
            classes.Add(new LandUseClass(code, name, def, mixes.ToImmutableSortedDictionary(StringComparer.Ordinal)));
        }
        return new LandUseClassTable([.. classes.OrderBy(c => c.Code)]);
    }
}
