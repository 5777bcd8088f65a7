using CarbonSim.Client.Hosting;
using CarbonSim.Grains.Batch;
using CarbonSim.Contracts;
using CarbonSim.Model.Engine;

namespace CarbonSim.Client.Commands;

/// <summary><c>carbonsim submit</c>: validate and prepare a run on this machine, hand it to the cluster, print its id, return.</summary>
public static class SubmitCommand
{
    /// <summary>The verb (parsed by <see cref="Cli.CarbonSimCli"/>).</summary>
    public static async Task<int> Run(ClusterCli cli, string file, string? id, double? resolutionKm, int? tileSize, int? checkpointEvery, string? saveSpec,
        Model.Safety.ResourceLimits? limits = null)
    {
        if (id is not null) Model.Safety.SimpleName.Require(id, "command line", "--id"); // ids name folders (results)
        var (spec, entry) = Prepare(file, resolutionKm, tileSize, checkpointEvery, limits);
        Model.Engine.RunSpecCheck.Validate(spec);
        if (saveSpec is { } save) ClusterSpecFile.Write(save, spec);
        id ??= ClusterJobs.NewId(spec.ScenarioName);
        await using var connection = await cli.ConnectAsync();
        await ClusterJobs.SubmitRun(connection.Grains, entry with { Id = id }, spec);
        Console.WriteLine(id);
        Console.Error.WriteLine($"submitted {spec.ScenarioName}: {spec.Cells.Count} cells, {spec.YearCount} years to {connection.Settings}");
        return 0;
    }

    /// <summary>Reads a scenario (or a prepared spec) into a run spec and the registry entry that lets <c>results</c> label it later.</summary>
    public static (RunSpec Spec, JobEntry Entry) Prepare(string path, double? resolutionKm, int? tileSize, int? checkpointEvery, Model.Safety.ResourceLimits? limits = null)
    {
        string full = Path.GetFullPath(path);
        RunSpec spec;
        JobEntry entry;
        if (full.EndsWith(ClusterSpecFile.Extension, StringComparison.OrdinalIgnoreCase))
        {
            if (resolutionKm is not null) throw new ArgumentException("--resolution cannot change a prepared .runspec (prepare it again from the scenario)");
            spec = ClusterSpecFile.Read(full);
            if (!Model.Safety.SimpleName.IsValid(spec.ScenarioName)) // its name becomes the default run id
                throw new Model.InvalidInputException(full, "scenario name", spec.ScenarioName, Model.Safety.SimpleName.Rule);
            if (tileSize is int t) spec = spec with { TileSize = t };
            entry = new JobEntry { Name = spec.ScenarioName };
        }
        else
        {
            spec = ClusterScenario.Prepare(full, resolutionKm, tileSize, limits);
            entry = new JobEntry { Name = spec.ScenarioName, ScenarioPath = full, ResolutionKm = resolutionKm, TileSize = tileSize };
        }
        if (checkpointEvery is int n) spec = spec with { CheckpointEveryYears = n };
        return (spec, entry);
    }
}
