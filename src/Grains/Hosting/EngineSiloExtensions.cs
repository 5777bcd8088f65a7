using CarbonSim.Grains.Engine;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;

namespace CarbonSim.Grains.Hosting;

/// <summary>Registers what the engine's grains need in a silo.</summary>
public static class EngineSiloExtensions
{
    /// <summary>
    /// Adds the process kernel (one shared column model per distinct vegetation, site and climate content per silo:
    /// <see cref="SharedColumnModels"/>) and, unless the host brings its own (Redis on a cluster), in-memory
    /// grain storage for tile checkpoints and spin-up equilibria.
    /// </summary>
    public static ISiloBuilder AddCarbonSimEngine(this ISiloBuilder silo, bool inMemoryStorage = true)
    {
        silo.Services.AddSingleton<ICarbonKernel>(_ => new SharedColumnModels(new BgcKernel()));
        if (inMemoryStorage) silo.AddMemoryGrainStorage(StorageNames.Engine);
        return silo;
    }
}
