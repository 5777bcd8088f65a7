using System.Text.Json;
using CarbonSim.Client.Commands;
using CarbonSim.Model.Region;
using CarbonSim.Model.Scenarios;

namespace CarbonSim.Client.Tests.Output;

/// <summary>The issue #5 sections change nothing the process engine is given.</summary>
public class ScenarioSectionsEngineTests
{
    [Fact]
    public void Budget_and_land_use_sections_leave_the_engine_input_identical_to_the_baseline()
    {
        string Spec(string name)
        {
            var setup = RegionBuilder.Build(ScenarioLoader.Load(Path.Combine(RepoData.Path(), "..", "scenarios", name + ".yaml")));
            var spec = RunSpecFactory.From(setup) with { ScenarioName = "" };
            return JsonSerializer.Serialize(spec);
        }
        var baseline = Spec("jjj-baseline");
        Assert.True(baseline.Length > 10000);
        Assert.Equal(baseline, Spec("jjj-natural-development"));
    }
}
