using System.Text.Json;
using CarbonSim.Model.Io.BiomeBgc;
using CarbonSim.Model.Kernel;
using CarbonSim.Model.Management;
using CarbonSim.Model.Scenarios;
using CarbonSim.Model.Tests.Reference;
using CarbonSim.Model.Tests.Scenario;

namespace CarbonSim.Model.Tests.Management;

/// <summary>Managed urban green (docs/management.md, "Managed urban green"): processes against hand-computed cases, a managed run, the scenario key.</summary>
public class UrbanGreenTests
{
    /// <summary>Lawn practice: 25 mm every 7 days from doy 91 to 304 (trigger 0.8), 50 kg N ha-1 on doy 100 and 258 over 30 days, a third of the leaf every 14 days from doy 110 to 290, 30 % of the leaf litterfall swept from doy 274 to 349.</summary>
    static UrbanGreenPractice Lawn => new("park", "c3grass",
        IrrigationAmount: 25, IrrigationIntervalDays: 7, IrrigationFirstDay: 90, IrrigationLastDay: 303, IrrigationTrigger: 0.8,
        Fertiliser: [new ManagementEvent(99, 50e-4), new ManagementEvent(257, 50e-4)], FertiliserReleaseDays: 30,
        ClipLeafShare: 1.0 / 3, ClipIntervalDays: 14, ClipFirstDay: 109, ClipLastDay: 289,
        LitterRemovalShare: 0.3, LitterRemovalFirstDay: 273, LitterRemovalLastDay: 348);

    [Fact]
    public void The_calendar_schedules_each_practice_on_its_days()
    {
        var c = new UrbanGreenCalendar(Lawn, woody: false);
        Assert.Equal(25, c.IrrigationOn(90)); Assert.Equal(25, c.IrrigationOn(97)); Assert.Equal(25, c.IrrigationOn(300)); // 90 + 30 × 7
        Assert.Equal(0, c.IrrigationOn(91)); Assert.Equal(0, c.IrrigationOn(89)); Assert.Equal(0, c.IrrigationOn(307));
        Assert.Equal(50e-4 / 30, c.FertiliserOn(99), 15); Assert.Equal(50e-4 / 30, c.FertiliserOn(128), 15);
        Assert.Equal(0, c.FertiliserOn(98)); Assert.Equal(0, c.FertiliserOn(129));
        Assert.Equal(1.0 / 3, c.ClipShareOn(109)); Assert.Equal(1.0 / 3, c.ClipShareOn(123)); Assert.Equal(0, c.ClipShareOn(110));
        Assert.Equal(0.3, c.LitterRemovalOn(273)); Assert.Equal(0.3, c.LitterRemovalOn(319)); Assert.Equal(0.3, c.LitterRemovalOn(348));
        Assert.Equal(0, c.LitterRemovalOn(272)); Assert.Equal(0, c.LitterRemovalOn(349));
        double yearN = 0; for (int d = 0; d < 365; d++) yearN += c.FertiliserOn(d);
        Assert.Equal(0.01, yearN, 12);   // 100 kg N ha-1 a-1
        // Trees are not mown.
        Assert.Equal(0, new UrbanGreenCalendar(Lawn, woody: true).ClipShareOn(109));
    }

    [Fact]
    public void A_clipping_day_removes_a_third_of_the_leaf_and_its_nitrogen()
    {
        var c = new UrbanGreenCalendar(Lawn, woody: false);
        var s = new CellState { LeafC = 0.09, LeafN = 0.003, Litter1C = 0.01 };
        var f = new DailyFluxes();
        UrbanGreenDay.End(c, s, 109, ref f);
        Assert.Equal(0.03, f.LeafToClippingC, 15);
        Assert.Equal(0.001, f.LeafToClippingN, 15);
        Assert.Equal(0.06, s.LeafC, 15);
        Assert.Equal(0.002, s.LeafN, 15);
        Assert.Equal(0.01, s.Litter1C);          // no litter removal that day
        Assert.Equal(0.03, f.RemovedC, 15);
    }

