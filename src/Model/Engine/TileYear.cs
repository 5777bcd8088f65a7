using CarbonSim.Model.Accounting;
using CarbonSim.Model.LandUse;

namespace CarbonSim.Model.Engine;

/// <summary>
/// The cells of one tile and their column states, stepped a year at a time. Pure: no Orleans, no clock,
/// no randomness. A cell's value is the cover-weighted sum of its columns in column order, and a city's
/// partial sum is an exact <see cref="FixedSum"/>, so results do not depend on how cells are grouped.
/// </summary>
/// <remarks>
/// Without land-use change a year is one call, <see cref="Step"/>. With it (<see cref="RunSpec.LandUse"/>)
/// a year is two: <see cref="RunKernelAndOffer"/> runs the kernel year and offers candidate cells from the
/// tile's window (own cells + halo), and <see cref="Close"/> applies the winners the cities chose (own
/// cells change class and carry their carbon into the new class's columns; halo cells take the
/// neighbours' changes, which is how the halo stays current), closes every cell's carbon books and sums.
/// </remarks>
public sealed class TileYear
{
    readonly RunSpec _spec;
    readonly ICarbonKernel _kernel;
    readonly int[] _cells;                // global cell index of each tile cell (the tile's table is local: row p = tile cell p)
    readonly SpinupCombo[] _combos;
    readonly Dictionary<SpinupCombo, int> _comboIndex = [];
    readonly IColumnModel[] _models;      // per combo
    readonly double[][] _equilibrium;     // per combo
    readonly double[][] _seedling = [];   // per combo, with land-use change
    readonly int[] _cities;               // distinct city indices, ascending
    readonly int[] _cellCityPosition;     // per tile cell: position in _cities
    readonly HashSet<int> _cellOutputYears;
    readonly int _stride;                 // sums per city
    readonly int _classCount;             // classes summed per city (0 = none)
    readonly int[] _cellClass = [];       // per tile cell: class index, runs without land-use change that have classes
    readonly int _cropCount;              // crops summed per city (RunSpec.Crops; 0 = no managed cropland)
    readonly int[][] _seasonCrop;         // per combo: crop index of each season of its rotation (empty: unmanaged)
    readonly double[][] _seasonFresh;     // per combo: [kg kgC-1] fresh grain per grain C of each season
    readonly int _annualLength;           // carbon variables + the most crop seasons of any combo

    // Columns of each tile cell: combo, cover, and the states laid end to end.
    int[][] _columnCombo;
    double[][] _columnFraction;
    double[][] _state;

    // Land-use change (null without).
    readonly LandUsePlan? _plan;
    readonly LandUseRules? _rules;
    readonly ConversionCarbonRules? _conversion;
    readonly TileLandUse? _window0;
    readonly int[] _localOfCell = [];     // tile cell → local index in the block
    readonly int[] _cellOfLocal = [];     // local index → tile cell, or −1
    readonly TileCells? _drivers;
    int[] _window = [];                   // classes of the window (own block + halo)
    double[] _wood = [];                  // [kgC m-2] wood products per tile cell
    double[] _sealed = [];                // [kgC m-2 of cell] soil sealed off under the cell's sealed share (Model.LandUse.SealedSoil)
    Pending? _pending;
    readonly Model.Kernel.CellState _scratch = new();  // reused to read pools without allocating

    sealed record Pending(int Year, double[] CellValues, CarbonColumn[] Start, CarbonColumn[] AfterKernel, double[] Uptake, double[] CellCrops);

    /// <summary>[a] Last completed year; <c>FirstYear − 1</c> before any.</summary>
    public int LastCompletedYear { get; private set; }

    public int CellCount => _cells.Length;

    public bool HasLandUse => _plan is not null;

