using CarbonSim.Model.Io.BiomeBgc;
using CarbonSim.Model.Kernel;
using CarbonSim.Model.Tests.Reference;

namespace CarbonSim.Model.Tests.Kernel;

public class KernelTests
{
    private static CellModel Model(string epc, string met = "miss5093.mtc41") =>
        new(EpcReader.Read(ReferenceData.Epc(epc)), ReferenceData.MissoulaSite, MetReader.Read(ReferenceData.Met(met), 4), null, epc);

    [Fact]
    public void CellStateRoundTripsThroughArray()
    {
        var m = Model("enf");
        var s = m.BareGround();
        for (int y = 0; y < 3; y++) m.RunYear(s, new YearForcing(ReferenceData.Co2, 0.0001));
        var a = s.ToArray();
        Assert.Equal(CellState.Length, a.Length);
        var back = CellState.FromArray(a);
        Assert.Equal(a, back.ToArray());
        Assert.Equal(3, back.NextMetYear);
        var flat = new double[CellState.Length * 2];
        s.CopyTo(flat, CellState.Length);
        Assert.Equal(a, CellState.FromArray(flat, CellState.Length).ToArray());
        Assert.Throws<ArgumentException>(() => CellState.FromArray(new double[5]));
        // a restored state continues exactly like the original
        var s2 = CellState.FromArray(a);
        var y1 = m.RunYear(s, new YearForcing(ReferenceData.Co2, 0.0001));
        var y2 = m.RunYear(s2, new YearForcing(ReferenceData.Co2, 0.0001));
        Assert.Equal(y1.Gpp, y2.Gpp);
        Assert.Equal(s.ToArray(), s2.ToArray());
    }

    [Fact]
    public void TileKernelIsBitIdenticalToSingleCells()
    {
        var models = new[] { Model("enf"), Model("dbf"), Model("c3grass"), Model("enf") };
        var single = models.Select(m => m.BareGround()).ToArray();
        // give the two ENF cells different histories
        for (int y = 0; y < 5; y++) models[3].RunYear(single[3], new YearForcing(ReferenceData.Co2, 0.0001));
        var tile = new TileKernel(models, single.Select(s => s.Clone()).ToArray());
        var results = new AnnualSummary[tile.Count];
        for (int y = 0; y < 30; y++)
        {
            tile.RunYear(new YearForcing(ReferenceData.Co2, 0.0002), results);
            for (int i = 0; i < single.Length; i++)
            {
                var a = models[i].RunYear(single[i], new YearForcing(ReferenceData.Co2, 0.0002));
                Assert.Equal(a.Gpp, results[i].Gpp);
                Assert.Equal(a.TotalC, results[i].TotalC);
            }
        }
        for (int i = 0; i < single.Length; i++) Assert.Equal(single[i].ToArray(), tile.State(i).ToArray());
        var restored = TileKernel.Import(models, tile.Export());
        for (int i = 0; i < single.Length; i++) Assert.Equal(single[i].ToArray(), restored.State(i).ToArray());
    }

    [Theory]
    [InlineData("enf", "miss5093.mtc41")]
    [InlineData("dbf", "miss5093.mtc41")]
    [InlineData("dnf", "miss5093.mtc41")]
    [InlineData("ebf", "miss5093.mtc41")]
    [InlineData("shrub", "miss5093.mtc41")]
    [InlineData("c3grass", "miss5093.mtc41")]
    [InlineData("c4grass", "miss5093.mtc41")]
    [InlineData("enf_fire4x", "miss5093.mtc41")]
    [InlineData("enf", "oth.mtc43")]
    [InlineData("dbf", "oth.mtc43")]
    public void LongRunKeepsPoolsNonNegativeAndBalancesClosed(string epc, string met)
    {
        var m = Model(epc, met);
        var s = m.BareGround();
        double gpp = 0;
        // 300 years: block-0-like supplement for the first 88, then the natural N budget;
        // every day's water, C and N balance is checked inside RunYear (MassBalanceException).
        for (int y = 0; y < 300; y++)
        {
            double nadd = y < 88 ? 1.0 - y / 88.0 : 0.0;
            var a = m.RunYear(s, new YearForcing(ReferenceData.Co2, 0.0001, nadd));
            gpp += a.Gpp;
            var v = s.ToArray();
            for (int i = 0; i < 71; i++)
                if (i != 22) Assert.True(v[i] >= -1e-12, $"{epc}/{met} year {y}: state[{i}] = {v[i]}"); // 22 = CPool may run a deficit
            Assert.True(a.Et <= a.Precipitation + 500, "ET cannot exceed rain plus soil store");
        }
        Assert.True(gpp > 0, "vegetation should photosynthesise");
        Assert.True(s.TotalC > 0);
    }

