using System.CommandLine;
using CarbonSim.Client.Cli;
using CarbonSim.Client.Commands;

namespace CarbonSim.Client.Hosting;

/// <summary>The cluster verbs of <c>carbonsim</c> (submit, status, wait, results, cancel, resume, list, batch): their options, help and examples.</summary>
public static class ClusterVerbs
{
    const string Cluster = "--cluster redis://127.0.0.1:6379";

    public static IEnumerable<(Command Command, string Examples)> Commands(CliContext context)
    {
        yield return Submit(context);
        yield return Status(context);
        yield return Wait(context);
        yield return Results(context);
        yield return Cancel(context);
        yield return Resume(context);
        yield return List(context);
        yield return Batch(context);
    }

    static Argument<string> Id() => new("id") { Description = "run or batch id (as submit, batch or list print it)" };

    static Option<double> Seconds(string name, string description, double @default) => new(name)
    {
        Description = description,
        HelpName = "s",
        DefaultValueFactory = _ => @default,
        CustomParser = r => CliOptions.ParsePositive(r, name, "seconds > 0"),
    };

    static Command Verb(string name, string description, params Symbol[] symbols)
    {
        var c = new Command(name, description);
        foreach (var s in symbols)
            if (s is Argument a) c.Arguments.Add(a); else c.Options.Add((Option)s);
        ClusterCli.AddTo(c);
        return c;
    }

    static (Command, string) Submit(CliContext context)
    {
        var file = new Argument<string>("scenario-or-runspec") { Description = "scenario (.yaml) or a prepared spec (.runspec)" };
        var id = new Option<string?>("--id") { Description = "run id to use (default: <scenario>-<utc time>-<random>)", HelpName = "run-id" };
        var resolution = CliOptions.Resolution();
        var tile = CliOptions.TileSize();
        var checkpoint = new Option<int?>("--checkpoint-every") { Description = "tiles checkpoint their state every n years (default: the spec's, 10)", HelpName = "n", CustomParser = r => CliOptions.ParseWhole(r, "--checkpoint-every", 1) };
        var save = new Option<string?>("--save-spec") { Description = "also write the prepared spec (.runspec) there", HelpName = "file" };
        var maxCells = CliOptions.MaxCells();
        var maxMemory = CliOptions.MaxMemory();
        var attribution = new Option<bool>("--attribution") { Description = "not available with submit (its members need this client to the end): use `carbonsim run --attribution --cluster <redis>`" };
        var c = Verb("submit", "Submit a run to the cluster and print its id. It is validated and prepared here; the run goes on without this client (see status, wait, results, cancel).",
            file, id, resolution, tile, checkpoint, save, attribution, maxCells, maxMemory);
        CarbonSimCli.Action(c, context, (r, _) => r.GetValue(attribution)
            ? throw new UsageException("--attribution is not available with submit: the factorial members run one after the other from the client; use `carbonsim run <scenario> --attribution --cluster <redis>` (same cluster, the client waits)")
            : SubmitCommand.Run(ClusterCli.From(r), r.GetValue(file)!, r.GetValue(id), r.GetValue(resolution), r.GetValue(tile), r.GetValue(checkpoint), r.GetValue(save),
                new RunOptions { MaxCells = r.GetValue(maxCells), MaxMemoryGb = r.GetValue(maxMemory) }.Limits));
        return (c, $"""
              carbonsim submit scenarios/jjj-baseline.yaml {Cluster}          # prints the run id
              carbonsim submit my.yaml --id my-run --resolution 5 --save-spec my.runspec {Cluster}
            """);
    }

    static (Command, string) Status(CliContext context)
    {
        var id = new Argument<string?>("id") { Description = "run or batch id; default: every unfinished run and batch", Arity = ArgumentArity.ZeroOrOne };
        var c = Verb("status", "Show the progress of a run or batch. Phase, last complete year, % done, ETA and silos in use of a run (for a batch: each member); without an id, every unfinished run and batch.", id);
        CarbonSimCli.Action(c, context, (r, _) => StatusCommand.Run(ClusterCli.From(r), r.GetValue(id)));
        return (c, $"""
              carbonsim status <run-id> {Cluster}
              CARBONSIM_REDIS=redis://127.0.0.1:6379 carbonsim status            # every unfinished job
            """);
    }

