using CarbonSim.Model.Io.Formats;
using System.Globalization;

namespace CarbonSim.Model.LandUse;

/// <summary>Rounding of real-valued class areas to whole cells that keeps the total.</summary>
public static class DemandRounding
{
    /// <summary>
    /// Largest-remainder (Hamilton) rounding: floor every value, then give the remaining cells to the
    /// largest fractional parts (ties: lower class index first). The result sums to <paramref name="total"/>.
    /// </summary>
    public static int[] LargestRemainder(double[] values, int total)
    {
        var r = new int[values.Length];
        long sum = 0;
        for (int i = 0; i < values.Length; i++) { r[i] = (int)Math.Floor(values[i]); sum += r[i]; }
        var order = Enumerable.Range(0, values.Length)
            .OrderByDescending(i => values[i] - Math.Floor(values[i])).ThenBy(i => i).ToArray();
        int left = (int)(total - sum);
        for (int j = 0; left > 0; j = (j + 1) % order.Length, left--) r[order[j]]++;
        for (int j = order.Length - 1; left < 0; j = (j - 1 + order.Length) % order.Length, left++) r[order[j]]--;
        return r;
    }
}

/// <summary>
/// Markov-chain demand: N(t+Δ) = N(t)·P, with P[j,k] the probability that a cell of class j is in class
/// k one step (Δ years) later. Estimated from two maps by counting transitions, or given.
/// </summary>
public sealed record MarkovChain(double[,] P, int StepYears)
{
    public int ClassCount => P.GetLength(0);

    /// <summary>
    /// Counts transitions between two maps of the same grid and normalises each row. A class absent
    /// from the first map gets an identity row (it stays what it is).
    /// </summary>
    public static MarkovChain Estimate(LandUseMap first, LandUseMap second, int classCount, int stepYears, string source = "maps")
    {
        if (first.Width != second.Width || first.Height != second.Height)
            throw new InvalidInputException(source, "second map", $"{second.Width}x{second.Height}", $"the first map's size {first.Width}x{first.Height}");
        var n = new long[classCount, classCount];
        for (int i = 0; i < first.CellCount; i++)
        {
            int a = first.Classes[i], b = second.Classes[i];
            if (a == LandUseMap.NoData || b == LandUseMap.NoData) continue;
            if (a < 0 || a >= classCount) throw new InvalidInputException(source, $"first map cell {i}", a.ToString(), $"a class index 0..{classCount - 1}");
            if (b < 0 || b >= classCount) throw new InvalidInputException(source, $"second map cell {i}", b.ToString(), $"a class index 0..{classCount - 1}");
            n[a, b]++;
        }
        var p = new double[classCount, classCount];
        for (int j = 0; j < classCount; j++)
        {
            long row = 0;
            for (int k = 0; k < classCount; k++) row += n[j, k];
            if (row == 0) { p[j, j] = 1; continue; }
            for (int k = 0; k < classCount; k++) p[j, k] = (double)n[j, k] / row;
        }
        return new MarkovChain(p, stepYears).Validate(source);
    }

    /// <summary>
    /// Reads a given matrix from CSV: header <c>from,&lt;class&gt;,&lt;class&gt;,...</c> naming every class once,
    /// then one row per source class (any order; every class once). Validated as in <see cref="Validate"/>.
    /// </summary>
    public static MarkovChain Parse(string source, string[] classNames, string csvText, int stepYears)
    {
        var csv = CsvTable.Parse(source, csvText);
        int k = classNames.Length;
        if (csv.Header.Count != k + 1 || csv.Header[0].Trim() != "from")
            throw new InvalidInputException(source, "line 1", string.Join(",", csv.Header), $"from followed by the {k} class names");
        var col = new int[k];
        for (int c = 0; c < k; c++)
        {
            col[c] = Array.IndexOf(classNames, csv.Header[c + 1].Trim());
            if (col[c] < 0) throw new InvalidInputException(source, $"line 1 column {c + 2}", csv.Header[c + 1], $"one of [{string.Join(", ", classNames)}]");
        }
        if (col.Distinct().Count() != k) throw new InvalidInputException(source, "line 1", string.Join(",", csv.Header), "each class once");
        var p = new double[k, k];
        var seen = new bool[k];
        foreach (var r in csv.Rows)
        {
            var name = r.Text("from");
            int j = Array.IndexOf(classNames, name);
            if (j < 0) throw new InvalidInputException(source, r.Place("from"), name, $"one of [{string.Join(", ", classNames)}]");
            if (seen[j]) throw new InvalidInputException(source, r.Place("from"), name, "each class once");
            seen[j] = true;
            for (int c = 0; c < k; c++) p[j, col[c]] = r.Number(csv.Header[c + 1].Trim());
        }
        for (int j = 0; j < k; j++)
            if (!seen[j]) throw new InvalidInputException(source, "rows", $"no row for {classNames[j]}", "one row per class");
        return new MarkovChain(p, stepYears).Validate(source);
    }

