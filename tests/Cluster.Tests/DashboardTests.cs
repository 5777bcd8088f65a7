using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace CarbonSim.Cluster.Tests;

/// <summary>
/// The Orleans Dashboard of a real <c>carbonsim-silo</c> process (single localhost silo, no Redis):
/// served at /dashboard with <c>--dashboard</c> or CARBONSIM_DASHBOARD_PORT, on loopback only, and no
/// web server at all without them. Processes are stopped by PID (SIGKILL).
/// </summary>
public sealed class DashboardTests
{
    static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Starts a silo with fresh ports; variables that would change its mode are blanked so the test's own environment cannot leak in.</summary>
    static ChildProcess StartSilo(string name, int siloPort, int gatewayPort, IEnumerable<string> extraArgs, IDictionary<string, string>? env = null)
    {
        if (!File.Exists(Paths.SiloDll)) throw new InvalidOperationException($"silo build output missing: {Paths.SiloDll}");
        string dir = Directory.CreateTempSubdirectory("carbonsim-dashboard-").FullName;
        var environment = new Dictionary<string, string>
        {
            ["CARBONSIM_REDIS"] = "", ["CARBONSIM_DASHBOARD_PORT"] = "", ["CARBONSIM_DASHBOARD_BIND"] = "", ["CARBONSIM_ADVERTISE_IP"] = "",
        };
        foreach (var (k, v) in env ?? new Dictionary<string, string>()) environment[k] = v;
        return ChildProcess.Start(name, Paths.Dotnet,
            [Paths.SiloDll, "--silo-port", siloPort.ToString(CultureInfo.InvariantCulture), "--gateway-port", gatewayPort.ToString(CultureInfo.InvariantCulture),
             "--watchdog-seconds", "0", .. extraArgs], dir, environment);
    }

