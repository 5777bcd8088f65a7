namespace CarbonSim.Model.LandUse;

/// <summary>
/// What happens to soil and litter when a conversion changes a cell's sealed (impervious) share (docs/landuse.md §3,
/// "Sealed soil"). A cell's columns hold the soil and litter of its unsealed part; the sealed part holds no column.
/// <list type="bullet">
/// <item>When the sealed share rises from s₀ to s₁, a share a = (s₁ − s₀)/(1 − s₀) of the unsealed area is newly
/// sealed. Its litter is cleared with the building site (to the atmosphere). Of its soil, the share
/// <c>sealed_soil_loss</c> is lost (topsoil stripped and excavated on construction, its carbon taken as oxidised:
/// an emission); the rest stays in place under the surface, cut off from litter input, water and air, and is held
/// as the cell's sealed-soil stock, out of decomposition (Scalenghe &amp; Ajmone-Marsan 2009, Landscape Urban Plan.
/// 90:1–10; Raciti et al. 2012, Environ. Pollut. 164:248–251, report roughly two thirds less C in the topsoil
/// under impervious surfaces than in open urban soil: recalled, not checked). None of it is handed to the green
/// columns: they keep the soil density per vegetated m² they had.</item>
/// <item>When the sealed share falls (e.g. built-up becoming a park), the share r = (s₀ − s₁)/s₀ of the sealed
/// stock is released into the new columns' soil and decomposes again.</item>
/// </list>
/// The sealed stock is part of the cell's carbon (ledger, <c>soil_c</c>, <c>total_c</c>), so what it gains or loses
/// is a transfer, and only the lost share and the cleared litter are emissions (booked as soil and litter to the
/// atmosphere). The N of the soil that goes under the surface leaves the columns with its carbon (not tracked).
/// </summary>
public static class SealedSoil
{
    /// <summary>[0–1] Share of the unsealed area (and of the columns' soil and litter) newly sealed: max(0, s₁ − s₀)/(1 − s₀); 0 when s₀ = 1.</summary>
    /// <param name="sealedFrom">[0–1] Sealed share of the cell before.</param>
    /// <param name="sealedTo">[0–1] Sealed share after.</param>
    public static double NewlySealedShare(double sealedFrom, double sealedTo) =>
        sealedTo > sealedFrom && sealedFrom < 1 ? (sealedTo - sealedFrom) / (1 - sealedFrom) : 0;

    /// <summary>[0–1] Share of the sealed-soil stock released to the columns: max(0, s₀ − s₁)/s₀; 0 when s₀ = 0.</summary>
    public static double ReleasedShare(double sealedFrom, double sealedTo) =>
        sealedFrom > sealedTo ? (sealedFrom - sealedTo) / sealedFrom : 0;

    /// <summary>
    /// The soil and litter shares of a conversion from sealed share <paramref name="sealedFrom"/> to
    /// <paramref name="sealedTo"/> (see the class summary).
    /// </summary>
    /// <param name="lossOfSealedSoil">[0–1] Share of the soil under a newly sealed surface that is lost (scenario key <c>sealed_soil_loss</c>).</param>
    /// <param name="litterToAtmosphere">[0–1] The rule's share of litter emitted on the part that stays unsealed.</param>
    /// <param name="soilToAtmosphere">[0–1] The rule's own soil share, when it gives one (replaces the loss; the rest of the newly sealed soil is still sealed off).</param>
    public static (double SoilToAtmosphere, double SoilToSealed, double LitterToAtmosphere, double SealedToSoil) Shares(
        double sealedFrom, double sealedTo, double lossOfSealedSoil, double litterToAtmosphere, double? soilToAtmosphere = null)
    {
        double a = NewlySealedShare(sealedFrom, sealedTo);
        double soilLost = soilToAtmosphere ?? lossOfSealedSoil * a;
        double soilSealed = Math.Max(0, a - soilLost);
        double litterLost = a + (1 - a) * litterToAtmosphere;
        return (soilLost, soilSealed, litterLost, ReleasedShare(sealedFrom, sealedTo));
    }
}
