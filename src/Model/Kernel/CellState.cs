namespace CarbonSim.Model.Kernel;

/// <summary>
/// Every prognostic variable of one cell (science notes "State carried by one cell"): water,
/// plant C and N pools (displayed, storage, transfer), litter/soil/CWD C and N, mineral and
/// retranslocated N, phenology and turnover memory, the met-record position and cumulative
/// balance terms. Internal units: kg m-2 for pools, kg m-2 d-1 for rates.
/// <para>
/// <see cref="ToArray"/> / <see cref="FromArray"/> use the fixed order of <see cref="Exchange"/>
/// (documented in src/Model/Kernel/README.md); restart files and Orleans checkpoints rely on it,
/// so new fields may only be appended.
/// </para>
/// </summary>
public sealed class CellState
{
    /// <summary>Number of doubles in <see cref="ToArray"/>.</summary>
    public const int Length = 79;

    // ---- water ----
    /// <summary>[kg m-2] Soil water (= mm).</summary>
    public double SoilWater;
    /// <summary>[kg m-2] Snow water equivalent.</summary>
    public double SnowWater;

    // ---- plant carbon ----
    /// <summary>[kgC m-2] Leaf C, displayed.</summary>
    public double LeafC;
    /// <summary>[kgC m-2] Leaf C, storage (displayed next year).</summary>
    public double LeafStorageC;
    /// <summary>[kgC m-2] Leaf C, transfer (being displayed this year).</summary>
    public double LeafTransferC;
    /// <summary>[kgC m-2] Fine root C.</summary>
    public double FrootC;
    /// <summary>[kgC m-2] Fine root C, storage.</summary>
    public double FrootStorageC;
    /// <summary>[kgC m-2] Fine root C, transfer.</summary>
    public double FrootTransferC;
    /// <summary>[kgC m-2] Live stem C.</summary>
    public double LiveStemC;
    /// <summary>[kgC m-2] Live stem C, storage.</summary>
    public double LiveStemStorageC;
    /// <summary>[kgC m-2] Live stem C, transfer.</summary>
    public double LiveStemTransferC;
    /// <summary>[kgC m-2] Dead stem C.</summary>
    public double DeadStemC;
    /// <summary>[kgC m-2] Dead stem C, storage.</summary>
    public double DeadStemStorageC;
    /// <summary>[kgC m-2] Dead stem C, transfer.</summary>
    public double DeadStemTransferC;
    /// <summary>[kgC m-2] Live coarse root C.</summary>
    public double LiveCrootC;
    /// <summary>[kgC m-2] Live coarse root C, storage.</summary>
    public double LiveCrootStorageC;
    /// <summary>[kgC m-2] Live coarse root C, transfer.</summary>
    public double LiveCrootTransferC;
    /// <summary>[kgC m-2] Dead coarse root C.</summary>
    public double DeadCrootC;
    /// <summary>[kgC m-2] Dead coarse root C, storage.</summary>
    public double DeadCrootStorageC;
    /// <summary>[kgC m-2] Dead coarse root C, transfer.</summary>
    public double DeadCrootTransferC;
    /// <summary>[kgC m-2] C held for growth respiration of stored growth.</summary>
    public double GrowthRespStorageC;
    /// <summary>[kgC m-2] C held for growth respiration of transfer growth.</summary>
    public double GrowthRespTransferC;
    /// <summary>[kgC m-2] Temporary photosynthate pool (may be negative: a deficit repaid over 365 d).</summary>
    public double CPool;

    // ---- litter and soil carbon ----
    /// <summary>[kgC m-2] Coarse woody debris C.</summary>
    public double CwdC;
    /// <summary>[kgC m-2] Litter 1, labile.</summary>
    public double Litter1C;
    /// <summary>[kgC m-2] Litter 2, unshielded cellulose.</summary>
    public double Litter2C;
    /// <summary>[kgC m-2] Litter 3, shielded cellulose.</summary>
    public double Litter3C;
    /// <summary>[kgC m-2] Litter 4, lignin.</summary>
    public double Litter4C;
    /// <summary>[kgC m-2] Soil 1, fast microbial recycling.</summary>
    public double Soil1C;
    /// <summary>[kgC m-2] Soil 2, medium microbial recycling.</summary>
    public double Soil2C;
    /// <summary>[kgC m-2] Soil 3, slow microbial recycling.</summary>
    public double Soil3C;
    /// <summary>[kgC m-2] Soil 4, recalcitrant SOM.</summary>
    public double Soil4C;

