using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using CarbonSim.Model.Climate;
using CarbonSim.Model.Io.BiomeBgc;
using CarbonSim.Model.Parameters;

namespace CarbonSim.Model.Region;

/// <summary>
/// The one content hash that names a spin-up (used by <c>validate</c>, the region layout and the
/// spin-up grains alike). Byte layout (little-endian, version-tagged): tag; the .epc parameter
/// values in line order (<see cref="EpcFields.All"/>, flags as 0/1; the free-text title is not
/// hashed); site (depth, sand, silt, clay, elevation, latitude, albedo, N fixation); spin-up CO2
/// [ppm], N deposition [kgN m-2 a-1], accelerated flag, max years, stand age [a]; the met series
/// (year count, then each year label and every daily Tmax, Tmin, Prcp, VPD, Srad, DayLength value).
/// Doubles hash by their IEEE-754 bits, so the key is identical on every machine. With a history
/// (Kernel.TransientHistory) the bytes go on: the tag <c>history</c>, start year, first year, the CO2 [ppm]
/// and N deposition [kgN m-2 a-1] of every history year, and the clearing year (0 = none); without one the
/// key is what it was before histories existed.
/// </summary>
public static class SpinupKeys
{
    public const string Tag = "carbonsim-spinup-v2";

    public static string Compute(EcophysParameters epc, SiteParameters site, MetSeries met, double co2Ppm,
        double nDeposition, bool accelerated, int maxYears, int standAgeYears, Kernel.HistoryForcing? history = null, int clearingYear = 0, int clearingSpreadYears = 0)
    {
        using var h = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        h.AppendData(Encoding.UTF8.GetBytes(Tag));
        var b8 = new byte[8];
        void D(double v) { BinaryPrimitives.WriteInt64LittleEndian(b8, BitConverter.DoubleToInt64Bits(v)); h.AppendData(b8); }
        void I(long v) { BinaryPrimitives.WriteInt64LittleEndian(b8, v); h.AppendData(b8); }
        I(EpcFields.All.Count);
        foreach (var field in EpcFields.All) D(field.Get(epc));
        if (epc.Management is not null)   // managed cropland: the crop rotation is part of the column (absent for unmanaged types: keys unchanged)
            h.AppendData(Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(epc.Management)));
        if (epc.UrbanGreen is not null)   // managed urban green: the practice is part of the column (absent otherwise: keys unchanged)
            h.AppendData(Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(epc.UrbanGreen)));
        if (epc.ForestHarvest is not null)   // harvested forest: the felling is part of the column (absent otherwise: keys unchanged)
            h.AppendData(Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(epc.ForestHarvest)));
        D(site.SoilDepth); D(site.SandPercent); D(site.SiltPercent); D(site.ClayPercent);
        D(site.Elevation); D(site.Latitude); D(site.Albedo); D(site.NFixation);
        D(co2Ppm); D(nDeposition); I(accelerated ? 1 : 0); I(maxYears); I(standAgeYears);
        I(met.YearCount);
        foreach (var y in met.Years) I(y);
        foreach (var arr in new[] { met.Tmax, met.Tmin, met.Prcp, met.Vpd, met.Srad, met.DayLength })
        {
            var bytes = new byte[arr.Length * 8];
            for (int i = 0; i < arr.Length; i++)
                BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(i * 8), BitConverter.DoubleToInt64Bits(arr[i]));
            h.AppendData(bytes);
        }
        if (history is not null)
        {
            h.AppendData(Encoding.UTF8.GetBytes("history"));
            I(history.StartYear); I(history.FirstYear);
            I(history.Co2Ppm.Length); foreach (var v in history.Co2Ppm) D(v);
            I(history.NDeposition.Length); foreach (var v in history.NDeposition) D(v);
            I(clearingYear);
            if (clearingSpreadYears != 0) { h.AppendData(Encoding.UTF8.GetBytes("spread")); I(clearingSpreadYears); } // keys without a spread unchanged
        }
        else if (clearingYear != 0 || clearingSpreadYears != 0)
            throw new ArgumentException($"clearing year {clearingYear} given without a history");
        return Convert.ToHexStringLower(h.GetHashAndReset());
    }
}
