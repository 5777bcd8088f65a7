using System.Globalization;
using CarbonSim.Model.Io.BiomeBgc;
using CarbonSim.Model.Io.Formats;
using CarbonSim.Model.Management;

namespace CarbonSim.Model.Scenarios;

/// <summary>
/// Reads a crop-calendar CSV (docs/management.md): one row per crop season, grouped into rotations
/// by the <c>rotation</c> column. Every rotation becomes a vegetation type of that name whose
/// parameters are its first crop's .epc with <see cref="Parameters.EcophysParameters.Management"/>
/// set. Units in the file: days of year 1–365, kg C ha-1 (seed), kg N ha-1 (fertiliser), mm
/// (irrigation); converted here to the kernel's kg m-2 and 0-based days. A malformed row throws
/// <see cref="InvalidInputException"/> naming file, line, column, value and expectation.
/// </summary>
public static class CropCalendarReader
{
    public static readonly string[] Columns =
        ["rotation", "crop", "epc", "sow_doy", "harvest_doy", "harvest_index", "residue_return", "seed_kg_c_ha",
         "fertiliser_kg_n_ha", "fertiliser_release_days", "irrigation_mm", "irrigation_trigger", "grain_moisture"];

    /// <summary>[kg m-2 per kg ha-1] Area conversion.</summary>
    const double PerHectare = 1e-4;

    /// <summary>Rotations of the file, by name, each with its seasons in file order.</summary>
    public static IReadOnlyDictionary<string, CropRotation> Read(string path)
    {
        var table = CsvTable.Read(path, Columns);
        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var epcCache = new Dictionary<string, Parameters.EcophysParameters>(StringComparer.Ordinal);
        var seasons = new Dictionary<string, List<(CropSeason Season, CsvRow Row)>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var row in table.Rows)
        {
            var rotation = row.RequireText("rotation");
            if (!rotation.All(c => char.IsAsciiLetterOrDigit(c) || c == '_' || c == '-'))
                throw new InvalidInputException(row.File, row.Place("rotation"), rotation, "a name of letters, digits, '_' or '-'");
            var crop = row.RequireText("crop");
            var epcRel = row.RequireText("epc");
            var epcPath = Path.GetFullPath(Path.Combine(dir, epcRel));
            if (!File.Exists(epcPath))
                throw new InvalidInputException(row.File, row.Place("epc"), epcRel, $"an existing .epc file (looked for {epcPath})");
            if (!epcCache.TryGetValue(epcPath, out var epc))
                epcCache[epcPath] = epc = Path.GetExtension(epcPath).ToLowerInvariant() is ".yaml" or ".yml" ? EpcYaml.Read(epcPath) : EpcReader.Read(epcPath);
            if (epc.Woody || epc.Evergreen || epc.AllocCurrentGrowth != 1.0)
                throw new InvalidInputException(row.File, row.Place("epc"), epcRel, "a non-woody, deciduous crop .epc with current growth proportion 1 (crops store nothing for next year)");
            int sow = row.Integer("sow_doy", 1, 365) - 1;
            int harvest = row.Integer("harvest_doy", 1, 365) - 1;
            if (sow == harvest)
                throw new InvalidInputException(row.File, row.Place("harvest_doy"), (harvest + 1).ToString(CultureInfo.InvariantCulture), "a harvest day other than the sowing day");
            var season = new CropSeason(
                crop, epc, sow, harvest,
                HarvestIndex: row.Number("harvest_index", 0.0, 1.0),
                ResidueReturn: row.Number("residue_return", 0.0, 1.0),
                SeedC: row.Number("seed_kg_c_ha", 0.0, 1000.0) * PerHectare,
                Fertiliser: Events(row, "fertiliser_kg_n_ha", 0.0, 1000.0, PerHectare, sow, harvest),
                FertiliserReleaseDays: row.Integer("fertiliser_release_days", 1, 365),
                Irrigation: Events(row, "irrigation_mm", 0.0, 500.0, 1.0, sow, harvest),
                IrrigationTrigger: row.Number("irrigation_trigger", 0.0, 2.0),
                GrainMoisture: row.Number("grain_moisture", 0.0, 0.5));
            if (!seasons.TryGetValue(rotation, out var list)) { seasons[rotation] = list = []; order.Add(rotation); }
            list.Add((season, row));
        }
        if (order.Count == 0) throw new InvalidInputException(path, "file", "no rows", "at least one crop season");
        var result = new Dictionary<string, CropRotation>(StringComparer.Ordinal);
        foreach (var name in order)
        {
            var list = seasons[name];
            var rotation = new CropRotation(name, list.Select(x => x.Season).ToArray());
            try { _ = new CropCalendar(rotation); }
            catch (InvalidInputException e)
            {
                var row = list[^1].Row;
                throw new InvalidInputException(row.File, $"line {row.Line} (rotation '{name}')", e.Value, e.Expected);
            }
            result[name] = rotation;
        }
        return result;
    }

    /// <summary>
    /// Events "doy:amount;doy:amount" (empty = none), each day within the season
    /// [<paramref name="sow"/>, <paramref name="harvest"/>], amounts in [min, max] × <paramref name="scale"/>.
    /// </summary>
    static IReadOnlyList<ManagementEvent> Events(CsvRow row, string column, double min, double max, double scale, int sow, int harvest)
    {
        var text = row.Text(column);
        if (text.Length == 0) return [];
        var list = new List<ManagementEvent>();
        int length = CropCalendar.DaysFrom(sow, harvest) + 1;
        foreach (var part in text.Split(';'))
        {
            var kv = part.Split(':');
            if (kv.Length != 2
                || !int.TryParse(kv[0].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int doy) || doy is < 1 or > 365
                || !double.TryParse(kv[1].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double amount) || !double.IsFinite(amount)
                || amount < min || amount > max)
                throw new InvalidInputException(row.File, row.Place(column), part,
                    $"events 'day:amount' separated by ';' (day of year 1-365, amount in [{min.ToString(CultureInfo.InvariantCulture)}, {max.ToString(CultureInfo.InvariantCulture)}])");
            if (CropCalendar.DaysFrom(sow, doy - 1) >= length)
                throw new InvalidInputException(row.File, row.Place(column), part, $"a day within the season, from sowing (day {sow + 1}) to harvest (day {harvest + 1})");
            list.Add(new ManagementEvent(doy - 1, amount * scale));
        }
        return list;
    }
}