    [Fact]
    public void UserPhenologyWithMinusOneSuppressesGrowth()
    {
        var epc = EpcReader.Read(ReferenceData.Epc("dnf")) with { OnsetYearDay = -1, OffsetYearDay = -1 };
        var m = new CellModel(epc, ReferenceData.MissoulaSite, MetReader.Read(ReferenceData.Met("miss5093.mtc41"), 4));
        var s = m.BareGround();
        for (int y = 0; y < 3; y++) Assert.Equal(0.0, m.RunYear(s, new YearForcing(ReferenceData.Co2, 0.0001)).Gpp);
    }

    [Fact]
    public void ClimateOffsetsWarmTheMet()
    {
        var met = MetReader.Read(ReferenceData.Met("miss5093.mtc41"), 4);
        var epc = EpcReader.Read(ReferenceData.Epc("enf"));
        var cold = new CellModel(epc, ReferenceData.MissoulaSite, met);
        var warm = new CellModel(epc, ReferenceData.MissoulaSite, met, new ClimateOffsets(2, 2));
        Assert.Equal(cold.LongTermMeanTavg + 2.0, warm.LongTermMeanTavg, 9);
    }
}

public class CellModelInputTests
{
    [Fact]
    public void RejectsTextureNotSummingTo100()
    {
        var met = MetReader.Read(ReferenceData.Met("miss5093.mtc41"), 4);
        var epc = EpcReader.Read(ReferenceData.Epc("enf"));
        var e = Assert.Throws<InvalidInputException>(() => new CellModel(epc, ReferenceData.MissoulaSite with { SandPercent = 40 }, met));
        Assert.Contains("sand/silt/clay", e.Message);
        Assert.Contains("summing to 100", e.Message);
        Assert.Throws<InvalidInputException>(() => new CellModel(epc, ReferenceData.MissoulaSite with { SoilDepth = 0 }, met));
    }
}

public class BalanceCheckTests
{
    [Fact]
    public void CorruptStateFailsTheDailyBalanceWithCellAndDay()
    {
        var m = new CellModel(EpcReader.Read(ReferenceData.Epc("enf")), ReferenceData.MissoulaSite, MetReader.Read(ReferenceData.Met("miss5093.mtc41"), 4), null, "cell-7");
        var s = m.BareGround();
        m.RunYear(s, new YearForcing(ReferenceData.Co2, 0.0001));
        s.Soil2C = double.NaN;   // a corrupted pool cannot be balanced
        var e = Assert.Throws<MassBalanceException>(() => m.RunYear(s, new YearForcing(ReferenceData.Co2, 0.0001)));
        Assert.Equal("carbon", e.Quantity);
        Assert.Equal("cell-7", e.Cell);
        Assert.Contains("balance failed in cell cell-7", e.Message);
        var tile = new TileKernel([m], [s]);
        var te = Assert.Throws<MassBalanceException>(() => tile.RunYear(new YearForcing(ReferenceData.Co2, 0.0001), new AnnualSummary[1]));
        Assert.Contains("0 (cell-7)", te.Cell);
    }
}
