using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace CarbonSim.Client.Cli;

/// <summary>
/// <c>--help</c> of every verb: System.CommandLine's description, usage, arguments and options, then the
/// verb's own section (examples, and for the root the exit codes and the <c>--out</c> rule).
/// </summary>
public sealed class HelpExamples(HelpAction standard, IReadOnlyDictionary<Command, string> sections) : SynchronousCommandLineAction
{
    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        standard.Invoke(parseResult);
        if (sections.TryGetValue(parseResult.CommandResult.Command, out var text))
            parseResult.InvocationConfiguration.Output.WriteLine(text.TrimEnd() + Environment.NewLine);
        return ExitCodes.Ok;
    }
}
