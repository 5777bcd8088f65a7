using CarbonSim.Grains.Hosting;

namespace CarbonSim.Grains.Tests;

/// <summary>The silo's kernel gate lets at most its number of slots of tile years run at once, and every one runs.</summary>
public sealed class KernelGateTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task At_most_the_slots_run_at_once_and_every_work_item_runs(int slots)
    {
        var gate = new KernelGate(slots);
        int running = 0, most = 0;
        var work = Enumerable.Range(0, 12).Select(i => Task.Run(() => gate.Run(() =>
        {
            int now = Interlocked.Increment(ref running);
            int seen;
            while ((seen = Volatile.Read(ref most)) < now && Interlocked.CompareExchange(ref most, now, seen) != seen) { }
            Thread.Sleep(20);   // long enough that the others queue up behind the gate
            Interlocked.Decrement(ref running);
            return i;
        })));
        var done = await Task.WhenAll(work);
        Assert.Equal(Enumerable.Range(0, 12), done.Order());
        Assert.Equal(slots, most);
    }

    [Fact]
    public void A_gate_has_at_least_one_slot() => Assert.Equal(1, new KernelGate(0).Slots);
}
