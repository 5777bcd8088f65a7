using System.Globalization;
using CarbonSim.Model.Io.Formats;

namespace CarbonSim.Model.Climate;

/// <summary>
/// A station's daily record as read, one entry per calendar date from <see cref="FirstDate"/> on (leap days
/// included); a missing value is NaN. Formats (docs/data.md "Station daily records"): the GHCN-Daily CSV as
/// NOAA NCEI distributes it, and the plain CSV <c>date,tmax_c,tmin_c,prcp_mm[,vpd_pa,srad_w_m2]</c>.
/// </summary>
/// <param name="Path">File the record was read from (errors name it).</param>
/// <param name="Latitude">[degrees N] Station latitude.</param>
/// <param name="Longitude">[degrees E] Station longitude.</param>
/// <param name="ElevationM">[m] Station elevation.</param>
/// <param name="Tmax">[°C] Daily maximum air temperature by date.</param>
/// <param name="Tmin">[°C] Daily minimum air temperature by date.</param>
/// <param name="Prcp">[kg m-2 d-1] (= mm d-1) Daily precipitation by date.</param>
/// <param name="Vpd">[Pa] Daylight-mean vapour pressure deficit by date, or null when the file has none.</param>
/// <param name="Srad">[W m-2] Daylight-mean shortwave radiation by date, or null when the file has none.</param>
public sealed record StationRecord(string Path, string Id, double Latitude, double Longitude, double ElevationM, DateOnly FirstDate,
    double[] Tmax, double[] Tmin, double[] Prcp, double[]? Vpd, double[]? Srad)
{
    /// <summary>First calendar year with a date in the file.</summary>
    public int FirstYear => FirstDate.Year;
    /// <summary>Last calendar year with a date in the file.</summary>
    public int LastYear => FirstDate.AddDays(Tmax.Length - 1).Year;
}

/// <summary>Station coordinates given in the scenario (required for the plain CSV, which carries none).</summary>
public sealed record StationPlace(double Latitude, double Longitude, double ElevationM);

/// <summary>Reads station daily records (GHCN-Daily CSV or the plain CSV), detected from the header.</summary>
public static class StationRecordReader
{
    /// <summary>Columns of the plain CSV (docs/data.md).</summary>
    public static IReadOnlyList<string> PlainColumns { get; } = ["date", "tmax_c", "tmin_c", "prcp_mm"];

    /// <summary>True when the header is GHCN-Daily's (STATION, DATE, … columns).</summary>
    public static bool IsGhcn(CsvTable t) => t.HasColumn("STATION") && t.HasColumn("DATE");

    /// <summary>
    /// Reads a record. <paramref name="place"/> gives the coordinates of a plain CSV (GHCN files carry their own;
    /// passing them for a GHCN file is an error so two sources cannot disagree silently). <paramref name="key"/>
    /// is the scenario place of the station entry, for messages.
    /// </summary>
    public static StationRecord Read(string path, StationPlace? place, string key)
    {
        var t = CsvTable.Read(path);
        if (IsGhcn(t))
        {
            if (place is not null)
                throw new InvalidInputException(path, key, "latitude/longitude/elevation_m", "no coordinates in the scenario for a GHCN-Daily file (they come from its LATITUDE, LONGITUDE and ELEVATION columns)");
            return ReadGhcn(t);
        }
        foreach (var c in PlainColumns)
            if (!t.HasColumn(c))
                throw new InvalidInputException(path, "line 1 (header)", string.Join(",", t.Header),
                    "a GHCN-Daily CSV header (STATION, DATE, …) or the plain header date,tmax_c,tmin_c,prcp_mm[,vpd_pa,srad_w_m2]");
        if (place is null)
            throw new InvalidInputException(path, key, "no latitude/longitude/elevation_m", "the station's latitude, longitude and elevation_m in the scenario (a plain CSV carries none)");
        return ReadPlain(t, place);
    }

    private static StationRecord ReadGhcn(CsvTable t)
    {
        foreach (var c in new[] { "LATITUDE", "LONGITUDE", "ELEVATION", "TMAX", "TMIN", "PRCP" })
            if (!t.HasColumn(c))
                throw new InvalidInputException(t.File, "line 1 (header)", string.Join(",", t.Header), $"a GHCN-Daily column named '{c}'");
        if (t.Rows.Count == 0) throw new InvalidInputException(t.File, "rows", "none", "at least one daily row");
        var first = t.Rows[0];
        double lat = first.Number("LATITUDE", -90, 90), lon = first.Number("LONGITUDE", -180, 180), elev = first.Number("ELEVATION", -500, 9000);
        string id = first.Text("STATION").Trim();
        bool attrs = t.HasColumn("TMAX_ATTRIBUTES");
        // GHCN-Daily units: tenths of °C and tenths of mm. A value with a quality flag (second attribute) failed
        // a NCEI check and counts as missing.
        return Collect(t, "DATE", lat, lon, elev, id,
            r => Ghcn(r, "TMAX", attrs, 0.1, -70, 60), r => Ghcn(r, "TMIN", attrs, 0.1, -80, 50), r => Ghcn(r, "PRCP", attrs, 0.1, 0, 2000), null, null);
    }

