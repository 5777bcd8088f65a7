using CarbonSim.Model.Accounting;

namespace CarbonSim.Model.Tests.Accounting;

/// <summary>The price × window grid over a series of inputs (<see cref="CompensationSensitivity"/>).</summary>
public class CompensationSensitivityTests
{
    /// <summary>Three cities over 12 years with a sink that swings with a made-up weather signal, so the window matters.</summary>
    static List<(int Year, IReadOnlyList<CityBudgetInput> Cities, double PricePerTCo2)> Series()
    {
        var years = new List<(int, IReadOnlyList<CityBudgetInput>, double)>();
        for (int y = 2020; y < 2032; y++)
        {
            double w = Math.Sin(y * 1.7);
            years.Add((y, [new("A", "A", 30 + 20 * w, 100, 300), new("B", "B", 70 - 15 * w, 50, 100), new("C", "C", 40 + 5 * w, 60, 80)], 50 + y - 2020));
        }
        return years;
    }

    static readonly CompensationSettings Settings = new() { WindowYears = 5 };

    [Fact]
    public void The_factor_one_own_window_case_is_the_plain_books()
    {
        var grid = CompensationSensitivity.Grid(Series(), Settings, CompensationSensitivity.DefaultPriceFactors, CompensationSensitivity.DefaultWindows);
        Assert.Equal(9, grid.Count);
        var plain = BooksSummary.Of(Compensation.CloseSeries(Series(), Settings));
        var same = grid.Single(c => c.PriceFactor == 1.0 && c.WindowYears == 5).Summary;
        Assert.Equal(plain.TotalPaidRmb, same.TotalPaidRmb);            // bit for bit: the same closing
        foreach (var id in new[] { "A", "B", "C" }) Assert.Equal(plain.NetReceived(id), same.NetReceived(id));
        Assert.True(plain.TotalPaidRmb > 0);
    }

    [Fact]
    public void Amounts_scale_with_the_price_factor_and_the_window_changes_them()
    {
        var grid = CompensationSensitivity.Grid(Series(), Settings, [0.5, 1, 2], [1, 5]);
        foreach (var w in new[] { 1, 5 })
        {
            var one = grid.Single(c => c.PriceFactor == 1 && c.WindowYears == w).Summary;
            var half = grid.Single(c => c.PriceFactor == 0.5 && c.WindowYears == w).Summary;
            var two = grid.Single(c => c.PriceFactor == 2 && c.WindowYears == w).Summary;
            Assert.Equal(2 * one.TotalPaidRmb, two.TotalPaidRmb, one.TotalPaidRmb * 1e-12);
            Assert.Equal(0.5 * one.TotalPaidRmb, half.TotalPaidRmb, one.TotalPaidRmb * 1e-12);
            foreach (var id in new[] { "A", "B", "C" }) Assert.Equal(2 * one.NetReceived(id), two.NetReceived(id), one.TotalPaidRmb * 1e-12);
            Assert.Equal(0, one.PaidByCity.Values.Sum() - one.ReceivedByCity.Values.Sum(), one.TotalPaidRmb * 1e-12);
        }
        var w1 = grid.Single(c => c.PriceFactor == 1 && c.WindowYears == 1).Summary;
        var w5 = grid.Single(c => c.PriceFactor == 1 && c.WindowYears == 5).Summary;
        Assert.NotEqual(w1.TotalPaidRmb, w5.TotalPaidRmb);
    }

    [Theory]
    [InlineData(-1.0, 5, "price factor: got '-1', expected a finite factor >= 0")]
    [InlineData(1.0, 0, "window: got '0', expected a smoothing window of at least 1 year")]
    public void Bad_factors_and_windows_are_input_errors(double factor, int window, string message)
    {
        var e = Assert.Throws<InvalidInputException>(() => CompensationSensitivity.Grid(Series(), Settings, [factor], [window], "cmd"));
        Assert.Contains(message, e.Message);
    }
}
