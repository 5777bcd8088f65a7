using CarbonSim.Client.Point;
using CarbonSim.Model.Io.Restart;
using CarbonSim.Model.Tests.Io;

namespace CarbonSim.Client.Tests.Point;

/// <summary>
/// Malformed ini / CO2 / N-deposition / restart / met files through the point verb: each must exit 1
/// with one line naming the file, the place (line or byte), the value and the expectation, and leave
/// no output file (nor temporary) behind.
/// </summary>
public class PointBadFileTests(Xunit.Abstractions.ITestOutputHelper log)
{
    /// <summary>A case: mutate the workspace, extra args, then fragments the one-line message must contain.</summary>
    public sealed record Case(string Name, Action<PointWorkspace> Mutate, string[] Args, string[] Expect)
    {
        public override string ToString() => Name;
    }

    private const string Ini = "ini_anchor_runs/base.ini";

    /// <summary>enf.ini without reading a restart, but writing one (so a success would leave files).</summary>
    private static string BaseIni(PointWorkspace ws)
    {
        string t = ws.Read("ini_anchor_runs/enf.ini");
        return TestData.ReplaceFirstToken(t, TestData.LineOf(t, "RESTART") + 1, "0")
            is var a ? TestData.ReplaceFirstToken(a, TestData.LineOf(a, "RESTART") + 2, "1") : t;
    }

    private static Action<PointWorkspace> IniToken(string keyword, int offset, string value) => ws =>
    {
        string t = BaseIni(ws);
        ws.Write(Ini, TestData.ReplaceFirstToken(t, TestData.LineOf(t, keyword) + offset, value));
    };

    private static int BaseLine(string keyword, int offset)
    {
        string t = File.ReadAllText(Path.Combine(TestData.BgcInputs, "ini_anchor_runs", "enf.ini"));
        return TestData.LineOf(t, keyword) + offset;
    }

    /// <summary>Base ini in CO2 mode 1 reading co2/bad.txt, with that file's text.</summary>
    private static Action<PointWorkspace> Co2File(string text) => ws =>
    {
        string t = BaseIni(ws);
        t = TestData.ReplaceFirstToken(t, TestData.LineOf(t, "CO2_CONTROL") + 1, "1");
        t = TestData.ReplaceFirstToken(t, TestData.LineOf(t, "CO2_CONTROL") + 3, "co2/bad.txt");
        ws.Write(Ini, t);
        ws.Write("co2/bad.txt", text);
    };

    private static Action<PointWorkspace> NdepFile(string text) => ws =>
    {
        ws.Write(Ini, BaseIni(ws));
        ws.Write("co2/badndep.txt", text);
    };

    private static string Years(int from, int to, Func<int, string> value) =>
        string.Concat(Enumerable.Range(from, to - from + 1).Select(y => $"{y}\t{value(y)}\n"));

    /// <summary>Base ini reading restart/in.bin, with those bytes.</summary>
    private static Action<PointWorkspace> Restart(Func<byte[], byte[]> mangle) => ws =>
    {
        string t = BaseIni(ws);
        t = TestData.ReplaceFirstToken(t, TestData.LineOf(t, "RESTART") + 1, "1");
        t = TestData.ReplaceFirstToken(t, TestData.LineOf(t, "RESTART") + 4, "restart/in.bin");
        ws.Write(Ini, t);
        File.WriteAllBytes(Path.Combine(ws.Root, "restart", "in.bin"), mangle(RestartFile.ToBytes(new double[4], 0)));
    };

