using CarbonSim.Model.Parameters;

namespace CarbonSim.Model.Kernel;

/// <summary>
/// Constants derived once from <see cref="EcophysParameters"/>: daily mortality rates, the
/// shielded/unshielded cellulose split of each litter type (from the lignin:cellulose ratio), the
/// effective turnover (forced to 1 for deciduous types) and the allocation allometry.
/// </summary>
public sealed class VegetationConstants
{
    public EcophysParameters Epc { get; }
    public readonly bool Woody, Evergreen, C3;
    /// <summary>[a-1] Leaf and fine-root turnover (1 for deciduous types).</summary>
    public readonly double LeafTurnover;
    /// <summary>[d-1] Whole-plant mortality rate.</summary>
    public readonly double DailyMortality;
    /// <summary>[d-1] Fire mortality rate.</summary>
    public readonly double DailyFire;
    /// <summary>[-] Leaf litter: labile, unshielded cellulose, shielded cellulose, lignin.</summary>
    public readonly double LeafLab, LeafUcel, LeafScel, LeafLig;
    /// <summary>[-] Fine-root litter fractions.</summary>
    public readonly double FrootLab, FrootUcel, FrootScel, FrootLig;
    /// <summary>[-] Dead wood fractions.</summary>
    public readonly double WoodUcel, WoodScel, WoodLig;
    /// <summary>[kgC kgC-1] C needed per unit new leaf C (incl. growth respiration).</summary>
    public readonly double CAllometry;
    /// <summary>[kgN kgC-1] N needed per unit new leaf C.</summary>
    public readonly double NAllometry;

    public VegetationConstants(EcophysParameters e)
    {
        Epc = e;
        Woody = e.Woody; Evergreen = e.Evergreen; C3 = e.C3;
        LeafTurnover = e.Evergreen ? e.LeafFineRootTurnover : 1.0;
        DailyMortality = e.WholePlantMortality / KernelConstants.DaysPerYear;
        DailyFire = e.FireMortality / KernelConstants.DaysPerYear;
        LeafLab = e.LeafLitterLabile; LeafLig = e.LeafLitterLignin;
        (LeafUcel, LeafScel) = SplitCellulose(e.LeafLitterCellulose, e.LeafLitterLignin);
        FrootLab = e.FrootLabile; FrootLig = e.FrootLignin;
        (FrootUcel, FrootScel) = SplitCellulose(e.FrootCellulose, e.FrootLignin);
        WoodLig = e.DeadWoodLignin;
        (WoodUcel, WoodScel) = SplitCellulose(e.DeadWoodCellulose, e.DeadWoodLignin);

        double g1 = KernelConstants.GrowthRespFraction;
        double f1 = e.AllocFrootLeaf, f2 = e.AllocCrootStem, f3 = e.AllocStemLeaf, f4 = e.AllocLiveTotalWood;
        if (e.Woody)
        {
            CAllometry = (1.0 + g1) * (1.0 + f1 + f3 * (1.0 + f2));
            NAllometry = 1.0 / e.LeafCn + f1 / e.FrootCn + f3 * f4 * (1.0 + f2) / e.LiveWoodCn + f3 * (1.0 - f4) * (1.0 + f2) / e.DeadWoodCn;
        }
        else
        {
            CAllometry = 1.0 + g1 + f1 + f1 * g1;
            NAllometry = 1.0 / e.LeafCn + f1 / e.FrootCn;
        }
    }

    /// <summary>
    /// Splits cellulose into (unshielded, shielded) from the lignin:cellulose ratio r: r ≤ 0.45 → all
    /// unshielded; 0.45 &lt; r &lt; 0.7 → shielded share 3.2 (r − 0.45); r ≥ 0.7 → 80 % shielded
    /// (BIOME-BGC 4.2 epc initialisation).
    /// </summary>
    public static (double Unshielded, double Shielded) SplitCellulose(double cellulose, double lignin)
    {
        if (cellulose <= 0) return (0.0, 0.0);
        double r = lignin / cellulose;
        if (r <= 0.45) return (cellulose, 0.0);
        if (r < 0.7)
        {
            double s = (r - 0.45) * 3.2;
            return ((1.0 - s) * cellulose, s * cellulose);
        }
        return (0.2 * cellulose, 0.8 * cellulose);
    }
}
