using System.Globalization;
using CarbonSim.Model.LandUse;

namespace CarbonSim.Model.Scenarios;

/// <summary>
/// Turns a scenario's <c>land_use_change.demand</c> and <c>green_space</c> targets into whole-cell
/// demand per city, class and year (docs/landuse.md §1 and §4). Pure; the engine calls it once per run
/// with each city's start-year class counts.
/// </summary>
public static class LandUseDemandPlan
{
    /// <summary>
    /// [cells] Demand of one city for every year start..end, indexed like <see cref="LandUseChangeSpec.ClassNames"/>.
    /// Errors (<see cref="InvalidInputException"/>): a table row whose total differs from the city's cells
    /// ("demand exceeds the available cells"), a trend driving a class below 0, a green-space donor that
    /// cannot supply the cells.
    /// </summary>
    /// <param name="startCounts">[cells] The city's class counts in the start map.</param>
    /// <param name="cellAreaM2">[m2] Area of one cell (for green-space areas in km2 or m2 per person).</param>
    public static SortedDictionary<int, int[]> ForCity(Scenario s, int cityId, int[] startCounts, double cellAreaM2)
    {
        var luc = s.LandUseChange ?? throw new InvalidOperationException("scenario has no land_use_change section");
        int k = luc.ClassNames.Length;
        if (startCounts.Length != k)
            throw new InvalidInputException(s.SourcePath, $"city {cityId} start counts", $"{startCounts.Length} classes", $"{k} classes");
        int total = startCounts.Sum();
        SortedDictionary<int, int[]> plan;
        switch (luc.Demand.Kind)
        {
            case DemandKind.Table:
                plan = new SortedDictionary<int, int[]>();
                for (int y = s.StartYear; y <= s.EndYear; y++) plan[y] = luc.Demand.Table!.For(cityId, y, total);
                break;
            case DemandKind.Trend:
                var pct = luc.Demand.TrendFor(cityId.ToString(CultureInfo.InvariantCulture), k);
                var cellsPerYear = pct.Select(p => p / 100.0 * total).ToArray();
                // Sum to exactly 0 in floating point: put the rounding residue on the largest-magnitude rate.
                double resid = 0; foreach (var v in cellsPerYear) resid += v;
                if (resid != 0)
                {
                    int big = 0;
                    for (int c = 1; c < k; c++) if (Math.Abs(cellsPerYear[c]) > Math.Abs(cellsPerYear[big])) big = c;
                    cellsPerYear[big] -= resid;
                }
                new LinearTrendDemand(cellsPerYear).ProjectYearly(startCounts, s.StartYear, s.EndYear, cityId, s.SourcePath); // validates (rates sum to 0, no class below 0)
                plan = MonotoneTrend(startCounts, cellsPerYear, s.StartYear, s.EndYear);
                break;
            default:
                plan = luc.Demand.Markov!.ProjectYearly(startCounts, s.StartYear, s.EndYear);
                break;
        }
        if (s.GreenSpace is { } g)
            foreach (var t in g.Targets.Where(t => t.CityId == cityId))
                foreach (var y in plan.Keys.ToList())
                    plan[y] = GreenSpacePlanner.Apply(plan[y], y, s.StartYear, startCounts, t, cellAreaM2, s.SourcePath);
        foreach (var (y, d) in plan)
        {
            long sum = 0;
            for (int c = 0; c < k; c++)
            {
                if (d[c] < 0)
                    throw new InvalidInputException(s.SourcePath, $"city {cityId} year {y} class {luc.ClassNames[c]}", d[c].ToString(CultureInfo.InvariantCulture), "a demand >= 0 cells");
                sum += d[c];
            }
            if (sum != total)
                throw new InvalidInputException(s.SourcePath, $"city {cityId} year {y}", $"{sum} cells demanded",
                    sum > total ? $"at most the city's {total} cells (demand exceeds the available cells)" : $"exactly the city's {total} cells");
        }
        return plan;
    }

    /// <summary>
    /// [cells] Linear-trend demand rounded so that every class moves only in the direction of its rate:
    /// each year the real increment towards N(t0) + r·(t − t0) is rounded by largest remainder (ties to the
    /// lower class index) keeping the total. Rounding the levels of each year independently (as
    /// <see cref="LinearTrendDemand"/> does) can make a shrinking class grow back by one cell in a year,
    /// which asks the allocation for a transition the scenario may forbid (e.g. grassland → built-up).
    /// </summary>
    public static SortedDictionary<int, int[]> MonotoneTrend(int[] start, double[] cellsPerYear, int startYear, int endYear)
    {
        int k = start.Length;
        var plan = new SortedDictionary<int, int[]>();
        var cur = (int[])start.Clone();
        for (int y = startYear; y <= endYear; y++)
        {
            var inc = new int[k];
            var rem = new double[k];
            int sum = 0;
            for (int c = 0; c < k; c++)
            {
                double target = start[c] + cellsPerYear[c] * (y - startYear) - cur[c];
                inc[c] = (int)Math.Floor(target);
                rem[c] = target - inc[c];
                sum += inc[c];
            }
            // Σ target = 0, so −sum units (0 ≤ −sum < k) go to the largest remainders.
            var order = Enumerable.Range(0, k).OrderByDescending(c => rem[c]).ThenBy(c => c).ToArray();
            for (int u = 0; u < -sum; u++) inc[order[u]]++;
            for (int c = 0; c < k; c++) cur[c] += inc[c];
            plan[y] = (int[])cur.Clone();
        }
        return plan;
    }
}
