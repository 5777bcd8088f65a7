using CarbonSim.Model.Io.BiomeBgc;
using CarbonSim.Model.Parameters;

namespace CarbonSim.Model.Tests.Io;

public class EpcYamlTests
{
    /// <summary>A parameter set with awkward values: tiny, negative, long fractions, quotes in the title.</summary>
    internal static EcophysParameters Sample() => new()
    {
        Title = "ENF \"cool\" test: 1/3 \\ path",
        Woody = true, Evergreen = false, C3 = true, ModelPhenology = false,
        OnsetYearDay = 100, OffsetYearDay = 300,
        TransferFraction = 0.3, LitterfallFraction = 1.0 / 3.0,
        LeafFineRootTurnover = 0.25, LiveWoodTurnover = 0.7, WholePlantMortality = 0.005, FireMortality = 0.0050000000000000001,
        AllocFrootLeaf = 1.0, AllocStemLeaf = 2.2, AllocLiveTotalWood = 0.1, AllocCrootStem = 0.3, AllocCurrentGrowth = 0.5,
        LeafCn = 42, LeafLitterCn = 93, FrootCn = 42, LiveWoodCn = 50, DeadWoodCn = 729,
        LeafLitterLabile = 0.32, LeafLitterCellulose = 0.44, LeafLitterLignin = 0.24,
        FrootLabile = 0.3, FrootCellulose = 0.45, FrootLignin = 0.25, DeadWoodCellulose = 0.76, DeadWoodLignin = 0.24,
        InterceptionCoefficient = 0.041, LightExtinction = 0.5, LaiRatio = 2.6, SpecificLeafArea = 12,
        ShadedSunlitSlaRatio = 2, LeafNInRubisco = 0.04,
        MaxStomatalConductance = 0.003, CuticularConductance = 1e-5, BoundaryLayerConductance = 0.08,
        PsiOpen = -0.6, PsiClose = -2.3, VpdOpen = 930, VpdClose = 4100,
    };

    private static string ToYaml(EcophysParameters p)
    {
        var w = new StringWriter();
        EpcYaml.Write(p, w);
        return w.ToString();
    }

    [Fact]
    public void YamlRoundTripsExactly()
    {
        var p = Sample();
        var back = EpcYaml.Parse(new StringReader(ToYaml(p)), "p.yaml");
        Assert.Equal(p, back);
    }

    [Fact]
    public void EveryKeyCarriesItsUnitAndEpcLine()
    {
        string yaml = ToYaml(Sample());
        foreach (var f in EpcFields.All)
            Assert.Matches($@"(?m)^{f.Key}:\s+\S+\s+# \[{System.Text.RegularExpressions.Regex.Escape(f.Unit)}\] .*\(epc line {f.EpcLine}\)$", yaml);
        Assert.Equal(43, EpcFields.All.Count);
        Assert.Equal(Enumerable.Range(2, 43), EpcFields.All.Select(f => f.EpcLine));
    }

    [Fact]
    public void FieldTableCoversEveryPropertyOnce()
    {
        // Setting each field to a distinct value must change a distinct property.
        var p = new EcophysParameters();
        for (int i = 0; i < EpcFields.All.Count; i++)
        {
            var f = EpcFields.All[i];
            p = f.Set(p, f.Kind == EpcFieldKind.Flag ? 1 : i + 2);
        }
        for (int i = 0; i < EpcFields.All.Count; i++)
        {
            var f = EpcFields.All[i];
            Assert.Equal(f.Kind == EpcFieldKind.Flag ? 1 : i + 2, f.Get(p));
        }
        int doubleAndIntProps = typeof(EcophysParameters).GetProperties()
            .Count(pr => pr.PropertyType == typeof(double) || pr.PropertyType == typeof(int) || pr.PropertyType == typeof(bool));
        Assert.Equal(43, doubleAndIntProps);
    }

    [Fact]
    public void EpcWriterWrites44PositionalLines()
    {
        var w = new StringWriter();
        EpcWriter.Write(Sample(), w);
        var lines = w.ToString().TrimEnd('\n').Split('\n');
        Assert.Equal(44, lines.Length);
        Assert.StartsWith("ECOPHYS ", lines[0]);
        Assert.Equal("1", lines[1].Split(' ')[0]);        // woody
        Assert.Equal("0", lines[2].Split(' ')[0]);        // evergreen
        Assert.Equal("1E-05", lines[38].Split(' ')[0]);   // cuticular conductance, line 39
        Assert.Equal("4100", lines[43].Split(' ')[0]);
    }

