using System.Globalization;

namespace CarbonSim.Model.Climate;

/// <summary>A climate zone's place: where and how high its weather is wanted.</summary>
/// <param name="Latitude">[degrees N] Mean latitude of the zone's cells.</param>
/// <param name="Longitude">[degrees E] Mean longitude of the zone's cells.</param>
/// <param name="ElevationM">[m] Zone elevation, or null = the stations' weighted elevation.</param>
public sealed record ZonePlace(string Key, string Name, double Latitude, double Longitude, double? ElevationM);

/// <summary>The met series of one zone built from station records, and where it came from.</summary>
/// <param name="ElevationM">[m] Elevation the temperatures were brought to.</param>
public sealed record StationZone(string Key, MetSeries Met, double ElevationM, string Source);

/// <summary>
/// Station records → climate zones (docs/data.md "Station daily records"): reads every record, picks the record years the
/// run's calendar years use (<see cref="RecordCalendar"/>), fills short gaps (<see cref="StationGaps"/>) and weights the
/// stations to each zone's place (<see cref="StationWeather"/>).
/// </summary>
public static class StationZones
{
    /// <param name="scenarioFile">Scenario file, named by the calendar error.</param>
    public static IReadOnlyList<StationZone> Build(IReadOnlyList<StationSpec> specs, int start, int end, int? historyStart,
        BeyondRecord beyond, int maxGapDays, double lapseRateKPerM, IReadOnlyList<ZonePlace> zones, string scenarioFile)
    {
        var records = specs.Select(s => StationRecordReader.Read(s.Path, s.Place, s.Key)).ToList();
        // The common record: every station's chosen years, intersected.
        int first = int.MinValue, last = int.MaxValue;
        for (int i = 0; i < specs.Count; i++)
        {
            var (f, l) = specs[i].Years ?? (records[i].FirstYear, records[i].LastYear);
            if (f < records[i].FirstYear || l > records[i].LastYear)
                throw new InvalidInputException(scenarioFile, specs[i].Key + " years", $"{f}–{l}", $"years inside the file's dates {records[i].FirstYear}–{records[i].LastYear} ({specs[i].Path})");
            first = Math.Max(first, f); last = Math.Min(last, l);
        }
        if (first > last)
            throw new InvalidInputException(scenarioFile, "climate.stations", "records without a common year", "station records sharing at least one calendar year");
        var metYears = RecordCalendar.MetYearOrder(start, end, historyStart);
        var recordYears = RecordCalendar.RecordYears(metYears, first, last, beyond, scenarioFile,
            historyStart is null ? "years" : "years and history.start_year");
        int usedFirst = recordYears.Min(), usedLast = recordYears.Max();
        var taken = records.Select(r => StationGaps.Take(r, usedFirst, usedLast, maxGapDays, "climate.max_gap_days")).ToList();
        var inv = CultureInfo.InvariantCulture;
        var names = string.Join(", ", records.Select(r => $"{r.Id} ({Path.GetFileName(r.Path)})"));
        var calendar = recordYears.SequenceEqual(metYears) ? "calendar years as simulated" : $"record {first}–{last} cycled";
        var result = new List<StationZone>(zones.Count);
        foreach (var z in zones)
        {
            var w = StationWeather.Weights(records, z.Latitude, z.Longitude);
            double elev = z.ElevationM ?? StationWeather.WeightedElevationM(records, w);
            var met = StationWeather.ForPlace(taken, z.Latitude, z.Longitude, elev, recordYears, lapseRateKPerM);
            var source = string.Format(inv, "station records {0}: years {1}–{2} ({3}), {4} filled gap days; {5}; elevation {6:0} m, lapse {7:0.##} K/km",
                names, usedFirst, usedLast, calendar, taken.Sum(t => t.FilledDays),
                records.Count == 1 ? "one station" : "inverse-distance-squared weights " + string.Join("/", w.Select(x => x.ToString("0.00", inv))),
                elev, lapseRateKPerM * 1000);
            result.Add(new StationZone(z.Key, met, elev, source));
        }
        return result;
    }
}
