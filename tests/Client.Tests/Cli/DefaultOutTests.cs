using CarbonSim.Client.Tests.EndToEnd;

namespace CarbonSim.Client.Tests.Cli;

/// <summary>The project's contract: <c>carbonsim run</c> without <c>--out</c> writes <c>out/&lt;scenario&gt;-&lt;timestamp&gt;/</c> under the working directory.</summary>
public sealed class DefaultOutTests : IDisposable
{
    readonly string _scratch = CliProcess.NewScratch("default-out");
    public void Dispose() => CliProcess.TryDelete(_scratch);

    [Fact]
    public void Run_without_out_writes_a_timestamped_folder_under_out()
    {
        var scenario = Path.Combine(_scratch, "tiny.yaml");
        File.WriteAllText(scenario, CliProcess.TinyScenarioText(resolutionKm: 50, lastYear: 2020));
        var r = CliProcess.Run(_scratch, TimeSpan.FromMinutes(5), "run", scenario, "--tile-size", "8");
        Assert.True(r.ExitCode == 0, $"exit {r.ExitCode}\n{r.Stderr}");
        var folder = Assert.Single(Directory.GetDirectories(Path.Combine(_scratch, "out")));
        Assert.Matches(@"^jjj-baseline-\d{8}-\d{6}$", Path.GetFileName(folder));
        Assert.True(File.Exists(Path.Combine(folder, "manifest.json")));
    }
}
