using CarbonSim.Model.Kernel;
using static CarbonSim.Model.Kernel.KernelConstants;

namespace CarbonSim.Model.Processes;

/// <summary>
/// Precision control (science notes §1 step 1): leaf C below 1e-7 moves with fine roots to labile
/// litter; other plant pools and CWD below 1e-20 move to labile litter; litter, soil, mineral N and
/// water below 1e-20 are removed (recorded as losses for the balance).
/// </summary>
public static class PrecisionControl
{
    public static void Apply(CellState s, ref DailyFluxes f)
    {
        if (s.LeafC < LeafCriticalPrecision)
        {
            s.Litter1C += s.LeafC + s.FrootC; s.Litter1N += s.LeafN + s.FrootN;
            s.LeafC = 0; s.LeafN = 0; s.FrootC = 0; s.FrootN = 0;
        }
        ToLitter(ref s.LiveStemC, ref s.LiveStemN, s);
        ToLitter(ref s.DeadStemC, ref s.DeadStemN, s);
        ToLitter(ref s.LiveCrootC, ref s.LiveCrootN, s);
        ToLitter(ref s.DeadCrootC, ref s.DeadCrootN, s);
        ToLitter(ref s.CwdC, ref s.CwdN, s);
        Remove(ref s.Litter1C, ref s.Litter1N, ref f);
        Remove(ref s.Litter2C, ref s.Litter2N, ref f);
        Remove(ref s.Litter3C, ref s.Litter3N, ref f);
        Remove(ref s.Litter4C, ref s.Litter4N, ref f);
        Remove(ref s.Soil1C, ref s.Soil1N, ref f);
        Remove(ref s.Soil2C, ref s.Soil2N, ref f);
        Remove(ref s.Soil3C, ref s.Soil3N, ref f);
        Remove(ref s.Soil4C, ref s.Soil4N, ref f);
        if (s.MineralN < CriticalPrecision) { f.PrecisionLossN += s.MineralN; s.MineralN = 0; }
        if (s.RetransN < CriticalPrecision) { s.Litter1N += s.RetransN; s.RetransN = 0; }
        if (s.SoilWater < CriticalPrecision) { f.PrecisionLossWater += s.SoilWater; s.SoilWater = 0; }
        if (s.SnowWater < CriticalPrecision) { f.PrecisionLossWater += s.SnowWater; s.SnowWater = 0; }
    }

    private static void ToLitter(ref double c, ref double n, CellState s)
    {
        if (c < CriticalPrecision) { s.Litter1C += c; s.Litter1N += n; c = 0; n = 0; }
    }

    private static void Remove(ref double c, ref double n, ref DailyFluxes f)
    {
        if (c < CriticalPrecision) { f.PrecisionLossC += c; f.PrecisionLossN += n; c = 0; n = 0; }
    }
}
