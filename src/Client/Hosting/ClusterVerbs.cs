using CarbonSim.Client.Commands;

namespace CarbonSim.Client.Hosting;

/// <summary>The cluster verbs of the <c>carbonsim</c> dispatcher (one line in Program.cs routes here).</summary>
public static class ClusterVerbs
{
    public const string Usage =
        """
          carbonsim submit <scenario|.runspec> --cluster redis://host:port   submit, print the run id, return
          carbonsim status [<id>] --cluster ...                               phase, year, % done, ETA, silos
          carbonsim wait <id> --cluster ...                                   block until finished
          carbonsim results <id> --out <dir> --cluster ...                    write the output folder
          carbonsim cancel <id> --cluster ...                                 stop a run or batch
          carbonsim list --cluster ...                                        every run and batch
          carbonsim batch <batch.yaml> --cluster ...                          submit a batch or ensemble
        """;

    /// <summary>The handler of a cluster verb, or null if <paramref name="verb"/> is not one.</summary>
    public static Func<IReadOnlyList<string>, Task<int>>? TryGet(string verb) => verb switch
    {
        "submit" => SubmitCommand.Run,
        "status" => StatusCommand.Run,
        "wait" => WaitCommand.Run,
        "results" => ResultsCommand.Run,
        "cancel" => CancelCommand.Run,
        "list" => ListCommand.Run,
        "batch" => BatchCommand.Run,
        _ => null,
    };
}
