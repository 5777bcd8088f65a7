namespace CarbonSim.Model.Output;

/// <summary>Where the engine's number lies relative to a reference range, or why there is none.</summary>
public enum ValidationStatus { Within, Below, Above, NotModelledYet, NoArea }

/// <summary>
/// One reference row next to the engine's number.
/// </summary>
/// <param name="Reference">The reference row.</param>
/// <param name="EngineFirstYear">[a] First simulated year averaged (0 when not compared).</param>
/// <param name="EngineLastYear">[a] Last simulated year averaged.</param>
/// <param name="YearMatch"><c>overlap</c> (the simulated years inside the reference period), <c>nearest</c> (the period lies outside the run: the as many simulated years closest to it), or empty.</param>
/// <param name="Engine">[Reference.Variable.Unit] The engine's value, NaN when not compared.</param>
/// <param name="Status">Within, below, above, not modelled yet, or no area of the class in the scope.</param>
/// <param name="MissPct">[%] Distance to the nearest bound relative to that bound (0 within, NaN when not compared).</param>
/// <param name="AreaKm2">[km2] Area the engine's value covers (mean over the years), NaN when not compared.</param>
public sealed record ValidationRow(ReferenceRow Reference, int EngineFirstYear, int EngineLastYear, string YearMatch,
    double Engine, ValidationStatus Status, double MissPct, double AreaKm2)
{
    /// <summary>"2020-2034", or empty when not compared.</summary>
    public string EngineYears => EngineFirstYear == 0 ? "" : EngineFirstYear == EngineLastYear ? $"{EngineFirstYear}" : $"{EngineFirstYear}-{EngineLastYear}";

    /// <summary>Status as written: within, below, above, not_modelled_yet, no_area.</summary>
    public string StatusText => Status switch
    {
        ValidationStatus.Within => "within", ValidationStatus.Below => "below", ValidationStatus.Above => "above",
        ValidationStatus.NotModelledYet => "not_modelled_yet", _ => "no_area",
    };

    /// <summary>True when an engine value was placed against the range.</summary>
    public bool Compared => Status is ValidationStatus.Within or ValidationStatus.Below or ValidationStatus.Above;
}

/// <summary>
/// Puts every row of a run's references (<see cref="RunResults.References"/>) next to the engine's number for the
/// same scope, class, variable and years:
/// <list type="bullet">
/// <item>scope and class select rows: class <c>*</c> takes the city rows (or the region row), a class name the class rows
/// (<see cref="RunResults.ClassYears"/>) of the named cities (or the region's);</item>
/// <item>per year, densities and fluxes are area-weighted means over the selected rows, stocks their sum, area_pct the
/// class's area over the scope's area; then the mean over the years;</item>
/// <item>years: the simulated years inside the reference period; if none, the as many simulated years nearest to it
/// (the first ones for an observation before the run, the last ones after it), marked <c>nearest</c>.</item>
/// </list>
/// Trends (<c>soilc_trend_gC_m2_yr</c>) are the least-squares slope of the yearly density over those years; yields
/// (<c>yield_t_ha</c>) are the row's crop's fresh grain over its area in the scope (<see cref="CropYear.Over"/>), a mean over the years.
/// Variables without an engine counterpart are listed as not modelled yet; a class absent from the scope as no_area.
/// </summary>
public static class Validation
{
    /// <summary>One row per reference row in file order; empty when the run has no references.</summary>
    public static IReadOnlyList<ValidationRow> Evaluate(RunResults r)
    {
        if (r.References is not { } refs) return [];
        return refs.Rows.Select(row => Evaluate(r, row)).ToList();
    }

    /// <summary>The engine's number for one reference row.</summary>
    public static ValidationRow Evaluate(RunResults r, ReferenceRow row)
    {
        var v = row.Variable;
        if (v.Kind == ReferenceKind.NotModelled)
            return new ValidationRow(row, 0, 0, "", double.NaN, ValidationStatus.NotModelledYet, double.NaN, double.NaN);
        var (years, match) = YearsFor(r.Years, row.FirstYear, row.LastYear);
        double sum = 0, areaSum = 0;
        var values = new double[years.Count];
        for (int i = 0; i < years.Count; i++)
        {
            var (value, area) = ValueIn(r, row, years[i]);
            if (area <= 0) return new ValidationRow(row, years[0], years[^1], match, double.NaN, ValidationStatus.NoArea, double.NaN, 0);
            sum += value; areaSum += area; values[i] = value;
        }
        double engine = v.Kind == ReferenceKind.Trend ? Slope(years, values) : sum / years.Count;
        if (!double.IsFinite(engine))   // a trend over a one-year run
            return new ValidationRow(row, years[0], years[^1], match, double.NaN, ValidationStatus.NotModelledYet, double.NaN, double.NaN);
        var (status, miss) = engine < row.Low ? (ValidationStatus.Below, 100 * (row.Low - engine) / Math.Abs(row.Low))
            : engine > row.High ? (ValidationStatus.Above, 100 * (engine - row.High) / Math.Abs(row.High))
            : (ValidationStatus.Within, 0.0);
        return new ValidationRow(row, years[0], years[^1], match, engine, status, miss, OutputUnits.ToKm2(areaSum / years.Count));
    }

