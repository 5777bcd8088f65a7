using CarbonSim.Contracts;
using CarbonSim.Grains.Engine;
using Orleans.Placement;

namespace CarbonSim.Grains;

/// <summary>Stored spin-up result.</summary>
[GenerateSerializer, Alias("carbonsim.SpinupState")]
public sealed class SpinupState
{
    /// <summary>Equilibrium state and how it was reached; null until computed.</summary>
    [Id(0)] public SpinupEquilibrium? Equilibrium { get; set; }
    /// <summary>[-] How many times this key was computed (1 once done; more would mean wasted work).</summary>
    [Id(1)] public int ComputeCount { get; set; }
}

/// <summary>An equilibrium state computed once per content hash; see <see cref="ISpinupGrain"/>.</summary>
[RandomPlacement]
public sealed class SpinupGrain(
    ICarbonKernel kernel,
    [PersistentState("spinup", StorageNames.Engine)] IPersistentState<SpinupState> stored)
    : Grain, ISpinupGrain
{
    public async Task<SpinupEquilibrium> GetEquilibrium(SpinupRequest request)
    {
        if (stored.State.Equilibrium is { } done) return done;
        string key = SpinupKey.Of(request);
        if (key != this.GetPrimaryKeyString())
            throw new ArgumentException($"spin-up request hashes to {key}, but this grain is {this.GetPrimaryKeyString()}");
        // With a history, the equilibrium comes from the grain of the combination's equilibrium key (computed
        // once there for all its cohorts), and only the transient runs here.
        stored.State.Equilibrium = await KernelFailureException.WrapAsync($"spin-up {key[..12]}",
            () => SpinupRequests.Compute(kernel, request, r => GrainFactory.GetGrain<ISpinupGrain>(SpinupKey.Of(r)).GetEquilibrium(r)));
        stored.State.ComputeCount++;
        await stored.WriteStateAsync();
        return stored.State.Equilibrium;
    }

    public Task<SpinupInfo> GetInfo() => Task.FromResult(new SpinupInfo
    {
        Done = stored.State.Equilibrium is not null,
        ComputeCount = stored.State.ComputeCount,
        StateLength = stored.State.Equilibrium?.State.Length ?? 0,
        Years = stored.State.Equilibrium?.Years ?? 0,
        Converged = stored.State.Equilibrium?.Converged ?? false,
    });
}
