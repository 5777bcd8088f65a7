
namespace CarbonSim.Model.Engine;

/// <summary>
/// Whether an outcome holds every year of its run: every city and the region exactly the years
/// FirstYear..LastYear (ascending, with the run's number of variables), the allocations (runs with land-use
/// change) and the books (runs with a compensation scheme) every year, and the cell snapshots of every
/// cell-output year. The coordinator checks this before it records a run as done (issue #9: a silo lost
/// with the city grains once gave a `done` run whose results could not be read).
/// </summary>
public static class OutcomeCheck
{
    /// <summary>What is missing or wrong, one entry per problem (empty when complete).</summary>
    public static List<string> Problems(RunSpec spec, RunOutcome outcome)
    {
        var problems = new List<string>();
        int cities = spec.CityIds.Length;
        if (outcome.Cities.Length != cities)
            problems.Add($"{outcome.Cities.Length} city series, expected {cities}");
        for (int c = 0; c < outcome.Cities.Length; c++)
            Series($"city {c} ({spec.CityIds.ElementAtOrDefault(c)})", outcome.Cities[c].Years.Select(y => (y.Year, y.Sums.Length)), spec, problems);
        Series("region", outcome.Region.Select(y => (y.Year, y.Sums.Length)), spec, problems);
        if (spec.LandUse is not null)
            Series("allocations", outcome.Allocations.Select(a => (a.Year, -1)), spec, problems);
        if (spec.Compensation is not null)
            Series("books", outcome.Books.Select(b => (b.Year, -1)), spec, problems);
        var snapshots = outcome.CellSnapshots.Select(s => s.Year).ToHashSet();
        var missingSnapshots = spec.CellOutputYears.Where(y => !snapshots.Contains(y)).ToArray();
        if (missingSnapshots.Length > 0)
            problems.Add($"cell snapshots: missing years {string.Join(", ", missingSnapshots)}");
        return problems;
    }

    /// <summary>The years some city or the region lacks (the ones a coordinator can record again), ascending.</summary>
    public static int[] MissingSeriesYears(RunSpec spec, RunOutcome outcome)
    {
        var missing = new SortedSet<int>();
        var all = Enumerable.Range(spec.FirstYear, spec.YearCount);
        foreach (var city in outcome.Cities)
            missing.UnionWith(all.Except(city.Years.Select(y => y.Year)));
        missing.UnionWith(all.Except(outcome.Region.Select(y => y.Year)));
        if (outcome.Cities.Length < spec.CityIds.Length) missing.UnionWith(all);
        return [.. missing];
    }

    static void Series(string what, IEnumerable<(int Year, int Length)> entries, RunSpec spec, List<string> problems)
    {
        var list = entries.ToList();
        var years = list.Select(e => e.Year).ToList();
        var expected = Enumerable.Range(spec.FirstYear, spec.YearCount).ToList();
        if (years.SequenceEqual(expected))
        {
            int stride = list.Count > 0 ? list[0].Length : 0;
            if (list.Any(e => e.Length != stride))
                problems.Add($"{what}: years with different numbers of variables");
            return;
        }
        var missing = expected.Except(years).ToArray();
        var extra = years.Except(expected).ToArray();
        string text = missing.Length > 0 ? $"missing {Years(missing)}" : "";
        if (extra.Length > 0) text += (text.Length > 0 ? ", " : "") + $"unexpected years {Years(extra)}";
        if (text.Length == 0) text = "years out of order or repeated";
        problems.Add($"{what}: {text}");
    }

    /// <summary>"2020, 2021, 2025" or "2020-2030 (11 years)" for a run of consecutive years.</summary>
    static string Years(int[] years) =>
        years.Length > 3 && years[^1] - years[0] == years.Length - 1
            ? $"{years[0]}-{years[^1]} ({years.Length} years)"
            : string.Join(", ", years);
}
