using CarbonSim.Model.LandUse;

namespace CarbonSim.Model.Tests.LandUse;

/// <summary>
/// On many small random instances, the city meets demand exactly if and only if some assignment of the
/// offered cells can (checked by brute force over every assignment).
/// </summary>
public class AllocationExactnessTests
{
    /// <summary>Largest number of cells that can change without exceeding any class's need or surplus.</summary>
    private static int MaxChangesByBruteForce(int[] from, List<(int Cell, int To)> cands, int[] need, int[] surplus)
    {
        int n = from.Length, k = need.Length, best = 0;
        var opts = Enumerable.Range(0, n).Select(i => new[] { -1 }.Concat(cands.Where(c => c.Cell == i).Select(c => c.To)).ToArray()).ToArray();
        var choice = new int[n];
        while (true)
        {
            var gain = new int[k]; var loss = new int[k]; int m = 0;
            for (int i = 0; i < n; i++) { int t = opts[i][choice[i]]; if (t >= 0) { gain[t]++; loss[from[i]]++; m++; } }
            bool ok = true;
            for (int c = 0; c < k; c++) ok &= gain[c] <= need[c] && loss[c] <= surplus[c];
            if (ok) best = Math.Max(best, m);
            int p = 0;
            while (p < n && ++choice[p] == opts[p].Length) choice[p++] = 0;
            if (p == n) return best;
        }
    }

    private static bool FeasibleByBruteForce(int[] from, List<(int Cell, int To)> cands, int[] need, int[] surplus)
    {
        int n = from.Length, k = need.Length;
        var opts = Enumerable.Range(0, n).Select(i => new[] { -1 }.Concat(cands.Where(c => c.Cell == i).Select(c => c.To)).ToArray()).ToArray();
        var choice = new int[n];
        while (true)
        {
            var gain = new int[k]; var loss = new int[k];
            for (int i = 0; i < n; i++) { int t = opts[i][choice[i]]; if (t >= 0) { gain[t]++; loss[from[i]]++; } }
            if (gain.SequenceEqual(need) && loss.SequenceEqual(surplus)) return true;
            int p = 0;
            while (p < n && ++choice[p] == opts[p].Length) choice[p++] = 0;
            if (p == n) return false;
        }
    }

    [Fact]
    public void MeetsDemand_ExactlyWhenSomeAssignmentCan()
    {
        var rnd = new Random(2024);
        int feasible = 0, infeasible = 0;
        for (int trial = 0; trial < 400; trial++)
        {
            int n = 3 + rnd.Next(5), k = 3 + rnd.Next(2);
            var from = Enumerable.Range(0, n).Select(_ => rnd.Next(k)).ToArray();
            var counts = new int[k]; foreach (var f in from) counts[f]++;
            var cands = new List<(int Cell, int To)>();
            var list = new List<Candidate>();
            for (int i = 0; i < n; i++)
                for (int t = 0; t < k; t++)
                    if (t != from[i] && rnd.NextDouble() < 0.45)
                    {
                        cands.Add((i, t));
                        list.Add(new Candidate(i, 1, from[i], t, Math.Round(rnd.NextDouble(), 1)));
                    }
            // random demand with the same total
            var demand = new int[k];
            for (int i = 0; i < n; i++) demand[rnd.NextDouble() < 0.5 ? from[i] : rnd.Next(k)]++;
            var need = new int[k]; var surplus = new int[k];
            for (int c = 0; c < k; c++) { need[c] = Math.Max(0, demand[c] - counts[c]); surplus[c] = Math.Max(0, counts[c] - demand[c]); }
            // only transitions from shrinking to growing classes count (the net rule)
            var netCands = cands.Where(c => need[c.To] > 0 && surplus[from[c.Cell]] > 0).ToList();
            bool expect = FeasibleByBruteForce(from, netCands, need, surplus);
            var res = CityAllocator.SelectWinners(1, 2030, counts, demand, list);
            Assert.True(expect == res.MeetsDemand, $"trial {trial}: brute force {expect}, allocator {res.MeetsDemand}");
            var after = (int[])counts.Clone();
            foreach (var w in res.Winners) { after[w.FromClass]--; after[w.ToClass]++; }
            if (expect) { Assert.Equal(demand, after); feasible++; }
            else
            {
                infeasible++;
                int missing = res.Shortfalls.Sum(s => s.MissingCells);
                Assert.Equal(need.Sum() - res.Winners.Length, missing);
                Assert.Equal(MaxChangesByBruteForce(from, netCands, need, surplus), res.Winners.Length); // shortfall is the least possible
            }
        }
        Assert.True(feasible > 50 && infeasible > 50, $"{feasible} feasible, {infeasible} infeasible");
    }
}
