using System.Globalization;
using CarbonSim.Model.Kernel;
using CarbonSim.Model.LandUse;
using CarbonSim.Model.Output;
using CarbonSim.Model.Region;

namespace CarbonSim.Model.Scenarios;

/// <summary>
/// A scenario's land-use change coupled to the process kernel, in one process (<see cref="CoupledLandUse"/>):
/// the same cells, columns, climate zones, spin-up settings and forcing as the engine's run
/// (RunSpecFactory: site = the zone's site; spin-up at <c>spinup.co2_ppm</c> and <c>spinup.n_deposition</c>,
/// regrown to <c>stand_age_years</c>; transient CO2 by year and constant N deposition; met year =
/// (year − start) mod record length). Spin-ups are computed for every (vegetation type, zone) a class of
/// the table can put in a cell of that zone, so new columns can start from them. Without
/// <c>land_use_change</c> the map never changes.
/// </summary>
public static class CoupledScenarioRun
{
    public static RunResults Run(RegionSetup setup, int? tileSize = null, int? lastYear = null, Action<string>? progress = null)
    {
        var s = setup.Scenario;
        var table = s.LandUse.Classes;
        var names = table.Classes.Select(c => c.Name).ToArray();
        int k = names.Length, w = setup.Grid.Cols, h = setup.Grid.Rows;
        int end = lastYear ?? s.EndYear, tile = tileSize ?? s.Grid.TileSize;
        double cellArea = s.Grid.ResolutionM * s.Grid.ResolutionM;

        var classes = Enumerable.Repeat(LandUseMap.NoData, w * h).ToArray();
        var city = Enumerable.Repeat(-1, w * h).ToArray();
        var cellOf = new CellSetup?[w * h];
        foreach (var c in setup.Cells)
        {
            int g = c.Row * w + c.Col;
            classes[g] = Array.IndexOf(names, c.LandUseClass);
            city[g] = int.Parse(c.CityId, NumberStyles.None, CultureInfo.InvariantCulture);
            cellOf[g] = c;
        }
        var map = new LandUseMap(w, h, classes);

        // Combos (vegetation, zone) and their spin-ups.
        var combo = new Dictionary<(string Veg, string Zone), int>();
        var models = new List<CellModel>();
        var eq = new List<CellState>();
        var seedlings = new List<CellState>();
        foreach (var z in setup.ClimateZones)
            foreach (var cls in table.Classes)
                foreach (var col in cls.MixIn(z.Key).Columns.Concat(cls.DefaultMix.Columns))
                    if (!combo.ContainsKey((col.VegetationType, z.Key)))
                    {
                        var model = new CellModel(s.Vegetation[col.VegetationType].Parameters, z.Site, z.Met);
                        var opt = new SpinupOptions(Co2Ppm: s.Spinup.Co2Ppm, NDeposition: s.Spinup.NDepositionKgPerM2PerYear, MaxYears: s.Spinup.MaxYears);
                        var r = s.Spinup.Mode == SpinupMode.Accelerated ? Spinup.RunAccelerated(model, opt) : Spinup.Run(model, opt);
                        var state = StandHistory.Regrow(model, r.State, s.Spinup.StandAgeYears, new YearForcing(s.Spinup.Co2Ppm, s.Spinup.NDepositionKgPerM2PerYear));
                        combo[(col.VegetationType, z.Key)] = models.Count;
                        models.Add(model); eq.Add(state); seedlings.Add(StandHistory.ClearPlant(model, state));
                    }
        progress?.Invoke($"{models.Count} spin-ups done");
        (int, double)[] MixOf(int g, int cls)
        {
            var c = cellOf[g]!;
            return table.Classes[cls].MixIn(c.CityId).Columns.Select(x => (combo[(x.VegetationType, c.ClimateZone)], x.Fraction)).ToArray();
        }

        var luc = s.LandUseChange;
        LandUseRules rules; ConversionCarbonRules conv;
        AllocationDrivers drivers;
        Dictionary<int, SortedDictionary<int, int[]>>? demand = null;
        if (luc is not null)
        {
            rules = luc.Rules; conv = s.ConversionCarbon!.ToRules(s.SourcePath);
            drivers = LandUseScenarioRun.Drivers(setup, classes, city);
            var startCounts = new SortedDictionary<int, int[]>();
            for (int g = 0; g < classes.Length; g++)
                if (classes[g] >= 0) { if (!startCounts.TryGetValue(city[g], out var sc)) startCounts[city[g]] = sc = new int[k]; sc[classes[g]]++; }
            demand = startCounts.ToDictionary(p => p.Key, p => LandUseDemandPlan.ForCity(s, p.Key, p.Value, cellArea));
        }
        else
        {
            var allowed = new bool[k, k];
            rules = new LandUseRules(names, 0, 1, 0, Enumerable.Repeat(new SuitabilityCoefficients(0, 0, 0, 0, 0), k).ToArray(), new double[k], 0, new double[k], allowed);
            conv = new ConversionCarbonRules([], 1);
            drivers = new AllocationDrivers(city, new bool[w * h], new double[w * h], new double[w * h], new double[w * h]);
        }
        var run = new CoupledLandUse(map, drivers, rules, conv, MixOf, [.. eq], cellArea) { Seedlings = [.. seedlings] };

        var rows = new List<CityYear>();
        var kernelSums = new Dictionary<int, double[]>(); // per city: gpp, npp, nep, nbp, hr (kg C a-1)
        for (int y = s.StartYear; y <= end; y++)
        {
            int year = y;
            foreach (var v in kernelSums.Values) Array.Clear(v);
            int metYear(int g) => (year - s.StartYear) % setup.Zone(cellOf[g]!.ClimateZone).Met.YearCount;
            double Column(int g, double fraction, int m, CellState state)
            {
                var a = models[m].RunYear(state, metYear(g), new YearForcing(setup.Co2Ppm(year), s.Nitrogen.DepositionKgPerM2PerYear));
                if (!kernelSums.TryGetValue(city[g], out var acc)) kernelSums[city[g]] = acc = new double[5];
                double f = fraction * cellArea;
                acc[0] += a.Gpp * f; acc[1] += a.Npp * f; acc[2] += a.Nep * f; acc[3] += a.Nbp * f; acc[4] += a.Hr * f;
                return a.Nbp;
            }
            var r = run.Step(year, Column, demand is null ? null : id => demand[id][year], tile);
            foreach (var (id, b) in r.CityBooks)
            {
                double area = 0, veg = 0, lit = 0, soil = 0, wood = 0;
                var byClass = new SortedDictionary<string, double>(StringComparer.Ordinal);
                for (int g = 0; g < classes.Length; g++)
                {
                    if (city[g] != id || run.Map.Classes[g] < 0) continue;
                    var col = run.CarbonOf(g);
                    area += cellArea; veg += col.VegC * cellArea; lit += col.LitterC * cellArea; soil += col.SoilC * cellArea; wood += col.WoodProductC * cellArea;
                    var cn = names[run.Map.Classes[g]];
                    byClass[cn] = byClass.GetValueOrDefault(cn) + cellArea;
                }
                var ks = kernelSums.GetValueOrDefault(id) ?? new double[5];
                double luEmission = b.LandUseEmissionKg;
                rows.Add(new CityYear
                {
                    CityId = id.ToString(CultureInfo.InvariantCulture), Year = year, AreaM2 = area,
                    Gpp = ks[0] / area, Npp = ks[1] / area, Nep = ks[2] / area, Nbp = (ks[3] - luEmission) / area, Hr = ks[4] / area,
                    VegC = veg / area, LitterC = lit / area, SoilC = soil / area, TotalC = (veg + lit + soil) / area,
                    AreaByClassM2 = new Dictionary<string, double>(byClass),
                    Extra = new Dictionary<string, double>
                    {
                        [LandUseColumns.ToAtmosphere] = b.ConversionToAtmosphereKg / 1000,
                        [LandUseColumns.WoodDecay] = b.WoodDecayKg / 1000,
                        [LandUseColumns.Establishment] = b.EstablishmentKg / 1000,
                        [LandUseColumns.WoodStock] = wood / 1000,
                        [LandUseColumns.Converted] = r.Allocation?.Cities.First(c => c.CityId == id).Winners.Length ?? 0,
                        [LandUseColumns.Shortfall] = r.Allocation?.Cities.First(c => c.CityId == id).Shortfalls.Sum(x => x.MissingCells) ?? 0,
                    },
                });
            }
            progress?.Invoke($"year {year} done");
        }
        var years = Enumerable.Range(s.StartYear, end - s.StartYear + 1).ToList();
        return new RunResults
        {
            ScenarioName = s.Name, ScenarioSha256 = s.FileHash, Years = years,
            Cities = setup.Cities.Select(c => new CityInfo(c.Id, c.Name, "", "")).ToList(), CityYears = rows,
            RegionYears = years.Select(y => RegionYear.Aggregate(y, rows)).ToList(), BoundariesPath = s.Region.BoundariesPath,
        };
    }
}
