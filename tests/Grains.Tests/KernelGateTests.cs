using CarbonSim.Grains.Hosting;

namespace CarbonSim.Grains.Tests;

/// <summary>The silo's kernel gate lets at most its number of slots of tile years run at once, and every one runs.</summary>
public sealed class KernelGateTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task A_work_item_beyond_the_slots_waits_until_a_slot_is_free(int slots)
    {
        var gate = new KernelGate(slots);
        using var release = new ManualResetEventSlim(false);
        int running = 0, ran = 0;
        int Work() { Interlocked.Increment(ref running); release.Wait(); Interlocked.Increment(ref ran); Interlocked.Decrement(ref running); return 0; }

        // Fill every slot from threads of their own (a free slot runs the work on the caller's thread).
        var holders = new Task<int>[slots];
        var threads = Enumerable.Range(0, slots).Select(i => new Thread(() => holders[i] = gate.Run(Work))).ToArray();
        foreach (var t in threads) t.Start();
        Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref running) == slots, TimeSpan.FromSeconds(60)), "the slots never filled");

        var extra = gate.Run(Work);   // no slot free: must not start
        Thread.Sleep(200);
        Assert.Equal(slots, Volatile.Read(ref running));
        Assert.False(extra.IsCompleted);

        release.Set();
        foreach (var t in threads) t.Join();
        await Task.WhenAll(holders.Append(extra));
        Assert.Equal(slots + 1, ran);
    }

    [Fact]
    public void A_gate_has_at_least_one_slot() => Assert.Equal(1, new KernelGate(0).Slots);
}
