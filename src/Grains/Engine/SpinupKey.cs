using System.Security.Cryptography;
using System.Text.Json;
using CarbonSim.Grains.Contracts;

namespace CarbonSim.Grains.Engine;

/// <summary>
/// The content hash that names a spin-up: SHA-256 over every .epc and site value (as JSON, property
/// order fixed by declaration), every daily met value (IEEE bits), and the spin-up CO2 and N deposition.
/// Equal content gives an equal key on any machine; any changed value gives another key.
/// </summary>
public static class SpinupKey
{
    const string Version = "carbonsim-spinup-v1";

    public static string Of(SpinupRequest r)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(hash, Version);
        Append(hash, JsonSerializer.Serialize(r.Epc));
        Append(hash, JsonSerializer.Serialize(r.Site));
        var m = r.Met;
        hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(m.Years.AsSpan()));
        foreach (var a in new[] { m.Tmax, m.Tmin, m.Prcp, m.Vpd, m.Srad, m.DayLength })
            hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(a.AsSpan()));
        Span<double> forcing = [r.Co2, r.NDeposition, r.Accelerated ? 1 : 0, r.MaxYears, r.StandAgeYears];
        hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(forcing));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    static void Append(IncrementalHash hash, string text) =>
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes(text + "\n"));
}

/// <summary>Builds the spin-up request of a (vegetation, site, climate) combination of a run.</summary>
public static class SpinupRequests
{
    public static SpinupRequest For(RunSpec spec, SpinupCombo combo) => new()
    {
        Epc = spec.VegetationTypes[combo.Vegetation].Epc,
        Site = spec.Sites[combo.Site],
        Met = spec.Climates[combo.Climate],
        Co2 = spec.SpinupCo2,
        NDeposition = spec.SpinupNDeposition,
        Accelerated = spec.SpinupAccelerated,
        MaxYears = spec.SpinupMaxYears,
        StandAgeYears = spec.SpinupStandAgeYears,
    };
}
