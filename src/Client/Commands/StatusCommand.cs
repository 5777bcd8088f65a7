using CarbonSim.Client.Hosting;
using CarbonSim.Contracts;
using CarbonSim.Grains.Batch;

namespace CarbonSim.Client.Commands;

/// <summary><c>carbonsim status [&lt;id&gt;]</c>: phase, year, % done, ETA and silos in use of a run (or every unfinished job).</summary>
public static class StatusCommand
{
    /// <summary>The verb (parsed by <see cref="Cli.CarbonSimCli"/>); <paramref name="id"/> null = every unfinished job.</summary>
    public static async Task<int> Run(ClusterCli cli, string? id)
    {
        await using var connection = await cli.ConnectAsync();
        var grains = connection.Grains;
        var entries = id is not null
            ? [await ClusterJobs.Find(grains, id)]
            : (await ClusterJobs.List(grains)).Where(e => !e.Finished).OrderBy(e => e.SubmittedUtc).ToArray();
        if (entries.Length == 0) Console.WriteLine("no unfinished runs or batches");
        var unreadable = new List<string>();
        foreach (var entry in entries)
        {
            try { await Describe(grains, entry); }
            catch (Exception e) when (id is null && Cli.CliErrors.IsUnreadableState(e)) { unreadable.Add(entry.Id); } // one bad job must not hide the others
        }
        if (unreadable.Count > 0) Console.Error.WriteLine(ListCommand.UnreadableNote("status", unreadable));
        return 0;
    }

    static async Task Describe(IGrainFactory grains, JobEntry entry)
    {
        {
            if (entry.Kind == JobKind.Batch)
            {
                var b = await ClusterJobs.BatchStatus(grains, entry.Id);
                Console.WriteLine($"{entry.Id}  batch {b.Phase.ToString().ToLowerInvariant()}  {b.Finished}/{b.Members.Length} members finished, {b.Running} running (concurrency {b.Concurrency})");
                foreach (var m in b.Members)
                    Console.WriteLine($"  {m.RunId}  {m.Label}  {m.Phase.ToString().ToLowerInvariant()}  {m.YearsDone}/{m.YearsTotal} years{(m.Error is null || m.Phase == Contracts.RunPhase.Done ? "" : "  error: " + m.Error)}");
            }
            else
            {
                var p = await ClusterJobs.Progress(grains, entry.Id);
                var silos = p.IsFinished ? null : await ClusterJobs.TilesPerSilo(grains, entry.Id);
                Console.WriteLine(ClusterJobs.Describe(entry.Id, p, silos, DateTime.UtcNow));
            }
        }
    }
}
