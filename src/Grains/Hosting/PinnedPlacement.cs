using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Placement;
using Orleans.Runtime.Placement;

namespace CarbonSim.Grains.Hosting;

/// <summary>
/// Which silo (by its Orleans silo name, <c>--silo-name</c>) hosts a run's books (city and region grains) and
/// its coordinator (simulation grain). Null = no preference: the cluster's default placement. Every silo of a
/// cluster should be given the same values (the silo that places a grain is the one that first calls it).
/// </summary>
public sealed class PinnedPlacementOptions
{
    /// <summary>Silo name for city and region grains (<c>--books-silo</c>, <c>CARBONSIM_BOOKS_SILO</c>).</summary>
    public string? BooksSilo { get; set; }
    /// <summary>Silo name for simulation grains (<c>--coordinator-silo</c>, <c>CARBONSIM_COORDINATOR_SILO</c>).</summary>
    public string? CoordinatorSilo { get; set; }
}

/// <summary>Placement of city and region grains: on <see cref="PinnedPlacementOptions.BooksSilo"/> while it is active.</summary>
[Serializable, GenerateSerializer, Immutable, SuppressReferenceTracking]
public sealed class BooksPlacement : PlacementStrategy;

/// <summary>Placement of simulation grains: on <see cref="PinnedPlacementOptions.CoordinatorSilo"/> while it is active.</summary>
[Serializable, GenerateSerializer, Immutable, SuppressReferenceTracking]
public sealed class CoordinatorPlacement : PlacementStrategy;

[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class BooksPlacementAttribute() : PlacementAttribute(new BooksPlacement());

[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class CoordinatorPlacementAttribute() : PlacementAttribute(new CoordinatorPlacement());

/// <summary>
/// Places a new activation on the active, compatible silo whose name is configured for its strategy; when
/// no name is configured or no such silo is active (it died, it was evicted, it never joined) it defers to
/// the cluster's default placement director, so a lost books silo only moves the books elsewhere.
/// </summary>
public sealed class PinnedPlacementDirector(IServiceProvider services, IOptions<PinnedPlacementOptions> options, IClusterMembershipService membership)
    : IPlacementDirector
{
    (PlacementStrategy Strategy, IPlacementDirector Director)? _fallback;

    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        string? name = strategy switch
        {
            BooksPlacement => options.Value.BooksSilo,
            CoordinatorPlacement => options.Value.CoordinatorSilo,
            _ => null,
        };
        if (PickNamed(name, context.GetCompatibleSilos(target), membership.CurrentSnapshot) is { } pinned)
            return Task.FromResult(pinned);
        var (fallbackStrategy, fallback) = _fallback ??= Fallback();
        return fallback.OnAddActivation(fallbackStrategy, target, context);
    }

    /// <summary>The active silo among <paramref name="compatible"/> named <paramref name="name"/>, or null.</summary>
    public static SiloAddress? PickNamed(string? name, IEnumerable<SiloAddress> compatible, ClusterMembershipSnapshot snapshot)
    {
        if (string.IsNullOrEmpty(name)) return null;
        foreach (var silo in compatible)
            if (snapshot.Members.TryGetValue(silo, out var member) && member.Status == SiloStatus.Active
                && string.Equals(member.Name, name, StringComparison.Ordinal))
                return silo;
        return null;
    }

    (PlacementStrategy, IPlacementDirector) Fallback()
    {
        var strategy = services.GetRequiredService<PlacementStrategy>();
        return (strategy, services.GetRequiredKeyedService<IPlacementDirector>(strategy.GetType()));
    }
}
