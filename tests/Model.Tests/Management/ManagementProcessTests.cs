using CarbonSim.Model.Io.BiomeBgc;
using CarbonSim.Model.Kernel;
using CarbonSim.Model.Management;
using CarbonSim.Model.Tests.Reference;

namespace CarbonSim.Model.Tests.Management;

/// <summary>The management processes one by one against hand-computed cases (docs/management.md).</summary>
public class ManagementProcessTests
{
    static string Data(params string[] parts) => Path.Combine([ReferenceData.RepoRoot, "data", .. parts]);
    static Parameters.EcophysParameters Wheat => EpcReader.Read(Data("vegetation", "winter_wheat.epc"));

    static CropSeason Season(int sow, int harvest, double seedC = 0.0088, IReadOnlyList<ManagementEvent>? fert = null, int release = 1,
        IReadOnlyList<ManagementEvent>? irr = null, double hi = 0.45, double ret = 0.9) =>
        new("winter_wheat", Wheat, sow, harvest, hi, ret, seedC, fert ?? [], release, irr ?? [], 0.8, 0.13);

    [Fact]
    public void SowingSplitsTheSeedByTheAllocationRatioAtThePoolsCN()
    {
        var season = Season(280, 158);
        var v = new VegetationConstants(season.Epc);
        var f = new DailyFluxes();
        Sowing.Compute(season, v, ref f);
        // winter_wheat.epc: fine root : leaf = 0.4, leaf C:N 30, fine root C:N 42
        Assert.Equal(0.0088 / 1.4, f.SeedToLeafC, 15);
        Assert.Equal(0.0088 - 0.0088 / 1.4, f.SeedToFrootC, 15);
        Assert.Equal(0.0088 / 1.4 / 30.0, f.SeedToLeafN, 15);
        Assert.Equal((0.0088 - 0.0088 / 1.4) / 42.0, f.SeedToFrootN, 15);
        Assert.Equal(0.0088, f.SeedC, 15);
    }

    [Fact]
    public void FertiliserIsReleasedInEqualPartsAndClippedAtHarvest()
    {
        // 120 kg N ha-1 = 0.012 kg m-2 on day 95 (0-based 94) over 30 days; 60 kg ha-1 five days before harvest
        var season = Season(280, 158, fert: [new(94, 0.012), new(153, 0.006)], release: 30);
        var cal = new CropCalendar(new CropRotation("r", [season]));
        for (int d = 94; d < 124; d++) Assert.Equal(0.012 / 30, cal.FertiliserOn(d), 15);
        Assert.Equal(0.0, cal.FertiliserOn(93));
        Assert.Equal(0.0, cal.FertiliserOn(124));
        for (int d = 153; d <= 158; d++) Assert.Equal(0.006 / 6, cal.FertiliserOn(d), 15);   // 6 days left incl. harvest day
        Assert.Equal(0.0, cal.FertiliserOn(159));
        double total = Enumerable.Range(0, 365).Sum(cal.FertiliserOn);
        Assert.Equal(0.018, total, 15);
        var f = new DailyFluxes();
        Fertilisation.Compute(cal.FertiliserOn(100), ref f);
        Assert.Equal(0.012 / 30, f.FertiliserToMineralN, 15);
    }

    [Theory]
    [InlineData(75.0, 200.0, 300.0, 0.8, 75.0)]   // 200 < 0.8 × 300: irrigate
    [InlineData(75.0, 240.0, 300.0, 0.8, 0.0)]    // at the trigger: skip
    [InlineData(75.0, 290.0, 300.0, 0.8, 0.0)]    // wet: skip
    [InlineData(0.0, 100.0, 300.0, 0.8, 0.0)]     // nothing scheduled
    public void IrrigationIsSkippedWhenTheSoilIsWet(double scheduled, double soilWater, double fc, double trigger, double expected)
    {
        var f = new DailyFluxes();
        Irrigation.Compute(scheduled, soilWater, fc, trigger, ref f);
        Assert.Equal(expected, f.IrrigationToSoilWater);
    }

