using CarbonSim.Model.Management;
using CarbonSim.Model.Processes;

namespace CarbonSim.Model.Kernel;

/// <summary>
/// One day of one cell, in BIOME-BGC 4.2's order (science notes §1). Reads like a table of
/// contents: each line is one process; processes fill <see cref="DailyFluxes"/>, the state
/// update and mortality apply them.
/// </summary>
public static class DailyStep
{
    public static void Run(CellModel m, CellState s, int metDay, in YearForcing forcing, ref DailyFluxes f, ref DayVars d)
    {
        var crops = m.Crops?.ForYear(forcing.CalendarYear);                              // managed cropland only: the year's practice
        var v = crops is null ? m.Vegetation : crops.VegetationOn(metDay % KernelConstants.DaysPerYear);
        f = default;
        PrecisionControl.Apply(s, ref f);                                               // 1
        if (crops is not null) CropDay.Begin(crops, m.Soil.WaterFieldCapacity, s, metDay % KernelConstants.DaysPerYear, ref f); // sow, fertilise, irrigate
        if (m.UrbanGreen is { } green) UrbanGreenDay.Begin(green, m.Soil.WaterFieldCapacity, s, metDay % KernelConstants.DaysPerYear, ref f); // fertilise, irrigate
        LoadMet(m, s, metDay, forcing.Co2Ppm, ref d);                                    // 2
        int remGrowth = m.Signals.RemainingGrowthDays[metDay];                           // 3
        int remTransfer = m.Signals.RemainingTransferDays[metDay];
        int remLitterfall = m.Signals.RemainingLitterfallDays[metDay];
        bool annualAllocationDay = remLitterfall == 1;
        Phenology.Compute(s, v, remTransfer, remLitterfall, ref f);                     // 4
        Radiation.Compute(s.LeafC, v, m.Site.Albedo, ref d);                             // 5
        Precipitation.Route(in d, v.Epc.InterceptionCoefficient, ref f);                 // 6
        Snow.Compute(in d, s.SnowWater, ref f);                                          // 7
        double daysSinceRain = s.SnowWater > 0.0 ? s.DaysSinceRain
            : SoilEvaporation.Compute(in d, m.Gcorr[metDay], s.DaysSinceRain, ref f);
        m.Soil.Status(s.SoilWater, out d.Vwc, out d.Psi, out double logMinusPsi);         // 8
        MaintenanceRespiration.Compute(s, v, ref d, ref f);                              // 9
        if (s.LeafC != 0.0 && d.DayLength > 0.0)                                         // 10
            CanopyConductance.Compute(ref d, v, m.Gcorr[metDay], ref f);
        else
            f.CanopyToSoil = f.PrcpToCanopy;
        if (s.LeafC != 0.0 && remGrowth > 0 && d.DayLength > 0.0)                         // 11
            Photosynthesis.Compute(ref d, v, in d.Kinetics, ref f);
        NInputs.Compute(forcing.NDeposition, m.Site.NFixation, ref f);                  // 12
        f.Outflow = m.Soil.Outflow(s.SoilWater);                                         // 13
        d.DecompRateScalar = d.DecompTemperatureScalar * m.Soil.DecompositionWaterScalar(d.Psi, logMinusPsi);
        Decomposition.Compute(s, v, d.DecompRateScalar, ref f, out var potential);       // 14
        Allocation.Compute(s, v, in potential, forcing.NSupplementFraction, ref f);      // 15
        GrowthRespiration.Compute(ref f);                                                // 17
        StateUpdate.PhenologyMemory(s, v, in f, annualAllocationDay);                    // 16
        s.DaysSinceRain = daysSinceRain;
        StateUpdate.Water(s, ref f);                                                     // 18
        StateUpdate.Carbon(s, in f, annualAllocationDay, v.Evergreen);
        StateUpdate.Nitrogen(s, in f, annualAllocationDay);
        if (annualAllocationDay && !v.Evergreen) StateUpdate.ZeroDeciduousRemnants(s);
        f.MineralNLeached = Leaching.Compute(s.MineralN, s.SoilWater, f.Outflow);        // 19
        s.MineralN -= f.MineralNLeached;
        Mortality.Apply(s, v, ref f);                                                    // 20
        if (crops is not null) CropDay.End(crops, s, metDay % KernelConstants.DaysPerYear, ref f); // harvest
        if (m.UrbanGreen is { } kept) UrbanGreenDay.End(kept, s, metDay % KernelConstants.DaysPerYear, ref f); // clip, sweep litter
        if (m.ForestHarvest is { } felling && metDay % KernelConstants.DaysPerYear == felling.FellingDay && felling.FellsIn(forcing.CalendarYear))
            ForestHarvest.Fell(s, felling, v, ref f);                                    // fell, carry the stem wood away
    }

