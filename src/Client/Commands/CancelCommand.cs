using CarbonSim.Client.Hosting;

namespace CarbonSim.Client.Commands;

/// <summary><c>carbonsim cancel &lt;id&gt;</c>: stop a run (at its next year boundary) or a batch (its running members, and start no more).</summary>
public static class CancelCommand
{
    /// <summary>The verb (parsed by <see cref="Cli.CarbonSimCli"/>).</summary>
    public static async Task<int> Run(ClusterCli cli, string id)
    {
        await using var connection = await cli.ConnectAsync();
        var entry = await ClusterJobs.Find(connection.Grains, id);
        await ClusterJobs.Cancel(connection.Grains, entry);
        Console.WriteLine($"{entry.Id}: cancel requested");
        return 0;
    }
}
