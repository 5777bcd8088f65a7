using System.Globalization;
using CarbonSim.Model.Climate;
using CarbonSim.Model.Parameters;
using CarbonSim.Model.Point;

namespace CarbonSim.Model.Tests.Point;

/// <summary>
/// A stand-in kernel for driver tests: a toy carbon balance whose daily values depend visibly on the
/// met record, the CO2 and the N deposition it is given, so tests can check the driver's wiring
/// (met year, CLIM_CHANGE, forcing, restarts) without the real process kernel. Not science.
/// State: [soilC kgC m-2, leafC kgC m-2, sminn kgN m-2, days run].
/// </summary>
public sealed class FakePointKernel : IPointKernel
{
    public int StateLength => 4;

    /// <summary>[a] Spin-up length the fake reports (capped by the ini maximum).</summary>
    public int SpinupYears { get; init; } = 3;

    public IPointModel Prepare(PointInputs inputs) => new Model(inputs, SpinupYears);

    private sealed class Model(PointInputs inputs, int spinupYears) : IPointModel
    {
        public double[] InitialState()
        {
            var c = inputs.Ini.CarbonState;
            return [c.Soil1C + c.Soil2C + c.Soil3C + c.Soil4C, c.MaxLeafC, inputs.Ini.NitrogenState.SoilMineralN, 0];
        }

        public void RunYear(double[] state, int metYear, YearInputs forcing, Action<int, PointDay>? onDay)
        {
            var met = inputs.Met;
            for (int yday = 1; yday <= MetSeries.DaysPerYear; yday++)
            {
                int d = metYear * MetSeries.DaysPerYear + yday - 1;
                double gpp = 1e-5 * met.Srad[d] * forcing.Co2Ppm / 300.0;
                double npp = 0.4 * gpp;
                double hr = 1e-4 * state[0];
                double fire = 1e-6;
                state[0] += npp - hr - fire;
                state[1] = 0.1 + 0.01 * Math.Sin(yday / 58.0);
                state[2] += forcing.NDeposition / 365.0;
                state[3] += 1;
                double soilw = 150 + met.Prcp[d];
                onDay?.Invoke(yday, new PointDay
                {
                    Gpp = gpp, Npp = npp, Nep = npp - hr, NeeUptakePositive = npp - hr - fire, Mr = 0.5 * gpp, Gr = 0.1 * gpp,
                    Hr = hr, Fire = fire, Et = 0.5 * met.Prcp[d] + 0.1, Evap = 0.3 * met.Prcp[d], Trans = 0.2 * met.Prcp[d] + 0.1,
                    Outflow = 0, Prcp = met.Prcp[d], Tavg = 0.5 * (met.Tmax[d] + met.Tmin[d]), Co2 = forcing.Co2Ppm,
                    ProjLai = state[1] * 12, SoilWater = soilw, Vwc = soilw / 1000, LeafC = state[1], FrootC = state[1],
                    VegC = 10 * state[1], LitterCInclCwd = 0.3, CwdC = 0.2, SoilC = state[0], TotalC = 10 * state[1] + 0.3 + state[0],
                    SoilMineralN = state[2],
                });
            }
        }

        public SpinupOutcome Spinup(double[] state, int metYear, YearInputs forcing, bool accelerated)
        {
            int years = Math.Min(accelerated ? 1 : spinupYears, inputs.MaxSpinupYears);
            var traj = new List<SpinupYearValues>();
            for (int y = 1; y <= years; y++)
            {
                if (metYear >= inputs.Met.YearCount) metYear = 0;
                double maxLai = 0;
                RunYear(state, metYear, forcing, (_, d) => maxLai = Math.Max(maxLai, d.ProjLai));
                traj.Add(new SpinupYearValues(y, maxLai, state[1], 10 * state[1], 0.3, state[0], 10 * state[1] + 0.3 + state[0], state[2]));
                metYear++;
            }
            return new SpinupOutcome(years, years < inputs.MaxSpinupYears, -0.0004, metYear % inputs.Met.YearCount, traj);
        }
    }
}

/// <summary>Test-side readers standing in for the kernel's EpcReader/MetReader before they are merged.</summary>
public static class TestReaders
{
    /// <summary>Requires the file to exist and start with ECOPHYS; returns fixed parameters.</summary>
    public static EcophysParameters Epc(string path)
    {
        if (!File.Exists(path)) throw new InvalidInputException(path, "file", path, "an existing .epc file");
        string first = File.ReadLines(path).FirstOrDefault() ?? "";
        if (!first.StartsWith("ECOPHYS")) throw new InvalidInputException(path, "line 1", first, "the keyword ECOPHYS");
        return new EcophysParameters { Title = first[7..].Trim(), Woody = true, Evergreen = true, C3 = true, ModelPhenology = true };
    }

    /// <summary>Minimal 9-column met reader (prcp cm → kg m-2 d-1); whole years only.</summary>
    public static MetSeries Met(string path, int headerLines)
    {
        if (!File.Exists(path)) throw new InvalidInputException(path, "file", path, "an existing met file");
        var rows = File.ReadLines(path).Skip(headerLines).Where(l => l.Trim().Length > 0)
            .Select(l => l.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(t => double.Parse(t, CultureInfo.InvariantCulture)).ToArray())
            .ToList();
        int years = rows.Count / 365, n = years * 365;
        var ys = Enumerable.Range(0, years).Select(y => (int)rows[y * 365][0]).ToArray();
        double[] Col(int c, double f = 1) => rows.Take(n).Select(r => r[c] * f).ToArray();
        return new MetSeries(ys, Col(2), Col(3), Col(5, 10), Col(6), Col(7), Col(8));
    }
}
