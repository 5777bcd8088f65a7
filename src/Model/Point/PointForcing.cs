using CarbonSim.Model.Io.BiomeBgc;

namespace CarbonSim.Model.Point;

/// <summary>
/// Per-year CO2 and N inputs of a point run, following BIOME-BGC 4.2's rules (bgc.c, science notes §1.4):
/// <list type="bullet">
/// <item>Spin-up: always the constant CO2 of CO2_CONTROL and the SITE N deposition.</item>
/// <item>Normal run, CO2 mode 0: constant CO2, SITE N deposition (RAMP_NDEP is ignored, as in BIOME-BGC).</item>
/// <item>Mode 1: CO2 of the calendar year from the file. Mode 2: constant CO2.</item>
/// <item>Modes 1 and 2 with RAMP_NDEP on and no <c>-n</c> file: N deposition rises from the SITE value
/// with the CO2 curve, reaching the industrial value in the reference year, never below the SITE value.</item>
/// <item><c>-n</c> file: N deposition of the calendar year from the file, overriding all of the above.</item>
/// </list>
/// N fixation is always the SITE value.
/// </summary>
/// <remarks>
/// Difference from BIOME-BGC: its ramp indexes the CO2 array by simulation-year offset, silently
/// assuming the CO2 file starts at the first simulation year; CarbonSim looks CO2 up by calendar year,
/// so the same file works whatever year it starts in.
/// </remarks>
public static class PointForcing
{
    /// <summary>Forcing of every spin-up year.</summary>
    public static YearInputs Spinup(BgcIni ini) =>
        new(ini.Time.FirstYear, ini.Co2.ConstantPpm, ini.Site.NDeposition, ini.Site.NFixation);

    /// <summary>Forcing of calendar year <paramref name="year"/> of a normal run.</summary>
    public static YearInputs ForYear(PointInputs inputs, int year)
    {
        var ini = inputs.Ini;
        double co2 = ini.Co2.Mode == Co2Mode.AnnualFile ? inputs.Co2File!.ValueFor(year) : ini.Co2.ConstantPpm;
        double ndep = ini.Site.NDeposition;
        if (inputs.NdepFile is not null)
            ndep = inputs.NdepFile.ValueFor(year);
        else if (ini.Co2.Mode != Co2Mode.Constant && ini.RampNdep.Enabled)
            ndep = RampedNdep(ini, inputs.Co2File!, year);
        return new YearInputs(year, co2, ndep, ini.Site.NFixation);
    }

    /// <summary>
    /// [kgN m-2 a-1] Ramped N deposition: pre + (CO2(year) − CO2(first)) × (ind − pre) / (CO2(ref) − CO2(first)),
    /// floored at pre, where pre is the SITE N deposition and ind the RAMP_NDEP industrial value.
    /// </summary>
    public static double RampedNdep(BgcIni ini, AnnualSeries co2, int year)
    {
        double pre = ini.Site.NDeposition;
        double c0 = co2.ValueFor(ini.Time.FirstYear);
        double scale = (ini.RampNdep.IndustrialNdep - pre) / (co2.ValueFor(ini.RampNdep.ReferenceYear) - c0);
        double ndep = pre + (co2.ValueFor(year) - c0) * scale;
        return ndep < pre ? pre : ndep;
    }

    /// <summary>Checks up front that a ramped-N-deposition run can be computed from the CO2 file.</summary>
    public static void CheckRamp(BgcIni ini, AnnualSeries co2)
    {
        int first = ini.Time.FirstYear, last = first + ini.Time.SimYears - 1;
        co2.RequireYears(first, last, "RAMP_NDEP scales N deposition with CO2 in every simulated year");
        co2.RequireYears(ini.RampNdep.ReferenceYear, ini.RampNdep.ReferenceYear, "RAMP_NDEP reference year");
        if (co2.ValueFor(ini.RampNdep.ReferenceYear) == co2.ValueFor(first))
            throw new InvalidInputException(ini.SourceFile, "RAMP_NDEP reference year", ini.RampNdep.ReferenceYear.ToString(),
                $"a year whose CO2 in {co2.File} differs from the first simulation year's ({first}), so the ramp is defined");
    }
}
