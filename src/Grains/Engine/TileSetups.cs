using CarbonSim.Grains.Contracts;

namespace CarbonSim.Grains.Engine;

/// <summary>Builds each tile's <see cref="TileSetup"/>: only its own cells and the parameter tables they use.</summary>
public static class TileSetups
{
    /// <param name="spec">The whole run.</param>
    /// <param name="cells">Global indices of the tile's cells, ascending.</param>
    /// <param name="equilibrium">Equilibrium state of every spin-up combination of the run (global indices).</param>
    public static TileSetup For(RunSpec spec, int[] cells, IReadOnlyDictionary<SpinupCombo, double[]> equilibrium)
    {
        var t = spec.Cells;
        var vegetation = Local(cells.SelectMany(i => Enumerable.Range(t.ColumnStart[i], t.ColumnStart[i + 1] - t.ColumnStart[i]).Select(c => t.ColumnVegetation[c])));
        var sites = Local(cells.Select(i => t.Site[i]));
        var climates = Local(cells.Select(i => t.Climate[i]));

        int n = cells.Length;
        var start = new int[n + 1];
        var veg = new List<int>(); var frac = new List<double>();
        for (int p = 0; p < n; p++)
        {
            int i = cells[p];
            for (int c = t.ColumnStart[i]; c < t.ColumnStart[i + 1]; c++)
            {
                veg.Add(vegetation.Local[t.ColumnVegetation[c]]);
                frac.Add(t.ColumnFraction[c]);
            }
            start[p + 1] = veg.Count;
        }
        var table = new CellTable
        {
            Row = cells.Select(i => t.Row[i]).ToArray(),
            Col = cells.Select(i => t.Col[i]).ToArray(),
            City = cells.Select(i => t.City[i]).ToArray(),
            AreaM2 = cells.Select(i => t.AreaM2[i]).ToArray(),
            Climate = cells.Select(i => climates.Local[t.Climate[i]]).ToArray(),
            Site = cells.Select(i => sites.Local[t.Site[i]]).ToArray(),
            LandUse = cells.Select(i => t.LandUse[i]).ToArray(),
            ColumnStart = start,
            ColumnVegetation = [.. veg],
            ColumnFraction = [.. frac],
        };
        var combos = Tiling.DistinctCombos(t, cells);
        return new TileSetup
        {
            Spec = spec with
            {
                Cells = table,
                VegetationTypes = vegetation.Global.Select(g => spec.VegetationTypes[g]).ToArray(),
                Sites = sites.Global.Select(g => spec.Sites[g]).ToArray(),
                Climates = climates.Global.Select(g => spec.Climates[g]).ToArray(),
            },
            CellIndices = cells,
            Combos = combos.Select(c => new SpinupCombo(vegetation.Local[c.Vegetation], sites.Local[c.Site], climates.Local[c.Climate])).ToArray(),
            EquilibriumStates = combos.Select(c => equilibrium[c]).ToArray(),
        };
    }

    /// <summary>The distinct global indices used (ascending) and their positions in that list.</summary>
    static (int[] Global, Dictionary<int, int> Local) Local(IEnumerable<int> used)
    {
        var global = used.Distinct().Order().ToArray();
        return (global, global.Select((g, k) => (g, k)).ToDictionary(p => p.g, p => p.k));
    }
}
