using CarbonSim.Client.Point;
using CarbonSim.Model.Tests.Io;
using CarbonSim.Model.Tests.Point;

namespace CarbonSim.Client.Tests.Point;

/// <summary>Runs the point verb in a scratch copy of data/reference/biomebgc/inputs.</summary>
public sealed class PointWorkspace : IDisposable
{
    public string Root { get; }

    public PointWorkspace(string tag)
    {
        Root = TestData.NewTempDir(tag);
        foreach (string sub in new[] { "metdata", "epc", "co2", "ini_anchor_runs" })
        {
            Directory.CreateDirectory(Path.Combine(Root, sub));
            foreach (var f in Directory.GetFiles(Path.Combine(TestData.BgcInputs, sub)))
                File.Copy(f, Path.Combine(Root, sub, Path.GetFileName(f)));
        }
        Directory.CreateDirectory(Path.Combine(Root, "outputs"));
        Directory.CreateDirectory(Path.Combine(Root, "restart"));
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }

    public string Read(string relative) => File.ReadAllText(Path.Combine(Root, relative));
    public void Write(string relative, string text) => File.WriteAllText(Path.Combine(Root, relative), text);

    /// <summary>Backend: stand-in kernel, test-side readers (until the kernel's readers are merged).</summary>
    public static PointBackend FakeBackend(int spinupYears = 3) =>
        new(new FakePointKernel { SpinupYears = spinupYears }, TestReaders.Epc, TestReaders.Met);

    public (int Exit, string Out, string Err) Run(PointBackend? backend, params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = PointCommand.Run(args, o, e, Root, backend);
        return (code, o.ToString(), e.ToString());
    }

    /// <summary>Every file under outputs/ and restart/ (including hidden temporaries).</summary>
    public string[] OutputFiles() =>
        Directory.GetFiles(Path.Combine(Root, "outputs"), "*", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(Path.Combine(Root, "restart"), "*", SearchOption.AllDirectories)).ToArray();
}
