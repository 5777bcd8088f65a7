using System.Globalization;
using CarbonSim.Client.Output;
using CarbonSim.Model;
using CarbonSim.Model.Accounting;
using CarbonSim.Model.Io.Formats;

namespace CarbonSim.Client.Commands;

/// <summary>
/// <c>carbonsim compensate</c>: closes the books of a finished run again, without simulating, from the inputs
/// the run's books were closed from (<c>compensation_inputs.csv</c>: each city's sink, emissions, GDP, k and the
/// price per year, at full precision; its sinks are checked against <c>cities_annual.csv</c>) and the run's
/// settings (<c>compensation_settings.csv</c>), with a scheme, price or window of choice. The logic is the
/// region grain's (<see cref="Compensation.CloseSeries"/>), so with the run's own settings the output equals
/// the run's <c>budgets.csv</c> and <c>compensation_ledger.csv</c> byte for byte.
/// <code>
/// carbonsim compensate RUN_DIR [--scheme relative_budget|surplus_deficit|zoned] [--price P] [--window N] [--hysteresis B] [--out DIR] [--overwrite]
///     [--sensitivity [--price-factors 0.5,1,2] [--windows 1,5,10] [--no-charts]]
/// </code>
/// With <c>--sensitivity</c> it also closes the books for every price factor × window (everything else as chosen)
/// and writes <c>compensation_sensitivity.csv</c> and <c>compensation_sensitivity.html</c> (<see cref="SensitivityReport"/>).
/// Without <c>--out</c> it writes <c>out/compensation-&lt;utc timestamp&gt;</c>. Bad input: one line on stderr, exit code 2.
/// </summary>
public static class CompensateCommand
{
    /// <summary>What <c>carbonsim compensate</c> was asked (parsed by <see cref="Cli.CarbonSimCli"/>).</summary>
    /// <param name="Price">[currency (t CO2)-1] A constant price replacing the run's price path, or null.</param>
    /// <param name="Sensitivity">Also write the price × window grid (<see cref="SensitivityReport"/>).</param>
    /// <param name="PriceFactors">[-] The grid's price factors (default 0.5, 1, 2).</param>
    /// <param name="Windows">[a] The grid's windows (default 1, 5, 10).</param>
    public sealed record Args(string RunDir, string? Scheme, double? Price, int? Window, string? OutDir, bool Overwrite, double? Hysteresis = null,
        bool Sensitivity = false, IReadOnlyList<double>? PriceFactors = null, IReadOnlyList<int>? Windows = null, bool Charts = true);

