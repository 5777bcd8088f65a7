namespace CarbonSim.Contracts;

/// <summary>How the engine's grain keys are spelled.</summary>
public static class GrainKeys
{
    /// <summary>
    /// The key prefix of attempt <paramref name="attempt"/> of run <paramref name="runId"/>: its tiles, cities and region are
    /// keyed under it. The first attempt is the run id itself; a run submitted again after it failed or was cancelled gets
    /// <c>{run}~{attempt}</c>, so no state of the earlier attempt is reused.
    /// </summary>
    public static string Attempt(string runId, int attempt) => attempt <= 1 ? runId : $"{runId}~{attempt}";

    public static string Tile(string runId, int tileIndex) => $"{runId}/{tileIndex}";
    public static string City(string runId, int cityIndex) => $"{runId}/{cityIndex}";
}
