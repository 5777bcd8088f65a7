using CarbonSim.Client.Point;
using CarbonSim.Model.Io.Restart;
using CarbonSim.Model.Kernel;
using CarbonSim.Model.Tests.Io;

namespace CarbonSim.Client.Tests.Point;

/// <summary>
/// The ENF anchor pair through the point verb with the real kernel: enf_spinup.ini, then enf.ini
/// reading the spin-up's restart, in a scratch copy of data/reference/biomebgc/inputs.
/// </summary>
public class PointEndToEndTests
{
    private static string[] Ref(string file) => File.ReadAllLines(Path.Combine(TestData.BgcExpected, file)).Select(l => l.TrimEnd('\r')).ToArray();

    [Fact]
    public void EnfSpinupThenNormalRunMatchesTheReferenceShapeAndSpinupLength()
    {
        using var ws = new PointWorkspace("e2e-enf");
        var backend = PointBackends.Default();

        var spin = ws.Run(backend, "ini_anchor_runs/enf_spinup.ini");
        Assert.True(spin.Exit == 0, spin.Err);
        var refSpin = Ref("enf_spinup_annual.csv");
        var spinCsv = File.ReadAllLines(Path.Combine(ws.Root, "outputs", "enf_spinup_spinup_annual.csv"));
        Assert.Equal(refSpin[0], spinCsv[0]);
        // BIOME-BGC's steady-state rule ends the ENF spin-up after 2112 years; the verb reports and writes as many.
        Assert.Contains($"spin-up years: {refSpin.Length - 1}", spin.Out);
        Assert.Equal(refSpin.Length, spinCsv.Length);
        var restart = RestartFile.Read(Path.Combine(ws.Root, "restart", "enf.endpoint"), CellState.Length);
        Assert.Equal(0, restart.MetYear); // 2112 = 48 whole cycles of the 44-year record

        var run = ws.Run(backend, "ini_anchor_runs/enf.ini");
        Assert.True(run.Exit == 0, run.Err);
        var annual = File.ReadAllLines(Path.Combine(ws.Root, "outputs", "enf_annual.csv"));
        var refAnnual = Ref("enf_annual.csv");
        Assert.Equal(refAnnual[0], annual[0]);
        Assert.Equal(45, annual.Length); // header + 44 years
        Assert.Equal(refAnnual.Select(l => l.Split(',')[0]), annual.Select(l => l.Split(',')[0]));
        var daily = File.ReadAllLines(Path.Combine(ws.Root, "outputs", "enf_daily.csv"));
        Assert.Equal(Ref("enf_daily.csv")[0], daily[0]);
        Assert.Equal(44 * 365 + 1, daily.Length);

        // Loose sanity against the reference (the kernel's own golden tests hold the tight tolerances):
        // mean total C over 1950-1993 within 1 %.
        double Mean(string[] rows, string col)
        {
            int i = Array.IndexOf(rows[0].Split(','), col);
            return rows.Skip(1).Average(r => double.Parse(r.Split(',')[i], System.Globalization.CultureInfo.InvariantCulture));
        }
        Assert.Equal(Mean(refAnnual, "totalc_end_gC_m2"), Mean(annual, "totalc_end_gC_m2"), Mean(refAnnual, "totalc_end_gC_m2") * 0.01);

        // The same spin-up state under CLIM_CHANGE (+2 °C) and under -n: the driver must pass both on.
        var warm = ws.Run(backend, "ini_anchor_runs/enf_warm2.ini");
        Assert.True(warm.Exit == 0, warm.Err);
        var warmRows = File.ReadAllLines(Path.Combine(ws.Root, "outputs", "enf_warm2_annual.csv"));
        var refWarm = Ref("enf_warm2_annual.csv");
        Assert.Equal(Mean(refWarm, "tavg_degC"), Mean(warmRows, "tavg_degC"), 0.01);
        Assert.Equal(Mean(annual, "tavg_degC") + 2, Mean(warmRows, "tavg_degC"), 0.01);
        Assert.Equal(Mean(refWarm, "gpp_gC_m2_yr"), Mean(warmRows, "gpp_gC_m2_yr"), Mean(refWarm, "gpp_gC_m2_yr") * 0.01);

        var ndep = ws.Run(backend, "ini_anchor_runs/enf_ndepfile.ini", "-n", "co2/ndep.txt");
        Assert.True(ndep.Exit == 0, ndep.Err);
        var ndepRows = File.ReadAllLines(Path.Combine(ws.Root, "outputs", "enf_ndepfile_annual.csv"));
        var refNdep = Ref("enf_ndepfile_annual.csv");
        Assert.NotEqual(Mean(refAnnual, "npp_gC_m2_yr"), Mean(refNdep, "npp_gC_m2_yr"), 1); // the reference shows an N-deposition effect
        Assert.Equal(Mean(refNdep, "npp_gC_m2_yr"), Mean(ndepRows, "npp_gC_m2_yr"), Mean(refNdep, "npp_gC_m2_yr") * 0.002);
        // CO2_CONTROL mode 1: each year's CO2 comes from co2/co2.txt by calendar year.
        var tr = ws.Run(backend, "ini_anchor_runs/enf_co2transient.ini");
        Assert.True(tr.Exit == 0, tr.Err);
        var trRows = File.ReadAllLines(Path.Combine(ws.Root, "outputs", "enf_co2transient_annual.csv"));
        var co2File = CarbonSim.Model.Io.BiomeBgc.Co2FileReader.Read(Path.Combine(ws.Root, "co2", "co2.txt"));
        int co2Col = Array.IndexOf(trRows[0].Split(','), "co2_ppm");
        foreach (var row in trRows.Skip(1))
        {
            var f = row.Split(',');
            Assert.Equal(co2File.ValueFor(int.Parse(f[0])).ToString("F3", System.Globalization.CultureInfo.InvariantCulture), f[co2Col]);
        }
    }
}

