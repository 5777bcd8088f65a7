using CarbonSim.Model.Accounting;
using CarbonSim.Model.Kernel;
using LedgerYear = CarbonSim.Model.Accounting.CarbonYear;

namespace CarbonSim.Model.LandUse;

/// <summary>The vegetated columns of a class: vegetation type index and share of the cell's area (sealed, bare and water shares hold no column).</summary>
public sealed record ClassColumns(int ClassIndex, (int Vegetation, double Fraction)[] Columns);

/// <summary>One coupled year: the allocation (null when none ran) and the books per city (ascending id) and per cell (ascending grid index).</summary>
public sealed record CoupledYear(int Year, RegionAllocationYear? Allocation, SortedDictionary<int, LedgerYear> CityBooks, SortedDictionary<int, LedgerYear> CellBooks);

/// <summary>
/// Process kernel and land-use change in one yearly cycle, in the order the grains run it
/// (docs/landuse.md "In the engine"): every cell's columns run the kernel year; the region allocates
/// (<see cref="RegionAllocation"/>, tile by tile); each cell closes its books (<see cref="CellYearClose"/>:
/// wood-product decay, then its conversion), a converted cell moving its kernel pools into the new class's
/// columns (<see cref="CellConversion"/>); cities sum their cells in cell-id order and check their books.
/// Carbon is conserved per cell and per city every year (a violation throws). This is the single-process
/// reference the engine's tile and city grains are tested against; it is meant for small regions and tests.
/// </summary>
public sealed class CoupledLandUse
{
    /// <summary>Runs one kernel year of a column (of <paramref name="cell"/>, covering <paramref name="fraction"/> of it) in place and returns its NBP [kgC m-2 a-1] (positive = uptake).</summary>
    public delegate double ColumnYear(int cell, double fraction, int vegetation, CellState state);

    private readonly AllocationDrivers _drivers;
    private readonly LandUseRules _rules;
    private readonly ConversionCarbonRules _conversion;
    private readonly Func<int, int, (int Vegetation, double Fraction)[]> _mixOf;
    private readonly CellState[] _equilibrium;
    private readonly double _cellAreaM2;
    private readonly int[][] _veg;
    private readonly KernelColumn[][] _cols;
    private readonly double[] _wood;

    /// <summary>Seedling state per vegetation index (index of the equilibrium states): new columns that receive less vegetation than this are planted (<see cref="CellConversion"/>). Null = no establishment.</summary>
    public CellState[]? Seedlings { get; init; }

    /// <summary>The current class map.</summary>
    public LandUseMap Map { get; private set; }

    /// <param name="equilibrium">Spin-up state per vegetation type index (new columns start from these).</param>
    /// <param name="cellAreaM2">[m2] Area of every cell.</param>
    public CoupledLandUse(LandUseMap map, AllocationDrivers drivers, LandUseRules rules, ConversionCarbonRules conversion,
        ClassColumns[] mix, CellState[] equilibrium, double cellAreaM2)
        : this(map, drivers, rules, conversion, MixTable(mix, rules), equilibrium, cellAreaM2) { }

    /// <param name="mixOf">Columns of a class in a cell (cell, class) → (index into <paramref name="equilibrium"/>, share of the cell), e.g. per climate zone.</param>
    public CoupledLandUse(LandUseMap map, AllocationDrivers drivers, LandUseRules rules, ConversionCarbonRules conversion,
        Func<int, int, (int Vegetation, double Fraction)[]> mixOf, CellState[] equilibrium, double cellAreaM2)
    {
        Map = map; _drivers = drivers; _rules = rules; _conversion = conversion; _equilibrium = equilibrium; _cellAreaM2 = cellAreaM2;
        _mixOf = mixOf;
        _veg = new int[map.CellCount][];
        _cols = new KernelColumn[map.CellCount][];
        _wood = new double[map.CellCount];
        for (int g = 0; g < map.CellCount; g++)
            if (map.Classes[g] >= 0) (_veg[g], _cols[g]) = NewColumns(g, map.Classes[g]);
    }

