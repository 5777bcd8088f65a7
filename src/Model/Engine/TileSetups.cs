using CarbonSim.Model.LandUse;

namespace CarbonSim.Model.Engine;

/// <summary>Builds each tile's <see cref="TileSetup"/>: only its own cells and the parameter tables they use.</summary>
public static class TileSetups
{
    /// <param name="spec">The whole run.</param>
    /// <param name="cells">Global indices of the tile's cells, ascending.</param>
    /// <param name="equilibrium">Equilibrium state of every spin-up combination of the run (global indices).</param>
    /// <param name="classGrid">With land-use change: the class of every grid cell at the start (<see cref="ClassGrid"/>), else null.</param>
    public static TileSetup For(RunSpec spec, int[] cells, IReadOnlyDictionary<SpinupCombo, double[]> equilibrium, int[]? classGrid = null)
    {
        var t = spec.Cells;
        var combos = Tiling.DistinctCombos(spec, cells);
        var vegetation = Local(combos.Select(c => c.Vegetation));
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
        return new TileSetup
        {
            Spec = spec with
            {
                Cells = table,
                LandUse = spec.LandUse is { } plan ? CutPlan(plan, cells, vegetation.Local) : null,
                VegetationTypes = vegetation.Global.Select(g => spec.VegetationTypes[g]).ToArray(),
                Sites = sites.Global.Select(g => spec.Sites[g]).ToArray(),
                Climates = climates.Global.Select(g => spec.Climates[g]).ToArray(),
            },
            CellIndices = cells,
            Combos = combos.Select(c => new SpinupCombo(vegetation.Local[c.Vegetation], sites.Local[c.Site], climates.Local[c.Climate])).ToArray(),
            EquilibriumStates = combos.Select(c => equilibrium[c]).ToArray(),
            LandUse = spec.LandUse is { } whole ? Window(spec, whole, cells, classGrid ?? ClassGrid(spec)) : null,
        };
    }

    /// <summary>[-] Class index of every grid cell (row-major) at the start of the run; NoData (−1) where there is no cell.</summary>
    public static int[] ClassGrid(RunSpec spec)
    {
        var grid = Enumerable.Repeat(LandUseMap.NoData, spec.GridRows * spec.GridCols).ToArray();
        var t = spec.Cells;
        for (int i = 0; i < t.Count; i++) grid[t.Row[i] * spec.GridCols + t.Col[i]] = spec.LandUse!.CellClass[i];
        return grid;
    }

    /// <summary>The plan cut to the tile's cells, mix vegetation indices made local (−1 for types the tile never needs), no demand.</summary>
    static LandUsePlan CutPlan(LandUsePlan plan, int[] cells, Dictionary<int, int> localVegetation) => plan with
    {
        CellClass = cells.Select(i => plan.CellClass[i]).ToArray(),
        CellProtected = cells.Select(i => plan.CellProtected[i]).ToArray(),
        CellKmToCentre = cells.Select(i => plan.CellKmToCentre[i]).ToArray(),
        CellElevationM = cells.Select(i => plan.CellElevationM[i]).ToArray(),
        CellSlopeDeg = cells.Select(i => plan.CellSlopeDeg[i]).ToArray(),
        Mix = plan.Mix.Select(city => city.Select(cls => cls.Select(m =>
            m with { Vegetation = localVegetation.TryGetValue(m.Vegetation, out int l) ? l : -1 }).ToArray()).ToArray()).ToArray(),
        Demand = [],
    };

    /// <summary>The tile's block (from its first cell and the tile size) and its window with a halo of the rules' width.</summary>
    static TileLandUse Window(RunSpec spec, LandUsePlan plan, int[] cells, int[] classGrid)
    {
        int size = spec.TileSize;
        int x0 = spec.Cells.Col[cells[0]] / size * size, y0 = spec.Cells.Row[cells[0]] / size * size;
        int w = Math.Min(size, spec.GridCols - x0), h = Math.Min(size, spec.GridRows - y0);
        int halo = plan.Rules().Halo;
        var window = TileWindow.Assemble(spec.GridCols, spec.GridRows, x0, y0, w, h, halo, id => classGrid[id]);
        return new TileLandUse { X0 = x0, Y0 = y0, Width = w, Height = h, Halo = halo, WindowClasses = window.Classes };
    }

    /// <summary>The distinct global indices used (ascending) and their positions in that list.</summary>
    static (int[] Global, Dictionary<int, int> Local) Local(IEnumerable<int> used)
    {
        var global = used.Distinct().Order().ToArray();
        return (global, global.Select((g, k) => (g, k)).ToDictionary(p => p.g, p => p.k));
    }
}
