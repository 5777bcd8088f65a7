using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;

namespace CarbonSim.Cluster.Tests;

/// <summary>A child process this test started, with its output in a log file; stopped by its PID (SIGTERM, then SIGKILL).</summary>
public sealed class ChildProcess : IDisposable
{
    readonly Process _process;
    readonly StreamWriter _log;
    readonly object _gate = new();
    public string Name { get; }
    public string LogPath { get; }
    public int Pid { get; }

    ChildProcess(string name, Process process, string logPath, StreamWriter log)
    {
        Name = name; _process = process; LogPath = logPath; _log = log; Pid = process.Id;
    }

    public static ChildProcess Start(string name, string file, IEnumerable<string> args, string logDir, IDictionary<string, string>? env = null)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        foreach (var (k, v) in env ?? new Dictionary<string, string>()) info.Environment[k] = v;
        string logPath = Path.Combine(logDir, name + ".log");
        var log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {file}");
        var child = new ChildProcess(name, process, logPath, log);
        process.OutputDataReceived += (_, e) => child.Write(e.Data);
        process.ErrorDataReceived += (_, e) => child.Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    void Write(string? line) { if (line is null) return; lock (_gate) { try { _log.WriteLine(line); } catch (ObjectDisposedException) { } } }

    public bool HasExited => _process.HasExited;

    public string Log() { lock (_gate) { return File.Exists(LogPath) ? ReadShared(LogPath) : ""; } }

    static string ReadShared(string path)
    {
        using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var r = new StreamReader(fs);
        return r.ReadToEnd();
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    static extern int SysKill(int pid, int signal);

    const int SigTerm = 15, SigKill = 9, SigStop = 19, SigCont = 18;   // Linux numbers

    /// <summary>SIGSTOP: the process freezes (a hung node: its sockets stay open, nothing answers).</summary>
    public void Pause() { if (!_process.HasExited) SysKill(Pid, SigStop); }

    /// <summary>SIGCONT after <see cref="Pause"/>.</summary>
    public void Resume() { if (!_process.HasExited) SysKill(Pid, SigCont); }

    /// <summary>SIGKILL now (the "node died" case) and wait for the process to be gone.</summary>
    public void KillHard()
    {
        if (_process.HasExited) return;
        SysKill(Pid, SigKill);
        _process.WaitForExit(10_000);
    }

    /// <summary>SIGTERM, wait up to <paramref name="graceMs"/>, then SIGKILL.</summary>
    public void Stop(int graceMs = 5000)
    {
        if (!_process.HasExited)
        {
            SysKill(Pid, SigTerm);
            if (!_process.WaitForExit(graceMs)) KillHard();
        }
    }

    public async Task<int> WaitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try { await _process.WaitForExitAsync(cts.Token); }
        catch (OperationCanceledException) { Stop(); throw new TimeoutException($"{Name} did not finish within {timeout.TotalSeconds:F0} s; log:\n{Log()}"); }
        _process.WaitForExit(); // drain the output handlers
        return _process.ExitCode;
    }

    public void Dispose()
    {
        Stop();
        _process.Dispose();
        lock (_gate) _log.Dispose();
    }
}

public static class Net
{
    /// <summary>A loopback TCP port free right now.</summary>
    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}

/// <summary>Where things are: repository root, build outputs, the dotnet host.</summary>
public static class Paths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CarbonSim.sln"))) return dir.FullName;
        throw new InvalidOperationException($"CarbonSim.sln not found above {AppContext.BaseDirectory}");
    }

    /// <summary>Debug or Release, as this test assembly was built.</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Replace('\\', '/').Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";

    public static string SiloDll { get; } = Path.Combine(RepoRoot, "src", "Silo", "bin", Configuration, "net10.0", "carbonsim-silo.dll");
    public static string ClientDll { get; } = Path.Combine(AppContext.BaseDirectory, "carbonsim.dll");

    public static string Dotnet { get; } = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)
        ? host : Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p : "dotnet";

    /// <summary>The full path of an executable on PATH, or null.</summary>
    public static string? OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
}
