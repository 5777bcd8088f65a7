namespace CarbonSim.Client.Tests.Output;

/// <summary>
/// GDAL's command-line tools as an independent reader of written files. .ci/run installs gdal-bin; under CI (CI set)
/// a missing tool fails the test, on a developer machine without GDAL <see cref="Find"/> returns null and the
/// caller returns early (the project's own reader checks still run).
/// </summary>
internal static class GdalTool
{
    public static string? Find(string tool)
    {
        var path = Environment.GetEnvironmentVariable("PATH")!.Split(':').Select(d => Path.Combine(d, tool)).FirstOrDefault(File.Exists);
        if (path is null) Assert.True(Environment.GetEnvironmentVariable("CI") is null, $"{tool} not on PATH under CI (.ci/run installs gdal-bin)");
        return path;
    }

    /// <summary>Runs the tool, asserts exit code 0, returns standard output.</summary>
    public static string Run(string exe, params string[] args)
    {
        var psi = new System.Diagnostics.ProcessStartInfo(exe, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = System.Diagnostics.Process.Start(psi)!;
        var errTask = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"{Path.GetFileName(exe)} {string.Join(' ', args)}: exit {p.ExitCode}: {errTask.Result}");
        return output;
    }
}
