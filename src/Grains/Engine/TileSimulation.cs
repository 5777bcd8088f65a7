using CarbonSim.Grains.Contracts;

namespace CarbonSim.Grains.Engine;

/// <summary>
/// The cells of one tile and their column states (struct-of-arrays: one flat state vector per
/// column, laid end to end), stepped a year at a time. Pure: no Orleans, no clock, no randomness.
/// A cell's value is the cover-weighted sum of its columns in column order, and a city's partial
/// sum is an exact <see cref="FixedSum"/>, so results do not depend on how cells are grouped.
/// </summary>
public sealed class TileSimulation
{
    readonly RunSpec _spec;
    readonly int[] _cells;                // global cell index of each tile cell (the tile's table is local: row p = tile cell p)
    readonly IColumnModel[] _models;      // per combo
    readonly int[] _columnCombo;          // per tile column
    readonly int[] _stateOffset;          // per tile column, length columns + 1
    readonly int[] _cities;               // distinct city indices, ascending
    readonly int[] _cellCityPosition;     // per tile cell: position in _cities
    readonly HashSet<int> _cellOutputYears;
    double[] _state;

    /// <summary>[a] Last completed year; <c>FirstYear − 1</c> before any.</summary>
    public int LastCompletedYear { get; private set; }

    public int CellCount => _cells.Length;

    public TileSimulation(TileSetup setup, ICarbonKernel kernel)
    {
        _spec = setup.Spec;
        _cells = setup.CellIndices;
        var t = _spec.Cells;
        if (t.Count != _cells.Length)
            throw new ArgumentException($"tile setup lists {_cells.Length} cells but its table holds {t.Count}");
        var comboIndex = new Dictionary<SpinupCombo, int>();
        _models = new IColumnModel[setup.Combos.Length];
        for (int k = 0; k < setup.Combos.Length; k++)
        {
            var c = setup.Combos[k];
            comboIndex[c] = k;
            _models[k] = kernel.CreateModel(_spec.VegetationTypes[c.Vegetation].Epc, _spec.Sites[c.Site], _spec.Climates[c.Climate]);
        }

        var columnCombo = new List<int>();
        for (int p = 0; p < _cells.Length; p++)
        {
            int i = p;
            for (int c = t.ColumnStart[i]; c < t.ColumnStart[i + 1]; c++)
            {
                var combo = new SpinupCombo(t.ColumnVegetation[c], t.Site[i], t.Climate[i]);
                if (!comboIndex.TryGetValue(combo, out int k))
                    throw new ArgumentException($"tile setup lacks the spin-up for cell {_cells[i]} column {c - t.ColumnStart[i]} ({combo})");
                columnCombo.Add(k);
            }
        }
        _columnCombo = columnCombo.ToArray();
        _stateOffset = new int[_columnCombo.Length + 1];
        for (int c = 0; c < _columnCombo.Length; c++)
            _stateOffset[c + 1] = _stateOffset[c] + _models[_columnCombo[c]].StateLength;

        _state = new double[_stateOffset[^1]];
        for (int c = 0; c < _columnCombo.Length; c++)
        {
            var eq = setup.EquilibriumStates[_columnCombo[c]];
            if (eq.Length != _models[_columnCombo[c]].StateLength)
                throw new ArgumentException($"equilibrium state has {eq.Length} values, the kernel expects {_models[_columnCombo[c]].StateLength}");
            eq.CopyTo(_state, _stateOffset[c]);
        }

        _cities = t.City.Distinct().Order().ToArray();
        _cellCityPosition = t.City.Select(c => Array.BinarySearch(_cities, c)).ToArray();
        _cellOutputYears = [.. _spec.CellOutputYears];
        LastCompletedYear = _spec.FirstYear - 1;
    }

    /// <summary>Steps every column through <paramref name="year"/> (which must be the next one) and sums the results.</summary>
    /// <param name="co2">[ppm]</param>
    /// <param name="nDeposition">[kgN m-2 a-1]</param>
    public TileYearResult Step(int tileIndex, int year, double co2, double nDeposition)
    {
        if (year != LastCompletedYear + 1)
            throw new InvalidOperationException($"tile {tileIndex} can step year {LastCompletedYear + 1} next, not {year}");
        const int n = CarbonVariables.Count;
        var t = _spec.Cells;
        bool keepCells = _cellOutputYears.Contains(year);
        var cellValues = keepCells ? new double[_cells.Length * n] : [];
        var sums = new FixedSum[_cities.Length * n];
        Span<double> annual = stackalloc double[n];
        Span<double> cell = stackalloc double[n];
        int column = 0;
        for (int p = 0; p < _cells.Length; p++)
        {
            int i = p;
            cell.Clear();
            for (int g = t.ColumnStart[i]; g < t.ColumnStart[i + 1]; g++, column++)
            {
                var model = _models[_columnCombo[column]];
                int metYear = (year - _spec.FirstYear) % _spec.Climates[t.Climate[i]].YearCount;
                annual.Clear();
                model.RunYear(_state, _stateOffset[column], metYear, co2, nDeposition, annual);
                double fraction = t.ColumnFraction[g];
                for (int v = 0; v < n; v++) cell[v] += fraction * annual[v];
            }
            int row = _cellCityPosition[p] * n;
            for (int v = 0; v < n; v++)
            {
                if (!double.IsFinite(cell[v]))
                    throw new ArithmeticException($"cell {_cells[i]} gave a non-finite {CarbonVariables.Names[v]} in year {year}");
                sums[row + v] += FixedSum.FromKg(cell[v] * t.AreaM2[i]);
                if (keepCells) cellValues[p * n + v] = cell[v];
            }
        }
        LastCompletedYear = year;
        return new TileYearResult { TileIndex = tileIndex, Year = year, Cities = _cities, CitySums = sums, CellValues = cellValues };
    }

    /// <summary>The column states (copy), for checkpoints.</summary>
    public double[] ExportState() => (double[])_state.Clone();

    /// <summary>Restores column states and the last completed year from a checkpoint.</summary>
    public void ImportState(double[] state, int lastCompletedYear)
    {
        if (state.Length != _state.Length)
            throw new ArgumentException($"checkpoint holds {state.Length} state values, the tile has {_state.Length}");
        _state = (double[])state.Clone();
        LastCompletedYear = lastCompletedYear;
    }
}
