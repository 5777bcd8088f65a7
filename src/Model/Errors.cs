namespace CarbonSim.Model;

/// <summary>
/// Bad input: names the file, the place in it (line, key, cell), the offending value and what was expected.
/// The CLI catches this once, prints <see cref="Exception.Message"/> on one line and exits non-zero.
/// </summary>
public sealed class InvalidInputException : Exception
{
    public string File { get; }
    public string Place { get; }
    public string Value { get; }
    public string Expected { get; }

    public InvalidInputException(string file, string place, string value, string expected, Exception? inner = null)
        : base($"{file}: {place}: got '{value}', expected {expected}", inner)
    {
        File = file; Place = place; Value = value; Expected = expected;
    }
}

/// <summary>Carbon, nitrogen or water balance failed to close on a day in a cell.</summary>
public sealed class MassBalanceException : Exception
{
    public string Quantity { get; }
    public string Cell { get; }
    public int Day { get; }
    /// <summary>[kg m-2] Imbalance (sources − sinks − change in storage).</summary>
    public double Imbalance { get; }

    public MassBalanceException(string quantity, string cell, int day, double imbalance, string terms)
        : base($"{quantity} balance failed in cell {cell} on day {day}: imbalance {imbalance:E3} kg m-2 ({terms})")
    {
        Quantity = quantity; Cell = cell; Day = day; Imbalance = imbalance;
    }
}
