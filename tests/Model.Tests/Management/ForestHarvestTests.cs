using System.Text.Json;
using CarbonSim.Model.Io.BiomeBgc;
using CarbonSim.Model.Kernel;
using CarbonSim.Model.Management;
using CarbonSim.Model.Scenarios;
using CarbonSim.Model.Tests.Reference;
using CarbonSim.Model.Tests.Scenario;

namespace CarbonSim.Model.Tests.Management;

/// <summary>Forest harvest (docs/management.md, "Forest harvest"): the felling against a hand-computed case, harvested years, the scenario key, the history's clearings in NBP.</summary>
public class ForestHarvestTests
{
    /// <summary>10 % of the stand felled on doy 335 from 1950, 80 % of the felled stem wood carried away.</summary>
    static ForestHarvestPractice Felling => new("forest", "*", FelledSharePerYear: 0.1, StemExportShare: 0.8, FellingDay: 334, FirstYear: 1950);

    static CellModel Model(ForestHarvestPractice? p) =>
        new(EpcReader.Read(ReferenceData.Epc("enf")) with { ForestHarvest = p }, ReferenceData.MissoulaSite,
            MetReader.Read(ReferenceData.Met("miss5093.mtc41"), 4));

    [Fact]
    public void A_felling_day_moves_a_tenth_of_the_stand_to_litter_debris_and_export_by_hand()
    {
        var v = new VegetationConstants(EpcReader.Read(ReferenceData.Epc("enf")));
        var s = new CellState
        {
            LeafC = 0.5, FrootC = 0.4, LiveStemC = 1.0, DeadStemC = 9.0, LiveCrootC = 0.3, DeadCrootC = 2.7, LeafStorageC = 0.2, GrowthRespStorageC = 0.1,
            LeafN = 0.01, FrootN = 0.008, LiveStemN = 0.02, DeadStemN = 0.03, LiveCrootN = 0.006, DeadCrootN = 0.009, RetransN = 0.004,
            Litter1C = 0.05, CwdC = 1.0, CwdN = 0.002,
        };
        double c0 = s.TotalC, n0 = s.TotalN;
        var f = new DailyFluxes();
        ForestHarvest.Fell(s, Felling, v, ref f);
        Assert.Equal(0.8 * 0.1 * 10.0, f.WoodHarvestC, 14);                  // stems 1 + 9, a tenth felled, 80 % away
        Assert.Equal(0.8 * 0.1 * 0.05, f.WoodHarvestN, 14);
        Assert.Equal(1.0 + 0.2 * 1.0 + 0.1 * 3.0, s.CwdC, 14);               // slash 20 % of 1.0, stumps a tenth of 3.0
        Assert.Equal(0.002 + 0.2 * 0.005 + 0.1 * 0.015, s.CwdN, 14);
        Assert.Equal(0.05 + 0.05 * v.LeafLab + 0.04 * v.FrootLab + 0.02 + 0.01, s.Litter1C, 14);   // storage and growth respiration to labile litter
        Assert.Equal(0.45, s.LeafC, 14); Assert.Equal(8.1, s.DeadStemC, 14); Assert.Equal(0.0036, s.RetransN, 14);
        Assert.Equal(c0, s.TotalC + f.WoodHarvestC, 13);                     // C and N conserved with the export
        Assert.Equal(n0, s.TotalN + f.WoodHarvestN, 13);
        // grass is never felled
        var g = new CellState { LeafC = 0.5 };
        var fg = new DailyFluxes();
        ForestHarvest.Fell(g, Felling, new VegetationConstants(EpcReader.Read(ReferenceData.Epc("c3grass"))), ref fg);
        Assert.Equal(0.5, g.LeafC); Assert.Equal(0, fg.WoodHarvestC);
    }

    [Fact]
    public void Harvested_years_close_the_balances_book_the_wood_in_NBP_and_never_fell_in_the_spinup_or_before_the_first_year()
    {
        var m = Model(Felling);
        var s = m.BareGround(soilWaterFractionOfSaturation: 0.3);
        for (int y = 0; y < 30; y++) Assert.Equal(0, m.RunYear(s, new YearForcing(ReferenceData.Co2, 0.0008)).WoodHarvestC);   // spin-up years (calendar year 0): no felling
        double total0 = s.TotalC, c0 = s.CumCarbonIn - s.CumCarbonOut - s.TotalC, n0 = s.CumNitrogenIn - s.CumNitrogenOut - s.TotalN;
        var before = m.RunYear(s, new YearForcing(ReferenceData.Co2, 0.0008, CalendarYear: 1949));
        Assert.Equal(0, before.WoodHarvestC);
        var years = new List<AnnualSummary> { before };
        for (int y = 1950; y < 1960; y++) years.Add(m.RunYear(s, new YearForcing(ReferenceData.Co2, 0.0008, CalendarYear: y)));
        foreach (var a in years.Skip(1))
        {
            Assert.True(a.WoodHarvestC > 0, "wood leaves every harvested year");
            Assert.Equal(a.Nep - a.Fire - a.WoodHarvestC, a.Nbp, 12);
        }
        Assert.Equal(c0, s.CumCarbonIn - s.CumCarbonOut - s.TotalC, 9);     // the daily BalanceCheck also ran (it throws otherwise)
        Assert.Equal(n0, s.CumNitrogenIn - s.CumNitrogenOut - s.TotalN, 9);
        Assert.Equal(s.TotalC - total0, years.Sum(a => a.Nbp), 9);           // ΔC = Σ NBP
        // the unharvested stand of the same history holds more wood
        var plain = Model(null);
        var p = plain.BareGround(soilWaterFractionOfSaturation: 0.3);
        for (int y = 0; y < 30; y++) plain.RunYear(p, new YearForcing(ReferenceData.Co2, 0.0008));
        for (int y = 1949; y < 1960; y++) plain.RunYear(p, new YearForcing(ReferenceData.Co2, 0.0008, CalendarYear: y));
        Assert.True(p.VegetationC > s.VegetationC);
    }

