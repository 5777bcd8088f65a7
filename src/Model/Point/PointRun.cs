namespace CarbonSim.Model.Point;

/// <summary>Which simulation a point run does.</summary>
public enum PointMode
{
    /// <summary>As the ini's TIME_DEFINE spin-up flag says.</summary>
    FromIni,
    /// <summary>Spin-up regardless of the ini (BIOME-BGC <c>-u</c>).</summary>
    Spinup,
    /// <summary>Normal run regardless of the ini (BIOME-BGC <c>-m</c>).</summary>
    Normal,
    /// <summary>Spin-up, then a normal run from its end state (BIOME-BGC <c>-g</c>).</summary>
    SpinAndGo,
}

/// <summary>Options of a point run beyond the ini.</summary>
/// <param name="Mode">Which simulation to do.</param>
/// <param name="Accelerated">Use the kernel's accelerated spin-up.</param>
public sealed record PointRunOptions(PointMode Mode = PointMode.FromIni, bool Accelerated = false)
{
    /// <summary>True if this run, for this ini, does a spin-up.</summary>
    public bool DoesSpinup(Io.BiomeBgc.BgcIni ini) => Mode switch
    {
        PointMode.Spinup or PointMode.SpinAndGo => true,
        PointMode.Normal => false,
        _ => ini.Time.Spinup,
    };

    /// <summary>True if this run, for this ini, simulates normal (calendar) years.</summary>
    public bool DoesNormalRun(Io.BiomeBgc.BgcIni ini) => Mode switch
    {
        PointMode.Normal or PointMode.SpinAndGo => true,
        PointMode.Spinup => false,
        _ => !ini.Time.Spinup,
    };
}

/// <summary>Everything a point run produced. Rows are in report units (see <see cref="PointCsv"/>).</summary>
public sealed record PointResult
{
    /// <summary>Spin-up outcome, or null if no spin-up was run.</summary>
    public SpinupOutcome? Spinup { get; init; }
    /// <summary>One row per spin-up year (empty without spin-up).</summary>
    public required IReadOnlyList<SpinupRow> SpinupRows { get; init; }
    /// <summary>True if normal years were simulated.</summary>
    public bool NormalRun { get; init; }
    /// <summary>One row per simulated calendar year (empty without a normal run).</summary>
    public required IReadOnlyList<AnnualRow> AnnualRows { get; init; }
    /// <summary>One row per simulated day when the ini asks for daily output (else empty).</summary>
    public required IReadOnlyList<DailyRow> DailyRows { get; init; }
    /// <summary>[mixed] Final cell state (the kernel's flattened order), for the output restart.</summary>
    public required double[] FinalState { get; init; }
    /// <summary>[-] 0-based met-record position of the next year after the run.</summary>
    public int FinalMetYear { get; init; }
}

/// <summary>
/// The point-run driver: given loaded <see cref="PointInputs"/>, runs a spin-up and/or a normal run
/// through an <see cref="IPointKernel"/> the way BIOME-BGC's pointbgc does, and returns the rows to
/// report. Pure: no files are read or written here.
/// </summary>
public static class PointRun
{
    public static PointResult Execute(PointInputs inputs, PointRunOptions options, IPointKernel kernel)
    {
        var ini = inputs.Ini;
        int metYears = inputs.Met.YearCount;

        var model = kernel.Prepare(inputs);

        // Starting state: restart (RESTART read flag) or the ini's initial-state blocks.
        double[] state;
        int metYear;
        if (inputs.RestartIn is { } restart)
        {
            state = (double[])restart.State.Clone();
            metYear = ini.Restart.KeepMetYear ? restart.MetYear % metYears : 0;
        }
        else
        {
            state = model.InitialState();
            metYear = 0;
        }

        SpinupOutcome? spin = null;
        var spinRows = new List<SpinupRow>();
        if (options.DoesSpinup(ini))
        {
            var outcome = model.Spinup(state, metYear, PointForcing.Spinup(ini), options.Accelerated);
            const double g = ReportUnits.GramsPerKilogram;
            foreach (var y in outcome.Trajectory)
                spinRows.Add(new SpinupRow(y.Year, y.MaxLai, y.LeafC * g, y.VegC * g, y.LitterCInclCwd * g, y.SoilC * g, y.TotalC * g, y.SoilMineralN * g));
            spin = outcome;
            metYear = ini.Restart.KeepMetYear || options.Mode != PointMode.SpinAndGo ? outcome.NextMetYear % metYears : 0;
        }

        var annual = new List<AnnualRow>();
        var daily = new List<DailyRow>();
        bool normal = options.DoesNormalRun(ini);
        if (normal)
        {
            bool wantDaily = ini.Output.Daily;
            var acc = new AnnualAccumulator();
            for (int y = 0; y < ini.Time.SimYears; y++)
            {
                int year = ini.Time.FirstYear + y;
                if (metYear >= metYears) metYear = 0;
                var forcing = PointForcing.ForYear(inputs, year);
                acc.Reset();
                model.RunYear(state, metYear, forcing, (yday, d) =>
                {
                    acc.Add(d);
                    if (wantDaily) daily.Add(AnnualAccumulator.Daily(year, yday, d));
                });
                annual.Add(acc.ToRow(year));
                metYear++;
            }
            metYear %= metYears;
        }

        return new PointResult
        {
            Spinup = spin,
            SpinupRows = spinRows,
            NormalRun = normal,
            AnnualRows = annual,
            DailyRows = daily,
            FinalState = state,
            FinalMetYear = metYear,
        };
    }
}
