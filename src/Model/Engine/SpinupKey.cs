using CarbonSim.Model.Region;

namespace CarbonSim.Model.Engine;

/// <summary>The content hash that names a spin-up: <see cref="SpinupKeys.Compute"/> over the request.</summary>
public static class SpinupKey
{
    public static string Of(SpinupRequest r) =>
        SpinupKeys.Compute(r.Epc, r.Site, r.Met, r.Co2, r.NDeposition, r.Accelerated, r.MaxYears, r.StandAgeYears, r.History, r.ClearingYear, r.ClearingSpreadYears);
}

/// <summary>Builds the spin-up request of a (vegetation, site, climate) combination of a run.</summary>
public static class SpinupRequests
{
    public static SpinupRequest For(RunSpec spec, SpinupCombo combo) => new()
    {
        Epc = spec.VegetationTypes[combo.Vegetation].Epc,
        Site = spec.Sites[combo.Site],
        Met = spec.Climates[combo.Climate],
        Co2 = spec.SpinupCo2,
        NDeposition = spec.SpinupNDeposition,
        Accelerated = spec.SpinupAccelerated,
        MaxYears = spec.SpinupMaxYears,
        StandAgeYears = spec.SpinupStandAgeYears,
        HistoryStartYear = spec.HistoryStartYear,
        FirstYear = spec.HistoryStartYear == 0 ? 0 : spec.FirstYear,
        HistoryCo2 = spec.HistoryCo2ByYear,
        HistoryNDeposition = spec.HistoryNDepositionByYear,
        ClearingYear = combo.ClearingYear,
        ClearingSpreadYears = combo.ClearingYear == 0 ? 0 : spec.HistoryClearingSpreadYears,
    };

    /// <summary>
    /// Computes a request: its equilibrium spin-up, then, with a history, the transient from that equilibrium
    /// (<see cref="IColumnModel.RunHistory"/>). The equilibrium of a request with a history is the one of
    /// <see cref="SpinupRequest.Equilibrium"/> (shared by every clearing year of the combination), obtained
    /// through <paramref name="equilibriumOf"/> (a cache, or the spin-up grain of that key).
    /// </summary>
    public static async Task<SpinupEquilibrium> Compute(ICarbonKernel kernel, SpinupRequest r, Func<SpinupRequest, Task<SpinupEquilibrium>> equilibriumOf)
    {
        var model = kernel.CreateModel(r.Epc, r.Site, r.Met);
        if (r.History is not { } history)
            return model.SpinUp(r.Co2, r.NDeposition, r.Accelerated, r.MaxYears, r.StandAgeYears);
        if (r.StandAgeYears != 0)
            throw new ArgumentException($"a spin-up with a history clears stands by clearing year, not by stand age ({r.StandAgeYears} a)");
        var equilibrium = await equilibriumOf(r.Equilibrium());
        return model.RunHistory(equilibrium, history, r.ClearingYear, r.ClearingSpreadYears);
    }
}
