using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using CarbonSim.Client.Commands;
using CarbonSim.Client.Hosting;
using CarbonSim.Client.Point;
using CarbonSim.Model;
using CarbonSim.Model.Point;

namespace CarbonSim.Client.Cli;

/// <summary>
/// The <c>carbonsim</c> command line: every verb, its options and help on System.CommandLine, one option
/// vocabulary (<see cref="CliOptions"/>), one exit-code table (<see cref="ExitCodes"/>) and one error policy
/// (<see cref="CliErrors"/>). Each verb's work stays in its <c>Commands/*Command.cs</c>.
/// </summary>
public static class CarbonSimCli
{
    /// <summary>Runs <c>carbonsim &lt;args&gt;</c> and returns the exit code (Program.cs and the tests call this).</summary>
    public static async Task<int> InvokeAsync(IReadOnlyList<string> args, CliContext? context = null, CancellationToken cancellationToken = default)
    {
        context ??= new CliContext();
        var root = Build(context);
        var parsed = root.Parse(args);
        if (parsed.Action is ParseErrorAction || (parsed.Errors.Count > 0 && parsed.Action is not HelpExamples))
            return ReportParseError(parsed, context.Error);
        var configuration = new InvocationConfiguration { Output = context.Out, Error = context.Error, EnableDefaultExceptionHandler = false };
        try { return await parsed.InvokeAsync(configuration, cancellationToken); }
        catch (Exception e) when (e is not OutOfMemoryException) { return CliErrors.Report(VerbOf(parsed), e, context.Error); }
    }

    /// <summary>A bad command line: its first error on one line, a pointer to the verb's help, exit 2.</summary>
    static int ReportParseError(ParseResult parsed, TextWriter stderr)
    {
        string verb = VerbOf(parsed);
        string name = verb.Length == 0 ? "carbonsim" : $"carbonsim {verb}";
        string first = parsed.UnmatchedTokens.Count > 0
            ? parsed.UnmatchedTokens[0] switch
            {
                ['-', _, ..] t => $"unknown option '{t}'",
                var t when verb.Length == 0 => $"unknown verb '{t}'",
                var t => $"unexpected argument '{t}'",
            }
            : parsed.Errors.Count > 0 ? parsed.Errors[0].Message : "bad command line";
        string more = parsed.Errors.Count > 1 ? $" (and {parsed.Errors.Count - 1} more)" : "";
        stderr.WriteLine($"{name}: {CliErrors.OneLine(first)}{more} (see {name} --help)");
        return ExitCodes.BadInput;
    }

    static string VerbOf(ParseResult parsed) => parsed.CommandResult.Command is RootCommand ? "" : parsed.CommandResult.Command.Name;

    /// <summary>Parses the arguments of <c>carbonsim run</c> (the end-to-end benchmark reuses them); a bad command line throws <see cref="UsageException"/>.</summary>
    public static RunOptions ParseRun(IReadOnlyList<string> args)
    {
        var root = Build(new CliContext());
        var parsed = root.Parse(["run", .. args]);
        if (parsed.Errors.Count > 0) throw new UsageException(parsed.Errors[0].Message);
        return Run.Options(parsed);
    }

