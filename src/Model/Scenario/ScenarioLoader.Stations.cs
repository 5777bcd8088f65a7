using System.Collections.Immutable;
using System.Globalization;
using CarbonSim.Model.Climate;
using YamlDotNet.RepresentationModel;

namespace CarbonSim.Model.Scenarios;

/// <summary>The <c>climate.stations</c> mode (station daily records; docs/scenario.md, docs/data.md "Station daily records").</summary>
public static partial class ScenarioLoader
{
    private static ClimateSpec ReadStationClimate(YamlMap m, string dir)
    {
        var seq = m.OptionalSequence("stations")!;
        var list = ImmutableArray.CreateBuilder<StationSpec>();
        for (int i = 0; i < seq.Children.Count; i++)
        {
            var node = seq.Children[i];
            string key = $"{m.KeyPath("stations")}[{i}]";
            if (node is not YamlMappingNode map)
                throw new InvalidInputException(m.File, YamlMap.Place(key, node), YamlMap.Describe(node), "a mapping {path, years (optional), latitude/longitude/elevation_m (plain CSV)}");
            var s = new YamlMap(m.File, key, map);
            var path = ExistingFile(s, "path", dir, "an existing station record (GHCN-Daily CSV or plain CSV date,tmax_c,tmin_c,prcp_mm)");
            int coords = (s.Has("latitude") ? 1 : 0) + (s.Has("longitude") ? 1 : 0) + (s.Has("elevation_m") ? 1 : 0);
            if (coords is 1 or 2)
                throw new InvalidInputException(m.File, YamlMap.Place(key, node), $"{coords} of latitude/longitude/elevation_m", "all three or none");
            StationPlace? place = coords == 3
                ? new StationPlace(s.Number("latitude", null, -90, 90, "degrees in [-90, 90]"), s.Number("longitude", null, -180, 180, "degrees in [-180, 180]"),
                    s.Number("elevation_m", null, -500, 9000, "an elevation in m, in [-500, 9000]"))
                : null;
            (int, int)? years = null;
            if (s.OptionalSequence("years") is { } ys)
            {
                var place1 = YamlMap.Place(s.KeyPath("years"), ys);
                if (ys.Children.Count != 2 || ys.Children.Any(c => c is not YamlScalarNode))
                    throw new InvalidInputException(m.File, place1, $"{ys.Children.Count} items", "[first, last] record years");
                var v = ys.Children.Select(c => int.TryParse(((YamlScalarNode)c).Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var y) ? y : int.MinValue).ToArray();
                if (v.Any(y => y < 1000 || y > 3000) || v[1] < v[0])
                    throw new InvalidInputException(m.File, place1, string.Join(", ", ys.Children.Select(YamlMap.Describe)), "[first, last] calendar years in [1000, 3000], first <= last");
                years = (v[0], v[1]);
            }
            s.RejectUnknownKeys();
            list.Add(new StationSpec(path, place, years, YamlMap.Place(key, node)));
        }
        if (list.Count == 0) throw new InvalidInputException(m.File, m.Place("stations"), "an empty list", "at least one station");
        var beyondText = m.OptionalString("beyond_record", "'error' or 'cycle'") ?? "error";
        var beyond = beyondText switch
        {
            "error" => BeyondRecord.Error,
            "cycle" => BeyondRecord.Cycle,
            _ => throw new InvalidInputException(m.File, m.Place("beyond_record"), beyondText, "'error' (default: years outside the record are an error) or 'cycle'"),
        };
        var elev = ImmutableSortedDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        if (m.OptionalMap("zone_elevation_m") is { } ze)
        {
            foreach (var (zone, _, _) in ze.Entries().ToList())
                elev[zone] = ze.Number(zone, null, -500, 9000, "an elevation in m, in [-500, 9000]");
            ze.RejectUnknownKeys();
        }
        return new ClimateSpec
        {
            Stations = list.ToImmutable(),
            BeyondRecord = beyond,
            MaxGapDays = (int)m.Integer("max_gap_days", 5, 0, 31, "a number of days in [0, 31]"),
            LapseRateKPerM = m.Number("lapse_rate_k_per_km", 6.5, 0, 15, "a lapse rate in K per km, in [0, 15]") / 1000.0,
            ZoneElevationM = elev.ToImmutable(),
        };
    }
}
