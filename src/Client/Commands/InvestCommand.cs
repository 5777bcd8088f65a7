using CarbonSim.Model.Io.Formats;
using System.Globalization;
using System.Text;
using CarbonSim.Model;
using CarbonSim.Model.Valuation;

namespace CarbonSim.Client.Commands;

/// <summary>
/// <c>carbonsim invest</c>: InVEST-compatible static-pool carbon over ESRI ASCII grids or GeoTIFFs.
/// <code>
/// carbonsim invest --lulc-bas bas.asc --pools pools.csv --out DIR [--overwrite]
///     [--lulc-alt alt.asc --bas-year 2020 --alt-year 2030]
///     [--price 43 --discount-rate 7 --rate-change 0]                 (valuation; needs --lulc-alt)
///     [--precip P --temp T --ref-precip P0 --ref-temp T0 [--scale-dead]]  (climate-scaled densities)
/// </code>
/// Writes c_storage_bas.asc [t C ha-1], and with an alternate map c_storage_alt.asc, c_change.asc
/// (alt − bas, positive = sequestration), npv.asc [currency ha-1] when a price is given, and summary.csv
/// (totals in t C and currency over the pixel area in m2 of a projected CRS; a lon/lat map is refused, a map without a
/// CRS is read as metres unless its numbers look like degrees). The outputs carry the input's CRS (.prj). Output goes to
/// a temporary folder renamed into place at the end, so a failed run leaves nothing that looks complete.
/// </summary>
public static class InvestCommand
{
    /// <summary>NODATA value of the written real-valued grids (the input's code, e.g. −1, could be a real change value).</summary>
    public const double OutputNoData = -9999;

    /// <summary>
    /// The verb (parsed by <see cref="Cli.CarbonSimCli"/>): <paramref name="o"/> maps each given option
    /// (<c>--lulc-bas</c>, <c>--pools</c>, <c>--out</c>, …) to its text; <c>--scale-dead</c> and
    /// <c>--overwrite</c> to "true". Bad input throws <see cref="InvalidInputException"/> (exit 2).
    /// </summary>
    public static int Run(Dictionary<string, string> o, TextWriter stdout)
    {
        Cli.CliOptions.CheckOutFolder(o["--out"], o.ContainsKey("--overwrite"), "summary.csv"); // before reading anything
        Execute(o, stdout);
        return 0;
    }

    private static double Num(Dictionary<string, string> o, string key) =>
        double.TryParse(o[key], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v
            : throw new InvalidInputException("command line", key, o[key], "a finite number");

    private static void Execute(Dictionary<string, string> o, TextWriter stdout)
    {
        var pools = PoolTable.Load(o["--pools"]);
        var climate = new[] { "--precip", "--temp", "--ref-precip", "--ref-temp" };
        int given = climate.Count(o.ContainsKey);
        if (given is > 0 and < 4) throw new InvalidInputException("command line", "climate scaling", $"{given} of 4 options", string.Join(", ", climate) + " all together");
        if (given == 4)
            pools = pools.Scaled(ClimateDensityScaling.Factors(Num(o, "--precip"), Num(o, "--temp"), Num(o, "--ref-precip"), Num(o, "--ref-temp")), o.ContainsKey("--scale-dead"));

        var basRaster = CarbonSim.Model.Io.Rasters.SourceRaster.ReadFile(o["--lulc-bas"]);
        double area = basRaster.ProjectedPixelAreaM2("invest (totals over pixel areas)", out bool assumedMetres);
        var basGrid = basRaster.ToAsciiGrid();
        var bas = basGrid.AsClasses(o["--lulc-bas"], out var nd);
        var sBas = InvestCarbon.Storage(bas, basGrid.Cols, pools, nd, o["--lulc-bas"]);
        var outputs = new List<(string Name, double[] Values)> { ("c_storage_bas.asc", sBas) };
        var summary = new StringBuilder("quantity,value,unit\n");
        var ci = CultureInfo.InvariantCulture;
        summary.Append($"pixel_area,{area.ToString("R", ci)},m2{(assumedMetres ? " (no CRS given: map units read as metres)" : "")}\n");
        summary.Append($"total_c_bas,{InvestCarbon.Total(sBas, area).ToString("R", ci)},t C\n");

        if (o.TryGetValue("--lulc-alt", out var altPath))
        {
            var altRaster = CarbonSim.Model.Io.Rasters.SourceRaster.ReadFile(altPath);
            altRaster.ProjectedPixelAreaM2("invest (totals over pixel areas)", out _);
            var altGrid = altRaster.ToAsciiGrid();
            if (altGrid.Cols != basGrid.Cols || altGrid.Rows != basGrid.Rows || altGrid.CellSize != basGrid.CellSize)
                throw new InvalidInputException(altPath, "header", $"{altGrid.Cols}x{altGrid.Rows} cells of {altGrid.CellSize}",
                    $"the baseline grid ({basGrid.Cols}x{basGrid.Rows} cells of {basGrid.CellSize})");
            var alt = altGrid.AsClasses(altPath, out var ndAlt);
            var sAlt = InvestCarbon.Storage(alt, altGrid.Cols, pools, ndAlt, altPath);
            var change = InvestCarbon.Change(sBas, sAlt);
            outputs.Add(("c_storage_alt.asc", sAlt));
            outputs.Add(("c_change.asc", change));
            summary.Append($"total_c_alt,{InvestCarbon.Total(sAlt, area).ToString("R", ci)},t C\n");
            summary.Append($"total_c_change,{InvestCarbon.Total(change, area).ToString("R", ci)},t C\n");
            if (o.ContainsKey("--price"))
            {
                foreach (var req in new[] { "--bas-year", "--alt-year", "--discount-rate", "--rate-change" })
                    if (!o.ContainsKey(req)) throw new InvalidInputException("command line", req, "missing", "this option when --price is given");
                int years = (int)(Num(o, "--alt-year") - Num(o, "--bas-year"));
                double k = InvestCarbon.ValuationConstant(Num(o, "--price"), Num(o, "--discount-rate"), Num(o, "--rate-change"), years);
                var npv = InvestCarbon.NpvPerHa(change, k);
                outputs.Add(("npv.asc", npv));
                summary.Append($"valuation_constant,{k.ToString("R", ci)},currency per t C\n");
                summary.Append($"total_npv,{InvestCarbon.Total(npv, area).ToString("R", ci)},currency\n");
            }
        }
        else if (o.ContainsKey("--price"))
            throw new InvalidInputException("command line", "--price", o["--price"], "--lulc-alt as well (valuation needs a change)");

        var outDir = Path.GetFullPath(o["--out"]);
        Cli.CliOptions.CheckOutFolder(outDir, o.ContainsKey("--overwrite"), "summary.csv");
        var tmp = outDir + ".tmp-" + Environment.ProcessId.ToString(ci);
        Directory.CreateDirectory(tmp);
        foreach (var (name, values) in outputs)
            (basGrid with { Values = values, NoData = OutputNoData }).Write(Path.Combine(tmp, name));   // + .prj when the input has a CRS
        File.WriteAllText(Path.Combine(tmp, "summary.csv"), summary.ToString());
        if (Directory.Exists(outDir)) Directory.Delete(outDir, recursive: true); // empty, or --overwrite
        Directory.Move(tmp, outDir);
        stdout.WriteLine(summary.ToString().TrimEnd());
    }
}