    /// <summary>The whole command tree, its actions bound to <paramref name="context"/>.</summary>
    public static RootCommand Build(CliContext context)
    {
        var sections = new Dictionary<Command, string>();
        var root = new RootCommand("carbonsim: regional carbon simulation on Microsoft Orleans (CarbonSim " + EngineInfo.Version + ")");
        Add(root, sections, Run.Command(context));
        Add(root, sections, Validate(context));
        Add(root, sections, PointVerb(context));
        Add(root, sections, Compare(context));
        Add(root, sections, Compensate(context));
        Add(root, sections, LandUse(context));
        Add(root, sections, Calibrate(context));
        Add(root, sections, Invest(context));
        foreach (var verb in ClusterVerbs.Commands(context)) Add(root, sections, verb);

        sections[root] = $"""
            Examples:
              carbonsim run                                   # the bundled Jing-Jin-Ji baseline -> out/jjj-baseline-<timestamp>/
              carbonsim validate scenarios/jjj-baseline.yaml  # every input check, no simulation
              carbonsim run my.yaml --out out/my              # writes out/my/
              carbonsim <verb> --help                         # each verb's options and examples

            Output folders:
              {CliOptions.OutRule}

            {ExitCodes.Table}
            The script form is `dotnet run -c Release --project src/Client -- <verb> ...`.
            """;
        foreach (var verb in root.Subcommands)
            foreach (var argument in verb.Arguments)
                argument.Validators.Add(RefuseOptionLikeValues);

        var help = root.Options.OfType<HelpOption>().Single();
        var helpWithExamples = new HelpExamples((HelpAction)help.Action!, sections);
        help.Action = helpWithExamples;
        root.SetAction(helpWithExamples.Invoke); // `carbonsim` alone shows the help
        var version = root.Options.OfType<VersionOption>().Single();
        version.Action = new PrintVersion();
        return root;
    }

    static string FirstSentence(string text)
    {
        int end = text.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? text : text[..(end + 1)];
    }

