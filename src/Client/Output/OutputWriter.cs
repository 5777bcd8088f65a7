using CarbonSim.Model.Io.Formats;
using CarbonSim.Model.Output;

namespace CarbonSim.Client.Output;

/// <summary>Options for <see cref="OutputWriter.WriteAll"/>.</summary>
public sealed record OutputWriterOptions
{
    /// <summary>Replace an existing output folder (swapped in only after the new one is complete).</summary>
    public bool Overwrite { get; init; }
    /// <summary>Draw the PNG charts and map.</summary>
    public bool Charts { get; init; } = true;
    /// <summary>Also write each raster as a GeoTIFF (float32) with a <c>.tif.aux.xml</c> holding the CRS.</summary>
    public bool GeoTiff { get; init; } = true;
    /// <summary>Called with each file's relative path right after it is written (progress; tests inject failures here).</summary>
    public Action<string>? AfterFile { get; init; }
}

/// <summary>What <see cref="OutputWriter.WriteAll"/> produced.</summary>
/// <param name="Directory">The finished output folder.</param>
/// <param name="Files">Relative paths ('/'-separated) of all files, manifest last.</param>
/// <param name="Warnings">Things left out (e.g. charts when the native drawing library is missing).</param>
public sealed record WrittenOutput(string Directory, IReadOnlyList<string> Files, IReadOnlyList<string> Warnings);

/// <summary>
/// Writes a run's whole output folder atomically: everything is built in
/// <c>&lt;outDir&gt;.partial-&lt;random&gt;</c> and moved into place with one rename when complete; on any
/// failure the partial folder is deleted and the exception rethrown. <c>manifest.json</c> is written
/// last, so a folder holding one is complete.
/// </summary>
public static class OutputWriter
{
    /// <summary>Sub-folder for rasters.</summary>
    public const string RasterDir = "rasters";
    /// <summary>Name of the per-cell city code layer (written when <see cref="RunResults.CellCity"/> is set).</summary>
    public const string CityCodeLayer = "city";

    /// <summary>Writes every output file for <paramref name="r"/> into <paramref name="outDir"/>.</summary>
    /// <exception cref="IOException">The folder exists and <see cref="OutputWriterOptions.Overwrite"/> is false.</exception>
    public static WrittenOutput WriteAll(RunResults r, string outDir, OutputWriterOptions? options = null)
    {
        options ??= new OutputWriterOptions();
        r.Validate();
        r = CityFeatures.WithBoundaryDetails(r);
        var (full, (files, warnings)) = AtomicDirectory.Write(outDir, options.Overwrite, dir => WriteInto(r, dir, options));
        return new WrittenOutput(full, files, warnings);
    }

    /// <summary>[kgC m-2] Last minus first layer of total carbon per cell (NaN where either is), or null with fewer than two raster years.</summary>
    public static (RasterLayer Layer, int From, int To)? ChangeLayer(IReadOnlyList<RasterLayer> totalC)
    {
        if (totalC.Count < 2) return null;
        var first = totalC.MinBy(l => l.Year)!; var last = totalC.MaxBy(l => l.Year)!;
        if (first.Year == last.Year) return null;
        var d = new double[first.Values.Length];
        for (int k = 0; k < d.Length; k++) d[k] = last.Values[k] - first.Values[k]; // NaN stays NaN
        return (new RasterLayer($"total_c_change_{first.Year}_{last.Year}", OutputUnits.KgCPerM2, last.Year, d), first.Year, last.Year);
    }

