using CarbonSim.Model.Io.BiomeBgc;
using CarbonSim.Model.Kernel;
using CarbonSim.Model.Management;
using CarbonSim.Model.Output;
using CarbonSim.Model.Parameters;
using CarbonSim.Model.Scenarios;
using CarbonSim.Model.Tests.Reference;

namespace CarbonSim.Model.Tests.Engine;

/// <summary>
/// Harvest and grain through the engine (issue #11, <see cref="CropSums"/>): the harvest variable and the crop block of
/// the city sums are the kernel's harvest and grain × cover × area, exact for a one-cell run; any tiling gives the same
/// bits; the class rows carry the harvest and the crop rows the yield.
/// </summary>
public sealed class CropSumsTests
{
    static readonly BgcKernel Kernel = new();
    const int N = CarbonVariables.Count;
    static string CalendarCsv => Path.Combine(ReferenceData.RepoRoot, "data", "management", "crop_calendar.csv");

    static VegetationType Rotation(string name)
    {
        var rotation = CropCalendarReader.Read(CalendarCsv)[name];
        return new VegetationType { Name = name, Epc = rotation.Seasons[0].Epc with { Management = rotation } };
    }

    /// <summary>One cell of 4 km2, class "cropland" (code 1), the wheat–maize rotation on 0.8 of it.</summary>
    static RunSpec OneCell()
    {
        var types = new[] { Rotation("wheat_maize") };
        return new RunSpec
        {
            ScenarioName = "one-crop-cell", FirstYear = 2020, LastYear = 2022, TileSize = 1, GridRows = 1, GridCols = 1,
            CityIds = ["C0"], CityNames = ["Field"], VegetationTypes = types,
            Sites = [ReferenceData.MissoulaSite],
            Climates = [MetReader.Read(ReferenceData.Met("miss5093.mtc41"), 4)],
            Cells = new CellTable
            {
                Row = [0], Col = [0], City = [0], AreaM2 = [4e6], Climate = [0], Site = [0], LandUse = [1],
                ColumnStart = [0, 1], ColumnVegetation = [0], ColumnFraction = [0.8],
            },
            Co2ByYear = [410, 412, 414], NDepositionByYear = [0.003, 0.003, 0.003],
            SpinupCo2 = 300, SpinupNDeposition = 0.002, SpinupMaxYears = 300, CellOutputYears = [2020, 2021, 2022],
            ClassCodes = [1], ClassNames = ["cropland"], Crops = CropSums.CropsOf(types),
        };
    }

    [Fact]
    public void The_harvest_and_grain_sums_of_a_one_cell_run_are_the_kernels_times_cover_and_area()
    {
        var spec = OneCell();
        RunSpecCheck.Validate(spec);
        Assert.Equal(["summer_maize", "winter_wheat"], spec.Crops);
        var run = InProcessRun.Run(spec, Kernel);

        // The same column stepped by the kernel alone, from the same spin-up (BgcKernel's).
        var model = new CellModel(spec.VegetationTypes[0].Epc, spec.Sites[0], spec.Climates[0]);
        var state = Spinup.RunChecked(model, new SpinupOptions(Co2Ppm: spec.SpinupCo2, NDeposition: spec.SpinupNDeposition, MaxYears: spec.SpinupMaxYears), spec.SpinupAccelerated).State;
        var seasons = spec.VegetationTypes[0].Epc.Management!.Seasons;
        const double cover = 0.8, area = 4e6;
        int k = 1, stride = LandUseSums.Stride(k, spec.Crops.Length);
        for (int y = 0; y < spec.YearCount; y++)
        {
            var a = model.RunYear(state, y % spec.Climates[0].YearCount, new YearForcing(spec.Co2ByYear[y], spec.NDepositionByYear[y]));
            Assert.True(a.HarvestC > 0 && a.GrainCBySeason.All(g => g > 0), "both crops harvested every year");
            var sums = run.Cities[0].Years[y].Sums;
            Assert.Equal(stride, sums.Length);
            Assert.Equal(FixedSum.FromKg(cover * a.HarvestC * area), sums[CarbonVariables.Harvest]);
            Assert.Equal(FixedSum.FromKg(cover * a.HarvestC * area), sums[LandUseSums.ClassVariable(k, 0, CarbonVariables.Harvest)]);
            Assert.Equal(cover * a.HarvestC, run.CellSnapshots[y].Values[CarbonVariables.Harvest]);
            for (int i = 0; i < seasons.Count; i++)
            {
                int c = Array.IndexOf(spec.Crops, seasons[i].Crop);
                Assert.Equal(FixedSum.FromKg(cover * area), sums[LandUseSums.Crop(k, c, CropSums.AreaM2)]);
                Assert.Equal(FixedSum.FromKg(cover * a.GrainCBySeason[i] * area), sums[LandUseSums.Crop(k, c, CropSums.GrainCKg)]);
                Assert.Equal(FixedSum.FromKg(cover * a.GrainCBySeason[i] * CropYield.FreshKgPerKgC(seasons[i].GrainMoisture) * area),
                    sums[LandUseSums.Crop(k, c, CropSums.GrainFreshKg)]);
            }

            // Output rows: the class row's harvest per area of the class, the crop rows' yield per area of the crop.
            var cls = Assert.Single(ClassYear.FromSums("C0", run.Cities[0].Years[y], spec.ClassNames, spec.Crops.Length));
            Assert.Equal(cover * a.HarvestC, cls.Harvest, 12);   // the class area is the whole cell: 0.8 of it harvested
            var crops = CropYear.FromSums("C0", run.Cities[0].Years[y], k, spec.Crops).ToList();
            Assert.Equal(2, crops.Count);
            foreach (var (season, i) in seasons.Select((s, i) => (s, i)))
            {
                var row = crops.Single(r => r.Crop == season.Crop);
                Assert.Equal(cover * area, row.AreaM2, 6);
                Assert.Equal(CropYield.TonnesPerHectare(a.GrainCBySeason[i], season.GrainMoisture), row.YieldTonnesPerHa, 9);
            }
        }
    }

