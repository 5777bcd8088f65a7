using System.Collections.Immutable;
using System.Net;
using CarbonSim.Contracts;
using CarbonSim.Model.Engine;
using CarbonSim.Model.Tests.Engine;
using CarbonSim.Grains.Hosting;
using CarbonSim.Grains.Persistence;
using Orleans.Core.Internal;
using Orleans.Runtime;

namespace CarbonSim.Grains.Tests;

/// <summary>Issue #9, recovery: which failures are retried, when an outcome is complete, where books are placed.</summary>
public sealed class RecoveryUnitTests
{
    /// <summary>Stands for StackExchange.Redis' exception of that name (RecoveryPolicy matches it by name).</summary>
    sealed class RedisTimeoutException(string message) : Exception(message);
    /// <summary>Stands for Orleans' exception of that name (its constructors are not public; matched by name).</summary>
    sealed class OrleansLifecycleCanceledException(string message) : Exception(message);

    [Fact]
    public void Not_ready_and_transport_failures_are_transient()
    {
        Assert.True(RecoveryPolicy.IsTransient(new NotReadyException("tile run/3 is not initialized")));
        Assert.True(RecoveryPolicy.IsTransient(new TimeoutException("Response did not arrive on time")));
        Assert.True(RecoveryPolicy.IsTransient(new SiloUnavailableException("silo S127.0.0.1:11112 is dead")));
        Assert.True(RecoveryPolicy.IsTransient(new Orleans.Storage.InconsistentStateException("etag mismatch")));
        Assert.True(RecoveryPolicy.IsTransient(new RedisTimeoutException("Timeout performing EVAL")));
        // Wrapped: a storage provider's OrleansException around a timeout, an aggregate of a not-ready.
        Assert.True(RecoveryPolicy.IsTransient(new OrleansException("Error from storage provider during WriteStateAsync", new TimeoutException("late"))));
        Assert.True(RecoveryPolicy.IsTransient(new AggregateException(new ArgumentException("x"), new NotReadyException("not yet"))));
        Assert.True(RecoveryPolicy.IsTransient(new OrleansLifecycleCanceledException("Lifecycle start canceled at stage SetupState (1000) by request.")));
    }

    [Fact]
    public void Every_other_failure_is_permanent()
    {
        // Before issue #9 every InvalidOperationException was retried for 120 s.
        Assert.True(RecoveryPolicy.IsPermanent(new InvalidOperationException("tile 3 can step year 2021 next, not 2025")));
        Assert.True(RecoveryPolicy.IsPermanent(new InvalidOperationException("stored state has envelope schema 2; this build reads schema 1")));
        Assert.True(RecoveryPolicy.IsPermanent(new KernelFailureException("tile 3, year 2030: carbon balance")));
        Assert.True(RecoveryPolicy.IsPermanent(new ArgumentException("city 0 year 2020: partial sums of 3 and 4 entries")));
        Assert.True(RecoveryPolicy.IsPermanent(new OrleansException("bad", new ArgumentException("bad spec"))));
        Assert.True(RecoveryPolicy.IsPermanent(new AggregateException(new InvalidOperationException("a"), new KernelFailureException("b"))));
        Assert.True(RecoveryPolicy.IsPermanent(new NullReferenceException()));
    }

    static RunSpec Spec() => SyntheticRegion.Build(tileSize: 4, lastYear: 2023);

    static RunOutcome Complete(RunSpec spec)
    {
        YearTotals Year(int y) => new() { Year = y, Sums = new FixedSum[CarbonVariables.Count] };
        var years = Enumerable.Range(spec.FirstYear, spec.YearCount).ToArray();
        return new RunOutcome
        {
            Cities = spec.CityIds.Select((id, c) => new CitySeries { CityIndex = c, CityId = id, Years = years.Select(Year).ToArray() }).ToArray(),
            Region = years.Select(Year).ToArray(),
            CellSnapshots = spec.CellOutputYears.Select(y => new CellSnapshot { Year = y }).ToArray(),
        };
    }

