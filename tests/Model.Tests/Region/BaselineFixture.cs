using CarbonSim.Model.Region;
using CarbonSim.Model.Scenarios;
using CarbonSim.Model.Tests.Scenario;

namespace CarbonSim.Model.Tests.Region;

/// <summary>The bundled baseline scenario built once at 10 km for a test class.</summary>
public sealed class BaselineFixture
{
    public Scenarios.Scenario Scenario { get; } = ScenarioLoader.Load(TestRepo.Baseline);
    public RegionSetup Setup { get; }
    public BaselineFixture() { Setup = RegionBuilder.Build(Scenario); }
}
