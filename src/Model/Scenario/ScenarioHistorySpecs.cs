using System.Collections.Immutable;

namespace CarbonSim.Model.Scenarios;

/// <summary>
/// The scenario's <c>history</c> section: the historical transient between the equilibrium spin-up and
/// <see cref="Scenario.StartYear"/> (Kernel.TransientHistory), with annual CO2 and N deposition from two CSV files.
/// </summary>
/// <param name="StartYear">[a] First history year; the spin-up runs at this year's forcing.</param>
/// <param name="Co2Path">Full path of the CO2 CSV (<c>year,co2_ppm,...</c>).</param>
/// <param name="NDepositionPath">Full path of the N deposition CSV (<c>year,n_deposition_g_n_per_m2_per_year,...</c>).</param>
/// <param name="Co2Ppm">[ppm] CO2 by year (every year of the file).</param>
/// <param name="NDepositionKg">[kgN m-2 a-1] N deposition by year (every year of the file).</param>
public sealed record HistorySpec(int StartYear, string Co2Path, string NDepositionPath,
    ImmutableSortedDictionary<int, double> Co2Ppm, ImmutableSortedDictionary<int, double> NDepositionKg)
{
    /// <summary>[ppm] CO2 of the history years <see cref="StartYear"/> .. <paramref name="firstYear"/> − 1.</summary>
    public double[] Co2For(int firstYear) => Enumerable.Range(StartYear, firstYear - StartYear).Select(y => Co2Ppm[y]).ToArray();

    /// <summary>[kgN m-2 a-1] N deposition of the history years <see cref="StartYear"/> .. <paramref name="firstYear"/> − 1.</summary>
    public double[] NDepositionFor(int firstYear) => Enumerable.Range(StartYear, firstYear - StartYear).Select(y => NDepositionKg[y]).ToArray();
}

/// <summary>One age cohort of the forests of a city (or of every city without rows of its own, <c>city_id</c> <c>*</c>).</summary>
/// <param name="AgeClass">Inventory age class, e.g. <c>young</c>.</param>
/// <param name="Share">[-] Share of the woody cover in this class.</param>
/// <param name="AgeYears">[a] Stand age at the first simulated year: the stand was cleared at the start of year StartYear − AgeYears.</param>
public sealed record ForestAgeCohort(string CityId, string AgeClass, double Share, int AgeYears, string Status);

/// <summary>The scenario's <c>forest_age</c> section: age cohorts per city from a CSV (<c>city_id,age_class,share,age_years_at_first_year,source,status</c>).</summary>
/// <param name="Classes">Land-use classes whose woody columns are split into one column per cohort; the woody columns of
/// other classes are one column of the cohorts' share-weighted mean age (<see cref="MeanAgeYears"/>).</param>
/// <param name="Merge">Groups of age classes simulated as one column each (share = the group's sum, age = the share-weighted
/// mean, rounded; label = the classes joined by '+'), to save columns; empty = one column per age class.</param>
/// <param name="SpreadYears">[a] Half-width of the window of clearing years a cleared cohort column stands for: the column is the
/// mean of sub-cohorts cleared every 2 years from its clearing year − this to + this (Kernel.TransientHistory.ClearingYears), so a
/// cohort is not cleared in one year; 0 = one clearing year.</param>
public sealed record ForestAgeSpec(string Path, ImmutableArray<ForestAgeCohort> Cohorts, ImmutableArray<string> Classes,
    ImmutableArray<ImmutableArray<string>> Merge = default, int SpreadYears = 0)
{
    /// <summary>[a] Largest <see cref="SpreadYears"/> a scenario may ask for.</summary>
    public const int MaxSpreadYears = 30;

    /// <summary>The columns a city's woody vegetation is split into: its cohorts, merged by <see cref="Merge"/>.</summary>
    public ImmutableArray<ForestAgeCohort> ColumnsFor(string cityId)
    {
        var own = For(cityId);
        if (Merge.IsDefaultOrEmpty) return own;
        var b = ImmutableArray.CreateBuilder<ForestAgeCohort>();
        foreach (var group in Merge)
        {
            var members = own.Where(c => group.Contains(c.AgeClass)).ToList();
            if (members.Count == 0) continue;
            double share = members.Sum(c => c.Share);
            int age = (int)Math.Round(members.Sum(c => c.Share * c.AgeYears) / share, MidpointRounding.AwayFromZero);
            b.Add(new ForestAgeCohort(cityId, string.Join("+", members.Select(c => c.AgeClass)), share, age,
                string.Join("+", members.Select(c => c.Status).Distinct())));
        }
        return b.ToImmutable();
    }

    /// <summary>[a] Share-weighted mean age of a city's cohorts, rounded to whole years.</summary>
    public int MeanAgeYears(string cityId) => (int)Math.Round(For(cityId).Sum(c => c.Share * c.AgeYears), MidpointRounding.AwayFromZero);

    /// <summary>The cohorts of a city: its own rows, or the <c>*</c> rows.</summary>
    public ImmutableArray<ForestAgeCohort> For(string cityId)
    {
        var own = Cohorts.Where(c => c.CityId == cityId).ToImmutableArray();
        return own.Length > 0 ? own : [.. Cohorts.Where(c => c.CityId == "*")];
    }

    /// <summary>City ids with rows of their own.</summary>
    public IEnumerable<string> CityIds => Cohorts.Select(c => c.CityId).Where(id => id != "*").Distinct();
}
