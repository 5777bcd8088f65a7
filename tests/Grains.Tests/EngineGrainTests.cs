using CarbonSim.Contracts;
using CarbonSim.Model.Engine;
using CarbonSim.Grains.Engine;
using CarbonSim.Model.Tests.Engine;
using CarbonSim.Grains.Hosting;
using Orleans.Runtime;

namespace CarbonSim.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class EngineGrainTests(ClusterFixture fixture)
{
    const int N = CarbonVariables.Count;

    Task<RunOutcome> Run(string runId, RunSpec spec) =>
        RunDriver.RunAsync(fixture.Grains, runId, spec, pollInterval: TimeSpan.FromMilliseconds(20));

    static string NewRunId(string what) => $"{what}-{Guid.NewGuid():N}";

    /// <summary>Every number of an outcome as raw bits, in a fixed order.</summary>
    static List<long> Bits(RunOutcome o)
    {
        var bits = new List<long>();
        foreach (var c in o.Cities)
            foreach (var y in c.Years)
                foreach (var s in y.Sums) { bits.Add(s.Upper); bits.Add((long)s.Lower); }
        foreach (var y in o.Region)
            foreach (var s in y.Sums) { bits.Add(s.Upper); bits.Add((long)s.Lower); }
        foreach (var snap in o.CellSnapshots)
            foreach (var v in snap.Values) bits.Add(BitConverter.DoubleToInt64Bits(v));
        return bits;
    }

    [Fact]
    public async Task A_cancelled_run_submitted_again_under_its_id_runs_as_a_new_attempt_and_equals_a_fresh_run()
    {
        var spec = SyntheticRegion.WithLandUse(SyntheticRegion.Build(tileSize: 4, lastYear: 2030));
        string runId = NewRunId("again");
        var simulation = fixture.Grains.GetGrain<ISimulationGrain>(runId);
        await simulation.Start(spec);
        await simulation.Cancel();
        RunProgress p;
        for (int i = 0; ; i++)
        {
            p = await simulation.GetProgress();
            if (p.IsFinished || i > 600) break;
            await Task.Delay(20);
        }
        Assert.Equal(RunPhase.Cancelled, p.Phase);
        Assert.Equal(1, p.Attempt);

        var again = await Run(runId, spec);                 // Start under the same id: a new attempt, not a no-op
        var progress = await simulation.GetProgress();
        Assert.Equal(RunPhase.Done, progress.Phase);
        Assert.Equal(2, progress.Attempt);
        Assert.Equal(Bits(await Run(NewRunId("fresh"), spec)), Bits(again));

        await simulation.Start(spec);                       // done: a repeated Start changes nothing
        Assert.Equal(2, (await simulation.GetProgress()).Attempt);
        Assert.Equal(Bits(again), Bits(await simulation.GetOutcome()));
    }

    [Fact]
    public async Task Tile_year_step_is_idempotent()
    {
        var spec = SyntheticRegion.Build(tileSize: 4, lastYear: 2022);
        string runId = NewRunId("idem");
        await Run(runId, spec);
        var tile = fixture.Grains.GetGrain<ITileGrain>(GrainKeys.Tile(runId, 1));
        Assert.Equal(2022, await tile.GetLastCompletedYear());

        var again = await tile.StepYear(2021, 999, 1);   // other forcing: must not be recomputed
        var first = await tile.StepYear(2021, spec.Co2ByYear[1], spec.NDepositionByYear[1]);
        Assert.Equal(first.CitySums, again.CitySums);
        Assert.Equal(first.CellValues, again.CellValues);
        Assert.Equal(2022, await tile.GetLastCompletedYear());

        // The next year steps once; asking for it twice returns the same stored answer.
        var next = await tile.StepYear(2023, 420, 0.002);
        var nextAgain = await tile.StepYear(2023, 420, 0.002);
        Assert.Equal(next.CitySums, nextAgain.CitySums);
        Assert.Equal(2023, await tile.GetLastCompletedYear());

        // Skipping a year is refused.
        await Assert.ThrowsAnyAsync<InvalidOperationException>(() => tile.StepYear(2025, 420, 0.002));
    }

