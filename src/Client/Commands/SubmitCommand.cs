using CarbonSim.Client.Hosting;
using CarbonSim.Grains.Batch;
using CarbonSim.Contracts;
using CarbonSim.Model.Engine;

namespace CarbonSim.Client.Commands;

/// <summary><c>carbonsim submit</c>: validate and prepare a run on this machine, hand it to the cluster, print its id, return.</summary>
public static class SubmitCommand
{
    public const string Usage =
        """
        usage: carbonsim submit <scenario.yaml | prepared.runspec> --cluster redis://host:port [options]

        Validates the scenario here, submits the run to the cluster and prints its run id; the run goes
        on without this client (see carbonsim status / wait / results / cancel).

          --id <run-id>             run id to use (default: <scenario>-<utc time>-<random>)
          --resolution <km>         grid resolution override
          --tile-size <n>           tile edge in cells override
          --checkpoint-every <n>    tiles checkpoint their state every n years (default: the spec's, 10)
          --save-spec <file>        also write the prepared spec (.runspec) there
        """ + "\n" + ClusterCli.CommonUsage;

    public static Task<int> Run(IReadOnlyList<string> args) => ClusterCli.Guard("submit", async () =>
    {
        var cli = ClusterCli.Parse(args, ["--id", "--resolution", "--tile-size", "--checkpoint-every", "--save-spec"]);
        if (cli.Help) { Console.WriteLine(Usage); return 0; }
        if (cli.Positionals.Count != 1) throw new ArgumentException("give exactly one scenario or .runspec file (see --help)");
        var (spec, entry) = Prepare(cli.Positionals[0], cli.DoubleOption("--resolution"), cli.IntOption("--tile-size", 1), cli.IntOption("--checkpoint-every", 1));
        Model.Engine.RunSpecCheck.Validate(spec);
        if (cli.Option("--save-spec") is { } save) ClusterSpecFile.Write(save, spec);
        string id = cli.Option("--id") ?? ClusterJobs.NewId(spec.ScenarioName);
        await using var connection = await cli.ConnectAsync();
        await ClusterJobs.SubmitRun(connection.Grains, entry with { Id = id }, spec);
        Console.WriteLine(id);
        Console.Error.WriteLine($"submitted {spec.ScenarioName}: {spec.Cells.Count} cells, {spec.YearCount} years to {connection.Settings}");
        return 0;
    });

    /// <summary>Reads a scenario (or a prepared spec) into a run spec and the registry entry that lets <c>results</c> label it later.</summary>
    public static (RunSpec Spec, JobEntry Entry) Prepare(string path, double? resolutionKm, int? tileSize, int? checkpointEvery)
    {
        string full = Path.GetFullPath(path);
        RunSpec spec;
        JobEntry entry;
        if (full.EndsWith(ClusterSpecFile.Extension, StringComparison.OrdinalIgnoreCase))
        {
            if (resolutionKm is not null) throw new ArgumentException("--resolution cannot change a prepared .runspec (prepare it again from the scenario)");
            spec = ClusterSpecFile.Read(full);
            if (tileSize is int t) spec = spec with { TileSize = t };
            entry = new JobEntry { Name = spec.ScenarioName };
        }
        else
        {
            spec = ClusterScenario.Prepare(full, resolutionKm, tileSize);
            entry = new JobEntry { Name = spec.ScenarioName, ScenarioPath = full, ResolutionKm = resolutionKm, TileSize = tileSize };
        }
        if (checkpointEvery is int n) spec = spec with { CheckpointEveryYears = n };
        return (spec, entry);
    }
}
