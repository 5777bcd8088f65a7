namespace CarbonSim.Model.Point;

/// <summary>Forcing that is constant over one simulated year (science notes §1.4, CO2_CONTROL / RAMP_NDEP / -n).</summary>
/// <param name="CalendarYear">[a] Calendar year being simulated (spin-up: the ini's first year, not advanced).</param>
/// <param name="Co2Ppm">[ppm] Atmospheric CO2.</param>
/// <param name="NDeposition">[kgN m-2 a-1] N deposition; the kernel adds 1/365 of it per day.</param>
/// <param name="NFixation">[kgN m-2 a-1] N fixation; the kernel adds 1/365 of it per day.</param>
public readonly record struct YearForcing(int CalendarYear, double Co2Ppm, double NDeposition, double NFixation);

/// <summary>Result of a spin-up.</summary>
/// <param name="Years">[a] Spin-up years simulated.</param>
/// <param name="ReachedSteadyState">True if BIOME-BGC's steady-state rule was met before the maximum.</param>
/// <param name="ResidualTrend">[kgC m-2 a-1] Trend of total C over the last block pair (BIOME-BGC's "residual trend").</param>
/// <param name="NextMetYear">[-] 0-based met-record position of the next year after the spin-up.</param>
public readonly record struct SpinupOutcome(int Years, bool ReachedSteadyState, double ResidualTrend, int NextMetYear);

/// <summary>
/// The seam between the point driver and the process kernel. The driver owns files, forcing,
/// restarts and output rows; the kernel owns the state and the science. States cross the seam as
/// flat <c>double[]</c> (the kernel's CellState.ToArray() order), which is also what a restart holds.
/// Implementations must be deterministic and must not keep mutable state between calls.
/// </summary>
public interface IPointKernel
{
    /// <summary>[-] Number of doubles in a flattened cell state.</summary>
    int StateLength { get; }

    /// <summary>Builds the starting state from the ini's W_STATE / C_STATE / N_STATE (BIOME-BGC's first-day setup).</summary>
    double[] InitialState(PointInputs inputs);

    /// <summary>
    /// Runs one 365-day year of met year <paramref name="metYear"/> (0-based index into
    /// <see cref="PointInputs.Met"/>), updating <paramref name="state"/> in place, calling
    /// <paramref name="onDay"/> after each day (yday 1-365) if given.
    /// </summary>
    void RunYear(PointInputs inputs, double[] state, int metYear, YearForcing forcing, Action<int, PointDay>? onDay);

    /// <summary>
    /// BIOME-BGC spin-up (science notes §1.6) from <paramref name="state"/> (updated in place) starting
    /// at met year <paramref name="metYear"/>, with constant CO2 and N inputs from <paramref name="forcing"/>,
    /// up to <see cref="PointInputs.MaxSpinupYears"/> years. <paramref name="onDay"/> gets the 1-based
    /// spin-up year, the yday and the day's values. <paramref name="accelerated"/> selects the kernel's
    /// accelerated spin-up when it has one.
    /// </summary>
    SpinupOutcome Spinup(PointInputs inputs, double[] state, int metYear, YearForcing forcing, bool accelerated,
        Action<int, int, PointDay>? onDay);
}
