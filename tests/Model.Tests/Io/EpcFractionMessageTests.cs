using CarbonSim.Model.Io.BiomeBgc;
using CarbonSim.Model.Tests.Reference;

namespace CarbonSim.Model.Tests.Io;

/// <summary>The "fractions sum to 1" message of the .epc reader: sum to 6 significant digits, and the fractions themselves.</summary>
public class EpcFractionMessageTests
{
    private static InvalidInputException Bad(int lineIndex, string replacement)
    {
        var lines = File.ReadAllLines(ReferenceData.Epc("enf"));
        lines[lineIndex] = replacement;
        return Assert.Throws<InvalidInputException>(() => EpcReader.Parse(new StringReader(string.Join('\n', lines)), "bad.epc"));
    }

    [Fact]
    public void LeafLitterSumIsShortAndListsTheThreeFractions()
    {
        // enf: leaf litter labile/cellulose/lignin on lines 24-26; 1/3 gives a long binary fraction
        var e = Bad(23, "0.333333333333 (DIM) leaf litter labile proportion");
        var parts = File.ReadAllLines(ReferenceData.Epc("enf")).Skip(24).Take(2).Select(l => double.Parse(l.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries)[0], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        double sum = 0.333333333333 + parts[0] + parts[1];
        Assert.Contains("lines 24-26", e.Message);
        Assert.Contains($"got '{sum.ToString("G6", System.Globalization.CultureInfo.InvariantCulture)} (0.333333 + ", e.Message);
        Assert.Contains("leaf litter labile + cellulose + lignin summing to 1", e.Message);
        Assert.DoesNotContain("0.3333333333", e.Message);
        Assert.Equal(3, e.Value.Split(" + ").Length);
    }

    [Fact]
    public void DeadWoodSumListsTwoFractions()
    {
        var e = Bad(29, "0.9 (DIM) dead wood cellulose proportion");
        Assert.Contains("lines 30-31", e.Message);
        Assert.Equal(2, e.Value.Split(" + ").Length);
        Assert.StartsWith("0.9 + ", e.Value[(e.Value.IndexOf('(') + 1)..]);
    }
}
