using CarbonSim.Model.Accounting;
using CarbonSim.Model.LandUse;
using static CarbonSim.Model.Tests.LandUse.LandUseTestData;

namespace CarbonSim.Model.Tests.LandUse;

public class GreenSpaceTests
{
    [Fact]
    public void The_engine_class_table_has_the_review_green_space_classes_as_vegetation_mixes_with_a_sealed_share()
    {
        // data/vegetation/class_mix.csv is the one class table (the engine's); the review's forest land is class "forest".
        var t = CarbonSim.Model.Scenarios.LandUseClassTable.Read(DataPath("vegetation", "class_mix.csv"),
            new HashSet<string> { "enf", "dbf", "dnf", "c3grass", "c4grass", "shrub", "wheat_maize", "spring_maize" });
        var green = new[] { "park", "square", "protective_green", "attached_green", "regional_green", "forest" }
            .ToDictionary(n => n, n => t.Require(n, "class_mix.csv", n).DefaultMix);
        foreach (var (name, m) in green)
        {
            Assert.NotEmpty(m.Columns);
            Assert.Equal(1.0, m.Columns.Sum(c => c.Fraction) + m.SealedFraction + m.BareFraction + m.WaterFraction, 9);
        }
        Assert.True(green["square"].SealedFraction > green["park"].SealedFraction);
        Assert.Equal(0.65, green["square"].SealedFraction, 12);
        Assert.Equal(0.0, green["forest"].SealedFraction);
    }

    [Fact]
    public void AddArea_FollowsALinearPathFromDonor()
    {
        // Beijing, 1 km² cells: +10 km² of protective green (class 2) by 2030 from cropland (class 0), start 2020.
        var start = new[] { 500, 100, 40, 360 };
        var target = new AddGreenArea(110000, ClassIndex: 2, DonorClass: 0, ByYear: 2030, AddKm2: 10);
        var d2025 = GreenSpacePlanner.Apply(start, 2025, 2020, start, target, 1e6);
        Assert.Equal(new[] { 495, 100, 45, 360 }, d2025);
        var d2035 = GreenSpacePlanner.Apply(start, 2035, 2020, start, target, 1e6);
        Assert.Equal(new[] { 490, 100, 50, 360 }, d2035);
        Assert.Equal(start.Sum(), d2035.Sum());
    }

    [Fact]
    public void ParkPerPerson_UsesCityPopulation()
    {
        var beijing = CityFacts.Load(DataPath("jjj", "cities.csv")).Single(c => c.Id == 110000);
        Assert.Equal(21893095, beijing.Population);
        // 20 m² per person by 2030 on 1 km² cells: 20 × 21,893,095 / 1e6 = 437.86 → 438 cells.
        var start = new[] { 10000, 300, 0 };
        var t = new GreenAreaPerPerson(110000, ClassIndex: 1, DonorClass: 0, ByYear: 2030, M2PerPerson: 20, Population: beijing.Population);
        var d = GreenSpacePlanner.Apply(start, 2030, 2020, start, t, 1e6);
        Assert.Equal(438, d[1]);
        Assert.Equal(10000 - 138, d[0]);
    }

    [Fact]
    public void ParkPerPerson_IsAFloor_ACityAboveItKeepsItsParks()
    {
        // 20 m² per person in Beijing = 438 cells of 1 km²; a city that already has 600 keeps 600 every year.
        var start = new[] { 10000, 600, 0 };
        var t = new GreenAreaPerPerson(110000, ClassIndex: 1, DonorClass: 0, ByYear: 2030, M2PerPerson: 20, Population: 21893095);
        foreach (int year in new[] { 2021, 2025, 2030, 2040 })
            Assert.Equal(start, GreenSpacePlanner.Apply(start, year, 2020, start, t, 1e6));
    }

    [Fact]
    public void TargetTheDonorCannotSupply_IsRejected()
    {
        var start = new[] { 5, 0 };
        var t = new AddGreenArea(120000, 1, 0, 2030, 9);
        var ex = Assert.Throws<InvalidInputException>(() => GreenSpacePlanner.Apply(start, 2030, 2020, start, t, 1e6, "scenario.yaml"));
        Assert.Contains("city 120000 year 2030", ex.Message);
        Assert.Contains("exceeds the available cells", ex.Message);
        Assert.Contains("population", Assert.Throws<InvalidInputException>(() =>
            GreenSpacePlanner.Apply(start, 2030, 2020, start, new GreenAreaPerPerson(1, 1, 0, 2030, 10, double.NaN), 1e6)).Message);
    }
}