    /// <summary>[unit a-1] Least-squares slope of <paramref name="values"/> over <paramref name="years"/> (NaN for fewer than two years).</summary>
    public static double Slope(IReadOnlyList<int> years, IReadOnlyList<double> values)
    {
        int n = years.Count;
        if (n < 2) return double.NaN;
        double mx = years.Average(), my = values.Average(), sxy = 0, sxx = 0;
        for (int i = 0; i < n; i++) { sxy += (years[i] - mx) * (values[i] - my); sxx += (years[i] - mx) * (years[i] - mx); }
        return sxy / sxx;
    }

    /// <summary>The simulated years compared with a reference period and how they were matched.</summary>
    public static (IReadOnlyList<int> Years, string Match) YearsFor(IReadOnlyList<int> run, int first, int last)
    {
        var inside = run.Where(y => y >= first && y <= last).ToList();
        if (inside.Count > 0) return (inside, "overlap");
        int n = Math.Min(last - first + 1, run.Count);
        return (last < run[0] ? run.Take(n).ToList() : run.Skip(run.Count - n).ToList(), "nearest");
    }

    /// <summary>[unit of the variable] The value for one year and the area [m2] it covers (0 when the scope holds no cell of the class).</summary>
    static (double Value, double AreaM2) ValueIn(RunResults r, ReferenceRow row, int year)
    {
        var v = row.Variable;
        if (v.Kind == ReferenceKind.Yield) return CropYear.Over(r.CropYears, row.CityIds, row.Crop, year);
        IReadOnlyList<AreaCarbonYear> scope = row.CityIds.Count == 0
            ? [r.RegionRow(year)!]
            : row.CityIds.Select(id => (AreaCarbonYear)r.Row(id, year)!).ToList();
        double scopeArea = scope.Sum(s => s.AreaM2);
        IReadOnlyList<AreaCarbonYear> selected = row.Class == ReferenceRow.AnyClass ? scope
            : r.ClassYears.Where(c => c.Year == year && c.Class == row.Class
                && (row.CityIds.Count == 0 ? c.CityId == ClassYear.RegionId : row.CityIds.Contains(c.CityId))).ToList();
        double area = selected.Sum(s => s.AreaM2);
        if (area <= 0) return (double.NaN, 0);
        double value = v.Kind switch
        {
            ReferenceKind.Stock => selected.Sum(s => v.Value!(s)),
            ReferenceKind.AreaShare => 100 * area / scopeArea,
            _ => selected.Sum(s => v.Value!(s) * s.AreaM2) / area,
        };
        return (value, area);
    }

    /// <summary>"12 of 20 compared rows within; 3 not modelled yet" and the worst misses, for the console and the report.</summary>
    public static string Summary(IReadOnlyList<ValidationRow> rows, int worst = 3)
    {
        var compared = rows.Where(x => x.Compared).ToList();
        int within = compared.Count(x => x.Status == ValidationStatus.Within);
        var text = $"{within} of {compared.Count} compared reference rows within their range";
        int notModelled = rows.Count(x => x.Status == ValidationStatus.NotModelledYet);
        int noArea = rows.Count(x => x.Status == ValidationStatus.NoArea);
        if (notModelled > 0) text += $"; {notModelled} not modelled yet";
        if (noArea > 0) text += $"; {noArea} with no area of the class in the scope";
        return text;
    }

    /// <summary>The compared rows outside their range, largest miss first.</summary>
    public static IReadOnlyList<ValidationRow> WorstMisses(IReadOnlyList<ValidationRow> rows, int count) =>
        rows.Where(x => x.Compared && x.Status != ValidationStatus.Within).OrderByDescending(x => x.MissPct)
            .ThenBy(x => x.Reference.Line).Take(count).ToList();
}
