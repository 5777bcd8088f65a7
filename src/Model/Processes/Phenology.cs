using CarbonSim.Model.Kernel;

namespace CarbonSim.Model.Processes;

/// <summary>
/// Phenology fluxes (science notes §1 step 4): transfer growth from transfer pools, leaf and
/// fine-root litterfall with N retranslocation, and live → dead wood turnover.
/// </summary>
public static class Phenology
{
    /// <summary>Fills transfer, litterfall and turnover fluxes for today.</summary>
    public static void Compute(CellState s, VegetationConstants v, int remainingTransferDays, int remainingLitterfallDays, ref DailyFluxes f)
    {
        f.NextLeafLitterfallRate = double.NaN;
        f.NextFrootLitterfallRate = double.NaN;
        if (remainingTransferDays > 0)
        {
            // evergreen: even rate that empties the pools over the period;
            // deciduous: linearly declining rate reaching 0 on the last transfer day (2·pool/ndays).
            double k = (v.Evergreen ? 1.0 : 2.0) / remainingTransferDays;
            f.LeafTransferToLeafC = k * s.LeafTransferC; f.LeafTransferToLeafN = k * s.LeafTransferN;
            f.FrootTransferToFrootC = k * s.FrootTransferC; f.FrootTransferToFrootN = k * s.FrootTransferN;
            if (v.Woody)
            {
                f.LiveStemTransferToLiveStemC = k * s.LiveStemTransferC; f.LiveStemTransferToLiveStemN = k * s.LiveStemTransferN;
                f.DeadStemTransferToDeadStemC = k * s.DeadStemTransferC; f.DeadStemTransferToDeadStemN = k * s.DeadStemTransferN;
                f.LiveCrootTransferToLiveCrootC = k * s.LiveCrootTransferC; f.LiveCrootTransferToLiveCrootN = k * s.LiveCrootTransferN;
                f.DeadCrootTransferToDeadCrootC = k * s.DeadCrootTransferC; f.DeadCrootTransferToDeadCrootN = k * s.DeadCrootTransferN;
            }
        }

        if (v.Evergreen)
        {
            LeafLitterfall(Math.Min(s.LeafLitterfallRate, s.LeafC), v, ref f);
            FrootLitterfall(Math.Min(s.FrootLitterfallRate, s.FrootC), v, ref f);
        }
        else if (remainingLitterfallDays > 0)
        {
            double leafFall, frootFall;
            double nd = remainingLitterfallDays;
            if (remainingLitterfallDays == 1)
            {
                leafFall = s.LeafC; frootFall = s.FrootC;  // last day: empty the pools
            }
            else
            {
                // ramp whose rate rises linearly from 0 so that the pool is empty at the end
                leafFall = s.LeafLitterfallRate;
                f.NextLeafLitterfallRate = s.LeafLitterfallRate + 2.0 * (s.LeafC - leafFall * nd) / (nd * nd);
                frootFall = s.FrootLitterfallRate;
                f.NextFrootLitterfallRate = s.FrootLitterfallRate + 2.0 * (s.FrootC - frootFall * nd) / (nd * nd);
            }
            if (leafFall > s.LeafC) leafFall = s.LeafC;
            if (leafFall != 0) LeafLitterfall(leafFall, v, ref f);
            if (frootFall > s.FrootC) frootFall = s.FrootC;
            if (frootFall != 0) FrootLitterfall(frootFall, v, ref f);
        }

        if (v.Woody)
        {
            double lwCn = v.Epc.LiveWoodCn, dwCn = v.Epc.DeadWoodCn;
            double c = s.LiveStemTurnoverRate, n = c / lwCn;
            if (c > s.LiveStemC) c = s.LiveStemC;
            if (n > s.LiveStemN) n = s.LiveStemN;
            if (c != 0 && n != 0)
            {
                f.LiveStemToDeadStemC = c;
                f.LiveStemToDeadStemN = c / dwCn;
                f.LiveStemToRetransN = n - f.LiveStemToDeadStemN;
            }
            c = s.LiveCrootTurnoverRate; n = c / lwCn;
            if (c > s.LiveCrootC) c = s.LiveCrootC;
            if (n > s.LiveCrootN) n = s.LiveCrootN;
            if (c != 0 && n != 0)
            {
                f.LiveCrootToDeadCrootC = c;
                f.LiveCrootToDeadCrootN = c / dwCn;
                f.LiveCrootToRetransN = n - f.LiveCrootToDeadCrootN;
            }
        }
    }

    /// <summary>Leaf litterfall of C amount <paramref name="c"/>: litter N at leaf-litter C:N, the rest of leaf N retranslocated.</summary>
    private static void LeafLitterfall(double c, VegetationConstants v, ref DailyFluxes f)
    {
        double n = c / v.Epc.LeafLitterCn;
        f.LeafToLitter1C = c * v.LeafLab; f.LeafToLitter1N = n * v.LeafLab;
        f.LeafToLitter2C = c * v.LeafUcel; f.LeafToLitter2N = n * v.LeafUcel;
        f.LeafToLitter3C = c * v.LeafScel; f.LeafToLitter3N = n * v.LeafScel;
        f.LeafToLitter4C = c * v.LeafLig; f.LeafToLitter4N = n * v.LeafLig;
        f.LeafToRetransN = c / v.Epc.LeafCn - n;
    }

    /// <summary>Fine-root litterfall of C amount <paramref name="c"/> at fine-root C:N (no retranslocation).</summary>
    private static void FrootLitterfall(double c, VegetationConstants v, ref DailyFluxes f)
    {
        double cn = v.Epc.FrootCn;
        f.FrootToLitter1C = c * v.FrootLab; f.FrootToLitter1N = f.FrootToLitter1C / cn;
        f.FrootToLitter2C = c * v.FrootUcel; f.FrootToLitter2N = f.FrootToLitter2C / cn;
        f.FrootToLitter3C = c * v.FrootScel; f.FrootToLitter3N = f.FrootToLitter3C / cn;
        f.FrootToLitter4C = c * v.FrootLig; f.FrootToLitter4N = f.FrootToLitter4C / cn;
    }
}
