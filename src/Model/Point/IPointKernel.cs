namespace CarbonSim.Model.Point;

/// <summary>Inputs that are constant over one simulated year (science notes §1.4: CO2_CONTROL, RAMP_NDEP, -n).</summary>
/// <param name="CalendarYear">[a] Calendar year being simulated (spin-up: the ini's first year, not advanced).</param>
/// <param name="Co2Ppm">[ppm] Atmospheric CO2.</param>
/// <param name="NDeposition">[kgN m-2 a-1] N deposition; the kernel adds 1/365 of it per day.</param>
/// <param name="NFixation">[kgN m-2 a-1] N fixation (the SITE value; for information, the kernel takes it from the site).</param>
public readonly record struct YearInputs(int CalendarYear, double Co2Ppm, double NDeposition, double NFixation);

/// <summary>One spin-up year as the kernel reports it, internal units.</summary>
/// <param name="Year">[a] 1-based spin-up year.</param>
/// <param name="MaxLai">[m2 m-2] Maximum projected LAI.</param>
/// <param name="LeafC">[kgC m-2] Leaf C at year end.</param>
/// <param name="VegC">[kgC m-2] Vegetation C at year end.</param>
/// <param name="LitterCInclCwd">[kgC m-2] Litter + CWD C at year end.</param>
/// <param name="SoilC">[kgC m-2] Soil C at year end.</param>
/// <param name="TotalC">[kgC m-2] Total C at year end.</param>
/// <param name="SoilMineralN">[kgN m-2] Soil mineral N at year end.</param>
public readonly record struct SpinupYearValues(int Year, double MaxLai, double LeafC, double VegC, double LitterCInclCwd,
    double SoilC, double TotalC, double SoilMineralN);

/// <summary>Result of a spin-up.</summary>
/// <param name="Years">[a] Spin-up years simulated.</param>
/// <param name="ReachedSteadyState">True if BIOME-BGC's steady-state rule was met before the maximum.</param>
/// <param name="ResidualTrend">[kgC m-2 a-1] Trend of total C over the last block pair (BIOME-BGC's "residual trend").</param>
/// <param name="NextMetYear">[-] 0-based met-record position of the next year after the spin-up.</param>
/// <param name="Trajectory">One entry per spin-up year.</param>
public sealed record SpinupOutcome(int Years, bool ReachedSteadyState, double ResidualTrend, int NextMetYear,
    IReadOnlyList<SpinupYearValues> Trajectory);

/// <summary>
/// The seam between the point driver and the process kernel. The driver owns files, forcing,
/// restarts and output rows; the kernel owns the state and the science. States cross the seam as
/// flat <c>double[]</c> (the kernel's CellState.ToArray() order), which is also what a restart holds.
/// </summary>
public interface IPointKernel
{
    /// <summary>[-] Number of doubles in a flattened cell state.</summary>
    int StateLength { get; }

    /// <summary>Builds the (immutable, precomputed) model of one site from loaded inputs.</summary>
    IPointModel Prepare(PointInputs inputs);
}

/// <summary>One prepared site. Deterministic; holds no state between calls other than what it was built from.</summary>
public interface IPointModel
{
    /// <summary>Starting state from the ini's W_STATE / C_STATE / N_STATE (BIOME-BGC's initial-state setup).</summary>
    double[] InitialState();

    /// <summary>
    /// Runs one 365-day year of met year <paramref name="metYear"/> (0-based index into
    /// <see cref="PointInputs.Met"/>), updating <paramref name="state"/> in place and calling
    /// <paramref name="onDay"/> after each day (yday 1-365) if given.
    /// </summary>
    void RunYear(double[] state, int metYear, YearInputs year, Action<int, PointDay>? onDay);

    /// <summary>
    /// BIOME-BGC spin-up (science notes §1.6) from <paramref name="state"/> (updated in place),
    /// starting at met year <paramref name="metYear"/>, with constant inputs <paramref name="year"/>,
    /// up to <see cref="PointInputs.MaxSpinupYears"/> years. <paramref name="accelerated"/> selects the
    /// kernel's accelerated spin-up.
    /// </summary>
    SpinupOutcome Spinup(double[] state, int metYear, YearInputs year, bool accelerated);
}
