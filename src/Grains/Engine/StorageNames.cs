namespace CarbonSim.Grains.Engine;

/// <summary>Names of the grain storage providers the engine uses.</summary>
public static class StorageNames
{
    /// <summary>Tile checkpoints and spin-up equilibria (memory when embedded, Redis on a cluster).</summary>
    public const string Engine = "carbonsim";
}
