using System.Diagnostics;
using System.Globalization;
using CarbonSim.Client.Cli;
using CarbonSim.Client.Hosting;
using CarbonSim.Client.Output;
using CarbonSim.Contracts;
using CarbonSim.Model.Engine;
using CarbonSim.Grains.Hosting;
using CarbonSim.Grains.Persistence;
using CarbonSim.Model;
using CarbonSim.Model.Output;
using CarbonSim.Model.Region;
using CarbonSim.Model.Scenarios;

namespace CarbonSim.Client.Commands;

/// <summary>
/// <c>carbonsim run</c>: validate the scenario and build the region (nothing runs if that fails), start
/// an embedded silo, run spin-ups and years on it with a progress bar, write the output folder
/// atomically, print the per-city summary.
/// </summary>
public static class RunCommand
{
    /// <summary>What a finished run produced (also used by the end-to-end benchmark).</summary>
    /// <param name="SiloStartSeconds">[s] Starting the embedded silo, or connecting to the cluster.</param>
    public sealed record Finished(RunResults Results, RunSpec Spec, RunOutcome Outcome, WrittenOutput Output, double SiloStartSeconds,
        double SpinupSeconds, double TransientSeconds, double WriteSeconds, double TotalSeconds,
        double SpinupCpuSeconds, double TransientCpuSeconds);

