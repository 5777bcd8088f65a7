using System.Text.Json;
using CarbonSim.Model.Io.BiomeBgc;
using CarbonSim.Model.Kernel;
using CarbonSim.Model.Management;
using CarbonSim.Model.Scenarios;
using CarbonSim.Model.Tests.Reference;

namespace CarbonSim.Model.Tests.Management;

/// <summary>Multi-year managed runs: balances close, harvest leaves, NBP books it; unmanaged types untouched.</summary>
public class ManagedCroplandRunTests
{
    static string CalendarCsv => Path.Combine(ReferenceData.RepoRoot, "data", "management", "crop_calendar.csv");

    static CellModel Managed(string rotation) =>
        new(CropCalendarReader.Read(CalendarCsv)[rotation].Seasons[0].Epc with { Management = CropCalendarReader.Read(CalendarCsv)[rotation] },
            ReferenceData.MissoulaSite, MetReader.Read(ReferenceData.Met("miss5093.mtc41"), 4), null, rotation);

    [Theory]
    [InlineData("wheat_maize")]
    [InlineData("spring_maize")]
    public void TwelveManagedYearsCloseTheBalancesAndBookTheHarvest(string rotation)
    {
        var m = Managed(rotation);
        var s = m.BareGround();
        Assert.Equal(0.0, s.LeafC);   // no plant before the first sowing
        double c0 = s.CumCarbonIn - s.CumCarbonOut - s.TotalC, n0 = s.CumNitrogenIn - s.CumNitrogenOut - s.TotalN, w0 = s.CumWaterIn - s.CumWaterOut - s.TotalWater;
        var years = new List<AnnualSummary>();
        var daily = new DayCheck();
        // RunYear checks the daily C, N and water balance (MassBalanceException otherwise)
        for (int y = 0; y < 12; y++) years.Add(m.RunYear(s, new YearForcing(ReferenceData.Co2, 0.0008), daily));
        Assert.Equal(c0, s.CumCarbonIn - s.CumCarbonOut - s.TotalC, 9);
        Assert.Equal(n0, s.CumNitrogenIn - s.CumNitrogenOut - s.TotalN, 9);
        Assert.Equal(w0, s.CumWaterIn - s.CumWaterOut - s.TotalWater, 6);
        foreach (var a in years.Skip(1))
        {
            Assert.True(a.HarvestC > 0.0, "a harvest every year");
            Assert.True(a.GrainC > 0.0 && a.GrainC < a.HarvestC);
            Assert.Equal(a.GrainC, a.GrainCBySeason.Sum(), 14);
            Assert.True(a.FertiliserN > 0.0);
            Assert.Equal(a.Nep - a.Fire - a.HarvestC + a.SeedC, a.Nbp, 12);
        }
        Assert.Equal(m.Crops!.Rotation.Seasons.Count, years[^1].GrainCBySeason.Count);
        Assert.True(daily.MinPool >= 0.0, $"a plant or soil pool went negative: {daily.MinPool}");
    }

    [Fact]
    public void IrrigationIsAWaterInputOfTheBalance()
    {
        var m = Managed("wheat_maize");
        var s = m.BareGround(soilWaterFractionOfSaturation: 0.2);
        double irrigated = 0;
        for (int y = 0; y < 3; y++) irrigated += m.RunYear(s, new YearForcing(ReferenceData.Co2, 0.0008)).Irrigation;
        Assert.True(irrigated > 0.0, "dry Missoula soil triggers irrigation");
    }

    [Fact]
    public void UnmanagedParametersSerialiseAsBefore()
    {
        var epc = EpcReader.Read(ReferenceData.Epc("c3grass"));
        Assert.Null(epc.Management);
        Assert.DoesNotContain("Management", JsonSerializer.Serialize(epc));   // content and spin-up keys unchanged
        var m = new CellModel(epc, ReferenceData.MissoulaSite, MetReader.Read(ReferenceData.Met("miss5093.mtc41"), 4));
        Assert.Null(m.Crops);
        var a = m.RunYear(m.BareGround(), new YearForcing(ReferenceData.Co2, 0.0001));
        Assert.Equal(0.0, a.HarvestC); Assert.Equal(0.0, a.SeedC); Assert.Empty(a.GrainCBySeason);
        Assert.Equal(a.Nep - a.Fire, a.Nbp);
    }

    [Fact]
    public void ManagedParametersRoundTripThroughJson()
    {
        var rot = CropCalendarReader.Read(CalendarCsv)["wheat_maize"];
        var epc = rot.Seasons[0].Epc with { Management = rot };
        var back = JsonSerializer.Deserialize<Parameters.EcophysParameters>(JsonSerializer.Serialize(epc))!;
        Assert.Equal(JsonSerializer.Serialize(epc), JsonSerializer.Serialize(back));
        Assert.Equal(2, back.Management!.Seasons.Count);
        Assert.Equal(rot.Seasons[1].Fertiliser.Sum(e => e.Amount), back.Management.Seasons[1].Fertiliser.Sum(e => e.Amount));
    }

    [Fact]
    public void TheRotationIsPartOfTheSpinupKey()
    {
        var rot = CropCalendarReader.Read(CalendarCsv)["wheat_maize"];
        var met = MetReader.Read(ReferenceData.Met("miss5093.mtc41"), 4);
        var plain = rot.Seasons[0].Epc;
        var managed = plain with { Management = rot };
        var later = plain with { Management = rot with { Seasons = [rot.Seasons[0] with { SowDay = 290 }, rot.Seasons[1]] } };
        string Key(Parameters.EcophysParameters e) => CarbonSim.Model.Region.SpinupKeys.Compute(e, ReferenceData.MissoulaSite, met, 285, 0.0002, true, 6000, 0);
        Assert.NotEqual(Key(plain), Key(managed));
        Assert.NotEqual(Key(managed), Key(later));
        Assert.Equal(Key(managed), Key(plain with { Management = CropCalendarReader.Read(CalendarCsv)["wheat_maize"] }));
    }

    sealed class DayCheck : IDailyObserver
    {
        public double MinPool = double.PositiveInfinity;
        public void OnDay(in DailyOutput d)
        {
            MinPool = Math.Min(MinPool, Math.Min(d.SoilC, Math.Min(d.LitterC, Math.Min(d.LeafC, d.SoilWater))));
        }
    }
}
