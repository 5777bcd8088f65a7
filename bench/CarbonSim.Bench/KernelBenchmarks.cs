using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using CarbonSim.Model.Climate;
using CarbonSim.Model.Io.BiomeBgc;
using CarbonSim.Model.Kernel;
using CarbonSim.Model.Parameters;

namespace CarbonSim.Bench;

/// <summary>
/// Process-kernel cost. Every benchmark reports one operation; divide by the cell-days it simulates
/// (OperationsPerInvoke makes BenchmarkDotNet do that: the reported mean is per cell-day for the
/// year benchmarks). Baseline: one ENF cell-year on the Missoula met (BIOME-BGC's example).
/// Run: dotnet run -c Release --project bench/CarbonSim.Bench -- --filter '*KernelBenchmarks*'
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class KernelBenchmarks
{
    private sealed class Config : ManualConfig
    {
        public Config() => AddJob(Job.ShortRun.WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(5));
    }

    private const int CellsPerTile = 100;
    private CellModel _enf = null!;
    private CellState _enfState = null!;
    private TileKernel _tile = null!;
    private AnnualSummary[] _results = null!;
    private readonly YearForcing _forcing = new(294.842, 0.0001);

    [GlobalSetup]
    public void Setup()
    {
        string root = FindRoot();
        string data = Path.Combine(root, "data", "reference", "biomebgc", "inputs");
        MetSeries met = MetReader.Read(Path.Combine(data, "metdata", "miss5093.mtc41"), 4);
        var site = new SiteParameters { SoilDepth = 1, SandPercent = 30, SiltPercent = 50, ClayPercent = 20, Elevation = 977, Latitude = 46.8, Albedo = 0.2, NDeposition = 0.0001, NFixation = 0.0004 };
        CellModel Make(string epc) => new(EpcReader.Read(Path.Combine(data, "epc", epc + ".epc")), site, met, null, epc);
        _enf = Make("enf");
        var dbf = Make("dbf");
        var grass = Make("c3grass");
        // a spun-up-like state: 300 years from bare ground with the block-0 supplement
        CellState Grow(CellModel m)
        {
            var s = m.BareGround();
            for (int y = 0; y < 300; y++) m.RunYear(s, new YearForcing(294.842, 0.0001, y < 88 ? 1.0 - y / 88.0 : 0.0));
            return s;
        }
        _enfState = Grow(_enf);
        var sDbf = Grow(dbf); var sGrass = Grow(grass);
        var models = new CellModel[CellsPerTile];
        var states = new CellState[CellsPerTile];
        for (int i = 0; i < CellsPerTile; i++)
        {
            (models[i], states[i]) = (i % 3) switch { 0 => (_enf, _enfState.Clone()), 1 => (dbf, sDbf.Clone()), _ => (grass, sGrass.Clone()) };
        }
        _tile = new TileKernel(models, states);
        _results = new AnnualSummary[CellsPerTile];
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CarbonSim.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("CarbonSim.sln not found");
    }

    /// <summary>One ENF cell-year; reported per cell-day.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = 365)]
    public double EnfCellDay() => _enf.RunYear(_enfState, _forcing).Gpp;

    /// <summary>A 100-cell tile (ENF, DBF, C3 grass mixed) for one year; reported per cell-day.</summary>
    [Benchmark(OperationsPerInvoke = 365 * CellsPerTile)]
    public double TileCellDay()
    {
        _tile.RunYear(_forcing, _results);
        return _results[0].Gpp;
    }

    /// <summary>ENF standard spin-up (BIOME-BGC rule, 2112 years); reported per spin-up.</summary>
    [Benchmark]
    public int EnfStandardSpinup() => Spinup.Run(_enf).Years;

    /// <summary>ENF accelerated spin-up; reported per spin-up.</summary>
    [Benchmark]
    public int EnfAcceleratedSpinup() => Spinup.RunAccelerated(_enf).Years;
}
