using CarbonSim.Model.Output;

namespace CarbonSim.Client.Tests.Output;

/// <summary>A small made-up run: 2 cities, 3 years, a 4×5 grid with NODATA cells.</summary>
internal static class SyntheticRun
{
    public static readonly int[] Years = [2020, 2021, 2022];

    public const string SquareA = """{"type":"Polygon","coordinates":[[[116.0,40.0],[116.5,40.0],[116.5,41.0],[116.0,41.0],[116.0,40.0]]]}""";
    public const string SquareB = """{"type":"Polygon","coordinates":[[[116.5,40.0],[117.25,40.0],[117.25,41.0],[116.5,41.0],[116.5,40.0]]]}""";

    /// <summary>Cells outside both cities: column 0 of every row and the south-east corner.</summary>
    public static bool IsNoData(int row, int col) => col == 0 || (row == 3 && col == 4);

    public static CityYear City(string id, int k, int year)
    {
        int t = year - 2020;
        double area = (1 + k) * 1.0e9; // 1000 and 2000 km2
        return new CityYear
        {
            CityId = id, Year = year, AreaM2 = area,
            Gpp = 0.80 + 0.05 * k + 0.01 * t,
            Npp = 0.30 + 0.02 * k + 0.004 * t,
            Nep = 0.05 + 0.01 * k - 0.002 * t,
            Nbp = 0.04 + 0.01 * k - 0.003 * t,
            Hr = 0.25 + 0.01 * k + 0.006 * t,
            VegC = 2.0 + 0.5 * k + 0.03 * t,
            LitterC = 0.4 + 0.1 * k,
            SoilC = 7.0 + 1.0 * k + 0.02 * t,
            TotalC = 2.0 + 0.5 * k + 0.03 * t + 0.4 + 0.1 * k + 7.0 + 1.0 * k + 0.02 * t,
            AreaByClassM2 = new Dictionary<string, double>
            {
                ["cropland"] = area * (0.5 - 0.01 * t),
                ["forest"] = area * 0.3,
                ["urban"] = area * (0.2 + 0.01 * t),
            },
            Extra = new Dictionary<string, double> { ["emissions_tCO2"] = 1e6 * (k + 1) + 1000 * t },
        };
    }

    public static GridSpec Grid(bool geographic) => geographic
        ? new GridSpec(116.0, 41.0, 0.25, 4, 5, GridSpec.Wgs84LonLatWkt)
        : new GridSpec(-250_000, 4_600_000, 1000, 4, 5,
            "PROJCS[\"Albers_China\",GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Albers\"],PARAMETER[\"False_Easting\",0.0],PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\",105.0],PARAMETER[\"Standard_Parallel_1\",25.0],PARAMETER[\"Standard_Parallel_2\",47.0],PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]");

    /// <summary>Per-cell layer: value depends on row, col and year; NaN outside cities.</summary>
    public static double[] Layer(GridSpec g, int year, double scale)
    {
        var v = new double[g.CellCount];
        for (int r = 0; r < g.Rows; r++)
            for (int c = 0; c < g.Cols; c++)
                v[g.Index(r, c)] = IsNoData(r, c) ? double.NaN : scale * (1 + 0.1 * r + 0.01 * c + 0.001 * (year - 2020));
        return v;
    }

    public static RunResults Create(bool geographic = true, bool embedGeometry = true, string? boundaries = null)
    {
        var cities = new List<CityInfo>
        {
            new("110000", "Beijing", "北京市", "Beijing", embedGeometry ? SquareA : null),
            new("120000", "Tianjin, Coast", "天津市", "Tianjin", embedGeometry ? SquareB : null),
        };
        var rows = new List<CityYear>();
        for (int k = 0; k < cities.Count; k++)
            foreach (var y in Years) rows.Add(City(cities[k].Id, k, y));
        var g = Grid(geographic);
        return new RunResults
        {
            ScenarioName = "synthetic",
            ScenarioSha256 = new string('a', 64),
            InputSha256 = new Dictionary<string, string> { ["landuse.asc"] = new string('b', 64) },
            Years = Years,
            Cities = cities,
            CityYears = rows,
            RegionYears = Years.Select(y => RegionYear.Aggregate(y, rows)).ToList(),
            Grid = g,
            Rasters =
            [
                RasterLayer.TotalCarbon(2020, Layer(g, 2020, 9.0)),
                RasterLayer.TotalCarbon(2022, Layer(g, 2022, 9.0)),
                RasterLayer.Npp(2020, Layer(g, 2020, 0.3)),
                RasterLayer.Npp(2022, Layer(g, 2022, 0.3)),
            ],
            // Beijing (index 0) west of column 3, Tianjin from column 3 on; -1 where no data.
            CellCity = Enumerable.Range(0, g.CellCount).Select(i => IsNoData(i / g.Cols, i % g.Cols) ? -1 : i % g.Cols < 3 ? 0 : 1).ToArray(),
            BoundariesPath = boundaries,
            Spinup = new SpinupStats(3, 18, 1200, 2000, 0),
            Timings = [new PhaseTiming("spinup", 1.5), new PhaseTiming("transient", 2.25)],
        };
    }
}

/// <summary>A fresh temp folder per test, deleted afterwards.</summary>
internal sealed class TempDir : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "carbonsim-out-" + Guid.NewGuid().ToString("N"));
    public TempDir() => Directory.CreateDirectory(Path);
    public string Sub(string name) => System.IO.Path.Combine(Path, name);
    public void Dispose() { try { Directory.Delete(Path, true); } catch (IOException) { } }
}

/// <summary>Locates the repository's <c>data/</c> folder (walks up to CarbonSim.sln).</summary>
internal static class RepoData
{
    public static string Path(params string[] parts)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "CarbonSim.sln"))) dir = dir.Parent;
        if (dir is null) throw new InvalidOperationException("CarbonSim.sln not found above " + AppContext.BaseDirectory);
        return System.IO.Path.Combine([dir.FullName, "data", .. parts]);
    }
}