    public static TheoryData<Case> Cases() => new()
    {
        new("ini non-numeric latitude", IniToken("SITE", 6, "46,8N"), [],
            ["base.ini", $"line {BaseLine("SITE", 6)}", "'46,8N'", "a finite number"]),
        new("ini latitude out of range", IniToken("SITE", 6, "-91"), [],
            ["base.ini", $"line {BaseLine("SITE", 6)}", "'-91'", "[-90, 90]"]),
        new("ini texture sums to 110", IniToken("SITE", 2, "40.0"), [],
            ["base.ini", $"lines {BaseLine("SITE", 2)}-{BaseLine("SITE", 4)}", "40 + 50 + 20 = 110", "= 100 %"]),
        new("ini negative soil depth", IniToken("SITE", 1, "-0.5"), [],
            ["base.ini", $"line {BaseLine("SITE", 1)}", "'-0.5'", "a value > 0"]),
        new("ini flag not 0/1", IniToken("OUTPUT_CONTROL", 2, "yes"), [],
            ["base.ini", $"line {BaseLine("OUTPUT_CONTROL", 2)}", "'yes'", "a flag, 0 or 1"]),
        new("ini unknown CO2 mode", IniToken("CO2_CONTROL", 1, "4"), [],
            ["base.ini", $"line {BaseLine("CO2_CONTROL", 1)}", "'4'", "0 (constant), 1 (CO2 from annual file) or 2"]),
        new("ini block out of order", IniToken("EPC_FILE", 0, "W_STATE"), [],
            ["base.ini", $"line {BaseLine("EPC_FILE", 0)}", "'W_STATE'", "block keyword EPC_FILE"]),
        new("ini missing met file", IniToken("MET_INPUT", 1, "metdata/nothere.mtc41"), [],
            ["nothere.mtc41", "file", "an existing met file"]),
        new("co2 gap in years", Co2File(Years(1940, 1960, y => "300").Replace("1951\t300\n", "")), [],
            ["bad.txt", "line 12 (year)", "'1952'", "year 1951 (years must increase by 1"]),
        new("co2 non-numeric ppm", Co2File(Years(1940, 2000, y => y == 1945 ? "3OO" : "300")), [],
            ["bad.txt", "line 6 (CO2 concentration (ppm))", "'3OO'", "a finite number"]),
        new("co2 negative ppm", Co2File(Years(1940, 2000, y => y == 1941 ? "-300" : "300")), [],
            ["bad.txt", "line 2 (CO2 concentration (ppm))", "'-300'", "a value > 0"]),
        new("co2 file does not cover the run", Co2File(Years(1960, 2000, y => "300")), [],
            ["bad.txt", "year 1950", "<no line for this year>", "the file covers 1960-2000"]),
        new("ndep gap in years", NdepFile(Years(1940, 2000, y => "0.001").Replace("1990\t0.001\n", "")), ["-n", "co2/badndep.txt"],
            ["badndep.txt", "line 51 (year)", "'1991'", "year 1990"]),
        new("ndep negative value", NdepFile(Years(1940, 2000, y => y == 1970 ? "-1e-4" : "0.001")), ["-n", "co2/badndep.txt"],
            ["badndep.txt", "line 31 (N deposition (kgN m-2 a-1))", "'-1e-4'", "a value >= 0"]),
        new("ndep two values missing", NdepFile("1940 0.001\n1941\n"), ["-n", "co2/badndep.txt"],
            ["badndep.txt", "line 2", "'1941'", "two values: year and N deposition"]),
        new("restart wrong magic", Restart(b => { b[0] = (byte)'B'; return b; }), [],
            ["in.bin", "byte 0 (magic)", "BSRS", "not a CarbonSim restart file"]),
        new("restart truncated", Restart(b => b[..20]), [],
            ["in.bin", "byte ", "<file ends after 20 bytes>", "truncated"]),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void BadFileExitsNonZeroWithOneClearLineAndNoOutputs(Case c)
    {
        using var ws = new PointWorkspace("bad");
        ws.Write(Ini, BaseIni(ws));
        c.Mutate(ws);
        var (code, _, err) = ws.Run(PointWorkspace.FakeBackend(), [Ini, .. c.Args]);
        log.WriteLine(err);
        Assert.Equal(PointCommand.ExitBadInput, code);
        Assert.Single(err.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("carbonsim point: ", err);
        foreach (var fragment in c.Expect)
            Assert.Contains(fragment, err);
        Assert.DoesNotContain(ws.OutputFiles(), f => !f.EndsWith("in.bin"));
    }

    /// <summary>Replaces the first token of a line of a copied epc file and points the base ini at it.</summary>
    private static Action<PointWorkspace> EpcLine(int line, string token) => ws =>
    {
        ws.Write(Ini, BaseIni(ws).Replace("epc/enf.epc", "epc/bad.epc"));
        ws.Write("epc/bad.epc", TestData.ReplaceFirstToken(ws.Read("epc/enf.epc"), line, token));
    };

    /// <summary>Edits the lines of a copied met file and points the base ini at it.</summary>
    private static Action<PointWorkspace> MetEdit(Func<List<string>, List<string>> edit) => ws =>
    {
        ws.Write(Ini, BaseIni(ws).Replace("metdata/miss5093.mtc41", "metdata/bad.mtc41"));
        var lines = ws.Read("metdata/miss5093.mtc41").Replace("\r\n", "\n").Split('\n').ToList();
        ws.Write("metdata/bad.mtc41", string.Join("\n", edit(lines)));
    };

    /// <summary>Cases read by the kernel's EpcReader / MetReader (real backend; they fail before any simulation).</summary>
    public static TheoryData<Case> KernelReaderCases() => new()
    {
        new("epc non-numeric value", EpcLine(19, "42.O"), [], ["bad.epc", "line 19", "'42.O'", "leaf C:N"]),
        new("epc flag not 0/1", EpcLine(3, "2"), [], ["bad.epc", "line 3", "'2'", "0 or 1"]),
        new("epc litter fractions not summing to 1", EpcLine(26, "0.30"), [], ["bad.epc", "lines 24-26", "1.06", "summing to 1"]),
        // 4 header lines; day d of 1960 is line 4 + 10*365 + d.
        new("met year with 364 days (last day missing)", MetEdit(l => { l.RemoveAt(4 + 10 * 365 + 365 - 1); return l; }), [],
            ["bad.mtc41", "line ", "364", "365 days per year"]),
        new("met day missing mid-year", MetEdit(l => { l.RemoveAt(4 + 10 * 365 + 100 - 1); return l; }), [],
            ["bad.mtc41", $"line {4 + 10 * 365 + 100}", "'yday 101'", "yday 100 (consecutive days 1-365)"]),
        new("met non-numeric Tmax", MetEdit(l => { l[4 + 2 - 1] = l[4 + 2 - 1].Replace("-7.80", "-7,80"); return l; }), [],
            ["bad.mtc41", "line 6", "-7,80", "number"]),
    };

    [Theory]
    [MemberData(nameof(KernelReaderCases))]
    public void BadEpcOrMetFileThroughTheKernelReaders(Case c)
    {
        using var ws = new PointWorkspace("bad-kernel");
        ws.Write(Ini, BaseIni(ws));
        c.Mutate(ws);
        var (code, _, err) = ws.Run(PointBackends.Default(), [Ini, .. c.Args]);
        log.WriteLine(err);
        Assert.Equal(PointCommand.ExitBadInput, code);
        Assert.Single(err.TrimEnd('\n').Split('\n'));
        foreach (var fragment in c.Expect)
            Assert.Contains(fragment, err);
        Assert.Empty(ws.OutputFiles());
    }

    [Fact]
    public void TheBaseCaseItselfSucceedsAndWritesFiles()
    {
        // Guards the bad-file cases: without a mutation the same setup runs and leaves outputs.
        using var ws = new PointWorkspace("bad-base");
        ws.Write(Ini, BaseIni(ws));
        var (code, _, err) = ws.Run(PointWorkspace.FakeBackend(), Ini);
        Assert.True(code == 0, err);
        Assert.Equal(3, ws.OutputFiles().Length); // annual, daily, restart
    }
}
