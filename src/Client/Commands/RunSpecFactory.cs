using CarbonSim.Contracts;
using CarbonSim.Model.Engine;
using CarbonSim.Model.Io.BiomeBgc;
using CarbonSim.Model.Region;
using CarbonSim.Model.Scenarios;
using CarbonSim.Model;
using CarbonSim.Model.LandUse;
using System.Globalization;

namespace CarbonSim.Client.Commands;

/// <summary>Turns a validated region set-up (cells, zones, vegetation) into the engine's <see cref="RunSpec"/>.</summary>
public static class RunSpecFactory
{
    /// <param name="tileSize">[cells] Tile edge; null = the scenario's.</param>
    public static RunSpec From(RegionSetup setup, int? tileSize = null)
    {
        var scenario = setup.Scenario;
        // crop practices by city and year (management.crop_practices): variants of the rotations, after the scenario's types
        var practices = new CropPracticeVariants(setup.Cities.Select(c => c.Id).ToArray(),
            scenario.Vegetation.Where(v => v.Value.Parameters.Management is not null).ToDictionary(v => v.Key, v => v.Value.Parameters, StringComparer.Ordinal),
            scenario.Management?.CropPractices ?? []);
        var vegetationNames = scenario.Vegetation.Keys.Concat(practices.Variants.Select(v => v.Name)).ToArray();   // sorted (ordinal), then the variants
        var vegetationIndex = vegetationNames.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
        int VegetationOf(string name, int city) => vegetationIndex[practices.NameFor(name, city)];
        var zoneIndex = setup.ClimateZones.Select((z, i) => (z.Key, i)).ToDictionary(p => p.Key, p => p.i, StringComparer.Ordinal);

        int n = setup.Cells.Length;
        var row = new int[n]; var col = new int[n]; var city = new int[n]; var area = new double[n];
        var zone = new int[n]; var landUse = new int[n]; var start = new int[n + 1];
        var veg = new List<int>(); var frac = new List<double>(); var clearing = new List<int>();
        for (int i = 0; i < n; i++)
        {
            var c = setup.Cells[i];
            if (c.Id != i) throw new InvalidOperationException($"cell ids must be dense and ordered; cell at {i} has id {c.Id}");
            row[i] = c.Row; col[i] = c.Col; city[i] = c.CityIndex; area[i] = c.AreaM2;
            zone[i] = zoneIndex[c.ClimateZone]; landUse[i] = c.LandUseCode;
            foreach (var column in c.Columns)
            {
                veg.Add(VegetationOf(column.VegetationType, c.CityIndex));
                frac.Add(column.Fraction);
                clearing.Add(column.ClearingYear);
            }
            start[i + 1] = veg.Count;
        }

        int first = scenario.StartYear, last = scenario.EndYear, years = last - first + 1;
        double ndep = scenario.Nitrogen.DepositionKgPerM2PerYear;
        var spec = new RunSpec
        {
            ScenarioName = scenario.Name,
            FirstYear = first,
            LastYear = last,
            TileSize = tileSize ?? scenario.Grid.TileSize,
            GridRows = setup.Grid.Rows,
            GridCols = setup.Grid.Cols,
            CityIds = setup.Cities.Select(c => c.Id).ToArray(),
            CityNames = setup.Cities.Select(c => c.Name).ToArray(),
            VegetationTypes = vegetationNames.Select(name => scenario.Vegetation.ContainsKey(name) ? new VegetationType
            {
                Name = name,
                Epc = Calibrated(scenario, name, scenario.Vegetation[name].Parameters.Management is not null ? scenario.Vegetation[name].Parameters  // managed crop rotation (crop calendar)
                    : scenario.Vegetation[name].Parameters.UrbanGreen is { } green ? EpcReader.Read(scenario.Vegetation[name].EpcPath) with { UrbanGreen = green } // managed urban green
                    : scenario.Vegetation[name].Parameters.ForestHarvest is { } felling ? EpcReader.Read(scenario.Vegetation[name].EpcPath) with { ForestHarvest = felling } // harvested forest
                    : EpcReader.Read(scenario.Vegetation[name].EpcPath)),
            } : practices.Variants.Single(v => v.Name == name) is var p ? new VegetationType { Name = name, Epc = Calibrated(scenario, p.Rotation, p.Epc) } : null!).ToArray(),
            Sites = setup.ClimateZones.Select(z => z.Site).ToArray(),
            Climates = setup.ClimateZones.Select(z => z.Met).ToArray(),
            Cells = new CellTable
            {
                Row = row, Col = col, City = city, AreaM2 = area, Climate = zone, Site = zone, LandUse = landUse,
                ColumnStart = start, ColumnVegetation = [.. veg], ColumnFraction = [.. frac],
                ColumnClearingYear = scenario.History is null ? [] : [.. clearing],
            },
            Co2ByYear = Enumerable.Range(first, years).Select(setup.Co2Ppm).ToArray(),
            NDepositionByYear = Enumerable.Repeat(ndep, years).ToArray(),
            SpinupCo2 = scenario.Spinup.Co2Ppm,
            SpinupNDeposition = scenario.Spinup.NDepositionKgPerM2PerYear,
            SpinupAccelerated = scenario.Spinup.Mode == SpinupMode.Accelerated,
            SpinupMaxYears = scenario.Spinup.MaxYears,
            SpinupStandAgeYears = scenario.History is null ? scenario.Spinup.StandAgeYears : 0, // with a history: clearing years per column
            HistoryStartYear = scenario.History?.StartYear ?? 0,
            HistoryCo2ByYear = scenario.History?.Co2For(first) ?? [],
            HistoryNDepositionByYear = scenario.History?.NDepositionFor(first) ?? [],
            HistoryClearingSpreadYears = scenario.ForestAge?.SpreadYears ?? 0,
            CellOutputYears = scenario.Outputs.RasterYears.Where(y => y >= first && y <= last).Distinct().Order().ToArray(),
            LandUse = scenario.LandUseChange is null ? null : LandUse(setup, VegetationOf),
            Compensation = scenario.Compensation is null ? null : Compensation(setup),
            ClassCodes = scenario.LandUse.Classes.Classes.Select(c => c.Code).ToArray(),   // per-class sums (classes_annual.csv)
            ClassNames = scenario.LandUse.Classes.Classes.Select(c => c.Name).ToArray(),
        };
        return spec with { Crops = CropSums.CropsOf(spec.VegetationTypes) };   // crop_yields.csv (docs/outputs.md)
    }

