using CarbonSim.Model.Kernel;

namespace CarbonSim.Model.Point;

/// <summary>
/// <see cref="IPointKernel"/> over the process kernel (<see cref="CellModel"/>, <see cref="Kernel.Spinup"/>).
/// CLIM_CHANGE is applied by the driver when loading the met (<see cref="MetAdjust"/>), so the
/// <see cref="CellModel"/> is built without offsets.
/// </summary>
public sealed class BgcPointKernel : IPointKernel
{
    public int StateLength => CellState.Length;

    public IPointModel Prepare(PointInputs inputs)
    {
        string label = Path.GetFileNameWithoutExtension(inputs.Ini.SourceFile);
        return new Prepared(inputs, new CellModel(inputs.Epc, inputs.Site, inputs.Met, offsets: null, label: label));
    }

    private sealed class Prepared(PointInputs inputs, CellModel model) : IPointModel
    {
        /// <summary>
        /// The kernel's near-bare-ground state (first-year max leaf/stem C, soil water, snow) plus the
        /// ini's CWD, litter and soil pools and N. Their N follows BIOME-BGC 4.2's state_init: CWD N from
        /// the dead-wood C:N, litter 2-4 N from the leaf-litter C:N, soil N from the fixed soil C:N.
        /// </summary>
        public double[] InitialState()
        {
            var ini = inputs.Ini;
            var c = ini.CarbonState;
            var e = inputs.Epc;
            var s = model.BareGround(c.MaxLeafC, c.MaxStemC, ini.WaterState.SoilWaterFraction, ini.WaterState.Snow);
            s.CwdC = c.CwdC;
            s.CwdN = e.DeadWoodCn > 0 ? c.CwdC / e.DeadWoodCn : 0.0;
            s.Litter1C = c.Litter1C;
            s.Litter1N = ini.NitrogenState.Litter1N;
            s.Litter2C = c.Litter2C; s.Litter2N = c.Litter2C / e.LeafLitterCn;
            s.Litter3C = c.Litter3C; s.Litter3N = c.Litter3C / e.LeafLitterCn;
            s.Litter4C = c.Litter4C; s.Litter4N = c.Litter4C / e.LeafLitterCn;
            s.Soil1C = c.Soil1C; s.Soil1N = c.Soil1C / KernelConstants.Soil1Cn;
            s.Soil2C = c.Soil2C; s.Soil2N = c.Soil2C / KernelConstants.Soil2Cn;
            s.Soil3C = c.Soil3C; s.Soil3N = c.Soil3C / KernelConstants.Soil3Cn;
            s.Soil4C = c.Soil4C; s.Soil4N = c.Soil4C / KernelConstants.Soil4Cn;
            s.MineralN = ini.NitrogenState.SoilMineralN;
            s.NextMetYear = 0;
            return s.ToArray();
        }

        public void RunYear(double[] state, int metYear, YearInputs year, Action<int, PointDay>? onDay)
        {
            var s = CellState.FromArray(state);
            model.RunYear(s, metYear, new YearForcing(year.Co2Ppm, year.NDeposition), onDay is null ? null : new Observer(onDay, year.Co2Ppm));
            s.CopyTo(state, 0);
        }

        public SpinupOutcome Spinup(double[] state, int metYear, YearInputs year, bool accelerated)
        {
            var c = inputs.Ini.CarbonState;
            var options = new SpinupOptions(
                Co2Ppm: year.Co2Ppm, NDeposition: year.NDeposition, MaxYears: inputs.MaxSpinupYears,
                FirstYearMaxLeafC: c.MaxLeafC, FirstYearMaxStemC: c.MaxStemC,
                SoilWaterFraction: inputs.Ini.WaterState.SoilWaterFraction);
            var start = CellState.FromArray(state);
            start.NextMetYear = metYear;
            // The accelerated spin-up always starts from the near-bare-ground state built from the options
            // (first-year max leaf/stem C, soil water), not from a restart or the ini's litter/soil pools.
            var r = accelerated ? Kernel.Spinup.RunAccelerated(model, options) : Kernel.Spinup.Run(model, options, start);
            r.State.CopyTo(state, 0);
            var traj = r.Trajectory.Select(y => new SpinupYearValues(y.Year, y.MaxLai, y.LeafC, y.VegetationC, y.LitterC, y.SoilC, y.TotalC, y.MineralN)).ToList();
            return new SpinupOutcome(r.Years, r.Steady, r.TotalCTrend, r.State.NextMetYear, traj);
        }
    }

    /// <summary>Maps the kernel's daily output to <see cref="PointDay"/>.</summary>
    private sealed class Observer(Action<int, PointDay> onDay, double co2) : IDailyObserver
    {
        public void OnDay(in DailyOutput d) => onDay(d.YearDay, new PointDay
        {
            Gpp = d.Gpp, Npp = d.Npp, Nep = d.Nep, NeeUptakePositive = d.Nbp, Mr = d.Mr, Gr = d.Gr, Hr = d.Hr, Fire = d.Fire,
            Et = d.Et, Evap = d.Evaporation, Trans = d.Transpiration, Outflow = d.Outflow, Prcp = d.Precipitation,
            Tavg = d.Tavg, Co2 = co2, ProjLai = d.ProjectedLai, SoilWater = d.SoilWater, Vwc = d.Vwc,
            LeafC = d.LeafC, FrootC = d.FrootC, VegC = d.VegetationC, LitterCInclCwd = d.LitterC, CwdC = d.CwdC,
            SoilC = d.SoilC, TotalC = d.TotalC, SoilMineralN = d.MineralN,
        });
    }
}
