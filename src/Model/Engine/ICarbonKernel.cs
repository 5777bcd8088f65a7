using CarbonSim.Model.Climate;
using CarbonSim.Model.Kernel;
using CarbonSim.Model.Parameters;

namespace CarbonSim.Model.Engine;

/// <summary>
/// The seam between the grains and the process kernel in <c>CarbonSim.Model.Kernel</c>: builds a
/// column model for one (vegetation, site, climate) combination. Registered as a silo service so
/// grains hold no static state and tests can count or replace it.
/// </summary>
public interface ICarbonKernel
{
    IColumnModel CreateModel(EcophysParameters epc, SiteParameters site, MetSeries met);

    /// <summary>The kernel state stored at <paramref name="states"/>[<paramref name="offset"/> ..] as a <see cref="CellState"/> (a copy; land-use conversion works on these).</summary>
    CellState StateOf(double[] states, int offset);

    /// <summary>Reads the state at <paramref name="offset"/> into <paramref name="into"/> (no allocation; for reading pools).</summary>
    void ReadState(double[] states, int offset, CellState into);

    /// <summary>Writes <paramref name="state"/> back into the flat layout at <paramref name="offset"/>.</summary>
    void Store(CellState state, double[] states, int offset);
}

/// <summary>One vegetation column's process model: state in and out as a flat vector.</summary>
public interface IColumnModel
{
    /// <summary>[-] Length of the state vector.</summary>
    int StateLength { get; }

    /// <summary>[-] Crop seasons of a managed cropland column (its rotation's, <c>Management.CropRotation</c>); 0 for any other column.</summary>
    int CropSeasons => 0;

    /// <summary>Runs the model to equilibrium under constant forcing and returns the state vector.</summary>
    /// <param name="co2">[ppm]</param>
    /// <param name="nDeposition">[kgN m-2 a-1]</param>
    /// <param name="accelerated">Accelerated decomposition spin-up (true) or standard.</param>
    /// <param name="maxYears">[a] Limit on simulated years.</param>
    SpinupEquilibrium SpinUp(double co2, double nDeposition, bool accelerated, int maxYears, int standAgeYears = 0);

    /// <summary>
    /// The historical transient from <paramref name="equilibrium"/> (Kernel.TransientHistory): the state at the
    /// end of the history and the column's annual values over its years (<see cref="SpinupEquilibrium.HistoryAnnual"/>);
    /// the other fields are <paramref name="equilibrium"/>'s.
    /// </summary>
    /// <param name="clearingYear">[a] Calendar year at whose start a woody stand is cleared; 0 = never.</param>
    /// <param name="clearingSpreadYears">[a] The stand stands for sub-cohorts cleared every 2 years within ± this of
    /// <paramref name="clearingYear"/> (Kernel.TransientHistory.ClearingYears): state and annual values are their means; 0 = one clearing year.</param>
    SpinupEquilibrium RunHistory(SpinupEquilibrium equilibrium, HistoryForcing history, int clearingYear, int clearingSpreadYears = 0);

    /// <summary>
    /// Steps the state vector stored at <paramref name="states"/>[<paramref name="offset"/> ..] in place
    /// through met year <paramref name="metYearIndex"/> and writes the annual values (order of
    /// <see cref="CarbonVariables"/>, per m2) into <paramref name="annual"/>; if <paramref name="annual"/> is longer, a managed
    /// cropland column writes the grain C harvested per crop season [kgC m-2 a-1] after them (<see cref="CropSeasons"/> values).
    /// </summary>
    /// <param name="calendarYear">[a] The calendar year (selects a managed rotation's practice in force, <c>Management.PracticeChange</c>); 0 = none.</param>
    void RunYear(double[] states, int offset, int metYearIndex, double co2, double nDeposition, Span<double> annual, int calendarYear = 0);

    /// <summary>A seedling of this column's vegetation on the soils of <paramref name="equilibrium"/>: the state a column planted on a converted cell starts its plant pools from.</summary>
    double[] Seedling(double[] equilibrium);
}