    public TileYear(TileSetup setup, ICarbonKernel kernel)
    {
        _spec = setup.Spec;
        _kernel = kernel;
        _cells = setup.CellIndices;
        var t = _spec.Cells;
        if (t.Count != _cells.Length)
            throw new ArgumentException($"tile setup lists {_cells.Length} cells but its table holds {t.Count}");
        _combos = setup.Combos;
        _models = new IColumnModel[_combos.Length];
        _equilibrium = new double[_combos.Length][];
        _cropCount = _spec.Crops.Length;
        _seasonCrop = new int[_combos.Length][];
        _seasonFresh = new double[_combos.Length][];
        _annualLength = CarbonVariables.Count;
        for (int k = 0; k < _combos.Length; k++)
        {
            var c = _combos[k];
            _comboIndex[c] = k;
            _models[k] = kernel.CreateModel(_spec.VegetationTypes[c.Vegetation].Epc, _spec.Sites[c.Site], _spec.Climates[c.Climate]);
            _equilibrium[k] = setup.EquilibriumStates[k];
            var type = _spec.VegetationTypes[c.Vegetation];
            _seasonCrop[k] = CropSums.SeasonCrops(type, _spec.Crops);
            _seasonFresh[k] = type.Epc.Management?.Seasons.Select(x => Management.CropYield.FreshKgPerKgC(x.GrainMoisture)).ToArray() ?? [];
            if (_seasonCrop[k].Length != _models[k].CropSeasons)
                throw new ArgumentException($"vegetation type '{type.Name}' has {_seasonCrop[k].Length} crop seasons, its kernel column {_models[k].CropSeasons}");
            _annualLength = Math.Max(_annualLength, CarbonVariables.Count + _seasonCrop[k].Length);
            if (_equilibrium[k].Length != _models[k].StateLength)
                throw new ArgumentException($"equilibrium state has {_equilibrium[k].Length} values, the kernel expects {_models[k].StateLength}");
        }

        int n = _cells.Length;
        _columnCombo = new int[n][];
        _columnFraction = new double[n][];
        _state = new double[n][];
        for (int p = 0; p < n; p++)
        {
            int count = t.ColumnStart[p + 1] - t.ColumnStart[p];
            var combos = new int[count];
            var fractions = new double[count];
            for (int j = 0; j < count; j++)
            {
                int g = t.ColumnStart[p] + j;
                var combo = new SpinupCombo(t.ColumnVegetation[g], t.Site[p], t.Climate[p], t.ClearingYearOf(g));
                if (!_comboIndex.TryGetValue(combo, out int k))
                    throw new ArgumentException($"tile setup lacks the spin-up for cell {_cells[p]} column {j} ({combo})");
                combos[j] = k;
                fractions[j] = t.ColumnFraction[g];
            }
            SetColumns(p, combos, fractions, j => _equilibrium[combos[j]]);
        }

        _cities = t.City.Distinct().Order().ToArray();
        _cellCityPosition = t.City.Select(c => Array.BinarySearch(_cities, c)).ToArray();
        _cellOutputYears = [.. _spec.CellOutputYears];
        LastCompletedYear = _spec.FirstYear - 1;
        _stride = LandUseSums.StrideOf(_spec);
        _classCount = LandUseSums.ClassCount(_spec);
        if (_cropCount > 0 && _classCount == 0)
            throw new ArgumentException("run spec: crops need per-class sums (class codes or a land-use plan)");
        if (_spec.LandUse is null && _classCount > 0)
        {
            _cellClass = new int[n];
            for (int p = 0; p < n; p++)
                if ((_cellClass[p] = Array.IndexOf(_spec.ClassCodes, t.LandUse[p])) < 0)
                    throw new ArgumentException($"cell {_cells[p]} has land-use code {t.LandUse[p]}, not one of the run's class codes ({string.Join(", ", _spec.ClassCodes)})");
            _wood = new double[n]; // no wood products or sealed soil without land-use change; Pools reads them
            _sealed = new double[n];
        }

        if (_spec.LandUse is { } plan)
        {
            var w = setup.LandUse ?? throw new ArgumentException("run has land-use change but the tile setup has no window");
            _plan = plan;
            _rules = plan.Rules();
            _conversion = plan.ConversionRules();
            _window0 = w;
            _window = (int[])w.WindowClasses.Clone();
            int local = w.Width * w.Height;
            _localOfCell = new int[n];
            _cellOfLocal = Enumerable.Repeat(-1, local).ToArray();
            var city = Enumerable.Repeat(-1, local).ToArray();
            var prot = new bool[local];
            var km = new double[local]; var el = new double[local]; var sl = new double[local];
            for (int p = 0; p < n; p++)
            {
                int x = t.Col[p] - w.X0, y = t.Row[p] - w.Y0;
                if (x < 0 || y < 0 || x >= w.Width || y >= w.Height)
                    throw new ArgumentException($"cell {_cells[p]} lies outside its tile's block");
                int i = y * w.Width + x;
                _localOfCell[p] = i; _cellOfLocal[i] = p;
                city[i] = t.City[p]; prot[i] = plan.CellProtected[p]; km[i] = plan.CellKmToCentre[p];
                el[i] = plan.CellElevationM[p]; sl[i] = plan.CellSlopeDeg[p];
                if (View().At(x, y) != plan.CellClass[p])
                    throw new ArgumentException($"cell {_cells[p]}: window class {View().At(x, y)} differs from the plan's {plan.CellClass[p]}");
            }
            _drivers = new TileCells(View(), city, prot, km, el, sl);
            _seedling = _models.Select((m, k) => m.Seedling(_equilibrium[k])).ToArray();
            _wood = new double[n];
            _sealed = new double[n];
        }
    }

