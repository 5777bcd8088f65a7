// Managed-cropland check (docs/management.md, issue #11):
//   dotnet run -c Release --project bench/CarbonSim.CropCheck -- [scenario.yaml] [run-folder]
// 1. per climate zone and cropland type: the scenario's spin-up (accelerated), then its first five years
//    (scenario CO2 and N deposition): NPP, NEP, NBP, harvest, irrigation, end pools, maximum projected LAI, grain yield per crop;
// 2. with a run folder of `carbonsim run` (rasters for the start year): area-weighted NPP and total C per land-use class.
using System.Globalization;
using CarbonSim.Model.Io.Formats;
using CarbonSim.Model.Kernel;
using CarbonSim.Model.Management;
using CarbonSim.Model.Region;
using CarbonSim.Model.Scenarios;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
string root = FindRoot();
var scenario = ScenarioLoader.Load(args.Length > 0 ? args[0] : Path.Combine(root, "scenarios", "jjj-baseline.yaml"));
var setup = RegionBuilder.Build(scenario);
const int years = 5;
var types = scenario.Management?.Rotations.Append("c3grass").ToArray() ?? ["c3grass"];
Console.WriteLine($"zone     type          NPP   NEP   NBP  harvest (g C m-2 a-1)  irrigation mm  | end of year {scenario.StartYear + years - 1}: veg litter soil total (t C ha-1) | max LAI | grain yield (t ha-1, mean of {years} years)");
foreach (var zone in setup.ClimateZones)
foreach (var t in types)
{
    var epc = scenario.Vegetation[t].Parameters;
    var m = new CellModel(epc, zone.Site, zone.Met, label: zone.Key);
    var r = Spinup.RunAccelerated(m, new SpinupOptions(Co2Ppm: scenario.Spinup.Co2Ppm, NDeposition: scenario.Spinup.NDepositionKgPerM2PerYear, MaxYears: scenario.Spinup.MaxYears));
    var s = r.State;
    double npp = 0, nep = 0, nbp = 0, harvest = 0, irrigation = 0, maxLai = 0;
    var grain = new double[epc.Management?.Seasons.Count ?? 0];
    AnnualSummary a = null!;
    for (int y = 0; y < years; y++)
    {
        a = m.RunYear(s, new YearForcing(setup.Co2Ppm(scenario.StartYear + y), scenario.Nitrogen.DepositionKgPerM2PerYear));
        npp += a.Npp; nep += a.Nep; nbp += a.Nbp; harvest += a.HarvestC; irrigation += a.Irrigation; maxLai = Math.Max(maxLai, a.MaxLai);
        for (int i = 0; i < grain.Length; i++) grain[i] += a.GrainCBySeason[i];
    }
    string yields = epc.Management is null ? "" : string.Join(", ", epc.Management.Seasons.Select((c, i) => $"{c.Crop} {CropYield.TonnesPerHectare(grain[i] / years, c.GrainMoisture):F2}"));
    Console.WriteLine($"{zone.Key,-8} {t,-12} {npp / years * 1000,5:F0} {nep / years * 1000,5:F0} {nbp / years * 1000,5:F0} {harvest / years * 1000,5:F0} {irrigation / years,5:F0} | {a.VegetationC * 10,5:F1} {a.LitterC * 10,5:F1} {a.SoilC * 10,6:F1} {a.TotalC * 10,6:F1} | {maxLai,4:F1} | {yields}");
}

if (args.Length > 1)
{
    int year = scenario.StartYear;
    var npp = EsriAsciiGrid.Read(Path.Combine(args[1], "rasters", $"npp_{year}_gC_m2_yr.asc"));
    var total = EsriAsciiGrid.Read(Path.Combine(args[1], "rasters", $"total_c_{year}_tC_ha.asc"));
    Console.WriteLine($"\nclass means of the run's {year} rasters (cells weighted by area; whole cells incl. sealed/bare/water shares):");
    foreach (var g in setup.Cells.GroupBy(c => c.LandUseClass).OrderBy(g => g.Key, StringComparer.Ordinal))
    {
        double area = g.Sum(c => c.AreaM2);
        double n = g.Sum(c => c.AreaM2 * npp.Value(c.Row, c.Col)) / area, tc = g.Sum(c => c.AreaM2 * total.Value(c.Row, c.Col)) / area;
        Console.WriteLine($"{g.Key,-18} cells {g.Count(),5}  NPP {n,7:F1} g C m-2 a-1  total C {tc,7:F1} t C ha-1");
    }
}

static string FindRoot()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CarbonSim.sln"))) dir = dir.Parent;
    return dir?.FullName ?? throw new InvalidOperationException("CarbonSim.sln not found above " + AppContext.BaseDirectory);
}
