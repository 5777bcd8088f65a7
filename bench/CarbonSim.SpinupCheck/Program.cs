using System.Diagnostics;
using System.Globalization;
using CarbonSim.Client.Cli;
using CarbonSim.Client.Commands;
using CarbonSim.Model.Engine;
using CarbonSim.Model.Kernel;

// Every distinct spin-up key of a scenario, one line each (docs/model.md "Spin-up in regional runs"):
//  old  = Spinup.RunAccelerated alone: years, its Steady flag, its half-cycle soil-C trend, the soil-C jump of its
//         last analytic step (year-end soil C of the last simulated year -> soil C of the state returned);
//  next = soil-C trend between the first two met-record cycles simulated after that state (g C m-2 a-1);
//  new  = Spinup.RunChecked (what the engine runs): method, years (accelerated part), converged, drift;
//  --compare: total C of the state vs the standard rule's (Spinup.Run from bare ground), in %.
// Then the counts and the CPU seconds of both routines over all keys (one thread).
// usage: dotnet run -c Release --project bench/CarbonSim.SpinupCheck -- [<scenario>] [--resolution <km>] [--compare]
var rest = new List<string>(args);
bool compare = rest.Remove("--compare");
var (setup, spec) = RunCommand.Prepare(RunOptions.Parse(rest));
var combos = Tiling.DistinctCombos(spec, Enumerable.Range(0, spec.Cells.Count));
var inv = CultureInfo.InvariantCulture;
Console.WriteLine(string.Create(inv, $"{spec.ScenarioName}: {combos.Length} keys, met record {spec.Climates[0].YearCount} years, block {Spinup.BlockLength(spec.Climates[0].YearCount)} years, max_years {spec.SpinupMaxYears}, {(spec.SpinupAccelerated ? "accelerated" : "standard")}"));
int oldNotSteady = 0, nextAbove = 0, acc = 0, fellBack = 0, notConverged = 0;
var diffs = new List<(string Veg, double Diff)>();
double G(double kg) => kg * 1000;
foreach (var c in combos)
{
    var r = SpinupRequests.For(spec, c);
    var model = new CellModel(r.Epc, r.Site, r.Met);
    var o = new SpinupOptions(Co2Ppm: r.Co2, NDeposition: r.NDeposition, MaxYears: r.MaxYears);
    var old = Spinup.RunAccelerated(model, o);
    if (!old.Steady) oldNotSteady++;
    var s = old.State.Clone();
    double[] means = new double[2];
    for (int k = 0; k < 2; k++)
        for (int y = 0; y < model.MetYears; y++) means[k] += model.RunYear(s, new YearForcing(r.Co2, r.NDeposition)).SumDailySoilC / (model.MetYears * 365.0);
    double next = (means[1] - means[0]) / model.MetYears;
    if (Math.Abs(next) >= o.Tolerance) nextAbove++;
    var x = Spinup.RunChecked(model, o, r.Accelerated);
    if (x.Method == SpinupMethod.Accelerated && x.Converged) acc++;
    if (x.Method == SpinupMethod.AcceleratedThenStandard) fellBack++;
    if (!x.Converged) notConverged++;
    string veg = spec.VegetationTypes[c.Vegetation].Name;
    string line = string.Create(inv,
        $"{veg,-8} {setup.ClimateZones[c.Climate].Key,-8} old {old.Years,4} y steady {(old.Steady ? "yes" : "no "),-3} half-cycle {G(old.SoilCTrend),8:F3} last jump {old.Trajectory[^1].SoilC,7:F3}->{old.State.SoilC,7:F3} | next {G(next),7:F3} | " +
        $"new {x.Method,-23} {x.Years,5} y (acc {x.AcceleratedYears,4}) converged {(x.Converged ? "yes" : "NO "),-3} drift {G(x.SoilCTrend),7:F3}");
    if (compare)
    {
        var std = Spinup.Run(model, o);
        double d = (x.State.TotalC / std.State.TotalC - 1) * 100;
        if (x.Method == SpinupMethod.Accelerated) diffs.Add((veg, d));
        line += string.Create(inv, $" | standard {std.Years,5} y, total C {d,6:+0.00;-0.00} %");
    }
    Console.WriteLine(line);
}
Console.WriteLine(string.Create(inv, $"old: {oldNotSteady} of {combos.Length} flagged not steady; {nextAbove} drift >= tolerance over the next two met cycles"));
Console.WriteLine(string.Create(inv, $"new: {acc} converged accelerated, {fellBack} fell back to standard, {notConverged} not converged"));
foreach (var g in diffs.GroupBy(d => d.Veg))
    Console.WriteLine(string.Create(inv, $"  {g.Key}: total C vs standard {g.Min(d => d.Diff):+0.00;-0.00} … {g.Max(d => d.Diff):+0.00;-0.00} % (mean |diff| {g.Average(d => Math.Abs(d.Diff)):F2} %, {g.Count()} keys)"));

for (int round = 0; round < 2; round++)
{
    double Cpu() { var p = Process.GetCurrentProcess(); p.Refresh(); return p.TotalProcessorTime.TotalSeconds; }
    double t0 = Cpu();
    foreach (var c in combos) { var r = SpinupRequests.For(spec, c); Spinup.RunAccelerated(new CellModel(r.Epc, r.Site, r.Met), new SpinupOptions(r.Co2, r.NDeposition, r.MaxYears)); }
    double t1 = Cpu();
    foreach (var c in combos) { var r = SpinupRequests.For(spec, c); Spinup.RunChecked(new CellModel(r.Epc, r.Site, r.Met), new SpinupOptions(r.Co2, r.NDeposition, r.MaxYears), r.Accelerated); }
    double t2 = Cpu();
    Console.WriteLine(string.Create(inv, $"CPU round {round + 1}: RunAccelerated alone {t1 - t0:F1} s, RunChecked {t2 - t1:F1} s (all keys, one thread)"));
}
