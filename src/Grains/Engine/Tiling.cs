using CarbonSim.Grains.Contracts;

namespace CarbonSim.Grains.Engine;

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
