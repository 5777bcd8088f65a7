using CarbonSim.Model.Climate;
using CarbonSim.Model.Kernel;
using CarbonSim.Model.Parameters;

namespace CarbonSim.Model.Engine;

/// <summary>
/// <see cref="ICarbonKernel"/> over the BIOME-BGC-like process kernel (<see cref="CellModel"/>,
/// <see cref="Spinup"/>): state vectors are <see cref="CellState.ToArray"/> layouts; the annual
/// summary is mapped onto <see cref="CarbonVariables"/>.
/// </summary>
public sealed class BgcKernel : ICarbonKernel
{
    public IColumnModel CreateModel(EcophysParameters epc, SiteParameters site, MetSeries met) => new Column(new CellModel(epc, site, met));

    public CellState StateOf(double[] states, int offset) => CellState.FromArray(states, offset);

    public void Store(CellState state, double[] states, int offset) => state.CopyTo(states, offset);

    public void ReadState(double[] states, int offset, CellState into) => into.ReadFrom(states, offset);

    sealed class Column(CellModel model) : IColumnModel
    {
        public int StateLength => CellState.Length;

        public int CropSeasons => model.Crops?.Rotation.Seasons.Count ?? 0;

        public SpinupEquilibrium SpinUp(double co2, double nDeposition, bool accelerated, int maxYears, int standAgeYears = 0)
        {
            var options = new SpinupOptions(Co2Ppm: co2, NDeposition: nDeposition, MaxYears: maxYears);
            var r = Spinup.RunChecked(model, options, accelerated); // every key steady, or flagged after the standard fallback
            var state = StandHistory.Regrow(model, r.State, standAgeYears, new YearForcing(co2, nDeposition));
            return new SpinupEquilibrium
            {
                State = state.ToArray(), Years = r.Years, Converged = r.Converged,
                Method = r.Method, SoilCTrend = r.SoilCTrend, TotalCTrend = r.TotalCTrend, AcceleratedYears = r.AcceleratedYears,
            };
        }

        public SpinupEquilibrium RunHistory(SpinupEquilibrium equilibrium, HistoryForcing history, int clearingYear, int clearingSpreadYears = 0)
        {
            int n = CarbonVariables.Count;
            var annual = new double[history.YearCount * n];
            var eq = CellState.FromArray(equilibrium.State);
            if (clearingSpreadYears == 0)
            {
                var state = TransientHistory.Run(model, eq, history, clearingYear,
                    (year, a) => Write(a, annual.AsSpan((year - history.StartYear) * n, n)));
                return equilibrium with { State = state.ToArray(), HistoryAnnual = annual };
            }
            // a cohort cleared over a window: the column is the mean of its sub-cohorts (states and annual values; summed in
            // sub-cohort order, then divided, so the result does not depend on anything but the inputs)
            var years = TransientHistory.ClearingYears(clearingYear, clearingSpreadYears);
            var one = new double[n];
            var memberYear = new bool[history.YearCount];
            var states = TransientHistory.RunCohort(model, eq, history, years,
                (year, a) => Write(a, annual.AsSpan((year - history.StartYear) * n, n)),
                (year, k, a) =>
                {
                    Write(a, one);
                    memberYear[year - history.StartYear] = true;
                    var into = annual.AsSpan((year - history.StartYear) * n, n);
                    for (int v = 0; v < n; v++) into[v] = k == 0 ? one[v] : into[v] + one[v];
                });
            double count = years.Length;
            for (int i = 0; i < history.YearCount; i++)
                if (memberYear[i])
                    for (int v = 0; v < n; v++) annual[i * n + v] /= count;
            var mean = new double[CellState.Length];
            foreach (var st in states)
            {
                var arr = st.ToArray();
                for (int i = 0; i < mean.Length; i++) mean[i] += arr[i];
            }
            for (int i = 0; i < mean.Length; i++) mean[i] /= count;
            return equilibrium with { State = mean, HistoryAnnual = annual };
        }

        public double[] Seedling(double[] equilibrium) => StandHistory.ClearPlant(model, CellState.FromArray(equilibrium)).ToArray();

        public void RunYear(double[] states, int offset, int metYearIndex, double co2, double nDeposition, Span<double> annual, int calendarYear = 0)
        {
            var s = CellState.FromArray(states, offset);
            var a = model.RunYear(s, metYearIndex, new YearForcing(co2, nDeposition, CalendarYear: calendarYear));
            s.CopyTo(states, offset);
            Write(a, annual);
        }

        static void Write(AnnualSummary a, Span<double> annual)
        {
            annual[CarbonVariables.Gpp] = a.Gpp;
            annual[CarbonVariables.Npp] = a.Npp;
            annual[CarbonVariables.Nep] = a.Nep;
            annual[CarbonVariables.Nbp] = a.Nbp;
            annual[CarbonVariables.Hr] = a.Hr;
            annual[CarbonVariables.VegetationC] = a.VegetationC;
            annual[CarbonVariables.LitterC] = a.LitterC;
            annual[CarbonVariables.SoilC] = a.SoilC;
            annual[CarbonVariables.TotalC] = a.TotalC;
            annual[CarbonVariables.Harvest] = a.HarvestC + a.RemovedC + a.WoodHarvestC; // crop harvest, urban-green clippings and swept leaves, forest wood harvest (0 without management)
            // managed cropland: grain C per crop season after the carbon variables, when the caller asks for it
            for (int i = 0; i < a.GrainCBySeason.Count && CarbonVariables.Count + i < annual.Length; i++)
                annual[CarbonVariables.Count + i] = a.GrainCBySeason[i];
        }
    }
}
