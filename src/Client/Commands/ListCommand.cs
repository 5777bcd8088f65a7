using System.Globalization;
using CarbonSim.Client.Hosting;
using CarbonSim.Contracts;
using CarbonSim.Grains.Batch;

namespace CarbonSim.Client.Commands;

/// <summary><c>carbonsim list</c>: every run and batch submitted to the cluster, newest last.</summary>
public static class ListCommand
{
    /// <summary>The verb (parsed by <see cref="Cli.CarbonSimCli"/>); <paramref name="all"/> also lists batch members.</summary>
    public static async Task<int> Run(ClusterCli cli, bool all)
    {
        await using var connection = await cli.ConnectAsync();
        var entries = (await ClusterJobs.List(connection.Grains))
            .Where(e => all || e.BatchId is null).OrderBy(e => e.SubmittedUtc).ToArray();
        Console.WriteLine("id\tkind\tname\tsubmitted_utc\tphase\tyears_done");
        var unreadable = new List<string>();
        foreach (var e in entries)
        {
            string phase, years;
            try
            {
                if (e.Kind == JobKind.Batch)
                {
                    var b = await ClusterJobs.BatchStatus(connection.Grains, e.Id);
                    (phase, years) = (b.Phase.ToString().ToLowerInvariant(), $"{b.Finished}/{b.Members.Length} members");
                }
                else
                {
                    var p = await ClusterJobs.Progress(connection.Grains, e.Id);
                    (phase, years) = (p.Phase.ToString().ToLowerInvariant(), $"{p.YearsDone}/{p.YearsTotal}");
                }
            }
            catch (Exception ex) when (Cli.CliErrors.IsUnreadableState(ex)) { (phase, years) = ("unreadable", "?"); unreadable.Add(e.Id); }
            catch (Exception ex) when (ex is TimeoutException or OrleansException) { (phase, years) = ("unreachable", "?"); }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{e.Id}\t{e.Kind.ToString().ToLowerInvariant()}\t{e.Name}\t{e.SubmittedUtc:yyyy-MM-ddTHH:mm:ssZ}\t{phase}\t{years}"));
        }
        if (unreadable.Count > 0) Console.Error.WriteLine(UnreadableNote("list", unreadable));
        return 0;
    }

    /// <summary>The one stderr line that says which jobs were skipped because their stored state cannot be read.</summary>
    public static string UnreadableNote(string verb, IReadOnlyList<string> ids) =>
        $"carbonsim {verb}: {ids.Count} job(s) skipped, their stored state cannot be read (damaged or written by another version): {string.Join(", ", ids)}";
}