    private static double Ghcn(CsvRow r, string column, bool attrs, double scale, double min, double max)
    {
        if (r.IsBlank(column)) return double.NaN;
        if (attrs && r.Text(column + "_ATTRIBUTES") is { Length: > 0 } a)
        {
            var parts = a.Split(',');
            if (parts.Length > 1 && parts[1].Trim().Length > 0) return double.NaN;
        }
        double v = r.Number(column, min / scale, max / scale, $"a GHCN-Daily value in tenths, in [{min / scale}, {max / scale}]");
        return v * scale;
    }

    private static StationRecord ReadPlain(CsvTable t, StationPlace place)
    {
        bool hasVpd = t.HasColumn("vpd_pa"), hasSrad = t.HasColumn("srad_w_m2");
        static double Opt(CsvRow r, string c, double min, double max, string what) =>
            r.IsBlank(c) ? double.NaN : r.Number(c, min, max, what);
        return Collect(t, "date", place.Latitude, place.Longitude, place.ElevationM, System.IO.Path.GetFileNameWithoutExtension(t.File),
            r => Opt(r, "tmax_c", -70, 60, "a temperature in °C in [-70, 60] or blank (missing)"),
            r => Opt(r, "tmin_c", -80, 50, "a temperature in °C in [-80, 50] or blank (missing)"),
            r => Opt(r, "prcp_mm", 0, 2000, "a daily total in mm in [0, 2000] or blank (missing)"),
            hasVpd ? r => Opt(r, "vpd_pa", 0, 20000, "a vapour pressure deficit in Pa in [0, 20000] or blank") : null,
            hasSrad ? r => Opt(r, "srad_w_m2", 0, 1500, "a daylight-mean radiation in W m-2 in [0, 1500] or blank") : null);
    }

    private static StationRecord Collect(CsvTable t, string dateColumn, double lat, double lon, double elev, string id,
        Func<CsvRow, double> tmax, Func<CsvRow, double> tmin, Func<CsvRow, double> prcp, Func<CsvRow, double>? vpd, Func<CsvRow, double>? srad)
    {
        if (t.Rows.Count == 0) throw new InvalidInputException(t.File, "rows", "none", "at least one daily row");
        var dates = new DateOnly[t.Rows.Count];
        for (int i = 0; i < dates.Length; i++)
        {
            var r = t.Rows[i];
            var text = r.Text(dateColumn).Trim();
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out dates[i]))
                throw new InvalidInputException(t.File, r.Place(dateColumn), text, "a date YYYY-MM-DD");
            if (i > 0 && dates[i] <= dates[i - 1])
                throw new InvalidInputException(t.File, r.Place(dateColumn), text, $"a date after {dates[i - 1]:yyyy-MM-dd} (dates strictly ascending)");
        }
        var firstDate = dates[0];
        int n = dates[^1].DayNumber - firstDate.DayNumber + 1;
        double[] Nan() { var a = new double[n]; Array.Fill(a, double.NaN); return a; }
        double[] hi = Nan(), lo = Nan(), p = Nan();
        double[]? v = vpd is null ? null : Nan(), s = srad is null ? null : Nan();
        for (int i = 0; i < dates.Length; i++)
        {
            var r = t.Rows[i];
            int k = dates[i].DayNumber - firstDate.DayNumber;
            hi[k] = tmax(r); lo[k] = tmin(r); p[k] = prcp(r);
            if (v is not null) v[k] = vpd!(r);
            if (s is not null) s[k] = srad!(r);
            if (lo[k] > hi[k])
                throw new InvalidInputException(t.File, $"line {r.Line} ({dates[i]:yyyy-MM-dd})", $"Tmin {lo[k].ToString(CultureInfo.InvariantCulture)} °C above Tmax {hi[k].ToString(CultureInfo.InvariantCulture)} °C", "Tmin <= Tmax");
        }
        return new StationRecord(t.File, id, lat, lon, elev, firstDate, hi, lo, p, v, s);
    }
}

/// <summary>One entry of <c>climate.stations</c>.</summary>
/// <param name="Path">Full path of the record (GHCN-Daily CSV or plain CSV).</param>
/// <param name="Place">Coordinates from the scenario (plain CSV only), or null.</param>
/// <param name="Years">Record years to use (first, last), or null = every year of the file.</param>
/// <param name="Key">Scenario place of the entry, for messages (e.g. <c>climate.stations[0] (line 21)</c>).</param>
public sealed record StationSpec(string Path, StationPlace? Place, (int First, int Last)? Years, string Key);