    private static Func<int, int, (int, double)[]> MixTable(ClassColumns[] mix, LandUseRules rules)
    {
        var byClass = new ClassColumns[rules.ClassCount];
        foreach (var m in mix) byClass[m.ClassIndex] = m;
        for (int k = 0; k < byClass.Length; k++)
            if (byClass[k] is null) throw new InvalidInputException("coupled land use", $"class {rules.ClassNames[k]}", "no column mix", "a column mix for every class");
        return (_, cls) => byClass[cls].Columns;
    }

    private (int[], KernelColumn[]) NewColumns(int cell, int cls)
    {
        var mix = _mixOf(cell, cls);
        return (mix.Select(c => c.Vegetation).ToArray(), mix.Select(c => new KernelColumn(c.Fraction, _equilibrium[c.Vegetation].Clone())).ToArray());
    }

    /// <summary>[kgC m-2 of cell] The cell's pools now (zero outside the map).</summary>
    public CarbonColumn CarbonOf(int cell) => _cols[cell] is { } c ? CellConversion.CellColumn(c, _wood[cell], _cellAreaM2) : default;

    /// <summary>The columns of a grid cell (copies of the states), or empty outside the map.</summary>
    public KernelColumn[] ColumnsOf(int cell) => _cols[cell]?.Select(c => new KernelColumn(c.Fraction, c.State.Clone())).ToArray() ?? [];

    /// <summary>[kgC m-2] Wood products of a cell.</summary>
    public double WoodProductsOf(int cell) => _wood[cell];

    /// <param name="demandOfCity">Demand of the year per city, or null for no land-use change (kernel only).</param>
    public CoupledYear Step(int year, ColumnYear runColumn, Func<int, int[]>? demandOfCity, int tileSize)
    {
        int n = Map.CellCount;
        var start = new CarbonColumn[n];
        var afterKernel = new CarbonColumn[n];
        var uptake = new double[n];
        for (int g = 0; g < n; g++)
        {
            if (_cols[g] is not { } cols) continue;
            start[g] = CellConversion.CellColumn(cols, _wood[g], _cellAreaM2);
            double u = 0;
            for (int c = 0; c < cols.Length; c++) u += cols[c].Fraction * runColumn(g, cols[c].Fraction, _veg[g][c], cols[c].State);
            uptake[g] = u;
            afterKernel[g] = CellConversion.CellColumn(cols, _wood[g], _cellAreaM2);
        }

        RegionAllocationYear? alloc = null;
        var rule = new Dictionary<int, ConversionRule>();
        if (demandOfCity is not null)
        {
            alloc = RegionAllocation.Step(Map, _drivers, _rules, tileSize, year, demandOfCity);
            foreach (var c in alloc.Conversions) rule[c.CellId] = _conversion.For(c.FromClass, c.ToClass);
        }

        var cellBooks = new SortedDictionary<int, LedgerYear>();
        var cityBooks = new SortedDictionary<int, LedgerYear>();
        for (int g = 0; g < n; g++)
        {
            if (_cols[g] is null) continue;
            var r = rule.GetValueOrDefault(g);
            var closed = CellYearClose.Close(g.ToString(System.Globalization.CultureInfo.InvariantCulture), year,
                start[g], afterKernel[g], uptake[g], _cols[g], r, r is null ? null : NewColumns(g, r.ToClass).Item2, _conversion.WoodProductHalfLifeYears,
                r is null || Seedlings is null ? null : _mixOf(g, r.ToClass).Select(c => Seedlings[c.Vegetation]).ToArray());
            var books = closed.Books;
            if (closed.NewColumns is { } converted)
            {
                _veg[g] = _mixOf(g, r!.ToClass).Select(c => c.Vegetation).ToArray();
                _cols[g] = converted;
            }
            _wood[g] = closed.WoodProductC;
            cellBooks[g] = books;
            int city = _drivers.City[g];
            cityBooks[city] = cityBooks.TryGetValue(city, out var acc) ? acc.Plus(books) : books;
        }
        foreach (var (city, b) in cityBooks) b.Check($"city {city}");
        if (alloc is not null) Map = alloc.Map;
        return new CoupledYear(year, alloc, cityBooks, cellBooks);
    }
}
