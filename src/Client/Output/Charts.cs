using CarbonSim.Model.Io.Formats;
using System.Globalization;
using CarbonSim.Model.Output;
using ScottPlot;
using U = CarbonSim.Model.Output.OutputUnits;

namespace CarbonSim.Client.Output;

/// <summary>
/// PNG charts drawn with ScottPlot 5 (SkiaSharp). City labels use the English names: the machine
/// fonts may lack CJK glyphs.
/// </summary>
public static class Charts
{
    /// <summary>Per-city total carbon trajectories.</summary>
    public const string TotalCarbonFile = "chart_total_c_by_city.png";
    /// <summary>Regional NPP per year with the references' regional NPP range, if any.</summary>
    public const string RegionalNppFile = "chart_region_npp.png";
    /// <summary>Map of total carbon density in the last year.</summary>
    public const string MapFile = "map_total_c_last_year.png";
    /// <summary>Map of NPP in the last year.</summary>
    public const string NppMapFile = "map_npp_last_year.png";
    /// <summary>Map of the change of total carbon density from the first to the last raster year.</summary>
    public const string ChangeMapFile = "map_total_c_change.png";
    /// <summary>Regional area of each land-use class per year (runs with land-use change).</summary>
    public const string LandUseAreasFile = "chart_land_use_change.png";

