using System.Globalization;
using CarbonSim.Model.Climate;

namespace CarbonSim.Model.Io.BiomeBgc;

/// <summary>
/// Reads a BIOME-BGC / MTCLIM daily met file (.mtc41, .mtc43): a fixed number of header lines,
/// then one whitespace-separated line per day with 9 columns
/// <c>year yday Tmax[°C] Tmin[°C] Tday[°C] prcp[cm] VPD[Pa] srad[W m-2] daylen[s]</c>
/// (science notes §1.5). The Tday column is ignored (the kernel recomputes it). Precipitation is
/// converted from cm d-1 to kg m-2 d-1 (×10). Negative shortwave or day length are clamped to 0,
/// as the original does. Every calendar year in the file must hold exactly 365 days.
/// </summary>
public static class MetReader
{
    /// <summary>[kg m-2 cm-1] 1 cm of water over 1 m2 weighs 10 kg.</summary>
    public const double KgPerM2PerCm = 10.0;

    /// <summary>Number of whitespace-separated columns of a data line.</summary>
    public const int ColumnCount = 9;

    /// <summary>Reads a met file from disk.</summary>
    public static MetSeries Read(string path, int headerLines)
    {
        if (!File.Exists(path))
            throw new InvalidInputException(path, "file", path, "an existing met file");
        using var reader = new StreamReader(path);
        return Parse(reader, path, headerLines);
    }

    /// <summary>Parses met data from a reader; <paramref name="fileName"/> is used in error messages.</summary>
    public static MetSeries Parse(TextReader reader, string fileName, int headerLines)
    {
        if (headerLines < 0)
            throw new InvalidInputException(fileName, "header line count", headerLines.ToString(CultureInfo.InvariantCulture), "a count >= 0");
        var years = new List<int>();
        var tmax = new List<double>(); var tmin = new List<double>(); var prcp = new List<double>();
        var vpd = new List<double>(); var srad = new List<double>(); var dayl = new List<double>();
        int lineNo = 0;
        for (int h = 0; h < headerLines; h++)
        {
            if (reader.ReadLine() is null)
                throw new InvalidInputException(fileName, $"line {lineNo + 1}", "end of file", $"{headerLines} header lines");
            lineNo++;
        }

        int currentYear = int.MinValue, daysInYear = 0, yearStartLine = 0;
        string? line;
        var sep = new[] { ' ', '\t' };
        while ((line = reader.ReadLine()) is not null)
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            var f = line.Split(sep, StringSplitOptions.RemoveEmptyEntries);
            if (f.Length != ColumnCount)
                throw new InvalidInputException(fileName, $"line {lineNo}", line.Trim(), $"{ColumnCount} columns (year yday Tmax Tmin Tday prcp VPD srad daylen), found {f.Length}");
            int year = ParseInt(f[0], fileName, lineNo, "year");
            int yday = ParseInt(f[1], fileName, lineNo, "yday");
            double tx = ParseDouble(f[2], fileName, lineNo, "Tmax [°C]");
            double tn = ParseDouble(f[3], fileName, lineNo, "Tmin [°C]");
            ParseDouble(f[4], fileName, lineNo, "Tday [°C]");
            double p = ParseDouble(f[5], fileName, lineNo, "prcp [cm]");
            double v = ParseDouble(f[6], fileName, lineNo, "VPD [Pa]");
            double s = ParseDouble(f[7], fileName, lineNo, "srad [W m-2]");
            double d = ParseDouble(f[8], fileName, lineNo, "daylen [s]");
            if (p < 0)
                throw new InvalidInputException(fileName, $"line {lineNo}", f[5], "precipitation >= 0 cm");
            if (tn > tx + 1e-9)
                throw new InvalidInputException(fileName, $"line {lineNo}", $"Tmin {f[3]} > Tmax {f[2]}", "Tmin <= Tmax");

            if (year != currentYear)
            {
                if (currentYear != int.MinValue && daysInYear != MetSeries.DaysPerYear)
                    throw new InvalidInputException(fileName, $"line {yearStartLine}", $"year {currentYear} with {daysInYear} days", "365 days per year (leap days removed)");
                currentYear = year; daysInYear = 0; yearStartLine = lineNo;
                years.Add(year);
            }
            daysInYear++;
            if (daysInYear > MetSeries.DaysPerYear)
                throw new InvalidInputException(fileName, $"line {lineNo}", $"day {daysInYear} of year {year}", "365 days per year (leap days removed)");
            if (yday != daysInYear)
                throw new InvalidInputException(fileName, $"line {lineNo}", $"yday {yday}", $"yday {daysInYear} (consecutive days 1-365)");

            tmax.Add(tx); tmin.Add(tn); prcp.Add(p * KgPerM2PerCm); vpd.Add(v);
            srad.Add(Math.Max(0.0, s)); dayl.Add(Math.Max(0.0, d));
        }
        if (years.Count == 0)
            throw new InvalidInputException(fileName, $"line {lineNo}", "no data lines", "at least one year of 365 daily lines");
        if (daysInYear != MetSeries.DaysPerYear)
            throw new InvalidInputException(fileName, $"line {yearStartLine}", $"year {currentYear} with {daysInYear} days", "365 days per year (leap days removed)");
        return new MetSeries(years.ToArray(), tmax.ToArray(), tmin.ToArray(), prcp.ToArray(), vpd.ToArray(), srad.ToArray(), dayl.ToArray());
    }

    private static int ParseInt(string s, string file, int line, string what)
    {
        if (int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v)) return v;
        throw new InvalidInputException(file, $"line {line}", s, $"an integer {what}");
    }

    private static double ParseDouble(string s, string file, int line, string what)
    {
        if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v)) return v;
        throw new InvalidInputException(file, $"line {line}", s, $"a number for {what}");
    }
}
