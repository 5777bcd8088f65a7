using CarbonSim.Grains.Engine;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;

namespace CarbonSim.Grains.Hosting;

/// <summary>Registers what the engine's grains need in a silo.</summary>
public static class EngineSiloExtensions
{
    /// <summary>
    /// Adds the process kernel (one shared column model per distinct vegetation, site and climate content per silo:
    /// <see cref="SharedColumnModels"/>), the pinned placement of books and coordinators (<see cref="PinnedPlacementDirector"/>;
    /// no preference unless <paramref name="placement"/> names silos) and, unless the host brings its own
    /// (Redis on a cluster), in-memory grain storage for checkpoints, series and spin-up equilibria.
    /// <paramref name="kernelSlots"/>: tile years that may run the kernel at once (<see cref="KernelGate"/>; default one per core).
    /// <paramref name="storageOutageSeconds"/>: how long storage may be unreachable before a run fails
    /// (<see cref="Persistence.StorageOutageOptions"/>; default <see cref="Persistence.StorageOutageOptions.DefaultWindowSeconds"/>).
    /// </summary>
    public static ISiloBuilder AddCarbonSimEngine(this ISiloBuilder silo, bool inMemoryStorage = true, PinnedPlacementOptions? placement = null, int? kernelSlots = null,
        double? storageOutageSeconds = null)
    {
        silo.Services.Configure<Persistence.StorageOutageOptions>(o =>
            o.WindowSeconds = storageOutageSeconds ?? Persistence.StorageOutageOptions.DefaultWindowSeconds);
        silo.Services.AddSingleton<ICarbonKernel>(_ => new SharedColumnModels(new BgcKernel()));
        silo.Services.AddSingleton(_ => new KernelGate(kernelSlots ?? Environment.ProcessorCount));
        silo.Services.Configure<PinnedPlacementOptions>(o =>
        {
            o.BooksSilo = placement?.BooksSilo;
            o.CoordinatorSilo = placement?.CoordinatorSilo;
        });
        silo.AddPlacementDirector<BooksPlacement, PinnedPlacementDirector>();
        silo.AddPlacementDirector<CoordinatorPlacement, PinnedPlacementDirector>();
        if (inMemoryStorage) silo.AddMemoryGrainStorage(StorageNames.Engine);
        return silo;
    }
}