    // ---- plant nitrogen ----
    /// <summary>[kgN m-2] Leaf N.</summary>
    public double LeafN;
    /// <summary>[kgN m-2] Leaf N, storage.</summary>
    public double LeafStorageN;
    /// <summary>[kgN m-2] Leaf N, transfer.</summary>
    public double LeafTransferN;
    /// <summary>[kgN m-2] Fine root N.</summary>
    public double FrootN;
    /// <summary>[kgN m-2] Fine root N, storage.</summary>
    public double FrootStorageN;
    /// <summary>[kgN m-2] Fine root N, transfer.</summary>
    public double FrootTransferN;
    /// <summary>[kgN m-2] Live stem N.</summary>
    public double LiveStemN;
    /// <summary>[kgN m-2] Live stem N, storage.</summary>
    public double LiveStemStorageN;
    /// <summary>[kgN m-2] Live stem N, transfer.</summary>
    public double LiveStemTransferN;
    /// <summary>[kgN m-2] Dead stem N.</summary>
    public double DeadStemN;
    /// <summary>[kgN m-2] Dead stem N, storage.</summary>
    public double DeadStemStorageN;
    /// <summary>[kgN m-2] Dead stem N, transfer.</summary>
    public double DeadStemTransferN;
    /// <summary>[kgN m-2] Live coarse root N.</summary>
    public double LiveCrootN;
    /// <summary>[kgN m-2] Live coarse root N, storage.</summary>
    public double LiveCrootStorageN;
    /// <summary>[kgN m-2] Live coarse root N, transfer.</summary>
    public double LiveCrootTransferN;
    /// <summary>[kgN m-2] Dead coarse root N.</summary>
    public double DeadCrootN;
    /// <summary>[kgN m-2] Dead coarse root N, storage.</summary>
    public double DeadCrootStorageN;
    /// <summary>[kgN m-2] Dead coarse root N, transfer.</summary>
    public double DeadCrootTransferN;
    /// <summary>[kgN m-2] Retranslocated N available to the plant.</summary>
    public double RetransN;
    /// <summary>[kgN m-2] Temporary plant N pool.</summary>
    public double NPool;

    // ---- litter, soil and mineral nitrogen ----
    /// <summary>[kgN m-2] Coarse woody debris N.</summary>
    public double CwdN;
    /// <summary>[kgN m-2] Litter 1 N.</summary>
    public double Litter1N;
    /// <summary>[kgN m-2] Litter 2 N.</summary>
    public double Litter2N;
    /// <summary>[kgN m-2] Litter 3 N.</summary>
    public double Litter3N;
    /// <summary>[kgN m-2] Litter 4 N.</summary>
    public double Litter4N;
    /// <summary>[kgN m-2] Soil 1 N.</summary>
    public double Soil1N;
    /// <summary>[kgN m-2] Soil 2 N.</summary>
    public double Soil2N;
    /// <summary>[kgN m-2] Soil 3 N.</summary>
    public double Soil3N;
    /// <summary>[kgN m-2] Soil 4 N.</summary>
    public double Soil4N;
    /// <summary>[kgN m-2] Soil mineral N.</summary>
    public double MineralN;

    // ---- phenology and turnover memory ----
    /// <summary>[kgC m-2 d-1] Current daily leaf litterfall rate (evergreen: fixed once a year; deciduous: ramp).</summary>
    public double LeafLitterfallRate;
    /// <summary>[kgC m-2 d-1] Current daily fine-root litterfall rate.</summary>
    public double FrootLitterfallRate;
    /// <summary>[kgC m-2 d-1] Daily live stem → dead stem turnover.</summary>
    public double LiveStemTurnoverRate;
    /// <summary>[kgC m-2 d-1] Daily live coarse root → dead coarse root turnover.</summary>
    public double LiveCrootTurnoverRate;
    /// <summary>[kgC m-2] Maximum leaf C since the last annual-rate reset.</summary>
    public double AnnualMaxLeafC;
    /// <summary>[kgC m-2] Maximum fine root C since the last reset.</summary>
    public double AnnualMaxFrootC;
    /// <summary>[kgC m-2] Maximum live stem C since the last reset.</summary>
    public double AnnualMaxLiveStemC;
    /// <summary>[kgC m-2] Maximum live coarse root C since the last reset.</summary>
    public double AnnualMaxLiveCrootC;
    /// <summary>[d] Days since rain (bare-soil drying curve).</summary>
    public double DaysSinceRain;
    /// <summary>[-] Index of the next met year to run (position in the cyclic met record).</summary>
    public int NextMetYear;

