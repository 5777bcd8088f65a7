using System.Collections.Immutable;
using CarbonSim.Model.Calibration;
using CarbonSim.Model.Engine;
using CarbonSim.Model.Tests.Engine;

namespace CarbonSim.Model.Tests.Calibration;

public class CalibratorTests
{
    static string Temp(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"cal-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Illinois_finds_the_root_of_a_monotone_function_and_reports_an_unreachable_target()
    {
        double x = Calibrator.Solve(v => v * v - 2, 0, 2, 1e-9, 60, out var note);
        Assert.Null(note);
        Assert.Equal(Math.Sqrt(2), x, 8);
        double edge = Calibrator.Solve(v => v + 10, 0, 2, 1e-9, 60, out note);   // no root in [0, 2]: the nearer end
        Assert.Equal(0, edge);
        Assert.Contains("outside what the interval", note);
    }

    [Fact]
    public void Rounding_keeps_four_significant_digits() 
    {
        Assert.Equal(0.03674, Calibrator.Round(0.0367412));
        Assert.Equal(123.5, Calibrator.Round(123.456));
    }

    /// <summary>A coupled two-parameter model with a known answer: vegetation = 100·p·(0.01/m), total = 40 + vegetation + 300·p.</summary>
    static IReadOnlyDictionary<string, double> Toy(ParameterSet s)
    {
        double p = s.Values[0].Value, m = s.Values[1].Value;
        double veg = 100 * p * 0.01 / m;
        return new Dictionary<string, double> { ["veg"] = veg, ["total"] = 40 + veg + 300 * p };
    }

    static ParameterSet Start() => new([
        new ParameterValue(CalibratedParameters.ProductivityScale, ["dbf"], 1, 1, 0.1, 2, "total", ""),
        new ParameterValue(CalibratedParameters.WholePlantMortality, ["dbf"], 0.005, 0.005, 0.002, 0.1, "veg", ""),
    ]);

    static ImmutableArray<CalibrationTarget> Targets(double veg, double total) => [
        new("veg", [], "forest", TargetVariables.VegC, 2020, veg, veg * 0.8, veg * 1.2, "toy"),
        new("total", [], "forest", TargetVariables.TotalC, 2020, total, total * 0.8, total * 1.2, "toy"),
    ];

    [Fact]
    public void A_coupled_fit_reaches_both_targets_and_moves_a_density_toward_a_changed_target()
    {
        var fit = Calibrator.Fit(Start(), Targets(25, 200), Toy, rounds: 6);
        Assert.All(fit.Fits, f => Assert.Equal(f.Target.Value, f.After, f.Target.Value * 0.02));
        Assert.All(fit.Fits, f => Assert.True(f.WithinRange));

        // A higher vegetation target: the fitted mortality falls and the modelled vegetation rises toward it.
        var higher = Calibrator.Fit(Start(), Targets(35, 200), Toy, rounds: 6);
        Assert.True(higher.Fitted.Values[1].Value < fit.Fitted.Values[1].Value);
        Assert.True(higher.Fits[0].After > fit.Fits[0].After + 5);

        // Deterministic, and independent of the values a file holds: fitting the fitted file again gives the same values.
        Assert.Equal(fit.Fitted.Values.Select(v => v.Value), Calibrator.Fit(fit.Fitted, Targets(25, 200), Toy, rounds: 6).Fitted.Values.Select(v => v.Value));
    }

    [Fact]
    public void A_parameter_file_round_trips_and_applies_to_the_types_it_names()
    {
        var path = Temp("");
        var set = Start().With(0, 0.5574);
        set.Write(path);
        var back = ParameterSet.Read(path, new HashSet<string> { "dbf", "enf" });
        Assert.Equal(set.Values.Select(v => (v.Parameter, v.Value, v.Start, v.Min, v.Max, v.TargetId)), back.Values.Select(v => (v.Parameter, v.Value, v.Start, v.Min, v.Max, v.TargetId)));
        var epc = new Parameters.EcophysParameters { LeafNInRubisco = 0.08, WholePlantMortality = 0.005 };
        var dbf = back.Apply("dbf", epc);
        Assert.Equal(0.08 * 0.5574, dbf.LeafNInRubisco, 12);
        Assert.Equal(0.005, dbf.WholePlantMortality);
        Assert.Same(epc, back.Apply("enf", epc));
        // a managed or harvested type takes its base type's parameters (the calibrate verb and the run apply them the same way)
        Assert.Equal(dbf, back.Apply("dbf@forest", epc));
        Assert.Equal(dbf, back.Apply("dbf@park", epc));
        Assert.Same(epc, back.Apply("enf@forest", epc));
    }

    [Theory]
    [InlineData("foo,dbf,1,1,0,1,t,", "one of productivity_scale")]
    [InlineData("productivity_scale,oak,1,1,0.2,1.5,t,", "a vegetation type of the scenario")]
    [InlineData("productivity_scale,dbf,3,1,0.2,1.5,t,", "value and start within [min, max]")]
    [InlineData("whole_plant_mortality,dbf,0.9,0.1,0,1,t,", "a whole_plant_mortality in [0, 0.5]")]
    [InlineData("productivity_scale,dbf;dbf,1,1,0.2,1.5,t,", "each vegetation type once per parameter")]
    public void A_bad_parameter_file_is_refused_naming_the_place(string rows, string expected)
    {
        var path = Temp("parameter,vegetation,value,start,min,max,target,note\n" + rows + "\n");
        var e = Assert.Throws<InvalidInputException>(() => ParameterSet.Read(path, new HashSet<string> { "dbf" }));
        Assert.Contains(expected, e.Message);
        Assert.Contains("line 2", e.Message);
    }

    [Theory]
    [InlineData("a,region,forest,vegc,2020,25,15,40,s", "one of vegc_tC_ha")]
    [InlineData("a,region,forest,vegc_tC_ha,2020,50,15,40,s", "low <= value <= high")]
    [InlineData("a,region,forest,vegc_tC_ha,2020,25,15,40,s\na,region,forest,soilc_tC_ha,2020,25,15,40,s", "a target id used once")]
    [InlineData("a,region,forest,vegc_tC_ha,20x,25,15,40,s", "an integer")]
    public void A_bad_target_file_is_refused_naming_the_place(string rows, string expected)
    {
        var path = Temp("id,cities,class,variable,year,value,low,high,source\n" + rows + "\n");
        var e = Assert.Throws<InvalidInputException>(() => CalibrationTargets.Read(path));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void A_class_density_is_the_area_weighted_mean_over_the_class_cells_of_the_named_cities()
    {
        var spec = SyntheticRegion.Build(lastYear: 2020);
        int n = spec.Cells.Count, k = CarbonVariables.Count;
        var values = new double[n * k];
        for (int i = 0; i < n; i++) values[i * k + CarbonVariables.VegetationC] = i;   // kgC m-2
        var snapshot = new CellSnapshot { Year = 2020, Values = values };
        var classes = Enumerable.Range(0, n).Select(i => i % 2 == 0 ? "even" : "odd").ToArray();
        string city = spec.CityIds[1];
        var target = new CalibrationTarget("t", [city], "even", TargetVariables.VegC, 2020, 1, 0, 2, "s");
        double expected = 0, area = 0;
        for (int i = 0; i < n; i++)
            if (i % 2 == 0 && spec.Cells.City[i] == 1) { expected += i * spec.Cells.AreaM2[i]; area += spec.Cells.AreaM2[i]; }
        Assert.True(area > 0);
        Assert.Equal(expected / area * 10, ClassDensities.Modelled(spec, snapshot, classes, target), 9);
        Assert.Throws<InvalidInputException>(() => ClassDensities.Modelled(spec, snapshot, classes, target with { Cities = ["nowhere"] }));
        Assert.Throws<InvalidInputException>(() => ClassDensities.Modelled(spec, snapshot, classes, target with { Class = "none" }));
    }
}
