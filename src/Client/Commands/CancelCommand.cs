using CarbonSim.Client.Hosting;

namespace CarbonSim.Client.Commands;

/// <summary><c>carbonsim cancel &lt;id&gt;</c>: stop a run (at its next year boundary) or a batch (its running members, and start no more).</summary>
public static class CancelCommand
{
    public const string Usage =
        """
        usage: carbonsim cancel <run-or-batch-id> --cluster redis://host:port
        """ + "\n" + ClusterCli.CommonUsage;

    public static Task<int> Run(IReadOnlyList<string> args) => ClusterCli.Guard("cancel", async () =>
    {
        var cli = ClusterCli.Parse(args);
        if (cli.Help) { Console.WriteLine(Usage); return 0; }
        if (cli.Positionals.Count != 1) throw new ArgumentException("give one run or batch id");
        await using var connection = await cli.ConnectAsync();
        var entry = await ClusterJobs.Find(connection.Grains, cli.Positionals[0]);
        await ClusterJobs.Cancel(connection.Grains, entry);
        Console.WriteLine($"{entry.Id}: cancel requested");
        return 0;
    });
}