    /// <summary>Square, entries finite and ≥ 0, each row summing to 1 within 1e-6, step ≥ 1 year.</summary>
    public MarkovChain Validate(string source = "scenario")
    {
        int k = P.GetLength(0);
        if (P.GetLength(1) != k) throw new InvalidInputException(source, "markov.P", $"{k}x{P.GetLength(1)}", "a square matrix");
        if (StepYears < 1) throw new InvalidInputException(source, "markov.stepYears", StepYears.ToString(), "a step >= 1 year");
        for (int j = 0; j < k; j++)
        {
            double s = 0;
            for (int c = 0; c < k; c++)
            {
                double v = P[j, c];
                if (!(v >= 0) || !double.IsFinite(v))
                    throw new InvalidInputException(source, $"markov.P[{j},{c}]", v.ToString("R", CultureInfo.InvariantCulture), "a finite probability >= 0");
                s += v;
            }
            if (Math.Abs(s - 1) > 1e-6)
                throw new InvalidInputException(source, $"markov.P row {j}", $"sum {s.ToString("R", CultureInfo.InvariantCulture)}", "a row summing to 1 (±1e-6)");
        }
        return this;
    }

    /// <summary>[cells] One step, unrounded: N'_k = Σ_j N_j·P[j,k].</summary>
    public double[] StepExact(double[] counts)
    {
        int k = ClassCount;
        if (counts.Length != k) throw new InvalidInputException("demand", "markov start counts", $"{counts.Length} classes", $"{k} classes");
        var r = new double[k];
        for (int j = 0; j < k; j++) for (int c = 0; c < k; c++) r[c] += counts[j] * P[j, c];
        return r;
    }

    /// <summary>
    /// Yearly demand from startYear to endYear (inclusive). The chain is applied every StepYears years;
    /// years in between are interpolated linearly; each year is rounded to whole cells that keep the total.
    /// </summary>
    public SortedDictionary<int, int[]> ProjectYearly(int[] start, int startYear, int endYear)
    {
        int total = start.Sum();
        var result = new SortedDictionary<int, int[]>();
        var a = start.Select(v => (double)v).ToArray();
        int yearA = startYear;
        var b = StepExact(a);
        for (int y = startYear; y <= endYear; y++)
        {
            if (y - yearA == StepYears) { a = b; yearA = y; b = StepExact(a); }
            double f = (double)(y - yearA) / StepYears;
            var v = new double[a.Length];
            for (int c = 0; c < v.Length; c++) v[c] = a[c] + f * (b[c] - a[c]);
            result[y] = DemandRounding.LargestRemainder(v, total);
        }
        return result;
    }
}

