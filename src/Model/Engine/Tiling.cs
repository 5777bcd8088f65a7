
namespace CarbonSim.Model.Engine;

/// <summary>Partitions a run's cells into square tiles of the grid.</summary>
public static class Tiling
{
    /// <summary>
    /// Global cell indices per tile. Tiles are blocks of <paramref name="tileSize"/>×<paramref name="tileSize"/>
    /// grid cells numbered row-major over the block grid, empty blocks skipped; cells in a tile ascend.
    /// </summary>
    public static int[][] Partition(CellTable cells, int gridCols, int tileSize)
    {
        if (tileSize < 1) throw new ArgumentOutOfRangeException(nameof(tileSize), tileSize, "tile size must be at least 1 cell");
        int blockCols = (gridCols + tileSize - 1) / tileSize;
        var byBlock = new SortedDictionary<long, List<int>>();
        for (int i = 0; i < cells.Count; i++)
        {
            long block = (long)(cells.Row[i] / tileSize) * blockCols + cells.Col[i] / tileSize;
            if (!byBlock.TryGetValue(block, out var list)) byBlock[block] = list = [];
            list.Add(i);
        }
        return byBlock.Values.Select(l => l.ToArray()).ToArray();
    }

    /// <summary>
    /// The distinct (vegetation, site, climate) combinations the given cells can need, sorted: their columns,
    /// and with land-use change the columns of every class their city can gain (<see cref="ReachableClasses"/>),
    /// so converted cells start their new columns from a spin-up of their own site and climate.
    /// </summary>
    public static SpinupCombo[] DistinctCombos(RunSpec spec, IEnumerable<int> cellIndices)
    {
        var cells = spec.Cells;
        var set = new SortedSet<(int, int, int)>();
        var reach = spec.LandUse is { } plan ? ReachableClasses(plan, spec.CityIds.Length) : null;
        foreach (int i in cellIndices)
        {
            for (int c = cells.ColumnStart[i]; c < cells.ColumnStart[i + 1]; c++)
                set.Add((cells.ColumnVegetation[c], cells.Site[i], cells.Climate[i]));
            if (reach is null) continue;
            int city = cells.City[i];
            for (int cls = 0; cls < reach[city].Length; cls++)
                if (reach[city][cls])
                    foreach (var (veg, _) in spec.LandUse!.MixOf(city, cls)) set.Add((veg, cells.Site[i], cells.Climate[i]));
        }
        return set.Select(t => new SpinupCombo(t.Item1, t.Item2, t.Item3)).ToArray();
    }

    /// <summary>
    /// Classes each city can hold at some time, <c>[city][class]</c>: those of its cells at the start and
    /// those with a demand above zero in some year (a class only gains cells where its demand exceeds its count).
    /// </summary>
    public static bool[][] ReachableClasses(LandUsePlan plan, int cityCount)
    {
        int k = plan.ClassCount;
        var reach = new bool[cityCount][];
        for (int city = 0; city < cityCount; city++)
        {
            reach[city] = new bool[k];
            if (city >= plan.Demand.Length) continue;
            foreach (var year in plan.Demand[city])
                for (int cls = 0; cls < k; cls++) if (year[cls] > 0) reach[city][cls] = true;
        }
        return reach;
    }

    /// <summary>The distinct (vegetation, site, climate) combinations used by the given cells' columns, sorted.</summary>
    public static SpinupCombo[] DistinctCombos(CellTable cells, IEnumerable<int> cellIndices)
    {
        var set = new SortedSet<(int, int, int)>();
        foreach (int i in cellIndices)
            for (int c = cells.ColumnStart[i]; c < cells.ColumnStart[i + 1]; c++)
                set.Add((cells.ColumnVegetation[c], cells.Site[i], cells.Climate[i]));
        return set.Select(t => new SpinupCombo(t.Item1, t.Item2, t.Item3)).ToArray();
    }
}
