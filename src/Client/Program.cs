// Minimal CLI host. The `point` verb is dispatched to PointCommand.Run; other verbs belong to the
// engine CLI (merged separately).
if (args.Length > 0 && CarbonSim.Client.Hosting.ClusterVerbs.TryGet(args[0]) is { } clusterVerb) return await clusterVerb(args[1..]);
if (args.Length > 0 && args[0] == "landuse") return CarbonSim.Client.Commands.LandUseCommand.Run(args[1..]);
if (args.Length > 0 && args[0] == "compare") return CarbonSim.Client.Commands.CompareCommand.Run(args[1..]);
if (args.Length > 0 && args[0] == "point")
    return CarbonSim.Client.Point.PointCommand.Run(args[1..]);

Console.WriteLine("carbonsim");
Console.WriteLine("usage: carbonsim point <file.ini> [-n <ndep-file>] [-u|-m|-g] [--accelerated]   (see carbonsim point --help)");
return args.Length == 0 ? 0 : 2;