    [Fact]
    public async Task City_and_region_totals_equal_the_sum_over_their_cells()
    {
        var spec = SyntheticRegion.Build(tileSize: 4);
        var outcome = await Run(NewRunId("sums"), spec);
        var cells = spec.Cells;
        Assert.Equal(spec.YearCount, outcome.CellSnapshots.Length);
        foreach (var snap in outcome.CellSnapshots)
        {
            var region = outcome.Region.Single(r => r.Year == snap.Year);
            var regionFromCities = new FixedSum[N];
            foreach (var city in outcome.Cities)
            {
                var recorded = city.Years.Single(y => y.Year == snap.Year);
                var exact = new FixedSum[N];
                var plain = new double[N];
                int members = 0;
                for (int i = 0; i < cells.Count; i++)
                {
                    if (cells.City[i] != city.CityIndex) continue;
                    members++;
                    for (int v = 0; v < N; v++)
                    {
                        double kg = snap.Values[i * N + v] * cells.AreaM2[i];
                        exact[v] += FixedSum.FromKg(kg);
                        plain[v] += kg;
                    }
                }
                Assert.True(members > 0);
                Assert.Equal(exact, recorded.Sums);
                for (int v = 0; v < N; v++)
                {
                    if (v != CarbonVariables.Harvest) Assert.NotEqual(0, plain[v]);   // the synthetic region has no managed cropland: nothing harvested
                    Assert.Equal(plain[v], recorded.Sums[v].ToKg(), members * FixedSum.QuantumKg + Math.Abs(plain[v]) * 1e-12);
                    regionFromCities[v] += recorded.Sums[v];
                }
            }
            Assert.Equal(regionFromCities, region.Sums);
        }
    }

    [Fact]
    public async Task Outputs_are_bit_identical_for_tile_sizes_1_8_and_32()
    {
        var one = await Run(NewRunId("t1"), SyntheticRegion.Build(tileSize: 1));
        var eight = await Run(NewRunId("t8"), SyntheticRegion.Build(tileSize: 8));
        var whole = await Run(NewRunId("t32"), SyntheticRegion.Build(tileSize: 32));
        Assert.Equal(SyntheticRegion.Build().Cells.Count, one.TileCount);
        Assert.Equal(4, eight.TileCount);
        Assert.Equal(1, whole.TileCount);
        var reference = Bits(whole);
        Assert.True(reference.Count > 1000);
        Assert.Equal(reference, Bits(one));
        Assert.Equal(reference, Bits(eight));
        // The grains make the calls the in-process driver makes: engine = single-process reference, bit for bit.
        Assert.Equal(reference, Bits(InProcessRun.Run(SyntheticRegion.Build(), new BgcKernel(), tileSize: 5)));
    }

    [Fact]
    public async Task A_land_use_run_equals_the_in_process_driver_bit_for_bit()
    {
        var spec = SyntheticRegion.WithLandUse(SyntheticRegion.Build(tileSize: 4, lastYear: 2022));
        var engine = await Run(NewRunId("lu"), spec);
        var reference = InProcessRun.Run(spec, new BgcKernel(), tileSize: 32);
        Assert.True(engine.Allocations.Sum(a => a.ConvertedCells.Sum()) > 0);
        Assert.Equal(Bits(reference), Bits(engine));
        Assert.Equal(reference.CellSnapshots.Select(c => c.Classes), engine.CellSnapshots.Select(c => c.Classes));
        Assert.Equal(reference.Allocations.Select(a => a.CountsAfter), engine.Allocations.Select(a => a.CountsAfter));
    }