    // ---- cumulative sources and sinks since the state was created (balance checks) ----
    /// <summary>[kg m-2] Cumulative precipitation input.</summary>
    public double CumWaterIn;
    /// <summary>[kg m-2] Cumulative water output (ET, sublimation, outflow, precision losses).</summary>
    public double CumWaterOut;
    /// <summary>[kgC m-2] Cumulative C input (GPP).</summary>
    public double CumCarbonIn;
    /// <summary>[kgC m-2] Cumulative C output (MR, GR, HR, fire, precision losses).</summary>
    public double CumCarbonOut;
    /// <summary>[kgN m-2] Cumulative N input (deposition, fixation, spin-up supplement).</summary>
    public double CumNitrogenIn;
    /// <summary>[kgN m-2] Cumulative N output (volatilisation, denitrification, leaching, fire, precision losses).</summary>
    public double CumNitrogenOut;

    /// <summary>[a] Whole years stepped since this state was created (bookkeeping only).</summary>
    public double YearsRun;

    /// <summary>Deep copy.</summary>
    public CellState Clone() => (CellState)MemberwiseClone();

    /// <summary>All variables as doubles in the fixed, documented order.</summary>
    public double[] ToArray()
    {
        var a = new double[Length];
        Exchange(a, 0, toArray: true);
        return a;
    }

    /// <summary>Writes the state into <paramref name="destination"/> starting at <paramref name="offset"/>.</summary>
    public void CopyTo(double[] destination, int offset)
    {
        if (destination.Length - offset < Length)
            throw new ArgumentException($"CellState.CopyTo: need {Length} slots from offset {offset}.", nameof(destination));
        Exchange(destination, offset, toArray: true);
    }

    /// <summary>Overwrites this state with one written by <see cref="CopyTo"/> (reuses the object; no allocation).</summary>
    public void ReadFrom(double[] values, int offset)
    {
        if (values.Length - offset < Length)
            throw new ArgumentException($"CellState.ReadFrom: need {Length} values from offset {offset}.", nameof(values));
        Exchange(values, offset, toArray: false);
    }

    /// <summary>Reads a state written by <see cref="CopyTo"/>.</summary>
    public static CellState FromArray(double[] values, int offset)
    {
        var s = new CellState();
        s.Exchange(values, offset, toArray: false);
        return s;
    }

    /// <summary>Rebuilds a state from <see cref="ToArray"/> output.</summary>
    public static CellState FromArray(double[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length != Length)
            throw new ArgumentException($"CellState.FromArray: expected {Length} values, got {values.Length}.", nameof(values));
        var s = new CellState();
        s.Exchange(values, 0, toArray: false);
        return s;
    }

    /// <summary>Total C [kgC m-2]: vegetation + litter (incl. CWD) + soil.</summary>
    public double TotalC => VegetationC + LitterC + SoilC;
    /// <summary>[kgC m-2] All plant C pools incl. storage, transfer, growth-respiration pools and CPool.</summary>
    public double VegetationC =>
        LeafC + LeafStorageC + LeafTransferC + FrootC + FrootStorageC + FrootTransferC +
        LiveStemC + LiveStemStorageC + LiveStemTransferC + DeadStemC + DeadStemStorageC + DeadStemTransferC +
        LiveCrootC + LiveCrootStorageC + LiveCrootTransferC + DeadCrootC + DeadCrootStorageC + DeadCrootTransferC +
        GrowthRespStorageC + GrowthRespTransferC + CPool;
    /// <summary>[kgC m-2] Litter 1–4 plus CWD.</summary>
    public double LitterC => CwdC + Litter1C + Litter2C + Litter3C + Litter4C;
    /// <summary>[kgC m-2] Soil 1–4.</summary>
    public double SoilC => Soil1C + Soil2C + Soil3C + Soil4C;
    /// <summary>[kgN m-2] Every N pool (plant, litter, soil, mineral).</summary>
    public double TotalN =>
        LeafN + LeafStorageN + LeafTransferN + FrootN + FrootStorageN + FrootTransferN +
        LiveStemN + LiveStemStorageN + LiveStemTransferN + DeadStemN + DeadStemStorageN + DeadStemTransferN +
        LiveCrootN + LiveCrootStorageN + LiveCrootTransferN + DeadCrootN + DeadCrootStorageN + DeadCrootTransferN +
        RetransN + NPool + CwdN + Litter1N + Litter2N + Litter3N + Litter4N +
        Soil1N + Soil2N + Soil3N + Soil4N + MineralN;
    /// <summary>[kg m-2] Soil water + snow.</summary>
    public double TotalWater => SoilWater + SnowWater;

