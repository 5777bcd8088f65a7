using CarbonSim.Model.Output;
using CarbonSim.Model.Tests.Engine;

namespace CarbonSim.Model.Tests.Output;

/// <summary>
/// <see cref="Validation"/> on a real (in-process) run of the synthetic region: a city/class scope takes exactly the cells of
/// those cities and that class (checked against the cell snapshots), the years are matched by the documented rule, and a
/// run without references compares nothing.
/// </summary>
public sealed class ValidationTests
{
    const int N = CarbonVariables.Count;
    static readonly Lazy<(RunSpec Spec, RunOutcome Outcome)> Run = new(() =>
    {
        var spec = ClassSumsTests.WithClasses(SyntheticRegion.Build(lastYear: 2021));
        return (spec, InProcessRun.Run(spec, new BgcKernel(), tileSize: 4));
    });

    static T Means<T>(T row, YearTotals y, double area) where T : AreaCarbonYear
    {
        var kg = y.TotalsKg();
        return row with
        {
            Gpp = kg[0] / area, Npp = kg[1] / area, Nep = kg[2] / area, Nbp = kg[3] / area, Hr = kg[4] / area,
            VegC = kg[5] / area, LitterC = kg[6] / area, SoilC = kg[7] / area, TotalC = kg[8] / area,
        };
    }

    static RunResults Results(RunSpec spec, RunOutcome o, string? references, string extraColumns = "")
    {
        var cityYears = o.Cities.SelectMany(c => c.Years.Select(y => Means(new CityYear { CityId = c.CityId, Year = y.Year, AreaM2 = c.AreaM2 }, y, c.AreaM2))).ToList();
        double area = spec.Cells.AreaM2.Sum();
        return new RunResults
        {
            ScenarioName = "synthetic", ScenarioSha256 = "", Years = [2020, 2021],
            Cities = spec.CityIds.Select((id, i) => new CityInfo(id, spec.CityNames[i], "", "")).ToArray(),
            CityYears = cityYears,
            RegionYears = o.Region.Select(y => Means(new RegionYear { Year = y.Year, AreaM2 = area, CityCount = 2 }, y, area)).ToList(),
            ClassYears = ClassYear.All(spec, o),
            References = references is null ? null : ReferenceTable.Parse("refs.csv", "scope,class,variable,years,low,high,unit,source,status" + extraColumns + "\n" + references),
        };
    }

    /// <summary>[report unit] Area-weighted mean (or sum for a stock) of one variable over the cells of the given cities and class code in one year.</summary>
    static (double Density, double StockTg) FromCells(RunSpec spec, RunOutcome o, int year, int[] cities, int code, int variable)
    {
        var snap = o.CellSnapshots.Single(s => s.Year == year);
        double sum = 0, area = 0;
        for (int i = 0; i < spec.Cells.Count; i++)
            if (cities.Contains(spec.Cells.City[i]) && spec.Cells.LandUse[i] == code)
            {
                sum += snap.Values[i * N + variable] * spec.Cells.AreaM2[i];
                area += spec.Cells.AreaM2[i];
            }
        return (sum / area, sum / 1e9);
    }

    [Fact]
    public void A_city_and_class_scope_takes_exactly_those_cells()
    {
        var (spec, o) = Run.Value;
        // Class "b" is code 1 (ClassCodes [2, 0, 1]); city C1 is index 1.
        var r = Results(spec, o, "C1,b,vegc_tC_ha,2021,0,1000,t C ha-1,s,p\nC0;C1,a,totalc_TgC,2020,0,1000,Tg C,s,p\nregion,c,npp_gC_m2_yr,2020-2021,0,1,g C m-2 a-1,s,p\n");
        var rows = Validation.Evaluate(r);
        double veg = 10 * FromCells(spec, o, 2021, [1], 1, CarbonVariables.VegetationC).Density;
        Assert.Equal(veg, rows[0].Engine, veg * 1e-12);
        Assert.Equal(ValidationStatus.Within, rows[0].Status);
        double stock = FromCells(spec, o, 2020, [0, 1], 0, CarbonVariables.TotalC).StockTg;
        Assert.Equal(stock, rows[1].Engine, stock * 1e-12);
        // Two years averaged; the values are far above 1 g m-2 a-1, so "above" with the miss relative to the bound.
        double npp = 1000 * (FromCells(spec, o, 2020, [0, 1], 2, CarbonVariables.Npp).Density + FromCells(spec, o, 2021, [0, 1], 2, CarbonVariables.Npp).Density) / 2;
        Assert.Equal(npp, rows[2].Engine, npp * 1e-12); // FixedSum rounds each addend to 1 mg
        Assert.Equal((ValidationStatus.Above, "2020-2021", "overlap"), (rows[2].Status, rows[2].EngineYears, rows[2].YearMatch));
        Assert.Equal(100 * (rows[2].Engine - 1), rows[2].MissPct, 9);
    }

