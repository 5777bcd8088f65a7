using System.Globalization;

namespace CarbonSim.Model.Io.BiomeBgc;

/// <summary>
/// One value per calendar year, consecutive years, as read from a BIOME-BGC annual CO2 file
/// (<see cref="Co2FileReader"/>) or N-deposition file (<see cref="NdepFileReader"/>). Immutable.
/// </summary>
/// <remarks>
/// Years outside the file: BIOME-BGC 4.2 (get_co2/get_ndep) looks the year up and aborts the run
/// with "Error finding CO2 value for year" when it is absent. CarbonSim does the same, but earlier:
/// <see cref="ValueFor"/> throws an <see cref="InvalidInputException"/> naming the file, the year and
/// the years covered, and the point driver checks the whole run's span before it starts.
/// No clamping or extrapolation is done.
/// </remarks>
public sealed class AnnualSeries
{
    private readonly double[] _values;

    /// <summary>[-] File the series came from (for messages).</summary>
    public string File { get; }
    /// <summary>[-] What the values are, with unit, e.g. "CO2 concentration (ppm)".</summary>
    public string Quantity { get; }
    /// <summary>[a] First calendar year in the file.</summary>
    public int FirstYear { get; }
    /// <summary>[a] Last calendar year in the file.</summary>
    public int LastYear => FirstYear + _values.Length - 1;
    /// <summary>Values in file order (unit as in <see cref="Quantity"/>).</summary>
    public IReadOnlyList<double> Values => _values;

    public AnnualSeries(string file, string quantity, int firstYear, double[] values)
    {
        if (values.Length == 0) throw new ArgumentException("An annual series needs at least one year.", nameof(values));
        File = file; Quantity = quantity; FirstYear = firstYear; _values = (double[])values.Clone();
    }

    /// <summary>True if every year in [first, last] is in the file.</summary>
    public bool Covers(int first, int last) => first >= FirstYear && last <= LastYear;

    /// <summary>Value for a calendar year.</summary>
    /// <exception cref="InvalidInputException">The year is not in the file.</exception>
    public double ValueFor(int year)
    {
        if (year < FirstYear || year > LastYear)
            throw new InvalidInputException(File, $"year {year}", "<no line for this year>",
                $"a {Quantity} for every simulated year; the file covers {FirstYear}-{LastYear}");
        return _values[year - FirstYear];
    }

    /// <summary>Checks that the file covers [first, last] and names the first missing year otherwise.</summary>
    public void RequireYears(int first, int last, string why)
    {
        if (Covers(first, last)) return;
        int missing = first < FirstYear ? first : LastYear + 1;
        throw new InvalidInputException(File, $"year {missing}", "<no line for this year>",
            $"a {Quantity} for every year {first}-{last} ({why}); the file covers {FirstYear}-{LastYear}");
    }

    /// <summary>
    /// Parses "year value" lines (whitespace-separated, blank lines skipped). Years must increase by
    /// exactly 1 from line to line; values must be finite and at least <paramref name="minValue"/>
    /// (strictly above it when <paramref name="exclusiveMin"/>).
    /// </summary>
    internal static AnnualSeries Parse(TextReader text, string fileName, string quantity, double minValue, bool exclusiveMin)
    {
        var values = new List<double>();
        int firstYear = 0, prevYear = 0, lineNo = 0;
        string? line;
        while ((line = text.ReadLine()) is not null)
        {
            lineNo++;
            var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0) continue;
            if (parts.Length != 2)
                throw new InvalidInputException(fileName, $"line {lineNo}", line.Trim(), $"two values: year and {quantity}");
            if (!int.TryParse(parts[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int year))
                throw new InvalidInputException(fileName, $"line {lineNo} (year)", parts[0], "an integer year");
            if (values.Count == 0) firstYear = year;
            else if (year != prevYear + 1)
                throw new InvalidInputException(fileName, $"line {lineNo} (year)", parts[0],
                    $"year {prevYear + 1} (years must increase by 1 from line to line)");
            if (!double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v))
                throw new InvalidInputException(fileName, $"line {lineNo} ({quantity})", parts[1], "a finite number");
            if (v < minValue || (exclusiveMin && v == minValue))
                throw new InvalidInputException(fileName, $"line {lineNo} ({quantity})", parts[1],
                    exclusiveMin ? $"a value > {minValue.ToString(CultureInfo.InvariantCulture)}" : $"a value >= {minValue.ToString(CultureInfo.InvariantCulture)}");
            values.Add(v);
            prevYear = year;
        }
        if (values.Count == 0)
            throw new InvalidInputException(fileName, $"line {lineNo + 1}", "<end of file>", $"at least one line: year and {quantity}");
        return new AnnualSeries(fileName, quantity, firstYear, values.ToArray());
    }

    internal static AnnualSeries ReadFile(string path, string quantity, double minValue, bool exclusiveMin, string fileKind)
    {
        if (!System.IO.File.Exists(path))
            throw new InvalidInputException(path, "file", path, $"an existing {fileKind}");
        using var reader = new StreamReader(path);
        return Parse(reader, path, quantity, minValue, exclusiveMin);
    }
}

/// <summary>Reads a BIOME-BGC annual CO2 file: one "year ppm" pair per line, consecutive years, ppm &gt; 0.</summary>
public static class Co2FileReader
{
    public const string Quantity = "CO2 concentration (ppm)";

    /// <exception cref="InvalidInputException">Missing file, malformed line, gap in years, non-positive ppm.</exception>
    public static AnnualSeries Read(string path) =>
        AnnualSeries.ReadFile(path, Quantity, 0, exclusiveMin: true, "annual CO2 file (year ppm per line)");

    public static AnnualSeries Parse(TextReader text, string fileName) =>
        AnnualSeries.Parse(text, fileName, Quantity, 0, exclusiveMin: true);
}

/// <summary>
/// Reads a BIOME-BGC annual N-deposition file (the <c>-n</c> option): one "year kgN m-2 a-1" pair per
/// line, consecutive years. Zero deposition is accepted (a legitimate scenario); negative is not.
/// </summary>
public static class NdepFileReader
{
    public const string Quantity = "N deposition (kgN m-2 a-1)";

    /// <exception cref="InvalidInputException">Missing file, malformed line, gap in years, negative value.</exception>
    public static AnnualSeries Read(string path) =>
        AnnualSeries.ReadFile(path, Quantity, 0, exclusiveMin: false, "annual N-deposition file (year kgN m-2 a-1 per line)");

    public static AnnualSeries Parse(TextReader text, string fileName) =>
        AnnualSeries.Parse(text, fileName, Quantity, 0, exclusiveMin: false);
}