    [Fact]
    public async Task Outputs_are_bit_identical_on_1_and_3_silos()
    {
        var spec = SyntheticRegion.Build(tileSize: 3);
        int silosBefore = fixture.Cluster.Silos.Count;
        var single = silosBefore == 1 ? await Run(NewRunId("s1"), spec) : null;
        while (fixture.Cluster.Silos.Count < 3) await fixture.Cluster.StartAdditionalSiloAsync();
        await fixture.Cluster.WaitForLivenessToStabilizeAsync();
        string runId = NewRunId("s3");
        var triple = await Run(runId, spec);

        // The tiles of the second run really are spread over more than one silo.
        var management = fixture.Grains.GetGrain<IManagementGrain>(0);
        var stats = await management.GetDetailedGrainStatistics();
        var silosUsed = stats.Where(s => s.GrainId.Type.ToString() == "tile" && s.GrainId.Key.ToString()!.StartsWith(runId + "/")).Select(s => s.SiloAddress).Distinct().Count();
        Assert.True(silosUsed > 1, $"tiles ran on {silosUsed} silo(s)");

        if (single is not null) Assert.Equal(Bits(single), Bits(triple));
        else Assert.Equal(Bits(await Run(NewRunId("s3b"), spec)), Bits(triple));
    }

    [Fact]
    public async Task A_spinup_is_computed_once_per_distinct_key()
    {
        var spec = SyntheticRegion.Build(tileSize: 2, lastYear: 2021);
        var outcome = await Run(NewRunId("spin-a"), spec);
        await Run(NewRunId("spin-b"), spec with { TileSize = 5 });

        // Distinct (vegetation, site, climate) combinations, counted here independently of the engine.
        var combos = new HashSet<(int, int, int)>();
        for (int i = 0; i < spec.Cells.Count; i++)
            for (int c = spec.Cells.ColumnStart[i]; c < spec.Cells.ColumnStart[i + 1]; c++)
                combos.Add((spec.Cells.ColumnVegetation[c], spec.Cells.Site[i], spec.Cells.Climate[i]));
        Assert.Equal(combos.Count, outcome.SpinupCount);
        Assert.True(outcome.TileCount > combos.Count);

        foreach (var (veg, site, climate) in combos)
        {
            var key = SpinupKey.Of(SpinupRequests.For(spec, new SpinupCombo(veg, site, climate)));
            var info = await fixture.Grains.GetGrain<ISpinupGrain>(key).GetInfo();
            Assert.True(info.Done);
            Assert.Equal(1, info.ComputeCount);
        }
    }

    [Fact]
    public async Task A_run_with_history_and_cohorts_equals_the_in_process_driver_and_shares_each_equilibrium()
    {
        var spec = SyntheticRegion.WithHistory(SyntheticRegion.Build(tileSize: 3, lastYear: 2021));
        var engine = await Run(NewRunId("hist"), spec);
        var reference = InProcessRun.Run(spec, new BgcKernel(), tileSize: 32);
        Assert.Equal(Bits(reference), Bits(engine));
        Assert.Equal(6, engine.History.Region.Length);
        Assert.Equal(reference.History.Region.Select(y => y.Sums), engine.History.Region.Select(y => y.Sums));
        Assert.Equal(reference.History.Cities.Select(c => c.Years.Select(y => y.Sums)), engine.History.Cities.Select(c => c.Years.Select(y => y.Sums)));
        // Each combination's equilibrium was computed once, by the grain of the key without history, for all its cohorts.
        var combos = Tiling.DistinctCombos(spec, Enumerable.Range(0, spec.Cells.Count));
        Assert.True(combos.Length > combos.Select(c => (c.Vegetation, c.Site, c.Climate)).Distinct().Count(), "the test needs cohorts");
        foreach (var r in combos.Select(c => SpinupRequests.For(spec, c).Equilibrium()).DistinctBy(SpinupKey.Of))
            Assert.Equal(1, (await fixture.Grains.GetGrain<ISpinupGrain>(SpinupKey.Of(r)).GetInfo()).ComputeCount);
    }

    [Fact]
    public async Task An_inconsistent_run_is_refused_before_it_starts()
    {
        var spec = SyntheticRegion.Build(lastYear: 2022) with { Co2ByYear = [400.0] };
        string runId = NewRunId("bad");
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Run(runId, spec));
        Assert.Contains("Co2ByYear has 1 values", error.Message);
        Assert.Contains("3 years", error.Message);
        var progress = await fixture.Grains.GetGrain<ISimulationGrain>(runId).GetProgress();
        Assert.Equal(RunPhase.NotStarted, progress.Phase);
    }
}