    [Fact]
    public void A_complete_outcome_has_no_problems_and_a_lost_city_year_is_found()
    {
        var spec = Spec();
        Assert.Empty(OutcomeCheck.Problems(spec, Complete(spec)));
        Assert.Empty(OutcomeCheck.MissingSeriesYears(spec, Complete(spec)));

        // What a city grain re-activated on another silo returned before issue #9: only the years after the loss.
        var lost = Complete(spec);
        lost.Cities[1] = lost.Cities[1] with { Years = lost.Cities[1].Years.Where(y => y.Year >= 2022).ToArray() };
        var problems = OutcomeCheck.Problems(spec, lost);
        Assert.Equal($"city 1 ({spec.CityIds[1]}): missing 2020, 2021", Assert.Single(problems));
        Assert.Equal([2020, 2021], OutcomeCheck.MissingSeriesYears(spec, lost));

        var noRegion = Complete(spec) with { Region = [] };
        Assert.Contains(OutcomeCheck.Problems(spec, noRegion), p => p.StartsWith("region: missing 2020-2023", StringComparison.Ordinal));
        Assert.Equal(Enumerable.Range(2020, 4), OutcomeCheck.MissingSeriesYears(spec, noRegion));

        var noSnapshots = Complete(spec) with { CellSnapshots = [] };
        Assert.Contains(OutcomeCheck.Problems(spec, noSnapshots), p => p.StartsWith("cell snapshots: missing", StringComparison.Ordinal));
        Assert.Empty(OutcomeCheck.MissingSeriesYears(spec, noSnapshots));   // nothing a re-recording can fix: the run fails

        var repeated = Complete(spec) with { Region = [.. Complete(spec).Region, new YearTotals { Year = 2020, Sums = new FixedSum[CarbonVariables.Count] }] };
        Assert.Contains(OutcomeCheck.Problems(spec, repeated), p => p.StartsWith("region:", StringComparison.Ordinal));
    }

    static SiloAddress Silo(int port) => SiloAddress.New(new IPEndPoint(IPAddress.Loopback, port), 1);

    [Fact]
    public void Pinned_placement_picks_the_named_active_silo_or_nothing()
    {
        var a = Silo(11111); var b = Silo(11112); var c = Silo(11113);
        var members = ImmutableDictionary<SiloAddress, ClusterMember>.Empty
            .Add(a, new ClusterMember(a, SiloStatus.Active, "silo1"))
            .Add(b, new ClusterMember(b, SiloStatus.Active, "silo2"))
            .Add(c, new ClusterMember(c, SiloStatus.Dead, "silo3"));
        var snapshot = new ClusterMembershipSnapshot(members, new MembershipVersion(3));
        SiloAddress[] compatible = [a, b, c];
        Assert.Equal(b, PinnedPlacementDirector.PickNamed("silo2", compatible, snapshot));
        Assert.Equal(a, PinnedPlacementDirector.PickNamed("silo1", compatible, snapshot));
        Assert.Null(PinnedPlacementDirector.PickNamed("silo3", compatible, snapshot));      // dead: default placement
        Assert.Null(PinnedPlacementDirector.PickNamed("silo2", [a, c], snapshot));         // not compatible
        Assert.Null(PinnedPlacementDirector.PickNamed(null, compatible, snapshot));          // not configured
        Assert.Null(PinnedPlacementDirector.PickNamed("nowhere", compatible, snapshot));
    }
}

[Collection(ClusterCollection.Name)]
public sealed class RecoveryGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_tile_asked_before_set_up_says_not_ready_and_the_coordinator_retries_that()
    {
        var tile = fixture.Grains.GetGrain<ITileGrain>(GrainKeys.Tile($"notready-{Guid.NewGuid():N}", 0));
        var e = await Assert.ThrowsAsync<NotReadyException>(() => tile.StepYear(2020, 400, 0.001));
        Assert.Contains("not initialized", e.Message);
        Assert.True(RecoveryPolicy.IsTransient(e));
    }

    [Fact]
    public async Task City_and_region_series_come_back_from_storage_in_a_new_activation()
    {
        string run = $"books-{Guid.NewGuid():N}";
        var city = fixture.Grains.GetGrain<ICityGrain>(GrainKeys.City(run, 1));
        var region = fixture.Grains.GetGrain<IRegionGrain>(run);
        FixedSum[] Sums(int year) => Enumerable.Range(0, CarbonVariables.Count).Select(v => FixedSum.FromKg(year * 1000.0 + v)).ToArray();
        var context = new RegionYearContext { FirstYear = 2020, CityNames = ["a", "b"] };
        foreach (int year in new[] { 2021, 2020, 2022 })   // out of order: the series comes back ascending
        {
            var cityYear = await city.RecordYear(year, [Sums(year)]);
            await region.RecordYear(year, [cityYear, cityYear], context);
        }
        await city.RecordYear(2021, [Sums(2021)]);   // recorded again: overwrites itself

        var management = fixture.Grains.GetGrain<IManagementGrain>(0);
        async Task<int> Activations() => (await management.GetDetailedGrainStatistics())
            .Count(s => s.GrainId.Key.ToString()!.StartsWith(run, StringComparison.Ordinal));
        Assert.Equal(2, await Activations());
        await city.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        await region.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        for (int i = 0; i < 200 && await Activations() > 0; i++) await Task.Delay(50);
        Assert.Equal(0, await Activations());   // both gone: what follows is a new activation

        var series = await city.GetSeries("B", 1e6);
        Assert.Equal([2020, 2021, 2022], series.Years.Select(y => y.Year));
        Assert.Equal(Sums(2021), series.Years[1].Sums);
        var regionSeries = await region.GetSeries();
        Assert.Equal([2020, 2021, 2022], regionSeries.Select(y => y.Year));
        Assert.Equal(Sums(2022)[3] + Sums(2022)[3], regionSeries[2].Sums[3]);
    }
}
