using CarbonSim.Contracts;
using CarbonSim.Model.Engine;
using CarbonSim.Grains.Engine;

namespace CarbonSim.E2E;

/// <summary>
/// The reference for the engine's overhead: the same spin-ups and the same column-years as a run,
/// computed with plain loops on all cores (no grains, no messages, no storage, no files). It also
/// returns each cell's values in the last year, so the engine's results can be checked against it.
/// </summary>
public static class BareKernel
{
    public sealed record Result(double SpinupSeconds, double TransientSeconds, double[] LastYearCellValues);

    public static Result Run(RunSpec spec, ICarbonKernel kernel, int threads)
    {
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads };
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var combos = Tiling.DistinctCombos(spec.Cells, Enumerable.Range(0, spec.Cells.Count));
        var models = new IColumnModel[combos.Length];
        var states = new double[combos.Length][];
        Parallel.For(0, combos.Length, parallel, k =>
        {
            var c = combos[k];
            models[k] = kernel.CreateModel(spec.VegetationTypes[c.Vegetation].Epc, spec.Sites[c.Site], spec.Climates[c.Climate]);
            var r = SpinupRequests.For(spec, c);
            states[k] = models[k].SpinUp(r.Co2, r.NDeposition, r.Accelerated, r.MaxYears).State;
        });
        double spinup = clock.Elapsed.TotalSeconds;

        clock.Restart();
        var t = spec.Cells;
        const int n = CarbonVariables.Count;
        var comboIndex = combos.Select((c, k) => (c, k)).ToDictionary(p => p.c, p => p.k);
        var columnCombo = new int[t.ColumnCount];
        var columnState = new double[t.ColumnCount][];
        for (int i = 0; i < t.Count; i++)
            for (int g = t.ColumnStart[i]; g < t.ColumnStart[i + 1]; g++)
            {
                columnCombo[g] = comboIndex[new SpinupCombo(t.ColumnVegetation[g], t.Site[i], t.Climate[i])];
                columnState[g] = (double[])states[columnCombo[g]].Clone();
            }
        var last = new double[t.Count * n];
        Parallel.For(0, t.Count, parallel, i =>
        {
            Span<double> annual = stackalloc double[n];
            Span<double> cell = stackalloc double[n];
            for (int year = spec.FirstYear; year <= spec.LastYear; year++)
            {
                int y = year - spec.FirstYear;
                cell.Clear();
                for (int g = t.ColumnStart[i]; g < t.ColumnStart[i + 1]; g++)
                {
                    annual.Clear();
                    models[columnCombo[g]].RunYear(columnState[g], 0, y % spec.Climates[t.Climate[i]].YearCount,
                        spec.Co2ByYear[y], spec.NDepositionByYear[y], annual);
                    for (int v = 0; v < n; v++) cell[v] += t.ColumnFraction[g] * annual[v];
                }
                if (year == spec.LastYear) cell.CopyTo(last.AsSpan(i * n, n));
            }
        });
        return new Result(spinup, clock.Elapsed.TotalSeconds, last);
    }
}
