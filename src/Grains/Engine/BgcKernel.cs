using CarbonSim.Grains.Contracts;
using CarbonSim.Model.Climate;
using CarbonSim.Model.Parameters;

namespace CarbonSim.Grains.Engine;

// TEMPORARY placeholder until the process kernel (CarbonSim.Model.Kernel) is merged: a three-pool
// toy with light- and temperature-driven uptake. Replaced by an adapter over CellModel/Spinup.
public sealed class BgcKernel : ICarbonKernel
{
    public IColumnModel CreateModel(EcophysParameters epc, SiteParameters site, MetSeries met) => new ToyColumn(epc, met);

    sealed class ToyColumn(EcophysParameters epc, MetSeries met) : IColumnModel
    {
        public int StateLength => 3;

        public SpinupResult SpinUp(double co2, double nDeposition, bool accelerated, int maxYears)
        {
            var state = new double[3];
            Span<double> annual = stackalloc double[CarbonVariables.Count];
            for (int y = 0; y < 300; y++) RunYear(state, y % met.YearCount, co2, nDeposition, annual);
            return new SpinupResult { State = state, Years = 300, Converged = true };
        }

        public void RunYear(Span<double> state, int metYearIndex, double co2, double nDeposition, Span<double> annual)
        {
            double gpp = 0, npp = 0, rh = 0;
            double sla = Math.Max(epc.SpecificLeafArea, 1);
            for (int d = 0; d < MetSeries.DaysPerYear; d++)
            {
                int i = metYearIndex * MetSeries.DaysPerYear + d;
                double t = 0.5 * (met.Tmax[i] + met.Tmin[i]);
                double warm = t > 0 ? Math.Min(1, t / 20) : 0;
                double g = 2e-5 * met.Srad[i] * warm * (co2 / 400) * (1 - Math.Exp(-0.02 * sla * (state[0] + 0.05)));
                double n = 0.5 * g;
                double fall = state[0] * 0.0008;
                double q = Math.Pow(2, (t - 20) / 10);
                double dl = state[1] * 0.001 * q, ds = state[2] * 0.00005 * q;
                state[0] += n - fall;
                state[1] += fall - dl;
                state[2] += 0.3 * dl - ds;
                gpp += g; npp += n; rh += 0.7 * dl + ds;
            }
            annual[CarbonVariables.Gpp] = gpp;
            annual[CarbonVariables.Npp] = npp;
            annual[CarbonVariables.Nep] = npp - rh;
            annual[CarbonVariables.Nbp] = npp - rh;
            annual[CarbonVariables.Hr] = rh;
            annual[CarbonVariables.TotalC] = state[0] + state[1] + state[2];
            annual[CarbonVariables.VegetationC] = state[0];
            annual[CarbonVariables.LitterC] = state[1];
            annual[CarbonVariables.SoilC] = state[2];
        }
    }
}
