using CarbonSim.Model.Io.Restart;

namespace CarbonSim.Model.Tests.Io;

public class RestartFileTests
{
    private static readonly double[] State = [1.5, -0.0, double.Epsilon, 1e300, 0.1 + 0.2, 42];

    [Fact]
    public void RoundTripsBitForBitThroughAFile()
    {
        string dir = TestData.NewTempDir("restart");
        string path = Path.Combine(dir, "sub", "x.restart");
        RestartFile.Write(path, State, metYear: 17);
        var r = RestartFile.Read(path, expectedStateLength: State.Length);
        Assert.Equal(17, r.MetYear);
        Assert.Equal(EngineInfo.Version, r.EngineVersion);
        Assert.Equal(RestartFile.CurrentFormatVersion, r.FormatVersion);
        Assert.Equal(State.Select(BitConverter.DoubleToInt64Bits), r.State.Select(BitConverter.DoubleToInt64Bits));
        Assert.Single(Directory.GetFiles(Path.Combine(dir, "sub"))); // no temporary left behind
        Assert.Equal("CSRS"u8.ToArray(), File.ReadAllBytes(path)[..4]);
        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public void TruncatedFileIsReportedWithOffset()
    {
        byte[] b = RestartFile.ToBytes(State, 3);
        var e = Assert.Throws<InvalidInputException>(() => RestartFile.FromBytes(b[..(b.Length - 40)], "r.bin"));
        Assert.StartsWith("r.bin: byte ", e.Message);
        Assert.Contains("truncated", e.Message);
        Assert.Contains($"<file ends after {b.Length - 40} bytes>", e.Message);
    }

    [Fact]
    public void WrongMagicIsReported()
    {
        byte[] b = RestartFile.ToBytes(State, 3);
        b[0] = (byte)'X';
        var e = Assert.Throws<InvalidInputException>(() => RestartFile.FromBytes(b, "r.bin"));
        Assert.Contains("r.bin: byte 0 (magic)", e.Message);
        Assert.Contains("XSRS", e.Message);
        Assert.Contains("not a CarbonSim restart file", e.Message);
    }

    [Fact]
    public void FlippedPayloadBitFailsTheChecksum()
    {
        byte[] b = RestartFile.ToBytes(State, 3);
        b[b.Length - 40] ^= 0x01;
        var e = Assert.Throws<InvalidInputException>(() => RestartFile.FromBytes(b, "r.bin"));
        Assert.Contains("SHA-256 checksum", e.Message);
        Assert.Contains("corrupted", e.Message);
    }

    [Fact]
    public void UnexpectedStateLengthAndVersionAndTrailingBytes()
    {
        byte[] b = RestartFile.ToBytes(State, 3);
        var len = Assert.Throws<InvalidInputException>(() => RestartFile.FromBytes(b, "r.bin", expectedStateLength: 79));
        Assert.Contains("got '6'", len.Message);
        Assert.Contains("79 state values", len.Message);

        byte[] v = (byte[])b.Clone();
        v[4] = 9;
        Assert.Contains("format version 1", Assert.Throws<InvalidInputException>(() => RestartFile.FromBytes(v, "r.bin")).Message);

        byte[] extra = [.. b, 0];
        Assert.Contains("1 extra bytes", Assert.Throws<InvalidInputException>(() => RestartFile.FromBytes(extra, "r.bin")).Message);
    }

    [Fact]
    public void BiomeBgcEndpointOrEmptyFileIsRejected()
    {
        Assert.Contains("truncated", Assert.Throws<InvalidInputException>(() => RestartFile.FromBytes([], "e")).Message);
        var missing = Assert.Throws<InvalidInputException>(() => RestartFile.Read("/nonexistent/restart.bin"));
        Assert.Contains("/nonexistent/restart.bin", missing.Message);
    }
}

public class RestartCellStateTests
{
    [Fact]
    public void KernelCellStateRoundTripsWithItsMetYear()
    {
        string dir = TestData.NewTempDir("restart-cell");
        try
        {
            var s = new CarbonSim.Model.Kernel.CellState { SoilWater = 123.25, LeafC = 0.1 + 0.2, Soil4C = 7.5, MineralN = 1e-9, NextMetYear = 12 };
            string path = Path.Combine(dir, "cell.restart");
            RestartFile.Write(path, s);
            var back = RestartFile.ReadCellState(path);
            Assert.Equal(s.ToArray(), back.ToArray());
            Assert.Equal(12, back.NextMetYear);
            Assert.Equal(12, RestartFile.Read(path).MetYear);

            RestartFile.Write(path, [1.0, 2.0], 0);
            var e = Assert.Throws<InvalidInputException>(() => RestartFile.ReadCellState(path));
            Assert.Contains($"{CarbonSim.Model.Kernel.CellState.Length} state values", e.Message);
        }
        finally { Directory.Delete(dir, true); }
    }
}
