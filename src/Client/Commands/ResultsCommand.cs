using CarbonSim.Client.Hosting;
using CarbonSim.Client.Output;
using CarbonSim.Grains.Batch;
using CarbonSim.Contracts;
using CarbonSim.Model.Engine;

namespace CarbonSim.Client.Commands;

/// <summary>
/// <c>carbonsim results &lt;id&gt; --out &lt;dir&gt;</c>: write a finished run's output folder (the same
/// writer as <c>carbonsim run</c>) to <c>&lt;dir&gt;/&lt;run-id&gt;</c>; for a batch, every done member's
/// folder under <c>&lt;dir&gt;/&lt;batch-id&gt;/</c> and <c>batch_summary.csv</c> beside them.
/// </summary>
public static class ResultsCommand
{
    public const string Usage =
        """
        usage: carbonsim results <run-or-batch-id> --out <dir> --cluster redis://host:port [--overwrite] [--no-charts]

        Writes the run's outputs to <dir>/<run-id> (atomically, as carbonsim run does). For a batch: each
        done member to <dir>/<batch-id>/<member-id>, and <dir>/<batch-id>/batch_summary.csv with a row
        per member and the mean, sd, min and max across members.
        """ + "\n" + ClusterCli.CommonUsage;

    public static Task<int> Run(IReadOnlyList<string> args) => ClusterCli.Guard("results", async () =>
    {
        var cli = ClusterCli.Parse(args, ["--out"], ["--overwrite", "--no-charts"]);
        if (cli.Help) { Console.WriteLine(Usage); return 0; }
        if (cli.Positionals.Count != 1) throw new ArgumentException("give one run or batch id");
        string outRoot = cli.Option("--out") ?? throw new ArgumentException("--out <dir> is required");
        var writerOptions = new OutputWriterOptions { Overwrite = cli.Has("--overwrite"), Charts = !cli.Has("--no-charts") };
        await using var connection = await cli.ConnectAsync();
        var entry = await ClusterJobs.Find(connection.Grains, cli.Positionals[0]);
        if (entry.Kind == JobKind.Run)
        {
            var written = await WriteRun(connection.Grains, entry, Path.Combine(outRoot, entry.Id), writerOptions);
            Console.WriteLine($"wrote {written.Directory} ({written.Files.Count} files)");
            return 0;
        }

        var status = await ClusterJobs.BatchStatus(connection.Grains, entry.Id);
        if (status.Phase is RunPhase.Transient or RunPhase.NotStarted) throw new JobException($"batch {entry.Id} is not finished ({status.Finished}/{status.Members.Length} members)");
        string batchDir = Path.Combine(outRoot, entry.Id);
        Directory.CreateDirectory(batchDir);
        var rows = new List<ClusterBatchSummary.Row>();
        foreach (var m in status.Members)
        {
            double[] values = [double.NaN, double.NaN, double.NaN, double.NaN];
            if (m.Phase == RunPhase.Done)
            {
                var memberEntry = await ClusterJobs.Find(connection.Grains, m.RunId);
                var written = await WriteRun(connection.Grains, memberEntry, Path.Combine(batchDir, m.RunId), writerOptions);
                values = ClusterBatchSummary.Measures(await connection.Grains.GetGrain<ISimulationGrain>(m.RunId).GetOutcome());
                Console.Error.WriteLine($"wrote {written.Directory}");
            }
            rows.Add(new(m.RunId, m.Label, m.Phase.ToString().ToLowerInvariant(), values));
        }
        string csv = ClusterBatchSummary.Csv(rows);
        await File.WriteAllTextAsync(Path.Combine(batchDir, "batch_summary.csv"), csv);
        Console.WriteLine(ClusterBatchSummary.Table(csv));
        Console.WriteLine($"wrote {Path.Combine(batchDir, "batch_summary.csv")}");
        return status.Phase == RunPhase.Done ? 0 : 1;
    });

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
