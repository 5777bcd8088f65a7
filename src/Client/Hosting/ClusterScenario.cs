using CarbonSim.Client.Cli;
using CarbonSim.Client.Commands;
using CarbonSim.Grains.Contracts;
using CarbonSim.Model.Output;

namespace CarbonSim.Client.Hosting;

/// <summary>
/// The seam between the cluster verbs and scenario files: turns a scenario (plus the run options
/// given at submission) into a run spec, and a finished run back into labelled results. Uses the same
/// preparation as <c>carbonsim run</c> (<see cref="RunCommand.Prepare"/>), so a cluster run of a
/// scenario equals an embedded run of it.
/// </summary>
public static class ClusterScenario
{
    /// <summary>Whether this build can read scenario files.</summary>
    public static bool Available => true;

    /// <summary>Scenario path, resolution [km] override, tile size override → spec.</summary>
    public static Func<string, double?, int?, RunSpec>? Prepare { get; } =
        (path, resolutionKm, tileSize) => RunCommand.Prepare(Options(path, resolutionKm, tileSize)).Spec;

    /// <summary>Scenario path, options, spec, outcome, timings → results (the region is laid out again from the scenario: deterministic).</summary>
    public static Func<string, double?, int?, RunSpec, RunOutcome, IReadOnlyList<PhaseTiming>, RunResults>? Results { get; } =
        (path, resolutionKm, tileSize, spec, outcome, timings) =>
            ResultsFactory.From(RunCommand.Prepare(Options(path, resolutionKm, tileSize)).Setup, spec, outcome, timings);

    static RunOptions Options(string path, double? resolutionKm, int? tileSize) =>
        new() { ScenarioPath = path, ResolutionKm = resolutionKm, TileSize = tileSize };
}
