namespace CarbonSim.Contracts;

/// <summary>How the engine's grain keys are spelled.</summary>
public static class GrainKeys
{
    public static string Tile(string runId, int tileIndex) => $"{runId}/{tileIndex}";
    public static string City(string runId, int cityIndex) => $"{runId}/{cityIndex}";
}
