namespace CarbonSim.Model.LandUse;

/// <summary>Demand that could not be met: the class gained <see cref="MissingCells"/> fewer cells than required.</summary>
public sealed record Shortfall(int CityId, int Year, int ClassIndex, int MissingCells);

/// <summary>The winners of one city and year (sorted by cell id) and any unmet demand.</summary>
public sealed record AllocationResult(int CityId, int Year, Candidate[] Winners, Shortfall[] Shortfalls)
{
    public bool MeetsDemand => Shortfalls.Length == 0;
}

/// <summary>
/// Step (b) of the yearly allocation, run by the city: choose which offered cells change so that the
/// class counts move from the current counts to the demand exactly.
/// <para>Net rule: classes with demand above their count ("growing") gain exactly the difference;
/// classes with demand below it ("shrinking") lose exactly the difference; a cell changes at most once
/// a year and only from a shrinking to a growing class (classes at their demand neither give nor take).</para>
/// <para>Order: candidates are ranked by potential descending, then cell id ascending, then target class
/// ascending, and accepted greedily while both the target still needs cells and the source class still
/// has cells to give (competition between classes as in CLUE-S/FLUS). If the greedy pass leaves demand
/// unmet, augmenting paths (breadth-first, in the same fixed order) re-route earlier choices so that the
/// demand is met whenever any assignment of the offered cells can meet it (a maximum flow through
/// source class → cell → target class). What remains unmet is reported as <see cref="Shortfall"/>.</para>
/// The result does not depend on the order in which candidates arrive (they are sorted first).
/// </summary>
public static class CityAllocator
{
    public static AllocationResult SelectWinners(int cityId, int year, int[] currentCounts, int[] demand,
        IEnumerable<Candidate> candidates, string source = "demand")
    {
        int k = currentCounts.Length;
        if (demand.Length != k)
            throw new InvalidInputException(source, $"city {cityId} year {year}", $"{demand.Length} classes", $"{k} classes");
        long total = 0, want = 0;
        for (int c = 0; c < k; c++)
        {
            if (demand[c] < 0)
                throw new InvalidInputException(source, $"city {cityId} year {year} class {c}", demand[c].ToString(), "a cell count >= 0");
            total += currentCounts[c]; want += demand[c];
        }
        if (want != total)
            throw new InvalidInputException(source, $"city {cityId} year {year}", $"{want} cells demanded",
                $"a demand summing to the city's {total} cells");

        var need = new int[k];
        var surplus = new int[k];
        for (int c = 0; c < k; c++)
        {
            need[c] = Math.Max(0, demand[c] - currentCounts[c]);
            surplus[c] = Math.Max(0, currentCounts[c] - demand[c]);
        }

        var filtered = new List<Candidate>();
        foreach (var c in candidates)
            if (c.CityId == cityId && c.FromClass >= 0 && c.FromClass < k && c.ToClass >= 0 && c.ToClass < k
                && need[c.ToClass] > 0 && surplus[c.FromClass] > 0)
                filtered.Add(c);
        var usable = filtered.ToArray();
        Array.Sort(usable, RankOrder);

        // Compact cell index (ascending cell id) for the flow repair.
        var ids = new int[usable.Length];
        for (int i = 0; i < ids.Length; i++) ids[i] = usable[i].CellId;
        Array.Sort(ids);
        int distinct = 0;
        for (int i = 0; i < ids.Length; i++) if (i == 0 || ids[i] != ids[i - 1]) ids[distinct++] = ids[i];
        var cellIds = ids[..distinct];
        var cellIndex = new Dictionary<int, int>(cellIds.Length);
        for (int i = 0; i < cellIds.Length; i++) cellIndex[cellIds[i]] = i;
        var cellFrom = new int[cellIds.Length];
        var assigned = new int[cellIds.Length];
        Array.Fill(assigned, -1);
        var options = new List<int>[cellIds.Length];   // target classes offered for each cell, ascending
        var optionPotential = new List<double>[cellIds.Length];
        var candCell = new int[usable.Length];
        for (int u = 0; u < usable.Length; u++)
        {
            var c = usable[u];
            int i = cellIndex[c.CellId];
            candCell[u] = i;
            cellFrom[i] = c.FromClass;
            (options[i] ??= new List<int>()).Add(c.ToClass);
            (optionPotential[i] ??= new List<double>()).Add(c.Potential);
        }
        for (int i = 0; i < options.Length; i++)
        {
            var o = options[i]; var pot = optionPotential[i];
            if (o.Count < 2) continue;
            var keys = o.ToArray(); var vals = pot.ToArray();
            Array.Sort(keys, vals);
            options[i] = keys.ToList(); optionPotential[i] = vals.ToList();
        }

        var gained = new int[k];
        var lost = new int[k];
        // Greedy pass by potential.
        for (int u = 0; u < usable.Length; u++)
        {
            var c = usable[u];
            int i = candCell[u];
            if (assigned[i] >= 0 || gained[c.ToClass] >= need[c.ToClass] || lost[c.FromClass] >= surplus[c.FromClass]) continue;
            assigned[i] = c.ToClass; gained[c.ToClass]++; lost[c.FromClass]++;
        }

        // Repair with augmenting paths while some growing class is short.
        if (Enumerable.Range(0, k).Any(c => gained[c] < need[c]))
            Augment(k, cellFrom, options, assigned, need, surplus, gained, lost);

        var winners = new List<Candidate>();
        for (int i = 0; i < cellIds.Length; i++)
            if (assigned[i] >= 0)
                winners.Add(new Candidate(cellIds[i], cityId, cellFrom[i], assigned[i], optionPotential[i][options[i].IndexOf(assigned[i])]));
        var shortfalls = new List<Shortfall>();
        for (int c = 0; c < k; c++)
            if (gained[c] < need[c]) shortfalls.Add(new Shortfall(cityId, year, c, need[c] - gained[c]));
        return new AllocationResult(cityId, year, winners.ToArray(), shortfalls.ToArray());
    }

