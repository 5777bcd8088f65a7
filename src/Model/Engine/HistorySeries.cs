namespace CarbonSim.Model.Engine;

/// <summary>
/// The run's history years (Kernel.TransientHistory) summed like the simulated years: every column's per-m2
/// annual values come from its spin-up key (<see cref="SpinupEquilibrium.HistoryAnnual"/>; the history does not
/// depend on the cell), a cell's value is the cover-weighted sum of its columns in column order (as
/// <see cref="TileYear"/> does), and a city's total is the exact <see cref="FixedSum"/> of cell value × cell
/// area; the region is the exact sum of its cities. Computed over the whole cell table, so it does not depend
/// on the tiling at all.
/// </summary>
public sealed record HistorySeries
{
    /// <summary>No history.</summary>
    public static HistorySeries None { get; } = new();

    /// <summary>One series per city, in city-index order.</summary>
    public CitySeries[] Cities { get; init; } = [];
    /// <summary>Region totals per history year, ascending.</summary>
    public YearTotals[] Region { get; init; } = [];

    /// <summary>The history of <paramref name="spec"/> from the results of its spin-ups (<paramref name="combos"/>, index-aligned with <paramref name="results"/>).</summary>
    public static HistorySeries Of(RunSpec spec, IReadOnlyList<SpinupCombo> combos, IReadOnlyList<SpinupEquilibrium> results)
    {
        if (spec.HistoryStartYear == 0) return None;
        const int n = CarbonVariables.Count;
        int years = spec.FirstYear - spec.HistoryStartYear, cities = spec.CityIds.Length;
        var index = combos.Select((c, k) => (c, k)).ToDictionary(p => p.c, p => p.k);
        var sums = new FixedSum[cities * years * n];
        var t = spec.Cells;
        var cell = new double[n];
        var columns = new List<(double Fraction, double[] Annual)>();
        for (int i = 0; i < t.Count; i++)
        {
            int city = t.City[i];
            columns.Clear();
            for (int g = t.ColumnStart[i]; g < t.ColumnStart[i + 1]; g++)
            {
                var combo = new SpinupCombo(t.ColumnVegetation[g], t.Site[i], t.Climate[i], t.ClearingYearOf(g));
                var annual = results[index[combo]].HistoryAnnual;
                if (annual.Length != years * n)
                    throw new ArgumentException($"spin-up {combo} has {annual.Length} history values, the history needs {years * n}");
                columns.Add((t.ColumnFraction[g], annual));
            }
            for (int y = 0; y < years; y++)
            {
                Array.Clear(cell);
                foreach (var (fraction, annual) in columns)
                    for (int v = 0; v < n; v++) cell[v] += fraction * annual[y * n + v];
                int o = (city * years + y) * n;
                for (int v = 0; v < n; v++) sums[o + v] += FixedSum.FromKg(cell[v] * t.AreaM2[i]);
            }
        }
        var area = RegionCycle.CityAreas(spec);
        var citySeries = Enumerable.Range(0, cities).Select(c => new CitySeries
        {
            CityIndex = c, CityId = spec.CityIds[c], AreaM2 = area[c],
            Years = Enumerable.Range(0, years).Select(y => new YearTotals { Year = spec.HistoryStartYear + y, Sums = sums.AsSpan((c * years + y) * n, n).ToArray() }).ToArray(),
        }).ToArray();
        var region = Enumerable.Range(0, years)
            .Select(y => RegionTotals.Close(spec.HistoryStartYear + y, citySeries.Select(s => s.Years[y]).ToList())).ToArray();
        return new HistorySeries { Cities = citySeries, Region = region };
    }
}
