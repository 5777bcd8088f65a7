using System.Collections.Immutable;
using CarbonSim.Model.Io.Formats;

namespace CarbonSim.Model.Calibration;

/// <summary>The quantities a calibration target may name, with their units (docs/calibration.md).</summary>
public static class TargetVariables
{
    /// <summary>[t C ha-1] Vegetation carbon per area of the class.</summary>
    public const string VegC = "vegc_tC_ha";
    /// <summary>[t C ha-1] Litter and coarse woody debris carbon per area of the class.</summary>
    public const string LitterC = "litterc_tC_ha";
    /// <summary>[t C ha-1] Soil organic carbon per area of the class.</summary>
    public const string SoilC = "soilc_tC_ha";
    /// <summary>[t C ha-1] Total ecosystem carbon per area of the class.</summary>
    public const string TotalC = "totalc_tC_ha";
    /// <summary>[g C m-2 a-1] Net primary production per area of the class.</summary>
    public const string Npp = "npp_gC_m2_yr";

    public static ImmutableArray<string> All { get; } = [VegC, LitterC, SoilC, TotalC, Npp];
}

/// <summary>
/// One observed quantity a calibration fits to: the area-weighted mean of <see cref="Variable"/> over the cells of
/// class <see cref="Class"/> in the cities <see cref="Cities"/> (empty = the whole region) in <see cref="Year"/>.
/// </summary>
/// <param name="Value">The target value, in the variable's unit.</param>
/// <param name="Low">Lower end of the published range (the fit aims at <see cref="Value"/>; the range is reported).</param>
/// <param name="High">Upper end of the published range.</param>
public sealed record CalibrationTarget(string Id, ImmutableArray<string> Cities, string Class, string Variable, int Year,
    double Value, double Low, double High, string Source);

/// <summary>Reads a targets CSV: <c>id,cities,class,variable,year,value,low,high,source</c> (docs/calibration.md).</summary>
public static class CalibrationTargets
{
    public static readonly string[] Columns = ["id", "cities", "class", "variable", "year", "value", "low", "high", "source"];

    public static ImmutableArray<CalibrationTarget> Read(string path)
    {
        var table = CsvTable.Read(path, Columns);
        var list = ImmutableArray.CreateBuilder<CalibrationTarget>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            string id = row.RequireText("id");
            if (!ids.Add(id)) throw new InvalidInputException(row.File, row.Place("id"), id, "a target id used once");
            string cities = row.RequireText("cities");
            var cityList = cities == "region" ? ImmutableArray<string>.Empty
                : [.. cities.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
            string variable = row.RequireText("variable");
            if (!TargetVariables.All.Contains(variable))
                throw new InvalidInputException(row.File, row.Place("variable"), variable, $"one of {string.Join(", ", TargetVariables.All)}");
            double value = row.Number("value", 0, 1e6, "a value >= 0 in the variable's unit");
            double low = row.Number("low", 0, 1e6, "a value >= 0 in the variable's unit");
            double high = row.Number("high", 0, 1e6, "a value >= 0 in the variable's unit");
            if (!(low <= value && value <= high))
                throw new InvalidInputException(row.File, $"line {row.Line}", $"low {low}, value {value}, high {high}", "low <= value <= high");
            list.Add(new CalibrationTarget(id, cityList, row.RequireText("class"), variable, row.Integer("year", 1000, 3000),
                value, low, high, row.RequireText("source")));
        }
        if (list.Count == 0) throw new InvalidInputException(table.File, "rows", "none", "at least one target");
        return list.ToImmutable();
    }
}
