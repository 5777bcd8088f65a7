using CarbonSim.Contracts;
using CarbonSim.Model.Engine;
using CarbonSim.Model.Climate;
using CarbonSim.Model.Io.BiomeBgc;
using CarbonSim.Model.Parameters;

namespace CarbonSim.Cluster.Tests;

/// <summary>
/// A small made-up region for the cluster tests: a <c>rows × cols</c> grid with a few masked cells,
/// two cities (west/east halves), two climates (north/south), one site, two vegetation types mixed
/// per cell. Everything follows from row and column; nothing random. Few distinct spin-ups (4).
/// </summary>
public static class TinyRegion
{
    public static RunSpec Build(int rows = 12, int cols = 12, int firstYear = 2020, int lastYear = 2031, int tileSize = 3, int checkpointEvery = 2)
    {
        var row = new List<int>(); var col = new List<int>(); var city = new List<int>(); var area = new List<double>();
        var climate = new List<int>(); var site = new List<int>(); var landUse = new List<int>();
        var start = new List<int> { 0 }; var veg = new List<int>(); var frac = new List<double>();
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++)
            {
                if ((r * 5 + c * 3) % 11 == 0) continue;
                row.Add(r); col.Add(c);
                city.Add(c < cols / 2 ? 0 : 1);
                area.Add(1e6 * (0.6 + 0.4 * ((r + 2 * c) % 5) / 4.0));
                climate.Add(r < rows / 2 ? 0 : 1);
                site.Add(0);
                bool woody = (r + c) % 3 != 0;
                landUse.Add(woody ? 1 : 2);
                if (woody) { veg.Add(0); frac.Add(0.7); veg.Add(1); frac.Add(0.2); }
                else { veg.Add(1); frac.Add(0.85); }
                start.Add(veg.Count);
            }
        int years = lastYear - firstYear + 1;
        return new RunSpec
        {
            ScenarioName = "tiny",
            FirstYear = firstYear,
            LastYear = lastYear,
            TileSize = tileSize,
            GridRows = rows,
            GridCols = cols,
            CityIds = ["T1", "T2"],
            CityNames = ["Westville", "Eastville"],
            VegetationTypes =
            [
                Vegetation("dbf"),
                Vegetation("c3grass"),
            ],
            Sites = [new SiteParameters { Latitude = 39.5, Elevation = 60, NDeposition = 0.0015, NFixation = 0.0004 }],
            Climates = [Met(9.0), Met(12.0)],
            Cells = new CellTable
            {
                Row = [.. row], Col = [.. col], City = [.. city], AreaM2 = [.. area], Climate = [.. climate], Site = [.. site],
                LandUse = [.. landUse], ColumnStart = [.. start], ColumnVegetation = [.. veg], ColumnFraction = [.. frac],
            },
            Co2ByYear = Enumerable.Range(0, years).Select(y => 405.0 + 2.2 * y).ToArray(),
            NDepositionByYear = Enumerable.Repeat(0.0015, years).ToArray(),
            SpinupCo2 = 285,
            SpinupNDeposition = 0.0008,
            CellOutputYears = [firstYear, lastYear],
            CheckpointEveryYears = checkpointEvery,
            SpinupMaxYears = 300,
        };
    }

    /// <summary>A vegetation type from the repository's BIOME-BGC reference .epc files (data/reference/biomebgc).</summary>
    static VegetationType Vegetation(string name) => new()
    {
        Name = name,
        Epc = EpcReader.Read(Path.Combine(Paths.RepoRoot, "data", "reference", "biomebgc", "inputs", "epc", name + ".epc")),
    };

    /// <summary>Two years of smooth seasonal weather with mean temperature <paramref name="meanC"/> [°C].</summary>
    static MetSeries Met(double meanC)
    {
        const int years = 2;
        int n = years * MetSeries.DaysPerYear;
        var tmax = new double[n]; var tmin = new double[n]; var prcp = new double[n];
        var vpd = new double[n]; var srad = new double[n]; var dayl = new double[n];
        for (int i = 0; i < n; i++)
        {
            double season = Math.Sin(2 * Math.PI * ((i % MetSeries.DaysPerYear) - 105) / MetSeries.DaysPerYear);
            tmax[i] = meanC + 5 + 13 * season;                        // [°C]
            tmin[i] = meanC - 5 + 11 * season;                        // [°C]
            prcp[i] = i % 4 == 0 ? 6.5 + 4 * Math.Max(0, season) : 0; // [kg m-2 d-1]
            vpd[i] = 700 + 450 * season;                              // [Pa]
            srad[i] = 290 + 140 * season;                             // [W m-2]
            dayl[i] = 43200 + 12000 * season;                         // [s]
        }
        return new MetSeries(Enumerable.Range(2001, years).ToArray(), tmax, tmin, prcp, vpd, srad, dayl);
    }
}
