using System.Security.Cryptography;
using CarbonSim.Client.Commands;
using CarbonSim.Client.Output;
using CarbonSim.Contracts;
using CarbonSim.Model.Engine;
using CarbonSim.Model.Output;
using CityYear = CarbonSim.Model.Output.CityYear;
using V = CarbonSim.Model.Engine.CarbonVariables;

namespace CarbonSim.Client.Hosting;

/// <summary>
/// Turns a finished cluster run into the output folder <c>carbonsim run</c> writes (same writer,
/// <see cref="OutputWriter.WriteAll"/>). For a run submitted from a scenario file the scenario is read
/// again to label the outputs (boundaries, class areas, real grid: see <see cref="ClusterScenario"/>); for
/// a run submitted as a prepared <c>.runspec</c> the labels come from the spec alone (city ids and names,
/// a local grid of unit cells with no geographic reference, no boundaries).
/// </summary>
public static class ClusterResults
{
    /// <summary>Results from the spec and outcome alone.</summary>
    public static RunResults FromSpec(RunSpec spec, RunOutcome outcome, string specSha256, IReadOnlyList<PhaseTiming> timings)
    {
        var plan = spec.LandUse;
        var allocations = outcome.Allocations.ToDictionary(a => a.Year);
        T WithLandUse<T>(T row, Model.Engine.YearTotals year, int? city) where T : Model.Output.AreaCarbonYear =>
            plan is null ? row : ResultsFactory.WithLandUse(row, plan, year, allocations.GetValueOrDefault(year.Year), city);
        var cityYears = new List<CityYear>();
        foreach (var series in outcome.Cities)
            foreach (var year in series.Years)
                cityYears.Add(ResultsFactory.Means(WithLandUse(new CityYear { CityId = series.CityId, Year = year.Year, AreaM2 = series.AreaM2 }, year, series.CityIndex), year, series.AreaM2));
        double regionArea = spec.Cells.AreaM2.Sum();
        var regionYears = outcome.Region
            .Select(y => ResultsFactory.Means(WithLandUse(new RegionYear { Year = y.Year, AreaM2 = regionArea, CityCount = spec.CityIds.Length }, y, null), y, regionArea))
            .ToList();
        // A local grid of unit cells (no geographic reference): rasters open in QGIS, but not on a map.
        var grid = new GridSpec(0, spec.GridRows, 1, spec.GridRows, spec.GridCols,
            "LOCAL_CS[\"carbonsim grid (row, column)\",LOCAL_DATUM[\"none\",0],UNIT[\"cell\",1],AXIS[\"X\",EAST],AXIS[\"Y\",NORTH]]");
        var rasters = new List<RasterLayer>();
        foreach (var snap in outcome.CellSnapshots)
        {
            rasters.Add(RasterLayer.TotalCarbon(snap.Year, ResultsFactory.Layer(spec, grid, snap, V.TotalC)));
            rasters.Add(RasterLayer.Npp(snap.Year, ResultsFactory.Layer(spec, grid, snap, V.Npp)));
            if (ResultsFactory.LandUseLayer(spec, grid, snap) is { } classes) rasters.Add(classes);
        }
        var spinups = outcome.Spinups;
        var results = new RunResults
        {
            HistoryYears = outcome.History.Region
                .Select(y => ResultsFactory.Means(new RegionYear { Year = y.Year, AreaM2 = regionArea, CityCount = spec.CityIds.Length }, y, regionArea)).ToList(),
            ScenarioName = spec.ScenarioName,
            ScenarioSha256 = specSha256,
            Years = Enumerable.Range(spec.FirstYear, spec.YearCount).ToArray(),
            Cities = spec.CityIds.Select((id, i) => new CityInfo(id, spec.CityNames.ElementAtOrDefault(i) ?? id, "", "")).ToArray(),
            CityYears = cityYears,
            RegionYears = regionYears,
            Grid = grid,
            Rasters = rasters,
            ClassYears = ClassYear.All(spec, outcome),
            CropYears = CropYear.All(spec, outcome), // no references: a .runspec carries no scenario (docs/validation.md)
            Spinup = ResultsFactory.Stats(spec, spinups, zone => $"climate zone {zone}"),
            Timings = timings,
        };
        return spec.Compensation is { } scheme && outcome.Books.Length > 0
            ? Model.Accounting.RunBudgets.Attach(results, Model.Accounting.RunBudgets.FromRunSpec(outcome.Books, scheme))
            : results;
    }

    /// <summary>SHA-256 of the spec's stored form (what a <c>.runspec</c> file holds).</summary>
    public static string SpecSha256(string specFile) => Manifest.Sha256(specFile);

    /// <summary>Phase timings from the run's progress timestamps [s].</summary>
    public static IReadOnlyList<PhaseTiming> Timings(RunProgress p)
    {
        var list = new List<PhaseTiming>();
        if (p.SubmittedUtc is { } s && p.YearsStartedUtc is { } y) list.Add(new("spinup", (y - s).TotalSeconds));
        if (p.YearsStartedUtc is { } y2 && p.UpdatedUtc is { } u) list.Add(new("transient", (u - y2).TotalSeconds));
        return list;
    }

    /// <summary>SHA-256 (hex) of some bytes.</summary>
    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
