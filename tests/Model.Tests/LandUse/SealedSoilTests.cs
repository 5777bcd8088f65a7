using CarbonSim.Model.Accounting;
using CarbonSim.Model.Io.BiomeBgc;
using CarbonSim.Model.Kernel;
using CarbonSim.Model.LandUse;
using CarbonSim.Model.Scenarios;
using CarbonSim.Model.Tests.Reference;

namespace CarbonSim.Model.Tests.LandUse;

/// <summary>Soil and litter under a newly sealed share (<see cref="SealedSoil"/>, docs/landuse.md §3).</summary>
public class SealedSoilTests
{
    [Fact]
    public void The_shares_follow_the_rule_by_hand()
    {
        // cropland (sealed 0) -> built-up (0.70), 30 % of the sealed soil lost, litter of the open part 0 emitted.
        var s = SealedSoil.Shares(0, 0.7, 0.3, 0);
        Assert.Equal(0.21, s.SoilToAtmosphere, 15);     // 0.3 x 0.7
        Assert.Equal(0.49, s.SoilToSealed, 15);         // 0.7 x 0.7
        Assert.Equal(0.7, s.LitterToAtmosphere, 15);    // litter on the newly sealed 70 % is cleared
        Assert.Equal(0, s.SealedToSoil);
        // park (0.15) -> built-up (0.70): 0.55 of the cell = 0.55/0.85 of the unsealed part; the rule's litter share 0.5 on the rest.
        s = SealedSoil.Shares(0.15, 0.7, 0.3, 0.5);
        double a = 0.55 / 0.85;
        Assert.Equal(0.3 * a, s.SoilToAtmosphere, 15);
        Assert.Equal(0.7 * a, s.SoilToSealed, 15);
        Assert.Equal(a + (1 - a) * 0.5, s.LitterToAtmosphere, 15);
        // built-up (0.70) -> park (0.15): 0.55/0.70 of the sealed stock is released, nothing sealed.
        s = SealedSoil.Shares(0.7, 0.15, 0.3, 0);
        Assert.Equal(0.55 / 0.7, s.SealedToSoil, 15);
        Assert.Equal(0, s.SoilToAtmosphere);
        Assert.Equal(0, s.SoilToSealed);
        Assert.Equal(0, s.LitterToAtmosphere);
        // A rule's own soil share replaces the loss; the rest of the newly sealed soil is still sealed off.
        s = SealedSoil.Shares(0, 0.7, 0.3, 0, soilToAtmosphere: 0.1);
        Assert.Equal(0.1, s.SoilToAtmosphere, 15);
        Assert.Equal(0.6, s.SoilToSealed, 15);
    }

    [Fact]
    public void A_conversion_moves_soil_under_the_seal_and_back_and_conserves_carbon()
    {
        var sh = SealedSoil.Shares(0, 0.7, 0.3, 1.0);
        var seal = new ConversionRule(1, 5, 1.0, 0, 0, sh.LitterToAtmosphere, sh.SoilToAtmosphere, sh.SoilToSealed, sh.SealedToSoil);
        var crop = new CarbonColumn(VegC: 0.4, LitterC: 0.2, SoilC: 10, WoodProductC: 0, AreaM2: 1e8);
        var (built, f) = ConversionCarbon.Convert(crop, seal);
        Assert.Equal(2.1, f.SoilToAtmosphere, 12);
        Assert.Equal(4.9, built.SealedSoilC, 12);
        Assert.Equal(3.0, built.SoilC, 12);               // the 30 % left open keeps its own soil, no more
        Assert.Equal(0, built.LitterC);
        Assert.Equal(crop.TotalPerM2, built.TotalPerM2 + f.ToAtmosphere, 12);

        var back = SealedSoil.Shares(0.7, 0.15, 0.3, 0);
        var unseal = new ConversionRule(5, 7, 0, 0, 0, back.LitterToAtmosphere, back.SoilToAtmosphere, back.SoilToSealed, back.SealedToSoil);
        var (park, g) = ConversionCarbon.Convert(built, unseal);
        Assert.Equal(4.9 * 0.15 / 0.7, park.SealedSoilC, 12);
        Assert.Equal(3.0 + 4.9 * 0.55 / 0.7, park.SoilC, 12);
        Assert.Equal(0, g.ToAtmosphere);
        Assert.Equal(built.TotalPerM2, park.TotalPerM2, 12);
    }

    [Fact]
    public void The_ledger_keeps_sealed_soil_as_a_stock_and_refuses_a_kernel_that_changes_it()
    {
        var c = new CarbonColumn(1, 0.5, 8, 0, 1e6) { SealedSoilC = 3 };
        var (end, b) = CarbonLedger.CloseCellYear("1", 2030, c, c with { SoilC = 8.1 }, 0.1, null, 30);
        Assert.Equal(3, end.SealedSoilC);
        Assert.Equal(12.5e6, b.StartKg, 6);
        Assert.Equal(12.6e6, b.EndKg, 6);
        Assert.Throws<InvalidInputException>(() => CarbonLedger.CloseCellYear("1", 2030, c, c with { SealedSoilC = 2 }, 0, null, 30));
    }

