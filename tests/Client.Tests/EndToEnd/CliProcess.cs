using System.Diagnostics;
using System.Reflection;

namespace CarbonSim.Client.Tests.EndToEnd;

/// <summary>
/// Starts the built <c>carbonsim.dll</c> (src/Client/bin/&lt;this test's configuration&gt;/net10.0) as a child
/// process with <c>dotnet</c>, and prepares scratch scenarios: the bundled baseline with absolute paths to the
/// repository's data/ and cut down to a coarse grid and a few years.
/// </summary>
public static class CliProcess
{
    /// <summary>Repository root (the folder holding CarbonSim.sln above the test binaries).</summary>
    public static string RepoRoot { get; } = FindRoot();

    /// <summary>Build configuration of this test assembly (Debug/Release), as stamped by the SDK.</summary>
    public static string Configuration { get; } =
        typeof(CliProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    /// <summary>The CLI assembly built by the ProjectReference, for the same configuration as these tests.</summary>
    public static string CliDll
    {
        get
        {
            var path = Path.Combine(RepoRoot, "src", "Client", "bin", Configuration, "net10.0", "carbonsim.dll");
            if (!File.Exists(path)) throw new FileNotFoundException($"carbonsim.dll not built for {Configuration} (expected {path})", path);
            return path;
        }
    }

    static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CarbonSim.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("CarbonSim.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>A fresh empty scratch folder under the temp directory.</summary>
    public static string NewScratch(string tag)
    {
        var dir = Path.Combine(Path.GetTempPath(), "carbonsim-clitests", tag + "-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>Deletes a scratch folder, ignoring failures (tests must not fail on cleanup).</summary>
    public static void TryDelete(string dir)
    {
        try { if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>
    /// Text of the bundled baseline scenario with data paths made absolute, the grid at
    /// <paramref name="resolutionKm"/> km and the years cut to 2020..<paramref name="lastYear"/>
    /// (raster years 2020 and the last year). Throws if the bundled file changed so that an edit no longer applies.
    /// </summary>
    public static string TinyScenarioText(int resolutionKm = 50, int lastYear = 2022)
    {
        var text = File.ReadAllText(Path.Combine(RepoRoot, "scenarios", "jjj-baseline.yaml"));
        text = Edit(text, "../data/", Path.Combine(RepoRoot, "data") + "/");
        text = Edit(text, "end: 2060", $"end: {lastYear}");
        text = Edit(text, "raster_years: [2020, 2030, 2040, 2050, 2060]", $"raster_years: [2020, {lastYear}]");
        text = Edit(text, "resolution_km: 10 ", $"resolution_km: {resolutionKm} ");
        return text;
    }

    /// <summary>Replaces <paramref name="from"/> by <paramref name="to"/>, failing loudly when <paramref name="from"/> is absent.</summary>
    public static string Edit(string text, string from, string to)
    {
        if (!text.Contains(from, StringComparison.Ordinal))
            throw new InvalidOperationException($"scenario edit: '{from}' not found in the text");
        return text.Replace(from, to, StringComparison.Ordinal);
    }

    /// <summary>Result of one CLI process.</summary>
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    /// <summary>Runs <c>dotnet carbonsim.dll args...</c> in <paramref name="workDir"/>; kills it after <paramref name="timeout"/>.</summary>
    public static Result Run(string workDir, TimeSpan timeout, params string[] args)
    {
        var psi = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = workDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(CliDll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        psi.Environment["NO_COLOR"] = "1";
        // A cluster endpoint in the environment would send `run` elsewhere: the tests use the embedded silo.
        foreach (var key in psi.Environment.Keys.Where(k => k.StartsWith("CARBONSIM_", StringComparison.Ordinal)).ToList())
            psi.Environment.Remove(key);

        using var p = Process.Start(psi) ?? throw new InvalidOperationException("could not start dotnet");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeout))
        {
            try { p.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            throw new TimeoutException($"carbonsim {string.Join(' ', args)} did not finish within {timeout.TotalSeconds:F0} s; stderr so far: {stderr}");
        }
        p.WaitForExit();
        return new Result(p.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>The dotnet host that runs these tests (DOTNET_HOST_PATH when the SDK set it), else <c>dotnet</c> on PATH.</summary>
    static string DotnetHost()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host)) return host;
        var self = Environment.ProcessPath;
        if (self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet") return self;
        return "dotnet";
    }
}
