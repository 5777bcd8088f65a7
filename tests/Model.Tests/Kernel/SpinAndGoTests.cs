using CarbonSim.Model.Io.BiomeBgc;
using CarbonSim.Model.Kernel;
using CarbonSim.Model.Point;
using CarbonSim.Model.Tests.Reference;

namespace CarbonSim.Model.Tests.Kernel;

/// <summary>The point driver with the real kernel behind <see cref="IPointKernel"/>: spin-and-go on the enf anchor ini.</summary>
public class SpinAndGoTests
{
    [Fact]
    public void SpinAndGoOnTheEnfIniReproducesTheReference()
    {
        string iniDir = Path.Combine(ReferenceData.Root, "inputs");
        var ini = IniReader.Read(Path.Combine(iniDir, "ini_anchor_runs", "enf.ini"));
        var kernel = new BgcPointKernel();
        var inputs = PointInputs.Load(ini with { Restart = ini.Restart with { Read = false } }, iniDir, null,
            EpcReader.Read, MetReader.Read, kernel.StateLength, willSimulateNormalYears: true);
        var result = PointRun.Execute(inputs, new PointRunOptions(PointMode.SpinAndGo), kernel);
        Assert.Equal(2112, result.Spinup!.Years);
        Assert.True(result.Spinup.ReachedSteadyState);
        Assert.Equal(44, result.AnnualRows.Count);
        var expected = ReferenceData.ReadCsv(ReferenceData.Expected("enf_annual.csv"));
        Assert.Equal(kernel.StateLength, result.FinalState.Length);
        Assert.True(result.DailyRows.Count > 0);
        double[] ourTotal = result.FinalState;
        Assert.InRange(CellState.FromArray(ourTotal).TotalC * 1000 / expected["totalc_end_gC_m2"][^1], 0.999, 1.001);
    }
}
