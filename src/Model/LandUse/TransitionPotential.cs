namespace CarbonSim.Model.LandUse;

/// <summary>A cell offered by a tile for conversion: potential of changing FromClass → ToClass.</summary>
/// <param name="CellId">Global cell id (row·MapWidth + column).</param>
/// <param name="CityId">City the cell belongs to.</param>
/// <param name="FromClass">Current class index.</param>
/// <param name="ToClass">Target class index.</param>
/// <param name="Potential">[-] Transition potential (see <see cref="LandUseRules"/>).</param>
public readonly record struct Candidate(int CellId, int CityId, int FromClass, int ToClass, double Potential);

/// <summary>Cells per class of one city within one tile.</summary>
public sealed record CityClassCounts(int CityId, int[] Counts);

/// <summary>What a tile sends to the cities each year: its candidates and its current class counts per city.</summary>
public sealed record TileOffer(Candidate[] Candidates, CityClassCounts[] Counts);

/// <summary>
/// Per-tile computation of neighbourhood shares, distance to built-up land and transition potentials.
/// Everything is computed from the tile's window (own cells + halo of <see cref="LandUseRules.Halo"/>),
/// visiting window offsets in a fixed order, so the numbers are bit-identical whatever the tiling.
/// </summary>
public static class TransitionPotential
{
    /// <summary>
    /// Share of each class among the N×N − 1 neighbours of every local cell (centre excluded; NoData
    /// neighbours excluded from numerator and denominator; 0 when a cell has no valid neighbour).
    /// Result: [local cell · K + k]. Needs Window.Halo ≥ (N−1)/2.
    /// </summary>
    public static double[] NeighbourhoodShares(TileWindow w, int classCount, int windowSize)
    {
        int r = (windowSize - 1) / 2;
        if (w.Halo < r) throw new InvalidInputException("tiling", $"tile ({w.X0},{w.Y0}) halo", w.Halo.ToString(), $"a halo >= {r} for a {windowSize}x{windowSize} window");
        var shares = new double[w.LocalCount * classCount];
        var counts = new int[classCount];
        for (int y = 0; y < w.Height; y++)
            for (int x = 0; x < w.Width; x++)
            {
                Array.Clear(counts);
                int valid = 0;
                for (int dy = -r; dy <= r; dy++)
                    for (int dx = -r; dx <= r; dx++)
                    {
                        if (dx == 0 && dy == 0) continue;
                        int c = w.At(x + dx, y + dy);
                        if (c < 0 || c >= classCount) continue;
                        counts[c]++; valid++;
                    }
                if (valid == 0) continue;
                int o = (y * w.Width + x) * classCount;
                for (int k = 0; k < classCount; k++) shares[o + k] = (double)counts[k] / valid;
            }
        return shares;
    }

    /// <summary>
    /// [cells] Euclidean distance from each local cell to the nearest cell of <paramref name="targetClass"/>
    /// within <paramref name="radius"/> cells (0 if the cell itself is of that class); radius + 1 when
    /// none is that close. The cap keeps the driver computable from a tile and its halo.
    /// </summary>
    public static double[] DistanceToClass(TileWindow w, int targetClass, int radius)
    {
        if (w.Halo < radius) throw new InvalidInputException("tiling", $"tile ({w.X0},{w.Y0}) halo", w.Halo.ToString(), $"a halo >= the search radius {radius}");
        var d = new double[w.LocalCount];
        for (int y = 0; y < w.Height; y++)
            for (int x = 0; x < w.Width; x++)
            {
                int best2 = int.MaxValue;
                for (int dy = -radius; dy <= radius; dy++)
                    for (int dx = -radius; dx <= radius; dx++)
                    {
                        int d2 = dx * dx + dy * dy;
                        if (d2 > radius * radius || d2 >= best2) continue;
                        if (w.At(x + dx, y + dy) == targetClass) best2 = d2;
                    }
                d[y * w.Width + x] = best2 == int.MaxValue ? radius + 1 : Math.Sqrt(best2);
            }
        return d;
    }

    /// <summary>
    /// Step (a) of the yearly allocation, run by each tile: every unprotected, valid cell offers each
    /// allowed transition to another class with its potential TP = S_k · (Ω0 + w_k·share_k) · (1 − ε_j).
    /// Candidates are in local cell order, then target class order. Also returns the tile's current
    /// class counts per city (sorted by city id), which the city needs to compute its gains and losses.
    /// <paramref name="keep"/> (city, from, to) optionally drops transitions the city will not use (e.g. to a
    /// class that does not grow this year) to shorten the message; the winners do not change.
    /// </summary>
    public static TileOffer Offer(TileCells cells, LandUseRules rules, Func<int, int, int, bool>? keep = null)
    {
        cells.Validate();
        var w = cells.Window;
        int k = rules.ClassCount;
        if (w.Halo < rules.Halo)
            throw new InvalidInputException("tiling", $"tile ({w.X0},{w.Y0}) halo", w.Halo.ToString(), $"a halo >= {rules.Halo} (window and built-up search radius)");
        var shares = NeighbourhoodShares(w, k, rules.WindowSize);
        var toBuilt = DistanceToClass(w, rules.BuiltUpClass, rules.BuiltUpSearchRadius);
        var list = new List<Candidate>();
        var counts = new SortedDictionary<int, int[]>();
        for (int y = 0; y < w.Height; y++)
            for (int x = 0; x < w.Width; x++)
            {
                int i = y * w.Width + x;
                int from = w.At(x, y);
                if (from < 0) continue;
                if (from >= k)
                    throw new InvalidInputException("land-use map", $"cell {w.GlobalId(x, y)}", from.ToString(), $"a class index 0..{k - 1}");
                int city = cells.CityOfCell[i];
                if (!counts.TryGetValue(city, out var cc)) counts[city] = cc = new int[k];
                cc[from]++;
                if (cells.Protected[i]) continue;
                double inertia = 1.0 - rules.Elasticity[from];
                if (inertia <= 0) continue;
                for (int to = 0; to < k; to++)
                {
                    if (to == from || !rules.Allowed[from, to]) continue;
                    if (keep != null && !keep(city, from, to)) continue;
                    double s = rules.Suitability[to].Evaluate(cells.KmToCentre[i], toBuilt[i], cells.ElevationM[i], cells.SlopeDeg[i]);
                    double omega = rules.NeighbourhoodFloor + rules.NeighbourhoodWeight[to] * shares[i * k + to];
                    double tp = s * omega * inertia;
                    if (!double.IsFinite(tp))
                        throw new InvalidInputException("drivers", $"cell {w.GlobalId(x, y)}", tp.ToString("R"), "finite drivers giving a finite transition potential");
                    if (tp > 0) list.Add(new Candidate(w.GlobalId(x, y), city, from, to, tp));
                }
            }
        return new TileOffer(list.ToArray(), counts.Select(p => new CityClassCounts(p.Key, p.Value)).ToArray());
    }
}
