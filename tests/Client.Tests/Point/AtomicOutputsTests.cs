using CarbonSim.Client.Point;
using CarbonSim.Model.Tests.Io;

namespace CarbonSim.Client.Tests.Point;

public class AtomicOutputsTests
{
    [Fact]
    public void FailureBeforeCommitLeavesExistingTargetsUntouchedAndNoTemporaries()
    {
        string dir = TestData.NewTempDir("atomic");
        try
        {
            string a = Path.Combine(dir, "a.csv"), b = Path.Combine(dir, "sub", "b.csv");
            File.WriteAllText(a, "old");
            Assert.Throws<InvalidOperationException>(() =>
            {
                using var o = new AtomicOutputs();
                o.AddText(a, w => w.Write("new"));
                o.AddText(b, w => { w.Write("half"); throw new InvalidOperationException("boom"); });
                o.Commit();
            });
            Assert.Equal("old", File.ReadAllText(a));
            Assert.False(File.Exists(b));
            Assert.Equal([a], Directory.GetFiles(dir, "*", SearchOption.AllDirectories));
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void CommitReplacesAllTargets()
    {
        string dir = TestData.NewTempDir("atomic-ok");
        try
        {
            string a = Path.Combine(dir, "a.csv");
            File.WriteAllText(a, "old");
            using (var o = new AtomicOutputs())
            {
                o.AddText(a, w => w.Write("new"));
                o.Add(Path.Combine(dir, "r.bin"), s => s.Write([1, 2, 3]));
                o.Commit();
            }
            Assert.Equal("new", File.ReadAllText(a));
            Assert.Equal(new byte[] { 1, 2, 3 }, File.ReadAllBytes(Path.Combine(dir, "r.bin")));
            Assert.Equal(2, Directory.GetFiles(dir).Length);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void AFailedRerunKeepsThePreviousRunsOutputs()
    {
        using var ws = new PointWorkspace("rerun");
        string ini = ws.Read("ini_anchor_runs/enf.ini");
        ini = TestData.ReplaceFirstToken(ini, TestData.LineOf(ini, "RESTART") + 1, "0");
        ws.Write("ini_anchor_runs/x.ini", ini);
        Assert.Equal(0, ws.Run(PointWorkspace.FakeBackend(), "ini_anchor_runs/x.ini").Exit);
        string annual = Path.Combine(ws.Root, "outputs", "enf_annual.csv");
        string before = File.ReadAllText(annual);
        ws.Write("co2/broken.txt", "1950 300\n1951 x\n");
        string bad = TestData.ReplaceFirstToken(ini, TestData.LineOf(ini, "CO2_CONTROL") + 1, "1");
        ws.Write("ini_anchor_runs/x.ini", TestData.ReplaceFirstToken(bad, TestData.LineOf(bad, "CO2_CONTROL") + 3, "co2/broken.txt"));
        Assert.Equal(PointCommand.ExitBadInput, ws.Run(PointWorkspace.FakeBackend(), "ini_anchor_runs/x.ini").Exit);
        Assert.Equal(before, File.ReadAllText(annual));
        Assert.Equal(2, ws.OutputFiles().Length); // annual + daily, no temporaries
    }
}
