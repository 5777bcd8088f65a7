using CarbonSim.Model.Output;
using System.Globalization;
using CarbonSim.Client.Output;
using CarbonSim.Model;
using CarbonSim.Model.Region;
using CarbonSim.Model.Engine;
using CarbonSim.Model.Scenarios;
using CarbonSim.Model.Valuation;

namespace CarbonSim.Client.Commands;

/// <summary>
/// <c>carbonsim landuse</c>: runs a scenario's land-use change (allocation + conversion ledger) without the
/// process kernel, with stocks from a four-pool density table (static-pool land-use mode, docs/scenarios-jjj.md),
/// and writes a standard run folder (annual tables with class areas and ledger columns, land-use rasters,
/// report) that <c>carbonsim compare</c> reads.
/// <code>
/// carbonsim landuse SCENARIO.yaml [--pools pools.csv] [--out DIR] [--tile-size N] [--overwrite] [--no-charts]
/// </code>
/// Default pools: data/jjj/class_pools_illustrative.csv of the repository holding the scenario.
/// Without <c>--out</c> it writes <c>out/&lt;scenario&gt;-landuse</c> (<c>-coupled</c> with <c>--kernel</c>).
/// Bad input: one line on stderr, exit code 2; demand not met: exit 3.
/// </summary>
public static class LandUseCommand
{
    /// <summary>What <c>carbonsim landuse</c> was asked (parsed by <see cref="Cli.CarbonSimCli"/>).</summary>
    public sealed record Args(string ScenarioPath, string? Pools, string? OutDir, int? TileSize, bool Overwrite, bool Charts, bool Kernel);

    /// <summary>The verb; bad input throws <see cref="InvalidInputException"/> (exit 2). Exit 3 when a city's land demand could not be met (the outputs are still written).</summary>
    public static int Run(Args a, TextWriter stdout, TextWriter stderr)
    {
        var (scenarioPath, pools, outDir, tile, charts, kernel) = (a.ScenarioPath, a.Pools, a.OutDir, a.TileSize, a.Charts, a.Kernel);
        if (outDir is not null) Cli.CliOptions.CheckOutFolder(outDir, a.Overwrite); // before reading anything
        var scenario = ScenarioLoader.Load(scenarioPath);
        outDir ??= Path.Combine(Cli.RunOptions.DefaultOutParent, scenario.Name + (kernel ? "-coupled" : "-landuse"));
        bool overwrite = Cli.CliOptions.CheckOutFolder(outDir, a.Overwrite);
        pools ??= DefaultPools(scenario.SourcePath);
        var setup = RegionBuilder.Build(scenario);
        if (kernel)
        {
            // The engine's own year (Model.Engine) driven in this process: the same numbers as `carbonsim run`.
            var spec = RunSpecFactory.From(setup, tile);
            var outcome = InProcessRun.Run(spec, new SharedColumnModels(new BgcKernel()), progress: m => stderr.Write($"\r{m}        "));
            stderr.WriteLine();
            var coupled = CarbonSim.Model.Accounting.RunBudgets.Attach(ResultsFactory.From(setup, spec, outcome, []), scenario, outcome.Books);
            var w2 = OutputWriter.WriteAll(coupled, outDir, new OutputWriterOptions { Overwrite = overwrite, Charts = charts, GeoTiff = false });
            double shortK = coupled.CityYears.Sum(c => c.Extra.GetValueOrDefault(LandUseColumns.Shortfall));
            var r0 = coupled.RegionYears[0]; var r1 = coupled.RegionYears[^1];
            stdout.WriteLine($"{scenario.Name} (kernel + land-use change): {coupled.CityYears.Sum(c => c.Extra.GetValueOrDefault(LandUseColumns.Converted))} cell conversions, demand shortfall {shortK} cells; " +
                              $"ecosystem C {(r0.TotalCKg / 1e9).ToString("F2", CultureInfo.InvariantCulture)} -> {(r1.TotalCKg / 1e9).ToString("F2", CultureInfo.InvariantCulture)} Tg C; written to {w2.Directory}");
            return Shortfall(shortK, stderr);
        }
        var result = LandUseScenarioRun.Run(setup, PoolTable.Load(pools), tile);
        var results = LandUseScenarioRun.ToRunResults(result, setup);
        var written = OutputWriter.WriteAll(results, outDir, new OutputWriterOptions { Overwrite = overwrite, Charts = charts, GeoTiff = false });
        foreach (var w in written.Warnings) stderr.WriteLine($"carbonsim landuse: warning: {w}");
        int shortfall = result.CityYears.Sum(c => c.ShortfallCells);
        var first = result.CityYears.Where(c => c.Year == scenario.StartYear).Sum(c => c.StaticStockKg) / 1e9;
        var last = result.CityYears.Where(c => c.Year == result.Maps.Keys.Max()).Sum(c => c.StaticStockKg) / 1e9;
        stdout.WriteLine($"{scenario.Name}: {result.CityYears.Sum(c => c.Conversions)} cell conversions, demand shortfall {shortfall} cells; " +
                          $"static stock {first.ToString("F2", CultureInfo.InvariantCulture)} -> {last.ToString("F2", CultureInfo.InvariantCulture)} Tg C; " +
                          $"land-use emissions {(result.CityYears.Sum(c => c.Books.LandUseEmissionKg) / 1e9).ToString("F2", CultureInfo.InvariantCulture)} Tg C; written to {written.Directory}");
        return Shortfall(shortfall, stderr);
    }

    /// <summary>Exit 0, or 3 with one line when some land demand could not be allocated.</summary>
    private static int Shortfall(double cells, TextWriter stderr)
    {
        if (cells == 0) return Cli.ExitCodes.Ok;
        stderr.WriteLine($"carbonsim landuse: land demand not met: {cells.ToString(CultureInfo.InvariantCulture)} cells short over the run (outputs written)");
        return Cli.ExitCodes.RunFailed;
    }

    private static string DefaultPools(string scenarioFile)
    {
        for (var d = new DirectoryInfo(Path.GetDirectoryName(scenarioFile)!); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "CarbonSim.sln")))
                return Path.Combine(d.FullName, "data", "jjj", "class_pools_illustrative.csv");
        throw new InvalidInputException("command line", "--pools", "missing", "a four-pool density CSV (no repository found above the scenario for the default)");
    }
}