    private static (List<string> Files, List<string> Warnings) WriteInto(RunResults r, string dir, OutputWriterOptions o)
    {
        var files = new List<string>();
        var warnings = new List<string>();
        void Done(string rel) { files.Add(rel); o.AfterFile?.Invoke(rel); }

        var sel = r.Outputs; // the scenario's outputs switches
        if (sel.CityTable) { AnnualTables.WriteCities(r, Path.Combine(dir, AnnualTables.CitiesFile)); Done(AnnualTables.CitiesFile); }
        AnnualTables.WriteRegion(r, Path.Combine(dir, AnnualTables.RegionFile)); Done(AnnualTables.RegionFile);
        if (r.HistoryYears.Count > 0) { AnnualTables.WriteHistory(r, Path.Combine(dir, AnnualTables.HistoryFile)); Done(AnnualTables.HistoryFile); } // issue #10
        if (r.ForestAge.Count > 0) { HistoryTables.WriteForestAge(r, Path.Combine(dir, HistoryTables.ForestAgeFile)); Done(HistoryTables.ForestAgeFile); }

        bool asc = sel.Asc, tif = sel.GeoTiff && o.GeoTiff;
        if (r.Grid is { } grid && r.Rasters.Count > 0 && (asc || tif || sel.NetCdf))
        {
            string rasterDir = Path.Combine(dir, RasterDir);
            Directory.CreateDirectory(rasterDir);
            void Raster(RasterLayer layer)
            {
                if (asc)
                {
                    AsciiGrid.Write(rasterDir, grid, layer);
                    string stem = $"{RasterDir}/{OutputColumns.RasterFileStem(layer)}";
                    Done(stem + ".asc"); Done(stem + ".prj");
                }
                if (tif)
                    foreach (var f in GeoTiff.Write(rasterDir, grid, layer)) Done($"{RasterDir}/{f}");
            }
            foreach (var layer in r.Rasters) Raster(layer);
            RasterLayer? cityLayer = null;
            if (r.CellCity is { } cc)
            {
                // City code (GB/T 2260, e.g. 110000) per cell; exact in float32 up to 2^24.
                var codes = cc.Select(k => k >= 0 && double.TryParse(r.Cities[k].Id, System.Globalization.NumberStyles.Integer,
                    System.Globalization.CultureInfo.InvariantCulture, out var code) ? code : double.NaN).ToArray();
                cityLayer = new RasterLayer(CityCodeLayer, "code", r.FirstYear, codes);
                Raster(cityLayer);
            }
            if (sel.NetCdf) // issue #13: every layer in one netCDF-CF file
            {
                var all = cityLayer is null ? r.Rasters : [.. r.Rasters, cityLayer];
                Done($"{RasterDir}/{FieldsNetCdf.Write(rasterDir, grid, all, r)}");
            }
        }

        if (sel.CityGeoJson) { CityFeatures.Write(r, Path.Combine(dir, CityFeatures.FileName)); Done(CityFeatures.FileName); }
        foreach (var f in BudgetTables.Write(r, dir)) Done(f); // issue #5: budgets.csv, compensation_ledger.csv (only with a compensation scheme)
        if (r.ClassYears.Count > 0) { ValidationTables.WriteClasses(r, Path.Combine(dir, ValidationTables.ClassesFile)); Done(ValidationTables.ClassesFile); }
        if (r.CropYears.Count > 0) { CropYieldTable.Write(r, Path.Combine(dir, CropYieldTable.FileName)); Done(CropYieldTable.FileName); } // issue #11
        if (r.References is not null) { ValidationTables.WriteValidation(Validation.Evaluate(r), Path.Combine(dir, ValidationTables.ValidationFile)); Done(ValidationTables.ValidationFile); }
        foreach (var f in AttributionOutput.Write(r, dir)) Done(f); // issue #10: attribution.csv (only with run --attribution)
        if (r.ClimateComparisons.Count > 0) { ClimateTable.Write(r, Path.Combine(dir, ClimateTable.FileName)); Done(ClimateTable.FileName); } // issue #13: station-driven runs
        var dataFiles = files.ToList();

        var charts = new List<(string, string)>();
        if (o.Charts && sel.Charts)
        {
            try
            {
                Charts.TotalCarbonByCity(r, Path.Combine(dir, Charts.TotalCarbonFile));
                Done(Charts.TotalCarbonFile); charts.Add((Charts.TotalCarbonFile, "Total ecosystem carbon per city [Tg C]"));
                Charts.RegionalNpp(r, Path.Combine(dir, Charts.RegionalNppFile));
                Done(Charts.RegionalNppFile); charts.Add((Charts.RegionalNppFile, r.References is null ? "Regional mean NPP per year [g C m-2 a-1]" : "Regional mean NPP per year [g C m-2 a-1] with the references' regional NPP range"));
                if (r.RegionYears.All(y => y.Extra.ContainsKey(LandUseColumns.Converted))
                    && Charts.LandUseChange(r, Path.Combine(dir, Charts.LandUseAreasFile)))
                {
                    Done(Charts.LandUseAreasFile); charts.Add((Charts.LandUseAreasFile, "Regional area of each changing land-use class, change since the first year [km²]"));
                }
                // The map is of total carbon: absent when outputs.variables leaves totalc out.
                var totalC = r.Rasters.Where(l => l.Unit == OutputUnits.KgCPerM2 && l.Name.StartsWith("total_c_", StringComparison.Ordinal)).ToList();
                var mapLayer = totalC.FirstOrDefault(l => l.Year == r.LastYear) ?? totalC.OrderBy(l => l.Year).LastOrDefault();
                if (r.Grid is { } g && mapLayer is not null)
                {
                    Charts.Map(g, mapLayer, $"Total carbon {mapLayer.Year} — {r.ScenarioName}", Path.Combine(dir, Charts.MapFile),
                        cellCity: r.CellCity, cityNames: r.Cities.Select(c => c.Name).ToList());
                    Done(Charts.MapFile); charts.Add((Charts.MapFile, $"Total carbon density {mapLayer.Year} [t C ha-1]"));
                }
                // Issue #13: an NPP map of the last raster year and a first → last raster year change map of total carbon.
                var npp = r.Rasters.Where(l => l.Unit == OutputUnits.KgCPerM2PerYear && l.Name.StartsWith("npp_", StringComparison.Ordinal)).OrderBy(l => l.Year).LastOrDefault();
                if (r.Grid is { } gn && npp is not null)
                {
                    Charts.Map(gn, npp, $"NPP {npp.Year} — {r.ScenarioName}", Path.Combine(dir, Charts.NppMapFile), cellCity: r.CellCity, cityNames: r.Cities.Select(c => c.Name).ToList());
                    Done(Charts.NppMapFile); charts.Add((Charts.NppMapFile, $"Net primary production {npp.Year} [g C m-2 a-1]"));
                }
                if (r.Grid is { } gc && ChangeLayer(totalC) is { } change)
                {
                    Charts.Map(gc, change.Layer, $"Total carbon change {change.From}→{change.To} — {r.ScenarioName}", Path.Combine(dir, Charts.ChangeMapFile),
                        cellCity: r.CellCity, cityNames: r.Cities.Select(c => c.Name).ToList(), diverging: true);
                    Done(Charts.ChangeMapFile); charts.Add((Charts.ChangeMapFile, $"Change of total carbon density {change.From}→{change.To} [t C ha-1] (brown: loss, teal: gain)"));
                }
            }
            catch (Exception e) when (e is TypeInitializationException or DllNotFoundException or EntryPointNotFoundException)
            {
                // Native SkiaSharp missing or mismatched: the data files are still valid; say so in the manifest.
                warnings.Add($"charts skipped: {e.GetBaseException().GetType().Name}: {e.GetBaseException().Message}");
                // Charts are all or nothing: none (not even a half-written one) stays behind.
                string[] all = [Charts.TotalCarbonFile, Charts.RegionalNppFile, Charts.MapFile, Charts.NppMapFile, Charts.ChangeMapFile, Charts.LandUseAreasFile];
                foreach (var f in all) if (File.Exists(Path.Combine(dir, f))) File.Delete(Path.Combine(dir, f));
                files.RemoveAll(all.Contains);
                charts.Clear();
            }
        }

        if (sel.Report) { HtmlReport.Write(r, dir, charts, dataFiles); Done(HtmlReport.FileName); }
        if (r.ScenarioPath is { } scenarioPath) Done(ScenarioCopy.Write(scenarioPath, dir, r.ScenarioOverrides)); // issue #13: `carbonsim run <out>/scenario.yaml` reruns it
        Manifest.Write(r, dir, files, warnings);
        files.Add(Manifest.FileName);
        o.AfterFile?.Invoke(Manifest.FileName);
        return (files, warnings);
    }
}
