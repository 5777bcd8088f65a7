using System.Globalization;
using CarbonSim.Client.Output;
using CarbonSim.Model;
using CarbonSim.Model.Calibration;
using CarbonSim.Model.Engine;
using CarbonSim.Model.Region;
using CarbonSim.Model.Scenarios;

namespace CarbonSim.Client.Commands;

/// <summary>
/// <c>carbonsim calibrate</c>: fits the scenario's calibrated parameters (docs/calibration.md) to target densities by
/// running the engine's own year in this process (<see cref="InProcessRun"/>) up to the targets' year, and writes the
/// fitted parameter file and a fit table.
/// </summary>
public static class CalibrateCommand
{
    /// <summary>What <c>carbonsim calibrate</c> was asked (parsed by <see cref="Cli.CarbonSimCli"/>).</summary>
    public sealed record Args(string ScenarioPath, string? Targets, string? Parameters, string? OutDir, bool Overwrite, double? ResolutionKm, int Rounds);

    public const string ParametersFile = "calibrated_parameters.csv";
    public const string FitFile = "calibration_fit.csv";

    public static int Run(Args a, TextWriter stdout, TextWriter stderr)
    {
        if (a.OutDir is not null) Cli.CliOptions.CheckOutFolder(a.OutDir, a.Overwrite, ParametersFile);
        var scenario = ScenarioLoader.Load(a.ScenarioPath);
        string targetsPath = a.Targets ?? scenario.Calibration?.TargetsPath
            ?? throw new InvalidInputException(scenario.SourcePath, "calibration.targets", "missing", "a targets file: --targets <csv> or calibration.targets in the scenario");
        var vegetation = scenario.Vegetation.Keys.ToHashSet(StringComparer.Ordinal);
        var start = a.Parameters is { } p ? ParameterSet.Read(p, vegetation)
            : scenario.Calibration?.Parameters
            ?? throw new InvalidInputException(scenario.SourcePath, "calibration.parameters", "missing", "a parameter file to start from: --parameters <csv> or calibration.parameters in the scenario");
        var targets = CalibrationTargets.Read(targetsPath);
        foreach (var t in targets)
            if (t.Year < scenario.StartYear || t.Year > scenario.EndYear)
                throw new InvalidInputException(targetsPath, $"target {t.Id}", t.Year.ToString(CultureInfo.InvariantCulture), $"a year of the scenario ({scenario.StartYear}–{scenario.EndYear})");
        string outDir = a.OutDir ?? Path.Combine(Cli.RunOptions.DefaultOutParent, scenario.Name + "-calibration");
        bool overwrite = Cli.CliOptions.CheckOutFolder(outDir, a.Overwrite, ParametersFile);

        // The engine's spec with the .epc values as the files give them; each evaluation applies a candidate set.
        var raw = scenario with { Calibration = null };
        if (a.ResolutionKm is double km) raw = raw.WithResolution(km); // the rule of grid.resolution_km
        var setup = RegionBuilder.Build(raw);
        int lastYear = targets.Max(t => t.Year);
        var years = targets.Select(t => t.Year).Distinct().Order().ToArray();
        var spec = RunSpecFactory.From(setup) with { LastYear = lastYear, CellOutputYears = years };
        spec = Truncate(spec);
        var classNames = scenario.LandUse.Classes.Classes.ToDictionary(c => c.Code, c => c.Name);
        var kernel = new SharedColumnModels(new BgcKernel());
        int evaluations = 0;
        IReadOnlyDictionary<string, double> Evaluate(ParameterSet set)
        {
            evaluations++;
            stderr.Write($"\rcalibrate: model run {evaluations} ({spec.Cells.Count} cells, {spec.FirstYear}–{lastYear})   ");
            var candidate = spec with { VegetationTypes = spec.VegetationTypes.Select(v => v with { Epc = set.Apply(v.Name, v.Epc) }).ToArray() };
            var outcome = InProcessRun.Run(candidate, kernel);
            var result = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var t in targets)
            {
                var snapshot = outcome.CellSnapshots.Single(s => s.Year == t.Year);
                var classes = ClassesOf(candidate, snapshot, classNames);
                result[t.Id] = ClassDensities.Modelled(candidate, snapshot, classes, t);
            }
            return result;
        }
        var fit = Calibrator.Fit(start, targets, Evaluate, a.Rounds, progress: m => stderr.WriteLine($"\rcalibrate: {m}"));
        var (full, _) = AtomicDirectory.Write(outDir, overwrite, dir =>
        {
            fit.Fitted.Write(Path.Combine(dir, ParametersFile));
            WriteFit(Path.Combine(dir, FitFile), fit);
            return 0;
        });
        foreach (var n in fit.Notes) stderr.WriteLine($"carbonsim calibrate: warning: {n}");
        stdout.WriteLine($"{scenario.Name}: {fit.Evaluations} model runs; {fit.Fits.Count(f => f.WithinRange)} of {fit.Fits.Length} targets within their published range");
        foreach (var f in fit.Fits)
            stdout.WriteLine(string.Format(CultureInfo.InvariantCulture, "  {0,-28} {1,-10} {2,9:F1} -> {3,9:F1}  target {4:F1} [{5:F1}, {6:F1}]  {7}",
                f.Target.Id, f.Target.Class, f.Before, f.After, f.Target.Value, f.Target.Low, f.Target.High, f.WithinRange ? "within" : "outside"));
        foreach (var v in fit.Fitted.Values)
            stdout.WriteLine(string.Format(CultureInfo.InvariantCulture, "  {0} ({1}) = {2}", v.Parameter, string.Join(";", v.Vegetation), v.Value));
        stdout.WriteLine($"written to {full} ({ParametersFile}, {FitFile}); name {ParametersFile} under calibration.parameters in the scenario to use it");
        return 0;
    }

    /// <summary>The run cut to the targets' years: no checkpoints, compensation and land-use demand cut to the years run.</summary>
    static RunSpec Truncate(RunSpec spec)
    {
        int years = spec.YearCount;
        return spec with
        {
            Co2ByYear = spec.Co2ByYear[..years],
            NDepositionByYear = spec.NDepositionByYear[..years],
            CheckpointEveryYears = 0,
            Compensation = null,
            LandUse = spec.LandUse is { } lu ? lu with { Demand = lu.Demand.Select(d => d[..years]).ToArray() } : null,
        };
    }

    /// <summary>Class name of every cell in a snapshot's year.</summary>
    static string[] ClassesOf(RunSpec spec, CellSnapshot snapshot, IReadOnlyDictionary<int, string> namesByCode)
    {
        if (spec.LandUse is { } lu && snapshot.Classes.Length == spec.Cells.Count)
            return snapshot.Classes.Select(c => lu.Classes[c].Name).ToArray();
        return spec.Cells.LandUse.Select(code => namesByCode.TryGetValue(code, out var n) ? n : code.ToString(CultureInfo.InvariantCulture)).ToArray();
    }

    static void WriteFit(string path, CalibrationResult fit)
    {
        using var w = new StreamWriter(path, false, new System.Text.UTF8Encoding(false));
        w.WriteLine("id,cities,class,variable,year,target,low,high,modelled_before,modelled_after,within_range,source");
        foreach (var f in fit.Fits)
        {
            var t = f.Target;
            w.WriteLine(string.Join(',', t.Id, t.Cities.Length == 0 ? "region" : string.Join(';', t.Cities), t.Class, t.Variable,
                t.Year.ToString(CultureInfo.InvariantCulture), N(t.Value), N(t.Low), N(t.High), N(f.Before), N(f.After),
                f.WithinRange ? "true" : "false", Csv(t.Source)));
        }
    }

    static string N(double v) => v.ToString("F3", CultureInfo.InvariantCulture);
    static string Csv(string s) => s.Contains(',') || s.Contains('"') ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
}
