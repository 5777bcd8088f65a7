namespace CarbonSim.Model.LandUse;

/// <summary>One applied change of class in a tile.</summary>
/// <param name="CellId">Global cell id.</param>
/// <param name="LocalIndex">Index of the cell in the tile's local row-major order.</param>
public readonly record struct Conversion(int CellId, int LocalIndex, int FromClass, int ToClass);

/// <summary>
/// Step (c) of the yearly allocation, run by each tile: apply the winners that fall inside it.
/// Winners of other tiles are ignored, so a tile can be sent the whole winner list of its cities.
/// </summary>
public static class AllocationApply
{
    /// <summary>
    /// Returns the tile's new local classes (a copy) and the conversions applied, ascending by cell id.
    /// A winner whose FromClass differs from the cell's current class is stale and rejected.
    /// </summary>
    public static (int[] Classes, Conversion[] Conversions) Apply(TileWindow window, IEnumerable<Candidate> winners)
    {
        var classes = window.LocalClasses();
        var applied = new List<Conversion>();
        foreach (var c in winners.OrderBy(c => c.CellId))
        {
            int gx = c.CellId % window.MapWidth, gy = c.CellId / window.MapWidth;
            int x = gx - window.X0, y = gy - window.Y0;
            if (x < 0 || y < 0 || x >= window.Width || y >= window.Height) continue;
            int i = y * window.Width + x;
            if (classes[i] != c.FromClass)
                throw new InvalidInputException("allocation", $"cell {c.CellId}", $"class {classes[i]}",
                    $"the winner's source class {c.FromClass} (stale or duplicate winner)");
            classes[i] = c.ToClass;
            applied.Add(new Conversion(c.CellId, i, c.FromClass, c.ToClass));
        }
        return (classes, applied.ToArray());
    }
}
