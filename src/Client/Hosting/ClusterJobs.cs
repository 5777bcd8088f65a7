using System.Globalization;
using System.Text;
using CarbonSim.Grains.Batch;
using CarbonSim.Contracts;
using CarbonSim.Model.Engine;

namespace CarbonSim.Client.Hosting;

/// <summary>Client-side operations on a cluster's runs and batches (what the cluster verbs call).</summary>
public static class ClusterJobs
{
    /// <summary>[s] Longest wait for one status call (calls to a grain on a silo that just died can hang for the response timeout).</summary>
    static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(20);

    static IJobRegistryGrain Registry(IGrainFactory grains) => grains.GetGrain<IJobRegistryGrain>(IJobRegistryGrain.Key);

    /// <summary>A new, unique run or batch id: the name, the UTC submission time and 6 random hex digits (identity only; never a result input).</summary>
    public static string NewId(string name)
    {
        var slug = new StringBuilder();
        foreach (char c in name.ToLowerInvariant()) slug.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-');
        string stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        return $"{(slug.Length == 0 ? "run" : slug.ToString())}-{stamp}-{Guid.NewGuid().ToString("N")[..6]}";
    }

    /// <summary>Registers and starts a run; returns when the cluster has accepted it (the run goes on without the client).</summary>
    public static async Task SubmitRun(IGrainFactory grains, JobEntry entry, RunSpec spec)
    {
        if (await Registry(grains).Get(entry.Id) is { } existing)
        {
            // A run that failed or was cancelled may be submitted again under its id (a new attempt); anything else keeps its id.
            var phase = existing.Kind == JobKind.Run ? (await grains.GetGrain<ISimulationGrain>(entry.Id).GetProgress()).Phase : (RunPhase?)null;
            if (phase is not (RunPhase.Failed or RunPhase.Cancelled))
                throw new JobException($"a {(existing.Kind == JobKind.Run ? "run" : "batch")} with id {entry.Id} already exists" +
                    (phase is { } p ? $" ({p.ToString().ToLowerInvariant()}); only a failed or cancelled run can be submitted again" : ""),
                    CarbonSim.Client.Cli.ExitCodes.BadInput);
        }
        await Registry(grains).Add(entry with { Kind = JobKind.Run, SubmittedUtc = DateTime.UtcNow });
        await grains.GetGrain<ISimulationGrain>(entry.Id).Start(spec);
    }

    /// <summary>Registers and starts a batch and lists its members (so <c>status</c>/<c>results</c> find them by run id).</summary>
    public static async Task SubmitBatch(IGrainFactory grains, JobEntry entry, BatchSpec batch, IReadOnlyList<JobEntry> members)
    {
        if (await Registry(grains).Get(entry.Id) is not null) throw new JobException($"a job with id {entry.Id} already exists", CarbonSim.Client.Cli.ExitCodes.BadInput);
        var now = DateTime.UtcNow;
        // Members are listed as finished so the watchdog leaves them to the batch (which polls them itself).
        foreach (var m in members) await Registry(grains).Add(m with { Kind = JobKind.Run, BatchId = entry.Id, SubmittedUtc = now, Finished = true });
        await Registry(grains).Add(entry with { Kind = JobKind.Batch, SubmittedUtc = now });
        await grains.GetGrain<IBatchGrain>(entry.Id).Start(batch);
    }

    /// <summary>[s] How long a query keeps retrying while the cluster recovers from a lost silo (eviction takes 6-13 s).</summary>
    static readonly TimeSpan RecoveryBudget = TimeSpan.FromSeconds(90);

