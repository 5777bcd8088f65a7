using System.Globalization;
using CarbonSim.Client.Cli;
using CarbonSim.Client.Tests.EndToEnd;
using CarbonSim.Model.Io.Formats;
using CarbonSim.Model.Io.Rasters;
using CarbonSim.Model.Tests.Io.Rasters;

namespace CarbonSim.Client.Tests.Cli;

/// <summary><c>invest</c> on maps in a CRS: GeoTIFF read with its GeoKeys, areas from a projected CRS, lon/lat refused.</summary>
public sealed class InvestCrsTests : IDisposable
{
    readonly string _dir = CliProcess.NewScratch("invest-crs");
    public void Dispose() => CliProcess.TryDelete(_dir);

    string Pools()
    {
        var p = Path.Combine(_dir, "pools.csv");
        File.WriteAllText(p, "lucode,lulc_name,c_above,c_below,c_soil,c_dead\n1,a,15,10,60,1\n2,b,5,3,20,0\n");
        return p;
    }

    static readonly double[] Map = [1, 1, 2, 2, 1, 2];   // 3 x 2 pixels: three of class 1, three of class 2

    [Fact]
    public void Utm_geotiff_totals_use_30m_pixels_and_outputs_keep_the_crs()
    {
        var tif = Path.Combine(_dir, "bas.tif");
        TestTiff.Write(tif, 3, 2, Map, 8, 500000, 4430000, 30, 30, TestTiff.ProjectedKeys(32650));
        var outDir = Path.Combine(_dir, "inv");
        var r = InProcessCli.Run("invest", "--lulc-bas", tif, "--pools", Pools(), "--out", outDir);
        Assert.True(r.ExitCode == 0, r.Stderr);
        // Three pixels of 86 t C/ha and three of 28, each 0.09 ha: (3·86 + 3·28) · 0.09 = 30.78 t C.
        var total = File.ReadLines(Path.Combine(outDir, "summary.csv")).Single(l => l.StartsWith("total_c_bas,")).Split(',')[1];
        Assert.Equal(30.78, double.Parse(total, CultureInfo.InvariantCulture), 1e-9);
        Assert.Contains("pixel_area,900,m2", File.ReadAllText(Path.Combine(outDir, "summary.csv")));
        var prj = File.ReadAllText(Path.Combine(outDir, "c_storage_bas.prj"));
        var crs = RasterCrs.FromWkt(prj, "c_storage_bas.prj", "test");
        Assert.Contains("UTM zone 50N", crs.System.Name);
    }

    [Fact]
    public void Lonlat_map_is_refused_and_nothing_is_written()
    {
        var asc = Path.Combine(_dir, "bas.asc");
        new EsriAsciiGrid(3, 2, 116.0, 39.9, 0.001, null, Map, RasterCrs.EpsgWkt(4326)).Write(asc);
        var outDir = Path.Combine(_dir, "inv");
        var r = InProcessCli.Run("invest", "--lulc-bas", asc, "--pools", Pools(), "--out", outDir);
        Assert.Equal(ExitCodes.BadInput, r.ExitCode);
        var line = Assert.Single(r.ErrorLines);
        Assert.Contains($"{asc}: CRS: got 'WGS 84 (.prj)', expected a projected CRS for invest", line);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void Degrees_without_a_crs_are_refused()
    {
        var asc = Path.Combine(_dir, "bas.asc");
        new EsriAsciiGrid(3, 2, 116.0, 39.9, 0.001, null, Map).Write(asc);
        var r = InProcessCli.Run("invest", "--lulc-bas", asc, "--pools", Pools(), "--out", Path.Combine(_dir, "inv"));
        Assert.Equal(ExitCodes.BadInput, r.ExitCode);
        Assert.Contains("these numbers look like lon/lat degrees, which are not metres", Assert.Single(r.ErrorLines));
    }
}
