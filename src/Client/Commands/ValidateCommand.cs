using System.Diagnostics;
using System.Globalization;
using CarbonSim.Model;
using CarbonSim.Model.Region;
using CarbonSim.Model.Scenarios;

namespace CarbonSim.Client.Commands;

/// <summary>
/// <c>carbonsim validate &lt;scenario.yaml&gt; [--write-landuse map.asc]</c>: runs every input check of a
/// scenario (loader, boundaries, grid, land-use map, class table, vegetation files, climate, CO2) without
/// simulating, and prints a short summary. Exit 0 when valid; on bad input the CLI prints one line
/// <c>carbonsim validate: &lt;file&gt;: &lt;place&gt;: got '&lt;v&gt;', expected &lt;e&gt;</c> to stderr and exits 2.
/// <c>--write-landuse</c> also writes the base land-use map (class codes) as an ESRI ASCII grid with .prj.
/// </summary>
public static class ValidateCommand
{
    /// <summary>The verb (parsed by <see cref="Cli.CarbonSimCli"/>); bad input throws <see cref="InvalidInputException"/> (exit 2).</summary>
    public static int Run(string scenarioPath, string? landUseOut, TextWriter stdout)
    {
        try
        {
            var sw = Stopwatch.StartNew();
            var scenario = ScenarioLoader.Load(scenarioPath);
            var setup = RegionBuilder.Build(scenario);
            var spec = RunSpecFactory.From(setup); // also checks what only the run spec resolves (e.g. land-use demand per city and year)
            sw.Stop();
            WriteSummary(setup, spec, stdout, sw.Elapsed);
            if (landUseOut is not null)
            {
                RegionBuilder.LandUseRaster(setup).Write(landUseOut);
                stdout.WriteLine($"land-use map written to {Path.GetFullPath(landUseOut)} (+ .prj)");
            }
            return 0;
        }
        catch (IOException e)
        {
            throw new InvalidInputException(scenarioPath, "io", OneLine(e.Message), "readable input files", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new InvalidInputException(scenarioPath, "access", OneLine(e.Message), "readable input files", e);
        }
    }

    private static string OneLine(string s) => s.Replace("\r", " ").Replace("\n", " ");

    private static void WriteSummary(RegionSetup setup, Model.Engine.RunSpec spec, TextWriter o, TimeSpan elapsed)
    {
        var s = setup.Scenario;
        var g = setup.Grid;
        var inv = CultureInfo.InvariantCulture;
        o.WriteLine($"scenario  {s.Name} (format version {s.Version}) {s.SourcePath}");
        o.WriteLine($"years     {s.StartYear}-{s.EndYear} ({s.YearCount} years)");
        if (setup.Size is { } size) o.WriteLine($"size      {size.Describe()} (limits: --max-cells, --max-memory of run and submit)");
        o.WriteLine(string.Format(inv, "grid      {0:0.###} km Albers equal-area (central meridian {1}, parallels {2}/{3}); {4} rows x {5} cols; {6} land cells; {7} tiles of {8}x{8}",
            s.Grid.ResolutionKm, s.Grid.Projection.CentralMeridian, s.Grid.Projection.StandardParallel1, s.Grid.Projection.StandardParallel2,
            g.Rows, g.Cols, setup.Cells.Length, setup.Tiles.Length, s.Grid.TileSize));
        double polyTotal = setup.Cities.Sum(c => c.PolygonAreaM2), gridTotal = setup.Cells.Sum(c => c.AreaM2);
        o.WriteLine(string.Format(inv, "area      grid {0:N0} km2, polygons {1:N0} km2 ({2:+0.00;-0.00}%)", gridTotal / 1e6, polyTotal / 1e6, (gridTotal / polyTotal - 1) * 100));
        o.WriteLine("cells per city:");
        foreach (var c in setup.Cities)
            o.WriteLine(string.Format(inv, "  {0,-8} {1,-14} {2,7} cells  {3,9:N0} km2 polygon{4}", c.Id, c.Name, c.CellCount, c.PolygonAreaM2 / 1e6,
                c.Repair is null ? "" : "  [" + c.Repair + "]"));
        var source = s.LandUse.Generator is { } gen ? $"generated (seed {gen.Seed})" : setup.LandUseSource ?? s.LandUse.RasterPath;
        o.WriteLine($"land use  {source}; class shares:");
        foreach (var (cls, share) in setup.ClassShares())
            o.WriteLine(string.Format(inv, "  {0,-18} {1,6:0.0}%", cls, share * 100));
        int measured = setup.ClimateZones.Count(z => z.Source.Contains("station normals", StringComparison.Ordinal));
        o.WriteLine($"climate   {setup.ClimateZones.Length} zones ({measured} from station normals, {setup.ClimateZones.Length - measured} derived or from files)");
        foreach (var z in setup.ClimateZones)
        {
            double t = 0, p = 0;
            for (int i = 0; i < z.Met.DayCount; i++) { t += (z.Met.Tmax[i] + z.Met.Tmin[i]) / 2; p += z.Met.Prcp[i]; }
            o.WriteLine(string.Format(inv, "  {0,-8} {1,-32} {2,5:0.0} °C {3,5:0} mm a-1  {4}", z.Key, Trunc(z.Label, 32), t / z.Met.DayCount, p / z.Met.YearCount,
                z.Source.Contains("derived", StringComparison.Ordinal) ? "derived" : "measured/file"));
            if (s.Climate.UsesStations) o.WriteLine($"           {z.Source}");   // record years, calendar rule, filled days, weights, elevation
        }
        o.WriteLine(string.Format(inv, "co2       {0:0.0} ppm ({1}) -> {2:0.0} ppm ({3}); spin-up at {4:0.0} ppm, {5}, max {6} years",
            setup.Co2Ppm(s.StartYear), s.StartYear, setup.Co2Ppm(s.EndYear), s.EndYear, s.Spinup.Co2Ppm, s.Spinup.Mode.ToString().ToLowerInvariant(), s.Spinup.MaxYears));
        o.WriteLine(string.Format(inv, "nitrogen  deposition {0:0.###} g N m-2 a-1, fixation {1:0.###} g N m-2 a-1",
            s.Nitrogen.DepositionKgPerM2PerYear * 1000, s.Nitrogen.FixationKgPerM2PerYear * 1000));
        if (s.History is { } h)
            o.WriteLine(string.Format(inv, "history   {0}–{1}: CO2 {2:0.0} -> {3:0.0} ppm, N deposition {4:0.###} -> {5:0.###} g N m-2 a-1{6}",
                h.StartYear, s.StartYear - 1, h.Co2Ppm[h.StartYear], h.Co2Ppm[s.StartYear - 1], h.NDepositionKg[h.StartYear] * 1000, h.NDepositionKg[s.StartYear - 1] * 1000,
                s.ForestAge is null ? "" : $"; forest age cohorts in [{string.Join(", ", s.ForestAge.Classes)}]"));
        o.WriteLine($"spin-ups  {setup.Spinups.Length} distinct (vegetation type x climate zone{(s.History is null ? "" : " x clearing year")}):");
        foreach (var k in setup.Spinups)
            o.WriteLine($"  {k.Key[..16]}  {k.VegetationType,-8} zone {k.ClimateZone}{(k.ClearingYear == 0 ? "" : $"  cleared {k.ClearingYear}")}");
        if (spec.LandUse is { } plan)
        {
            int k = plan.ClassCount, last = spec.YearCount - 1;
            int changed = 0;
            for (int c = 0; c < plan.Demand.Length; c++)
                for (int j = 0; j < k; j++) changed += Math.Max(0, plan.Demand[c][last][j] - plan.Demand[c][0][j]);
            var combos = CarbonSim.Model.Engine.Tiling.DistinctCombos(spec, Enumerable.Range(0, spec.Cells.Count));
            o.WriteLine(string.Format(inv, "land-use change  {0} classes, {1}x{1} window, tile halo {2} cells; demand moves {3} cells by {4} (net gains); {5} spin-ups incl. the columns new classes bring",
                k, plan.WindowSize, plan.Rules().Halo, changed, spec.LastYear, combos.Length));
        }
        o.WriteLine(string.Format(inv, "ok: all inputs valid ({0:0.0} s)", elapsed.TotalSeconds));
    }

    private static string Trunc(string s, int n) => s.Length <= n ? s : s[..(n - 1)] + "…";
}