    [Fact]
    public void A_litter_removal_day_carries_away_30_percent_of_the_days_leaf_litterfall_and_none_of_the_root_litter()
    {
        var c = new UrbanGreenCalendar(Lawn, woody: false);
        // End of the day: the state update has put today's leaf and fine-root litterfall into litter 1–4.
        var s = new CellState { LeafC = 0.05, Litter1C = 0.01, Litter2C = 0.02, Litter3C = 0.03, Litter4C = 0.04,
            Litter1N = 0.001, Litter2N = 0.0004, Litter3N = 0.0006, Litter4N = 0.0008, CwdC = 0.5 };
        var f = new DailyFluxes
        {
            LeafToLitter1C = 0.002, LeafToLitter2C = 0.004, LeafToLitter3C = 0.001, LeafToLitter4C = 0.003,     // 0.010 kgC m-2 of leaves
            LeafToLitter1N = 4e-5, LeafToLitter2N = 8e-5, LeafToLitter3N = 2e-5, LeafToLitter4N = 6e-5,          // at C:N 50
            FrootToLitter1C = 0.005, FrootToLitter2C = 0.005, FrootToLitter3C = 0.005, FrootToLitter4C = 0.005, // roots: stay
            FrootToLitter1N = 1e-4, FrootToLitter4N = 1e-4,
        };
        UrbanGreenDay.End(c, s, 319, ref f);
        Assert.Equal(0.3 * 0.010, f.RemovedC, 15);                     // 0.003 kgC m-2: 30 % of the leaves, nothing of the roots
        Assert.Equal(0.3 * 2e-4, f.RemovedN, 15);
        Assert.Equal(0.0006, f.Litter1ToRemovedC, 15); Assert.Equal(0.0009, f.Litter4ToRemovedC, 15);
        Assert.Equal(0.01 - 0.0006, s.Litter1C, 15); Assert.Equal(0.02 - 0.0012, s.Litter2C, 15);
        Assert.Equal(0.03 - 0.0003, s.Litter3C, 15); Assert.Equal(0.04 - 0.0009, s.Litter4C, 15);
        Assert.Equal(0.0008 - 1.8e-5, s.Litter4N, 15);
        Assert.Equal(0.5, s.CwdC);
        Assert.Equal(0.05, s.LeafC);              // not a clipping day

        // Outside the window the same litterfall stays; with no leaf litterfall nothing is removed, however much litter lies there.
        var s2 = new CellState { Litter1C = 0.01 };
        var f2 = new DailyFluxes { LeafToLitter1C = 0.002 };
        UrbanGreenDay.End(c, s2, 200, ref f2);
        Assert.Equal(0, f2.RemovedC); Assert.Equal(0.01, s2.Litter1C);
        var f3 = new DailyFluxes { FrootToLitter1C = 0.002 };
        UrbanGreenDay.End(c, s2, 319, ref f3);
        Assert.Equal(0, f3.RemovedC); Assert.Equal(0.01, s2.Litter1C);
    }

    [Fact]
    public void The_removal_never_takes_more_than_the_litter_pool_holds()
    {
        var share1 = Lawn with { LitterRemovalShare = 1.0 };
        var c = new UrbanGreenCalendar(share1, woody: true);
        var s = new CellState { Litter1C = 0.001, Litter1N = 1e-5 };              // fire burned part of today's litterfall
        var f = new DailyFluxes { LeafToLitter1C = 0.002, LeafToLitter1N = 4e-5 };
        UrbanGreenDay.End(c, s, 300, ref f);
        Assert.Equal(0.001, f.Litter1ToRemovedC, 15);
        Assert.Equal(1e-5, f.Litter1ToRemovedN, 15);
        Assert.Equal(0, s.Litter1C); Assert.Equal(0, s.Litter1N);
    }

    [Fact]
    public void Irrigation_is_added_below_the_trigger_and_skipped_above_it()
    {
        var c = new UrbanGreenCalendar(Lawn, woody: false);
        var dry = new CellState { SoilWater = 100 };
        var f = new DailyFluxes();
        UrbanGreenDay.Begin(c, fieldCapacityWater: 200, dry, 97, ref f);   // 100 < 0.8 × 200
        Assert.Equal(25, f.IrrigationToSoilWater);
        Assert.Equal(125, dry.SoilWater);
        var wet = new CellState { SoilWater = 170 };
        f = new DailyFluxes();
        UrbanGreenDay.Begin(c, 200, wet, 97, ref f);                       // 170 ≥ 160
        Assert.Equal(0, f.IrrigationToSoilWater);
        Assert.Equal(170, wet.SoilWater);
    }

