using CarbonSim.Model.Kernel;

namespace CarbonSim.Model.Management;

/// <summary>
/// Mineral N fertiliser (issue #11): the day's scheduled application goes into soil mineral N at
/// the start of the day (BIOME-BGC keeps one mineral N pool; no NH4/NO3 split, no volatilisation
/// of the fertiliser itself beyond the model's usual mineral-N losses). Fluxes only.
/// </summary>
public static class Fertilisation
{
    /// <summary>Sets the fertiliser flux to <paramref name="amount"/> [kgN m-2 d-1].</summary>
    public static void Compute(double amount, ref DailyFluxes f) => f.FertiliserToMineralN = amount;
}