    [Fact]
    public void Without_a_practice_the_column_is_unharvested_and_serialises_as_before()
    {
        var epc = EpcReader.Read(ReferenceData.Epc("enf"));
        Assert.Null(epc.ForestHarvest);
        Assert.DoesNotContain("ForestHarvest", JsonSerializer.Serialize(epc));
        var plain = Model(null);
        var a = plain.RunYear(plain.BareGround(), new YearForcing(ReferenceData.Co2, 0.0001, CalendarYear: 2000));
        Assert.Equal(0, a.WoodHarvestC);
        Assert.Equal(a.Nep - a.Fire, a.Nbp);
    }

    [Fact]
    public void The_scenario_key_turns_forest_woody_columns_into_harvested_types_only()
    {
        string csv = Path.Combine(ReferenceData.RepoRoot, "data", "management", "forest_harvest.csv");
        var s = ScenarioLoader.Load(TestRepo.ScratchScenario(WithForestHarvest(csv)));
        var plain = ScenarioLoader.Load(TestRepo.ScratchScenario(WithForestHarvest(null)));
        Assert.Equal(Path.GetFullPath(csv), s.Management!.ForestHarvestPath);
        Assert.True(s.LandUse.Classes.TryGetByName("forest", out var forest));
        Assert.Equal(["dbf@forest", "enf@forest"], forest.DefaultMix.Columns.Select(c => c.VegetationType));
        var p = s.Vegetation["enf@forest"].Parameters.ForestHarvest!;
        Assert.Equal(0.022, p.FelledSharePerYear); Assert.Equal(0.8, p.StemExportShare); Assert.Equal(334, p.FellingDay); Assert.Equal(1950, p.FirstYear);
        Assert.True(s.LandUse.Classes.TryGetByName("built_up", out var built));
        Assert.DoesNotContain(built.DefaultMix.Columns, c => c.VegetationType.EndsWith("@forest", StringComparison.Ordinal));   // street trees are not forest
        Assert.All(built.DefaultMix.Columns, c => Assert.Null(s.Vegetation[c.VegetationType].Parameters.ForestHarvest));  // (they are managed urban green: dbf@built_up)
        Assert.DoesNotContain(plain.Vegetation.Keys, k => k.EndsWith("@forest", StringComparison.Ordinal));
        var met = MetReader.Read(ReferenceData.Met("miss5093.mtc41"), 4);
        Assert.NotEqual(CarbonSim.Model.Region.SpinupKeys.Compute(s.Vegetation["enf"].Parameters, ReferenceData.MissoulaSite, met, 285, 0.0002, true, 6000, 0),
            CarbonSim.Model.Region.SpinupKeys.Compute(s.Vegetation["enf@forest"].Parameters, ReferenceData.MissoulaSite, met, 285, 0.0002, true, 6000, 0));
    }

    [Theory]
    [InlineData("forest,*", "woods,*", "line 2, column 'class'", "woods")]
    [InlineData("forest,*", "forest,c3grass", "line 2, column 'vegetation'", "c3grass")]
    [InlineData("forest,*,0.022", "forest,*,0.9", "line 2, column 'felled_share_per_year'", "0.9")]
    [InlineData(",recalled", ",guess", "line 2, column 'status'", "guess")]
    public void A_bad_harvest_row_is_rejected_naming_file_line_column_and_value(string from, string to, string place, string value)
    {
        var bad = ManagementFiles.EditedCopy("forest_harvest.csv", from, to);
        var e = Assert.Throws<InvalidInputException>(() => ScenarioLoader.Load(TestRepo.ScratchScenario(WithForestHarvest(bad))));
        Assert.Contains("forest_harvest.csv", e.Message);
        Assert.Contains(place, e.Message);
        Assert.Contains(value, e.Message);
    }

    [Fact]
    public void A_history_clearing_is_wood_harvest_of_its_year_so_history_NBP_is_the_stock_change()
    {
        var m = Model(null);
        var eq = m.BareGround(soilWaterFractionOfSaturation: 0.3);
        for (int y = 0; y < 60; y++) m.RunYear(eq, new YearForcing(ReferenceData.Co2, 0.0008));
        var h = new HistoryForcing(1990, 2000, Enumerable.Repeat(ReferenceData.Co2, 10).ToArray(), Enumerable.Repeat(0.0008, 10).ToArray());
        var years = new List<(int Year, AnnualSummary A)>();
        var end = TransientHistory.Run(m, eq, h, 1995, (y, a) => years.Add((y, a)));
        var cleared = years.Single(x => x.Year == 1995).A;
        Assert.True(cleared.WoodHarvestC > 0.5 * eq.VegetationC, "the stand's plant C is that year's wood harvest");
        Assert.All(years.Where(x => x.Year != 1995), x => Assert.Equal(0, x.A.WoodHarvestC));
        Assert.Equal(end.TotalC - eq.TotalC, years.Sum(x => x.A.Nbp), 9);
    }

    static Func<string, string> WithForestHarvest(string? csv) => ManagementFiles.WithKey("forest_harvest", csv);
}