    [Fact]
    public void Fertiliser_enters_mineral_N_in_equal_daily_parts()
    {
        var c = new UrbanGreenCalendar(Lawn, woody: false);
        var s = new CellState { MineralN = 0.001, SoilWater = 1000 };
        var f = new DailyFluxes();
        UrbanGreenDay.Begin(c, 200, s, 110, ref f);
        Assert.Equal(50e-4 / 30, f.FertiliserToMineralN, 15);
        Assert.Equal(0.001 + 50e-4 / 30, s.MineralN, 15);
        f = new DailyFluxes();
        UrbanGreenDay.Begin(c, 200, s, 200, ref f);
        Assert.Equal(0, f.FertiliserToMineralN);
    }

    static CellModel Model(UrbanGreenPractice? practice, string epc = "c3grass") =>
        new(EpcReader.Read(ReferenceData.Epc(epc)) with { UrbanGreen = practice }, ReferenceData.MissoulaSite,
            MetReader.Read(ReferenceData.Met("miss5093.mtc41"), 4));

    [Fact]
    public void Ten_managed_lawn_years_close_the_balances_and_book_the_removal_in_NBP()
    {
        var m = Model(Lawn);
        var s = m.BareGround(soilWaterFractionOfSaturation: 0.3);
        double c0 = s.CumCarbonIn - s.CumCarbonOut - s.TotalC, n0 = s.CumNitrogenIn - s.CumNitrogenOut - s.TotalN;
        var daily = new DayCheck();
        var years = new List<AnnualSummary>();
        double total0 = s.TotalC;
        // RunYear checks the daily C, N and water balance with the removal as an output (MassBalanceException otherwise).
        for (int y = 0; y < 10; y++) years.Add(m.RunYear(s, new YearForcing(ReferenceData.Co2, 0.0008), daily));
        Assert.Equal(c0, s.CumCarbonIn - s.CumCarbonOut - s.TotalC, 9);
        Assert.Equal(n0, s.CumNitrogenIn - s.CumNitrogenOut - s.TotalN, 9);
        foreach (var a in years.Skip(1))
        {
            Assert.True(a.RemovedC > 0, "clippings and litter leave every year");
            Assert.Equal(a.Nep - a.Fire - a.RemovedC, a.Nbp, 12);
            Assert.Equal(0.01, a.FertiliserN, 12);
        }
        Assert.True(years.Sum(a => a.Irrigation) > 0, "dry Missoula summers trigger irrigation");
        Assert.Equal(s.TotalC - total0, years.Sum(a => a.Nbp), 9);    // ΔC = Σ NBP: the removal is booked
        Assert.True(daily.MinPool >= 0.0, $"a pool went negative: {daily.MinPool}");
    }

    [Fact]
    public void Without_a_practice_the_column_is_unmanaged_and_serialises_as_before()
    {
        var epc = EpcReader.Read(ReferenceData.Epc("c3grass"));
        Assert.Null(epc.UrbanGreen);
        Assert.DoesNotContain("UrbanGreen", JsonSerializer.Serialize(epc));
        var plain = Model(null);
        Assert.Null(plain.UrbanGreen);
        var a = plain.RunYear(plain.BareGround(), new YearForcing(ReferenceData.Co2, 0.0001));
        Assert.Equal(0, a.RemovedC);
        Assert.Equal(a.Nep - a.Fire, a.Nbp);
        var managed = EpcReader.Read(ReferenceData.Epc("c3grass")) with { UrbanGreen = Lawn };
        var back = JsonSerializer.Deserialize<Parameters.EcophysParameters>(JsonSerializer.Serialize(managed))!;
        Assert.Equal(JsonSerializer.Serialize(managed), JsonSerializer.Serialize(back));
    }

