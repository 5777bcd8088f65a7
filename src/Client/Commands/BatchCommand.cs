using CarbonSim.Client.Hosting;
using CarbonSim.Grains.Batch;
using CarbonSim.Contracts;
using CarbonSim.Model.Engine;

namespace CarbonSim.Client.Commands;

/// <summary><c>carbonsim batch &lt;batch-file&gt;</c>: submit a batch (scenario list or seeded ensemble) with a concurrency limit.</summary>
public static class BatchCommand
{
    /// <summary>The verb (parsed by <see cref="Cli.CarbonSimCli"/>): exit 0, or with <paramref name="wait"/> 3 if some member did not finish done.</summary>
    public static async Task<int> Run(ClusterCli cli, string batchFile, string? id, bool wait, double pollSeconds)
    {
        if (id is not null) Model.Safety.SimpleName.Require(id, "command line", "--id"); // ids name folders (results)
        var file = ClusterBatchFile.Load(batchFile);
        string batchId = id ?? ClusterJobs.NewId(file.Name);
        var (batch, entries) = Build(file, batchId);
        await using var connection = await cli.ConnectAsync();
        await ClusterJobs.SubmitBatch(connection.Grains, new JobEntry { Id = batchId, Name = file.Name }, batch, entries);
        Console.WriteLine(batchId);
        Console.Error.WriteLine($"submitted batch {file.Name}: {batch.Members.Length} members, concurrency {batch.Concurrency}");
        if (!wait) return 0;
        var entry = await ClusterJobs.Find(connection.Grains, batchId);
        var (_, status) = await ClusterJobs.Wait(connection.Grains, entry, TimeSpan.FromSeconds(pollSeconds), line => Console.Error.WriteLine(line));
        var rows = new List<ClusterBatchSummary.Row>();
        foreach (var m in status!.Members)
            rows.Add(new(m.RunId, m.Label, m.Phase.ToString().ToLowerInvariant(), m.Phase == RunPhase.Done
                ? ClusterBatchSummary.Measures(await connection.Grains.GetGrain<ISimulationGrain>(m.RunId).GetOutcome())
                : [double.NaN, double.NaN, double.NaN, double.NaN]));
        Console.WriteLine(ClusterBatchSummary.Table(ClusterBatchSummary.Csv(rows)));
        return status.Phase == RunPhase.Done ? Cli.ExitCodes.Ok : Cli.ExitCodes.RunFailed;
    }

    /// <summary>Prepares each member's spec (validated here, before anything is submitted) and its registry entry.</summary>
    public static (BatchSpec Batch, List<JobEntry> Entries) Build(ClusterBatchFile file, string batchId)
    {
        var members = new List<BatchMember>();
        var entries = new List<JobEntry>();
        void Add(RunSpec spec, JobEntry entry, string label)
        {
            Model.Engine.RunSpecCheck.Validate(spec);
            string runId = $"{batchId}-m{members.Count:D2}";
            members.Add(new BatchMember { RunId = runId, Label = label, Spec = spec });
            entries.Add(entry with { Id = runId, Label = label });
        }
        if (file.Base is { } b)
        {
            var (spec, entry) = SubmitCommand.Prepare(b.Path, null, null, null);
            foreach (var p in file.Ensemble)
                Add(spec with
                {
                    ScenarioName = $"{spec.ScenarioName}-m{p.Index:D2}",
                    Co2ByYear = spec.Co2ByYear.Select(c => c * p.Co2Factor).ToArray(),
                    NDepositionByYear = spec.NDepositionByYear.Select(n => n * p.NDepFactor).ToArray(),
                }, entry with { Name = $"{entry.Name}-m{p.Index:D2}" }, p.Label);
        }
        foreach (var m in file.Members)
        {
            var (spec, entry) = SubmitCommand.Prepare(m.Path, null, null, null);
            Add(spec, entry, m.Label);
        }
        return (new BatchSpec { Name = file.Name, Concurrency = file.Concurrency, Members = [.. members] }, entries);
    }
}
