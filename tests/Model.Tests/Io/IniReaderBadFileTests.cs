using CarbonSim.Model.Io.BiomeBgc;

namespace CarbonSim.Model.Tests.Io;

/// <summary>Malformed copies of the ENF anchor ini; each message must name file, line, value and expectation.</summary>
public class IniReaderBadFileTests
{
    private static readonly string Original = File.ReadAllText(Path.Combine(TestData.BgcInputs, "ini_anchor_runs", "enf.ini"));

    private static InvalidInputException ParseBad(string text)
    {
        var e = Assert.Throws<InvalidInputException>(() => IniReader.Parse(new StringReader(text), "bad.ini"));
        Assert.Equal("bad.ini", e.File);
        Assert.StartsWith("bad.ini: ", e.Message);
        return e;
    }

    private static string After(string keyword, int offset, string token) =>
        TestData.ReplaceFirstToken(Original, TestData.LineOf(Original, keyword) + offset, token);

    [Fact]
    public void NonNumericValue()
    {
        int line = TestData.LineOf(Original, "SITE") + 6; // latitude
        var e = ParseBad(TestData.ReplaceFirstToken(Original, line, "46,8N"));
        Assert.Contains($"line {line}", e.Message);
        Assert.Contains("site latitude", e.Message);
        Assert.Contains("'46,8N'", e.Message);
        Assert.Contains("a finite number", e.Message);
    }

    [Fact]
    public void LatitudeOutsideRange()
    {
        var e = ParseBad(After("SITE", 6, "96.8"));
        Assert.Contains($"line {TestData.LineOf(Original, "SITE") + 6}", e.Message);
        Assert.Contains("'96.8'", e.Message);
        Assert.Contains("[-90, 90]", e.Message);
    }

    [Fact]
    public void TextureNotSummingTo100()
    {
        var e = ParseBad(After("SITE", 4, "25.0")); // clay 25 → 105
        int sand = TestData.LineOf(Original, "SITE") + 2;
        Assert.Contains($"lines {sand}-{sand + 2}", e.Message);
        Assert.Contains("30 + 50 + 25 = 105", e.Message);
        Assert.Contains("= 100 %", e.Message);
    }

    [Fact]
    public void NegativeSoilDepth()
    {
        var e = ParseBad(After("SITE", 1, "-1.0"));
        Assert.Contains($"line {TestData.LineOf(Original, "SITE") + 1}", e.Message);
        Assert.Contains("effective soil depth", e.Message);
        Assert.Contains("'-1.0'", e.Message);
        Assert.Contains("a value > 0", e.Message);
    }

    [Fact]
    public void FlagNotZeroOrOne()
    {
        var e = ParseBad(After("RESTART", 1, "2"));
        Assert.Contains($"line {TestData.LineOf(Original, "RESTART") + 1}", e.Message);
        Assert.Contains("read restart flag", e.Message);
        Assert.Contains("'2'", e.Message);
        Assert.Contains("0 or 1", e.Message);
    }

    [Fact]
    public void UnknownCo2Mode()
    {
        var e = ParseBad(After("CO2_CONTROL", 1, "3"));
        Assert.Contains($"line {TestData.LineOf(Original, "CO2_CONTROL") + 1}", e.Message);
        Assert.Contains("'3'", e.Message);
        Assert.Contains("0 (constant), 1 (CO2 from annual file) or 2", e.Message);
    }

    [Fact]
    public void BlocksOutOfOrder()
    {
        // Swap the keyword lines of CLIM_CHANGE and CO2_CONTROL.
        int clim = TestData.LineOf(Original, "CLIM_CHANGE");
        var text = TestData.ReplaceFirstToken(Original, clim, "CO2_CONTROL");
        var e = ParseBad(text);
        Assert.Contains($"line {clim}", e.Message);
        Assert.Contains("'CO2_CONTROL'", e.Message);
        Assert.Contains("block keyword CLIM_CHANGE (block 4 of 15; CO2_CONTROL is out of order", e.Message);
    }

    [Fact]
    public void MissingLineInsideABlock()
    {
        int site = TestData.LineOf(Original, "SITE");
        var e = ParseBad(TestData.RemoveLine(Original, site + 9)); // drop N fixation
        Assert.Contains("'RAMP_NDEP'", e.Message);
        Assert.Contains("N fixation", e.Message);
        Assert.Contains("a line of block SITE is missing", e.Message);
    }

    [Fact]
    public void MissingEndInit()
    {
        int end = TestData.LineOf(Original, "END_INIT");
        var e = ParseBad(TestData.RemoveLine(Original, end));
        Assert.Contains("<end of file>", e.Message);
        Assert.Contains("block keyword END_INIT (block 15 of 15)", e.Message);
    }

    [Fact]
    public void NonIntegerYearCount()
    {
        var e = ParseBad(After("TIME_DEFINE", 2, "44.5"));
        Assert.Contains($"line {TestData.LineOf(Original, "TIME_DEFINE") + 2}", e.Message);
        Assert.Contains("number of simulation years", e.Message);
        Assert.Contains("'44.5'", e.Message);
        Assert.Contains("an integer", e.Message);
    }

    [Fact]
    public void SoilWaterFractionAboveOne()
    {
        var e = ParseBad(After("W_STATE", 2, "1.5"));
        Assert.Contains($"line {TestData.LineOf(Original, "W_STATE") + 2}", e.Message);
        Assert.Contains("'1.5'", e.Message);
        Assert.Contains("[0, 1]", e.Message);
    }

    [Fact]
    public void EmptyFile()
    {
        var e = ParseBad("");
        Assert.Contains("line 1", e.Message);
        Assert.Contains("<empty file>", e.Message);
    }

    [Fact]
    public void MissingFileIsNamed()
    {
        var e = Assert.Throws<InvalidInputException>(() => IniReader.Read("/nonexistent/x.ini"));
        Assert.Contains("/nonexistent/x.ini", e.Message);
        Assert.Contains("an existing BIOME-BGC .ini file", e.Message);
    }
}
