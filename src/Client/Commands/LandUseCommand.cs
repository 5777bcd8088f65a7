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
/// Bad input: one line on stderr, exit code 2.
/// </summary>
public static class LandUseCommand
{
    public static int Run(string[] args)
    {
        if (args.Length == 0 || args.Contains("--help") || args.Contains("-h"))
        {
            Console.WriteLine("usage: carbonsim landuse SCENARIO.yaml [--kernel] [--pools pools.csv] [--out DIR] [--tile-size N] [--overwrite] [--no-charts]\n" +
                              "  --kernel: couple the allocation to the process kernel (one process; budgets when the scenario has a compensation section)");
            return args.Length == 0 ? 2 : 0;
        }
        try
        {
            string? scenarioPath = null, pools = null, outDir = null;
            int? tile = null;
            bool overwrite = false, charts = true, kernel = false;
            for (int i = 0; i < args.Length; i++)
            {
                string a = args[i];
                string Value() => i + 1 < args.Length ? args[++i] : throw new InvalidInputException("command line", a, "nothing", "a value after it");
                switch (a)
                {
                    case "--pools": pools = Value(); break;
                    case "--out": outDir = Value(); break;
                    case "--tile-size":
                        var t = Value();
                        tile = int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 ? n
                            : throw new InvalidInputException("command line", "--tile-size", t, "a tile edge in cells >= 1");
                        break;
                    case "--overwrite": overwrite = true; break;
                    case "--no-charts": charts = false; break;
                    case "--kernel": kernel = true; break;
                    default:
                        if (a.StartsWith("--", StringComparison.Ordinal) || scenarioPath is not null)
                            throw new InvalidInputException("command line", $"argument {i + 1}", a, "one scenario file and --kernel, --pools, --out, --tile-size, --overwrite, --no-charts");
                        scenarioPath = a;
                        break;
                }
            }
            var scenario = ScenarioLoader.Load(scenarioPath ?? throw new InvalidInputException("command line", "scenario", "missing", "a scenario file"));
            pools ??= DefaultPools(scenario.SourcePath);
            var setup = RegionBuilder.Build(scenario);
            if (kernel)
            {
                // The engine's own year (Model.Engine) driven in this process: the same numbers as `carbonsim run`.
                var spec = RunSpecFactory.From(setup, tile);
                var outcome = InProcessRun.Run(spec, new SharedColumnModels(new BgcKernel()), progress: m => Console.Error.Write($"\r{m}        "));
                Console.Error.WriteLine();
                var coupled = CarbonSim.Model.Accounting.RunBudgets.Attach(ResultsFactory.From(setup, spec, outcome, []), scenario, outcome.Books);
                outDir ??= Path.Combine("out", scenario.Name + "-coupled");
                var w2 = OutputWriter.WriteAll(coupled, outDir, new OutputWriterOptions { Overwrite = overwrite, Charts = charts, GeoTiff = false });
                double shortK = coupled.CityYears.Sum(c => c.Extra.GetValueOrDefault(LandUseColumns.Shortfall));
                var r0 = coupled.RegionYears[0]; var r1 = coupled.RegionYears[^1];
                Console.WriteLine($"{scenario.Name} (kernel + land-use change): {coupled.CityYears.Sum(c => c.Extra.GetValueOrDefault(LandUseColumns.Converted))} cell conversions, demand shortfall {shortK} cells; " +
                                  $"ecosystem C {(r0.TotalCKg / 1e9).ToString("F2", CultureInfo.InvariantCulture)} -> {(r1.TotalCKg / 1e9).ToString("F2", CultureInfo.InvariantCulture)} Tg C; written to {w2.Directory}");
                return shortK == 0 ? 0 : 1;
            }
            var result = LandUseScenarioRun.Run(setup, PoolTable.Load(pools), tile);
            var results = LandUseScenarioRun.ToRunResults(result, setup);
            outDir ??= Path.Combine("out", scenario.Name + "-landuse");
            var written = OutputWriter.WriteAll(results, outDir, new OutputWriterOptions { Overwrite = overwrite, Charts = charts, GeoTiff = false });
            foreach (var w in written.Warnings) Console.Error.WriteLine($"carbonsim landuse: warning: {w}");
            int shortfall = result.CityYears.Sum(c => c.ShortfallCells);
            var first = result.CityYears.Where(c => c.Year == scenario.StartYear).Sum(c => c.StaticStockKg) / 1e9;
            var last = result.CityYears.Where(c => c.Year == result.Maps.Keys.Max()).Sum(c => c.StaticStockKg) / 1e9;
            Console.WriteLine($"{scenario.Name}: {result.CityYears.Sum(c => c.Conversions)} cell conversions, demand shortfall {shortfall} cells; " +
                              $"static stock {first.ToString("F2", CultureInfo.InvariantCulture)} -> {last.ToString("F2", CultureInfo.InvariantCulture)} Tg C; " +
                              $"land-use emissions {(result.CityYears.Sum(c => c.Books.LandUseEmissionKg) / 1e9).ToString("F2", CultureInfo.InvariantCulture)} Tg C; written to {written.Directory}");
            return shortfall == 0 ? 0 : 1;
        }
        catch (InvalidInputException e)
        {
            Console.Error.WriteLine($"carbonsim landuse: {e.Message}");
            return 2;
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"carbonsim landuse: {e.Message}");
            return 3;
        }
    }

    private static string DefaultPools(string scenarioFile)
    {
        for (var d = new DirectoryInfo(Path.GetDirectoryName(scenarioFile)!); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "CarbonSim.sln")))
                return Path.Combine(d.FullName, "data", "jjj", "class_pools_illustrative.csv");
        throw new InvalidInputException("command line", "--pools", "missing", "a four-pool density CSV (no repository found above the scenario for the default)");
    }
}
