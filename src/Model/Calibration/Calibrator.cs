using System.Collections.Immutable;

namespace CarbonSim.Model.Calibration;

/// <summary>A target after a fit: the modelled value with the starting and the fitted parameters.</summary>
public sealed record TargetFit(CalibrationTarget Target, double Before, double After)
{
    public bool WithinRange => After >= Target.Low && After <= Target.High;
}

/// <summary>What a fit found: the fitted parameters, every target before and after, and how many model runs it took.</summary>
public sealed record CalibrationResult(ParameterSet Fitted, ImmutableArray<TargetFit> Fits, int Evaluations, ImmutableArray<string> Notes);

/// <summary>
/// Fits a <see cref="ParameterSet"/> to calibration targets, starting from each parameter's <see cref="ParameterValue.Start"/>
/// (so the fit does not depend on the values a file already holds). Each parameter is paired with one target (its
/// <see cref="ParameterValue.TargetId"/>); in turn (Gauss–Seidel rounds), each parameter's value is moved within its
/// interval until the model matches its target, by the Illinois variant of regula falsi (a bracketing root finder:
/// Dahlquist &amp; Björck 1974), holding the other parameters at their latest values. Deterministic: the same
/// inputs give the same fitted values, rounded to <see cref="SignificantDigits"/> digits so a fitted file is
/// reproduced exactly. A target that the interval cannot reach leaves its parameter at the nearer end, with a note.
/// </summary>
public static class Calibrator
{
    /// <summary>Significant digits of a fitted value.</summary>
    public const int SignificantDigits = 4;

    /// <param name="evaluate">Runs the model with a parameter set and returns the modelled value of every target by id.</param>
    public static CalibrationResult Fit(ParameterSet start, IReadOnlyList<CalibrationTarget> targets,
        Func<ParameterSet, IReadOnlyDictionary<string, double>> evaluate, int rounds = 3, double relativeTolerance = 0.01,
        int maxStepsPerParameter = 12, Action<string>? progress = null)
    {
        var byId = targets.ToDictionary(t => t.Id, StringComparer.Ordinal);
        for (int i = 0; i < start.Values.Length; i++)
            if (!byId.ContainsKey(start.Values[i].TargetId))
                throw new ArgumentException($"parameter {start.Values[i].Parameter} ({string.Join(";", start.Values[i].Vegetation)}) names target '{start.Values[i].TargetId}', which the targets do not have");
        int evaluations = 0;
        var cache = new Dictionary<string, IReadOnlyDictionary<string, double>>(StringComparer.Ordinal);
        IReadOnlyDictionary<string, double> Eval(ParameterSet p)
        {
            string key = string.Join("|", p.Values.Select(v => v.Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
            if (cache.TryGetValue(key, out var hit)) return hit;
            evaluations++;
            return cache[key] = evaluate(p);
        }
        var notes = ImmutableArray.CreateBuilder<string>();
        var current = start.AtStart();
        var before = Eval(current);
        for (int round = 1; round <= rounds; round++)
        {
            bool moved = false;
            for (int i = 0; i < current.Values.Length; i++)
            {
                var pv = current.Values[i];
                var target = byId[pv.TargetId];
                double Misfit(double v) => Eval(current.With(i, v))[target.Id] - target.Value;
                double old = pv.Value;
                double fitted = Solve(Misfit, pv.Min, pv.Max, Math.Max(1e-12, relativeTolerance * target.Value), maxStepsPerParameter, out string? note);
                fitted = Round(fitted);
                if (note is not null && round == rounds) notes.Add($"{pv.Parameter} ({string.Join(";", pv.Vegetation)}) for target {target.Id}: {note}");
                current = current.With(i, fitted);
                moved |= Math.Abs(fitted - old) > 1e-9 * Math.Max(1, Math.Abs(old));
                progress?.Invoke($"round {round}: {pv.Parameter} ({string.Join(";", pv.Vegetation)}) = {fitted:G4} → {target.Id} {Eval(current)[target.Id]:G4} (target {target.Value:G4})");
            }
            if (!moved) break;
        }
        var after = Eval(current);
        return new CalibrationResult(current, [.. targets.Select(t => new TargetFit(t, before[t.Id], after[t.Id]))], evaluations, notes.ToImmutable());
    }

    /// <summary>A root of <paramref name="f"/> in [lo, hi] by the Illinois method; the nearer end if the root is not bracketed.</summary>
    public static double Solve(Func<double, double> f, double lo, double hi, double tolerance, int maxSteps, out string? note)
    {
        note = null;
        double flo = f(lo), fhi = f(hi);
        if (Math.Abs(flo) <= tolerance) return lo;
        if (Math.Abs(fhi) <= tolerance) return hi;
        if (Math.Sign(flo) == Math.Sign(fhi))
        {
            bool atLo = Math.Abs(flo) < Math.Abs(fhi);
            note = $"the target is outside what the interval [{lo:G4}, {hi:G4}] reaches; left at {(atLo ? lo : hi):G4}";
            return atLo ? lo : hi;
        }
        int side = 0;
        double x = lo;
        for (int step = 0; step < maxSteps; step++)
        {
            x = (lo * fhi - hi * flo) / (fhi - flo);
            double fx = f(x);
            if (Math.Abs(fx) <= tolerance) return x;
            if (Math.Sign(fx) == Math.Sign(fhi))
            {
                hi = x; fhi = fx;
                if (side == -1) flo /= 2;
                side = -1;
            }
            else
            {
                lo = x; flo = fx;
                if (side == 1) fhi /= 2;
                side = 1;
            }
        }
        note = $"not within tolerance after {maxSteps} steps";
        return x;
    }

    /// <summary><paramref name="v"/> rounded to <see cref="SignificantDigits"/> significant digits.</summary>
    public static double Round(double v)
    {
        if (v == 0 || !double.IsFinite(v)) return v;
        double scale = Math.Pow(10, SignificantDigits - 1 - (int)Math.Floor(Math.Log10(Math.Abs(v))));
        return Math.Round(v * scale) / scale;
    }
}
