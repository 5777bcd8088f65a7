namespace CarbonSim.Model.Kernel;

/// <summary>
/// The historical transient between the equilibrium spin-up and the first simulated year: the
/// equilibrium (reached under the forcing of the history's first year) is stepped one calendar year at
/// a time from <see cref="HistoryForcing.StartYear"/> to <see cref="HistoryForcing.FirstYear"/> − 1
/// with that year's CO2 and N deposition, so the first simulated year starts from a state that has seen
/// the rise of both instead of a jump from pre-industrial values. A woody stand may be cleared once
/// (stand-replacing harvest, <see cref="StandHistory.ClearPlant"/>: the plant C and N leave the cell as
/// harvest export and the balance stays closed) at the start of its clearing year and regrows under the
/// historical forcing from then on; the cleared plant C is that year's <see cref="AnnualSummary.WoodHarvestC"/> and is
/// subtracted from its NBP, so a history year's NBP is its stock change.
/// </summary>
public static class TransientHistory
{
    /// <summary>No clearing: the stand is not disturbed during the history (old growth).</summary>
    public const int NoClearing = 0;

    /// <summary>
    /// The met year a calendar year uses: the record cycled from the first simulated year (met year 0),
    /// the same rule the scenario years use, extended backwards.
    /// </summary>
    public static int MetYearOf(int year, int firstYear, int metYears) => (((year - firstYear) % metYears) + metYears) % metYears;

    /// <summary>
    /// Steps a copy of <paramref name="equilibrium"/> (not modified) through the history and returns the
    /// state at the end of <see cref="HistoryForcing.FirstYear"/> − 1. <paramref name="year"/> is called
    /// after each year with its calendar year and summary. <paramref name="clearingYear"/>: calendar year
    /// at whose start a woody stand is cleared (<see cref="NoClearing"/> or a year outside the history =
    /// none; non-woody vegetation is never cleared).
    /// </summary>
    public static CellState Run(CellModel model, CellState equilibrium, HistoryForcing history, int clearingYear,
        Action<int, AnnualSummary>? year = null)
    {
        var states = RunCohort(model, equilibrium, history, [clearingYear],
            year, year is null ? null : (y, _, a) => year(y, a));
        return states[0];
    }

    /// <summary>
    /// The clearing years of the sub-cohorts a cohort column cleared in <paramref name="clearingYear"/> stands for with a spread of
    /// <paramref name="spreadYears"/>: every 2 years from <paramref name="clearingYear"/> − <paramref name="spreadYears"/> to
    /// + <paramref name="spreadYears"/> (<paramref name="spreadYears"/> + 1 years, symmetric about the clearing year, so the mean age is
    /// the cohort's); just <paramref name="clearingYear"/> with no spread or no clearing.
    /// </summary>
    public static int[] ClearingYears(int clearingYear, int spreadYears)
    {
        if (spreadYears < 0) throw new ArgumentOutOfRangeException(nameof(spreadYears), spreadYears, "a spread of 0 or more years");
        if (clearingYear == NoClearing || spreadYears == 0) return [clearingYear];
        var years = new int[spreadYears + 1];
        for (int k = 0; k <= spreadYears; k++) years[k] = clearingYear - spreadYears + 2 * k;
        return years;
    }

