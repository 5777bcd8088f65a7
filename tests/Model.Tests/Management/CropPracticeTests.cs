using CarbonSim.Model.Io.BiomeBgc;
using CarbonSim.Model.Kernel;
using CarbonSim.Model.Management;
using CarbonSim.Model.Scenarios;
using CarbonSim.Model.Tests.Reference;
using CarbonSim.Model.Tests.Scenario;

namespace CarbonSim.Model.Tests.Management;

/// <summary>
/// Crop practice changes (scenario key <c>management.crop_practices</c>, docs/scenario.md): each key changes what the
/// docs say from its year on and nothing before; the scenario keys are read and checked; cities get their variants.
/// </summary>
public class CropPracticeTests
{
    static string CalendarCsv => Path.Combine(ReferenceData.RepoRoot, "data", "management", "crop_calendar.csv");

    static CellModel Model(CropRotation rotation) =>
        new(rotation.Seasons[0].Epc with { Management = rotation }, ReferenceData.MissoulaSite, MetReader.Read(ReferenceData.Met("miss5093.mtc41"), 4), null, rotation.Name);

    /// <summary>The same start state (a few managed years in), one year run by the calendar's practice and one by the changed.</summary>
    static (AnnualSummary Base, AnnualSummary Changed) YearPair(PracticeChange change, int calendarYear)
    {
        var rotation = CropCalendarReader.Read(CalendarCsv)["wheat_maize"];
        var plain = Model(rotation);
        var changed = Model(rotation with { Practices = [change] });
        var s = plain.BareGround(soilWaterFractionOfSaturation: 0.2);
        for (int y = 0; y < 3; y++) plain.RunYear(s, new YearForcing(ReferenceData.Co2, 0.0008));
        var a = plain.RunYear(s.Clone(), new YearForcing(ReferenceData.Co2, 0.0008, CalendarYear: calendarYear));
        var b = changed.RunYear(s.Clone(), new YearForcing(ReferenceData.Co2, 0.0008, CalendarYear: calendarYear));
        return (a, b);
    }

    [Fact]
    public void Before_its_year_and_in_the_spin_up_a_change_does_nothing()
    {
        var change = new PracticeChange(2030, ResidueReturn: 1.0, FertiliserFactor: 0.5, IrrigationFactor: 0.0);
        foreach (int year in new[] { 0, 2029 })
        {
            var (a, b) = YearPair(change, year);
            Assert.Equal((a.Nbp, a.HarvestC, a.FertiliserN, a.Irrigation, a.SoilC), (b.Nbp, b.HarvestC, b.FertiliserN, b.Irrigation, b.SoilC));
        }
    }

    [Fact]
    public void The_fertiliser_factor_scales_the_fertiliser_applied()
    {
        var (a, b) = YearPair(new PracticeChange(2030, FertiliserFactor: 0.5), 2031);
        Assert.True(a.FertiliserN > 0);
        Assert.Equal(0.5 * a.FertiliserN, b.FertiliserN, 12);
        Assert.Equal(a.Irrigation, b.Irrigation);
    }

    [Fact]
    public void The_irrigation_factor_scales_the_water_of_each_irrigation_and_zero_stops_it()
    {
        var (a, b) = YearPair(new PracticeChange(2030, IrrigationFactor: 0.0), 2030);
        Assert.True(a.Irrigation > 0, "the dry start soil triggers irrigation");
        Assert.Equal(0.0, b.Irrigation);
        var (c, d) = YearPair(new PracticeChange(2030, IrrigationFactor: 0.6), 2030);
        Assert.True(d.Irrigation > 0 && d.Irrigation < c.Irrigation);
        Assert.Equal(a.FertiliserN, b.FertiliserN, 15);
    }

    [Fact]
    public void Full_residue_return_leaves_all_straw_so_only_grain_leaves_the_field()
    {
        var (a, b) = YearPair(new PracticeChange(2030, ResidueReturn: 1.0), 2030);
        Assert.True(a.HarvestC > a.GrainC, "the calendar removes part of the straw");
        Assert.Equal(b.GrainC, b.HarvestC, 15);
        var (_, none) = YearPair(new PracticeChange(2030, ResidueReturn: 0.0), 2030);
        Assert.True(none.HarvestC > a.HarvestC, "no return removes all straw");
    }

    [Fact]
    public void Practices_round_trip_through_json_and_a_rotation_without_them_serialises_as_before()
    {
        var rotation = CropCalendarReader.Read(CalendarCsv)["wheat_maize"];
        var epc = rotation.Seasons[0].Epc with { Management = rotation with { Practices = [new(2030, 1.0), new(2040, null, 0.8, 0.7)] } };
        var json = System.Text.Json.JsonSerializer.Serialize(epc);
        var back = System.Text.Json.JsonSerializer.Deserialize<Parameters.EcophysParameters>(json)!;
        Assert.Equal(json, System.Text.Json.JsonSerializer.Serialize(back));
        Assert.Equal(new PracticeChange(2040, null, 0.8, 0.7), back.Management!.Practices![1]);
        Assert.DoesNotContain("Practices", System.Text.Json.JsonSerializer.Serialize(rotation.Seasons[0].Epc with { Management = rotation }));
    }