    void SetColumns(int p, int[] combos, double[] fractions, Func<int, double[]> stateOf)
    {
        int length = 0;
        foreach (int k in combos) length += _models[k].StateLength;
        var state = new double[length];
        for (int j = 0, o = 0; j < combos.Length; o += _models[combos[j]].StateLength, j++)
            stateOf(j).AsSpan(0, _models[combos[j]].StateLength).CopyTo(state.AsSpan(o));
        _columnCombo[p] = combos;
        _columnFraction[p] = fractions;
        _state[p] = state;
    }

    TileWindow View()
    {
        var w = _window0!;
        return new TileWindow(_spec.GridCols, _spec.GridRows, w.X0, w.Y0, w.Width, w.Height, w.Halo, _window);
    }

    /// <summary>
    /// Runs the kernel year of every column of tile cell <paramref name="p"/>; writes the cell's values (cover-weighted,
    /// column order) into <paramref name="cell"/> and, per m2 of cell, each crop's <see cref="CropSums"/> entries into
    /// <paramref name="crops"/> (cover growing it, grain C, fresh grain; <c>[crop · CropSums.Entries + entry]</c>).
    /// </summary>
    void RunCell(int p, int year, double co2, double nDeposition, Span<double> cell, Span<double> annual, Span<double> crops)
    {
        var t = _spec.Cells;
        const int n = CarbonVariables.Count;
        cell.Clear();
        crops.Clear();
        int metYear = (year - _spec.FirstYear) % _spec.Climates[t.Climate[p]].YearCount;
        var combos = _columnCombo[p];
        var fractions = _columnFraction[p];
        for (int j = 0, offset = 0; j < combos.Length; j++)
        {
            var model = _models[combos[j]];
            annual.Clear();
            model.RunYear(_state[p], offset, metYear, co2, nDeposition, annual, year);
            offset += model.StateLength;
            double fraction = fractions[j];
            for (int v = 0; v < n; v++) cell[v] += fraction * annual[v];
            AddCrops(combos[j], fraction, annual, crops);
        }
        for (int v = 0; v < n; v++)
            if (!double.IsFinite(cell[v]))
                throw new ArithmeticException($"cell {_cells[p]} gave a non-finite {CarbonVariables.Names[v]} in year {year}");
    }

