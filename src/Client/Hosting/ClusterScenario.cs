using CarbonSim.Client.Cli;
using CarbonSim.Client.Commands;
using CarbonSim.Contracts;
using CarbonSim.Model.Engine;
using CarbonSim.Model.Output;

namespace CarbonSim.Client.Hosting;

/// <summary>
/// The seam between the cluster verbs and scenario files: the same preparation as <c>carbonsim run</c>
/// (<see cref="RunCommand.Prepare"/>), so a cluster run of a scenario equals an embedded run of it, and
/// the same labelling of results (<see cref="ResultsFactory.From"/>).
/// </summary>
public static class ClusterScenario
{
    /// <summary>Scenario file (+ resolution [km] and tile size overrides) → validated run spec.</summary>
    public static RunSpec Prepare(string scenarioPath, double? resolutionKm, int? tileSize, Model.Safety.ResourceLimits? limits = null) =>
        RunCommand.Prepare(new RunOptions
        {
            ScenarioPath = scenarioPath, ResolutionKm = resolutionKm, TileSize = tileSize,
            MaxCells = limits?.MaxCells, MaxMemoryGb = limits is null ? null : limits.MaxMemoryBytes / 1e9,
        }).Spec;

    /// <summary>
    /// A finished run's results labelled from its scenario (read again on this machine). The region is
    /// rebuilt with the submission's options; its spec must hash equal to the run's, otherwise the
    /// scenario or its inputs changed since submission and the labels would be wrong.
    /// </summary>
    public static RunResults Results(string scenarioPath, double? resolutionKm, int? tileSize, RunSpec runSpec, RunOutcome outcome,
        IReadOnlyList<PhaseTiming> timings)
    {
        // The run was accepted at submission: no size limit when its scenario is read again to label the results.
        var (setup, spec) = RunCommand.Prepare(new RunOptions { ScenarioPath = scenarioPath, ResolutionKm = resolutionKm, TileSize = tileSize, MaxCells = long.MaxValue, MaxMemoryGb = double.MaxValue });
        // Forcing and name may differ on purpose (ensemble members, --checkpoint-every); the region may not.
        var comparable = spec with
        {
            ScenarioName = runSpec.ScenarioName, CheckpointEveryYears = runSpec.CheckpointEveryYears,
            Co2ByYear = runSpec.Co2ByYear, NDepositionByYear = runSpec.NDepositionByYear,
        };
        if (ClusterSpecHash.Of(comparable) != ClusterSpecHash.Of(runSpec))
            throw new JobException($"{scenarioPath} (or a file it names) changed since the run was submitted; its outputs cannot be labelled from it", CarbonSim.Client.Cli.ExitCodes.BadInput);
        return CarbonSim.Model.Accounting.RunBudgets.Attach(ResultsFactory.From(setup, runSpec, outcome, timings), setup.Scenario, outcome.Books); // budgets as the region grain closed them (no-op without a scheme)
    }
}
