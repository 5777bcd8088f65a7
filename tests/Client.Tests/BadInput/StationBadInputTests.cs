using CarbonSim.Client.Tests.Cli;
using CarbonSim.Client.Tests.EndToEnd;

namespace CarbonSim.Client.Tests.BadInput;

/// <summary>
/// Bad station-weather inputs (issue #13) through <c>carbonsim validate</c> and <c>carbonsim run</c> in process: exit 2,
/// one stderr line naming file, place, value and expectation, nothing on stdout, no output folder. The tiny baseline
/// (13 cities, 50 km, 2020–2022, history from 1850) with its climate section replaced by <c>stations</c>.
/// </summary>
public class StationBadInputTests
{
    const string NormalsLine = "  normals: {0}jjj/climate_normals.csv    # monthly normals per city -> weather generator\n  seed: 7\n";
    static readonly string Beijing = BadInputWorkspace.Data("weather", "beijing", "CHM00054511.csv");

    /// <summary>The tiny baseline with <paramref name="climate"/> instead of the normals and seed lines.</summary>
    static string WithStations(BadInputWorkspace w, string climate) =>
        w.Scenario(string.Format(NormalsLine, Path.Combine(CliProcess.RepoRoot, "data") + "/"), climate);

    /// <summary>A plain CSV of 2001 (365 days) whose day <paramref name="i"/> is <paramref name="row"/>(i).</summary>
    static string Plain(BadInputWorkspace w, Func<int, string> row, string header = "date,tmax_c,tmin_c,prcp_mm")
    {
        var lines = new List<string> { header };
        for (int i = 0; i < 365; i++) lines.Add($"{new DateOnly(2001, 1, 1).AddDays(i):yyyy-MM-dd},{row(i)}");
        return w.Write("station.csv", string.Join("\n", lines) + "\n");
    }

    static string PlainEntry(string path) => $"  stations:\n    - {{path: {path}, latitude: 39.9, longitude: 116.3, elevation_m: 55}}\n  beyond_record: cycle\n";

    static readonly Dictionary<string, Func<BadInputWorkspace, (string Scenario, string[] Expect)>> Cases = new()
    {
        ["past_record_end"] = w =>
        {
            var s = WithStations(w, $"  stations:\n    - {{path: {Beijing}, years: [1951, 2012]}}\n");
            return (s, [s + ": years and history.start_year: got 'years 1850–2022', expected years inside the station record 1951–2012 (or 'climate.beyond_record: cycle' to cycle the record)"]);
        },
        ["gap_past_tolerance"] = w =>
        {
            var p = Plain(w, i => i is >= 10 and < 20 ? ",," : "10,0,0");
            return (WithStations(w, PlainEntry(p)), [p + ": TMAX 2001-01-11..2001-01-20: got '10 missing days', expected gaps of at most 5 days (climate.max_gap_days) in the years used, 2001–2001"]);
        },
        ["plain_without_coordinates"] = w =>
        {
            var p = Plain(w, _ => "10,0,0");
            return (WithStations(w, $"  stations:\n    - {{path: {p}}}\n  beyond_record: cycle\n"),
                [p + ": climate.stations[0] (line 54): got 'no latitude/longitude/elevation_m', expected the station's latitude, longitude and elevation_m in the scenario"]);
        },
        ["bad_date"] = w =>
        {
            var p = w.Write("station.csv", "date,tmax_c,tmin_c,prcp_mm\n2001-01-01,10,0,0\n2001-13-02,10,0,0\n");
            return (WithStations(w, PlainEntry(p)), [p + ": line 3, column 'date': got '2001-13-02', expected a date YYYY-MM-DD"]);
        },
        ["tmin_above_tmax"] = w =>
        {
            var p = Plain(w, i => i == 40 ? "5,7,0" : "10,0,0");
            return (WithStations(w, PlainEntry(p)), [p + ": line 42 (2001-02-10): got 'Tmin 7 °C above Tmax 5 °C', expected Tmin <= Tmax"]);
        },
        ["unknown_beyond_record"] = w =>
        {
            var s = WithStations(w, $"  stations:\n    - {{path: {Beijing}}}\n  beyond_record: wrap\n");
            return (s, [s + ": climate.beyond_record (line 55): got 'wrap', expected 'error' (default: years outside the record are an error) or 'cycle'"]);
        },
        ["years_outside_the_file"] = w =>
        {
            var s = WithStations(w, $"  stations:\n    - {{path: {Beijing}, years: [1900, 2012]}}\n  beyond_record: cycle\n");
            return (s, [s + ": climate.stations[0] (line 54) years: got '1900–2012', expected years inside the file's dates 1945–2025"]);
        },
        ["normals_and_stations"] = w =>
        {
            var s = w.Scenario("  seed: 7\n", $"  seed: 7\n  stations:\n    - {{path: {Beijing}}}\n");
            return (s, [s + ": climate (line 53): got '2 of normals/met_files/stations', expected exactly one of 'normals'"]);
        },
        ["unreadable_header"] = w =>
        {
            var p = w.Write("station.csv", "day,max,min,rain\n2001-01-01,10,0,0\n");
            return (WithStations(w, PlainEntry(p)), [p + ": line 1 (header): got 'day,max,min,rain', expected a GHCN-Daily CSV header (STATION, DATE, …) or the plain header date,tmax_c,tmin_c,prcp_mm[,vpd_pa,srad_w_m2]"]);
        },
    };

    public static TheoryData<string> Names() => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void Validate_rejects(string name)
    {
        using var w = new BadInputWorkspace();
        var (scenario, expect) = Cases[name](w);
        var r = InProcessCli.Run("validate", scenario);
        AssertOneLineError(r.ExitCode, r.Stdout, r.Stderr, "carbonsim validate: ", expect);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Run_rejects_and_writes_nothing(string name)
    {
        using var w = new BadInputWorkspace();
        var (scenario, expect) = Cases[name](w);
        var before = Directory.GetFileSystemEntries(w.Dir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        var outDir = Path.Combine(w.Dir, "out");
        var r = await InProcessCli.RunAsync("run", scenario, "--out", outDir);
        AssertOneLineError(r.ExitCode, r.Stdout, r.Stderr, "carbonsim run: ", expect);
        Assert.False(Directory.Exists(outDir));
        Assert.Equal(before, Directory.GetFileSystemEntries(w.Dir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray());
    }

    static void AssertOneLineError(int code, string stdout, string stderr, string prefix, string[] expect)
    {
        Assert.True(code == 2, $"exit code {code}, expected 2 (bad input); stderr: {stderr}");
        Assert.True(stdout.Trim().Length == 0, "stdout should be empty on bad input, got: " + stdout);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
        Assert.True(lines.Count == 1, $"stderr should be one line, got {lines.Count}:\n{stderr}");
        Assert.StartsWith(prefix, lines[0]);
        foreach (var s in expect) Assert.True(lines[0].Contains(s, StringComparison.Ordinal), $"stderr line lacks '{s}':\n{lines[0]}");
    }
}
