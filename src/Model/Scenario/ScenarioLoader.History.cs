using System.Collections.Immutable;
using System.Globalization;
using CarbonSim.Model.Io.Formats;

namespace CarbonSim.Model.Scenarios;

/// <summary>
/// The issue #10 sections (docs/scenario.md §"History and forest age"): <c>history</c> (the historical transient
/// between the spin-up and the first year) and <c>forest_age</c> (woody columns split into age cohorts that were
/// cleared in different history years). Both optional; a scenario without them reads exactly as before.
/// </summary>
public static partial class ScenarioLoader
{
    private static HistorySpec? ReadHistory(YamlMap? m, string dir, int firstYear)
    {
        if (m is null) return null;
        int start = (int)m.Integer("start_year", null, 1000, 3000, "a calendar year in [1000, 3000]");
        if (start >= firstYear)
            throw new InvalidInputException(m.File, m.Place("start_year"), start.ToString(CultureInfo.InvariantCulture), $"a year before years.start ({firstYear})");
        var co2Path = ExistingFile(m, "co2", dir, "an existing CSV of annual CO2 (columns year, co2_ppm)");
        var ndepPath = ExistingFile(m, "n_deposition", dir, "an existing CSV of annual N deposition (columns year, n_deposition_g_n_per_m2_per_year)");
        m.RejectUnknownKeys();
        var co2 = ReadYearSeries(co2Path, "co2_ppm", start, firstYear, 1e-9, 5000, "a CO2 concentration in ppm, in (0, 5000]", 1.0);
        var ndep = ReadYearSeries(ndepPath, "n_deposition_g_n_per_m2_per_year", start, firstYear, 0, 100, "N deposition in g N m-2 a-1, in [0, 100]", 1e-3);
        return new HistorySpec(start, co2Path, ndepPath, co2, ndep);
    }

    /// <summary>
    /// A yearly series CSV (column <c>year</c> and <paramref name="column"/>; other columns such as source and status
    /// are not read): years strictly ascending without gaps, every value in [min, max], covering
    /// <paramref name="start"/> .. <paramref name="firstYear"/> − 1. Values are multiplied by <paramref name="scale"/>.
    /// </summary>
    internal static ImmutableSortedDictionary<int, double> ReadYearSeries(string path, string column, int start, int firstYear,
        double min, double max, string expectation, double scale)
    {
        var t = CsvTable.Read(path, "year", column);
        var b = ImmutableSortedDictionary.CreateBuilder<int, double>();
        int? previous = null;
        foreach (var row in t.Rows)
        {
            int year = row.Integer("year", 1000, 3000);
            if (previous is { } p && year != p + 1)
                throw new InvalidInputException(path, row.Place("year"), year.ToString(CultureInfo.InvariantCulture),
                    year <= p ? $"years in ascending order without repeats (after {p})" : $"consecutive years without gaps ({p + 1} after {p})");
            b[year] = row.Number(column, min, max, expectation) * scale;
            previous = year;
        }
        if (b.Count == 0 || b.Keys.First() > start || b.Keys.Last() < firstYear - 1)
            throw new InvalidInputException(path, "years", b.Count == 0 ? "no rows" : $"{b.Keys.First()}–{b.Keys.Last()}",
                $"every history year {start}–{firstYear - 1}");
        return b.ToImmutable();
    }

    private static ForestAgeSpec? ReadForestAge(YamlMap? m, string dir, LandUseClassTable table)
    {
        if (m is null) return null;
        var path = ExistingFile(m, "cohorts", dir, "an existing CSV of forest age cohorts (columns city_id, age_class, share, age_years_at_first_year, source, status)");
        var seq = m.OptionalSequence("classes")
            ?? throw new InvalidInputException(m.File, m.Place("classes"), "missing", "a list of land-use classes whose woody columns are split into the cohorts, e.g. [forest]");
        var classes = ImmutableArray.CreateBuilder<string>();
        foreach (var node in seq.Children)
        {
            var name = node is YamlDotNet.RepresentationModel.YamlScalarNode s ? s.Value ?? "" : "";
            if (!table.Classes.Any(c => c.Name == name) || classes.Contains(name))
                throw new InvalidInputException(m.File, $"{m.KeyPath("classes")} (line {node.Start.Line})", name, "a class of the class table, each once");
            classes.Add(name);
        }
        var merge = ImmutableArray.CreateBuilder<ImmutableArray<string>>();
        if (m.OptionalSequence("merge") is { } groups)
            foreach (var g in groups.Children)
            {
                if (g is not YamlDotNet.RepresentationModel.YamlSequenceNode members || members.Children.Count == 0)
                    throw new InvalidInputException(m.File, $"{m.KeyPath("merge")} (line {g.Start.Line})", g.ToString(), "a list of age-class lists, e.g. [[young], [middle_aged, near_mature]]");
                merge.Add([.. members.Children.Select(n => n is YamlDotNet.RepresentationModel.YamlScalarNode s ? s.Value ?? "" : "")]);
            }
        int spread = (int)m.Integer("spread_years", 0, 0, ForestAgeSpec.MaxSpreadYears,
            $"whole years in [0, {ForestAgeSpec.MaxSpreadYears}]: the half-width of the window of clearing years a cohort column stands for");
        m.RejectUnknownKeys();
        var t = CsvTable.Read(path, "city_id", "age_class", "share", "age_years_at_first_year", "source", "status");
        var rows = ImmutableArray.CreateBuilder<ForestAgeCohort>();
        var seen = new HashSet<(string, string)>();
        foreach (var row in t.Rows)
        {
            var city = row.RequireText("city_id");
            var cls = row.RequireText("age_class");
            if (!seen.Add((city, cls)))
                throw new InvalidInputException(path, row.Place("age_class"), cls, $"each age class once per city ('{city}')");
            var share = row.Number("share", 0, 1, "a share in (0, 1]");
            if (share <= 0) throw new InvalidInputException(path, row.Place("share"), row.Text("share"), "a share in (0, 1]");
            int age = row.Integer("age_years_at_first_year", 1, 10000);
            var status = row.RequireText("status");
            row.RequireText("source");
            rows.Add(new ForestAgeCohort(city, cls, share, age, status));
        }
        var cohorts = rows.ToImmutable();
        if (!cohorts.Any(c => c.CityId == "*"))
            throw new InvalidInputException(path, "city_id", string.Join(",", cohorts.Select(c => c.CityId).Distinct()), "a '*' row set (the cohorts of cities without rows of their own)");
        foreach (var g in cohorts.GroupBy(c => c.CityId))
        {
            double sum = g.Sum(c => c.Share);
            if (Math.Abs(sum - 1) > 1e-6)
                throw new InvalidInputException(path, $"city_id '{g.Key}'", $"shares sum to {sum.ToString("R", CultureInfo.InvariantCulture)}", "shares of a city's age classes summing to 1 (± 1e-6)");
        }
        if (merge.Count > 0)
        {
            var named = merge.SelectMany(g => g).ToList();
            foreach (var cls in cohorts.Select(c => c.AgeClass).Distinct())
                if (named.Count(n => n == cls) != 1)
                    throw new InvalidInputException(m.File, m.Place("merge"), cls, $"every age class of {path} in exactly one merge group");
            foreach (var n in named)
                if (!cohorts.Any(c => c.AgeClass == n))
                    throw new InvalidInputException(m.File, m.Place("merge"), n, $"an age class of {path}");
        }
        return new ForestAgeSpec(path, cohorts, classes.ToImmutable(), merge.ToImmutable(), spread);
    }
}
