namespace CarbonSim.Model.Output;

/// <summary>
/// One per-cell layer on the run's <see cref="GridSpec"/>: values row-major, top (north) row first,
/// <see cref="double.NaN"/> where there is no data (outside every city).
/// </summary>
/// <param name="Name">Layer name, e.g. <c>total_c_2020</c> or <c>npp_2060</c>.</param>
/// <param name="Unit">Internal unit of <paramref name="Values"/>: <see cref="OutputUnits.KgCPerM2"/> or <see cref="OutputUnits.KgCPerM2PerYear"/> (converted on writing), or any other label (written as is).</param>
/// <param name="Year">[a] Simulation year the layer belongs to.</param>
/// <param name="Values">[Unit] Rows × Cols values; NaN = no data.</param>
public sealed record RasterLayer(string Name, string Unit, int Year, double[] Values)
{
    /// <summary>[kgC m-2] Total ecosystem carbon (vegetation + litter + soil) at the end of <paramref name="year"/>.</summary>
    public static RasterLayer TotalCarbon(int year, double[] kgCPerM2) =>
        new($"total_c_{year}", OutputUnits.KgCPerM2, year, kgCPerM2);

    /// <summary>[kgC m-2 a-1] Net primary production summed over <paramref name="year"/>.</summary>
    public static RasterLayer Npp(int year, double[] kgCPerM2PerYear) =>
        new($"npp_{year}", OutputUnits.KgCPerM2PerYear, year, kgCPerM2PerYear);

    /// <summary>[-] Land-use class code of every cell at the end of <paramref name="year"/> (runs with land-use change).</summary>
    public static RasterLayer LandUse(int year, double[] classCodes) =>
        new($"land_use_{year}", "class code", year, classCodes);

    /// <summary>
    /// The layer of a scenario output variable (<c>outputs.variables</c>: gpp, npp, nep, nbp, rh [kgC m-2 a-1];
    /// vegc, litrc, soilc, totalc [kgC m-2]) for <paramref name="year"/>, named <c>&lt;name&gt;_&lt;year&gt;</c>.
    /// </summary>
    public static RasterLayer ForVariable(string variable, int year, double[] values) => variable switch
    {
        "totalc" => TotalCarbon(year, values),
        "npp" => Npp(year, values),
        "gpp" or "nep" or "nbp" or "rh" => new($"{variable}_{year}", OutputUnits.KgCPerM2PerYear, year, values),
        "vegc" => new($"veg_c_{year}", OutputUnits.KgCPerM2, year, values),
        "litrc" => new($"litter_c_{year}", OutputUnits.KgCPerM2, year, values),
        "soilc" => new($"soil_c_{year}", OutputUnits.KgCPerM2, year, values),
        _ => throw new ArgumentException($"no raster layer for output variable '{variable}'", nameof(variable)),
    };
}