    /// <summary>
    /// A cohort column cleared over a window of years: the history of each sub-cohort of <paramref name="clearingYears"/> (ascending)
    /// from <paramref name="equilibrium"/> (not modified), stepped once up to the first clearing year (all sub-cohorts are the same
    /// until then) and then one by one. Returns the states at the end of the history, index-aligned with
    /// <paramref name="clearingYears"/>. <paramref name="shared"/> is called for each year before the first clearing,
    /// <paramref name="member"/> with the sub-cohort index for each later year. With one clearing year this is <see cref="Run"/>.
    /// </summary>
    public static CellState[] RunCohort(CellModel model, CellState equilibrium, HistoryForcing history, IReadOnlyList<int> clearingYears,
        Action<int, AnnualSummary>? shared = null, Action<int, int, AnnualSummary>? member = null)
    {
        history.Check();
        if (clearingYears.Count == 0) throw new ArgumentException("a cohort needs at least one clearing year");
        for (int k = 1; k < clearingYears.Count; k++)
            if (clearingYears[k] <= clearingYears[k - 1]) throw new ArgumentException($"clearing years must ascend: {string.Join(", ", clearingYears)}");
        int first = clearingYears[0];
        // years before the first clearing (or every year if no sub-cohort is cleared inside the history) are shared
        bool anyInside = clearingYears.Any(y => y >= history.StartYear && y < history.FirstYear);
        int split = anyInside && model.Ecophys.Woody ? Math.Max(first, history.StartYear) : history.FirstYear;
        var s = equilibrium.Clone();
        for (int y = history.StartYear; y < split; y++)
        {
            var summary = model.RunYear(s, MetYearOf(y, history.FirstYear, model.MetYears), Forcing(history, y));
            shared?.Invoke(y, summary);
        }
        if (split == history.FirstYear) return [.. clearingYears.Select(_ => s.Clone())];
        var states = new CellState[clearingYears.Count];
        for (int k = 0; k < clearingYears.Count; k++)
        {
            var m = s.Clone();
            for (int y = split; y < history.FirstYear; y++)
            {
                double clearedC = 0.0, clearedN = 0.0;
                if (y == clearingYears[k])
                {
                    var cleared = StandHistory.ClearPlant(model, m);
                    clearedC = cleared.CumCarbonOut - m.CumCarbonOut; clearedN = cleared.CumNitrogenOut - m.CumNitrogenOut;
                    m = cleared;
                }
                var summary = model.RunYear(m, MetYearOf(y, history.FirstYear, model.MetYears), Forcing(history, y));
                if (clearedC != 0.0)   // the cleared plant C left the cell as harvest this year: NBP is the year's stock change
                {
                    summary.WoodHarvestC += clearedC; summary.WoodHarvestN += clearedN;
                    summary.Nbp -= clearedC;
                }
                member?.Invoke(y, k, summary);
            }
            states[k] = m;
        }
        return states;
    }

    static YearForcing Forcing(HistoryForcing h, int year) => new(h.Co2Ppm[year - h.StartYear], h.NDeposition[year - h.StartYear], CalendarYear: year);
}

/// <summary>
/// Annual forcing of the history years <see cref="StartYear"/> .. <see cref="FirstYear"/> − 1.
/// </summary>
/// <param name="StartYear">[a] First history year (the spin-up is at its forcing).</param>
/// <param name="FirstYear">[a] First simulated year of the run (the history ends the year before; met years are cycled from it).</param>
/// <param name="Co2Ppm">[ppm] CO2 of each history year, index 0 = <paramref name="StartYear"/>.</param>
/// <param name="NDeposition">[kgN m-2 a-1] N deposition of each history year, index 0 = <paramref name="StartYear"/>.</param>
public sealed record HistoryForcing(int StartYear, int FirstYear, double[] Co2Ppm, double[] NDeposition)
{
    /// <summary>[a] Number of history years.</summary>
    public int YearCount => FirstYear - StartYear;

    /// <summary>Throws <see cref="ArgumentException"/> if the arrays do not cover the years or hold a bad value.</summary>
    public void Check()
    {
        if (YearCount < 1) throw new ArgumentException($"history start {StartYear} is not before the first year {FirstYear}");
        if (Co2Ppm.Length != YearCount || NDeposition.Length != YearCount)
            throw new ArgumentException($"history {StartYear}–{FirstYear - 1} has {YearCount} years but {Co2Ppm.Length} CO2 and {NDeposition.Length} N deposition values");
        for (int i = 0; i < YearCount; i++)
            if (!(Co2Ppm[i] > 0) || !double.IsFinite(Co2Ppm[i]) || !(NDeposition[i] >= 0) || !double.IsFinite(NDeposition[i]))
                throw new ArgumentException($"history year {StartYear + i}: CO2 {Co2Ppm[i]} ppm, N deposition {NDeposition[i]} kgN m-2 a-1");
    }
}
