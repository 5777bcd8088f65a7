using CarbonSim.Grains.Hosting;
using Microsoft.Extensions.Hosting;

// A stand-alone silo on localhost (ports 11111/30000, in-memory storage). Redis clustering for
// multi-node runs is issue #4.
var builder = Host.CreateApplicationBuilder(args);
builder.UseOrleans(silo => silo.UseLocalhostClustering().AddCarbonSimEngine());
await builder.Build().RunAsync();
