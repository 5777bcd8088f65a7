namespace CarbonSim.Model.Kernel;

/// <summary>
/// Many cells stepped together — the form the engine's tile grains use (~1,000 cell-columns per
/// tile). Cells may have different vegetation, site and met (each has its <see cref="CellModel"/>,
/// typically shared between cells of the same type). Each cell runs the same
/// <see cref="DailyStep"/> as <see cref="CellModel.RunYear(CellState, YearForcing, IDailyObserver?)"/>,
/// so results are bit-identical to stepping each cell alone.
/// <para>
/// State is held per cell (one <see cref="CellState"/> each) and exported/imported as one flat
/// array of <c>Count × CellState.Length</c> doubles for checkpoints (<see cref="Export"/>).
/// </para>
/// </summary>
public sealed class TileKernel
{
    private readonly CellModel[] _models;
    private readonly CellState[] _states;

    /// <summary>Creates a tile from per-cell models and states (states are used, not copied).</summary>
    public TileKernel(IReadOnlyList<CellModel> models, IReadOnlyList<CellState> states)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(states);
        if (models.Count != states.Count)
            throw new ArgumentException($"TileKernel: {models.Count} models but {states.Count} states.");
        _models = models.ToArray();
        _states = states.ToArray();
    }

    /// <summary>Number of cells.</summary>
    public int Count => _states.Length;
    /// <summary>The state of cell <paramref name="i"/> (live reference).</summary>
    public CellState State(int i) => _states[i];
    /// <summary>The model of cell <paramref name="i"/>.</summary>
    public CellModel Model(int i) => _models[i];

    /// <summary>
    /// Steps every cell through its next met year with the same forcing; writes each cell's
    /// summary to <paramref name="results"/> (length ≥ Count). Cells run one after another in index
    /// order (deterministic).
    /// </summary>
    public void RunYear(YearForcing forcing, AnnualSummary[] results)
    {
        if (results.Length < Count) throw new ArgumentException("results shorter than the tile", nameof(results));
        for (int i = 0; i < _states.Length; i++)
            results[i] = Step(i, forcing);
    }

    private AnnualSummary Step(int i, YearForcing forcing)
    {
        try
        {
            return _models[i].RunYear(_states[i], forcing);
        }
        catch (MassBalanceException e)
        {
            throw new MassBalanceException(e.Quantity, $"{i} ({e.Cell})", e.Day, e.Imbalance, e.Message);
        }
    }

    /// <summary>Steps every cell with its own forcing (e.g. per-cell N deposition).</summary>
    public void RunYear(ReadOnlySpan<YearForcing> forcings, AnnualSummary[] results)
    {
        if (forcings.Length < Count) throw new ArgumentException("one forcing per cell required", nameof(forcings));
        if (results.Length < Count) throw new ArgumentException("results shorter than the tile", nameof(results));
        for (int i = 0; i < _states.Length; i++)
            results[i] = Step(i, forcings[i]);
    }

    /// <summary>All cell states as one flat array, cell-major: cell i occupies [i·L, (i+1)·L), L = <see cref="CellState.Length"/>.</summary>
    public double[] Export()
    {
        var a = new double[Count * CellState.Length];
        for (int i = 0; i < _states.Length; i++) _states[i].CopyTo(a, i * CellState.Length);
        return a;
    }

    /// <summary>Rebuilds a tile from <see cref="Export"/> output and the per-cell models.</summary>
    public static TileKernel Import(IReadOnlyList<CellModel> models, double[] flat)
    {
        ArgumentNullException.ThrowIfNull(flat);
        if (flat.Length != models.Count * CellState.Length)
            throw new ArgumentException($"TileKernel.Import: expected {models.Count * CellState.Length} values, got {flat.Length}.");
        var states = new CellState[models.Count];
        for (int i = 0; i < states.Length; i++) states[i] = CellState.FromArray(flat, i * CellState.Length);
        return new TileKernel(models, states);
    }
}
