using CarbonSim.Model.Kernel;

namespace CarbonSim.Model.Io.Restart;

public static partial class RestartFile
{
    /// <summary>Writes a kernel <see cref="CellState"/> (met-year index from <see cref="CellState.NextMetYear"/>) atomically.</summary>
    public static void Write(string path, CellState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        Write(path, state.ToArray(), state.NextMetYear);
    }

    /// <summary>Reads a restart holding a kernel <see cref="CellState"/>; the header's met-year index is copied into the state.</summary>
    /// <exception cref="InvalidInputException">Bad file, or a state length other than <see cref="CellState.Length"/>.</exception>
    public static CellState ReadCellState(string path)
    {
        var r = Read(path, CellState.Length);
        var s = CellState.FromArray(r.State);
        s.NextMetYear = r.MetYear;
        return s;
    }
}
