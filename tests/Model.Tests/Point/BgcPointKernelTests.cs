using CarbonSim.Model.Io.BiomeBgc;
using CarbonSim.Model.Kernel;
using CarbonSim.Model.Point;
using CarbonSim.Model.Tests.Io;

namespace CarbonSim.Model.Tests.Point;

public class BgcPointKernelTests
{
    private static PointInputs EnfInputs(Func<BgcIni, BgcIni> edit)
    {
        var ini = edit(IniReader.Read(Path.Combine(TestData.BgcInputs, "ini_anchor_runs", "enf.ini")));
        return PointInputs.Load(ini with { Restart = ini.Restart with { Read = false } }, TestData.BgcInputs, null,
            EpcReader.Read, MetReader.Read, CellState.Length, willSimulateNormalYears: true);
    }

    [Fact]
    public void InitialStateTakesTheIniPoolsWithBiomeBgcNitrogen()
    {
        var inputs = EnfInputs(i => i with
        {
            CarbonState = i.CarbonState with { CwdC = 1.0, Litter1C = 0.2, Litter2C = 0.5, Litter4C = 0.3, Soil1C = 1.2, Soil4C = 2.0 },
            NitrogenState = new IniNitrogenState(0.004, 0.0015),
            WaterState = new IniWaterState(5.0, 0.5),
        });
        var s = CellState.FromArray(new BgcPointKernel().Prepare(inputs).InitialState());
        Assert.Equal(1.0, s.CwdC);
        Assert.Equal(1.0 / inputs.Epc.DeadWoodCn, s.CwdN, 15);
        Assert.Equal(0.004, s.Litter1N);
        Assert.Equal(0.5 / inputs.Epc.LeafLitterCn, s.Litter2N, 15);
        Assert.Equal(0.3 / inputs.Epc.LeafLitterCn, s.Litter4N, 15);
        Assert.Equal(1.2 / 12.0, s.Soil1N, 15);
        Assert.Equal(2.0 / 10.0, s.Soil4N, 15);
        Assert.Equal(0.0015, s.MineralN);
        Assert.Equal(5.0, s.SnowWater);
        Assert.Equal(0, s.NextMetYear);
        Assert.True(s.LeafC + s.LeafTransferC > 0); // first-year max leaf C 0.001 became leaf + transfer
    }

    [Fact]
    public void RunYearFromTheSeamEqualsTheKernelDirectly()
    {
        var inputs = EnfInputs(i => i);
        var model = new BgcPointKernel().Prepare(inputs);
        double[] a = model.InitialState();
        var days = new List<PointDay>();
        model.RunYear(a, 3, new YearInputs(1950, 350, 0.0002, 0.0004), (_, d) => days.Add(d));

        var cell = new CellModel(inputs.Epc, inputs.Site, inputs.Met);
        var s = CellState.FromArray(model.InitialState());
        var summary = cell.RunYear(s, 3, new YearForcing(350, 0.0002));
        Assert.Equal(s.ToArray(), a);
        Assert.Equal(365, days.Count);
        Assert.Equal(summary.Gpp, days.Sum(d => d.Gpp), 12);
        Assert.Equal(summary.Nbp, days.Sum(d => d.NeeUptakePositive), 12);
        Assert.All(days, d => Assert.Equal(350, d.Co2));
    }
}