    /// <summary>The verb (parsed by <see cref="CarbonSimCli"/>); failures are thrown and reported there, one line and an exit code.</summary>
    public static async Task<int> Run(RunOptions options, TextWriter stdout, TextWriter stderr, ProgressBar? progress)
    {
        var finished = await Execute(options, progress, stderr);
        stdout.WriteLine(SummaryTable.Render(finished.Results));
        if (HistoryTables.Summary(finished.Results) is { Length: > 0 } history) stdout.WriteLine(history);
        foreach (var warning in finished.Output.Warnings) stderr.WriteLine($"warning: {warning}");
        if (finished.Results.Spinup is { } spinup)
        {
            foreach (var line in spinup.Warnings()) stderr.WriteLine(line);
            stdout.WriteLine(spinup.Line());
        }
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{finished.Spec.Cells.Count} cells, {finished.Results.Spinup?.DistinctSpinups ?? 0} spin-ups, {finished.Spec.YearCount} years in {finished.TotalSeconds:F1} s " +
            $"(silo {finished.SiloStartSeconds:F1} s, spin-up {finished.SpinupSeconds:F1} s, years {finished.TransientSeconds:F1} s, writing {finished.WriteSeconds:F1} s)"));
        if (finished.Results.Attribution is { } attribution) stdout.WriteLine(AttributionSummary(finished.Results, attribution));
        stdout.WriteLine($"wrote {finished.Output.Directory} ({finished.Output.Files.Count} files)");
        return ExitCodes.Ok;
    }

    /// <summary>One line: the members' wall time and the worst city's residual over the run (the 5 % closure claim).</summary>
    static string AttributionSummary(RunResults r, AttributionTable t)
    {
        double seconds = r.Timings.Where(p => p.Phase.StartsWith("attribution ", StringComparison.Ordinal)).Sum(p => p.WallSeconds);
        var shares = Enumerable.Range(0, r.Cities.Count).Select(c => (r.Cities[c].Name, Share: AttributionTable.ResidualShare(t.SeriesOf(c))))
            .Where(s => double.IsFinite(s.Share)).ToList();
        var worst = shares.Count > 0 ? shares.MaxBy(s => Math.Abs(s.Share)) : (Name: "-", Share: double.NaN);
        int members = r.Timings.Count(p => p.Phase.StartsWith("attribution ", StringComparison.Ordinal));
        return string.Create(CultureInfo.InvariantCulture,
            $"attribution ({(t.Method == AttributionMethod.Shapley ? "Shapley" : "one at a time")}): {members} members in {seconds:F1} s; largest |residual| {100 * Math.Abs(worst.Share):F2} % of a city's summed sink ({worst.Name}), " +
            $"region {100 * AttributionTable.ResidualShare(t.Region):F2} %; {AttributionOutput.FileName}");
    }

    /// <summary>The whole run; throws <see cref="InvalidInputException"/> before anything starts if the inputs are bad.</summary>
    /// <param name="log">Where the size estimate is printed before the run starts (null = nowhere).</param>
    public static async Task<Finished> Execute(RunOptions options, ProgressBar? progress, TextWriter? log = null)
    {
        var total = Stopwatch.StartNew();
        bool replace = options.OutDir is { } named && CliOptions.CheckOutFolder(named, options.Overwrite); // before any work
        var (setup, spec) = Prepare(options);
        if (setup.Size is { } size) log?.WriteLine($"{spec.ScenarioName}: {size.Describe()}");
        double validate = total.Elapsed.TotalSeconds;
        string stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        string outDir = options.OutDir ?? OutputPaths.Inside(RunOptions.DefaultOutParent, $"{spec.ScenarioName}-{stamp}", "scenario name");
        if (options.OutDir is null && Directory.Exists(outDir)) throw new InvalidInputException("command line", "output folder", outDir, "a new folder (one run per second per scenario; or give --out)");

        var clock = Stopwatch.StartNew();
        var clusterSettings = ClusterSettings.Resolve(options.Cluster);
        if (clusterSettings is null) spec = spec with { CheckpointEveryYears = 0 }; // embedded: no checkpoints (nothing survives the process)
        await using IAsyncDisposable connection = clusterSettings is null
            ? await EmbeddedCluster.StartAsync()
            : await ClusterConnection.ConnectAsync(clusterSettings);
        var grains = connection switch
        {
            EmbeddedCluster e => e.Grains,
            ClusterConnection c => c.Grains,
            _ => throw new InvalidOperationException("unknown engine connection"),
        };
        double silo = clock.Elapsed.TotalSeconds;

        clock.Restart();
        double spinupSeconds = 0;
        var cpu0 = CpuSeconds();
        double cpuAtYears = 0;
        var outcome = await RunDriver.RunAsync(grains, $"{spec.ScenarioName}-{stamp}", spec, p =>
        {
            if (p.Phase == RunPhase.Spinup) progress?.Report("spin-up", p.SpinupsDone, p.SpinupsTotal, $"{p.CellCount} cells, {p.TileCount} tiles");
            else
            {
                if (spinupSeconds == 0) { spinupSeconds = clock.Elapsed.TotalSeconds; cpuAtYears = CpuSeconds(); }
                progress?.Report("years", p.YearsDone, p.YearsTotal, p.LastCompletedYear >= p.FirstYear ? $"{p.LastCompletedYear}" : "");
            }
        });
        progress?.Finish();
        if (spinupSeconds == 0) { spinupSeconds = clock.Elapsed.TotalSeconds; cpuAtYears = CpuSeconds(); }
        double transient = clock.Elapsed.TotalSeconds - spinupSeconds;
        double cpuEnd = CpuSeconds();

        var timings = new List<PhaseTiming>
        {
            new("validate", validate), new("silo start", silo), new("spinup", spinupSeconds), new("transient", transient),
        };
        AttributionTable? attribution = null;
        if (options.Attribution) attribution = await RunAttribution(grains, $"{spec.ScenarioName}-{stamp}", spec, outcome, options.AttributionMethod, progress, timings);
        var results = ResultsFactory.From(setup, spec, outcome, timings);
        results = CarbonSim.Model.Accounting.RunBudgets.Attach(results, setup.Scenario, outcome.Books); // budgets + compensation as the region grain closed them (no-op without a scheme)
        if (attribution is not null) results = results with { Attribution = attribution };
        clock.Restart();
        var written = OutputWriter.WriteAll(results, outDir, new OutputWriterOptions { Overwrite = replace });
        double write = clock.Elapsed.TotalSeconds;
        return new Finished(results, spec, outcome, written, silo, spinupSeconds, transient, write, total.Elapsed.TotalSeconds,
            cpuAtYears - cpu0, cpuEnd - cpuAtYears);
    }

    /// <summary>
    /// The sink attribution (<c>--attribution</c>): every member of <see cref="Attribution.Members"/> run after the full run,
    /// one after the other on the same engine (embedded silo or cluster), each under its own run id
    /// <c>&lt;run id&gt;-attribution-&lt;member&gt;</c> with its own progress; spin-ups the full run already did are reused
    /// (spin-up grains are keyed by content). Members keep no per-cell snapshots (only the city and region totals are used).
    /// Each member's wall time is added to <paramref name="timings"/> (<c>manifest.json</c>).
    /// </summary>
    static async Task<AttributionTable> RunAttribution(IGrainFactory grains, string runId, RunSpec spec, RunOutcome full, AttributionMethod method, ProgressBar? progress, List<PhaseTiming> timings)
    {
        var members = Attribution.Members(spec, method);
        var outcomes = new Dictionary<string, RunOutcome>(StringComparer.Ordinal);
        for (int i = 0; i < members.Length; i++)
        {
            var m = members[i];
            string label = $"[{i + 1}/{members.Length}] {m.Name}";
            var clock = Stopwatch.StartNew();
            outcomes[m.Name] = await RunDriver.RunAsync(grains, $"{runId}-attribution-{m.Name}", m.Spec with { CellOutputYears = [] }, p =>
            {
                if (p.Phase == RunPhase.Spinup) progress?.Report(label + " spin-up", p.SpinupsDone, p.SpinupsTotal, $"held: {string.Join(", ", m.Held)}");
                else progress?.Report(label + " years", p.YearsDone, p.YearsTotal, p.LastCompletedYear >= p.FirstYear ? $"{p.LastCompletedYear}" : "");
            });
            progress?.Finish();
            timings.Add(new PhaseTiming($"attribution {m.Name}", clock.Elapsed.TotalSeconds));
        }
        return AttributionTable.From(full, outcomes, method: method);
    }

    /// <summary>[s] CPU time used by this process so far (all threads).</summary>
    static double CpuSeconds() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

    /// <summary>Loads and validates the scenario, builds the region and the engine's run spec (also the cluster verbs' seam, <see cref="ClusterScenario"/>).</summary>
    public static (RegionSetup Setup, RunSpec Spec) Prepare(RunOptions options)
    {
        string path = options.ScenarioPath ?? RepoPaths.FindDefaultScenario();
        var scenario = ScenarioLoader.Load(path);
        if (options.ResolutionKm is double km) scenario = scenario.WithResolution(km); // the rule of grid.resolution_km
        var setup = RegionBuilder.Build(scenario, limits: options.Limits, resolutionPlace: options.ResolutionKm is null ? "grid.resolution_km" : "--resolution");
        var spec = RunSpecFactory.From(setup, options.TileSize);
        ResultsFactory.References(setup, spec); // a references row naming a city or class the run lacks fails now, not after the run
        return (setup, spec);
    }
}