    /// <summary>Wraps prose at 100 columns with an indent.</summary>
    static string Wrap(string text, string indent)
    {
        var lines = new List<string>();
        var line = new System.Text.StringBuilder(indent);
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > indent.Length && line.Length + 1 + word.Length > 100) { lines.Add(line.ToString()); line.Clear().Append(indent); }
            if (line.Length > indent.Length) line.Append(' ');
            line.Append(word);
        }
        lines.Add(line.ToString());
        return string.Join("\n", lines);
    }

    /// <summary>An unknown option would otherwise be taken for a file name (<c>run --bogus</c>): refuse tokens that start with '-'.</summary>
    static void RefuseOptionLikeValues(System.CommandLine.Parsing.ArgumentResult r)
    {
        foreach (var token in r.Tokens)
            if (token.Value.Length > 1 && token.Value[0] == '-')
                r.AddError($"unknown option '{token.Value}'");
    }

    sealed class PrintVersion : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine($"carbonsim {EngineInfo.Version}");
            return ExitCodes.Ok;
        }
    }

    static void Add(RootCommand root, Dictionary<Command, string> sections, (Command Command, string Examples) verb)
    {
        // The description is the verb's first sentence (the verb list shows it); the rest goes under "Details", above the examples.
        string description = verb.Command.Description ?? "";
        string first = FirstSentence(description), rest = description[first.Length..].Trim();
        verb.Command.Description = first;
        root.Subcommands.Add(verb.Command);
        sections[verb.Command] = (rest.Length > 0 ? "Details:\n" + Wrap(rest, "  ") + "\n\n" : "")
            + (verb.Examples.Contains("Examples", StringComparison.Ordinal) ? "" : "Examples:\n") + verb.Examples.TrimEnd();
    }

    /// <summary>Binds a verb's body; every exception becomes one line and an exit code (<see cref="CliErrors"/>).</summary>
    internal static void Action(Command command, CliContext context, Func<ParseResult, CancellationToken, Task<int>> body) =>
        command.SetAction(async (r, ct) =>
        {
            try { return await body(r, ct); }
            catch (Exception e) when (e is not OutOfMemoryException) { return CliErrors.Report(command.Name, e, context.Error); }
        });

    internal static void Action(Command command, CliContext context, Func<ParseResult, int> body) =>
        Action(command, context, (r, _) => Task.FromResult(body(r)));

    /// <summary><c>carbonsim run</c>.</summary>
    static class Run
    {
        static readonly Argument<string?> Scenario = new("scenario-file")
        {
            Description = "scenario (.yaml); default: the bundled scenarios/jjj-baseline.yaml",
            Arity = ArgumentArity.ZeroOrOne,
        };
        static readonly Option<string?> Out = CliOptions.Out("out/<scenario>-<utc timestamp>");
        static readonly Option<bool> Overwrite = CliOptions.Overwrite();
        static readonly Option<double?> Resolution = CliOptions.Resolution();
        static readonly Option<int?> TileSize = CliOptions.TileSize();
        static readonly Option<long?> MaxCells = CliOptions.MaxCells();
        static readonly Option<double?> MaxMemory = CliOptions.MaxMemory();
        static readonly Option<bool> Attribution = new("--attribution")
        {
            Description = "after the run, also run the factorial members that split the sink (NBP) into its drivers (CO2, N deposition, stand age, " +
                          "land-use change), each held at its spin-up reference, on the same engine; writes attribution.csv and a report section (each member takes " +
                          "about as long as the run; Shapley needs 2^n - 1 members for n varied drivers, 7 for the bundled baseline)",
        };
        static readonly Option<string?> AttributionMethod = new("--attribution-method")
        {
            Description = "with --attribution: shapley (default; a member for every subset of drivers held, 2^n - 1; contributions are Shapley values " +
                          "and add up to the sink) or one-at-a-time (one member per driver plus one with all held; the interactions are left in the residual)",
            HelpName = "shapley|one-at-a-time",
        };

        public static RunOptions Options(ParseResult r) => new()
        {
            ScenarioPath = r.GetValue(Scenario),
            OutDir = r.GetValue(Out),
            Overwrite = r.GetValue(Overwrite),
            ResolutionKm = r.GetValue(Resolution),
            TileSize = r.GetValue(TileSize),
            MaxCells = r.GetValue(MaxCells),
            MaxMemoryGb = r.GetValue(MaxMemory),
            Cluster = r.GetValue(ClusterCli.ClusterOption),
            Attribution = r.GetValue(Attribution),
            AttributionMethod = ParseAttributionMethod(r.GetValue(AttributionMethod), r.GetValue(Attribution)),
        };

        static Model.Engine.AttributionMethod ParseAttributionMethod(string? value, bool attribution) => value switch
        {
            null => Model.Engine.AttributionMethod.Shapley,
            _ when !attribution => throw new UsageException("--attribution-method needs --attribution"),
            "one-at-a-time" => Model.Engine.AttributionMethod.OneAtATime,
            "shapley" => Model.Engine.AttributionMethod.Shapley,
            _ => throw new UsageException($"--attribution-method: got '{value}', expected shapley or one-at-a-time"),
        };

        public static (Command, string) Command(CliContext context)
        {
            var c = new Command("run",
                "Run a scenario and write its output folder. The scenario is validated first; the run uses an Orleans silo embedded " +
                "in this process (or a cluster) and writes tables, rasters, charts, report.html and manifest.json, then prints a per-city summary. A scenario " +
                "with land_use_change changes the map every year inside the engine; with emissions and compensation sections " +
                "it also writes budgets.csv and compensation_ledger.csv. With --attribution it then runs the factorial members that split " +
                "the sink (NBP) into CO2, N deposition, stand age and land-use change, one after the other on the same silo or cluster, and writes attribution.csv.")
            { Scenario, Out, Overwrite, Resolution, TileSize, Attribution, AttributionMethod, MaxCells, MaxMemory };
            c.Options.Add(ClusterCli.ClusterOption);
            Action(c, context, (r, _) => RunCommand.Run(Options(r), context.Out, context.Error, context.Progress ? ProgressBar.ForStandardError() : null));
            return (c, """
                  carbonsim run                                                  # the baseline, 10 km, 2020-2060 -> out/jjj-baseline-<timestamp>/
                  carbonsim run scenarios/jjj-urban-expansion.yaml --out out/urban   # a land-use scenario, written to out/urban/
                  carbonsim run scenarios/jjj-baseline.yaml --resolution 20 --tile-size 8 --out out/b20 --overwrite
                  carbonsim run my.yaml --cluster redis://127.0.0.1:6379         # on the silos registered in that Redis
                  carbonsim run scenarios/jjj-urban-expansion.yaml --attribution --out out/urban-attr   # + attribution.csv: the sink by driver (Shapley: adds up)
                  carbonsim run --attribution --attribution-method one-at-a-time --out out/base-oat   # one member per driver; interactions in the residual
                """);
        }
    }

    static (Command, string) Validate(CliContext context)
    {
        var scenario = new Argument<string>("scenario-file") { Description = "scenario (.yaml) to check" };
        var landUse = new Option<string?>("--write-landuse") { Description = "also write the base land-use map (class codes) as an ESRI ASCII grid with .prj", HelpName = "map.asc" };
        var c = new Command("validate",
            "Check every input of a scenario without simulating. Loader, boundaries, grid, land-use map, class table, vegetation files, " +
            "climate, CO2 and land-use demand are checked and a short summary printed.")
        { scenario, landUse };
        Action(c, context, r => ValidateCommand.Run(r.GetValue(scenario)!, r.GetValue(landUse), context.Out));
        return (c, """
              carbonsim validate scenarios/jjj-baseline.yaml
              carbonsim validate my.yaml --write-landuse out/landuse.asc   # and look at the generated map
            """);
    }

    static (Command, string) PointVerb(CliContext context)
    {
        var ini = new Argument<string>("file.ini") { Description = "a BIOME-BGC 4.2 initialization file, used unchanged" };
        var ndep = new Option<string?>("--ndep", "-n") { Description = "annual N deposition, one \"year kgN/m2/yr\" pair per line (normal runs)", HelpName = "file" };
        var spinup = new Option<bool>("--spinup", "-u") { Description = "force a spin-up, whatever the ini's TIME_DEFINE spin-up flag says" };
        var model = new Option<bool>("--model", "-m") { Description = "force a normal run" };
        var spinAndGo = new Option<bool>("--spin-and-go", "-g") { Description = "spin up, then run normally from the spin-up's end state" };
        var accelerated = new Option<bool>("--accelerated") { Description = "use the kernel's accelerated spin-up (faster; not BIOME-BGC's rule)" };
        var compat = new Option<bool>("-a") { Description = "accepted for compatibility (CSV outputs are always written)", Hidden = true };
        var c = new Command("point", "Run one site from a BIOME-BGC 4.2 .ini file. Like BIOME-BGC's pointbgc, it writes CSV outputs under the ini's output prefix.")
        { ini, ndep, spinup, model, spinAndGo, accelerated, compat };
        c.Validators.Add(r =>
        {
            var given = new[] { spinup, model, spinAndGo }.Where(o => r.GetValue(o)).Select(o => o.Name).ToList();
            if (given.Count > 1) r.AddError($"{string.Join(" and ", given)} conflict: give at most one of -u, -m, -g");
        });
        Action(c, context, r =>
        {
            var mode = r.GetValue(spinup) ? PointMode.Spinup : r.GetValue(model) ? PointMode.Normal : r.GetValue(spinAndGo) ? PointMode.SpinAndGo : PointMode.FromIni;
            var p = new PointCommand.Parsed(r.GetValue(ini)!, r.GetValue(ndep), mode, r.GetValue(accelerated));
            return PointCommand.Execute(p, context.Out, context.Error, context.WorkingDirectory, context.PointBackend());
        });
        return (c, PointCommand.HelpDetails);
    }

    static (Command, string) Compare(CliContext context)
    {
        var runs = new Argument<string[]>("run-dir") { Description = "finished run folders; the first is the baseline", Arity = ArgumentArity.OneOrMore };
        var @out = CliOptions.Out("out/comparison-<utc timestamp>");
        var overwrite = CliOptions.Overwrite();
        var noCharts = CliOptions.NoCharts();
        var observed = new Option<string?>("--observed") { Description = "observed class map (ESRI ASCII grid of integer codes): also write agreement.csv", HelpName = "map.asc" };
        var initial = new Option<string?>("--initial") { Description = "initial class map, for the figure of merit of the simulated change", HelpName = "map.asc" };
        var simulated = new Option<string[]>("--simulated") { Description = "simulated class map to check against --observed (repeat for several)", HelpName = "map.asc" };
        var group = new Option<string[]>("--group") { Description = "a named group of city ids compared side by side with the other groups, per area and per capita (repeat; two or more; then one run folder is enough)", HelpName = "NAME=id,id,..." };
        var c = new Command("compare",
            "Compare finished runs. Differences from the first run (the baseline) per city and for the region, per year, for every " +
            "shared column of the annual tables, with charts and an HTML report; optionally the agreement (Kappa, figure of " +
            "merit) of simulated class maps with an observed one.")
        { runs, @out, overwrite, noCharts, observed, initial, simulated, group };
        Action(c, context, r => CompareCommand.Run(new CompareCommand.Args(r.GetValue(runs) ?? [], r.GetValue(@out), r.GetValue(overwrite), !r.GetValue(noCharts),
            r.GetValue(observed), r.GetValue(initial), r.GetValue(simulated) ?? [], r.GetValue(group) ?? []), context.Out, context.Error));
        return (c, """
              carbonsim compare out/eco out/urban --out out/eco-vs-urban
              carbonsim compare out/a out/b out/c --no-charts
              carbonsim compare out/a out/b --observed obs2030.asc --initial lu2020.asc --simulated out/b/rasters/land_use_2030_class_code.asc
              carbonsim compare out/urban --group BTL=110000,120000,131000 --group Hebei-rest=130100,130200,130300,130400,130500,130600,130700,130800,130900,131100
              carbonsim compare out/jjj out/yrd --out out/jjj-vs-yrd          # two agglomerations side by side (their cities differ)
            """);
    }

    static (Command, string) Compensate(CliContext context)
    {
        var run = new Argument<string>("run-dir") { Description = "a finished run folder with compensation_inputs.csv (every run with an emission inventory writes it)" };
        var scheme = new Option<string?>("--scheme") { Description = "relative_budget, surplus_deficit or zoned (default: the run's)", HelpName = "name" };
        var price = new Option<double?>("--price") { Description = "constant carbon price per t CO2 for every year (default: the run's price path)", HelpName = "P" };
        var window = new Option<int?>("--window") { Description = "smoothing window in years, >= 1 (default: the run's)", HelpName = "years" };
        var band = new Option<double?>("--hysteresis") { Description = "band on the ESC/ECC zone thresholds, >= 0 (default: the run's)", HelpName = "B" };
        var sensitivity = new Option<bool>("--sensitivity") { Description = "also close the books for every price factor x window and write compensation_sensitivity.csv and .html" };
        var factors = new Option<string?>("--price-factors") { Description = "with --sensitivity: price factors, comma-separated (default 0.5,1,2)", HelpName = "list" };
        var windows = new Option<string?>("--windows") { Description = "with --sensitivity: windows in years, comma-separated (default 1,5,10)", HelpName = "list" };
        var @out = CliOptions.Out("out/compensation-<utc timestamp>");
        var overwrite = CliOptions.Overwrite();
        var noCharts = CliOptions.NoCharts();
        var c = new Command("compensate",
            "Close a finished run's carbon budgets and compensation books again without simulating: from the run's city sinks, emissions, " +
            "GDP and k, with another scheme, price or window. With the run's own settings it reproduces its budgets.csv and ledger byte for byte. " +
            "With --sensitivity, also a grid of price factors x windows in one report.")
        { run, scheme, price, window, band, sensitivity, factors, windows, @out, overwrite, noCharts };
        Action(c, context, r => CompensateCommand.Run(new CompensateCommand.Args(r.GetValue(run)!, r.GetValue(scheme), r.GetValue(price), r.GetValue(window),
            r.GetValue(@out), r.GetValue(overwrite), r.GetValue(band), r.GetValue(sensitivity),
            CompensateCommand.ParseList(r.GetValue(factors), "--price-factors", CompensateCommand.ParseDouble, "a comma-separated list of price factors (numbers >= 0)"),
            CompensateCommand.ParseList(r.GetValue(windows), "--windows", CompensateCommand.ParseInt, "a comma-separated list of windows in whole years >= 1"),
            !r.GetValue(noCharts)), context.Out));
        return (c, """
              carbonsim compensate out/urban --out out/urban-books              # the run's own settings: same budgets.csv
              carbonsim compensate out/urban --scheme surplus_deficit --price 97.49 --out out/urban-sd
              carbonsim compensate out/urban --window 1 --out out/urban-w1
              carbonsim compensate out/urban --sensitivity --out out/urban-grid   # + prices x0.5/x1/x2 and windows 1/5/10
              carbonsim compensate out/urban --sensitivity --price-factors 1,3 --windows 3,5,7 --out out/urban-grid2
            """);
    }

    static (Command, string) LandUse(CliContext context)
    {
        var scenario = new Argument<string>("scenario-file") { Description = "scenario (.yaml) with a land_use_change section" };
        var kernel = new Option<bool>("--kernel") { Description = "couple the allocation to the process kernel (one process; budgets when the scenario has a compensation section)" };
        var pools = new Option<string?>("--pools") { Description = "four-pool carbon density table (CSV); default: data/jjj/class_pools_illustrative.csv of the repository", HelpName = "pools.csv" };
        var @out = CliOptions.Out("out/<scenario>-landuse (out/<scenario>-coupled with --kernel)");
        var tile = CliOptions.TileSize();
        var overwrite = CliOptions.Overwrite();
        var noCharts = CliOptions.NoCharts();
        var c = new Command("landuse",
            "Run a scenario's land-use change alone, with static carbon pools. Allocation and conversion ledger without the process kernel, stocks from a " +
            "four-pool density table. Writes a run folder that carbonsim compare reads. Exit 3 if some city's land demand " +
            "could not be met (the folder is still written).")
        { scenario, kernel, pools, @out, tile, overwrite, noCharts };
        Action(c, context, r => LandUseCommand.Run(new LandUseCommand.Args(r.GetValue(scenario)!, r.GetValue(pools), r.GetValue(@out), r.GetValue(tile),
            r.GetValue(overwrite), !r.GetValue(noCharts), r.GetValue(kernel)), context.Out, context.Error));
        return (c, """
              carbonsim landuse scenarios/jjj-urban-expansion.yaml                  # -> out/jjj-urban-expansion-landuse/
              carbonsim landuse scenarios/jjj-ecological-protection.yaml --out out/lu/eco --overwrite
              carbonsim landuse scenarios/jjj-urban-expansion.yaml --kernel --tile-size 16
            """);
    }

    static (Command, string) Calibrate(CliContext context)
    {
        var scenario = new Argument<string>("scenario-file") { Description = "scenario (.yaml) whose vegetation parameters to fit" };
        var targets = new Option<string?>("--targets") { Description = "target densities (CSV: id,cities,class,variable,year,value,low,high,source); default: the scenario's calibration.targets", HelpName = "targets.csv" };
        var parameters = new Option<string?>("--parameters") { Description = "parameters to fit, their starting values and bounds (CSV: parameter,vegetation,value,start,min,max,target,note); default: the scenario's calibration.parameters", HelpName = "parameters.csv" };
        var rounds = new Option<int>("--rounds") { Description = "Gauss-Seidel rounds over the parameters (each fits one parameter to its target, the others held)", DefaultValueFactory = _ => 3, HelpName = "n" };
        rounds.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--rounds must be at least 1"); });
        var @out = CliOptions.Out("out/<scenario>-calibration");
        var overwrite = CliOptions.Overwrite();
        var resolution = CliOptions.Resolution();
        var c = new Command("calibrate",
            "Fit the scenario's calibrated parameters (docs/calibration.md: productivity_scale, whole_plant_mortality per vegetation type) to " +
            "observed class densities. Runs the engine in this process from the spin-up to the targets' year once per trial and " +
            "writes calibrated_parameters.csv (name it under calibration.parameters in the scenario) and calibration_fit.csv " +
            "(every target, its published range and source, modelled before and after).")
        { scenario, targets, parameters, rounds, @out, overwrite, resolution };
        Action(c, context, r => CalibrateCommand.Run(new CalibrateCommand.Args(r.GetValue(scenario)!, r.GetValue(targets), r.GetValue(parameters),
            r.GetValue(@out), r.GetValue(overwrite), r.GetValue(resolution), r.GetValue(rounds)), context.Out, context.Error));
        return (c, """
              carbonsim calibrate scenarios/jjj-baseline.yaml                          # the bundled targets -> out/jjj-baseline-calibration/
              carbonsim calibrate my.yaml --targets my_targets.csv --parameters start.csv --out out/cal --overwrite
              carbonsim calibrate scenarios/jjj-baseline.yaml --resolution 20 --rounds 2   # a coarser, quicker fit
            """);
    }

    static (Command, string) Invest(CliContext context)
    {
        var valued = new (string Name, string Help, string Value, bool Required)[]
        {
            ("--lulc-bas", "baseline land-use/land-cover map (ESRI ASCII grid of class codes)", "grid.asc", true),
            ("--pools", "carbon pools per class (InVEST biophysical table: lucode, c_above, c_below, c_soil, c_dead)", "pools.csv", true),
            ("--lulc-alt", "alternate (future) map on the same grid: storage change", "grid.asc", false),
            ("--bas-year", "year of the baseline map (valuation)", "year", false),
            ("--alt-year", "year of the alternate map (valuation)", "year", false),
            ("--price", "price per t C (valuation; needs --lulc-alt, --bas-year, --alt-year, --discount-rate, --rate-change)", "price", false),
            ("--discount-rate", "market discount rate in % per year", "%", false),
            ("--rate-change", "annual change in the price of carbon in %", "%", false),
            ("--precip", "annual precipitation of the site (climate-scaled densities; with --temp, --ref-precip, --ref-temp)", "mm", false),
            ("--temp", "mean annual temperature of the site", "°C", false),
            ("--ref-precip", "annual precipitation the pool table refers to", "mm", false),
            ("--ref-temp", "mean annual temperature the pool table refers to", "°C", false),
        };
        var options = valued.Select(v => (v.Name, Option: new Option<string?>(v.Name) { Description = v.Help, HelpName = v.Value, Required = v.Required })).ToList();
        var @out = new Option<string?>("--out", "-o") { Description = "the folder to write into (required; must not exist or be empty, unless --overwrite)", HelpName = "dir", Required = true };
        var overwrite = CliOptions.Overwrite();
        var scaleDead = new Option<bool>("--scale-dead") { Description = "also scale the dead-matter pool with climate" };
        var c = new Command("invest",
            "InVEST-compatible carbon storage, change and valuation. Static pools over ESRI ASCII " +
            "grids, writing c_storage_bas.asc [t C ha-1], c_storage_alt.asc, c_change.asc, npv.asc and summary.csv.");
        foreach (var (_, o) in options) c.Options.Add(o);
        c.Options.Add(@out);
        c.Options.Add(overwrite);
        c.Options.Add(scaleDead);
        Action(c, context, r =>
        {
            var o = new Dictionary<string, string>();
            foreach (var (name, option) in options) if (r.GetValue(option) is { } v) o[name] = v;
            o["--out"] = r.GetValue(@out)!;
            if (r.GetValue(overwrite)) o["--overwrite"] = "true";
            if (r.GetValue(scaleDead)) o["--scale-dead"] = "true";
            return InvestCommand.Run(o, context.Out);
        });
        return (c, """
              carbonsim invest --lulc-bas lulc_2020.asc --pools pools.csv --out out/invest
              carbonsim invest --lulc-bas bas.asc --lulc-alt alt.asc --pools pools.csv --out out/inv --overwrite \
                  --bas-year 2020 --alt-year 2030 --price 43 --discount-rate 7 --rate-change 0
            """);
    }
}
