using CarbonSim.Model.Parameters;

namespace CarbonSim.Model.Io.BiomeBgc;

/// <summary>
/// A BIOME-BGC 4.2 initialization (.ini) file, parsed and checked (science notes §1.4).
/// Immutable. File names are kept exactly as written in the ini; BIOME-BGC opens them relative to
/// the working directory of the run, so callers resolve them with <see cref="ResolvePath"/>.
/// </summary>
public sealed record BgcIni
{
    /// <summary>[-] Path of the ini file as given to the reader (used in error messages).</summary>
    public required string SourceFile { get; init; }
    /// <summary>[-] Free header text (line 1).</summary>
    public required string Header { get; init; }
    /// <summary>MET_INPUT block.</summary>
    public required IniMetInput Met { get; init; }
    /// <summary>RESTART block.</summary>
    public required IniRestart Restart { get; init; }
    /// <summary>TIME_DEFINE block.</summary>
    public required IniTime Time { get; init; }
    /// <summary>CLIM_CHANGE block.</summary>
    public required IniClimateChange ClimateChange { get; init; }
    /// <summary>CO2_CONTROL block.</summary>
    public required IniCo2Control Co2 { get; init; }
    /// <summary>SITE block.</summary>
    public required SiteParameters Site { get; init; }
    /// <summary>RAMP_NDEP block.</summary>
    public required IniRampNdep RampNdep { get; init; }
    /// <summary>EPC_FILE block: ecophysiological constants file, as written.</summary>
    public required string EpcFile { get; init; }
    /// <summary>W_STATE block.</summary>
    public required IniWaterState WaterState { get; init; }
    /// <summary>C_STATE block.</summary>
    public required IniCarbonState CarbonState { get; init; }
    /// <summary>N_STATE block.</summary>
    public required IniNitrogenState NitrogenState { get; init; }
    /// <summary>OUTPUT_CONTROL, DAILY_OUTPUT and ANNUAL_OUTPUT blocks.</summary>
    public required IniOutput Output { get; init; }

    /// <summary>
    /// Resolves a file name from the ini against <paramref name="baseDirectory"/> (BIOME-BGC uses the
    /// current directory); absolute names are returned unchanged.
    /// </summary>
    public static string ResolvePath(string nameInIni, string baseDirectory) =>
        Path.IsPathRooted(nameInIni) ? nameInIni : Path.GetFullPath(Path.Combine(baseDirectory, nameInIni));
}

/// <summary>MET_INPUT: the daily weather file.</summary>
/// <param name="File">[-] Met file name as written.</param>
/// <param name="HeaderLines">[lines] Header lines to skip in the met file.</param>
public sealed record IniMetInput(
    string File,
    int HeaderLines);

/// <summary>RESTART: whether to read/write an end-of-run state.</summary>
/// <param name="KeepMetYear">Keep the met-year position stored in the restart (true) or restart the met record at its first year.</param>
public sealed record IniRestart(
    bool Read,
    bool Write,
    bool KeepMetYear,
    string InputFile,
    string OutputFile);

/// <summary>TIME_DEFINE: length of the met record and of the run.</summary>
/// <param name="MetYears">[a] Years in the met file.</param>
/// <param name="SimYears">[a] Years of a normal run.</param>
/// <param name="FirstYear">[a] Calendar year of the first simulated year.</param>
/// <param name="Spinup">Spin-up (true) or normal run.</param>
/// <param name="MaxSpinupYears">[a] Maximum spin-up length.</param>
public sealed record IniTime(
    int MetYears,
    int SimYears,
    int FirstYear,
    bool Spinup,
    int MaxSpinupYears);

/// <summary>CLIM_CHANGE: uniform offsets/multipliers applied to the whole met record on reading.</summary>
/// <param name="TmaxOffset">[°C] Added to every Tmax.</param>
/// <param name="TminOffset">[°C] Added to every Tmin.</param>
/// <param name="PrcpMultiplier">[-] Multiplies every precipitation value.</param>
/// <param name="VpdMultiplier">[-] Multiplies every VPD value.</param>
/// <param name="SwMultiplier">[-] Multiplies every shortwave radiation value.</param>
public sealed record IniClimateChange(
    double TmaxOffset,
    double TminOffset,
    double PrcpMultiplier,
    double VpdMultiplier,
    double SwMultiplier)
{
    /// <summary>True when every offset is 0 and every multiplier 1.</summary>
    public bool IsIdentity => TmaxOffset == 0 && TminOffset == 0 && PrcpMultiplier == 1 && VpdMultiplier == 1 && SwMultiplier == 1;
}

