using System.Text.Json;
using CarbonSim.Client.Commands;
using CarbonSim.Model.Region;
using CarbonSim.Model.Scenarios;

namespace CarbonSim.Client.Tests.Output;

/// <summary>The issue #5 sections add the land-use plan and the compensation scheme to what the engine is given and change nothing else.</summary>
public class ScenarioSectionsEngineTests
{
    [Fact]
    public void Budget_and_land_use_sections_add_only_their_plans_to_the_engine_input()
    {
        Model.Engine.RunSpec Spec(string name, Func<string, string>? edit = null) =>
            RunSpecFactory.From(RegionBuilder.Build(ScenarioLoader.Load(Run.TestScenarios.Write(name, 2060, edit)))) with { ScenarioName = "" };
        // the default scenario leaves urban green unmanaged (60 s budget); the land-use scenarios manage it
        var baseline = Spec("jjj-baseline", t => t.Replace("  # urban_green: ", "  urban_green: "));
        var natural = Spec("jjj-natural-development");
        Assert.Null(baseline.LandUse);
        Assert.NotNull(natural.LandUse);
        Assert.NotNull(baseline.Compensation);   // the baseline bundles the CEADs inventory: it closes the books too
        Assert.NotNull(natural.Compensation);
        Assert.Equal(natural.Cells.Count, natural.LandUse!.CellClass.Length);
        string baselineJson = JsonSerializer.Serialize(baseline);
        Assert.True(baselineJson.Length > 10000);
        Assert.Equal(JsonSerializer.Serialize(baseline with { Compensation = null }), JsonSerializer.Serialize(natural with { LandUse = null, Compensation = null }));
    }

    [Fact]
    public void Managed_urban_green_types_reach_the_engine_with_their_practice_and_calibration()
    {
        // The bundled scenario sets management.urban_green (data/management/urban_green.csv).
        var scenario = ScenarioLoader.Load(Run.TestScenarios.Write("jjj-urban-expansion", 2060));
        Assert.Equal(Path.GetFullPath(Path.Combine(Run.TestScenarios.Root, "data", "management", "urban_green.csv")), scenario.Management!.UrbanGreenPath);
        var spec = RunSpecFactory.From(RegionBuilder.Build(scenario));
        var lawn = spec.VegetationTypes.Single(v => v.Name == "c3grass@park");
        Assert.NotNull(lawn.Epc.UrbanGreen);
        Assert.Equal(0.3, lawn.Epc.UrbanGreen!.ClipLeafShare);
        Assert.Null(spec.VegetationTypes.Single(v => v.Name == "c3grass").Epc.UrbanGreen);
        // dbf@park takes dbf's calibrated productivity (data/jjj/calibrated_parameters.csv).
        // The harvested forest dbf (management.forest_harvest) takes it too; the raw .epc value differs.
        var dbf = spec.VegetationTypes.Single(v => v.Name == "dbf@forest").Epc;
        var parkDbf = spec.VegetationTypes.Single(v => v.Name == "dbf@park").Epc;
        Assert.Equal(dbf.LeafNInRubisco, parkDbf.LeafNInRubisco);
        Assert.Equal(dbf.WholePlantMortality, parkDbf.WholePlantMortality);
        Assert.NotEqual(CarbonSim.Model.Io.BiomeBgc.EpcReader.Read(scenario.Vegetation["dbf"].EpcPath).WholePlantMortality, dbf.WholePlantMortality);
        Assert.NotNull(parkDbf.UrbanGreen);
        Assert.Null(parkDbf.ForestHarvest);
        Assert.Equal(0.022, dbf.ForestHarvest!.FelledSharePerYear);
        Assert.Null(dbf.UrbanGreen);
    }
}
