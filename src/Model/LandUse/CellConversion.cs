using CarbonSim.Model.Kernel;

namespace CarbonSim.Model.LandUse;

/// <summary>One vegetated column of a cell: its share of the cell's area and its kernel state.</summary>
/// <param name="Fraction">[-] Share of the cell's area.</param>
public sealed record KernelColumn(double Fraction, CellState State);

/// <summary>Result of converting one cell's kernel columns to a new class.</summary>
/// <param name="Columns">The new class's columns, carrying the cell's carbon.</param>
/// <param name="Before">[kgC m-2 of cell] The cell's pools before the conversion.</param>
/// <param name="After">[kgC m-2 of cell] The pools after the conversion rule (what the new columns hold, plus wood products, minus <paramref name="UncarriedC"/>).</param>
/// <param name="UncarriedC">[kgC m-2 of cell] Carried carbon the new class has no column to hold (e.g. open water); the engine books it as an emission.</param>
/// <param name="EstablishmentC">[kgC m-2 of cell] Seedling carbon added where a new column received less vegetation than a seedling holds (planting; booked as an input).</param>
public sealed record CellConversionResult(KernelColumn[] Columns, CarbonColumn Before, CarbonColumn After, ConversionFluxes Fluxes, double UncarriedC,
    double EstablishmentC = 0);

/// <summary>
/// Carbon through a land-use conversion at the level of the process kernel's pools (docs/landuse.md §3).
/// The cell's columns map onto one <see cref="CarbonColumn"/> (vegetation = all plant C pools incl. storage,
/// transfer and CPool; litter = litter 1–4 + CWD; soil = soil 1–4; each as Σ fraction × column pool). The
/// conversion rule moves carbon (<see cref="ConversionCarbon.Convert"/>). The new class's columns start
/// from their spin-up (equilibrium) states, and each pool group of every new column is scaled by the same
/// factor so that the cell-level group totals equal what the rule carries. N pools of a group are scaled
/// with their C, keeping the equilibrium C:N. Water, mineral N and phenology memory come from the equilibrium.
/// If the new cover has no pool of a group at equilibrium, the carried carbon goes to the next group
/// (vegetation → litter → soil); if the class has no vegetated column at all, it is returned as
/// <see cref="CellConversionResult.UncarriedC"/>. Sealed shares are not modelled as columns: soil under a newly
/// sealed share goes to the cell's sealed-soil stock (<see cref="SealedSoil"/>, carried in
/// <see cref="CarbonColumn.SealedSoilC"/> and not in any column), and sealed soil released by a falling sealed
/// share joins the columns' soil.
/// <para>Establishment: a new column that receives less vegetation carbon than a seedling of its type
/// holds (given as <c>seedlings</c>, e.g. <see cref="Kernel.StandHistory.ClearPlant"/> of its spin-up: the
/// BIOME-BGC first-year state, 0.001 kgC m-2 of leaf) is planted: its plant pools become the seedling's,
/// and the carbon this adds is reported as <see cref="CellConversionResult.EstablishmentC"/>. Without it a
/// rule that carries no vegetation (clearing to the atmosphere or to litter) would leave the new cover with
/// no leaves and no storage, so it could never grow.</para>
/// </summary>
public static class CellConversion
{
    /// <summary>[kgC m-2 of cell] The cell's pools from its columns.</summary>
    public static CarbonColumn CellColumn(IReadOnlyList<KernelColumn> columns, double woodProductC, double areaM2)
    {
        double v = 0, l = 0, s = 0;
        foreach (var c in columns)
        {
            v += c.Fraction * c.State.VegetationC;
            l += c.Fraction * c.State.LitterC;
            s += c.Fraction * c.State.SoilC;
        }
        return new CarbonColumn(v, l, s, woodProductC, areaM2);
    }