    [Fact]
    public void The_scenario_key_turns_urban_green_columns_into_managed_types_and_leaves_the_rest()
    {
        string csv = Path.Combine(ReferenceData.RepoRoot, "data", "management", "urban_green.csv");
        var s = ScenarioLoader.Load(TestRepo.ScratchScenario(WithUrbanGreen(csv)));
        var plain = ScenarioLoader.Load(TestRepo.ScratchScenario(WithUrbanGreen(null)));   // the key taken out
        Assert.Null(plain.Management!.UrbanGreenPath);
        Assert.Null(ScenarioLoader.Load(TestRepo.Baseline).Management!.UrbanGreenPath);   // the default run leaves it off (60 s budget; docs/management.md)
        Assert.Equal(Path.GetFullPath(csv), ScenarioLoader.Load(Path.Combine(TestRepo.Root, "scenarios", "jjj-urban-expansion.yaml")).Management!.UrbanGreenPath);   // the land-use scenarios manage it
        Assert.Equal(Path.GetFullPath(csv), s.Management!.UrbanGreenPath);
        Assert.Equal(s.LandUse.Classes.Classes.Select(c => c.DefaultMix.SealedFraction), plain.LandUse.Classes.Classes.Select(c => c.DefaultMix.SealedFraction));
        Assert.True(s.LandUse.Classes.TryGetByName("park", out var park));
        Assert.Equal(["c3grass@park", "dbf@park"], park.DefaultMix.Columns.Select(c => c.VegetationType));
        Assert.Equal(0.15, park.DefaultMix.SealedFraction);
        var lawn = s.Vegetation["c3grass@park"].Parameters.UrbanGreen!;
        Assert.Equal(2500, lawn.IrrigationAmount * 100);
        Assert.Equal(0.3, lawn.ClipLeafShare);
        Assert.Equal(0.3, s.Vegetation["dbf@park"].Parameters.UrbanGreen!.LitterRemovalShare);
        Assert.Equal(0, s.Vegetation["dbf@park"].Parameters.UrbanGreen!.ClipLeafShare);
        Assert.True(s.LandUse.Classes.TryGetByName("grassland", out var grass));
        Assert.Equal(["c3grass"], grass.DefaultMix.Columns.Select(c => c.VegetationType));   // not urban green: untouched
        Assert.Null(s.Vegetation["c3grass"].Parameters.UrbanGreen);
        Assert.Equal("dbf", UrbanGreenSetup.BaseType("dbf@park"));
        // Without the key every class is as before.
        Assert.True(plain.LandUse.Classes.TryGetByName("park", out var plainPark));
        Assert.Equal(["c3grass", "dbf"], plainPark.DefaultMix.Columns.Select(c => c.VegetationType));
        Assert.DoesNotContain(plain.Vegetation.Keys, k => k.Contains('@') && !k.EndsWith("@forest", StringComparison.Ordinal));   // only the harvested forest types (management.forest_harvest)
        // Managed and unmanaged grass do not share a spin-up.
        var met = MetReader.Read(ReferenceData.Met("miss5093.mtc41"), 4);
        Assert.NotEqual(CarbonSim.Model.Region.SpinupKeys.Compute(s.Vegetation["c3grass"].Parameters, ReferenceData.MissoulaSite, met, 285, 0.0002, true, 6000, 0),
            CarbonSim.Model.Region.SpinupKeys.Compute(s.Vegetation["c3grass@park"].Parameters, ReferenceData.MissoulaSite, met, 285, 0.0002, true, 6000, 0));
    }

    [Theory]
    [InlineData("park,c3grass", "plaza,c3grass", "line 3, column 'class'", "plaza")]
    [InlineData("park,c3grass", "park,oak", "line 3, column 'vegetation'", "oak")]
    [InlineData(",assumption\nprotective", ",guess\nprotective", "line 3, column 'status'", "guess")]
    [InlineData("100:50;258:50", "100:50;258", "line 3, column 'fertiliser_kg_n_ha'", "258")]
    [InlineData("0.3,1,365,\"park trees", "0.3,300,200,\"park trees", "line 2, column 'litter_removal_last_doy'", "200")]
    public void A_bad_practice_row_is_rejected_naming_file_line_column_and_value(string from, string to, string place, string value)
    {
        var bad = ManagementFiles.EditedCopy("urban_green.csv", from, to);
        var e = Assert.Throws<InvalidInputException>(() =>
            ScenarioLoader.Load(TestRepo.ScratchScenario(WithUrbanGreen(bad))));
        Assert.Contains("urban_green.csv", e.Message);
        Assert.Contains(place, e.Message);
        Assert.Contains(value, e.Message);
    }

    static Func<string, string> WithUrbanGreen(string? csv) => ManagementFiles.WithKey("urban_green", csv);

    sealed class DayCheck : IDailyObserver
    {
        public double MinPool = double.PositiveInfinity;
        public void OnDay(in DailyOutput d) => MinPool = Math.Min(MinPool, Math.Min(d.SoilC, Math.Min(d.LitterC, Math.Min(d.LeafC, d.SoilWater))));
    }
}