/// <summary>BIOME-BGC's CO2_CONTROL modes.</summary>
public enum Co2Mode
{
    /// <summary>Constant CO2 and constant N deposition.</summary>
    Constant = 0,
    /// <summary>CO2 by year from the annual file (normal runs only; spin-ups always use the constant).</summary>
    AnnualFile = 1,
    /// <summary>Constant CO2; the annual file only drives the ramped N deposition.</summary>
    ConstantWithFileForNdep = 2,
}

/// <summary>CO2_CONTROL.</summary>
/// <param name="ConstantPpm">[ppm] Constant atmospheric CO2 (spin-up, and normal runs in modes 0 and 2).</param>
/// <param name="File">[-] Annual CO2 file name as written (unused, often "xxxxxxxxxxx", in mode 0).</param>
public sealed record IniCo2Control(
    Co2Mode Mode,
    double ConstantPpm,
    string File);

/// <summary>RAMP_NDEP: N deposition scaled with the CO2 curve between the pre-industrial (SITE) and an industrial value.</summary>
/// <param name="ReferenceYear">[a] Year at which N deposition reaches <see cref="IndustrialNdep"/>.</param>
/// <param name="IndustrialNdep">[kgN m-2 a-1] Industrial N deposition.</param>
public sealed record IniRampNdep(
    bool Enabled,
    int ReferenceYear,
    double IndustrialNdep);

/// <summary>W_STATE: initial water state.</summary>
/// <param name="Snow">[kg m-2] Water in the snowpack.</param>
/// <param name="SoilWaterFraction">[-] Initial soil water as a proportion of saturation.</param>
public sealed record IniWaterState(
    double Snow,
    double SoilWaterFraction);

/// <summary>C_STATE: initial carbon (ignored when a restart is read).</summary>
/// <param name="MaxLeafC">[kgC m-2] First-year maximum leaf carbon.</param>
/// <param name="MaxStemC">[kgC m-2] First-year maximum stem carbon.</param>
/// <param name="CwdC">[kgC m-2] Coarse woody debris.</param>
/// <param name="Litter1C">[kgC m-2] Litter, labile.</param>
/// <param name="Litter2C">[kgC m-2] Litter, unshielded cellulose.</param>
/// <param name="Litter3C">[kgC m-2] Litter, shielded cellulose.</param>
/// <param name="Litter4C">[kgC m-2] Litter, lignin.</param>
/// <param name="Soil1C">[kgC m-2] Soil, fast microbial recycling pool.</param>
/// <param name="Soil2C">[kgC m-2] Soil, medium.</param>
/// <param name="Soil3C">[kgC m-2] Soil, slow.</param>
/// <param name="Soil4C">[kgC m-2] Soil, recalcitrant SOM.</param>
public sealed record IniCarbonState(
    double MaxLeafC,
    double MaxStemC,
    double CwdC,
    double Litter1C,
    double Litter2C,
    double Litter3C,
    double Litter4C,
    double Soil1C,
    double Soil2C,
    double Soil3C,
    double Soil4C);

/// <summary>N_STATE: initial nitrogen.</summary>
/// <param name="Litter1N">[kgN m-2] Litter N, labile pool.</param>
/// <param name="SoilMineralN">[kgN m-2] Soil mineral N.</param>
public sealed record IniNitrogenState(
    double Litter1N,
    double SoilMineralN);

/// <summary>OUTPUT_CONTROL plus the DAILY_OUTPUT / ANNUAL_OUTPUT variable code lists.</summary>
/// <param name="Prefix">[-] Output file prefix as written (e.g. "outputs/enf").</param>
/// <param name="DailyCodes">[-] BIOME-BGC output-map indices requested daily (kept for reference; CarbonSim writes a fixed column set).</param>
/// <param name="AnnualCodes">[-] Output-map indices requested at year end.</param>
public sealed record IniOutput(
    string Prefix,
    bool Daily,
    bool MonthlyAverage,
    bool AnnualAverage,
    bool Annual,
    bool OnScreen,
    IReadOnlyList<int> DailyCodes,
    IReadOnlyList<int> AnnualCodes);
