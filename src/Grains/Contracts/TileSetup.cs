namespace CarbonSim.Grains.Contracts;

/// <summary>
/// What a tile needs to start: which cells of the run it holds (global cell indices, ascending),
/// the run's tables, and the equilibrium state of each spin-up combination its columns use.
/// </summary>
[GenerateSerializer, Immutable, Alias("carbonsim.TileSetup")]
public sealed record TileSetup
{
    [Id(0)] public RunSpec Spec { get; init; } = null!;
    /// <summary>[-] Global indices (into <see cref="RunSpec.Cells"/>) of the tile's cells, ascending.</summary>
    [Id(1)] public int[] CellIndices { get; init; } = [];
    /// <summary>Spin-up combinations used by the tile's columns, and their equilibrium state vectors.</summary>
    [Id(2)] public SpinupCombo[] Combos { get; init; } = [];
    [Id(3)] public double[][] EquilibriumStates { get; init; } = [];
}

/// <summary>One distinct spin-up: vegetation type, site and climate indices into the run's tables.</summary>
[GenerateSerializer, Immutable, Alias("carbonsim.SpinupCombo")]
public readonly record struct SpinupCombo(
    [property: Id(0)] int Vegetation,
    [property: Id(1)] int Site,
    [property: Id(2)] int Climate);
