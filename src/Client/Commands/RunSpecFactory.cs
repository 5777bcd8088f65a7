using CarbonSim.Grains.Contracts;
using CarbonSim.Model.Io.BiomeBgc;
using CarbonSim.Model.Region;
using CarbonSim.Model.Scenarios;

namespace CarbonSim.Client.Commands;

/// <summary>Turns a validated region set-up (cells, zones, vegetation) into the engine's <see cref="RunSpec"/>.</summary>
public static class RunSpecFactory
{
    /// <param name="tileSize">[cells] Tile edge; null = the scenario's.</param>
    public static RunSpec From(RegionSetup setup, int? tileSize = null)
    {
        var scenario = setup.Scenario;
        var vegetationNames = scenario.Vegetation.Keys.ToArray();          // sorted (ordinal)
        var vegetationIndex = vegetationNames.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
        var zoneIndex = setup.ClimateZones.Select((z, i) => (z.Key, i)).ToDictionary(p => p.Key, p => p.i, StringComparer.Ordinal);

        int n = setup.Cells.Length;
        var row = new int[n]; var col = new int[n]; var city = new int[n]; var area = new double[n];
        var zone = new int[n]; var landUse = new int[n]; var start = new int[n + 1];
        var veg = new List<int>(); var frac = new List<double>();
        for (int i = 0; i < n; i++)
        {
            var c = setup.Cells[i];
            if (c.Id != i) throw new InvalidOperationException($"cell ids must be dense and ordered; cell at {i} has id {c.Id}");
            row[i] = c.Row; col[i] = c.Col; city[i] = c.CityIndex; area[i] = c.AreaM2;
            zone[i] = zoneIndex[c.ClimateZone]; landUse[i] = c.LandUseCode;
            foreach (var column in c.Columns)
            {
                veg.Add(vegetationIndex[column.VegetationType]);
                frac.Add(column.Fraction);
            }
            start[i + 1] = veg.Count;
        }

        int first = scenario.StartYear, last = scenario.EndYear, years = last - first + 1;
        double ndep = scenario.Nitrogen.DepositionKgPerM2PerYear;
        return new RunSpec
        {
            ScenarioName = scenario.Name,
            FirstYear = first,
            LastYear = last,
            TileSize = tileSize ?? scenario.Grid.TileSize,
            GridRows = setup.Grid.Rows,
            GridCols = setup.Grid.Cols,
            CityIds = setup.Cities.Select(c => c.Id).ToArray(),
            CityNames = setup.Cities.Select(c => c.Name).ToArray(),
            VegetationTypes = vegetationNames.Select(name => new VegetationType
            {
                Name = name,
                Epc = EpcReader.Read(scenario.Vegetation[name].EpcPath),
            }).ToArray(),
            Sites = setup.ClimateZones.Select(z => z.Site).ToArray(),
            Climates = setup.ClimateZones.Select(z => z.Met).ToArray(),
            Cells = new CellTable
            {
                Row = row, Col = col, City = city, AreaM2 = area, Climate = zone, Site = zone, LandUse = landUse,
                ColumnStart = start, ColumnVegetation = [.. veg], ColumnFraction = [.. frac],
            },
            Co2ByYear = Enumerable.Range(first, years).Select(setup.Co2Ppm).ToArray(),
            NDepositionByYear = Enumerable.Repeat(ndep, years).ToArray(),
            SpinupCo2 = scenario.Spinup.Co2Ppm,
            SpinupNDeposition = scenario.Spinup.NDepositionKgPerM2PerYear,
            SpinupAccelerated = scenario.Spinup.Mode == SpinupMode.Accelerated,
            SpinupMaxYears = scenario.Spinup.MaxYears,
            SpinupStandAgeYears = scenario.Spinup.StandAgeYears,
            CellOutputYears = scenario.Outputs.RasterYears.Where(y => y >= first && y <= last).Distinct().Order().ToArray(),
        };
    }
}
