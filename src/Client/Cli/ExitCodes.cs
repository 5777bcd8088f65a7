namespace CarbonSim.Client.Cli;

/// <summary>The exit codes of every <c>carbonsim</c> verb (README "Exit codes"; <c>carbonsim --help</c>).</summary>
public static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Ok = 0;
    /// <summary>An unexpected internal error (a bug): one line, the stack trace only with CARBONSIM_DEBUG=1.</summary>
    public const int Internal = 1;
    /// <summary>Bad input: the command line, a scenario or another input file, or an output folder that exists.</summary>
    public const int BadInput = 2;
    /// <summary>The run (or job) failed, was cancelled or did not finish, or its outputs could not be written.</summary>
    public const int RunFailed = 3;
    /// <summary>The cluster or its Redis could not be reached.</summary>
    public const int Unreachable = 4;

    /// <summary>Environment variable that makes an internal error print its stack trace.</summary>
    public const string DebugVariable = "CARBONSIM_DEBUG";

    public const string Table =
        """
        Exit codes (every verb):
          0  ok
          1  unexpected internal error (one line; set CARBONSIM_DEBUG=1 for the stack trace)
          2  bad input: command line, scenario or input file, or --out folder exists (without --overwrite),
             a name that is a path, a run above --max-cells / --max-memory
          3  run failed: the simulation or job failed, was cancelled or did not finish, outputs not written,
             or its stored state cannot be read
          4  cluster or Redis unreachable, or Redis refused the password
        """;
}
