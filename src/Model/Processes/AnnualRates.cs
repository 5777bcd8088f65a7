using CarbonSim.Model.Kernel;

namespace CarbonSim.Model.Processes;

/// <summary>
/// Annual rates (science notes §1 step 16), on the last litterfall day: evergreen litterfall
/// rates = turnover × year's maximum pool / 365 (deciduous: reset to 0); live-wood turnover rates =
/// live-wood turnover × year's maximum live wood / 365. Maxima restart from 0.
/// </summary>
public static class AnnualRates
{
    public static void Apply(CellState s, VegetationConstants v)
    {
        if (v.Evergreen)
        {
            s.LeafLitterfallRate = s.AnnualMaxLeafC * v.LeafTurnover / 365.0;
            s.FrootLitterfallRate = s.AnnualMaxFrootC * v.LeafTurnover / 365.0;
            s.AnnualMaxLeafC = 0.0;
            s.AnnualMaxFrootC = 0.0;
        }
        else
        {
            s.LeafLitterfallRate = 0.0;
            s.FrootLitterfallRate = 0.0;
        }
        if (v.Woody)
        {
            s.LiveStemTurnoverRate = s.AnnualMaxLiveStemC * v.Epc.LiveWoodTurnover / 365.0;
            s.LiveCrootTurnoverRate = s.AnnualMaxLiveCrootC * v.Epc.LiveWoodTurnover / 365.0;
            s.AnnualMaxLiveStemC = 0.0;
            s.AnnualMaxLiveCrootC = 0.0;
        }
    }
}