    /// <summary>The one place that fixes the array order: index i ↔ field, in this sequence.</summary>
    private void Exchange(double[] a, int offset, bool toArray)
    {
        int i = offset;
        void X(ref double f) { if (toArray) a[i] = f; else f = a[i]; i++; }

        X(ref SoilWater); X(ref SnowWater);                                          // 0-1
        X(ref LeafC); X(ref LeafStorageC); X(ref LeafTransferC);                     // 2-4
        X(ref FrootC); X(ref FrootStorageC); X(ref FrootTransferC);                  // 5-7
        X(ref LiveStemC); X(ref LiveStemStorageC); X(ref LiveStemTransferC);         // 8-10
        X(ref DeadStemC); X(ref DeadStemStorageC); X(ref DeadStemTransferC);         // 11-13
        X(ref LiveCrootC); X(ref LiveCrootStorageC); X(ref LiveCrootTransferC);      // 14-16
        X(ref DeadCrootC); X(ref DeadCrootStorageC); X(ref DeadCrootTransferC);      // 17-19
        X(ref GrowthRespStorageC); X(ref GrowthRespTransferC); X(ref CPool);         // 20-22
        X(ref CwdC); X(ref Litter1C); X(ref Litter2C); X(ref Litter3C); X(ref Litter4C); // 23-27
        X(ref Soil1C); X(ref Soil2C); X(ref Soil3C); X(ref Soil4C);                  // 28-31
        X(ref LeafN); X(ref LeafStorageN); X(ref LeafTransferN);                     // 32-34
        X(ref FrootN); X(ref FrootStorageN); X(ref FrootTransferN);                  // 35-37
        X(ref LiveStemN); X(ref LiveStemStorageN); X(ref LiveStemTransferN);         // 38-40
        X(ref DeadStemN); X(ref DeadStemStorageN); X(ref DeadStemTransferN);         // 41-43
        X(ref LiveCrootN); X(ref LiveCrootStorageN); X(ref LiveCrootTransferN);      // 44-46
        X(ref DeadCrootN); X(ref DeadCrootStorageN); X(ref DeadCrootTransferN);      // 47-49
        X(ref RetransN); X(ref NPool);                                               // 50-51
        X(ref CwdN); X(ref Litter1N); X(ref Litter2N); X(ref Litter3N); X(ref Litter4N); // 52-56
        X(ref Soil1N); X(ref Soil2N); X(ref Soil3N); X(ref Soil4N); X(ref MineralN); // 57-61
        X(ref LeafLitterfallRate); X(ref FrootLitterfallRate);                       // 62-63
        X(ref LiveStemTurnoverRate); X(ref LiveCrootTurnoverRate);                   // 64-65
        X(ref AnnualMaxLeafC); X(ref AnnualMaxFrootC);                               // 66-67
        X(ref AnnualMaxLiveStemC); X(ref AnnualMaxLiveCrootC);                       // 68-69
        X(ref DaysSinceRain);                                                        // 70
        double metYear = NextMetYear; X(ref metYear); NextMetYear = (int)metYear;    // 71
        X(ref CumWaterIn); X(ref CumWaterOut);                                       // 72-73
        X(ref CumCarbonIn); X(ref CumCarbonOut);                                     // 74-75
        X(ref CumNitrogenIn); X(ref CumNitrogenOut);                                 // 76-77
        X(ref YearsRun);                                                             // 78
    }
}
