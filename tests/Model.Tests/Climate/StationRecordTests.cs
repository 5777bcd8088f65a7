using CarbonSim.Model.Climate;
using CarbonSim.Model.Tests.Scenario;

namespace CarbonSim.Model.Tests.Climate;

/// <summary>Station daily records: the two formats, the gap rule, leap days, and the calendar of the record.</summary>
public class StationRecordTests
{
    public static readonly string BeijingPath = Path.Combine(TestRepo.Root, "data", "weather", "beijing", "CHM00054511.csv");

    private static string Scratch(string name, string text)
    {
        var dir = Path.Combine(Path.GetTempPath(), "carbonsim-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var p = Path.Combine(dir, name);
        File.WriteAllText(p, text);
        return p;
    }

    /// <summary>A plain CSV of <paramref name="days"/> days from 2001-01-01; <paramref name="row"/> gives each line after the date.</summary>
    private static string Plain(int days, Func<int, string> row, string header = "date,tmax_c,tmin_c,prcp_mm")
    {
        var lines = new List<string> { header };
        var d0 = new DateOnly(2001, 1, 1);
        for (int i = 0; i < days; i++) lines.Add($"{d0.AddDays(i):yyyy-MM-dd},{row(i)}");
        return string.Join("\n", lines) + "\n";
    }

    private static readonly StationPlace Somewhere = new(40.0, 116.0, 50.0);

    [Fact]
    public void Beijing_ghcn_record_is_complete_1951_2012_and_matches_its_readme()
    {
        var r = StationRecordReader.Read(BeijingPath, null, "test");
        Assert.Equal("CHM00054511", r.Id);
        Assert.Equal(39.933, r.Latitude, 6); Assert.Equal(116.283, r.Longitude, 6); Assert.Equal(55.0, r.ElevationM, 6);
        Assert.Equal(1945, r.FirstYear);
        var y = StationGaps.Take(r, 1951, 2012, 0, "max"); // no gap at all in these years
        Assert.Equal(0, y.FilledDays);
        Assert.Equal(62 * 365, y.Tmax.Length);
        // data/jjj/README.md: 1951–2012 593 mm (leap-day rain is kept on 28 February). Its 12.3 °C is the mean of GHCN's TAVG;
        // (Tmax + Tmin) / 2 over the same days is 12.549 °C (computed separately from the raw CSV, leap days included).
        double t = 0; for (int i = 0; i < y.Tmax.Length; i++) t += (y.Tmax[i] + y.Tmin[i]) / 2;
        Assert.Equal(12.55, t / y.Tmax.Length, 0.02);
        Assert.Equal(593, y.Prcp.Sum() / 62, 0.5);
        // The first day: 1951-01-01 from the file, in °C and mm (tenths converted).
        var line = File.ReadLines(BeijingPath).First(l => l.Contains("\"1951-01-01\""));
        Assert.Contains($"\"{(int)Math.Round(y.Tmax[0] * 10),5}\"", line);
    }

    [Fact]
    public void Beijing_years_with_sparse_data_fail_with_the_date_range_and_tolerance()
    {
        var r = StationRecordReader.Read(BeijingPath, null, "test");
        var e = Assert.Throws<InvalidInputException>(() => StationGaps.Take(r, 2010, 2016, 5, "climate.max_gap_days"));
        Assert.StartsWith(BeijingPath + ": T", e.Message);
        Assert.Matches(@": (TMAX|TMIN) 201\d-\d\d-\d\d\.\.201\d-\d\d-\d\d: got '\d+ missing days', expected gaps of at most 5 days \(climate.max_gap_days\) in the years used, 2010–2016$", e.Message);
    }

    [Fact]
    public void Short_gaps_are_filled_linearly_and_dry_long_gaps_are_an_error()
    {
        // Tmax rises 1 K a day; days 10–12 (3 days) missing in every column.
        string Row(int i) => i is >= 10 and <= 12 ? ",," : $"{i % 40}.0,{i % 40 - 5}.0,{(i % 2 == 0 ? "2.0" : "0")}";
        var p = Scratch("s.csv", Plain(365, Row));
        var r = StationRecordReader.Read(p, Somewhere, "test");
        var y = StationGaps.Take(r, 2001, 2001, 3, "tol");
        Assert.Equal(9, y.FilledDays); // 3 days × 3 variables
        for (int i = 10; i <= 12; i++)
        {
            Assert.Equal(i, y.Tmax[i], 12);
            Assert.Equal(i - 5, y.Tmin[i], 12);
            Assert.Equal(0, y.Prcp[i]);
        }
        var e = Assert.Throws<InvalidInputException>(() => StationGaps.Take(r, 2001, 2001, 2, "climate.max_gap_days"));
        Assert.Equal($"{p}: TMAX 2001-01-11..2001-01-13: got '3 missing days', expected gaps of at most 2 days (climate.max_gap_days) in the years used, 2001–2001", e.Message);
        // Years outside the file are one long gap.
        var e2 = Assert.Throws<InvalidInputException>(() => StationGaps.Take(r, 2001, 2002, 3, "tol"));
        Assert.Contains("TMAX 2002-01-01..2002-12-31: got '365 missing days'", e2.Message);
    }

    [Fact]
    public void Leap_days_are_dropped_and_their_rain_kept_on_28_February()
    {
        var lines = new List<string> { "date,tmax_c,tmin_c,prcp_mm" };
        var d0 = new DateOnly(2004, 1, 1);
        for (int i = 0; i < 366; i++) { var d = d0.AddDays(i); lines.Add($"{d:yyyy-MM-dd},{(d.Month == 2 && d.Day == 29 ? 30 : 10)},0,{(d.Month == 2 && d.Day >= 28 ? 5 : 0)}"); }
        var r = StationRecordReader.Read(Scratch("leap.csv", string.Join("\n", lines)), Somewhere, "test");
        var y = StationGaps.Take(r, 2004, 2004, 0, "tol");
        Assert.Equal(365, y.Tmax.Length);
        Assert.DoesNotContain(30.0, y.Tmax);
        Assert.Equal(10.0, y.Prcp[58]); // 28 February (yday 59): its own 5 mm + 29 February's 5 mm
        Assert.Equal(0.0, y.Prcp[59]);  // 1 March
        Assert.Equal(10.0, y.Prcp.Sum());
    }

    [Fact]
    public void Plain_csv_with_vpd_and_radiation_keeps_them()
    {
        var p = Scratch("v.csv", Plain(365, i => $"20,10,0,{500 + i},{200}", "date,tmax_c,tmin_c,prcp_mm,vpd_pa,srad_w_m2"));
        var r = StationRecordReader.Read(p, Somewhere, "test");
        Assert.NotNull(r.Vpd); Assert.NotNull(r.Srad);
        var y = StationGaps.Take(r, 2001, 2001, 0, "tol");
        var met = StationWeather.ForPlace([y], 40, 116, 50, [2001], 0.0065);
        Assert.Equal(y.Vpd, met.Vpd);
        Assert.All(met.Srad, s => Assert.Equal(200, s, 12));
    }

    [Theory]
    [InlineData("date,tmax,tmin,prcp\n2001-01-01,1,0,0\n", null, "line 1 (header): got 'date,tmax,tmin,prcp', expected a GHCN-Daily CSV header")]
    [InlineData("date,tmax_c,tmin_c,prcp_mm\n2001-01-01,1,0,0\n", null, "test: got 'no latitude/longitude/elevation_m', expected the station's latitude, longitude and elevation_m")]
    [InlineData("date,tmax_c,tmin_c,prcp_mm\n2001-01-01,1,0,0\n01/02/2001,1,0,0\n", "p", "line 3, column 'date': got '01/02/2001', expected a date YYYY-MM-DD")]
    [InlineData("date,tmax_c,tmin_c,prcp_mm\n2001-01-02,1,0,0\n2001-01-01,1,0,0\n", "p", "line 3, column 'date': got '2001-01-01', expected a date after 2001-01-02 (dates strictly ascending)")]
    [InlineData("date,tmax_c,tmin_c,prcp_mm\n2001-01-01,1,3,0\n", "p", "line 2 (2001-01-01): got 'Tmin 3 °C above Tmax 1 °C', expected Tmin <= Tmax")]
    [InlineData("date,tmax_c,tmin_c,prcp_mm\n2001-01-01,1,0,-2\n", "p", "line 2, column 'prcp_mm': got '-2', expected a daily total in mm in [0, 2000] or blank (missing)")]
    public void Bad_plain_records_name_file_place_value_and_expectation(string text, string? place, string expected)
    {
        var p = Scratch("bad.csv", text);
        var e = Assert.Throws<InvalidInputException>(() => StationRecordReader.Read(p, place is null ? null : Somewhere, "test"));
        Assert.StartsWith(p + ": ", e.Message);
        Assert.Contains(expected, e.Message);
        Assert.DoesNotContain("\n", e.Message);
    }

    [Fact]
    public void Ghcn_file_with_coordinates_in_the_scenario_is_an_error()
    {
        var e = Assert.Throws<InvalidInputException>(() => StationRecordReader.Read(BeijingPath, Somewhere, "climate.stations[0] (line 3)"));
        Assert.Equal($"{BeijingPath}: climate.stations[0] (line 3): got 'latitude/longitude/elevation_m', expected no coordinates in the scenario for a GHCN-Daily file (they come from its LATITUDE, LONGITUDE and ELEVATION columns)", e.Message);
    }

    [Fact]
    public void Calendar_years_pick_record_years_error_past_the_end_or_cycle()
    {
        Assert.Equal([1960, 1961, 1962, 1957, 1958, 1959], RecordCalendar.MetYearOrder(1960, 1962, 1957));
        Assert.Equal([2000, 2001], RecordCalendar.RecordYears([2000, 2001], 1951, 2012, BeyondRecord.Error, "s.yaml", "years"));
        var e = Assert.Throws<InvalidInputException>(() => RecordCalendar.RecordYears([2010, 2011, 2012, 2013], 1951, 2012, BeyondRecord.Error, "s.yaml", "years"));
        Assert.Equal("s.yaml: years: got 'years 2010–2013', expected years inside the station record 1951–2012 (or 'climate.beyond_record: cycle' to cycle the record)", e.Message);
        // Cycled: 2013 → 1951, 1950 → 2012, 1850 → 1951 + (−101 mod 62) = 1974.
        Assert.Equal([2012, 1951, 2012, 1974], RecordCalendar.RecordYears([2012, 2013, 1950, 1850], 1951, 2012, BeyondRecord.Cycle, "s.yaml", "years"));
    }
}
