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
using var host = SiloHost.Build(options);
Console.WriteLine($"carbonsim-silo: {options.Cluster?.ToString() ?? "localhost (in-memory storage)"}, silo port {options.SiloPort}, gateway port {options.GatewayPort}");
await host.RunAsync();
return 0;