/// <summary>
/// Linear-trend demand: N_k(t) = N_k(t0) + r_k·(t − t0), r_k in cells per year (rates must sum to 0 so
/// that the total area is kept), rounded to whole cells with <see cref="DemandRounding.LargestRemainder"/>.
/// </summary>
public sealed record LinearTrendDemand(double[] AnnualChangeCells)
{
    public SortedDictionary<int, int[]> ProjectYearly(int[] start, int startYear, int endYear, int cityId = 0, string source = "scenario")
    {
        if (AnnualChangeCells.Length != start.Length)
            throw new InvalidInputException(source, $"city {cityId} trend", $"{AnnualChangeCells.Length} rates", $"{start.Length} (one per class)");
        double sum = 0;
        for (int c = 0; c < start.Length; c++)
        {
            if (!double.IsFinite(AnnualChangeCells[c]))
                throw new InvalidInputException(source, $"city {cityId} trend class {c}", AnnualChangeCells[c].ToString("R", CultureInfo.InvariantCulture), "a finite rate");
            sum += AnnualChangeCells[c];
        }
        if (Math.Abs(sum) > 1e-9)
            throw new InvalidInputException(source, $"city {cityId} trend", $"rates summing to {sum.ToString("R", CultureInfo.InvariantCulture)}", "rates summing to 0 cells per year (the city's area is fixed)");
        int total = start.Sum();
        var result = new SortedDictionary<int, int[]>();
        for (int y = startYear; y <= endYear; y++)
        {
            var v = new double[start.Length];
            for (int c = 0; c < v.Length; c++)
            {
                v[c] = start[c] + AnnualChangeCells[c] * (y - startYear);
                if (v[c] < 0)
                    throw new InvalidInputException(source, $"city {cityId} trend class {c} year {y}", v[c].ToString("R", CultureInfo.InvariantCulture), "a trend that keeps every class >= 0 cells");
            }
            result[y] = DemandRounding.LargestRemainder(v, total);
        }
        return result;
    }
}

/// <summary>
/// Demand given as a table: cells per class for each city and year (CSV columns
/// city_id,year,class,cells; class by name). Checked against each city's cell count before use.
/// </summary>
public sealed class DemandTable
{
    private readonly SortedDictionary<(int City, int Year), int[]> _rows;
    public string Source { get; }
    public string[] ClassNames { get; }

    public DemandTable(string source, string[] classNames, SortedDictionary<(int City, int Year), int[]> rows)
    {
        Source = source; ClassNames = classNames; _rows = rows;
    }

    public IEnumerable<(int City, int Year)> Keys => _rows.Keys;

    public bool TryGet(int cityId, int year, out int[] demand)
    {
        if (_rows.TryGetValue((cityId, year), out var d)) { demand = (int[])d.Clone(); return true; }
        demand = Array.Empty<int>();
        return false;
    }

    /// <summary>The demand of a city and year, checked to sum to the city's cell count.</summary>
    public int[] For(int cityId, int year, int cityCells)
    {
        if (!_rows.TryGetValue((cityId, year), out var d))
            throw new InvalidInputException(Source, $"city {cityId} year {year}", "no row", "a demand row for every simulated city and year");
        long s = d.Sum(v => (long)v);
        if (s != cityCells)
            throw new InvalidInputException(Source, $"city {cityId} year {year}", $"{s} cells demanded",
                s > cityCells ? $"at most the city's {cityCells} cells (demand exceeds the available cells)" : $"exactly the city's {cityCells} cells");
        return (int[])d.Clone();
    }

    public static DemandTable Parse(string source, string[] classNames, IEnumerable<string> lines)
    {
        var rows = new SortedDictionary<(int, int), int[]>();
        var csv = CsvTable.Parse(source, string.Join("\n", lines));
        if (csv.Header.Count < 4 || csv.Header[0].Trim() != "city_id" || csv.Header[1].Trim() != "year" || csv.Header[2].Trim() != "class" || csv.Header[3].Trim() != "cells")
            throw new InvalidInputException(source, "line 1", string.Join(",", csv.Header), "header city_id,year,class,cells");
        foreach (var r in csv.Rows)
        {
            int city = r.Integer("city_id");
            int year = r.Integer("year");
            string clsName = r.Text("class");
            int cls = Array.IndexOf(classNames, clsName);
            if (cls < 0) throw new InvalidInputException(source, r.Place("class"), clsName, $"one of [{string.Join(", ", classNames)}]");
            int cells = r.Integer("cells", 0, int.MaxValue);
            if (!rows.TryGetValue((city, year), out var d)) rows[(city, year)] = d = new int[classNames.Length];
            d[cls] = cells;
        }
        return new DemandTable(source, classNames, rows);
    }

    public static DemandTable Load(string path, string[] classNames) => Parse(path, classNames, File.ReadLines(path));
}
