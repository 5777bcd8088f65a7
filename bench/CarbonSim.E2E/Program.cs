using System.Diagnostics;
using System.Globalization;
using CarbonSim.Client.Cli;
using CarbonSim.Client.Commands;
using CarbonSim.E2E;
using CarbonSim.Contracts;
using CarbonSim.Model.Engine;
using CarbonSim.Grains.Engine;

// End-to-end engine overhead: the same scenario through the engine (embedded silo, grains, messages,
// output files) and as bare kernel loops on the same cells and cores, alternated --repeat times.
// Wall times on a shared machine are noisy, so CPU seconds of the same phases are reported too.
// usage: dotnet run -c Release --project bench/CarbonSim.E2E -- [<scenario>] [--resolution <km>] [--tile-size <n>] [--repeat <n>]
int repeat = 2;
var rest = new List<string>(args);
int r = rest.IndexOf("--repeat");
if (r >= 0) { repeat = int.Parse(rest[r + 1], CultureInfo.InvariantCulture); rest.RemoveRange(r, 2); }
var options = RunOptions.Parse(rest) with { OutDir = Path.Combine(Path.GetTempPath(), $"carbonsim-e2e-{Environment.ProcessId}"), Overwrite = true }; // --out is the run folder itself: every round replaces it
var inv = CultureInfo.InvariantCulture;

try
{
    // Warm up the JIT on a small slice of the same region, so neither side pays for compilation.
    var (_, fullSpec) = RunCommand.Prepare(options);
    BareKernel.Run(Slice(fullSpec, 60, 2), new BgcKernel(), Environment.ProcessorCount);

    for (int round = 1; round <= repeat; round++)
    {
        double cpu0 = Cpu();
        var bare = BareKernel.Run(fullSpec, new BgcKernel(), Environment.ProcessorCount);
        double bareCpu = Cpu() - cpu0;
        var engine = await RunCommand.Execute(options, null);
        var spec = engine.Spec;

        // Same numbers? The engine's last-year cell values must equal the bare loops' bit for bit.
        var last = engine.Outcome.CellSnapshots.SingleOrDefault(s => s.Year == spec.LastYear);
        string identical = last is null ? "not compared (last year not among cell-output years)"
            : last.Values.AsSpan().SequenceEqual(bare.LastYearCellValues) ? "identical" : "DIFFERENT";
        double engineCompute = engine.SpinupSeconds + engine.TransientSeconds, engineCpu = engine.SpinupCpuSeconds + engine.TransientCpuSeconds;
        double bareCompute = bare.SpinupSeconds + bare.TransientSeconds;
        double rest2 = engine.TotalSeconds - engine.SiloStartSeconds - engineCompute - engine.WriteSeconds;
        Console.WriteLine(string.Create(inv, $"""
            round {round}: {spec.ScenarioName}, {spec.Cells.Count} cells, {spec.Cells.ColumnCount} columns, {engine.Outcome.SpinupCount} spin-ups, {spec.YearCount} years, {engine.Outcome.TileCount} tiles of {spec.TileSize}x{spec.TileSize}, {Environment.ProcessorCount} cores, load {LoadAverage()}
              engine  {engine.TotalSeconds,6:F2} s wall end to end (validate+region {rest2:F2}, silo start {engine.SiloStartSeconds:F2}, spin-up {engine.SpinupSeconds:F2}, years {engine.TransientSeconds:F2}, write {engine.WriteSeconds:F2}); spin-up+years {engineCpu:F2} s CPU
              bare    {bareCompute,6:F2} s wall (spin-up {bare.SpinupSeconds:F2}, years {bare.TransientSeconds:F2}); {bareCpu:F2} s CPU
              overhead of spin-up+years: {100 * (engineCompute / bareCompute - 1):F1} % wall, {100 * (engineCpu / bareCpu - 1):F1} % CPU; end to end incl. silo start and writing: {100 * ((engineCompute + engine.SiloStartSeconds + engine.WriteSeconds) / bareCompute - 1):F1} % wall
              last-year cell values, engine vs bare: {identical}
            """));
    }
}
finally
{
    if (Directory.Exists(options.OutDir)) Directory.Delete(options.OutDir, recursive: true);
}

static double Cpu() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

/// <summary>The first <paramref name="cells"/> cells and <paramref name="years"/> years of a run (for JIT warm-up).</summary>
static RunSpec Slice(RunSpec spec, int cells, int years)
{
    var t = spec.Cells;
    int n = Math.Min(cells, t.Count), columns = t.ColumnStart[n];
    return spec with
    {
        LastYear = spec.FirstYear + years - 1,
        Co2ByYear = spec.Co2ByYear[..years],
        NDepositionByYear = spec.NDepositionByYear[..years],
        CellOutputYears = [],
        Cells = t with
        {
            Row = t.Row[..n], Col = t.Col[..n], City = t.City[..n], AreaM2 = t.AreaM2[..n], Climate = t.Climate[..n],
            Site = t.Site[..n], LandUse = t.LandUse[..n], ColumnStart = t.ColumnStart[..(n + 1)],
            ColumnVegetation = t.ColumnVegetation[..columns], ColumnFraction = t.ColumnFraction[..columns],
        },
    };
}