    /// <summary>Ranking: potential descending, then cell id ascending, then target class ascending.</summary>
    public static int RankOrder(Candidate a, Candidate b)
    {
        int c = b.Potential.CompareTo(a.Potential);
        if (c != 0) return c;
        c = a.CellId.CompareTo(b.CellId);
        return c != 0 ? c : a.ToClass.CompareTo(b.ToClass);
    }

    // Nodes: 0 = source, 1..k = source classes, k+1..k+n = cells, k+n+1..2k+n = target classes, 2k+n+1 = sink.
    private static void Augment(int k, int[] cellFrom, List<int>[] options, int[] assigned,
        int[] need, int[] surplus, int[] gained, int[] lost)
    {
        int n = cellFrom.Length;
        int S = 0, F0 = 1, C0 = k + 1, T0 = k + n + 1, SINK = 2 * k + n + 1, N = SINK + 1;
        var cellsOfClass = new List<int>[k];
        for (int c = 0; c < k; c++) cellsOfClass[c] = new List<int>();
        for (int i = 0; i < n; i++) if (options[i] != null) cellsOfClass[cellFrom[i]].Add(i);
        var takersOf = new List<int>[k];          // cells that offer each target class, ascending
        for (int c = 0; c < k; c++) takersOf[c] = new List<int>();
        for (int i = 0; i < n; i++) if (options[i] != null) foreach (var t in options[i]) takersOf[t].Add(i);

        var prev = new int[N];
        while (true)
        {
            Array.Fill(prev, -2);
            prev[S] = -1;
            var queue = new Queue<int>();
            queue.Enqueue(S);
            bool found = false;
            while (queue.Count > 0 && !found)
            {
                int u = queue.Dequeue();
                void Visit(int v) { if (prev[v] == -2) { prev[v] = u; if (v == SINK) found = true; else queue.Enqueue(v); } }
                if (u == S)
                {
                    for (int c = 0; c < k; c++) if (lost[c] < surplus[c]) Visit(F0 + c);
                }
                else if (u < C0)
                {
                    int c = u - F0;
                    foreach (var i in cellsOfClass[c]) if (assigned[i] < 0) Visit(C0 + i);
                }
                else if (u < T0)
                {
                    int i = u - C0;
                    foreach (var t in options[i]) if (assigned[i] != t) Visit(T0 + t);
                    if (assigned[i] >= 0 && prev[u] >= T0) Visit(F0 + cellFrom[i]); // give the cell back entirely
                }
                else if (u < SINK)
                {
                    int t = u - T0;
                    if (gained[t] < need[t]) Visit(SINK);
                    foreach (var i in takersOf[t]) if (assigned[i] == t) Visit(C0 + i);
                }
                if (found) break;
            }
            if (!found) return;

            // Walk the path back from the sink and apply it.
            var path = new List<int>();
            for (int v = SINK; v != -1; v = prev[v]) path.Add(v);
            path.Reverse();
            for (int p = 0; p + 1 < path.Count; p++)
            {
                int u = path[p], v = path[p + 1];
                if (u == S) lost[v - F0]++;
                else if (v == SINK) gained[u - T0]++;
                else if (u >= C0 && u < T0 && v >= T0) assigned[u - C0] = v - T0;          // cell takes target class
                else if (u >= T0 && v >= C0 && v < T0) { /* cell leaves target u; its next edge reassigns or releases it */ }
                else if (u >= C0 && u < T0 && v < C0) { assigned[u - C0] = -1; }           // cell released back to its class
                // F → C edges: the cell becomes used; its next edge (C → T) sets the class.
            }
        }
    }
}
