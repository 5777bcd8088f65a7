using CarbonSim.Model.Io.BiomeBgc;
using CarbonSim.Model.Tests.Reference;

namespace CarbonSim.Model.Tests.Io;

public class EpcReaderTests
{
    private static string[] EnfLines() => File.ReadAllLines(ReferenceData.Epc("enf"));

    private static InvalidInputException Bad(string[] lines) =>
        Assert.Throws<InvalidInputException>(() => EpcReader.Parse(new StringReader(string.Join('\n', lines)), "bad.epc"));

    [Fact]
    public void ReadsAllShippedFiles()
    {
        foreach (var f in Directory.GetFiles(Path.Combine(ReferenceData.Root, "inputs", "epc"), "*.epc"))
            Assert.NotNull(EpcReader.Read(f));
        var enf = EpcReader.Read(ReferenceData.Epc("enf"));
        Assert.True(enf.Woody && enf.Evergreen && enf.C3 && enf.ModelPhenology);
        Assert.Equal(12.0, enf.SpecificLeafArea);
        Assert.Equal(4100.0, enf.VpdClose);
        Assert.StartsWith("ENF", enf.Title);
        Assert.False(EpcReader.Read(ReferenceData.Epc("c4grass")).C3);
    }

    [Fact]
    public void RejectsMissingKeyword()
    {
        var l = EnfLines(); l[0] = "ECOFIZZ something";
        var e = Bad(l);
        Assert.Contains("bad.epc", e.Message); Assert.Contains("line 1", e.Message); Assert.Contains("ECOPHYS", e.Message);
    }

    [Fact]
    public void RejectsFractionsNotSummingToOne()
    {
        var l = EnfLines(); l[23] = "0.50 leaf litter labile";
        var e = Bad(l);
        Assert.Contains("lines 24-26", e.Message); Assert.Contains("summing to 1", e.Message);
    }

    [Fact]
    public void RejectsNonNumericAndNonPositiveValues()
    {
        var l = EnfLines(); l[34] = "twelve (m2/kgC) SLA";
        Assert.Contains("line 35", Bad(l).Message);
        l = EnfLines(); l[34] = "0.0 (m2/kgC) SLA";
        var e = Bad(l);
        Assert.Contains("line 35", e.Message); Assert.Contains("> 0", e.Message);
        l = EnfLines(); l[1] = "2 (flag)";
        Assert.Contains("0 or 1", Bad(l).Message);
    }

    [Fact]
    public void RejectsTruncatedFile()
    {
        var e = Bad(EnfLines().Take(30).ToArray());
        Assert.Contains("44 positional lines", e.Message);
    }
}

public class MetReaderTests
{
    private static string[] Lines() => File.ReadAllLines(ReferenceData.Met("miss5093.mtc41"));

    private static InvalidInputException Bad(IEnumerable<string> lines) =>
        Assert.Throws<InvalidInputException>(() => MetReader.Parse(new StringReader(string.Join('\n', lines)), "bad.mtc41", 4));

    [Fact]
    public void ReadsShippedFilesAndConvertsPrecipitation()
    {
        var met = MetReader.Read(ReferenceData.Met("miss5093.mtc41"), 4);
        Assert.Equal(44, met.YearCount);
        Assert.Equal(1950, met.Years[0]);
        Assert.Equal(1.0, met.Prcp[0], 12);     // 0.10 cm → 1.0 kg m-2
        Assert.Equal(-3.9, met.Tmax[0], 12);
        double annual = met.Prcp.Sum() / 44;
        Assert.InRange(annual, 300, 400);       // about 350 mm a-1
        Assert.Equal(71, MetReader.Read(ReferenceData.Met("oth.mtc43"), 4).YearCount);
    }

    [Fact]
    public void RejectsYearWithout365Days()
    {
        var l = Lines().ToList(); l.RemoveAt(4 + 100);  // 1950 loses a day
        var e = Bad(l);
        Assert.Contains("365", e.Message); Assert.Contains("bad.mtc41", e.Message);
    }

    [Fact]
    public void RejectsNonNumericField()
    {
        var l = Lines(); l[10] = l[10].Replace("1950", "1950").Replace(" 0.00 ", " x.00 ");
        if (!l[10].Contains("x.00")) l[10] = "  1950     7   abc  -20.60  -14.15    0.10    83.07   119.72   30408";
        var e = Bad(l);
        Assert.Contains("line 11", e.Message);
    }

    [Fact]
    public void RejectsWrongColumnCount()
    {
        var l = Lines(); l[20] = "  1950    17   -3.90  -13.90   -6.65    0.10   158.19   123.31";
        var e = Bad(l);
        Assert.Contains("line 21", e.Message); Assert.Contains("9 columns", e.Message);
    }
}
