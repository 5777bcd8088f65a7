using CarbonSim.Client.Hosting;
using CarbonSim.Contracts;
using CarbonSim.Model.Engine;

namespace CarbonSim.Client.Commands;

/// <summary><c>carbonsim wait &lt;id&gt;</c>: block until a run or batch is finished; exit 0 if it is done, 3 otherwise.</summary>
public static class WaitCommand
{
    /// <summary>The verb (parsed by <see cref="Cli.CarbonSimCli"/>): exit 0 when done, 3 when failed, cancelled or past <paramref name="timeoutSeconds"/>.</summary>
    public static async Task<int> Run(ClusterCli cli, string id, double pollSeconds, double? timeoutSeconds, bool quiet)
    {
        var poll = TimeSpan.FromSeconds(pollSeconds);
        using var timeout = timeoutSeconds is double s ? new CancellationTokenSource(TimeSpan.FromSeconds(s)) : new CancellationTokenSource();
        await using var connection = await cli.ConnectAsync();
        var entry = await ClusterJobs.Find(connection.Grains, id);
        try
        {
            var (run, batch) = await ClusterJobs.Wait(connection.Grains, entry, poll, quiet ? null : line => Console.Error.WriteLine(line), timeout.Token);
            var phase = run?.Phase ?? batch!.Phase;
            Console.WriteLine($"{entry.Id} {phase.ToString().ToLowerInvariant()}{(run?.Error is { } e && phase != RunPhase.Done ? ": " + e : "")}");
            return phase == RunPhase.Done ? Cli.ExitCodes.Ok : Cli.ExitCodes.RunFailed;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new JobException($"{entry.Id} not finished within the timeout");
        }
    }
}