    /// <summary>
    /// Calls <paramref name="call"/> (with a per-call timeout), retrying while the cluster recovers from a
    /// lost silo: its grains (the registry, a coordinator) are unreachable until the silo is evicted and
    /// they are re-activated elsewhere. Every call made this way is a query or idempotent.
    /// </summary>
    public static async Task<T> Resilient<T>(Func<Task<T>> call)
    {
        var until = DateTime.UtcNow + RecoveryBudget;
        for (int attempt = 0; ; attempt++)
        {
            try { return await call().WaitAsync(CallTimeout); }
            catch (Exception e) when (e is OrleansException or TimeoutException && DateTime.UtcNow < until && !Cli.CliErrors.IsUnreadableState(e)) // unreadable state does not heal
            {
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(5, 0.5 * (1 << Math.Min(attempt, 4)))));
            }
        }
    }

    public static async Task<JobEntry> Find(IGrainFactory grains, string id) =>
        await Resilient(() => Registry(grains).Get(id)) ?? throw new JobException($"no run or batch with id '{id}' on this cluster (see carbonsim list)", CarbonSim.Client.Cli.ExitCodes.BadInput);

    public static Task<JobEntry[]> List(IGrainFactory grains) => Resilient(() => Registry(grains).List());

    public static Task<RunProgress> Progress(IGrainFactory grains, string runId) =>
        Resilient(() => grains.GetGrain<ISimulationGrain>(runId).GetProgress());

    public static Task<BatchStatus> BatchStatus(IGrainFactory grains, string batchId) =>
        Resilient(() => grains.GetGrain<IBatchGrain>(batchId).GetStatus());

    public static Task Cancel(IGrainFactory grains, JobEntry entry) => Resilient(async () =>
    {
        if (entry.Kind == JobKind.Batch) await grains.GetGrain<IBatchGrain>(entry.Id).Cancel();
        else await grains.GetGrain<ISimulationGrain>(entry.Id).Cancel();
        return 0;
    });

    /// <summary>
    /// Resumes a run (<see cref="ISimulationGrain.Resume"/>) and lists it as unfinished again, so the silos' watchdogs
    /// look after it (a batch member stays with its batch). Returns the progress before and after.
    /// </summary>
    public static async Task<(RunProgress Before, RunProgress After)> Resume(IGrainFactory grains, JobEntry entry)
    {
        var run = grains.GetGrain<ISimulationGrain>(entry.Id);
        var before = await Resilient(() => run.GetProgress());
        var after = await Resilient(() => run.Resume());
        if (after.Resumes > before.Resumes && entry.BatchId is null && entry.Finished)
            await Resilient(async () => { await Registry(grains).Add(entry with { Finished = false }); return 0; });
        return (before, after);
    }

    /// <summary>Tile activations of a run per silo (silo address → count), from the management grain.</summary>
    public static async Task<SortedDictionary<string, int>> TilesPerSilo(IGrainFactory grains, string runId)
    {
        var stats = await Resilient(() => grains.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics());
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        string prefix = runId + "/";
        foreach (var s in stats)
        {
            if (!s.GrainId.Type.ToString()!.Contains("tile", StringComparison.OrdinalIgnoreCase)) continue;
            if (!s.GrainId.Key.ToString()!.StartsWith(prefix, StringComparison.Ordinal)) continue;
            string silo = s.SiloAddress.ToString();
            counts[silo] = counts.GetValueOrDefault(silo) + 1;
        }
        return counts;
    }

    /// <summary>[s] Estimated time left: the years' pace so far times the years left (null before the first year).</summary>
    public static TimeSpan? Eta(RunProgress p, DateTime nowUtc)
    {
        if (p.IsFinished) return TimeSpan.Zero;
        if (p.YearsStartedUtc is not { } start || p.YearsDone <= 0) return null;
        double perYear = (nowUtc - start).TotalSeconds / p.YearsDone;
        return TimeSpan.FromSeconds(perYear * (p.YearsTotal - p.YearsDone));
    }

    /// <summary>[%] Share of the run done: spin-ups count as the first 10 %, years as the rest.</summary>
    public static double PercentDone(RunProgress p) => p.Phase switch
    {
        RunPhase.Done => 100,
        RunPhase.NotStarted => 0,
        RunPhase.Spinup => p.SpinupsTotal == 0 ? 0 : 10.0 * p.SpinupsDone / p.SpinupsTotal,
        _ => 10 + 90.0 * p.YearsDone / Math.Max(1, p.YearsTotal),
    };

    /// <summary>One status line for a run.</summary>
    public static string Describe(string runId, RunProgress p, IReadOnlyDictionary<string, int>? silos, DateTime nowUtc)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{runId}  {p.Phase.ToString().ToLowerInvariant()}");
        if (p.Phase == RunPhase.Spinup) sb.Append(CultureInfo.InvariantCulture, $"  spin-ups {p.SpinupsDone}/{p.SpinupsTotal}");
        if (p.Phase != RunPhase.NotStarted)
        {
            string year = p.LastCompletedYear >= p.FirstYear ? p.LastCompletedYear.ToString(CultureInfo.InvariantCulture) : "-";
            sb.Append(CultureInfo.InvariantCulture, $"  year {year} ({p.YearsDone}/{p.YearsTotal})  {PercentDone(p):F0}%");
            if (!p.IsFinished && Eta(p, nowUtc) is { } eta) sb.Append(CultureInfo.InvariantCulture, $"  ETA {(int)eta.TotalHours:D2}:{eta.Minutes:D2}:{eta.Seconds:D2}");
            sb.Append(CultureInfo.InvariantCulture, $"  {p.CellCount} cells, {p.TileCount} tiles");
        }
        if (silos is { Count: > 0 })
            sb.Append(CultureInfo.InvariantCulture, $"  silos {silos.Count} (tiles {string.Join(", ", silos.Select(kv => $"{kv.Key}: {kv.Value}"))})");
        if (p.Resumes > 0) sb.Append(CultureInfo.InvariantCulture, $"  resumed {p.Resumes}x");
        if (p.Attempt > 1) sb.Append(CultureInfo.InvariantCulture, $"  attempt {p.Attempt}");
        if (p.Error is { } error && p.Phase != RunPhase.Done) sb.Append($"  error: {error}");
        return sb.ToString();
    }

    /// <summary>
    /// Polls until the run or batch is finished, riding out a lost gateway or coordinator (a failed poll is
    /// retried; the cluster resumes the run meanwhile). Returns the final progress of a run (for a batch: null).
    /// </summary>
    public static async Task<(RunProgress? Run, BatchStatus? Batch)> Wait(IGrainFactory grains, JobEntry entry, TimeSpan poll,
        Action<string>? onStatus = null, CancellationToken cancellation = default)
    {
        string? last = null;
        while (true)
        {
            try
            {
                if (entry.Kind == JobKind.Batch)
                {
                    var b = await BatchStatus(grains, entry.Id);
                    string line = $"{entry.Id}  {b.Phase.ToString().ToLowerInvariant()}  {b.Finished}/{b.Members.Length} members finished, {b.Running} running";
                    if (line != last) onStatus?.Invoke(last = line);
                    if (b.Phase is RunPhase.Done or RunPhase.Failed or RunPhase.Cancelled) return (null, b);
                }
                else
                {
                    var p = await Progress(grains, entry.Id);
                    string line = Describe(entry.Id, p, null, DateTime.UtcNow);
                    if (p.Phase != RunPhase.NotStarted && line != last) onStatus?.Invoke(last = line);
                    if (p.IsFinished) return (p, null);
                }
            }
            catch (Exception e) when ((e is not OperationCanceledException || !cancellation.IsCancellationRequested) && !Cli.CliErrors.IsUnreadableState(e))
            {
                onStatus?.Invoke($"(status call failed: {e.GetType().Name}; retrying)");
            }
            await Task.Delay(poll, cancellation);
        }
    }
}