    /// <summary>[px] Default chart size.</summary>
    public const int Width = 900, Height = 540;

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static void YearAxis(Plot plt)
    {
        plt.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            LabelFormatter = v => v.ToString("F0", Inv),
            IntegerTicksOnly = true,
        };
        plt.XLabel("Year");
    }

    /// <summary>One line per city: total ecosystem carbon [Tg C] per year, legend on the right.</summary>
    public static void TotalCarbonByCity(RunResults r, string path, int width = Width, int height = Height)
    {
        var plt = new Plot();
        // Ten distinct hues, then the same hues dashed (Category20's light/dark pairs made neighbours look alike).
        var palette = new ScottPlot.Palettes.Category10();
        int i = 0;
        foreach (var c in r.Cities)
        {
            var s = r.SeriesOf(c.Id).ToList();
            var line = plt.Add.Scatter(s.Select(y => (double)y.Year).ToArray(), s.Select(y => U.KgToTg(y.TotalCKg)).ToArray());
            line.LegendText = c.Name;
            line.LinePattern = (i / 10) % 2 == 1 ? LinePattern.Dashed : LinePattern.Solid;
            line.Color = palette.GetColor(i++ % 10);
            line.LineWidth = 2;
            line.MarkerSize = s.Count <= 12 ? 5 : 0;
        }
        YearAxis(plt);
        // Stocks start at zero, so a city's change reads against its size (issue #13: the axis once started at −100 Tg).
        double top = r.Cities.SelectMany(c => r.SeriesOf(c.Id)).Select(y => U.KgToTg(y.TotalCKg)).DefaultIfEmpty(0).Max();
        plt.Axes.SetLimitsY(0, top > 0 ? top * 1.05 : 1);
        plt.YLabel("Total carbon [Tg C]");
        plt.Title($"Total ecosystem carbon by city — {r.ScenarioName}");
        plt.ShowLegend(Edge.Right);
        plt.SavePng(path, width, height);
    }

    /// <summary>
    /// One line per land-use class whose regional area changes: its area minus the first year's [km²] per
    /// year, so the gains and losses of the scenario are visible whatever the class sizes. False (nothing
    /// written) when no class changes.
    /// </summary>
    public static bool LandUseChange(RunResults r, string path, int width = Width, int height = Height)
    {
        var years = r.RegionYears.OrderBy(y => y.Year).ToList();
        if (years.Count == 0) return false;
        var classes = years.SelectMany(y => y.AreaByClassM2.Keys).Distinct().Order(StringComparer.Ordinal)
            .Where(c => years.Any(y => y.AreaByClassM2.GetValueOrDefault(c) != years[0].AreaByClassM2.GetValueOrDefault(c))).ToList();
        if (classes.Count == 0) return false;
        var plt = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        int i = 0;
        var x = years.Select(y => (double)y.Year).ToArray();
        foreach (var c in classes)
        {
            double start = U.ToKm2(years[0].AreaByClassM2.GetValueOrDefault(c));
            var line = plt.Add.Scatter(x, years.Select(y => U.ToKm2(y.AreaByClassM2.GetValueOrDefault(c)) - start).ToArray());
            line.LegendText = c;
            line.Color = palette.GetColor(i++);
            line.LineWidth = 2;
            line.MarkerSize = 0;
        }
        YearAxis(plt);
        plt.YLabel($"Area change since {years[0].Year} [km²]");
        plt.Title($"Land-use change — {r.ScenarioName}");
        plt.ShowLegend(Edge.Right);
        plt.SavePng(path, width, height);
        return true;
    }

    /// <summary>Regional area-weighted NPP [g C m-2 a-1] per year, with the references' regional NPP range (if any) as two dashed lines.</summary>
    public static void RegionalNpp(RunResults r, string path, int width = Width, int height = Height)
    {
        var plt = new Plot();
        var rows = r.RegionYears.OrderBy(y => y.Year).ToList();
        var line = plt.Add.Scatter(rows.Select(y => (double)y.Year).ToArray(), rows.Select(y => U.ToGramsPerM2(y.Npp)).ToArray());
        line.LegendText = "Modelled regional mean NPP";
        line.LineWidth = 2;
        line.Color = Colors.DarkGreen;
        // The first references row of regional NPP over all classes, if the scenario names references.
        if (r.References?.Rows.FirstOrDefault(p => p.Variable.Name == "npp_gC_m2_yr" && p.CityIds.Count == 0 && p.Class == ReferenceRow.AnyClass) is { } range)
        {
            // The range as a shaded band (issue #13: ranges as bands, not two lines).
            var band = plt.Add.VerticalSpan(range.Low, range.High); // ScottPlot 5: a VerticalSpan covers a range of y values
            band.FillStyle.Color = Colors.Gray.WithAlpha(0.25);
            band.LineStyle.Width = 0;
            band.LegendText = string.Create(Inv, $"Published range {range.Low:F0}–{range.High:F0} ({range.Source.Split([',', ':'])[0]})");
        }
        double nppTop = rows.Select(y => U.ToGramsPerM2(y.Npp)).DefaultIfEmpty(0).Max();
        YearAxis(plt);
        plt.Axes.AutoScale();
        double nppLow = rows.Select(y => U.ToGramsPerM2(y.Npp)).DefaultIfEmpty(0).Min();
        plt.Axes.SetLimitsY(Math.Min(0, nppLow * 1.05), Math.Max(plt.Axes.GetLimits().Top, nppTop * 1.05)); // axis from zero (or below, if NPP is negative)
        plt.YLabel("NPP [g C m-2 a-1]");
        plt.Title($"Regional mean NPP — {r.ScenarioName}");
        plt.ShowLegend(Alignment.LowerRight);
        plt.SavePng(path, width, height);
    }

    /// <summary>
    /// Map of a per-cell layer converted to its report unit (NODATA transparent), with a colour bar.
    /// Coordinates are the grid's own (degrees or metres); axes keep square units.
    /// </summary>
    /// <param name="cellCity">Optional city index per cell (−1 outside): city borders are drawn as dark cells and each city is labelled at the mean of its cell centres.</param>
    /// <param name="cityNames">Names indexed like <paramref name="cellCity"/>.</param>
    /// <param name="diverging">Colour a change: cmocean "tarn", brown (loss) to teal (gain), its range symmetric about zero.</param>
    public static void Map(GridSpec grid, RasterLayer layer, string title, string path, int width = Width, int height = Height,
        int[]? cellCity = null, IReadOnlyList<string>? cityNames = null, bool diverging = false)
    {
        var (unit, _, factor) = OutputColumns.RasterUnit(layer.Unit);
        // ScottPlot's heatmap needs at least 2×2 cells to derive its cell size; pad with NaN to the east/south.
        int rows = Math.Max(2, grid.Rows), cols = Math.Max(2, grid.Cols);
        var data = new double[rows, cols];
        for (int row = 0; row < rows; row++)
            for (int col = 0; col < cols; col++)
            {
                double v = row < grid.Rows && col < grid.Cols ? layer.Values[grid.Index(row, col)] : double.NaN;
                data[row, col] = double.IsFinite(v) ? v * factor : double.NaN;
            }
        var plt = new Plot();
        var hm = plt.Add.Heatmap(data);
        hm.Colormap = new ScottPlot.Colormaps.Viridis();
        if (diverging)
        {
            double m = 0;
            foreach (var v in data) if (double.IsFinite(v)) m = Math.Max(m, Math.Abs(v));
            hm.Colormap = new ScottPlot.Colormaps.Tarn();
            hm.ManualRange = new ScottPlot.Range(-(m > 0 ? m : 1), m > 0 ? m : 1);
        }
        hm.NaNCellColor = Colors.Transparent;
        // ScottPlot's Extent spans from the first to the last cell's anchor and the image is one cell
        // larger to the east and north; with lower-left anchoring the cells' outer edges then fall on
        // the grid's edges: west = OriginX, north = OriginY.
        hm.CellAlignment = Alignment.LowerLeft;
        double cs = grid.CellSize;
        hm.Extent = new CoordinateRect(grid.OriginX, grid.OriginX + (cols - 1) * cs, grid.OriginY - rows * cs, grid.OriginY - cs);
        if (cellCity is not null && cellCity.Length == grid.CellCount)
        {
            // Border cells: inside a city with a 4-neighbour in another city or outside (0 → black), else NaN (transparent).
            var border = new double[rows, cols];
            int City(int r, int c) => r < 0 || c < 0 || r >= grid.Rows || c >= grid.Cols ? -1 : cellCity[grid.Index(r, c)];
            for (int row = 0; row < rows; row++)
                for (int col = 0; col < cols; col++)
                {
                    int k = City(row, col);
                    bool edge = k >= 0 && (City(row - 1, col) != k || City(row + 1, col) != k || City(row, col - 1) != k || City(row, col + 1) != k);
                    border[row, col] = edge ? 0.0 : double.NaN;
                }
            var bh = plt.Add.Heatmap(border);
            bh.Colormap = new ScottPlot.Colormaps.Grayscale();
            bh.ManualRange = new ScottPlot.Range(0, 1);
            bh.NaNCellColor = Colors.Transparent;
            bh.Opacity = 0.6;
            bh.CellAlignment = Alignment.LowerLeft;
            bh.Extent = hm.Extent;
            if (cityNames is not null)
            {
                int n = cityNames.Count;
                var sx = new double[n]; var sy = new double[n]; var cnt = new int[n];
                for (int row = 0; row < grid.Rows; row++)
                    for (int col = 0; col < grid.Cols; col++)
                    {
                        int k = cellCity[grid.Index(row, col)];
                        if (k < 0 || k >= n) continue;
                        var (x, y) = grid.CellCentre(row, col);
                        sx[k] += x; sy[k] += y; cnt[k]++;
                    }
                for (int k = 0; k < n; k++)
                {
                    if (cnt[k] == 0) continue;
                    var t = plt.Add.Text(cityNames[k], sx[k] / cnt[k], sy[k] / cnt[k]);
                    t.LabelFontSize = 11;
                    t.LabelFontColor = Colors.Black;
                    t.LabelBackgroundColor = Colors.White.WithAlpha(0.6);
                    t.LabelAlignment = Alignment.MiddleCenter;
                }
            }
        }
        var bar = plt.Add.ColorBar(hm);
        bar.Label = unit;
        plt.Axes.SquareUnits();
        plt.XLabel(grid.IsGeographic ? "Longitude [°]" : "Easting [m]");
        plt.YLabel(grid.IsGeographic ? "Latitude [°]" : "Northing [m]");
        plt.Title(title);
        plt.SavePng(path, width, height);
    }
}
