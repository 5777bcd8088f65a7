using System.Globalization;
using CarbonSim.Model.Climate;
using CarbonSim.Model.Io.BiomeBgc;
using CarbonSim.Model.Kernel;
using CarbonSim.Model.Parameters;

namespace CarbonSim.Model.Tests.Reference;

/// <summary>Paths and small parsers for data/reference/biomebgc (found by walking up to CarbonSim.sln).</summary>
public static class ReferenceData
{
    public static string RepoRoot { get; } = FindRoot();
    public static string Root => Path.Combine(RepoRoot, "data", "reference", "biomebgc");
    public static string Epc(string name) => Path.Combine(Root, "inputs", "epc", name + ".epc");
    public static string Met(string name) => Path.Combine(Root, "inputs", "metdata", name);
    public static string Expected(string file) => Path.Combine(Root, "expected", file);

    /// <summary>The Missoula site of every anchor run (inputs/ini_anchor_runs/*.ini, SITE block).</summary>
    public static SiteParameters MissoulaSite { get; } = new()
    {
        SoilDepth = 1.0, SandPercent = 30, SiltPercent = 50, ClayPercent = 20, Elevation = 977,
        Latitude = 46.8, Albedo = 0.2, NDeposition = 0.0001, NFixation = 0.0004,
    };

    /// <summary>[ppm] Constant CO2 of the anchor runs.</summary>
    public const double Co2 = 294.842;

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CarbonSim.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("CarbonSim.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Reads a CSV with a header into column name → values.</summary>
    public static Dictionary<string, double[]> ReadCsv(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
        var header = lines[0].Split(',');
        var cols = header.Select(_ => new List<double>()).ToArray();
        foreach (var l in lines.Skip(1))
        {
            var f = l.Split(',');
            for (int i = 0; i < header.Length; i++) cols[i].Add(double.Parse(f[i], CultureInfo.InvariantCulture));
        }
        return header.Select((h, i) => (h, cols[i].ToArray())).ToDictionary(x => x.h, x => x.Item2);
    }

    /// <summary>Tiny parser for "year value" files (co2.txt, ndep.txt) until the shared readers land.</summary>
    public static Dictionary<int, double> ReadYearValues(string path) =>
        File.ReadAllLines(path).Where(l => !string.IsNullOrWhiteSpace(l))
            .Select(l => l.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(f => int.Parse(f[0], CultureInfo.InvariantCulture), f => double.Parse(f[1], CultureInfo.InvariantCulture));

    public sealed record Tolerance(string Kind, string Variable, string Column, double Value);

    public static IReadOnlyList<Tolerance> Tolerances() =>
        File.ReadAllLines(Path.Combine(RepoRoot, "tests", "Model.Tests", "Reference", "tolerances.csv"))
            .Where(l => !l.StartsWith('#') && !l.StartsWith("kind,") && l.Trim().Length > 0)
            .Select(l => l.Split(','))
            .Select(f => new Tolerance(f[0], f[1], f[2], double.Parse(f[3], CultureInfo.InvariantCulture)))
            .ToList();

    public static double Pearson(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        int n = a.Count;
        double ma = a.Average(), mb = b.Average(), sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < n; i++) { double x = a[i] - ma, y = b[i] - mb; sab += x * y; saa += x * x; sbb += y * y; }
        return sab / Math.Sqrt(saa * sbb);
    }
}

/// <summary>Spin-ups shared by all reference tests of one test class run (an xunit fixture, not static state).</summary>
public sealed class ReferenceFixture
{
    private readonly Dictionary<string, SpinupResult> _spinups = new();
    private readonly Dictionary<string, CellModel> _models = new();
    private readonly object _gate = new();

    public MetSeries Missoula { get; } = MetReader.Read(ReferenceData.Met("miss5093.mtc41"), 4);

    public CellModel Model(string epc, ClimateOffsets? offsets = null)
    {
        string key = epc + "|" + (offsets ?? ClimateOffsets.None);
        lock (_gate)
        {
            if (!_models.TryGetValue(key, out var m))
                _models[key] = m = new CellModel(EpcReader.Read(ReferenceData.Epc(epc)), ReferenceData.MissoulaSite, Missoula, offsets, epc);
            return m;
        }
    }

    public SpinupResult Spinup(string epc)
    {
        var model = Model(epc);
        lock (_gate)
        {
            if (!_spinups.TryGetValue(epc, out var r))
                _spinups[epc] = r = global::CarbonSim.Model.Kernel.Spinup.Run(model, new SpinupOptions(ReferenceData.Co2));
            return r;
        }
    }
}