    /// <summary>Adds a column's crops (cover <paramref name="fraction"/>, grain per season after the carbon variables of <paramref name="annual"/>) to <paramref name="crops"/>.</summary>
    void AddCrops(int combo, double fraction, ReadOnlySpan<double> annual, Span<double> crops)
    {
        var seasonCrop = _seasonCrop[combo];
        for (int i = 0; i < seasonCrop.Length; i++)
        {
            int o = seasonCrop[i] * CropSums.Entries;
            if (Array.IndexOf(seasonCrop, seasonCrop[i]) == i) crops[o + CropSums.AreaM2] += fraction;   // a crop grown twice in a rotation counts its area once
            double grain = annual[CarbonVariables.Count + i];
            crops[o + CropSums.GrainCKg] += fraction * grain;
            crops[o + CropSums.GrainFreshKg] += fraction * grain * _seasonFresh[combo][i];
        }
    }

    /// <summary>Adds a cell's crop entries (per m2 of cell) × <paramref name="area"/> to the crop block of the city row at <paramref name="row"/>.</summary>
    void AddCropSums(FixedSum[] sums, int row, ReadOnlySpan<double> crops, double area)
    {
        for (int c = 0; c < _cropCount; c++)
            for (int e = 0; e < CropSums.Entries; e++)
                sums[row + LandUseSums.Crop(_classCount, c, e)] += FixedSum.FromKg(crops[c * CropSums.Entries + e] * area);
    }

    void CheckNext(int tileIndex, int year)
    {
        if (year != LastCompletedYear + 1)
            throw new InvalidOperationException($"tile {tileIndex} can step year {LastCompletedYear + 1} next, not {year}");
    }

    /// <summary>Steps every column through <paramref name="year"/> (which must be the next one) and sums the results (runs without land-use change).</summary>
    /// <param name="co2">[ppm]</param>
    /// <param name="nDeposition">[kgN m-2 a-1]</param>
    public TileYearResult Step(int tileIndex, int year, double co2, double nDeposition)
    {
        if (HasLandUse) throw new InvalidOperationException("a run with land-use change steps a year with RunKernelAndOffer and Close");
        CheckNext(tileIndex, year);
        const int n = CarbonVariables.Count;
        var t = _spec.Cells;
        bool keepCells = _cellOutputYears.Contains(year);
        var cellValues = keepCells ? new double[_cells.Length * n] : [];
        bool classes = _classCount > 0;
        var sums = new FixedSum[_cities.Length * _stride];
        Span<double> annual = stackalloc double[_annualLength];
        Span<double> cell = stackalloc double[n];
        Span<double> crops = stackalloc double[_cropCount * CropSums.Entries];
        for (int p = 0; p < _cells.Length; p++)
        {
            double area = t.AreaM2[p];
            CarbonColumn start = classes ? Pools(p, area) : default;
            RunCell(p, year, co2, nDeposition, cell, annual, crops);
            int row = _cellCityPosition[p] * _stride;
            for (int v = 0; v < n; v++)
            {
                sums[row + v] += FixedSum.FromKg(cell[v] * area);
                if (keepCells) cellValues[p * n + v] = cell[v];
            }
            if (classes)
            {
                // A year without conversions: the cell's books (ΔC = kernel uptake) and its class's sums.
                var closed = CellYearClose.Close(_cells[p].ToString(System.Globalization.CultureInfo.InvariantCulture), year,
                    start, Pools(p, area), cell[CarbonVariables.Nbp], [], null, null, woodHalfLifeYears: 1);
                AddBooks(sums, row, closed.Books, closed.WoodProductC * area, closed.SealedSoilC * area);
                AddClass(sums, row, _cellClass[p], cell, area);
                AddCropSums(sums, row, crops, area);
            }
        }
        LastCompletedYear = year;
        return new TileYearResult { TileIndex = tileIndex, Year = year, Cities = _cities, CitySums = sums, CellValues = cellValues };
    }