    /// <param name="seedlings">Per new column, the state whose plant pools a planted column starts from; null = no establishment.</param>
    /// <param name="sealedSoilC">[kgC m-2 of cell] The cell's sealed-soil stock before the conversion.</param>
    public static CellConversionResult Convert(IReadOnlyList<KernelColumn> old, double woodProductC, double areaM2,
        ConversionRule rule, IReadOnlyList<KernelColumn> newEquilibrium, IReadOnlyList<CellState>? seedlings = null, double sealedSoilC = 0)
    {
        if (seedlings is not null && seedlings.Count != newEquilibrium.Count)
            throw new ArgumentException($"{seedlings.Count} seedlings for {newEquilibrium.Count} new columns", nameof(seedlings));
        foreach (var c in old.Concat(newEquilibrium))
            if (!(c.Fraction >= 0 && c.Fraction <= 1))
                throw new InvalidInputException("conversion", "column fraction", c.Fraction.ToString("R"), "a share in [0, 1]");
        var before = CellColumn(old, woodProductC, areaM2) with { SealedSoilC = sealedSoilC };
        var (after, fluxes) = ConversionCarbon.Convert(before, rule);
        var cols = newEquilibrium.Select(c => new KernelColumn(c.Fraction, c.State.Clone())).ToArray();

        double[] target = [after.VegC, after.LitterC, after.SoilC];
        double uncarried = 0;
        for (int g = 0; g < 3; g++)
        {
            double have = 0;
            foreach (var c in cols) have += c.Fraction * Group(c.State, g);
            if (have > 0)
            {
                double f = target[g] / have;
                foreach (var c in cols) ScaleGroup(c.State, g, f);
            }
            else
            {
                foreach (var c in cols) ScaleGroup(c.State, g, 0);
                if (g < 2) target[g + 1] += target[g];
                else uncarried = target[g];
            }
        }
        double established = 0;
        if (seedlings is not null)
            for (int j = 0; j < cols.Length; j++)
            {
                double have = cols[j].State.VegetationC, seed = seedlings[j].VegetationC;
                if (!(have < seed)) continue;
                established += cols[j].Fraction * (seed - have);
                cols[j] = cols[j] with { State = Kernel.StandHistory.WithPlantOf(cols[j].State, seedlings[j]) };
            }
        var held = CellColumn(cols, after.WoodProductC, areaM2) with { SealedSoilC = after.SealedSoilC };
        return new CellConversionResult(cols, before, held, fluxes, uncarried, established);
    }

    /// <summary>[kgC m-2 of column] Group g of a column: 0 vegetation, 1 litter (incl. CWD), 2 soil.</summary>
    public static double Group(CellState s, int g) => g switch { 0 => s.VegetationC, 1 => s.LitterC, _ => s.SoilC };

    /// <summary>Multiplies every C pool of group g (and the N pools that go with them) by f.</summary>
    public static void ScaleGroup(CellState s, int g, double f)
    {
        switch (g)
        {
            case 0:
                s.LeafC *= f; s.LeafStorageC *= f; s.LeafTransferC *= f; s.FrootC *= f; s.FrootStorageC *= f; s.FrootTransferC *= f;
                s.LiveStemC *= f; s.LiveStemStorageC *= f; s.LiveStemTransferC *= f; s.DeadStemC *= f; s.DeadStemStorageC *= f; s.DeadStemTransferC *= f;
                s.LiveCrootC *= f; s.LiveCrootStorageC *= f; s.LiveCrootTransferC *= f; s.DeadCrootC *= f; s.DeadCrootStorageC *= f; s.DeadCrootTransferC *= f;
                s.GrowthRespStorageC *= f; s.GrowthRespTransferC *= f; s.CPool *= f;
                s.LeafN *= f; s.LeafStorageN *= f; s.LeafTransferN *= f; s.FrootN *= f; s.FrootStorageN *= f; s.FrootTransferN *= f;
                s.LiveStemN *= f; s.LiveStemStorageN *= f; s.LiveStemTransferN *= f; s.DeadStemN *= f; s.DeadStemStorageN *= f; s.DeadStemTransferN *= f;
                s.LiveCrootN *= f; s.LiveCrootStorageN *= f; s.LiveCrootTransferN *= f; s.DeadCrootN *= f; s.DeadCrootStorageN *= f; s.DeadCrootTransferN *= f;
                s.RetransN *= f; s.NPool *= f;
                break;
            case 1:
                s.CwdC *= f; s.Litter1C *= f; s.Litter2C *= f; s.Litter3C *= f; s.Litter4C *= f;
                s.CwdN *= f; s.Litter1N *= f; s.Litter2N *= f; s.Litter3N *= f; s.Litter4N *= f;
                break;
            default:
                s.Soil1C *= f; s.Soil2C *= f; s.Soil3C *= f; s.Soil4C *= f;
                s.Soil1N *= f; s.Soil2N *= f; s.Soil3N *= f; s.Soil4N *= f;
                break;
        }
    }
}
