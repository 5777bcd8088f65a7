using CarbonSim.Silo;
using Microsoft.Extensions.Hosting;

// carbonsim-silo: see SiloOptions.Usage (or --help) and docs/cluster.md.
SiloOptions options;
try { options = SiloOptions.Parse(args); }
catch (Exception e) when (e is ArgumentException or CarbonSim.Model.InvalidInputException)
{
    Console.Error.WriteLine($"carbonsim-silo: {e.Message}");
    return 2;
}
if (options.Help) { Console.WriteLine(SiloOptions.Usage); return 0; }
// A stopped Redis or a refused password: one line and exit 4, before Orleans retries and fails with a trace.
if (options.Cluster is { } redis && await CarbonSim.Grains.Persistence.RedisProbe.ProblemAsync(redis, TimeSpan.FromSeconds(3)) is { } problem)
{
    Console.Error.WriteLine($"carbonsim-silo: {problem}");
    return 4;
}
using var host = SiloHost.Build(options);
string dashboard = SiloDashboard.Url(options) is { } url ? $", dashboard {url}" : "";
Console.WriteLine($"carbonsim-silo: {options.Cluster?.ToString() ?? "localhost (in-memory storage)"}, silo port {options.SiloPort}, gateway port {options.GatewayPort}{dashboard}");
try { await host.RunAsync(); }
catch (IOException e) when (options.DashboardPort is not null) // Kestrel could not bind the dashboard port
{
    Console.Error.WriteLine($"carbonsim-silo: dashboard: {e.Message}");
    return 1;
}
return 0;