    /// <summary>
    /// First half of a land-use year: runs the kernel year of every cell (held until <see cref="Close"/>) and
    /// offers candidates from the classes at the start of the year. <paramref name="shrinking"/> and
    /// <paramref name="growing"/> (<c>[city · K + class]</c>) name the classes each city will take cells from
    /// and give cells to this year; only those transitions are offered (the winners do not change).
    /// </summary>
    public TileLandUseOffer RunKernelAndOffer(int tileIndex, int year, double co2, double nDeposition, bool[] shrinking, bool[] growing)
    {
        var plan = _plan ?? throw new InvalidOperationException("this run has no land-use change");
        CheckNext(tileIndex, year);
        if (_pending is not null) throw new InvalidOperationException($"tile {tileIndex} has year {_pending.Year} open");
        const int n = CarbonVariables.Count;
        var t = _spec.Cells;
        int cells = _cells.Length;
        var values = new double[cells * n];
        var start = new CarbonColumn[cells];
        var after = new CarbonColumn[cells];
        var uptake = new double[cells];
        int m = _cropCount * CropSums.Entries;
        var cellCrops = new double[cells * m];
        Span<double> annual = stackalloc double[_annualLength];
        Span<double> cell = stackalloc double[n];
        for (int p = 0; p < cells; p++)
        {
            start[p] = Pools(p, t.AreaM2[p]);
            RunCell(p, year, co2, nDeposition, cell, annual, cellCrops.AsSpan(p * m, m));
            cell.CopyTo(values.AsSpan(p * n, n));
            uptake[p] = cell[CarbonVariables.Nbp];
            after[p] = Pools(p, t.AreaM2[p]);
        }
        _pending = new Pending(year, values, start, after, uptake, cellCrops);

        int k = plan.ClassCount;
        var offer = TransitionPotential.Offer(_drivers! with { Window = View() }, _rules!,
            (city, from, to) => shrinking[city * k + from] && growing[city * k + to]);
        var counts = new int[offer.Counts.Length * k];
        for (int c = 0; c < offer.Counts.Length; c++) offer.Counts[c].Counts.CopyTo(counts, c * k);
        return new TileLandUseOffer
        {
            TileIndex = tileIndex, Year = year,
            Candidates = Array.ConvertAll(offer.Candidates, CellCandidate.Of),
            Cities = offer.Counts.Select(c => c.CityId).ToArray(),
            Counts = counts,
        };
    }

    /// <summary>[kgC m-2 of cell] Tile cell p's pools: the same sums, in the same order, as <see cref="CellConversion.CellColumn"/> over <see cref="Columns"/>, without copying states.</summary>
    CarbonColumn Pools(int p, double areaM2)
    {
        double v = 0, l = 0, s = 0;
        var combos = _columnCombo[p];
        for (int j = 0, offset = 0; j < combos.Length; offset += _models[combos[j]].StateLength, j++)
        {
            _kernel.ReadState(_state[p], offset, _scratch);
            double f = _columnFraction[p][j];
            v += f * _scratch.VegetationC;
            l += f * _scratch.LitterC;
            s += f * _scratch.SoilC;
        }
        return new CarbonColumn(v, l, s, _wood[p], areaM2) { SealedSoilC = _sealed[p] };
    }

    /// <summary>The columns of tile cell p as kernel states (copies).</summary>
    KernelColumn[] Columns(int p)
    {
        var combos = _columnCombo[p];
        var cols = new KernelColumn[combos.Length];
        for (int j = 0, offset = 0; j < combos.Length; offset += _models[combos[j]].StateLength, j++)
            cols[j] = new KernelColumn(_columnFraction[p][j], _kernel.StateOf(_state[p], offset));
        return cols;
    }

