namespace CarbonSim.Model.Kernel;

/// <summary>
/// The historical transient between the equilibrium spin-up and the first simulated year: the
/// equilibrium (reached under the forcing of the history's first year) is stepped one calendar year at
/// a time from <see cref="HistoryForcing.StartYear"/> to <see cref="HistoryForcing.FirstYear"/> − 1
/// with that year's CO2 and N deposition, so the first simulated year starts from a state that has seen
/// the rise of both instead of a jump from pre-industrial values. A woody stand may be cleared once
/// (stand-replacing harvest, <see cref="StandHistory.ClearPlant"/>: the plant C and N leave the cell as
/// harvest export and the balance stays closed) at the start of its clearing year and regrows under the
/// historical forcing from then on.
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
        history.Check();
        var s = equilibrium.Clone();
        for (int i = 0; i < history.YearCount; i++)
        {
            int y = history.StartYear + i;
            if (y == clearingYear && model.Ecophys.Woody) s = StandHistory.ClearPlant(model, s);
            var summary = model.RunYear(s, MetYearOf(y, history.FirstYear, model.MetYears), new YearForcing(history.Co2Ppm[i], history.NDeposition[i], CalendarYear: y));
            year?.Invoke(y, summary);
        }
        return s;
    }
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