    static (Command, string) Wait(CliContext context)
    {
        var id = Id();
        var poll = Seconds("--poll", "seconds between progress checks", 1);
        var timeout = new Option<double?>("--timeout") { Description = "give up (exit 3) after this many seconds; the run goes on", HelpName = "s", CustomParser = r => CliOptions.ParsePositive(r, "--timeout", "seconds > 0") };
        var quiet = new Option<bool>("--quiet") { Description = "print no progress lines" };
        var c = Verb("wait", "Wait until a run or batch is finished. Prints progress when it changes. Exit 0 when done, 3 when it failed or was cancelled or the timeout passed. Killing this command does not affect the run.",
            id, poll, timeout, quiet);
        CarbonSimCli.Action(c, context, (r, _) => WaitCommand.Run(ClusterCli.From(r), r.GetValue(id)!, r.GetValue(poll), r.GetValue(timeout), r.GetValue(quiet)));
        return (c, $"""
              carbonsim wait <run-id> {Cluster} && carbonsim results <run-id> {Cluster}
              carbonsim wait <batch-id> --poll 10 --timeout 3600 --quiet {Cluster}
            """);
    }

    static (Command, string) Results(CliContext context)
    {
        var id = Id();
        var @out = CliOptions.Out("out/<id>");
        var overwrite = CliOptions.Overwrite();
        var noCharts = CliOptions.NoCharts();
        var c = Verb("results", "Write a finished run's output folder. The same files as carbonsim run, written atomically. For a batch: each done member's folder inside the --out folder and batch_summary.csv with a row per member and the mean, sd, min and max.",
            id, @out, overwrite, noCharts);
        CarbonSimCli.Action(c, context, (r, _) => ResultsCommand.Run(ClusterCli.From(r), r.GetValue(id)!, r.GetValue(@out), r.GetValue(overwrite), !r.GetValue(noCharts)));
        return (c, $"""
              carbonsim results <run-id> {Cluster}                              # -> out/<run-id>/
              carbonsim results <run-id> --out out/baseline --overwrite {Cluster}
              carbonsim results <batch-id> --out out/ensemble --no-charts {Cluster}
            """);
    }

    static (Command, string) Cancel(CliContext context)
    {
        var id = Id();
        var c = Verb("cancel", "Cancel a run or batch. A run stops at its next year boundary; a batch stops its running members and starts no more.", id);
        CarbonSimCli.Action(c, context, (r, _) => CancelCommand.Run(ClusterCli.From(r), r.GetValue(id)!));
        return (c, $"""
              carbonsim cancel <run-id> {Cluster}
            """);
    }

    static (Command, string) Resume(CliContext context)
    {
        var id = new Argument<string>("id") { Description = "run id (as submit or list print it)" };
        var c = Verb("resume", "Continue a failed or cancelled run from its last checkpoints (e.g. after Redis was down longer than the silos' --storage-outage-seconds). Outputs are identical to an undisturbed run. A run going on or done is left alone.", id);
        CarbonSimCli.Action(c, context, (r, _) => ResumeCommand.Run(ClusterCli.From(r), r.GetValue(id)!));
        return (c, $"""
              carbonsim resume <run-id> {Cluster}
              carbonsim wait <run-id> {Cluster}
            """);
    }

    static (Command, string) List(CliContext context)
    {
        var all = new Option<bool>("--all") { Description = "also list batch members" };
        var c = Verb("list", "List every run and batch on the cluster. Oldest first: id, kind, name, submitted (UTC), phase, years.", all);
        CarbonSimCli.Action(c, context, (r, _) => ListCommand.Run(ClusterCli.From(r), r.GetValue(all)));
        return (c, $"""
              carbonsim list {Cluster}
              carbonsim list --all --config cluster.env
            """);
    }

    static (Command, string) Batch(CliContext context)
    {
        var file = new Argument<string>("batch-file") { Description = "batch file (.yaml): a scenario list or a seeded ensemble (docs/cluster.md)" };
        var id = new Option<string?>("--id") { Description = "batch id to use (default: <name>-<utc time>-<random>)", HelpName = "batch-id" };
        var wait = new Option<bool>("--wait") { Description = "wait for the batch, then print the summary table (exit 3 unless every member is done)" };
        var poll = Seconds("--poll", "seconds between progress checks with --wait", 2);
        var c = Verb("batch", "Prepare every member here, submit the batch and print its id. The cluster runs at most `concurrency` members at once; members share spin-ups.",
            file, id, wait, poll);
        CarbonSimCli.Action(c, context, (r, _) => BatchCommand.Run(ClusterCli.From(r), r.GetValue(file)!, r.GetValue(id), r.GetValue(wait), r.GetValue(poll)));
        return (c, $"""
              carbonsim batch ensemble.yaml {Cluster}
              carbonsim batch scenarios.yaml --id jjj-all --wait {Cluster}
            """);
    }
}