    /// <summary>
    /// Second half of a land-use year: applies the winners inside the tile's window (own cells convert,
    /// halo cells take the neighbours' new classes), closes every cell's books
    /// (<see cref="CellYearClose"/>) and returns per-city exact sums in the <see cref="LandUseSums"/> layout.
    /// NBP of a cell is the kernel's minus its land-use emission (conversion to the atmosphere and wood-product decay).
    /// </summary>
    public TileYearResult Close(int tileIndex, int year, CellCandidate[] winners)
    {
        var plan = _plan!;
        var pending = _pending is { } open && open.Year == year ? open
            : throw new InvalidOperationException($"tile {tileIndex} has no kernel year {year} open to close");
        var t = _spec.Cells;
        int k = plan.ClassCount;
        const int n = CarbonVariables.Count;

        // Apply: own cells (AllocationApply checks the source class), then the halo.
        var view = View();
        var (local, conversions) = AllocationApply.Apply(view, winners.Select(w => w.ToModel()));
        foreach (var w in winners)
        {
            int x = w.CellId % _spec.GridCols - view.X0, y = w.CellId / _spec.GridCols - view.Y0;
            bool own = x >= 0 && y >= 0 && x < view.Width && y < view.Height;
            if (own || x < -view.Halo || y < -view.Halo || x >= view.Width + view.Halo || y >= view.Height + view.Halo) continue;
            int i = (y + view.Halo) * view.Stride + (x + view.Halo);
            if (_window[i] != w.FromClass)
                throw new InvalidOperationException($"tile {tileIndex}: halo cell {w.CellId} is class {_window[i]}, the winner says {w.FromClass} (halo out of date)");
            _window[i] = w.ToClass;
        }
        var ruleOf = new Dictionary<int, ConversionRule>();
        foreach (var c in conversions)
        {
            int p = _cellOfLocal[c.LocalIndex];
            ruleOf[p] = _conversion!.For(c.FromClass, c.ToClass);
        }

        bool keepCells = _cellOutputYears.Contains(year);
        var cellValues = keepCells ? new double[_cells.Length * n] : [];
        var cellClasses = keepCells ? new int[_cells.Length] : [];
        var sums = new FixedSum[_cities.Length * _stride];
        for (int p = 0; p < _cells.Length; p++)
        {
            double area = t.AreaM2[p];
            var cell = pending.CellValues.AsSpan(p * n, n);
            var rule = ruleOf.GetValueOrDefault(p);
            string name = _cells[p].ToString(System.Globalization.CultureInfo.InvariantCulture);
            KernelColumn[]? fresh = null;
            Model.Kernel.CellState[]? seedlings = null;
            int[] freshCombos = [];
            if (rule is not null)
            {
                var mix = plan.MixOf(t.City[p], rule.ToClass);
                freshCombos = new int[mix.Length];
                fresh = new KernelColumn[mix.Length];
                seedlings = new Model.Kernel.CellState[mix.Length];
                for (int j = 0; j < mix.Length; j++)
                {
                    var combo = new SpinupCombo(mix[j].Vegetation, t.Site[p], t.Climate[p]);
                    if (!_comboIndex.TryGetValue(combo, out int ci))
                        throw new InvalidOperationException($"tile {tileIndex}: no spin-up for class {plan.ClassNames[rule.ToClass]} ({_spec.VegetationTypes[mix[j].Vegetation].Name}) in cell {_cells[p]}");
                    freshCombos[j] = ci;
                    fresh[j] = new KernelColumn(mix[j].Fraction, _kernel.StateOf(_equilibrium[ci], 0));
                    seedlings[j] = _kernel.StateOf(_seedling[ci], 0);
                }
            }
            var closed = CellYearClose.Close(name, year, pending.Start[p], pending.AfterKernel[p], pending.Uptake[p],
                rule is null ? [] : Columns(p), rule, fresh, _conversion!.WoodProductHalfLifeYears, seedlings);
            if (closed.NewColumns is { } converted)
            {
                var fractions = converted.Select(c => c.Fraction).ToArray();
                var combos = freshCombos;
                SetColumns(p, combos, fractions, j =>
                {
                    var a = new double[_models[combos[j]].StateLength];
                    _kernel.Store(converted[j].State, a, 0);
                    return a;
                });
                var held = CellConversion.CellColumn(converted, closed.WoodProductC, area);
                cell[CarbonVariables.VegetationC] = held.VegC;
                cell[CarbonVariables.LitterC] = held.LitterC;
                cell[CarbonVariables.SoilC] = held.SoilC;
                cell[CarbonVariables.TotalC] = held.VegC + held.LitterC + held.SoilC;
            }
            _wood[p] = closed.WoodProductC;
            _sealed[p] = closed.SealedSoilC;
            if (_sealed[p] != 0) // sealed soil is soil carbon of the cell, held by no column
            {
                cell[CarbonVariables.SoilC] += _sealed[p];
                cell[CarbonVariables.TotalC] += _sealed[p];
            }
            var b = closed.Books;
            cell[CarbonVariables.Nbp] -= b.LandUseEmissionKg / area;

            int row = _cellCityPosition[p] * _stride;
            for (int v = 0; v < n; v++) sums[row + v] += FixedSum.FromKg(cell[v] * area);
            AddBooks(sums, row, b, closed.WoodProductC * area, closed.SealedSoilC * area);
            int cls = local[_localOfCell[p]];
            AddClass(sums, row, cls, cell, area);
            // the grain the cell's columns harvested before any conversion at the year end
            int m = _cropCount * CropSums.Entries;
            AddCropSums(sums, row, pending.CellCrops.AsSpan(p * m, m), area);
            if (keepCells)
            {
                cell.CopyTo(cellValues.AsSpan(p * n, n));
                cellClasses[p] = cls;
            }
        }
        // Own classes: write the applied block back into the window.
        for (int y = 0; y < view.Height; y++)
            for (int x = 0; x < view.Width; x++)
                _window[(y + view.Halo) * view.Stride + (x + view.Halo)] = local[y * view.Width + x];
        _pending = null;
        LastCompletedYear = year;
        return new TileYearResult { TileIndex = tileIndex, Year = year, Cities = _cities, CitySums = sums, CellValues = cellValues, CellClasses = cellClasses };
    }

