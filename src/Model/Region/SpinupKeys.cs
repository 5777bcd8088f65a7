using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using CarbonSim.Model.Climate;
using CarbonSim.Model.Parameters;
using CarbonSim.Model.Scenarios;

namespace CarbonSim.Model.Region;

/// <summary>
/// Stable content hash of everything a spin-up depends on. Byte layout (little-endian, version-tagged):
/// tag "carbonsim-spinup-v1"; the .epc parameter values in line order (EpcFields.All); site (depth, sand, silt, clay, elevation, latitude,
/// albedo, N deposition, N fixation); spin-up CO2, mode, max years and stand age; the met series (year count, then
/// each year label and every daily Tmax, Tmin, Prcp, VPD, Srad, DayLength value). Doubles hash by their
/// IEEE-754 bits, so the key is identical on every machine.
/// </summary>
public static class SpinupKeys
{
    public const string Tag = "carbonsim-spinup-v1";

    public static string Compute(VegetationSpec vegetation, SiteParameters site, MetSeries met, double co2Ppm, SpinupMode mode, int maxYears, int standAgeYears = 0)
    {
        using var h = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        h.AppendData(Encoding.UTF8.GetBytes(Tag));
        var b8 = new byte[8];
        void D(double v) { BinaryPrimitives.WriteInt64LittleEndian(b8, BitConverter.DoubleToInt64Bits(v)); h.AppendData(b8); }
        void I(long v) { BinaryPrimitives.WriteInt64LittleEndian(b8, v); h.AppendData(b8); }
        I(vegetation.Values.Length);
        foreach (var v in vegetation.Values) D(v);
        D(site.SoilDepth); D(site.SandPercent); D(site.SiltPercent); D(site.ClayPercent);
        D(site.Elevation); D(site.Latitude); D(site.Albedo); D(site.NDeposition); D(site.NFixation);
        D(co2Ppm); I((int)mode); I(maxYears); I(standAgeYears);
        I(met.YearCount);
        foreach (var y in met.Years) I(y);
        foreach (var arr in new[] { met.Tmax, met.Tmin, met.Prcp, met.Vpd, met.Srad, met.DayLength })
        {
            var bytes = new byte[arr.Length * 8];
            for (int i = 0; i < arr.Length; i++)
                BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(i * 8), BitConverter.DoubleToInt64Bits(arr[i]));
            h.AppendData(bytes);
        }
        return Convert.ToHexStringLower(h.GetHashAndReset());
    }
}
