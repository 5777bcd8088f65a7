using CarbonSim.Contracts;
using CarbonSim.Grains.Engine;
using Microsoft.Extensions.Logging;

namespace CarbonSim.Grains.Batch;

/// <summary>Stored batch: the spec (written once) and each member's last known status.</summary>
[GenerateSerializer, Alias("carbonsim.BatchState")]
public sealed class BatchState
{
    [Id(0)] public BatchSpec? Spec { get; set; }
    [Id(1)] public BatchMemberStatus[] Members { get; set; } = [];
    [Id(2)] public bool CancelRequested { get; set; }
}

/// <summary>See <see cref="IBatchGrain"/>. Polls its running members once a second.</summary>
public sealed class BatchGrain(
    ILogger<BatchGrain> logger,
    [PersistentState("batch", StorageNames.Engine)] IPersistentState<BatchState> stored)
    : Grain, IBatchGrain
{
    /// <summary>[s] Pause between polls of the running members.</summary>
    static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    Task? _loop;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (stored.State.Spec is not null && !IsFinished(stored.State.Members))
            _loop = Drive();
        return Task.CompletedTask;
    }

    public async Task Start(BatchSpec spec)
    {
        if (stored.State.Spec is not null) return;
        if (spec.Members.Length == 0) throw new ArgumentException("a batch needs at least one member");
        if (spec.Concurrency < 1) throw new ArgumentException($"batch concurrency must be ≥ 1, got {spec.Concurrency}");
        foreach (var m in spec.Members) RunSpecCheck.Validate(m.Spec);
        stored.State.Spec = spec;
        stored.State.Members = spec.Members.Select(m => new BatchMemberStatus
        {
            RunId = m.RunId, Label = m.Label, Phase = RunPhase.NotStarted, YearsTotal = m.Spec.YearCount,
        }).ToArray();
        await stored.WriteStateAsync();
        _loop = Drive();
    }

    public Task<BatchStatus> GetStatus()
    {
        var spec = stored.State.Spec;
        var members = stored.State.Members;
        return Task.FromResult(new BatchStatus
        {
            Name = spec?.Name ?? "",
            Concurrency = spec?.Concurrency ?? 0,
            Members = members,
            Phase = spec is null ? RunPhase.NotStarted
                : stored.State.CancelRequested && IsFinished(members) ? RunPhase.Cancelled
                : !IsFinished(members) ? RunPhase.Transient
                : members.Any(m => m.Phase != RunPhase.Done) ? RunPhase.Failed
                : RunPhase.Done,
        });
    }

    public async Task Cancel()
    {
        if (stored.State.Spec is null || stored.State.CancelRequested) return;
        stored.State.CancelRequested = true;
        await stored.WriteStateAsync();
    }

    static bool IsFinished(BatchMemberStatus[] members) =>
        members.All(m => m.Phase is RunPhase.Done or RunPhase.Failed or RunPhase.Cancelled);

    async Task Drive()
    {
        await Task.Yield();
        var spec = stored.State.Spec!;
        while (!IsFinished(stored.State.Members))
        {
            try
            {
                bool changed = false;
                var members = stored.State.Members.ToArray();
                // Poll what was started; cancel it if asked.
                for (int i = 0; i < members.Length; i++)
                {
                    if (members[i].Phase is RunPhase.NotStarted or RunPhase.Done or RunPhase.Failed or RunPhase.Cancelled) continue;
                    var run = GrainFactory.GetGrain<ISimulationGrain>(members[i].RunId);
                    if (stored.State.CancelRequested) await run.Cancel();
                    var p = await run.GetProgress();
                    var updated = members[i] with { Phase = p.Phase == RunPhase.NotStarted ? RunPhase.Spinup : p.Phase, YearsDone = p.YearsDone, Error = p.Error };
                    if (updated != members[i]) { members[i] = updated; changed = true; }
                }
                // Start (or cancel) the next ones.
                int running = members.Count(m => m.Phase is RunPhase.Spinup or RunPhase.Transient);
                for (int i = 0; i < members.Length; i++)
                {
                    if (members[i].Phase != RunPhase.NotStarted) continue;
                    if (stored.State.CancelRequested)
                    {
                        members[i] = members[i] with { Phase = RunPhase.Cancelled, Error = "cancelled" };
                        changed = true;
                        continue;
                    }
                    if (running >= spec.Concurrency) break;
                    await GrainFactory.GetGrain<ISimulationGrain>(members[i].RunId).Start(spec.Members[i].Spec);
                    members[i] = members[i] with { Phase = RunPhase.Spinup };
                    running++;
                    changed = true;
                }
                if (changed)
                {
                    stored.State.Members = members;
                    await stored.WriteStateAsync();
                }
            }
            catch (Exception e)
            {
                logger.LogWarning("batch {BatchId}: poll failed ({Error}: {Message}); trying again", this.GetPrimaryKeyString(), e.GetType().Name, e.Message);
            }
            if (!IsFinished(stored.State.Members)) await Task.Delay(PollInterval);
        }
    }
}