    /// <summary>Adds a cell's closed books [kgC], wood-product stock <paramref name="woodKg"/> [kgC] and sealed-soil stock <paramref name="sealedKg"/> [kgC] to the ledger block of the city row at <paramref name="row"/>.</summary>
    static void AddBooks(FixedSum[] sums, int row, CarbonYear b, double woodKg, double sealedKg)
    {
        void Add(int entry, double kg) => sums[row + LandUseSums.Ledger(entry)] += FixedSum.FromKg(kg);
        Add(LandUseSums.StartKg, b.StartKg);
        Add(LandUseSums.EcosystemUptakeKg, b.EcosystemUptakeKg);
        Add(LandUseSums.VegToAtmosphereKg, b.VegToAtmosphereKg);
        Add(LandUseSums.VegToWoodProductsKg, b.VegToWoodProductsKg);
        Add(LandUseSums.VegToLitterKg, b.VegToLitterKg);
        Add(LandUseSums.LitterToAtmosphereKg, b.LitterToAtmosphereKg);
        Add(LandUseSums.SoilToAtmosphereKg, b.SoilToAtmosphereKg);
        Add(LandUseSums.WoodDecayKg, b.WoodDecayKg);
        Add(LandUseSums.EndKg, b.EndKg);
        Add(LandUseSums.Conversions, b.Conversions);
        Add(LandUseSums.WoodProductsKg, woodKg);
        Add(LandUseSums.EstablishmentKg, b.EstablishmentKg);
        Add(LandUseSums.SealedSoilKg, sealedKg);
    }

