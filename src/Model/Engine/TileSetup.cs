namespace CarbonSim.Model.Engine;

/// <summary>
/// What a tile needs to start, and no more (it crosses the network on a cluster): a copy of the run
/// spec cut down to the tile's cells and the vegetation types, sites and climates they use (indices
/// local to that copy), the global index of each of its cells, and the equilibrium state of each
/// spin-up combination its columns use. Built by <c>Engine.TileSetups.For</c>.
/// </summary>
public sealed record TileSetup
{
    /// <summary>The run spec restricted to this tile: <c>Spec.Cells</c> row p is tile cell p.</summary>
    public RunSpec Spec { get; init; } = null!;
    /// <summary>[-] Global index (into the run's cell table) of each tile cell, ascending.</summary>
    public int[] CellIndices { get; init; } = [];
    /// <summary>Spin-up combinations used by the tile's columns (indices into <see cref="Spec"/>'s tables), and their equilibrium state vectors.</summary>
    public SpinupCombo[] Combos { get; init; } = [];
    public double[][] EquilibriumStates { get; init; } = [];
    /// <summary>The tile's block and halo when the run has land-use change, else null.</summary>
    public TileLandUse? LandUse { get; init; }
}

/// <summary>One distinct spin-up: vegetation type, site and climate indices into the run's tables, and the
/// calendar year its stand is cleared during the history (0 = never; <see cref="CellTable.ColumnClearingYear"/>).</summary>
public readonly record struct SpinupCombo(
    int Vegetation,
    int Site,
    int Climate,
    int ClearingYear = 0);
