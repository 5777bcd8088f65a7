using CarbonSim.Model.Engine;
using CarbonSim.Model.Climate;
using CarbonSim.Model.Io.BiomeBgc;
using CarbonSim.Model.Parameters;

namespace CarbonSim.Model.Tests.Engine;

/// <summary>
/// A small made-up region for engine tests (Model.Tests/Engine and, linked, Grains.Tests): a 9×11 grid with a ragged mask (about 70 cells), two
/// cities, two climates, two sites, three vegetation types, one to three columns per cell.
/// Everything derives from the cell's row and column: no randomness.
/// </summary>
public static class SyntheticRegion
{
    public const int Rows = 9, Cols = 11;

    public static RunSpec Build(int tileSize = 32, int firstYear = 2020, int lastYear = 2024, int[]? cellOutputYears = null)
    {
        var row = new List<int>(); var col = new List<int>(); var city = new List<int>(); var area = new List<double>();
        var climate = new List<int>(); var site = new List<int>(); var landUse = new List<int>();
        var start = new List<int> { 0 }; var veg = new List<int>(); var frac = new List<double>();
        for (int r = 0; r < Rows; r++)
            for (int c = 0; c < Cols; c++)
            {
                if ((r * 7 + c * 3) % 5 == 0) continue; // holes in the mask
                row.Add(r); col.Add(c);
                city.Add(c < 5 ? 0 : 1);
                area.Add(1e6 * (0.5 + 0.5 * ((r + c) % 3) / 2.0));
                climate.Add(r < 4 ? 0 : 1);
                site.Add(c % 2);
                int kind = (r + 2 * c) % 3;
                landUse.Add(kind);
                switch (kind)
                {
                    case 0: veg.Add(0); frac.Add(0.9); break;
                    case 1: veg.Add(1); frac.Add(0.5); veg.Add(2); frac.Add(0.3); break;
                    default: veg.Add(2); frac.Add(0.4); veg.Add(0); frac.Add(0.2); veg.Add(1); frac.Add(0.1); break;
                }
                start.Add(veg.Count);
            }
        int years = lastYear - firstYear + 1;
        return new RunSpec
        {
            ScenarioName = "synthetic",
            FirstYear = firstYear,
            LastYear = lastYear,
            TileSize = tileSize,
            GridRows = Rows,
            GridCols = Cols,
            CityIds = ["C0", "C1"],
            CityNames = ["West", "East"],
            VegetationTypes = [Vegetation("dbf"), Vegetation("c3grass"), Vegetation("enf")],
            Sites =
            [
                new SiteParameters { Latitude = 40, Elevation = 50, NDeposition = 0.002, NFixation = 0.0004 },
                new SiteParameters { Latitude = 39, Elevation = 400, SandPercent = 50, SiltPercent = 30, NDeposition = 0.002, NFixation = 0.0004 },
            ],
            Climates = [Met(8.0, 2), Met(12.5, 3)],
            Cells = new CellTable
            {
                Row = [.. row], Col = [.. col], City = [.. city], AreaM2 = [.. area], Climate = [.. climate], Site = [.. site],
                LandUse = [.. landUse], ColumnStart = [.. start], ColumnVegetation = [.. veg], ColumnFraction = [.. frac],
            },
            Co2ByYear = Enumerable.Range(0, years).Select(y => 410.0 + 2.5 * y).ToArray(),
            NDepositionByYear = Enumerable.Range(0, years).Select(_ => 0.002).ToArray(),
            SpinupCo2 = 300,
            SpinupNDeposition = 0.001,
            CellOutputYears = cellOutputYears ?? Enumerable.Range(firstYear, years).ToArray(),
            CheckpointEveryYears = 2,
            SpinupMaxYears = 200,
        };
    }