    [Fact]
    public void UnknownKeyIsRejectedWithFileLineAndKey()
    {
        string yaml = ToYaml(Sample()).Replace("leaf_cn:", "leaf_cnn:");
        var e = Assert.Throws<InvalidInputException>(() => EpcYaml.Parse(new StringReader(yaml), "veg.yaml"));
        Assert.StartsWith("veg.yaml: line ", e.Message);
        Assert.Contains("key 'leaf_cnn'", e.Message);
        Assert.Contains("one of the known keys", e.Message);
    }

    [Fact]
    public void MissingDuplicateAndBadValuesAreRejected()
    {
        string yaml = ToYaml(Sample());
        var missing = Assert.Throws<InvalidInputException>(() =>
            EpcYaml.Parse(new StringReader(string.Join("\n", yaml.Split('\n').Where(l => !l.StartsWith("vpd_close")))), "v.yaml"));
        Assert.Contains("key 'vpd_close'", missing.Message);
        Assert.Contains("<missing>", missing.Message);

        var dup = Assert.Throws<InvalidInputException>(() => EpcYaml.Parse(new StringReader(yaml + "leaf_cn: 40\n"), "v.yaml"));
        Assert.Contains("duplicate key", dup.Message, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("v.yaml: line 47", dup.Message);

        var bad = Assert.Throws<InvalidInputException>(() =>
            EpcYaml.Parse(new StringReader(System.Text.RegularExpressions.Regex.Replace(yaml, @"(?m)^woody:(\s+)true", "woody:$1yes")), "v.yaml"));
        Assert.Contains("key 'woody'", bad.Message);
        Assert.Contains("true or false", bad.Message);

        var num = Assert.Throws<InvalidInputException>(() =>
            EpcYaml.Parse(new StringReader(System.Text.RegularExpressions.Regex.Replace(yaml, @"(?m)^leaf_cn:(\s+)42", "leaf_cn:$1forty")), "v.yaml"));
        Assert.Contains("'forty'", num.Message);
        Assert.Contains("a finite number [kgC kgN-1]", num.Message);
    }

    [Fact]
    public void MalformedYamlNamesLine()
    {
        var e = Assert.Throws<InvalidInputException>(() => EpcYaml.Parse(new StringReader("title: \"x\nleaf_cn: [1,\n"), "v.yaml"));
        Assert.StartsWith("v.yaml: line ", e.Message);
        Assert.Contains("well-formed YAML", e.Message);
    }
}

public class EpcShippedRoundTripTests
{
    public static IEnumerable<object[]> ShippedEpcFiles() =>
        Directory.GetFiles(Path.Combine(TestData.BgcInputs, "epc"), "*.epc").Order().Select(f => new object[] { Path.GetFileName(f) });

    [Theory]
    [MemberData(nameof(ShippedEpcFiles))]
    public void EpcToYamlToEpcIsExact(string file)
    {
        var original = EpcReader.Read(Path.Combine(TestData.BgcInputs, "epc", file));

        var yaml = new StringWriter();
        EpcYaml.Write(original, yaml);
        var fromYaml = EpcYaml.Parse(new StringReader(yaml.ToString()), file + ".yaml");
        Assert.Equal(original, fromYaml);

        var epc = new StringWriter();
        EpcWriter.Write(fromYaml, epc);
        var back = EpcReader.Parse(new StringReader(epc.ToString()), file + ".rewritten");
        Assert.Equal(original, back);
        foreach (var f in EpcFields.All)
            Assert.Equal(BitConverter.DoubleToInt64Bits(f.Get(original)), BitConverter.DoubleToInt64Bits(f.Get(back)));
    }

    [Fact]
    public void YamlFilesOnDiskRoundTrip()
    {
        string dir = TestData.NewTempDir("epcyaml");
        try
        {
            var p = EpcReader.Read(Path.Combine(TestData.BgcInputs, "epc", "c4grass.epc"));
            string path = Path.Combine(dir, "c4grass.yaml");
            EpcYaml.Write(p, path);
            Assert.Equal(p, EpcYaml.Read(path));
            Assert.False(EpcYaml.Read(path).C3);
        }
        finally { Directory.Delete(dir, true); }
    }
}
