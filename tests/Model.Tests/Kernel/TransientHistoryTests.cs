using CarbonSim.Model.Io.BiomeBgc;
using CarbonSim.Model.Kernel;
using CarbonSim.Model.Tests.Reference;

namespace CarbonSim.Model.Tests.Kernel;

/// <summary>The historical transient between the equilibrium spin-up and the first simulated year.</summary>
public class TransientHistoryTests
{
    const double Co2 = 294.842;

    private static readonly Lazy<(CellModel Model, CellState Equilibrium)> Enf = new(() =>
    {
        var model = new CellModel(EpcReader.Read(ReferenceData.Epc("enf")), ReferenceData.MissoulaSite,
            MetReader.Read(ReferenceData.Met("miss5093.mtc41"), 4));
        return (model, Spinup.RunAccelerated(model, new SpinupOptions(Co2Ppm: Co2)).State);
    });

    static HistoryForcing Constant(int start, int first, double co2, double ndep) =>
        new(start, first, Enumerable.Repeat(co2, first - start).ToArray(), Enumerable.Repeat(ndep, first - start).ToArray());

    static double Balance(CellState s) => s.CumCarbonIn - s.CumCarbonOut - s.TotalC;
    static double NBalance(CellState s) => s.CumNitrogenIn - s.CumNitrogenOut - s.TotalN;

    [Fact]
    public void Constant_forcing_equal_to_the_spin_up_leaves_the_equilibrium_nearly_unchanged()
    {
        var (model, eq) = Enf.Value;
        double ndep = ReferenceData.MissoulaSite.NDeposition;
        // Two whole met cycles (88 years), starting at met year 0 as the spin-up's blocks do.
        var history = Constant(1932, 2020, Co2, ndep);
        var annual = new List<AnnualSummary>();
        var end = TransientHistory.Run(model, eq, history, TransientHistory.NoClearing, (_, a) => annual.Add(a));
        Assert.Equal(88, annual.Count);
        Assert.Equal(eq.TotalC, end.TotalC, eq.TotalC * 0.01);             // within 1 % after 88 years
        Assert.Equal(eq.VegetationC, end.VegetationC, eq.VegetationC * 0.02);
        Assert.Equal(eq.SoilC, end.SoilC, eq.SoilC * 0.01);
        Assert.InRange(annual.Average(a => a.Nbp), -0.005, 0.005);          // |mean NBP| < 5 g C m-2 a-1 (NEP is about the fire loss)
        // The same forcing, with rising CO2 instead, takes up carbon: the test can tell the two apart.
        var rising = history with { Co2Ppm = Enumerable.Range(0, 88).Select(i => Co2 + 1.5 * i).ToArray() };
        var up = TransientHistory.Run(model, eq, rising, TransientHistory.NoClearing);
        Assert.True(up.TotalC - end.TotalC > 0.1, $"rising CO2 gained {up.TotalC - end.TotalC} kg C m-2 over constant");
    }

    [Fact]
    public void Clearing_in_the_transient_removes_the_plants_closes_the_balances_and_regrows_the_stand()
    {
        var (model, eq) = Enf.Value;
        double ndep = ReferenceData.MissoulaSite.NDeposition;
        var history = Constant(1950, 2020, Co2, ndep);
        var veg = new Dictionary<int, double>();
        // Daily C, N and water balance checks run inside (MassBalanceException otherwise).
        var end = TransientHistory.Run(model, eq, history, 1980, (y, a) => veg[y] = a.VegetationC);
        Assert.Equal(70, veg.Count);
        Assert.True(veg[1979] > 1.0, $"vegetation C before the clearing {veg[1979]}");
        Assert.True(veg[1980] < 0.3 * veg[1979], $"vegetation C in the clearing year {veg[1980]} vs {veg[1979]}");
        Assert.True(veg[2019] > 3 * veg[1980], $"the stand regrows: {veg[1980]} -> {veg[2019]}");
        Assert.True(end.VegetationC < eq.VegetationC * 0.95, "a 40-year stand holds less than old growth");
        // The export is booked: cumulative in − out − stock is what it was at equilibrium (C and N).
        Assert.Equal(Balance(eq), Balance(end), 8);
        Assert.Equal(NBalance(eq), NBalance(end), 8);
        Assert.True(end.CumCarbonOut - eq.CumCarbonOut > veg[1979] * 0.9, "the cleared carbon left the cell");
        // A clearing year outside the history, or no clearing, leaves the stand standing.
        var standing = TransientHistory.Run(model, eq, history, TransientHistory.NoClearing);
        Assert.Equal(standing.TotalC, TransientHistory.Run(model, eq, history, 1900).TotalC);
        Assert.True(standing.VegetationC > end.VegetationC);
    }

