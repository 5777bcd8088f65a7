using CarbonSim.Model.Accounting;
using CarbonSim.Model.Kernel;
using LedgerYear = CarbonSim.Model.Accounting.CarbonYear;

namespace CarbonSim.Model.LandUse;

/// <summary>How a cell's year ended: its books, its wood products, and its new columns if it converted.</summary>
/// <param name="WoodProductC">[kgC m-2 of cell] Wood products at the year end.</param>
/// <param name="NewColumns">The new class's columns carrying the cell's carbon, or null when the cell kept its class.</param>
/// <param name="SealedSoilC">[kgC m-2 of cell] Sealed-soil stock at the year end (<see cref="SealedSoil"/>).</param>
public sealed record CellYearEnd(LedgerYear Books, double WoodProductC, KernelColumn[]? NewColumns, double SealedSoilC = 0);

/// <summary>
/// The end of one cell's year after the kernel has run it (where
/// Model.Engine.TileYear closes a cell, in the grains and in one process alike): wood products decay
/// (<see cref="CarbonLedger.CloseCellYear"/>); if the cell won a conversion, the rule moves its carbon and
/// <see cref="CellConversion.Convert"/> places what is carried into the new class's columns (started from
/// <paramref name="newEquilibrium"/>); carbon the new class cannot hold is booked to the atmosphere. The
/// books are checked (a broken balance throws <see cref="MassBalanceException"/>). New columns that receive
/// less vegetation than a seedling are planted (<paramref name="seedlings"/>), booked as establishment.
/// </summary>
public static class CellYearClose
{
    /// <param name="cell">Cell name for messages.</param>
    /// <param name="start">[kgC m-2 of cell] Pools at the start of the year.</param>
    /// <param name="afterKernel">[kgC m-2 of cell] Pools after the kernel year (wood products unchanged).</param>
    /// <param name="uptake">[kgC m-2 a-1 of cell] Net ecosystem uptake of the year (Σ cover × column NBP).</param>
    /// <param name="columns">The cell's columns after the kernel year.</param>
    /// <param name="rule">The conversion the cell won, or null.</param>
    /// <param name="newEquilibrium">Columns of the new class at their spin-up state (needed with a rule).</param>
    /// <param name="seedlings">Per new column, the seedling state a planted column starts from (<see cref="CellConversion"/>); null = no establishment.</param>
    /// <param name="woodHalfLifeYears">[a] Wood-product half-life.</param>
    public static CellYearEnd Close(string cell, int year, CarbonColumn start, CarbonColumn afterKernel, double uptake,
        IReadOnlyList<KernelColumn> columns, ConversionRule? rule, IReadOnlyList<KernelColumn>? newEquilibrium, double woodHalfLifeYears,
        IReadOnlyList<CellState>? seedlings = null)
    {
        var (end, books) = CarbonLedger.CloseCellYear(cell, year, start, afterKernel, uptake, rule, woodHalfLifeYears);
        KernelColumn[]? newColumns = null;
        if (rule is not null)
        {
            if (newEquilibrium is null) throw new ArgumentNullException(nameof(newEquilibrium), "a conversion needs the new class's columns");
            double area = start.AreaM2;
            double woodAfterDecay = afterKernel.WoodProductC - ConversionCarbon.WoodProductDecay(afterKernel.WoodProductC, woodHalfLifeYears);
            var conv = CellConversion.Convert(columns, woodAfterDecay, area, rule, newEquilibrium, seedlings, afterKernel.SealedSoilC);
            double held = conv.After.TotalPerM2 + conv.UncarriedC - conv.EstablishmentC;
            if (Math.Abs(held - end.TotalPerM2) > 1e-12 * Math.Max(1, Math.Abs(end.TotalPerM2)))
                throw new MassBalanceException("carbon (conversion into new columns)", $"cell {cell}", year, held - end.TotalPerM2,
                    $"ledger end {end.TotalPerM2:E6} kg m-2, new columns + uncarried {held:E6}");
            if (conv.UncarriedC != 0) // nothing in the new class can hold it: to the atmosphere
                books = books with { SoilToAtmosphereKg = books.SoilToAtmosphereKg + conv.UncarriedC * area, EndKg = books.EndKg - conv.UncarriedC * area };
            if (conv.EstablishmentC != 0) // seedlings planted on the new cover
                books = books with { EstablishmentKg = conv.EstablishmentC * area, EndKg = books.EndKg + conv.EstablishmentC * area };
            newColumns = conv.Columns;
        }
        books.Check($"cell {cell}");
        return new CellYearEnd(books, end.WoodProductC, newColumns, end.SealedSoilC);
    }
}
