namespace CarbonSim.Model;

/// <summary>Engine identity written into manifests and restart files.</summary>
public static class EngineInfo
{
    public const string Name = "CarbonSim";
    public const string Version = "0.1.0";
}