    /// <summary>The verb; bad input throws <see cref="InvalidInputException"/> (the CLI prints one line, exit 2).</summary>
    public static int Run(Args a, TextWriter stdout)
    {
        if (!Directory.Exists(a.RunDir)) throw new InvalidInputException("command line", "run-dir", a.RunDir, "a finished run folder");
        var (template, years) = BudgetTables.ReadInputs(a.RunDir);
        CheckSinks(a.RunDir, years);
        var settings = template.Settings with
        {
            Scheme = a.Scheme is null ? template.Settings.Scheme : CompensationSettings.ParseScheme(a.Scheme, "command line", "--scheme"),
            WindowYears = a.Window ?? template.Settings.WindowYears,
            HysteresisBand = a.Hysteresis ?? template.Settings.HysteresisBand,
        };
        if (!(settings.HysteresisBand >= 0) || !double.IsFinite(settings.HysteresisBand))
            throw new InvalidInputException("command line", "--hysteresis", settings.HysteresisBand.ToString("R", CultureInfo.InvariantCulture), "a band >= 0 on the ESC/ECC thresholds");
        if (settings.WindowYears < 1)
            throw new InvalidInputException("command line", "--window", settings.WindowYears.ToString(CultureInfo.InvariantCulture), "a smoothing window of at least 1 year");
        if (a.Price is double p && (!double.IsFinite(p) || p < 0))
            throw new InvalidInputException("command line", "--price", p.ToString("R", CultureInfo.InvariantCulture), $"a carbon price >= 0 {settings.Currency} per t CO2");
        if (!a.Sensitivity && (a.PriceFactors is { Count: > 0 } || a.Windows is { Count: > 0 }))
            throw new InvalidInputException("command line", a.PriceFactors is { Count: > 0 } ? "--price-factors" : "--windows", "given without --sensitivity", "--sensitivity to run the grid");
        var inputs = a.Price is double price ? years.Select(y => (y.Year, y.Cities, price)).ToList() : years;
        string source = Path.Combine(a.RunDir, BudgetTables.InputsFile);
        var books = Compensation.CloseSeries(inputs, settings, source);
        var result = template with { Settings = settings, Years = books };
        var grid = a.Sensitivity
            ? CompensationSensitivity.Grid(inputs, settings, a.PriceFactors is { Count: > 0 } fs ? fs : CompensationSensitivity.DefaultPriceFactors,
                a.Windows is { Count: > 0 } ws ? ws : CompensationSensitivity.DefaultWindows, "command line")
            : null;

        bool replace = a.OutDir is not null && Cli.CliOptions.CheckOutFolder(a.OutDir, a.Overwrite);
        var outDir = a.OutDir ?? Path.Combine(Cli.RunOptions.DefaultOutParent, "compensation-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
        var warnings = new List<string>();
        var (full, files) = AtomicDirectory.Write(outDir, replace, dir =>
        {
            var written = BudgetTables.WriteBooks(result, dir).ToList();
            if (grid is not null)
            {
                var names = books[0].Cities.ToDictionary(c => c.CityId, c => c.Name);
                var (more, warn) = SensitivityReport.Write(grid, settings, template.SinkBasis, names, Path.GetFullPath(a.RunDir), dir, a.Charts);
                written.AddRange(more); warnings.AddRange(warn);
            }
            return written;
        });
        foreach (var w in warnings) stdout.WriteLine("warning: " + w);
        if (grid is not null)
            foreach (var c in grid)
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  price x{c.PriceFactor:0.###}, window {c.WindowYears} a: paid {c.Summary.TotalPaidRmb:E4} {settings.Currency}, most zone changes of a city {c.Summary.MaxZoneChanges}"));
        double paid = books.Sum(y => y.TotalPaidRmb), unmatched = books.Sum(y => y.UnmatchedRmb);
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{settings.SchemeName}, window {settings.WindowYears} a, hysteresis {settings.HysteresisBand}, {books[0].Year}–{books[^1].Year}: paid {paid:E4} {settings.Currency} in all, unmatched {unmatched:E4}; {files.Count} files written to {full}"));
        return 0;
    }

    /// <summary>A comma-separated list of numbers from the command line (null when the option is absent); a bad item is an input error naming the option.</summary>
    public static List<T>? ParseList<T>(string? text, string option, Func<string, T?> parse, string expectation) where T : struct
    {
        if (text is null) return null;
        var list = new List<T>();
        foreach (var item in text.Split(',', StringSplitOptions.TrimEntries))
            list.Add(parse(item) ?? throw new InvalidInputException("command line", option, item, expectation));
        return list;
    }

    public static double? ParseDouble(string s) => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
    public static int? ParseInt(string s) => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;

    /// <summary>The inputs' sinks must be the run's city series: each within 1e-9 (relative) of cities_annual.csv's sink_tCO2_yr (10 digits).</summary>
    static void CheckSinks(string runDir, IReadOnlyList<(int Year, IReadOnlyList<CityBudgetInput> Cities, double Price)> years)
    {
        string path = Path.Combine(runDir, "cities_annual.csv");
        if (!File.Exists(path)) throw new InvalidInputException(path, "file", "missing", "the run's city series (cities_annual.csv)");
        var csv = CsvTable.Read(path, "city_id", "year", BudgetBooks.SinkColumn);
        var sinks = new Dictionary<(string, int), double>();
        foreach (var r in csv.Rows) sinks[(r.Text("city_id"), r.Integer("year"))] = r.Number(BudgetBooks.SinkColumn);
        foreach (var (year, cities, _) in years)
            foreach (var c in cities)
            {
                if (!sinks.TryGetValue((c.CityId, year), out var s))
                    throw new InvalidInputException(path, $"city {c.CityId} year {year}", "no row", $"the row {BudgetTables.InputsFile} closes the books from");
                if (Math.Abs(s - c.SinkTCo2) > 1e-9 * Math.Max(Math.Abs(s), Math.Abs(c.SinkTCo2)) + 1e-9)
                    throw new InvalidInputException(BudgetTables.InputsFile, $"city {c.CityId} year {year} sink_tCO2_yr", c.SinkTCo2.ToString("R", CultureInfo.InvariantCulture),
                        $"the run's city series (cities_annual.csv: {s.ToString("R", CultureInfo.InvariantCulture)})");
            }
    }
}