    [Fact]
    public void Changes_must_come_in_ascending_years()
    {
        var rotation = CropCalendarReader.Read(CalendarCsv)["wheat_maize"];
        Assert.Throws<InvalidInputException>(() => new CropCalendar(rotation with { Practices = [new(2030, 1.0), new(2030, 0.5)] }));
        var cal = new CropCalendar(rotation with { Practices = [new(2030, FertiliserFactor: 0.5), new(2040, IrrigationFactor: 0.5)] });
        Assert.Same(cal, cal.ForYear(0));
        Assert.Same(cal, cal.ForYear(2029));
        Assert.Equal(0.5 * cal.FertiliserOn(280), cal.ForYear(2035).FertiliserOn(280), 15);
        Assert.Equal(cal.IrrigationOn(328), cal.ForYear(2035).IrrigationOn(328));
        Assert.Equal(0.5 * cal.FertiliserOn(280), cal.ForYear(2045).FertiliserOn(280), 15);   // the earlier change stays in force
        Assert.Equal(0.5 * cal.IrrigationOn(328), cal.ForYear(2045).IrrigationOn(328), 15);
    }

    static Scenarios.Scenario LoadWith(string practices) =>
        ScenarioLoader.Load(TestRepo.ScratchScenario(t => System.Text.RegularExpressions.Regex.Replace(t, @"(  crop_calendar: \S+)",
            "$1\n  crop_practices:\n" + practices)));

    [Fact]
    public void The_scenario_key_is_read_and_cities_get_their_variants()
    {
        var s = LoadWith("    - from_year: 2030\n      residue_return: 1.0\n    - from_year: 2035\n      cities: [130100]\n      irrigation_factor: 0.7\n      fertiliser_factor: 0.8\n");
        var rules = s.Management!.CropPractices!;
        Assert.Equal(2, rules.Count);
        Assert.Equal(new PracticeChange(2030, 1.0), rules[0].Change);
        Assert.Equal(["130100"], rules[1].CityIds);
        Assert.Equal(new PracticeChange(2035, null, 0.8, 0.7), rules[1].Change);
        var rotations = s.Vegetation.Where(v => v.Value.Parameters.Management is not null).ToDictionary(v => v.Key, v => v.Value.Parameters);
        var variants = new CropPracticeVariants(["110000", "130100"], rotations, rules);
        Assert.Equal("wheat_maize@p1", variants.NameFor("wheat_maize", 0));
        Assert.Equal("wheat_maize@p1+p2", variants.NameFor("wheat_maize", 1));
        Assert.Equal("c3grass", variants.NameFor("c3grass", 1));
        var v = variants.Variants.Single(x => x.Name == "wheat_maize@p1+p2");
        Assert.Equal([new PracticeChange(2030, 1.0), new PracticeChange(2035, null, 0.8, 0.7)], v.Epc.Management!.Practices!);
        var e = Assert.Throws<InvalidInputException>(() => new CropPracticeVariants(["110000"], rotations, rules));
        Assert.Equal("130100", e.Value);
    }

    [Fact]
    public void The_bundled_crop_practices_scenario_loads()
    {
        var s = ScenarioLoader.Load(Path.Combine(TestRepo.Root, "scenarios", "jjj-crop-practices.yaml"));
        Assert.Equal([new PracticeChange(2030, 1.0), new PracticeChange(2030, IrrigationFactor: 0.7)], s.Management!.CropPractices!.Select(r => r.Change));
        Assert.Equal(["110000", "120000"], s.Management.CropPractices![1].CityIds);
    }

    [Theory]
    [InlineData("    - from_year: 2030\n      straw: 1.0\n", "straw")]                         // unknown key
    [InlineData("    - from_year: 2030\n      residue_return: 1.5\n", "1.5")]                  // share above 1
    [InlineData("    - from_year: 2030\n      irrigation_factor: -0.1\n", "-0.1")]             // negative factor
    [InlineData("    - from_year: 2030\n", "no change")]                                     // nothing changes
    [InlineData("    - residue_return: 1.0\n", "missing")]                                   // no year
    [InlineData("    - from_year: 2030\n      cities: [130100, 130100]\n      residue_return: 1.0\n", "130100")] // a city twice
    public void Bad_entries_are_rejected_naming_the_key_and_value(string entry, string value)
    {
        var e = Assert.Throws<InvalidInputException>(() => LoadWith(entry));
        Assert.Contains("crop_practices[0]", e.Place);
        Assert.Equal(value, e.Value);
    }
}