    [Fact]
    public void Crop_sums_do_not_depend_on_the_tiling_and_unmanaged_columns_add_nothing()
    {
        // The synthetic region with its C3 grass replaced by the wheat–maize rotation, and spring maize named as a crop that no cell grows.
        var baseSpec = ClassSumsTests.WithClasses(SyntheticRegion.Build(lastYear: 2021));
        var types = baseSpec.VegetationTypes.ToArray();
        types[1] = Rotation("wheat_maize");
        var spec = baseSpec with { VegetationTypes = types, Crops = CropSums.CropsOf([.. types, Rotation("spring_maize")]), SpinupMaxYears = 120 };
        RunSpecCheck.Validate(spec);
        var one = InProcessRun.Run(spec, Kernel, tileSize: 32);
        InProcessRunTests.AssertSame(one, InProcessRun.Run(spec, Kernel, tileSize: 3));
        int k = 3, spring = Array.IndexOf(spec.Crops, "spring_maize"), wheat = Array.IndexOf(spec.Crops, "winter_wheat");
        var t = spec.Cells;
        for (int c = 0; c < spec.CityIds.Length; c++)
        {
            var area = FixedSum.Zero;
            for (int i = 0; i < t.Count; i++)
                if (t.City[i] == c)
                    for (int g = t.ColumnStart[i]; g < t.ColumnStart[i + 1]; g++)
                        if (t.ColumnVegetation[g] == 1) area += FixedSum.FromKg(t.ColumnFraction[g] * t.AreaM2[i]);
            foreach (var year in one.Cities[c].Years)
            {
                Assert.Equal(LandUseSums.Stride(k, spec.Crops.Length), year.Sums.Length);
                Assert.Equal(area, year.Sums[LandUseSums.Crop(k, wheat, CropSums.AreaM2)]);
                Assert.True(year.Sums[LandUseSums.Crop(k, wheat, CropSums.GrainCKg)].ToKg() > 0);
                Assert.Equal(FixedSum.Zero, year.Sums[LandUseSums.Crop(k, spring, CropSums.AreaM2)]);
                // harvest of the classes sums exactly to the city's
                var sum = FixedSum.Zero;
                for (int cls = 0; cls < k; cls++) sum += year.Sums[LandUseSums.ClassVariable(k, cls, CarbonVariables.Harvest)];
                Assert.Equal(year.Sums[CarbonVariables.Harvest], sum);
                Assert.True(year.Sums[CarbonVariables.Harvest].ToKg() > 0);
            }
        }
        // region = sum of the cities, crop block included
        for (int y = 0; y < spec.YearCount; y++)
            Assert.Equal(one.Cities[0].Years[y].Sums[LandUseSums.Crop(k, wheat, CropSums.GrainFreshKg)] + one.Cities[1].Years[y].Sums[LandUseSums.Crop(k, wheat, CropSums.GrainFreshKg)],
                one.Region[y].Sums[LandUseSums.Crop(k, wheat, CropSums.GrainFreshKg)]);
        Assert.DoesNotContain(CropYear.All(spec, one), r => r.Crop == "spring_maize");
    }

    [Fact]
    public void A_spec_whose_rotation_grows_a_crop_it_does_not_list_or_that_has_crops_without_classes_is_rejected()
    {
        var spec = OneCell();
        var e = Assert.Throws<ArgumentException>(() => RunSpecCheck.Validate(spec with { Crops = ["winter_wheat"] }));
        Assert.Contains("summer_maize", e.Message);
        e = Assert.Throws<ArgumentException>(() => RunSpecCheck.Validate(spec with { ClassCodes = [], ClassNames = [] }));
        Assert.Contains("per-class sums", e.Message);
    }
}
