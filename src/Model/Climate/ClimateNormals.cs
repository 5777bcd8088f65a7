using CarbonSim.Model.Io.Formats;
using System.Collections.Immutable;
using System.Globalization;
using CarbonSim.Model.Scenarios;

namespace CarbonSim.Model.Climate;

/// <summary>Monthly climate normals of one station (the city's CMA station).</summary>
/// <param name="Latitude">[degrees N] Station latitude.</param>
/// <param name="Longitude">[degrees E] Station longitude.</param>
/// <param name="ElevationM">[m] Station elevation.</param>
/// <param name="TmaxC">[°C] Mean daily maximum per month (12 values).</param>
/// <param name="TminC">[°C] Mean daily minimum per month.</param>
/// <param name="PrcpMm">[kg m-2 month-1] (= mm) Monthly precipitation total.</param>
/// <param name="Measured">True when the values were read from the file; false when derived by <see cref="NormalsFiller"/>.</param>
/// <param name="Source">Where the values come from.</param>
public sealed record StationNormals(string CityId, string City, string Station, double Latitude, double Longitude, double ElevationM,
    ImmutableArray<double> TmaxC, ImmutableArray<double> TminC, ImmutableArray<double> PrcpMm, bool Measured, string Source)
{
    /// <summary>[°C] Annual mean of (Tmax + Tmin) / 2 weighted by month length.</summary>
    public double AnnualMeanC
    {
        get
        {
            double s = 0;
            for (int m = 0; m < 12; m++) s += (TmaxC[m] + TminC[m]) / 2 * Calendar365.MonthDays[m];
            return s / 365.0;
        }
    }

    /// <summary>[kg m-2 a-1] Annual precipitation.</summary>
    public double AnnualPrcpMm => PrcpMm.Sum();
}

/// <summary>The 365-day calendar used everywhere (no leap days).</summary>
public static class Calendar365
{
    /// <summary>[d] Days per month.</summary>
    public static ImmutableArray<int> MonthDays { get; } = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    /// <summary>[d] Yearday (0-based) of each month's first day.</summary>
    public static ImmutableArray<int> MonthStart { get; } = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

    /// <summary>Month (0–11) of a 0-based day of year.</summary>
    public static int MonthOf(int day0)
    {
        int m = 11;
        while (MonthStart[m] > day0) m--;
        return m;
    }
}

/// <summary>
/// Reads monthly normals in the long layout of data/jjj/climate_normals.csv (one row per city and month:
/// city_id, city, station, station_lat, station_lon, station_elev_m, month, tmax_c, tmin_c, prcp_mm, …).
/// A city must have all 12 months filled (measured) or all 12 blank (to be derived); anything between is an error.
/// </summary>
public static class ClimateNormals
{
    public static ImmutableArray<StationNormals> Read(string path)
    {
        var t = CsvTable.Read(path, "city_id", "city", "station", "station_lat", "station_lon", "station_elev_m", "month", "tmax_c", "tmin_c", "prcp_mm");
        bool hasSource = t.Header.Contains("source"), hasStatus = t.Header.Contains("status");
        var byCity = new SortedDictionary<string, List<CsvRow>>(StringComparer.Ordinal);
        foreach (var r in t.Rows)
        {
            var id = r.RequireText("city_id");
            if (!byCity.TryGetValue(id, out var list)) byCity[id] = list = [];
            list.Add(r);
        }
        var result = ImmutableArray.CreateBuilder<StationNormals>();
        foreach (var (id, rows) in byCity)
        {
            var first = rows[0];
            var months = new CsvRow?[12];
            foreach (var r in rows)
            {
                int m = r.Integer("month", 1, 12);
                if (months[m - 1] is not null)
                    throw new InvalidInputException(path, r.Place("month"), m.ToString(CultureInfo.InvariantCulture), $"each month once for city {id}");
                months[m - 1] = r;
            }
            for (int m = 0; m < 12; m++)
                if (months[m] is null)
                    throw new InvalidInputException(path, $"city {id}", $"no row for month {m + 1}", "12 monthly rows per city");
            int filled = months.Count(r => !r!.IsBlank("tmax_c") || !r.IsBlank("tmin_c") || !r.IsBlank("prcp_mm"));
            double lat = first.Number("station_lat", -90, 90), lon = first.Number("station_lon", -180, 180);
            double elev = first.Number("station_elev_m", -500, 9000);
            string station = first.Text("station"), city = first.Text("city");
            if (filled == 0)
            {
                result.Add(new StationNormals(id, city, station, lat, lon, elev, [], [], [], false, "missing"));
                continue;
            }
            var tmax = new double[12]; var tmin = new double[12]; var prcp = new double[12];
            for (int m = 0; m < 12; m++)
            {
                var r = months[m]!;
                tmax[m] = r.Number("tmax_c", -60, 60, "a temperature in °C in [-60, 60] (all 12 months or none)");
                tmin[m] = r.Number("tmin_c", -70, 50, "a temperature in °C in [-70, 50] (all 12 months or none)");
                prcp[m] = r.Number("prcp_mm", 0, 3000, "a monthly total in mm in [0, 3000] (all 12 months or none)");
                if (tmin[m] > tmax[m])
                    throw new InvalidInputException(path, r.Place("tmin_c"), tmin[m].ToString(CultureInfo.InvariantCulture), $"a value <= tmax_c ({tmax[m].ToString(CultureInfo.InvariantCulture)})");
            }
            var source = (hasSource ? first.Text("source") : "") + (hasStatus ? $" [{first.Text("status")}]" : "");
            result.Add(new StationNormals(id, city, station, lat, lon, elev, [.. tmax], [.. tmin], [.. prcp], true, source.Trim()));
        }
        return result.ToImmutable();
    }
}