    [Fact]
    public void The_scenario_rules_seal_soil_instead_of_handing_it_to_the_green()
    {
        var s = ScenarioLoader.Load(Path.Combine(ReferenceData.RepoRoot, "scenarios", "jjj-urban-expansion.yaml"));
        var names = s.LandUseChange!.ClassNames;
        var rules = s.ConversionCarbon!.ToRules("t");
        var r = rules.For(names.IndexOf("cropland"), names.IndexOf("built_up"));
        Assert.Equal(0.3 * 0.7, r.SoilToAtmosphere, 12);
        Assert.Equal(0.7 * 0.7, r.SoilToSealed, 12);
        Assert.Equal(1.0, r.LitterToAtmosphere);
        var park = rules.For(names.IndexOf("built_up"), names.IndexOf("park"));
        Assert.Equal(0.55 / 0.7, park.SealedToSoil, 12);
        Assert.Equal(0, park.SoilToSealed);
    }

    /// <summary>
    /// A managed cropland column at equilibrium (wheat-maize, Missoula weather) becomes a built-up cell (70 % sealed,
    /// 15 % dbf, 15 % C3 grass, from their own equilibria; the JJJ scenarios' cropland -> built-up rule: vegetation and
    /// litter to the atmosphere, 30 % of the newly sealed soil lost). The cell must never hold more carbon per m² than
    /// the cropland it replaced, in the conversion year and over the 40 years after it.
    /// </summary>
    [Fact]
    public void A_cropland_cell_turned_built_up_never_stores_more_than_the_cropland()
    {
        var met = MetReader.Read(ReferenceData.Met("miss5093.mtc41"), 4);
        string calendar = Path.Combine(ReferenceData.RepoRoot, "data", "management", "crop_calendar.csv");
        var rotation = CropCalendarReader.Read(calendar)["wheat_maize"];
        var cropModel = new CellModel(rotation.Seasons[0].Epc with { Management = rotation }, ReferenceData.MissoulaSite, met, null, "wheat_maize");
        var dbf = new CellModel(EpcReader.Read(ReferenceData.Epc("dbf")), ReferenceData.MissoulaSite, met);
        var grass = new CellModel(EpcReader.Read(ReferenceData.Epc("c3grass")), ReferenceData.MissoulaSite, met);
        var o = new SpinupOptions(Co2Ppm: 294.842);
        var crop = Spinup.RunAccelerated(cropModel, o).State;
        var dbfEq = Spinup.RunAccelerated(dbf, o).State;
        var grassEq = Spinup.RunAccelerated(grass, o).State;

        var cropColumn = CellConversion.CellColumn([new KernelColumn(1.0, crop)], 0, 1e8);
        var sh = SealedSoil.Shares(0, 0.7, 0.3, 1.0);
        var rule = new ConversionRule(1, 5, 1.0, 0, 0, sh.LitterToAtmosphere, sh.SoilToAtmosphere, sh.SoilToSealed, sh.SealedToSoil);
        var r = CellConversion.Convert([new KernelColumn(1.0, crop)], 0, 1e8, rule,
            [new KernelColumn(0.15, dbfEq), new KernelColumn(0.15, grassEq)],
            [StandHistory.ClearPlant(dbf, dbfEq), StandHistory.ClearPlant(grass, grassEq)]);

        // The green columns keep the cropland's soil density per vegetated m² (not 1/0.3 times more).
        Assert.Equal(cropColumn.SoilC, r.Columns.Sum(c => c.Fraction * c.State.SoilC) / 0.3, 9);
        Assert.Equal(0.49 * cropColumn.SoilC, r.After.SealedSoilC, 9);
        Assert.True(r.After.TotalPerM2 < cropColumn.TotalPerM2);

        var forcing = new YearForcing(294.842, ReferenceData.MissoulaSite.NDeposition);
        double most = 0;
        for (int y = 0; y < 40; y++)
        {
            dbf.RunYear(r.Columns[0].State, forcing);
            grass.RunYear(r.Columns[1].State, forcing);
            double total = CellConversion.CellColumn(r.Columns, 0, 1e8).TotalPerM2 + r.After.SealedSoilC;
            most = Math.Max(most, total);
        }
        Console.WriteLine($"cropland {cropColumn.TotalPerM2:F3}, built-up after conversion {r.After.TotalPerM2:F3}, most in 40 years {most:F3} kgC m-2");
        Assert.True(most < cropColumn.TotalPerM2,
            $"built-up cell holds up to {most:F3} kgC m-2, the cropland it replaced {cropColumn.TotalPerM2:F3}");
    }
}
