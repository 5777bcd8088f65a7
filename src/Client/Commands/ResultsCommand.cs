using CarbonSim.Client.Hosting;
using CarbonSim.Client.Output;
using CarbonSim.Grains.Batch;
using CarbonSim.Contracts;
using CarbonSim.Model.Engine;

namespace CarbonSim.Client.Commands;

/// <summary>
/// <c>carbonsim results &lt;id&gt; [--out &lt;dir&gt;]</c>: write a finished run's output folder (the same
/// writer as <c>carbonsim run</c>) to <c>&lt;dir&gt;</c> (default <c>out/&lt;id&gt;</c>); for a batch, every done
/// member's folder under <c>&lt;dir&gt;/&lt;member-id&gt;</c> and <c>batch_summary.csv</c> beside them.
/// </summary>
public static class ResultsCommand
{
    /// <summary>The table of a batch's members beside their folders (also what marks a batch folder as ours for --overwrite).</summary>
    public const string BatchSummaryFile = "batch_summary.csv";

    /// <summary>The verb (parsed by <see cref="Cli.CarbonSimCli"/>); <paramref name="outDir"/> null = <c>out/&lt;id&gt;</c>.</summary>
    public static async Task<int> Run(ClusterCli cli, string id, string? outDir, bool overwrite, bool charts)
    {
        outDir ??= OutputPaths.Inside(Cli.RunOptions.DefaultOutParent, Model.Safety.SimpleName.Require(id, "command line", "id"), "id");
        bool replace = Cli.CliOptions.CheckOutFolder(outDir, overwrite, Cli.CliOptions.OwnMarker, BatchSummaryFile);
        var writerOptions = new OutputWriterOptions { Overwrite = replace, Charts = charts };
        await using var connection = await cli.ConnectAsync();
        var entry = await ClusterJobs.Find(connection.Grains, id);
        if (entry.Kind == JobKind.Run)
        {
            var written = await WriteRun(connection.Grains, entry, outDir, writerOptions);
            Console.WriteLine($"wrote {written.Directory} ({written.Files.Count} files)");
            return 0;
        }

        var status = await ClusterJobs.BatchStatus(connection.Grains, entry.Id);
        if (status.Phase is RunPhase.Transient or RunPhase.NotStarted) throw new JobException($"batch {entry.Id} is not finished ({status.Finished}/{status.Members.Length} members)");
        string batchDir = outDir;
        if (replace && Directory.Exists(batchDir)) Directory.Delete(batchDir, recursive: true);
        Directory.CreateDirectory(batchDir);
        writerOptions = writerOptions with { Overwrite = false };
        var rows = new List<ClusterBatchSummary.Row>();
        foreach (var m in status.Members)
        {
            double[] values = [double.NaN, double.NaN, double.NaN, double.NaN];
            if (m.Phase == RunPhase.Done)
            {
                var memberEntry = await ClusterJobs.Find(connection.Grains, m.RunId);
                var written = await WriteRun(connection.Grains, memberEntry, OutputPaths.Inside(batchDir, m.RunId, $"member {m.RunId}"), writerOptions);
                values = ClusterBatchSummary.Measures(await connection.Grains.GetGrain<ISimulationGrain>(m.RunId).GetOutcome());
                Console.Error.WriteLine($"wrote {written.Directory}");
            }
            rows.Add(new(m.RunId, m.Label, m.Phase.ToString().ToLowerInvariant(), values));
        }
        string csv = ClusterBatchSummary.Csv(rows);
        await File.WriteAllTextAsync(Path.Combine(batchDir, BatchSummaryFile), csv);
        Console.WriteLine(ClusterBatchSummary.Table(csv));
        Console.WriteLine($"wrote {Path.Combine(batchDir, BatchSummaryFile)}");
        return status.Phase == RunPhase.Done ? Cli.ExitCodes.Ok : Cli.ExitCodes.RunFailed;
    }

    /// <summary>Fetches a done run's spec and outcome and writes its output folder.</summary>
    public static async Task<WrittenOutput> WriteRun(IGrainFactory grains, JobEntry entry, string dir, OutputWriterOptions options)
    {
        var run = grains.GetGrain<ISimulationGrain>(entry.Id);
        var progress = await ClusterJobs.Progress(grains, entry.Id);
        if (progress.Phase != RunPhase.Done)
            throw new JobException($"run {entry.Id} is {progress.Phase.ToString().ToLowerInvariant()}, not done{(progress.Error is { } e ? ": " + e : "")}");
        var outcome = await ClusterJobs.Resilient(run.GetOutcome);
        var spec = await ClusterJobs.Resilient(run.GetSpec) ?? throw new JobException($"run {entry.Id} has no stored spec");
        var timings = ClusterResults.Timings(progress);
        var results = entry.ScenarioPath is { } scenario
            ? ClusterScenario.Results(scenario, entry.ResolutionKm, entry.TileSize, spec, outcome, timings)
            : ClusterResults.FromSpec(spec, outcome, ClusterSpecHash.Of(spec), timings);
        return OutputWriter.WriteAll(results, dir, options);
    }
}
