using CarbonSim.Grains.Contracts;
using CarbonSim.Model.Output;

namespace CarbonSim.Client.Hosting;

/// <summary>
/// The seam between the cluster verbs and scenario files: turns a scenario (plus the run options
/// given at submission) into a run spec, and a finished run back into labelled results. Uses the same
/// preparation as <c>carbonsim run</c>, so a cluster run of a scenario equals an embedded run of it.
/// </summary>
public static class ClusterScenario
{
    /// <summary>Whether this build can read scenario files (the scenario loader is part of the engine CLI).</summary>
    public static bool Available => Prepare is not null;

    /// <summary>Scenario path, resolution [km] override, tile size override, checkpoint interval [a] → spec. Null until wired.</summary>
    public static Func<string, double?, int?, RunSpec>? Prepare { get; } = null;

    /// <summary>Scenario path, options, spec, outcome, timings → results. Null until wired.</summary>
    public static Func<string, double?, int?, RunSpec, RunOutcome, IReadOnlyList<PhaseTiming>, RunResults>? Results { get; } = null;
}
