using System.Text.Json;
using CarbonSim.Client.Tests.Cli;

namespace CarbonSim.Client.Tests.Run;

/// <summary>
/// How every spin-up key ended is visible: a WARNING line per key on standard error when it did not meet
/// the steady-state rule, the counts in the end-of-run summary, and one manifest entry per key.
/// </summary>
public class SpinupOutcomeTests
{
    static async Task<(InProcessCli.Result Result, JsonElement Spinup)> Run(Func<string, string>? edit)
    {
        var scenario = TestScenarios.Write("jjj-baseline", 2021, edit);
        var folder = Path.Combine(TestScenarios.Scratch(), "out");
        var r = await InProcessCli.RunAsync("run", scenario, "--out", folder, "--resolution", "50", "--tile-size", "4");
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "manifest.json")));
        return (r, manifest.RootElement.GetProperty("spinup").Clone());
    }

    [Fact]
    public async Task A_tiny_max_years_gives_a_warning_per_key_on_stderr_a_count_in_the_summary_and_manifest_entries()
    {
        var (r, spinup) = await Run(t => t.Replace("max_years: 6000", "max_years: 60"));
        int keys = spinup.GetProperty("distinct_spinups").GetInt32();
        Assert.True(keys > 3, $"{keys} keys");
        var entries = spinup.GetProperty("keys").EnumerateArray().ToArray();
        Assert.Equal(keys, entries.Length);
        Assert.Equal(keys, spinup.GetProperty("not_converged").GetInt32());
        Assert.Equal(keys, spinup.GetProperty("fell_back_to_standard").GetInt32());
        foreach (var e in entries)
        {
            Assert.Equal("accelerated→standard", e.GetProperty("method").GetString());
            Assert.False(e.GetProperty("converged").GetBoolean());
            Assert.True(e.GetProperty("years").GetInt32() > e.GetProperty("accelerated_years").GetInt32());
            Assert.True(Math.Abs(e.GetProperty("soil_c_drift_g_c_m2_a").GetDouble()) >= 0.5);
            Assert.Equal(64, e.GetProperty("key").GetString()!.Length);
        }

        var warnings = r.ErrorLines.Where(l => l.StartsWith("WARNING: spin-up not converged: ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(keys, warnings.Length);
        foreach (var e in entries)
        {
            string line = Assert.Single(warnings, w => w.EndsWith("key " + e.GetProperty("key").GetString(), StringComparison.Ordinal));
            Assert.Contains($"{e.GetProperty("vegetation").GetString()} in {e.GetProperty("climate_zone").GetString()}", line);
            Assert.Contains($"after {e.GetProperty("years").GetInt32()} years (accelerated→standard)", line);
            Assert.Contains("g C m-2 a-1", line);
        }
        Assert.Contains($"{keys} not converged", r.Stdout);
    }

    [Fact]
    public async Task The_default_settings_leave_no_key_unconverged_and_list_every_key_in_the_manifest()
    {
        var (r, spinup) = await Run(null);
        int keys = spinup.GetProperty("distinct_spinups").GetInt32();
        var entries = spinup.GetProperty("keys").EnumerateArray().ToArray();
        Assert.Equal(keys, entries.Length);
        Assert.Equal(keys, entries.Select(e => e.GetProperty("key").GetString()).Distinct().Count());
        Assert.Equal(0, spinup.GetProperty("not_converged").GetInt32());
        Assert.DoesNotContain(r.ErrorLines, l => l.StartsWith("WARNING", StringComparison.Ordinal));
        foreach (var e in entries)
        {
            Assert.True(e.GetProperty("converged").GetBoolean());
            Assert.Contains(e.GetProperty("method").GetString(), new[] { "accelerated", "accelerated→standard" });
            Assert.InRange(Math.Abs(e.GetProperty("soil_c_drift_g_c_m2_a").GetDouble()), 0.0, 0.5);
        }
        Assert.Equal(keys, spinup.GetProperty("converged_accelerated").GetInt32() + spinup.GetProperty("fell_back_to_standard").GetInt32());
        Assert.Contains($"spin-ups: {keys} keys, {spinup.GetProperty("converged_accelerated").GetInt32()} converged accelerated", r.Stdout);
    }
}
