namespace CarbonSim.Model.Accounting;

/// <summary>What a series of books adds up to over its years (the figures of <c>compensation_cumulative.csv</c>).</summary>
/// <param name="TotalPaidRmb">[currency] Σ over the years of the year's total paid (= total received).</param>
/// <param name="TotalUnmatchedRmb">[currency] Σ over the years of the owed value nobody paid.</param>
/// <param name="YearsWithTransfers">Years in which something was paid.</param>
/// <param name="MaxZoneChanges">The most zone changes of one city from one year to the next.</param>
/// <param name="PaidByCity">[currency] Per city id: Σ paid over the years.</param>
/// <param name="ReceivedByCity">[currency] Per city id: Σ received over the years.</param>
public sealed record BooksSummary(int FirstYear, int LastYear, double TotalPaidRmb, double TotalUnmatchedRmb, int YearsWithTransfers, int MaxZoneChanges,
    IReadOnlyDictionary<string, double> PaidByCity, IReadOnlyDictionary<string, double> ReceivedByCity)
{
    /// <summary>[currency] Received − paid of a city over the years (negative: it paid).</summary>
    public double NetReceived(string cityId) => ReceivedByCity[cityId] - PaidByCity[cityId];

    /// <summary>Sums the books in year order (per city in year order, as <c>compensation_cumulative.csv</c> does).</summary>
    public static BooksSummary Of(IReadOnlyList<CompensationYear> books)
    {
        if (books.Count == 0) throw new InvalidInputException("compensation", "books", "no years", "at least one year of books");
        var paid = new SortedDictionary<string, double>(StringComparer.Ordinal);
        var received = new SortedDictionary<string, double>(StringComparer.Ordinal);
        var changes = new Dictionary<string, int>();
        double total = 0, unmatched = 0; int years = 0;
        CompensationYear? previous = null;
        foreach (var y in books.OrderBy(b => b.Year))
        {
            total += y.TotalPaidRmb; unmatched += y.UnmatchedRmb;
            if (y.TotalPaidRmb > 0) years++;
            foreach (var c in y.Cities)
            {
                paid[c.CityId] = paid.GetValueOrDefault(c.CityId) + c.PaidRmb;
                received[c.CityId] = received.GetValueOrDefault(c.CityId) + c.ReceivedRmb;
                var before = previous is null ? null : Array.Find(previous.Cities, x => x.CityId == c.CityId);
                changes[c.CityId] = changes.GetValueOrDefault(c.CityId) + (before is not null && before.Zone != c.Zone ? 1 : 0);
            }
            previous = y;
        }
        return new BooksSummary(books.Min(b => b.Year), books.Max(b => b.Year), total, unmatched, years, changes.Count == 0 ? 0 : changes.Values.Max(), paid, received);
    }
}

/// <summary>One setting of the sensitivity grid and what its books add up to.</summary>
/// <param name="PriceFactor">[-] Multiplies every year's carbon price.</param>
/// <param name="WindowYears">[a] Smoothing window of the setting.</param>
public sealed record SensitivityCase(double PriceFactor, int WindowYears, BooksSummary Summary);

/// <summary>
/// Sensitivity of the transfers to the carbon price and the smoothing window (docs/accounting.md §5): the same
/// inputs closed again (<see cref="Compensation.CloseSeries"/>) for every price factor × window, everything else
/// as in <c>settings</c>. The case with factor 1 and the settings' own window is the plain books.
/// </summary>
public static class CompensationSensitivity
{
    /// <summary>[-] Default price factors: half, as given, double.</summary>
    public static readonly IReadOnlyList<double> DefaultPriceFactors = [0.5, 1.0, 2.0];
    /// <summary>[a] Default windows: no smoothing, the default 5 years, 10 years.</summary>
    public static readonly IReadOnlyList<int> DefaultWindows = [1, 5, 10];

    /// <summary>Every price factor × window, in the order given (factors outer); bad factors or windows are input errors naming <paramref name="source"/>.</summary>
    public static IReadOnlyList<SensitivityCase> Grid(IReadOnlyList<(int Year, IReadOnlyList<CityBudgetInput> Cities, double PricePerTCo2)> years,
        CompensationSettings settings, IReadOnlyList<double> priceFactors, IReadOnlyList<int> windows, string source = "compensation")
    {
        if (priceFactors.Count == 0) throw new InvalidInputException(source, "price factors", "none", "at least one price factor");
        if (windows.Count == 0) throw new InvalidInputException(source, "windows", "none", "at least one window");
        foreach (var f in priceFactors)
            if (!(f >= 0) || !double.IsFinite(f)) throw new InvalidInputException(source, "price factor", f.ToString("R", System.Globalization.CultureInfo.InvariantCulture), "a finite factor >= 0");
        foreach (var w in windows)
            if (w < 1) throw new InvalidInputException(source, "window", w.ToString(System.Globalization.CultureInfo.InvariantCulture), "a smoothing window of at least 1 year");
        var cases = new List<SensitivityCase>();
        foreach (var f in priceFactors)
            foreach (var w in windows)
            {
                var scaled = years.Select(y => (y.Year, y.Cities, f == 1.0 ? y.PricePerTCo2 : y.PricePerTCo2 * f)).ToList();
                var books = Compensation.CloseSeries(scaled, settings with { WindowYears = w }, source);
                cases.Add(new SensitivityCase(f, w, BooksSummary.Of(books)));
            }
        return cases;
    }
}