    [Fact]
    public void HarvestExportsGrainAndStrawAndReturnsTheRestToLitter()
    {
        var season = Season(280, 158, hi: 0.45, ret: 0.9);
        var v = new VegetationConstants(season.Epc);
        var s = new CellState { LeafC = 0.5, LeafN = 0.5 / 30, FrootC = 0.1, FrootN = 0.1 / 42, CPool = 0.01, NPool = 0.001, RetransN = 0.0005, Litter1C = 0.02 };
        double total = s.TotalC, totalN = s.TotalN;
        var f = new DailyFluxes();
        Harvest.Compute(s, season, v, ref f);
        Assert.Equal(0.225, f.LeafToGrainC, 15);                       // 0.45 × 0.5
        Assert.Equal(0.5 * 0.55 * 0.1, f.LeafToStrawRemovedC, 15);      // straw 0.275, 10 % removed
        Assert.Equal(0.225 / 30, f.LeafToGrainN, 15);
        double returned = 0.5 - 0.225 - 0.0275;
        // winter_wheat.epc leaf litter 0.30 labile, 0.55 cellulose, 0.15 lignin; fine roots 0.30 / 0.45 / 0.25
        Assert.Equal(returned * 0.30 + 0.1 * 0.30 + 0.01, f.HarvestToLitter1C, 12);
        Assert.Equal(returned * 0.15 + 0.1 * 0.25, f.HarvestToLitter4C, 12);
        ManagementUpdate.AfterHarvest(s, in f);
        Assert.Equal(0.0, s.LeafC); Assert.Equal(0.0, s.FrootC); Assert.Equal(0.0, s.CPool); Assert.Equal(0.0, s.NPool); Assert.Equal(0.0, s.RetransN);
        Assert.Equal(total - f.HarvestC, s.TotalC, 14);
        Assert.Equal(totalN - f.HarvestN, s.TotalN, 14);
        Assert.Equal(0.02 + returned + 0.1 + 0.01, s.LitterC, 12);
    }

    [Fact]
    public void CalendarCountsGrowthDaysDownToHarvestAcrossTheNewYear()
    {
        var wheat = Season(280, 158);
        var maize = wheat with { Crop = "summer_maize", SowDay = 164, HarvestDay = 272 };
        var cal = new CropCalendar(new CropRotation("wheat_maize", [wheat, maize]));
        Assert.Equal(365 - 280 + 159, cal.RemainingGrowthDays(280));   // sowing day: the whole season
        Assert.Equal(1, cal.RemainingGrowthDays(158));                  // harvest day
        Assert.Equal(0, cal.RemainingGrowthDays(160));                  // fallow
        Assert.Equal(159, cal.RemainingGrowthDays(0));
        Assert.Equal(0, cal.SeasonOn(0)); Assert.Equal(1, cal.SeasonOn(200)); Assert.Equal(-1, cal.SeasonOn(275));
        Assert.True(cal.IsSowingDay(164, out int s1) && s1 == 1);
        Assert.True(cal.IsHarvestDay(158, out int s0) && s0 == 0);
        Assert.False(cal.IsHarvestDay(159, out _));
        // overlapping seasons are rejected
        Assert.Throws<InvalidInputException>(() => new CropCalendar(new CropRotation("bad", [wheat, maize with { SowDay = 150 }])));
    }

    [Theory]
    [InlineData(0.20, 0.13, 5.1086)]   // 0.2 kgC m-2 / 0.45 = 0.4444 kg DM m-2; / 0.87 = 0.5109 kg m-2 = 5.109 t ha-1
    [InlineData(0.25, 0.14, 6.4599)]   // 0.25 / 0.45 / 0.86 × 10
    public void YieldAtStatisticalMoisture(double grainC, double moisture, double expected)
        => Assert.Equal(expected, CropYield.TonnesPerHectare(grainC, moisture), 3);
}