    [Fact]
    public void All_classes_of_the_region_is_the_region_row_and_area_pct_the_class_share()
    {
        var (spec, o) = Run.Value;
        var r = Results(spec, o, "region,*,totalc_tC_ha,2021,0,1000,t C ha-1,s,p,\nC0,a,area_pct,2021,0,100,%,s,p,\nC0,a,yield_t_ha,2021,1,2,t ha-1,s,p,winter_wheat\nC0,d,vegc_tC_ha,2021,1,2,t C ha-1,s,p,\n", ",crop");
        var rows = Validation.Evaluate(r);
        Assert.Equal(10 * r.RegionRow(2021)!.TotalC, rows[0].Engine, 1e-9);
        double classArea = Enumerable.Range(0, spec.Cells.Count).Where(i => spec.Cells.City[i] == 0 && spec.Cells.LandUse[i] == 0).Sum(i => spec.Cells.AreaM2[i]);
        Assert.Equal(100 * classArea / o.Cities[0].AreaM2, rows[1].Engine, 1e-9);
        Assert.Equal(ValidationStatus.NoArea, rows[2].Status);   // the synthetic run grows no crop
        Assert.True(double.IsNaN(rows[2].Engine));
        Assert.Equal(ValidationStatus.NoArea, rows[3].Status); // no cell of class "d" (ReferenceTable.CheckAgainst refuses it before a real run)
        Assert.Equal("2 of 2 compared reference rows within their range; 2 with no area of the class in the scope", Validation.Summary(rows));
    }

    [Fact]
    public void A_yield_row_compares_its_crops_fresh_grain_over_area_and_a_trend_row_the_slope_of_the_class_density()
    {
        var (spec, o) = Run.Value;
        var r = Results(spec, o, "C0;C1,a,yield_t_ha,2020-2021,5,6,t ha-1,s,p,winter_wheat\nC0,a,yield_t_ha,2021,5,6,t ha-1,s,p,summer_maize\n" +
            "C0,a,soilc_trend_gC_m2_yr,2020-2021,-1000,1000,g C m-2 a-1,s,p,\n", ",crop");
        // C0: 0.5 km2 of wheat yielding 0.30 then 0.50 kg m-2; C1: 1.5 km2 yielding 0.70 then 0.90 kg m-2 (fresh); maize only in C1.
        r = r with
        {
            CropYears =
            [
                new CropYear("C0", "winter_wheat", 2020, 5e5, 0, 0.30 * 5e5), new CropYear("C0", "winter_wheat", 2021, 5e5, 0, 0.50 * 5e5),
                new CropYear("C1", "winter_wheat", 2020, 1.5e6, 0, 0.70 * 1.5e6), new CropYear("C1", "winter_wheat", 2021, 1.5e6, 0, 0.90 * 1.5e6),
                new CropYear("C1", "summer_maize", 2021, 1e6, 0, 0.6e6),
            ],
        };
        var rows = Validation.Evaluate(r);
        // per year: (0.3·0.5 + 0.7·1.5) / 2 = 0.6 and (0.5·0.5 + 0.9·1.5) / 2 = 0.8 kg m-2 → 6 and 8 t ha-1; mean 7, above 6
        Assert.Equal((7.0, ValidationStatus.Above), (Math.Round(rows[0].Engine, 9), rows[0].Status));
        Assert.Equal(2.0, rows[0].AreaKm2, 9);
        Assert.Equal(ValidationStatus.NoArea, rows[1].Status);   // C0 grows no maize
        var a = r.ClassYears.Where(c => c.CityId == "C0" && c.Class == "a").OrderBy(c => c.Year).ToList();
        Assert.Equal(1000 * (a[1].SoilC - a[0].SoilC), rows[2].Engine, 9);   // two years: the slope is the difference
        Assert.Equal(3.0, Validation.Slope([2020, 2021, 2022, 2023], [1.0, 4.0, 7.0, 10.0]), 12);
    }

    [Fact]
    public void Years_outside_the_run_take_the_nearest_simulated_years()
    {
        int[] run = [2020, 2021, 2022, 2023];
        Assert.Equal("2020,2021,2022 nearest", Flatten(Validation.YearsFor(run, 2000, 2002)));
        Assert.Equal("2020,2021,2022,2023 nearest", Flatten(Validation.YearsFor(run, 2000, 2014)));
        Assert.Equal("2023 nearest", Flatten(Validation.YearsFor(run, 2030, 2030)));
        Assert.Equal("2022,2023 overlap", Flatten(Validation.YearsFor(run, 2022, 2040)));
        static string Flatten((IReadOnlyList<int> Years, string Match) x) => $"{string.Join(",", x.Years)} {x.Match}";
    }

    [Fact]
    public void A_run_without_references_compares_nothing()
    {
        var (spec, o) = Run.Value;
        Assert.Empty(Validation.Evaluate(Results(spec, o, null)));
    }
}
