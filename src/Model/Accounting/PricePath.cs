using System.Globalization;
using CarbonSim.Model.Io.Formats;

namespace CarbonSim.Model.Accounting;

/// <summary>The carbon price P by year [currency (t CO2)-1] (docs/accounting.md §3; scenario key <c>compensation.price</c>).</summary>
public abstract record PricePath
{
    /// <summary>[currency (t CO2)-1] P in <paramref name="year"/>.</summary>
    public abstract double At(int year);

    /// <summary>The same price every year.</summary>
    public sealed record Constant(double Price) : PricePath
    {
        public override double At(int year) => Price;
    }

    /// <summary>P = P0·(1 + g/100)^(year − Year0).</summary>
    public sealed record Growth(double Price0, int Year0, double GrowthPctPerYear) : PricePath
    {
        public override double At(int year) => Price0 * Math.Pow(1 + GrowthPctPerYear / 100, year - Year0);
    }

    /// <summary>A price per year from a CSV (year, price); must cover every simulated year without gaps.</summary>
    public sealed record Table(string Path, IReadOnlyDictionary<int, double> Prices) : PricePath
    {
        public override double At(int year) => Prices.TryGetValue(year, out var p) ? p
            : throw new InvalidInputException(Path, $"year {year}", "no row", "a price for every simulated year");

        /// <summary>Reads columns year and price (≥ 0); the years must be consecutive and cover <paramref name="first"/>–<paramref name="last"/>.</summary>
        public static Table Load(string path, int first, int last)
        {
            var csv = CsvTable.Read(path, "year", "price");
            var d = new SortedDictionary<int, double>();
            foreach (var r in csv.Rows)
            {
                int y = r.Integer("year");
                double p = r.Number("price", 0, 1e9, "a price >= 0");
                if (d.Count > 0 && y != d.Keys.Last() + 1)
                    throw new InvalidInputException(path, r.Place("year"), y.ToString(CultureInfo.InvariantCulture), $"year {d.Keys.Last() + 1} (the years must be consecutive, no gaps)");
                d[y] = p;
            }
            if (d.Count == 0 || d.Keys.First() > first || d.Keys.Last() < last)
                throw new InvalidInputException(path, "year", d.Count == 0 ? "no rows" : $"{d.Keys.First()}–{d.Keys.Last()}", $"prices covering every simulated year {first}–{last}");
            return new Table(path, d);
        }
    }
}
