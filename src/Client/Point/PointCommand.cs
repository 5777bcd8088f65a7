using System.Globalization;
using CarbonSim.Model;
using CarbonSim.Model.Io.BiomeBgc;
using CarbonSim.Model.Io.Restart;
using CarbonSim.Model.Point;

namespace CarbonSim.Client.Point;

/// <summary>
/// <c>carbonsim point &lt;file.ini&gt; [-n ndep-file] [-u|-m|-g] [--accelerated]</c>: runs one site from an
/// unchanged BIOME-BGC 4.2 ini, like BIOME-BGC's pointbgc, writing CSV outputs under the ini's output
/// prefix. Exit codes (as every verb): 0 success, 2 bad input or command line (one line naming file, place,
/// value, expectation), 3 simulation failure (e.g. a mass balance did not close), kernel missing, or outputs not written.
/// </summary>
public static class PointCommand
{
    public const int ExitOk = Cli.ExitCodes.Ok, ExitBadInput = Cli.ExitCodes.BadInput, ExitUsage = Cli.ExitCodes.BadInput, ExitFailure = Cli.ExitCodes.RunFailed;

    /// <summary>What <c>carbonsim point --help</c> adds below the options (the ini format, outputs and examples).</summary>
    public const string HelpDetails = """
        What an ini is:
          The text file BIOME-BGC 4.2 reads: a free header line, then 15 keyword blocks in fixed
          order (MET_INPUT, RESTART, TIME_DEFINE, CLIM_CHANGE, CO2_CONTROL, SITE, RAMP_NDEP,
          EPC_FILE, W_STATE, C_STATE, N_STATE, OUTPUT_CONTROL, DAILY_OUTPUT, ANNUAL_OUTPUT,
          END_INIT). Each value is the first word of its line; the rest of the line is a comment.
          It names the met file, the vegetation (.epc, or a CarbonSim .yaml) file, the restart
          files and the output prefix. Use your existing ini files unchanged.

        Files named in the ini are opened relative to the CURRENT directory, as in BIOME-BGC, so
        run from the folder that holds metdata/, epc/, restart/ and outputs/.

        Outputs (<prefix> is OUTPUT_CONTROL's prefix, e.g. outputs/enf):
          <prefix>_spinup_annual.csv  spin-ups: one row per spin-up year (LAI max, end-of-year C, N)
          <prefix>_annual.csv         normal runs: one row per year, fluxes in g C m-2 a-1 and mm a-1,
                                      pools in g C m-2; "nee_uptake_positive" is positive for uptake
          <prefix>_daily.csv          normal runs with the daily-output flag set: one row per day
          restart output file         when the RESTART write flag is 1 (CarbonSim "CSRS" format)
        Files are written completely or not at all.

        Examples (BIOME-BGC's ENF example: spin up, then 1950-1993 from the spin-up state):
          cd data/reference/biomebgc/inputs
          carbonsim point ini_anchor_runs/enf_spinup.ini
          carbonsim point ini_anchor_runs/enf.ini
          carbonsim point ini_anchor_runs/enf_ndepfile.ini -n co2/ndep.txt

        See docs/point-mode.md for what is honoured and how CarbonSim differs from BIOME-BGC.
        """;

    /// <summary>Testable entry point: <c>carbonsim point &lt;args&gt;</c> through the CLI's parser, with explicit output streams, working directory and backend.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, string workingDirectory, PointBackend? backend) =>
        Cli.CarbonSimCli.InvokeAsync(["point", .. args], new Cli.CliContext
        {
            Out = stdout, Error = stderr, WorkingDirectory = workingDirectory, PointBackend = () => backend, Progress = false,
        }).GetAwaiter().GetResult();

    /// <summary>The verb (parsed by <see cref="Cli.CarbonSimCli"/>); writes its own one-line errors (paths shortened to the working directory).</summary>
    public static int Execute(Parsed p, TextWriter stdout, TextWriter stderr, string workingDirectory, PointBackend? backend)
    {
        if (backend is null)
        {
            stderr.WriteLine("carbonsim point: the process kernel is not wired into this build (PointBackends.Default returned null)");
            return ExitFailure;
        }

        try
        {
            string iniPath = BgcIni.ResolvePath(p.IniFile!, workingDirectory);
            var ini = IniReader.Read(iniPath);
            var options = new PointRunOptions(p.Mode, p.Accelerated);
            var inputs = PointInputs.Load(ini, workingDirectory, p.NdepFile, backend.ReadEpc, backend.ReadMet,
                backend.Kernel.StateLength, options.DoesNormalRun(ini));
            var result = PointRun.Execute(inputs, options, backend.Kernel);

            string prefix = BgcIni.ResolvePath(ini.Output.Prefix, workingDirectory);
            using var outputs = new AtomicOutputs();
            if (result.Spinup is not null)
                outputs.AddText(prefix + "_spinup_annual.csv", w => PointCsv.WriteSpinup(result.SpinupRows, w));
            if (result.NormalRun)
            {
                outputs.AddText(prefix + "_annual.csv", w => PointCsv.WriteAnnual(result.AnnualRows, w));
                if (ini.Output.Daily)
                    outputs.AddText(prefix + "_daily.csv", w => PointCsv.WriteDaily(result.DailyRows, w));
            }
            if (ini.Restart.Write)
            {
                byte[] bytes = RestartFile.ToBytes(result.FinalState, result.FinalMetYear);
                outputs.Add(BgcIni.ResolvePath(ini.Restart.OutputFile, workingDirectory), s => s.Write(bytes));
            }
            outputs.Commit();

            if (result.Spinup is { } s)
            {
                stdout.WriteLine($"spin-up years: {s.Years}");
                if (p.Accelerated)
                    stdout.WriteLine("spin-up: accelerated (kernel's equilibrium solver, not BIOME-BGC's steady-state rule)");
                else
                    stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"spin-up {(s.ReachedSteadyState ? "reached steady state" : "stopped at the maximum years")}; residual trend {s.ResidualTrend:F6} kgC m-2 a-1"));
            }
            if (result.NormalRun)
                stdout.WriteLine($"simulated {result.AnnualRows.Count} years ({ini.Time.FirstYear}-{ini.Time.FirstYear + ini.Time.SimYears - 1})");
            foreach (var t in outputs.Targets)
                stdout.WriteLine($"wrote {Path.GetRelativePath(workingDirectory, t)}");
            return ExitOk;
        }
        catch (InvalidInputException e)
        {
            stderr.WriteLine($"carbonsim point: {Shorten(OneLine(e.Message), workingDirectory)}");
            return ExitBadInput;
        }
        catch (NotSupportedException e)
        {
            stderr.WriteLine($"carbonsim point: {OneLine(e.Message)}");
            return ExitUsage;
        }
        catch (MassBalanceException e)
        {
            stderr.WriteLine($"carbonsim point: simulation failed: {OneLine(e.Message)}");
            return ExitFailure;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"carbonsim point: cannot write outputs: {Shorten(OneLine(e.Message), workingDirectory)}");
            return ExitFailure;
        }
    }

    private static string OneLine(string s) => s.Replace("\r", " ").Replace("\n", " ");

    /// <summary>Shows paths under the working directory as the user wrote them (relative), like BIOME-BGC.</summary>
    private static string Shorten(string message, string workingDirectory)
    {
        string wd = Path.GetFullPath(workingDirectory).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return message.Replace(wd, "");
    }

    /// <summary>The parsed command line of <c>carbonsim point</c>.</summary>
    public sealed record Parsed(string IniFile, string? NdepFile, PointMode Mode, bool Accelerated);
}