    [Fact]
    public void Grass_is_never_cleared()
    {
        var model = new CellModel(EpcReader.Read(ReferenceData.Epc("c3grass")), ReferenceData.MissoulaSite,
            MetReader.Read(ReferenceData.Met("miss5093.mtc41"), 4));
        var eq = model.BareGround();
        var history = Constant(2010, 2020, Co2, ReferenceData.MissoulaSite.NDeposition);
        Assert.Equal(TransientHistory.Run(model, eq, history, 0).TotalC, TransientHistory.Run(model, eq, history, 2012).TotalC);
    }

    [Fact]
    public void History_years_cycle_the_met_record_from_the_first_year_backwards()
    {
        Assert.Equal(0, TransientHistory.MetYearOf(2020, 2020, 41));
        Assert.Equal(40, TransientHistory.MetYearOf(2019, 2020, 41));
        Assert.Equal(((1850 - 2020) % 41 + 41) % 41, TransientHistory.MetYearOf(1850, 2020, 41));
        Assert.Equal(TransientHistory.MetYearOf(1850 + 41, 2020, 41), TransientHistory.MetYearOf(1850, 2020, 41));
        Assert.Throws<ArgumentException>(() => Constant(2020, 2020, 300, 0).Check());
        Assert.Throws<ArgumentException>(() => (Constant(2000, 2020, 300, 0) with { NDeposition = [1.0] }).Check());
        Assert.Throws<ArgumentException>(() => (Constant(2018, 2020, 300, 0) with { Co2Ppm = [300, -1] }).Check());
    }

    [Fact]
    public void A_spread_cohort_is_the_exact_mean_of_its_sub_cohorts_and_one_clearing_year_is_the_plain_history()
    {
        Assert.Equal([2002, 2004, 2006, 2008, 2010, 2012, 2014, 2016, 2018], TransientHistory.ClearingYears(2010, 8));
        Assert.Equal([2010], TransientHistory.ClearingYears(2010, 0));
        Assert.Equal([TransientHistory.NoClearing], TransientHistory.ClearingYears(TransientHistory.NoClearing, 8));
        Assert.Throws<ArgumentOutOfRangeException>(() => TransientHistory.ClearingYears(2010, -1));

        var (model, eq) = Enf.Value;
        var history = Constant(1990, 2020, Co2, ReferenceData.MissoulaSite.NDeposition);
        var kernel = new CarbonSim.Model.Engine.BgcKernel();
        var column = kernel.CreateModel(model.Ecophys, model.Site, model.Met);
        var equilibrium = new CarbonSim.Model.Engine.SpinupEquilibrium { State = eq.ToArray() };

        // one clearing year through the cohort path: bit for bit the plain history
        var single = TransientHistory.RunCohort(model, eq, history, [2005]);
        Assert.Equal(TransientHistory.Run(model, eq, history, 2005).ToArray(), Assert.Single(single).ToArray());

        // spread 4: sub-cohorts cleared 2006, 2008, 2010, 2012, 2014; the column is their mean, state and annual values
        int[] years = TransientHistory.ClearingYears(2010, 4);
        var runs = years.Select(y =>
        {
            var annual = new List<double[]>();
            var end = TransientHistory.Run(model, eq, history, y, (_, a) => annual.Add([a.Nep, a.Nbp, a.VegetationC, a.TotalC]));
            return (State: end.ToArray(), Annual: annual);
        }).ToArray();
        var spread = column.RunHistory(equilibrium, history, 2010, 4);
        var mean = new double[CellState.Length];
        foreach (var r in runs) for (int i = 0; i < mean.Length; i++) mean[i] += r.State[i];
        for (int i = 0; i < mean.Length; i++) mean[i] /= years.Length;
        Assert.Equal(mean, spread.State);
        int n = CarbonSim.Model.Engine.CarbonVariables.Count;
        for (int y = 0; y < 30; y++)
        {
            double veg = runs.Sum(r => r.Annual[y][2]) / years.Length;
            Assert.Equal(veg, spread.HistoryAnnual[y * n + CarbonSim.Model.Engine.CarbonVariables.VegetationC], 12);
        }
        // the column is never cleared all at once: no year loses more than about a fifth of the old growth's vegetation
        // (each sub-cohort is a fifth of the column); one clearing year loses nearly all of it
        double[] vegSeries = [.. Enumerable.Range(0, 30).Select(y => spread.HistoryAnnual[y * n + CarbonSim.Model.Engine.CarbonVariables.VegetationC])];
        for (int y = 1; y < 30; y++)
            Assert.True(vegSeries[y - 1] - vegSeries[y] < 0.25 * eq.VegetationC, $"year {1990 + y}: {vegSeries[y - 1]} -> {vegSeries[y]} (old growth {eq.VegetationC})");
        double[] one = [.. runs[2].Annual.Select(a => a[2])];
        Assert.True(one[20] < one[19] * 0.3, "a single clearing year removes the stand at once");
        // mass balance of the mean column: cumulative in − out − stock unchanged since the equilibrium (C and N)
        var end = CellState.FromArray(spread.State);
        Assert.Equal(Balance(eq), Balance(end), 8);
        Assert.Equal(NBalance(eq), NBalance(end), 8);
    }
}