public class PointAcceleratedTests
{
    [Fact]
    public void AcceleratedSpinupIsShorterAndFeedsANormalRun()
    {
        using var ws = new PointWorkspace("e2e-acc");
        var backend = PointBackends.Default();
        var spin = ws.Run(backend, "ini_anchor_runs/enf_spinup.ini", "--accelerated");
        Assert.True(spin.Exit == 0, spin.Err);
        Assert.Contains("accelerated", spin.Out);
        int years = File.ReadAllLines(Path.Combine(ws.Root, "outputs", "enf_spinup_spinup_annual.csv")).Length - 1;
        Assert.InRange(years, 1, 2111); // shorter than BIOME-BGC's 2112-year rule
        Assert.Contains($"spin-up years: {years}", spin.Out);
        var run = ws.Run(backend, "ini_anchor_runs/enf.ini");
        Assert.True(run.Exit == 0, run.Err);
        Assert.Equal(45, File.ReadAllLines(Path.Combine(ws.Root, "outputs", "enf_annual.csv")).Length);
    }
}

public class PointYamlEpcTests
{
    [Fact]
    public void AnIniNamingAYamlParameterFileGivesTheSameOutputsAsTheEpc()
    {
        using var ws = new PointWorkspace("yaml-epc");
        var backend = PointBackends.Default();
        string ini = ws.Read("ini_anchor_runs/enf.ini");
        ini = TestData.ReplaceFirstToken(ini, TestData.LineOf(ini, "RESTART") + 1, "0"); // bare-ground 44-year run, no restart
        ini = TestData.ReplaceFirstToken(ini, TestData.LineOf(ini, "OUTPUT_CONTROL") + 1, "outputs/from_epc");
        ws.Write("ini_anchor_runs/a.ini", ini);
        string yamlIni = ini.Replace("epc/enf.epc", "epc/enf.yaml").Replace("outputs/from_epc", "outputs/from_yaml");
        ws.Write("ini_anchor_runs/b.ini", yamlIni);
        CarbonSim.Model.Io.BiomeBgc.EpcYaml.Write(CarbonSim.Model.Io.BiomeBgc.EpcReader.Read(Path.Combine(ws.Root, "epc", "enf.epc")),
            Path.Combine(ws.Root, "epc", "enf.yaml"));

        Assert.Equal(0, ws.Run(backend, "ini_anchor_runs/a.ini").Exit);
        Assert.Equal(0, ws.Run(backend, "ini_anchor_runs/b.ini").Exit);
        string a = File.ReadAllText(Path.Combine(ws.Root, "outputs", "from_epc_annual.csv"));
        Assert.Equal(45, a.TrimEnd('\n').Split('\n').Length);
        Assert.Equal(a, File.ReadAllText(Path.Combine(ws.Root, "outputs", "from_yaml_annual.csv")));
    }
}
