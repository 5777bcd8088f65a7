using CarbonSim.Model.Climate;
using CarbonSim.Model.Io.BiomeBgc;
using CarbonSim.Model.Io.Restart;
using CarbonSim.Model.Parameters;

namespace CarbonSim.Model.Point;

/// <summary>
/// Everything a point run needs, loaded and checked: the ini, the vegetation parameters, the met
/// record with the ini's CLIM_CHANGE applied, the optional CO2 / N-deposition series and the
/// optional input restart. Immutable after loading.
/// </summary>
public sealed record PointInputs
{
    /// <summary>The parsed ini.</summary>
    public required BgcIni Ini { get; init; }
    /// <summary>Vegetation constants (from the ini's EPC_FILE: .epc, or .yaml/.yml in the named form).</summary>
    public required EcophysParameters Epc { get; init; }
    /// <summary>Site constants (the ini's SITE block).</summary>
    public SiteParameters Site => Ini.Site;
    /// <summary>Daily met, exactly <see cref="IniTime.MetYears"/> years, CLIM_CHANGE applied.</summary>
    public required MetSeries Met { get; init; }
    /// <summary>Annual CO2 (ppm) when CO2_CONTROL mode is 1 or 2, else null.</summary>
    public AnnualSeries? Co2File { get; init; }
    /// <summary>Annual N deposition (kgN m-2 a-1) from the <c>-n</c> option, else null.</summary>
    public AnnualSeries? NdepFile { get; init; }
    /// <summary>Input restart when the ini's RESTART block asks to read one, else null.</summary>
    public RestartData? RestartIn { get; init; }
    /// <summary>[a] Maximum spin-up years (TIME_DEFINE).</summary>
    public int MaxSpinupYears => Ini.Time.MaxSpinupYears;

    /// <summary>
    /// Loads and checks every file an ini refers to. File names from the ini and <paramref name="ndepFile"/>
    /// are resolved against <paramref name="baseDirectory"/> (BIOME-BGC: the current directory).
    /// </summary>
    /// <param name="ini">Parsed ini.</param>
    /// <param name="baseDirectory">Folder the ini's relative file names are relative to.</param>
    /// <param name="ndepFile">Optional <c>-n</c> N-deposition file (as given on the command line).</param>
    /// <param name="readEpc">.epc reader (the kernel's EpcReader.Read); .yaml/.yml files use <see cref="EpcYaml.Read"/> instead.</param>
    /// <param name="readMet">Met reader (the kernel's MetReader.Read(path, headerLines)).</param>
    /// <param name="restartStateLength">[-] Expected length of a restart's state (the kernel's CellState length).</param>
    /// <param name="willSimulateNormalYears">True if a normal run follows (CO2 / N-dep files must cover its years).</param>
    public static PointInputs Load(BgcIni ini, string baseDirectory, string? ndepFile,
        Func<string, EcophysParameters> readEpc, Func<string, int, MetSeries> readMet,
        int restartStateLength, bool willSimulateNormalYears)
    {
        string Resolve(string name) => BgcIni.ResolvePath(name, baseDirectory);

        string epcPath = Resolve(ini.EpcFile);
        string ext = Path.GetExtension(epcPath).ToLowerInvariant();
        var epc = ext is ".yaml" or ".yml" ? EpcYaml.Read(epcPath) : readEpc(epcPath);

        string metPath = Resolve(ini.Met.File);
        var met = readMet(metPath, ini.Met.HeaderLines);
        met = MetAdjust.TakeYears(met, ini.Time.MetYears, metPath, ini.SourceFile);
        met = MetAdjust.ApplyClimateChange(met, ini.ClimateChange);

        int first = ini.Time.FirstYear, last = ini.Time.FirstYear + ini.Time.SimYears - 1;
        AnnualSeries? co2 = null;
        if (ini.Co2.Mode != Co2Mode.Constant)
        {
            co2 = Co2FileReader.Read(Resolve(ini.Co2.File));
            if (willSimulateNormalYears && ini.Co2.Mode == Co2Mode.AnnualFile)
                co2.RequireYears(first, last, "CO2_CONTROL mode 1 reads CO2 by simulation year");
        }
        AnnualSeries? ndep = null;
        if (ndepFile is not null)
        {
            ndep = NdepFileReader.Read(Resolve(ndepFile));
            if (willSimulateNormalYears)
                ndep.RequireYears(first, last, "-n gives N deposition by simulation year");
        }
        if (willSimulateNormalYears && ndep is null && ini.RampNdep.Enabled && co2 is not null)
            PointForcing.CheckRamp(ini, co2);

        RestartData? restart = null;
        if (ini.Restart.Read)
        {
            restart = RestartFile.Read(Resolve(ini.Restart.InputFile), restartStateLength);
            if (restart.MetYear >= ini.Time.MetYears && ini.Restart.KeepMetYear)
                throw new InvalidInputException(Resolve(ini.Restart.InputFile), "met-year index", restart.MetYear.ToString(),
                    $"a met-year index below the ini's {ini.Time.MetYears} met years (ini {ini.SourceFile}, TIME_DEFINE)");
        }

        return new PointInputs { Ini = ini, Epc = epc, Met = met, Co2File = co2, NdepFile = ndep, RestartIn = restart };
    }
}