    /// <summary>
    /// The region with land-use change: classes forest (0), grass (1) and built-up (2) = the cells' kinds;
    /// each city turns <paramref name="perYear"/> forest cells a year into built-up land (forest → built-up
    /// allowed, with a carbon rule; grass → built-up allowed without conversion of grass demand), built-up
    /// land keeps a grass column of 0.2. Window 3, built-up search radius 2: a halo of 2 cells.
    /// </summary>
    public static RunSpec WithLandUse(RunSpec spec, int perYear = 2)
    {
        const int k = 3;
        var t = spec.Cells;
        int cities = spec.CityIds.Length, years = spec.YearCount;
        var counts = new int[cities * k];
        for (int i = 0; i < t.Count; i++) counts[t.City[i] * k + t.LandUse[i]]++;
        var demand = new int[cities][][];
        for (int c = 0; c < cities; c++)
        {
            demand[c] = new int[years][];
            for (int y = 0; y < years; y++)
            {
                int moved = Math.Min(perYear * (y + 1), counts[c * k]);
                demand[c][y] = [counts[c * k + 0] - moved, counts[c * k + 1], counts[c * k + 2] + moved];
            }
        }
        // Mix per (city, class): forest dbf 0.9; grass c3grass 0.5 + enf 0.3; built-up c3grass 0.2.
        MixColumn[][] classMix = [[new(0, 0.9)], [new(1, 0.5), new(2, 0.3)], [new(1, 0.2)]];
        double[][] suitability = [[0.5, -0.1, -0.2, -0.001, -0.05], [0.3, -0.05, -0.1, 0, -0.02], [1.0, -0.3, -0.4, -0.002, -0.1]];
        string[] names = ["forest", "grass", "built"];
        double[] weight = [0.5, 0.5, 1.0], elasticity = [0.3, 0.2, 0.9];
        return spec with
        {
            LandUse = new LandUsePlan
            {
                Classes = Enumerable.Range(0, k).Select(c => new LandUseClassRule
                {
                    Name = names[c], Code = 10 * (c + 1),
                    SuitabilityIntercept = suitability[c][0], SuitabilityPerKmToCentre = suitability[c][1], SuitabilityPerCellToBuiltUp = suitability[c][2],
                    SuitabilityPerMetreElevation = suitability[c][3], SuitabilityPerDegreeSlope = suitability[c][4],
                    NeighbourhoodWeight = weight[c], Elasticity = elasticity[c],
                    CanBecome = [false, false, c == 0], // forest -> built-up only
                }).ToArray(),
                CellClass = [.. t.LandUse],
                CellProtected = Enumerable.Range(0, t.Count).Select(i => t.Row[i] == 0 && t.Col[i] < 3).ToArray(),
                CellKmToCentre = Enumerable.Range(0, t.Count).Select(i => Math.Abs(t.Row[i] - 4) + Math.Abs(t.Col[i] % 5 - 2) * 1.5).ToArray(),
                CellElevationM = Enumerable.Range(0, t.Count).Select(i => 50.0 + 10 * t.Row[i]).ToArray(),
                CellSlopeDeg = Enumerable.Range(0, t.Count).Select(i => (double)(t.Col[i] % 4)).ToArray(),
                BuiltUpClass = 2,
                WindowSize = 3,
                BuiltUpSearchRadius = 2,
                NeighbourhoodFloor = 0.05,
                Transitions = [new TransitionCarbon(0, 2, 0.4, 0.3, 0.2, 0.5, 0.1)],
                WoodProductHalfLifeYears = 2,
                Mix = Enumerable.Range(0, cities).Select(_ => classMix).ToArray(),
                Demand = demand,
            },
        };
    }

    /// <summary>A vegetation type from the repository's BIOME-BGC reference .epc files.</summary>
    static VegetationType Vegetation(string name) => new()
    {
        Name = name,
        Epc = EpcReader.Read(Path.Combine(RepoRoot(), "data", "reference", "biomebgc", "inputs", "epc", name + ".epc")),
    };

    /// <summary>The repository root: the first folder above the test binaries that holds CarbonSim.sln.</summary>
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CarbonSim.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"no CarbonSim.sln above {AppContext.BaseDirectory}");
    }

    /// <summary>A smooth seasonal met series, <paramref name="years"/> years long, mean temperature <paramref name="meanC"/> [°C].</summary>
    static MetSeries Met(double meanC, int years)
    {
        int n = years * MetSeries.DaysPerYear;
        var tmax = new double[n]; var tmin = new double[n]; var prcp = new double[n];
        var vpd = new double[n]; var srad = new double[n]; var dayl = new double[n];
        for (int i = 0; i < n; i++)
        {
            int y = i / MetSeries.DaysPerYear;
            double phase = 2 * Math.PI * (i % MetSeries.DaysPerYear - 105) / MetSeries.DaysPerYear;
            double t = meanC + 14 * Math.Sin(phase) + 0.3 * y;
            tmax[i] = t + 5; tmin[i] = t - 5;
            prcp[i] = (i % 4 == 0) ? 6 : 0;
            vpd[i] = 700 + 500 * Math.Sin(phase);
            srad[i] = 300 + 150 * Math.Sin(phase);
            dayl[i] = 43200 + 10000 * Math.Sin(phase);
        }
        return new MetSeries(Enumerable.Range(1990, years).ToArray(), tmax, tmin, prcp, vpd, srad, dayl);
    }
}