    /// <summary>Copies the precomputed met of <paramref name="metDay"/> and derives soil temperature (snow-dependent).</summary>
    private static void LoadMet(CellModel m, CellState s, int metDay, double co2, ref DayVars d)
    {
        d.Tmax = m.Tmax[metDay]; d.Tmin = m.Tmin[metDay]; d.Tavg = m.Tavg[metDay];
        d.Tday = m.Tday[metDay]; d.Tnight = m.Tnight[metDay];
        ref readonly var day = ref m.Days[metDay];
        bool snow = s.SnowWater > 0.0;
        d.Tsoil = snow ? day.TsoilSnow : day.TsoilBare;
        d.Q10Soil = snow ? day.Q10SoilSnow : day.Q10SoilBare;
        d.DecompTemperatureScalar = snow ? day.DecompTSnow : day.DecompTBare;
        d.Q10Day = day.Q10Day; d.Q10Night = day.Q10Night; d.Q10Avg = day.Q10Avg;
        d.PenmanMonteith = day.PenmanMonteith;
        d.Kinetics = day.Kinetics;
        d.Prcp = m.Prcp[metDay]; d.Vpd = m.Vpd[metDay];
        d.Shortwave = m.Shortwave[metDay]; d.Par = m.Par[metDay]; d.DayLength = m.DayLength[metDay];
        d.Pressure = m.Pressure; d.Co2 = co2;
        d.DayLeafMrSunlit = d.DayLeafMrShaded = d.AssimSunlit = d.AssimShaded = 0.0;
        d.LeafConductanceSunlit = d.LeafConductanceShaded = 0.0;
    }

    /// <summary>
    /// [kgC m-2 d-1] NBP = NEP − fire − harvest + seed − urban-green removal − wood harvest, positive for uptake. Without
    /// management the harvest, seed and removal terms are not touched, so the value is bit for bit BIOME-BGC's (NEP − fire).
    /// </summary>
    internal static double Nbp(double nep, in DailyFluxes f)
    {
        double nbp = nep - f.FireC;
        if (f.HarvestC != 0.0 || f.SeedC != 0.0) nbp = nbp - f.HarvestC + f.SeedC;
        if (f.RemovedC != 0.0) nbp -= f.RemovedC;
        if (f.WoodHarvestC != 0.0) nbp -= f.WoodHarvestC;
        return nbp;
    }

    /// <summary>The day's outputs after the step.</summary>
    public static DailyOutput Output(CellState s, in DailyFluxes f, in DayVars d, int metYear, int yearDay)
    {
        double gpp = f.Gpp, npp = gpp - f.Mr - f.Gr, nep = npp - f.Hr;
        return new DailyOutput
        {
            MetYear = metYear, YearDay = yearDay,
            Gpp = gpp, Npp = npp, Nep = nep, Nbp = Nbp(nep, in f), Mr = f.Mr, Gr = f.Gr, Hr = f.Hr, Fire = f.FireC,
            Et = f.Et, Evaporation = f.CanopyEvaporation + f.SoilEvaporation + f.SnowSublimation, Transpiration = f.Transpiration,
            Outflow = f.Outflow, Precipitation = d.Prcp, Tavg = d.Tavg,
            SoilWater = s.SoilWater, SnowWater = s.SnowWater, Vwc = d.Vwc, Psi = d.Psi, ProjectedLai = d.ProjectedLai,
            LeafC = s.LeafC, FrootC = s.FrootC, VegetationC = s.VegetationC, LitterC = s.LitterC, CwdC = s.CwdC,
            SoilC = s.SoilC, TotalC = s.TotalC, MineralN = s.MineralN, Fpi = f.Fpi,
        };
    }
}
