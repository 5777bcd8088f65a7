using CarbonSim.Client.Cli;

namespace CarbonSim.Client.Tests.Cli;

/// <summary>Runs <c>carbonsim &lt;args&gt;</c> in this process through the same entry point as Program.cs, capturing its output.</summary>
public static class InProcessCli
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        /// <summary>The non-empty lines of standard error.</summary>
        public string[] ErrorLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToArray();
    }

    public static async Task<Result> RunAsync(params string[] args)
    {
        var o = new StringWriter(); var e = new StringWriter();
        int code = await CarbonSimCli.InvokeAsync(args, new CliContext { Out = o, Error = e, Progress = false });
        return new Result(code, o.ToString(), e.ToString());
    }

    public static Result Run(params string[] args) => RunAsync(args).GetAwaiter().GetResult();
}