    /// <summary>The .epc values of vegetation type <paramref name="name"/> with the scenario's calibrated parameters applied (docs/calibration.md).</summary>
    static Model.Parameters.EcophysParameters Calibrated(Scenario scenario, string name, Model.Parameters.EcophysParameters epc) =>
        scenario.Calibration is { } c ? c.Parameters.Apply(name, epc) : epc;   // a {type}@{class} type takes its base type's

    /// <summary>The scheme for the region grain (docs/accounting.md §4): built in Model (<see cref="Model.Accounting.RunBudgets.Plan"/>).</summary>
    static CompensationPlan Compensation(RegionSetup setup) =>
        Model.Accounting.RunBudgets.Plan(setup.Scenario, setup.Cities.Select(c => c.Id).ToArray());

    /// <summary>
    /// The scenario's <c>land_use_change</c> and <c>conversion_carbon</c> sections for the engine: every cell's
    /// class and drivers (<see cref="LandUseScenarioRun.Drivers"/>), the rules, each city's demand by year
    /// (<see cref="LandUseDemandPlan.ForCity"/>, which reports demand the city cannot hold) and the columns each
    /// class brings into each city.
    /// </summary>
    static LandUsePlan LandUse(RegionSetup setup, Func<string, int, int> vegetationOf)
    {
        var s = setup.Scenario;
        var luc = s.LandUseChange!;
        var carbon = s.ConversionCarbon ?? throw new InvalidInputException(s.SourcePath, "conversion_carbon (top level)", "missing",
            "a 'conversion_carbon' section (how carbon moves when a cell changes class) with 'land_use_change'");
        carbon.ToRules(s.SourcePath); // validates
        var rules = luc.Rules;
        var names = luc.ClassNames.ToArray();
        int k = names.Length, cols = setup.Grid.Cols, n = setup.Cells.Length;
        var table = s.LandUse.Classes;

        var classGrid = Enumerable.Repeat(LandUseMap.NoData, setup.Grid.Rows * cols).ToArray();
        var cityGrid = Enumerable.Repeat(-1, classGrid.Length).ToArray();
        var cellClass = new int[n];
        foreach (var c in setup.Cells)
        {
            int cls = luc.ClassIndex(c.LandUseClass);
            if (cls < 0)
                throw new InvalidInputException(s.SourcePath, "land_use_change.classes", c.LandUseClass, $"every class of the land-use map (cell {c.Id} is '{c.LandUseClass}')");
            cellClass[c.Id] = cls;
            classGrid[c.Row * cols + c.Col] = cls;
            cityGrid[c.Row * cols + c.Col] = int.Parse(c.CityId, NumberStyles.None, CultureInfo.InvariantCulture);
        }
        var drivers = LandUseScenarioRun.Drivers(setup, classGrid, cityGrid);
        double[] PerCell(double[] grid) => setup.Cells.Select(c => grid[c.Row * cols + c.Col]).ToArray();

        var mix = new MixColumn[setup.Cities.Length][][];
        var demand = new int[setup.Cities.Length][][];
        double cellArea = s.Grid.ResolutionM * s.Grid.ResolutionM;
        foreach (var city in setup.Cities)
        {
            mix[city.Index] = names.Select(name => table.Require(name, s.LandUse.ClassTablePath, $"class '{name}'").MixIn(city.Id).Columns
                .Select(col => new MixColumn(vegetationOf(col.VegetationType, city.Index), col.Fraction)).ToArray()).ToArray();
            var start = new int[k];
            foreach (var c in setup.Cells) if (c.CityIndex == city.Index) start[cellClass[c.Id]]++;
            var plan = LandUseDemandPlan.ForCity(s, int.Parse(city.Id, NumberStyles.None, CultureInfo.InvariantCulture), start, cellArea);
            demand[city.Index] = Enumerable.Range(s.StartYear, s.EndYear - s.StartYear + 1).Select(y => plan[y].ToArray()).ToArray();
        }

        return new LandUsePlan
        {
            Classes = names.Select((name, c) => new LandUseClassRule
            {
                Name = name,
                Code = table.Require(name, s.LandUse.ClassTablePath, $"class '{name}'").Code,
                SuitabilityIntercept = rules.Suitability[c].Intercept,
                SuitabilityPerKmToCentre = rules.Suitability[c].PerKmToCentre,
                SuitabilityPerCellToBuiltUp = rules.Suitability[c].PerCellToBuiltUp,
                SuitabilityPerMetreElevation = rules.Suitability[c].PerMetreElevation,
                SuitabilityPerDegreeSlope = rules.Suitability[c].PerDegreeSlope,
                NeighbourhoodWeight = rules.NeighbourhoodWeight[c],
                Elasticity = rules.Elasticity[c],
                CanBecome = Enumerable.Range(0, k).Select(to => rules.Allowed[c, to]).ToArray(),
            }).ToArray(),
            CellClass = cellClass,
            CellProtected = setup.Cells.Select(c => drivers.Protected[c.Row * cols + c.Col]).ToArray(),
            CellKmToCentre = PerCell(drivers.KmToCentre),
            CellElevationM = PerCell(drivers.ElevationM),
            CellSlopeDeg = PerCell(drivers.SlopeDeg),
            BuiltUpClass = rules.BuiltUpClass,
            WindowSize = rules.WindowSize,
            BuiltUpSearchRadius = rules.BuiltUpSearchRadius,
            NeighbourhoodFloor = rules.NeighbourhoodFloor,
            Transitions = carbon.Rules.Select(r => new TransitionCarbon(r.FromClass, r.ToClass, r.VegToAtmosphere, r.VegToWoodProducts,
                r.VegToLitter, r.LitterToAtmosphere, r.SoilToAtmosphere, r.SoilToSealed, r.SealedToSoil)).ToArray(),
            WoodProductHalfLifeYears = carbon.WoodProductHalfLifeYears,
            Mix = mix,
            Demand = demand,
        };
    }
}
