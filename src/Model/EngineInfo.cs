namespace CarbonSim.Model; /// <summary>Engine identity.</summary> public static class EngineInfo { public const string Name = "CarbonSim"; }
