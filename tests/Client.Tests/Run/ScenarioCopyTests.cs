using System.Text.Json;
using CarbonSim.Client.Cli;
using CarbonSim.Client.Commands;
using CarbonSim.Client.Output;
using CarbonSim.Model.Scenarios;

namespace CarbonSim.Client.Tests.Run;

/// <summary>The run folder holds its scenario (<c>scenario.yaml</c>, input paths relative to the folder) and the inputs' hashes under the same relative paths.</summary>
public class ScenarioCopyTests
{
    [Fact]
    public void Copy_of_a_bundled_scenario_loads_with_the_same_inputs_from_another_folder()
    {
        var original = Path.Combine(TestScenarios.Root, "scenarios", "jjj-baseline.yaml");
        var outDir = Path.Combine(TestScenarios.Scratch(), "deep", "run");
        Directory.CreateDirectory(outDir);
        ScenarioCopy.Write(original, outDir, new Dictionary<string, string> { ["grid.resolution_km"] = "20" });
        var copyPath = Path.Combine(outDir, ScenarioCopy.FileName);
        var text = File.ReadAllText(copyPath);
        Assert.DoesNotContain(": \"" + TestScenarios.Root, text); // no rooted path value
        Assert.Contains("boundaries: \"../", text);              // relative paths, quoted
        Assert.Contains("# 13 city polygons", text);     // comments kept
        var a = ScenarioLoader.Load(original);
        var b = ScenarioLoader.Load(copyPath);
        Assert.Equal(a.Region.BoundariesPath, b.Region.BoundariesPath);
        Assert.Equal(a.LandUse.ClassTablePath, b.LandUse.ClassTablePath);
        Assert.Equal(a.Vegetation.Values.Select(v => v.EpcPath), b.Vegetation.Values.Select(v => v.EpcPath));
        Assert.Equal(a.Validation?.References is null, b.Validation?.References is null);
        Assert.Equal(10, a.Grid.ResolutionKm);
        Assert.Equal(20, b.Grid.ResolutionKm); // the override the run used is in the copy
        Assert.Equal(a.Climate.NormalsPath, b.Climate.NormalsPath);
        Assert.Equal(a.LandUse.Generator?.CitiesPath, b.LandUse.Generator?.CitiesPath);
        Assert.Equal((a.Name, a.StartYear, a.EndYear), (b.Name, b.StartYear, b.EndYear));
    }

    /// <summary>`carbonsim run &lt;out&gt;/scenario.yaml` reproduces the run: byte-identical tables and rasters (20 km via --resolution, two years).</summary>
    [Fact]
    public async Task Rerunning_the_copied_scenario_gives_byte_identical_tables()
    {
        string scenario = TestScenarios.Write("jjj-baseline", 2021);
        var first = await RunCommand.Execute(new RunOptions { ScenarioPath = scenario, OutDir = Path.Combine(TestScenarios.Scratch(), "a"), ResolutionKm = 20, TileSize = 8 }, null);
        string dirA = first.Output.Directory;
        var copy = Path.Combine(dirA, ScenarioCopy.FileName);
        Assert.Contains(ScenarioCopy.FileName, first.Output.Files);
        using (var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dirA, Manifest.FileName))))
        {
            var inputs = doc.RootElement.GetProperty("inputs").EnumerateObject().ToList();
            Assert.NotEmpty(inputs);
            foreach (var p in inputs)
            {
                Assert.False(Path.IsPathRooted(p.Name), p.Name);
                Assert.Equal(Manifest.Sha256(Path.Combine(dirA, p.Name)), p.Value.GetString()); // the relative path names the hashed file
            }
        }
        var second = await RunCommand.Execute(new RunOptions { ScenarioPath = copy, OutDir = Path.Combine(TestScenarios.Scratch(), "b"), TileSize = 8 }, null);
        string dirB = second.Output.Directory;
        var compared = 0;
        foreach (var f in first.Output.Files.Where(f => Path.GetExtension(f) is ".csv" or ".asc" or ".tif"))
        {
            Assert.True(File.ReadAllBytes(Path.Combine(dirA, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(dirB, f))), $"{f} differs");
            compared++;
        }
        Assert.Contains("region_annual.csv", first.Output.Files);
        Assert.True(compared >= 5, $"{compared} files compared"); // fields.nc and the manifest carry the scenario's hash, which the copy changes
    }
}
