using CarbonSim.Client.Hosting;
using CarbonSim.Contracts;

namespace CarbonSim.Client.Commands;

/// <summary>
/// <c>carbonsim resume &lt;run-id&gt;</c>: continue a failed or cancelled run (e.g. failed by a Redis outage longer than the
/// silos' storage outage window) from its last checkpoints, with outputs identical to an undisturbed run. A run that is
/// going on or done is left alone (exit 0); a batch is refused (resume its members by their run ids).
/// </summary>
public static class ResumeCommand
{
    /// <summary>The verb (parsed by <see cref="Cli.CarbonSimCli"/>).</summary>
    public static async Task<int> Run(ClusterCli cli, string id)
    {
        await using var connection = await cli.ConnectAsync();
        var entry = await ClusterJobs.Find(connection.Grains, id);
        if (entry.Kind == JobKind.Batch)
            throw new JobException($"{id} is a batch; resume its failed members by their run ids (carbonsim status {id})", Cli.ExitCodes.BadInput);
        var (before, after) = await ClusterJobs.Resume(connection.Grains, entry);
        Console.WriteLine(before.Phase switch
        {
            RunPhase.Done => $"{id}: already done; nothing to resume",
            RunPhase.Failed or RunPhase.Cancelled =>
                $"{id}: resumed after it {before.Phase.ToString().ToLowerInvariant()} (last complete year {before.LastCompletedYear}); follow it with carbonsim wait {id}",
            _ when after.Resumes > before.Resumes => $"{id}: resumed (last complete year {before.LastCompletedYear})",
            _ => $"{id}: {before.Phase.ToString().ToLowerInvariant()}, year {before.LastCompletedYear}; it is going on, nothing to resume",
        });
        return 0;
    }
}
