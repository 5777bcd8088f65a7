
namespace CarbonSim.Model.Engine;

/// <summary>
/// Internal consistency of a <see cref="RunSpec"/> (lengths and indices agree). The scenario's
/// content is validated earlier, at the edge; this guards the engine against a malformed spec.
/// </summary>
public static class RunSpecCheck
{
    /// <summary>Throws <see cref="ArgumentException"/> naming the first inconsistency.</summary>
    public static void Validate(RunSpec s)
    {
        void Require(bool ok, string message) { if (!ok) throw new ArgumentException($"run spec: {message}"); }
        int years = s.YearCount;
        Require(years >= 1, $"last year {s.LastYear} is before first year {s.FirstYear}");
        Require(s.TileSize >= 1, $"tile size {s.TileSize} must be at least 1");
        Require(s.Co2ByYear.Length == years, $"Co2ByYear has {s.Co2ByYear.Length} values, the run has {years} years");
        Require(s.NDepositionByYear.Length == years, $"NDepositionByYear has {s.NDepositionByYear.Length} values, the run has {years} years");
        Require(s.CityIds.Length == s.CityNames.Length, "CityIds and CityNames differ in length");
        var c = s.Cells;
        Require(c is not null && c.Count > 0, "no cells");
        int n = c!.Count;
        Require(c.Col.Length == n && c.City.Length == n && c.AreaM2.Length == n && c.Climate.Length == n
                && c.Site.Length == n && c.LandUse.Length == n && c.ColumnStart.Length == n + 1,
            "cell arrays differ in length");
        Require(c.ColumnStart[0] == 0 && c.ColumnStart[n] == c.ColumnVegetation.Length && c.ColumnFraction.Length == c.ColumnVegetation.Length,
            "column arrays do not match ColumnStart");
        for (int i = 0; i < n; i++)
        {
            Require(c.Row[i] >= 0 && c.Row[i] < s.GridRows && c.Col[i] >= 0 && c.Col[i] < s.GridCols, $"cell {i} lies outside the {s.GridRows}×{s.GridCols} grid");
            Require(c.City[i] >= 0 && c.City[i] < s.CityIds.Length, $"cell {i} names city {c.City[i]}");
            Require(c.Climate[i] >= 0 && c.Climate[i] < s.Climates.Length, $"cell {i} names climate {c.Climate[i]}");
            Require(c.Site[i] >= 0 && c.Site[i] < s.Sites.Length, $"cell {i} names site {c.Site[i]}");
            Require(c.AreaM2[i] >= 0 && double.IsFinite(c.AreaM2[i]), $"cell {i} has area {c.AreaM2[i]} m2");
            Require(c.ColumnStart[i + 1] >= c.ColumnStart[i], $"cell {i} has a negative column count");
            double cover = 0;
            for (int k = c.ColumnStart[i]; k < c.ColumnStart[i + 1]; k++)
            {
                Require(c.ColumnVegetation[k] >= 0 && c.ColumnVegetation[k] < s.VegetationTypes.Length, $"column {k} names vegetation type {c.ColumnVegetation[k]}");
                Require(c.ColumnFraction[k] >= 0, $"column {k} has cover {c.ColumnFraction[k]}");
                cover += c.ColumnFraction[k];
            }
            Require(cover <= 1 + 1e-9, $"cell {i} columns cover {cover} of it (more than 1)");
        }
        Require(c.ColumnClearingYear.Length == 0 || c.ColumnClearingYear.Length == c.ColumnVegetation.Length, "ColumnClearingYear does not match the columns");
        if (s.HistoryStartYear != 0)
        {
            int h = s.FirstYear - s.HistoryStartYear;
            Require(h >= 1, $"history start {s.HistoryStartYear} is not before the first year {s.FirstYear}");
            Require(s.HistoryCo2ByYear.Length == h && s.HistoryNDepositionByYear.Length == h,
                $"history {s.HistoryStartYear}–{s.FirstYear - 1} has {h} years but {s.HistoryCo2ByYear.Length} CO2 and {s.HistoryNDepositionByYear.Length} N deposition values");
            Require(s.SpinupStandAgeYears == 0, "a run with a history clears stands by cohort (ColumnClearingYear), not by SpinupStandAgeYears");
        }
        else Require(c.ColumnClearingYear.All(y => y == 0), "clearing years need a history (HistoryStartYear)");
        foreach (int y in s.CellOutputYears)
            Require(y >= s.FirstYear && y <= s.LastYear, $"cell output year {y} is outside {s.FirstYear}–{s.LastYear}");
    }
}
