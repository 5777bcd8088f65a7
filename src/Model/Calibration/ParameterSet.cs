using System.Collections.Immutable;
using System.Globalization;
using CarbonSim.Model.Io.Formats;
using CarbonSim.Model.Parameters;

namespace CarbonSim.Model.Calibration;

/// <summary>
/// The parameters a calibration may change, a small documented set (docs/calibration.md), each applied to the
/// .epc values of the vegetation types it names.
/// </summary>
public static class CalibratedParameters
{
    /// <summary>[-] Multiplies the fraction of leaf N in Rubisco (FLNR): the site's photosynthetic capacity, hence NPP.</summary>
    public const string ProductivityScale = "productivity_scale";
    /// <summary>[a-1] Whole-plant mortality fraction (replaces the .epc value): how long carbon stays in the plant.</summary>
    public const string WholePlantMortality = "whole_plant_mortality";

    public static ImmutableArray<string> All { get; } = [ProductivityScale, WholePlantMortality];

    /// <summary>The .epc values of <paramref name="epc"/> with <paramref name="parameter"/> set to <paramref name="value"/>.</summary>
    public static EcophysParameters Apply(EcophysParameters epc, string parameter, double value) => parameter switch
    {
        ProductivityScale => epc with { LeafNInRubisco = epc.LeafNInRubisco * value },
        WholePlantMortality => epc with { WholePlantMortality = value },
        _ => throw new ArgumentException($"unknown calibrated parameter '{parameter}'"),
    };
}

/// <summary>
/// One calibrated parameter: its value for the vegetation types it applies to, the interval a fit may search, and
/// the target (by id) whose misfit the fit drives to zero with it.
/// </summary>
/// <param name="Value">The value applied to the runs.</param>
/// <param name="Start">Where a fit starts (kept by the fit, so fitting the same targets again gives the same <paramref name="Value"/>).</param>
/// <param name="Min">Lower end of the search interval.</param>
/// <param name="Max">Upper end of the search interval.</param>
public sealed record ParameterValue(string Parameter, ImmutableArray<string> Vegetation, double Value, double Start, double Min, double Max, string TargetId, string Note);

/// <summary>
/// A calibrated parameter file: <c>parameter,vegetation,value,start,min,max,target,note</c> (vegetation types separated
/// by ';'). The scenario names it (<c>calibration.parameters</c>); <c>carbonsim calibrate</c> writes it.
/// </summary>
public sealed record ParameterSet(ImmutableArray<ParameterValue> Values)
{
    public static readonly string[] Columns = ["parameter", "vegetation", "value", "start", "min", "max", "target", "note"];

    public static ParameterSet Read(string path, IReadOnlySet<string>? vegetationTypes = null)
    {
        var table = CsvTable.Read(path, Columns);
        var list = ImmutableArray.CreateBuilder<ParameterValue>();
        var seen = new HashSet<(string, string)>();
        foreach (var row in table.Rows)
        {
            string parameter = row.RequireText("parameter");
            if (!CalibratedParameters.All.Contains(parameter))
                throw new InvalidInputException(row.File, row.Place("parameter"), parameter, $"one of {string.Join(", ", CalibratedParameters.All)}");
            ImmutableArray<string> veg = [.. row.RequireText("vegetation").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
            foreach (var v in veg)
            {
                if (vegetationTypes is not null && !vegetationTypes.Contains(v))
                    throw new InvalidInputException(row.File, row.Place("vegetation"), v, $"a vegetation type of the scenario ({string.Join(", ", vegetationTypes.Order(StringComparer.Ordinal))})");
                if (!seen.Add((parameter, v)))
                    throw new InvalidInputException(row.File, row.Place("vegetation"), v, $"each vegetation type once per parameter ('{parameter}' names it twice)");
            }
            var (lo, hi) = Bounds(parameter);
            double min = row.Number("min", lo, hi, $"a {parameter} in [{F(lo)}, {F(hi)}]");
            double max = row.Number("max", lo, hi, $"a {parameter} in [{F(lo)}, {F(hi)}]");
            double value = row.Number("value", lo, hi, $"a {parameter} in [{F(lo)}, {F(hi)}]");
            double start = row.Number("start", lo, hi, $"a {parameter} in [{F(lo)}, {F(hi)}]");
            if (!(min < max && min <= value && value <= max && min <= start && start <= max))
                throw new InvalidInputException(row.File, $"line {row.Line}", $"min {F(min)}, value {F(value)}, start {F(start)}, max {F(max)}", "min < max, and value and start within [min, max]");
            list.Add(new ParameterValue(parameter, veg, value, start, min, max, row.Text("target"), row.Text("note")));
        }
        return new ParameterSet(list.ToImmutable());
    }

    /// <summary>The range a parameter may take at all.</summary>
    public static (double Min, double Max) Bounds(string parameter) => parameter switch
    {
        CalibratedParameters.ProductivityScale => (0.05, 5),
        CalibratedParameters.WholePlantMortality => (0, 0.5),
        _ => throw new ArgumentException(parameter),
    };

    /// <summary>
    /// The .epc values of vegetation type <paramref name="vegetation"/> with every parameter that names it applied. A managed or
    /// harvested type <c>{type}@{class}</c> (urban green, forest harvest) takes its base type's parameters.
    /// </summary>
    public EcophysParameters Apply(string vegetation, EcophysParameters epc)
    {
        string type = Scenarios.UrbanGreenSetup.BaseType(vegetation);
        foreach (var p in Values)
            if (p.Vegetation.Contains(type)) epc = CalibratedParameters.Apply(epc, p.Parameter, p.Value);
        return epc;
    }

    public ParameterSet With(int index, double value) => new(Values.SetItem(index, Values[index] with { Value = value }));

    /// <summary>The set with every value at its start: where a fit begins.</summary>
    public ParameterSet AtStart() => new([.. Values.Select(v => v with { Value = v.Start })]);

    public void Write(string path)
    {
        using var w = new StreamWriter(path, false, new System.Text.UTF8Encoding(false));
        w.WriteLine(string.Join(',', Columns));
        foreach (var p in Values)
            w.WriteLine(string.Join(',', p.Parameter, string.Join(';', p.Vegetation), R(p.Value), R(p.Start), R(p.Min), R(p.Max), p.TargetId, Quote(p.Note)));
    }

    static string F(double v) => v.ToString("G", CultureInfo.InvariantCulture);
    static string R(double v) => v.ToString("R", CultureInfo.InvariantCulture);
    static string Quote(string s) => s.Contains(',') || s.Contains('"') ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
}
