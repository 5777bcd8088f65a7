namespace CarbonSim.Model.Kernel;

/// <summary>
/// Stand history after the equilibrium spin-up. A spin-up gives an undisturbed, old-growth
/// equilibrium, but the forests of a real landscape are mostly young: in northern China most stands
/// were planted or regrew after clearing in the last half-century. A stand-replacing disturbance
/// <paramref name="standAgeYears"/> before the first simulated year resets the plant pools to the
/// near-bare-ground state of <see cref="CellModel.BareGround"/> (the removed plant C and N leave the
/// cell as harvest export, so the cell's balance stays closed), keeps the litter, CWD, soil,
/// mineral N and water of the equilibrium, and regrows the stand for that many years under the
/// spin-up forcing. This is the usual stand-age initialisation of process models
/// (e.g. Thornton et al. 2002, Agric. For. Meteorol. 113: 185–222, for BIOME-BGC disturbance runs).
/// </summary>
public static class StandHistory
{
    /// <summary>
    /// The state of a stand aged <paramref name="standAgeYears"/> [a] that grew on the soils of
    /// <paramref name="equilibrium"/> (not modified). Non-woody vegetation and ages ≤ 0 return a copy.
    /// </summary>
    public static CellState Regrow(CellModel model, CellState equilibrium, int standAgeYears, YearForcing forcing)
    {
        if (standAgeYears <= 0 || !model.Ecophys.Woody) return equilibrium.Clone();
        var s = ClearPlant(model, equilibrium);
        for (int y = 0; y < standAgeYears; y++) model.RunYear(s, forcing);
        return s;
    }

    /// <summary>
    /// A copy of <paramref name="s"/> with every plant pool (C, N, storage, transfer,
    /// growth-respiration pools, retranslocated N, plant N pool) and the turnover memory replaced by
    /// the near-bare-ground values; the difference is booked as exported C and N [kg m-2] in the
    /// cumulative balance terms.
    /// </summary>
    public static CellState ClearPlant(CellModel model, CellState s)
    {
        var cleared = WithPlantOf(s, model.BareGround());
        cleared.CumCarbonOut += s.TotalC - cleared.TotalC;
        cleared.CumNitrogenOut += s.TotalN - cleared.TotalN;
        return cleared;
    }

    /// <summary>
    /// A copy of <paramref name="s"/> whose plant pools (C, N, storage, transfer, growth-respiration pools,
    /// retranslocated N, plant N pool) and turnover memory are those of <paramref name="plant"/>; litter,
    /// CWD, soil, mineral N and water stay. Used to establish new vegetation on a converted cell
    /// (a seedling from <see cref="ClearPlant"/>); the caller books the carbon it adds.
    /// </summary>
    public static CellState WithPlantOf(CellState s, CellState plant)
    {
        var a = s.ToArray();
        var p = plant.ToArray();
        // Plant C (2–22), plant N (32–51) and phenology/turnover memory (62–69): Kernel/README.md.
        for (int i = 2; i <= 22; i++) a[i] = p[i];
        for (int i = 32; i <= 51; i++) a[i] = p[i];
        for (int i = 62; i <= 69; i++) a[i] = p[i];
        return CellState.FromArray(a);
    }
}