    /// <summary>Adds a cell's area [m2] and carbon (<paramref name="cell"/> [kgC m-2 (a-1)] × area, the same addends as the city's) to class <paramref name="cls"/> of the city row at <paramref name="row"/>.</summary>
    void AddClass(FixedSum[] sums, int row, int cls, ReadOnlySpan<double> cell, double area)
    {
        sums[row + LandUseSums.ClassArea(cls)] += FixedSum.FromKg(area);
        for (int v = 0; v < CarbonVariables.Count; v++)
            sums[row + LandUseSums.ClassVariable(_classCount, cls, v)] += FixedSum.FromKg(cell[v] * area);
    }

    /// <summary>The column states laid end to end, cell by cell (copy), for checkpoints.</summary>
    public double[] ExportState()
    {
        var all = new double[_state.Sum(s => s.Length)];
        int o = 0;
        foreach (var s in _state) { s.CopyTo(all, o); o += s.Length; }
        return all;
    }

    /// <summary>Land-use part of a checkpoint: ints = [column count per cell, combo per column, window classes]; doubles = [wood per cell, cover per column, sealed soil per cell]. Empty without land-use change.</summary>
    public (int[] Ints, double[] Doubles) ExportLandUse()
    {
        if (!HasLandUse) return ([], []);
        var ints = new List<int>();
        ints.AddRange(_columnCombo.Select(c => c.Length));
        foreach (var c in _columnCombo) ints.AddRange(c);
        ints.AddRange(_window);
        var doubles = new List<double>(_wood);
        foreach (var f in _columnFraction) doubles.AddRange(f);
        doubles.AddRange(_sealed);
        return ([.. ints], [.. doubles]);
    }

    /// <summary>Restores column states (and, with land-use change, the columns, window and wood products) and the last completed year from a checkpoint.</summary>
    public void ImportState(double[] state, int lastCompletedYear, int[]? landUseInts = null, double[]? landUseDoubles = null)
    {
        int n = _cells.Length;
        if (HasLandUse)
        {
            if (landUseInts is null || landUseDoubles is null || landUseInts.Length < n || landUseDoubles.Length < n)
                throw new ArgumentException("checkpoint lacks the tile's land-use state");
            int o = n;
            var combos = new int[n][];
            for (int p = 0; p < n; p++) { combos[p] = landUseInts.AsSpan(o, landUseInts[p]).ToArray(); o += landUseInts[p]; }
            if (landUseInts.Length - o != _window.Length)
                throw new ArgumentException($"checkpoint holds {landUseInts.Length - o} window classes, the tile has {_window.Length}");
            _window = landUseInts[o..];
            _wood = landUseDoubles[..n];
            int f = n;
            for (int p = 0; p < n; p++) { _columnFraction[p] = landUseDoubles.AsSpan(f, combos[p].Length).ToArray(); f += combos[p].Length; }
            if (landUseDoubles.Length != f + n)
                throw new ArgumentException($"checkpoint holds {landUseDoubles.Length - f} sealed-soil values, the tile has {n} cells");
            _sealed = landUseDoubles[f..];
            _columnCombo = combos;
        }
        int length = 0;
        for (int p = 0; p < n; p++) foreach (int k in _columnCombo[p]) length += _models[k].StateLength;
        if (state.Length != length)
            throw new ArgumentException($"checkpoint holds {state.Length} state values, the tile has {length}");
        for (int p = 0, o = 0; p < n; p++)
        {
            int len = 0;
            foreach (int k in _columnCombo[p]) len += _models[k].StateLength;
            _state[p] = state.AsSpan(o, len).ToArray();
            o += len;
        }
        _pending = null;
        LastCompletedYear = lastCompletedYear;
    }
}
