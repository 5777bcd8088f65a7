using CarbonSim.Model.Climate;
using CarbonSim.Model.Parameters;

namespace CarbonSim.Model.Engine;

/// <summary>Everything that determines an equilibrium state; its content hash is the spin-up grain's key.</summary>
public sealed record SpinupRequest
{
    public EcophysParameters Epc { get; init; } = null!;
    public SiteParameters Site { get; init; } = null!;
    public MetSeries Met { get; init; } = null!;
    /// <summary>[ppm] Constant CO2 during spin-up.</summary>
    public double Co2 { get; init; }
    /// <summary>[kgN m-2 a-1] Constant N deposition during spin-up.</summary>
    public double NDeposition { get; init; }
    /// <summary>Accelerated decomposition spin-up (true) or standard.</summary>
    public bool Accelerated { get; init; } = true;
    /// <summary>[a] Most simulated years before giving up on a steady state.</summary>
    public int MaxYears { get; init; } = 6000;
    /// <summary>[a] Woody stands are cleared this many years before the first simulated year and regrow (0 = none); see Model.Kernel.StandHistory.</summary>
    public int StandAgeYears { get; init; }
    /// <summary>[a] First history year (the spin-up forcing is that year's), or 0 = no history: the equilibrium is the result.</summary>
    public int HistoryStartYear { get; init; }
    /// <summary>[a] First simulated year: the history runs <see cref="HistoryStartYear"/> .. this − 1 (met years cycled from it).</summary>
    public int FirstYear { get; init; }
    /// <summary>[ppm] CO2 of each history year, index 0 = <see cref="HistoryStartYear"/>.</summary>
    public double[] HistoryCo2 { get; init; } = [];
    /// <summary>[kgN m-2 a-1] N deposition of each history year, index 0 = <see cref="HistoryStartYear"/>.</summary>
    public double[] HistoryNDeposition { get; init; } = [];
    /// <summary>[a] Calendar year at whose start a woody stand is cleared during the history (Kernel.TransientHistory); 0 = never.</summary>
    public int ClearingYear { get; init; }
    /// <summary>[a] Half-width of the window of clearing years the stand stands for (0 = cleared in <see cref="ClearingYear"/> alone; Kernel.TransientHistory.ClearingYears).</summary>
    public int ClearingSpreadYears { get; init; }

    /// <summary>Whether a history transient follows the equilibrium.</summary>
    public bool HasHistory => HistoryStartYear != 0;

    /// <summary>The history forcing, or null without one.</summary>
    public Kernel.HistoryForcing? History => HasHistory ? new(HistoryStartYear, FirstYear, HistoryCo2, HistoryNDeposition) : null;

    /// <summary>The same combination's equilibrium alone (no history, no clearing): shared by all its cohorts.</summary>
    public SpinupRequest Equilibrium() => this with { HistoryStartYear = 0, FirstYear = 0, HistoryCo2 = [], HistoryNDeposition = [], ClearingYear = 0, ClearingSpreadYears = 0 };
}

/// <summary>An equilibrium state and how it was reached.</summary>
public sealed record SpinupEquilibrium
{
    /// <summary>State vector in the kernel's layout.</summary>
    public double[] State { get; init; } = [];
    /// <summary>[a] Simulated years used.</summary>
    public int Years { get; init; }
    /// <summary>Whether the steady-state criterion was met before <see cref="SpinupRequest.MaxYears"/>.</summary>
    public bool Converged { get; init; }

    // How the state was reached and how far from steady it is (Spinup.RunChecked; docs/model.md "Spin-up").
    /// <summary>Accelerated (with passing recovery blocks), standard, or accelerated → standard fallback.</summary>
    public SpinupMethod Method { get; init; }
    /// <summary>[kgC m-2 a-1] Remaining soil-C drift of the state: the steady-state rule's block-mean trend (steady when |drift| &lt; 0.0005).</summary>
    public double SoilCTrend { get; init; }
    /// <summary>[kgC m-2 a-1] The same statistic on total C.</summary>
    public double TotalCTrend { get; init; }
    /// <summary>[a] Years of the accelerated attempt incl. its recovery blocks, part of <see cref="Years"/> (0 for the standard method).</summary>
    public int AcceleratedYears { get; init; }
    /// <summary>
    /// With a history: the column's annual values per m2 over the history years,
    /// <c>[(year − HistoryStartYear) · CarbonVariables.Count + variable]</c> (kgC m-2 a-1 fluxes, kgC m-2 end-of-year stocks);
    /// <see cref="State"/> is then the state at the end of the history. Empty without a history.
    /// </summary>
    public double[] HistoryAnnual { get; init; } = [];
}
