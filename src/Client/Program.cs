using CarbonSim.Client.Commands;
using CarbonSim.Client.Hosting;
using CarbonSim.Client.Point;

// carbonsim <verb> ...: a small dispatcher; each verb parses its own arguments.
string usage =
    """
    carbonsim: regional carbon simulation on Microsoft Orleans

    usage:
      carbonsim run [<scenario-file>] [--out <dir>] [--resolution <km>] [--tile-size <n>] [--cluster redis://host:port]
      carbonsim validate <scenario-file>
      carbonsim point <file.ini> [-n <ndep-file>] [-u|-m|-g] [--accelerated]
      carbonsim compare <run-dir> <run-dir> [...] [--out <dir>] [--observed <map.asc> [--initial <map.asc>] --simulated <map.asc>]
      carbonsim landuse <scenario-file> [--pools <pools.csv>] [--out <dir>] [--tile-size <n>]
      carbonsim invest --lulc-bas <grid.asc> --pools <pools.csv> --out <dir> [...]
    """ + "\n" + ClusterVerbs.Usage + "\n  carbonsim <verb> --help\n";

string verb = args.Length > 0 ? args[0] : "--help";
var rest = args.Skip(1).ToArray();
if (ClusterVerbs.TryGet(verb) is { } clusterVerb) return await clusterVerb(rest);
switch (verb)
{
    case "run":
        return await RunCommand.Run(rest);
    case "validate":
        return ValidateCommand.Run(rest);
    case "point":
        return PointCommand.Run(rest);
    case "compare":
        return CompareCommand.Run(rest);
    case "landuse":
        return LandUseCommand.Run(rest);
    case "invest":
        return InvestCommand.Run(rest);
    case "-h" or "--help" or "help":
        Console.WriteLine(usage);
        return 0;
    default:
        Console.Error.WriteLine($"carbonsim: unknown verb '{verb}'");
        Console.Error.WriteLine(usage);
        return 2;
}
