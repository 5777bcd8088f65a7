using CarbonSim.Model.Io.BiomeBgc;

namespace CarbonSim.Model.Tests.Io;

public class AnnualSeriesTests
{
    [Fact]
    public void ShippedCo2FileIsReadWithYearLookup()
    {
        var co2 = Co2FileReader.Read(Path.Combine(TestData.BgcInputs, "co2", "co2.txt"));
        Assert.Equal(1915, co2.FirstYear);
        Assert.Equal(2001, co2.LastYear);
        Assert.Equal(87, co2.Values.Count);
        Assert.Equal(300.352, co2.ValueFor(1915));
        Assert.Equal(371.03, co2.ValueFor(2001));
        Assert.True(co2.Covers(1950, 1993));
    }

    [Fact]
    public void ShippedNdepFileIsRead()
    {
        var n = NdepFileReader.Read(Path.Combine(TestData.BgcInputs, "co2", "ndep.txt"));
        Assert.Equal(1931, n.FirstYear);
        Assert.Equal(2004, n.LastYear);
        Assert.Equal(0.0001, n.ValueFor(1931));
        Assert.Equal(0.001038571, n.ValueFor(2004));
    }

    [Fact]
    public void YearOutsideTheFileFailsLikeBiomeBgcNamingTheRange()
    {
        var s = Co2FileReader.Parse(new StringReader("2000 370\n2001 371\n"), "c.txt");
        var e = Assert.Throws<InvalidInputException>(() => s.ValueFor(2002));
        Assert.Contains("c.txt: year 2002", e.Message);
        Assert.Contains("covers 2000-2001", e.Message);
        var r = Assert.Throws<InvalidInputException>(() => s.RequireYears(1999, 2001, "test"));
        Assert.Contains("year 1999", r.Message);
    }

    [Theory]
    [InlineData("1950 300\n1952 301\n", "line 2 (year)", "'1952'", "year 1951 (years must increase by 1")]
    [InlineData("1950 300\n1950 301\n", "line 2 (year)", "'1950'", "year 1951")]
    [InlineData("1950 300\n1951 abc\n", "line 2 (CO2 concentration (ppm))", "'abc'", "a finite number")]
    [InlineData("1950 300\n1951 -5\n", "line 2 (CO2 concentration (ppm))", "'-5'", "a value > 0")]
    [InlineData("1950 0\n", "line 1 (CO2 concentration (ppm))", "'0'", "a value > 0")]
    [InlineData("1950 300 7\n", "line 1", "'1950 300 7'", "two values: year and CO2")]
    [InlineData("19x0 300\n", "line 1 (year)", "'19x0'", "an integer year")]
    [InlineData("1950 NaN\n", "line 1 (CO2 concentration (ppm))", "'NaN'", "a finite number")]
    [InlineData("\n\n", "line 3", "<end of file>", "at least one line")]
    public void MalformedCo2Files(string text, string place, string value, string expected)
    {
        var e = Assert.Throws<InvalidInputException>(() => Co2FileReader.Parse(new StringReader(text), "co2.txt"));
        Assert.StartsWith("co2.txt: " + place, e.Message);
        Assert.Contains(value, e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void NdepAcceptsZeroButNotNegative()
    {
        Assert.Equal(0.0, NdepFileReader.Parse(new StringReader("1950\t0\n"), "n.txt").ValueFor(1950));
        var e = Assert.Throws<InvalidInputException>(() => NdepFileReader.Parse(new StringReader("1950 -0.001\n"), "n.txt"));
        Assert.Contains("n.txt: line 1 (N deposition (kgN m-2 a-1))", e.Message);
        Assert.Contains("a value >= 0", e.Message);
    }
}
