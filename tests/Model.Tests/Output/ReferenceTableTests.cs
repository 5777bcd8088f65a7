using CarbonSim.Model.Output;

namespace CarbonSim.Model.Tests.Output;

/// <summary>The references CSV loader: good rows parse; each kind of bad row is refused naming file, line, column, value and expectation.</summary>
public sealed class ReferenceTableTests
{
    const string Header = "scope,class,variable,years,low,high,unit,source,status,note\n";
    const string Good = "region,*,npp_gC_m2_yr,2000-2014,223,356,g C m-2 a-1,MODIS,published,range\n";

    [Fact]
    public void Good_rows_parse_with_scope_years_and_variable()
    {
        var t = ReferenceTable.Parse("refs.csv", Header + Good + "110000;120000,forest,vegc_tC_ha,2019,10.9,18.16,t C ha-1,Jiang 2019,verified,\n");
        Assert.Equal(2, t.Rows.Count);
        Assert.Empty(t.Rows[0].CityIds);
        Assert.Equal((2000, 2014), (t.Rows[0].FirstYear, t.Rows[0].LastYear));
        Assert.Equal(["110000", "120000"], t.Rows[1].CityIds);
        Assert.Equal("110000;120000", t.Rows[1].Scope);
        Assert.Equal(ReferenceKind.Density, t.Rows[1].Variable.Kind);
        Assert.Equal(3, t.Rows[1].Line);
    }

    [Theory]
    [InlineData("region,*,npp_g,2000,1,2,g C m-2 a-1,s,p", "variable", "npp_g", "one of vegc_tC_ha")]
    [InlineData("region,*,npp_gC_m2_yr,2000,1,2,t C ha-1,s,p", "unit", "t C ha-1", "'g C m-2 a-1', the unit of npp_gC_m2_yr")]
    [InlineData("region,*,npp_gC_m2_yr,2000,3,2,g C m-2 a-1,s,p", "high", "2", "a number >= low (3)")]
    [InlineData("region,*,npp_gC_m2_yr,2000,lots,2,g C m-2 a-1,s,p", "low", "lots", "a finite number")]
    [InlineData("region,*,npp_gC_m2_yr,2014-2000,1,2,g C m-2 a-1,s,p", "years", "2014-2000", "an ascending range of years")]
    [InlineData("region,*,npp_gC_m2_yr,twenty,1,2,g C m-2 a-1,s,p", "years", "twenty", "a year (2020)")]
    [InlineData("110000;region,*,npp_gC_m2_yr,2000,1,2,g C m-2 a-1,s,p", "scope", "110000;region", "'region' or city ids")]
    [InlineData("110000;;120000,*,npp_gC_m2_yr,2000,1,2,g C m-2 a-1,s,p", "scope", "110000;;120000", "none empty")]
    [InlineData("region,*,area_pct,2000,1,2,%,s,p", "class", "*", "a class name")]
    [InlineData("region,*,npp_gC_m2_yr,2000,1,2,g C m-2 a-1,,p", "source", "", "a non-empty value")]
    [InlineData("region,,npp_gC_m2_yr,2000,1,2,g C m-2 a-1,s,p", "class", "", "a non-empty value")]
    public void A_bad_row_is_refused_with_file_line_column_value_and_expectation(string row, string column, string value, string expectation)
    {
        var ex = Assert.Throws<InvalidInputException>(() => ReferenceTable.Parse("refs.csv", Header.Replace(",note", "") + Good.Replace(",range", "") + row + "\n"));
        Assert.Equal("refs.csv", ex.File);
        Assert.Equal($"line 3, column '{column}'", ex.Place);
        Assert.Equal(value, ex.Value);
        Assert.Contains(expectation, ex.Expected);
    }

    [Fact]
    public void A_missing_column_is_refused()
    {
        var ex = Assert.Throws<InvalidInputException>(() => ReferenceTable.Parse("refs.csv", "scope,class,variable,years,low,high,unit,source\n"));
        Assert.Contains("status", ex.Message);
    }

    [Fact]
    public void Cities_and_classes_the_run_lacks_are_refused_naming_the_row()
    {
        var t = ReferenceTable.Parse("refs.csv", Header + Good + "110000;999999,forest,vegc_tC_ha,2019,1,2,t C ha-1,s,p,\n");
        var ex = Assert.Throws<InvalidInputException>(() => t.CheckAgainst(["110000"], ["forest"]));
        Assert.Equal(("line 3, column 'scope'", "999999"), (ex.Place, ex.Value));
        ex = Assert.Throws<InvalidInputException>(() => t.CheckAgainst(["110000", "999999"], ["cropland"]));
        Assert.Equal(("line 3, column 'class'", "forest"), (ex.Place, ex.Value));
        t.CheckAgainst(["110000", "999999"], ["forest"]);
    }

    [Theory]
    [InlineData("C0,a,yield_t_ha,2013,4,7,t ha-1,s,p,", "crop", "")]                       // a yield row names its crop
    [InlineData("C0,a,npp_gC_m2_yr,2013,4,7,g C m-2 a-1,s,p,winter_wheat", "crop", "winter_wheat")]   // only yield rows do
    [InlineData("C0,a,soilc_trend_gC_m2_yr,2013,0,50,g C m-2 a-1,s,p,", "years", "2013")]    // a trend needs a range of years
    public void Crop_and_trend_rows_are_checked(string row, string column, string value)
    {
        var e = Assert.Throws<InvalidInputException>(() => ReferenceTable.Parse("refs.csv", "scope,class,variable,years,low,high,unit,source,status,crop\n" + row + "\n"));
        Assert.Equal(("line 2, column '" + column + "'", value), (e.Place, e.Value));
    }

    [Fact]
    public void A_yield_row_for_a_crop_the_run_does_not_grow_is_refused()
    {
        var t = ReferenceTable.Parse("refs.csv", "scope,class,variable,years,low,high,unit,source,status,crop\nC0,a,yield_t_ha,2013,4,7,t ha-1,s,p,rice\n");
        var e = Assert.Throws<InvalidInputException>(() => t.CheckAgainst(["C0"], ["a"], ["summer_maize", "winter_wheat"]));
        Assert.Equal(("line 2, column 'crop'", "rice"), (e.Place, e.Value));
        Assert.Contains("winter_wheat", e.Expected);
        t.CheckAgainst(["C0"], ["a"], ["rice"]);
    }

    [Fact]
    public void The_bundled_jjj_references_parse()
    {
        var path = Path.Combine(CarbonSim.Model.Tests.Engine.SyntheticRegion.RepoRoot(), "data", "jjj", "reference_observations.csv");
        var t = ReferenceTable.Read(path);
        Assert.True(t.Rows.Count >= 10);
        Assert.All(t.Rows, r => Assert.False(string.IsNullOrWhiteSpace(r.Source)));
        Assert.Contains(t.Rows, r => r.Variable.Kind == ReferenceKind.Yield && r.Crop == "winter_wheat");
        Assert.Contains(t.Rows, r => r.Variable.Kind == ReferenceKind.Yield && r.Crop == "summer_maize");
        Assert.Contains(t.Rows, r => r.Variable.Kind == ReferenceKind.Trend);
        Assert.All(t.Rows, r => Assert.Equal(r.Variable.Kind == ReferenceKind.Yield, r.Crop.Length > 0));
    }
}
