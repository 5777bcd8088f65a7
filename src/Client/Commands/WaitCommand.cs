using CarbonSim.Client.Hosting;
using CarbonSim.Contracts;
using CarbonSim.Model.Engine;

namespace CarbonSim.Client.Commands;

/// <summary><c>carbonsim wait &lt;id&gt;</c>: block until a run or batch is finished; exit 0 if it is done, 1 otherwise.</summary>
public static class WaitCommand
{
    public const string Usage =
        """
        usage: carbonsim wait <run-or-batch-id> --cluster redis://host:port [--poll <s>] [--timeout <s>] [--quiet]

        Waits until the run (or batch) is finished, printing progress when it changes. Exit 0 when done,
        1 when it failed or was cancelled (or the timeout passed). Killing this command does not affect
        the run.
        """ + "\n" + ClusterCli.CommonUsage;

    public static Task<int> Run(IReadOnlyList<string> args) => ClusterCli.Guard("wait", async () =>
    {
        var cli = ClusterCli.Parse(args, ["--poll", "--timeout"], ["--quiet"]);
        if (cli.Help) { Console.WriteLine(Usage); return 0; }
        if (cli.Positionals.Count != 1) throw new ArgumentException("give one run or batch id");
        var poll = TimeSpan.FromSeconds(cli.DoubleOption("--poll") ?? 1);
        using var timeout = cli.DoubleOption("--timeout") is double s ? new CancellationTokenSource(TimeSpan.FromSeconds(s)) : new CancellationTokenSource();
        await using var connection = await cli.ConnectAsync();
        var entry = await ClusterJobs.Find(connection.Grains, cli.Positionals[0]);
        bool quiet = cli.Has("--quiet");
        try
        {
            var (run, batch) = await ClusterJobs.Wait(connection.Grains, entry, poll, quiet ? null : line => Console.Error.WriteLine(line), timeout.Token);
            var phase = run?.Phase ?? batch!.Phase;
            Console.WriteLine($"{entry.Id} {phase.ToString().ToLowerInvariant()}{(run?.Error is { } e && phase != RunPhase.Done ? ": " + e : "")}");
            return phase == RunPhase.Done ? 0 : 1;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            Console.Error.WriteLine($"carbonsim wait: {entry.Id} not finished within the timeout");
            return 1;
        }
    });
}
