namespace CarbonSim.Model.LandUse;

/// <summary>
/// A whole land-use map: class index per cell, row-major, cell id = row·Width + column.
/// Class indices run 0..K−1; <see cref="NoData"/> marks cells outside the region.
/// </summary>
public sealed record LandUseMap(int Width, int Height, int[] Classes)
{
    /// <summary>Class value of a cell outside the region or outside the map.</summary>
    public const int NoData = -1;

    public int CellCount => Width * Height;
    public int CellId(int column, int row) => row * Width + column;

    /// <summary>Cells per class (NoData not counted).</summary>
    public int[] CountByClass(int classCount)
    {
        var n = new int[classCount];
        foreach (var c in Classes) if (c >= 0 && c < classCount) n[c]++;
        return n;
    }
}

/// <summary>
/// One tile's view of the map: its own block of cells plus a halo of <see cref="Halo"/> cells on every
/// side taken from the neighbouring tiles (cells beyond the map edge hold <see cref="LandUseMap.NoData"/>).
/// Array layout: row-major over (Width + 2·Halo) × (Height + 2·Halo); local cell (x, y) sits at
/// index (y + Halo)·Stride + (x + Halo). A whole map is the tile at (0, 0) covering everything.
/// </summary>
public sealed record TileWindow(int MapWidth, int MapHeight, int X0, int Y0, int Width, int Height, int Halo, int[] Classes)
{
    public int Stride => Width + 2 * Halo;
    public int LocalCount => Width * Height;

    /// <summary>Class at local coordinates; x, y may reach into the halo (−Halo..Width+Halo−1).</summary>
    public int At(int x, int y) => Classes[(y + Halo) * Stride + (x + Halo)];

    /// <summary>Global cell id of local cell (x, y) (x, y inside the tile).</summary>
    public int GlobalId(int x, int y) => (Y0 + y) * MapWidth + (X0 + x);

    /// <summary>Current classes of the tile's own cells, local row-major.</summary>
    public int[] LocalClasses()
    {
        var a = new int[LocalCount];
        for (int y = 0; y < Height; y++)
            for (int x = 0; x < Width; x++) a[y * Width + x] = At(x, y);
        return a;
    }

    /// <summary>
    /// Assembles a tile window from any source of classes by global cell id (the engine passes a
    /// lookup over its own cells and the halo strips received from neighbouring tiles).
    /// </summary>
    public static TileWindow Assemble(int mapWidth, int mapHeight, int x0, int y0, int width, int height, int halo,
        Func<int, int> classOfCell)
    {
        if (width <= 0 || height <= 0 || x0 < 0 || y0 < 0 || x0 + width > mapWidth || y0 + height > mapHeight)
            throw new InvalidInputException("tiling", $"tile at ({x0},{y0})", $"{width}x{height}",
                $"a tile inside the {mapWidth}x{mapHeight} map");
        if (halo < 0) throw new InvalidInputException("tiling", "halo", halo.ToString(), "halo >= 0");
        int stride = width + 2 * halo;
        var a = new int[stride * (height + 2 * halo)];
        for (int y = -halo; y < height + halo; y++)
            for (int x = -halo; x < width + halo; x++)
            {
                int gx = x0 + x, gy = y0 + y;
                a[(y + halo) * stride + (x + halo)] = gx < 0 || gy < 0 || gx >= mapWidth || gy >= mapHeight
                    ? LandUseMap.NoData
                    : classOfCell(gy * mapWidth + gx);
            }
        return new TileWindow(mapWidth, mapHeight, x0, y0, width, height, halo, a);
    }

    /// <summary>Cuts a tile (with halo) out of a whole map.</summary>
    public static TileWindow Cut(LandUseMap map, int x0, int y0, int width, int height, int halo) =>
        Assemble(map.Width, map.Height, x0, y0, width, height, halo, id => map.Classes[id]);

    /// <summary>Splits a map into tiles of at most tileSize × tileSize, in tile order (row of tiles, then column).</summary>
    public static IReadOnlyList<TileWindow> Tile(LandUseMap map, int tileSize, int halo)
    {
        if (tileSize <= 0) throw new InvalidInputException("tiling", "tile size", tileSize.ToString(), "a positive number of cells");
        var list = new List<TileWindow>();
        for (int y0 = 0; y0 < map.Height; y0 += tileSize)
            for (int x0 = 0; x0 < map.Width; x0 += tileSize)
                list.Add(Cut(map, x0, y0, Math.Min(tileSize, map.Width - x0), Math.Min(tileSize, map.Height - y0), halo));
        return list;
    }
}