    [Theory]
    [InlineData("flag")]
    [InlineData("environment")]
    public async Task Silo_with_dashboard_serves_the_Orleans_dashboard_on_loopback(string how)
    {
        int siloPort = Net.FreePort(), gatewayPort = Net.FreePort(), dashboardPort = Net.FreePort();
        string port = dashboardPort.ToString(CultureInfo.InvariantCulture);
        using var silo = how == "flag"
            ? StartSilo("silo-dashboard-flag", siloPort, gatewayPort, ["--dashboard", port])
            : StartSilo("silo-dashboard-env", siloPort, gatewayPort, [], new Dictionary<string, string> { ["CARBONSIM_DASHBOARD_PORT"] = port });
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            string baseUrl = $"http://127.0.0.1:{port}/dashboard";

            // GET /dashboard redirects to /dashboard/ (relative asset paths); HttpClient follows it.
            var (status, mediaType, html) = await PollUntilOk(http, baseUrl, silo);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal("text/html", mediaType);
            Assert.Contains("<title>Orleans Dashboard</title>", html);
            Assert.Contains("index.min.js", html);

            // The dashboard's JSON API reports this very silo (its silo port) as a host once its
            // collector has sampled (every second; empty "hosts" before that).
            string counters = await http.GetStringAsync(baseUrl + "/DashboardCounters");
            for (var until = DateTime.UtcNow + StartTimeout; !counters.Contains($"127.0.0.1:{siloPort}@") && DateTime.UtcNow < until; )
            {
                await Task.Delay(250);
                counters = await http.GetStringAsync(baseUrl + "/DashboardCounters");
            }
            Assert.Contains($"127.0.0.1:{siloPort}@", counters);
            Assert.Contains($"\"proxyPort\":{gatewayPort}", counters);

            // Exactly the silo port, the gateway port and the dashboard, all on loopback.
            Assert.Equal(Sorted(siloPort, gatewayPort, dashboardPort), ListeningSockets(silo.Pid));
            Assert.Contains($"dashboard http://127.0.0.1:{port}/dashboard/", silo.Log());
        }
        finally
        {
            silo.KillHard();
        }
        Assert.True(silo.HasExited, $"silo {silo.Pid} still running after SIGKILL");
    }

    [Fact]
    public async Task Silo_without_dashboard_listens_on_its_silo_and_gateway_ports_only()
    {
        int siloPort = Net.FreePort(), gatewayPort = Net.FreePort();
        using var silo = StartSilo("silo-no-dashboard", siloPort, gatewayPort, []);
        try
        {
            var until = DateTime.UtcNow + StartTimeout;
            while (!Accepts(gatewayPort))
            {
                if (silo.HasExited) Assert.Fail($"silo exited early:\n{silo.Log()}");
                if (DateTime.UtcNow > until) Assert.Fail($"gateway port {gatewayPort} not open after {StartTimeout.TotalSeconds} s:\n{silo.Log()}");
                await Task.Delay(250);
            }
            // Observe the sockets for a few seconds after start-up: never anything but the two ports.
            for (int i = 0; i < 10; i++)
            {
                Assert.Equal(Sorted(siloPort, gatewayPort), ListeningSockets(silo.Pid));
                await Task.Delay(500);
            }
            Assert.DoesNotContain("dashboard", silo.Log());
        }
        finally
        {
            silo.KillHard();
        }
    }

    [Fact]
    public async Task Dashboard_options_are_in_the_help_and_bad_values_are_rejected_with_one_line()
    {
        static async Task<(int Exit, string Output)> Run(params string[] args)
        {
            using var child = StartSilo("silo-dashboard-options", Net.FreePort(), Net.FreePort(), args);
            return (await child.WaitAsync(TimeSpan.FromMinutes(1)), child.Log());
        }
        var (exit, log) = await Run("--help");
        Assert.Equal(0, exit);
        Assert.Contains("--dashboard [port]", log);
        Assert.Contains("CARBONSIM_DASHBOARD_PORT", log);
        Assert.Contains("CARBONSIM_DASHBOARD_BIND", log);
        (exit, log) = await Run("--dashboard", "70000");
        Assert.Equal(2, exit);
        Assert.Contains("--dashboard: got '70000', expected a port 1-65535", log);
        (exit, log) = await Run("--dashboard-bind");
        Assert.Equal(2, exit);
        Assert.Contains("--dashboard-bind needs a value", log);
    }

    static async Task<(HttpStatusCode Status, string? MediaType, string Body)> PollUntilOk(HttpClient http, string url, ChildProcess silo)
    {
        var until = DateTime.UtcNow + StartTimeout;
        string last = "no answer";
        while (true)
        {
            if (silo.HasExited) Assert.Fail($"silo exited before the dashboard answered:\n{silo.Log()}");
            try
            {
                using var response = await http.GetAsync(url);
                string body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode == HttpStatusCode.OK) return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, body);
                last = $"HTTP {(int)response.StatusCode}";
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { last = e.Message; }
            if (DateTime.UtcNow > until) Assert.Fail($"GET {url}: {last} after {StartTimeout.TotalSeconds} s; silo log:\n{silo.Log()}");
            await Task.Delay(250);
        }
    }

    static bool Accepts(int port)
    {
        try { using var tcp = new TcpClient("127.0.0.1", port); return true; }
        catch (SocketException) { return false; }
    }

    static List<string> Sorted(params int[] loopbackPorts) =>
        loopbackPorts.Select(p => $"127.0.0.1:{p}").Order(StringComparer.Ordinal).ToList();

    /// <summary>
    /// The TCP sockets process <paramref name="pid"/> listens on, as "address:port", sorted: its socket
    /// inodes from /proc/&lt;pid&gt;/fd matched against the LISTEN rows of /proc/net/tcp and tcp6 (Linux).
    /// </summary>
    static List<string> ListeningSockets(int pid)
    {
        var inodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (string fd in Directory.EnumerateFileSystemEntries($"/proc/{pid}/fd"))
        {
            string? target;
            try { target = new FileInfo(fd).LinkTarget; }
            catch (IOException) { continue; } // closed while we looked
            if (target is not null && target.StartsWith("socket:[", StringComparison.Ordinal)) inodes.Add(target[8..^1]);
        }
        var sockets = new List<string>();
        foreach (string table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            if (!File.Exists(table)) continue;
            foreach (string line in File.ReadLines(table).Skip(1))
            {
                // sl local_address rem_address st ... inode: "0100007F:2B67 00000000:0000 0A ... 123456"
                var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (f.Length < 10 || f[3] != "0A" || !inodes.Contains(f[9])) continue;
                var local = f[1].Split(':');
                sockets.Add($"{ProcAddress(local[0])}:{int.Parse(local[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture)}");
            }
        }
        return sockets.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>An address as /proc/net/tcp* writes it: 32-bit words in hex, each in host (little-endian) byte order.</summary>
    static string ProcAddress(string hex)
    {
        var bytes = new byte[hex.Length / 2];
        for (int word = 0; word < bytes.Length / 4; word++)
            for (int b = 0; b < 4; b++)
                bytes[word * 4 + b] = byte.Parse(hex.AsSpan(word * 8 + (3 - b) * 2, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        var address = new IPAddress(bytes);
        return address.IsIPv4MappedToIPv6 ? address.MapToIPv4().ToString() : address.ToString();
    }
}
