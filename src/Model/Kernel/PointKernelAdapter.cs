using CarbonSim.Model.Point;

namespace CarbonSim.Model.Kernel;

/// <summary>
/// Adapter from the point driver's seam (<see cref="IPointKernel"/>, owned by the point driver) to
/// this kernel: states cross as <see cref="CellState.ToArray"/> vectors. The met in
/// <see cref="PointInputs.Met"/> already has the ini's CLIM_CHANGE applied, so the model is built
/// without offsets.
/// </summary>
public sealed class PointKernelAdapter : IPointKernel
{
    public int StateLength => CellState.Length;

    public IPointModel Prepare(PointInputs inputs) => new Model(inputs);

    private sealed class Model(PointInputs inputs) : IPointModel
    {
        private readonly CellModel _model = new(inputs.Epc, inputs.Site, inputs.Met, null, inputs.Ini.SourceFile);

        /// <summary>
        /// BIOME-BGC's initial state: "firstday" plant pools from the first-year maximum leaf and stem
        /// C, then the ini's CWD, litter and soil C; CWD N at dead-wood C:N, litter 2–4 N at leaf-litter
        /// C:N, soil N at the fixed soil C:N, litter 1 N and mineral N as given.
        /// </summary>
        public double[] InitialState()
        {
            var ini = inputs.Ini;
            var c = ini.CarbonState; var n = ini.NitrogenState; var w = ini.WaterState;
            var e = inputs.Epc;
            var s = _model.BareGround(c.MaxLeafC, c.MaxStemC, w.SoilWaterFraction, w.Snow);
            s.CwdC = c.CwdC; s.CwdN = e.DeadWoodCn > 0 ? c.CwdC / e.DeadWoodCn : 0.0;
            s.Litter1C = c.Litter1C; s.Litter1N = n.Litter1N;
            s.Litter2C = c.Litter2C; s.Litter2N = c.Litter2C / e.LeafLitterCn;
            s.Litter3C = c.Litter3C; s.Litter3N = c.Litter3C / e.LeafLitterCn;
            s.Litter4C = c.Litter4C; s.Litter4N = c.Litter4C / e.LeafLitterCn;
            s.Soil1C = c.Soil1C; s.Soil1N = c.Soil1C / KernelConstants.Soil1Cn;
            s.Soil2C = c.Soil2C; s.Soil2N = c.Soil2C / KernelConstants.Soil2Cn;
            s.Soil3C = c.Soil3C; s.Soil3N = c.Soil3C / KernelConstants.Soil3Cn;
            s.Soil4C = c.Soil4C; s.Soil4N = c.Soil4C / KernelConstants.Soil4Cn;
            s.MineralN = n.SoilMineralN;
            return s.ToArray();
        }

        public void RunYear(double[] state, int metYear, YearInputs year, Action<int, PointDay>? onDay)
        {
            var s = CellState.FromArray(state);
            _model.RunYear(s, metYear, new YearForcing(year.Co2Ppm, year.NDeposition), onDay is null ? null : new DayRelay(onDay, year.Co2Ppm));
            s.CopyTo(state, 0);
        }

        public SpinupOutcome Spinup(double[] state, int metYear, YearInputs year, bool accelerated)
        {
            var s = CellState.FromArray(state);
            s.NextMetYear = metYear;
            var options = new SpinupOptions(year.Co2Ppm, year.NDeposition, inputs.MaxSpinupYears);
            var r = accelerated ? Kernel.Spinup.RunAccelerated(_model, options, null, s) : Kernel.Spinup.Run(_model, options, s);
            r.State.CopyTo(state, 0);
            var traj = r.Trajectory.Select(t => new SpinupYearValues(t.Year, t.MaxLai, t.LeafC, t.VegetationC, t.LitterC, t.SoilC, t.TotalC, t.MineralN)).ToList();
            return new SpinupOutcome(r.Years, r.Steady, r.TotalCTrend, r.State.NextMetYear, traj);
        }
    }

    private sealed class DayRelay(Action<int, PointDay> onDay, double co2) : IDailyObserver
    {
        public void OnDay(in DailyOutput d) => onDay(d.YearDay, new PointDay
        {
            Gpp = d.Gpp, Npp = d.Npp, Nep = d.Nep, NeeUptakePositive = d.Nbp, Mr = d.Mr, Gr = d.Gr, Hr = d.Hr, Fire = d.Fire,
            Et = d.Et, Evap = d.Evaporation, Trans = d.Transpiration, Outflow = d.Outflow, Prcp = d.Precipitation, Tavg = d.Tavg,
            Co2 = co2, ProjLai = d.ProjectedLai, SoilWater = d.SoilWater, Vwc = d.Vwc, LeafC = d.LeafC, FrootC = d.FrootC,
            VegC = d.VegetationC, LitterCInclCwd = d.LitterC, CwdC = d.CwdC, SoilC = d.SoilC, TotalC = d.TotalC,
            SoilMineralN = d.MineralN,
        });
    }
}
