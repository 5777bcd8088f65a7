using System.Globalization;

namespace CarbonSim.Client.Cli;

/// <summary>Arguments of <c>carbonsim run</c>.</summary>
public sealed record RunOptions
{
    /// <summary>Scenario file; null = the bundled <c>scenarios/jjj-baseline.yaml</c>.</summary>
    public string? ScenarioPath { get; init; }
    /// <summary>Parent folder of the run's output folder.</summary>
    public string OutDir { get; init; } = "out";
    /// <summary>[km] Grid resolution overriding the scenario's.</summary>
    public double? ResolutionKm { get; init; }
    /// <summary>[cells] Tile edge overriding the scenario's.</summary>
    public int? TileSize { get; init; }
    /// <summary>Redis address of a running cluster (<c>redis://host:port</c>); null = <c>CARBONSIM_REDIS</c> if set, else an embedded silo.</summary>
    public string? Cluster { get; init; }
    public bool Help { get; init; }

    public const string Usage =
        """
        usage: carbonsim run [<scenario-file>] [--out <dir>] [--resolution <km>] [--tile-size <n>] [--cluster redis://host:port]

        Runs a scenario on an Orleans silo embedded in this process (or on a cluster) and writes the
        results to <out>/<scenario>-<timestamp>/ (default <out> = ./out). Without a scenario file,
        runs the bundled Jing-Jin-Ji baseline (scenarios/jjj-baseline.yaml). A scenario with a
        land_use_change section changes the map every year inside the engine (tiles offer cells,
        cities allocate their demand, converted cells carry their carbon into the new cover); with
        emissions and compensation sections it also writes budgets.csv and compensation_ledger.csv.

        examples:
          carbonsim run                                              # the baseline, 10 km, 2020-2060
          carbonsim run scenarios/jjj-urban-expansion.yaml --out out # a land-use scenario
          carbonsim run scenarios/jjj-baseline.yaml --resolution 20 --tile-size 8

          --out <dir>          parent folder for the run's output folder (default: out)
          --resolution <km>    grid cell edge in km, overriding the scenario (e.g. 10, 5, 1)
          --tile-size <n>      tile edge in cells, overriding the scenario (1 = one grain per cell)
          --cluster <address>  run on the silos registered in this Redis (redis://host:port;
                               default: $CARBONSIM_REDIS, else an embedded silo; cluster and
                               service ids from CARBONSIM_CLUSTER_ID / CARBONSIM_SERVICE_ID)
          -h, --help           this help
        """;

    /// <summary>Parses the arguments after the verb; throws <see cref="ArgumentException"/> with a one-line message.</summary>
    public static RunOptions Parse(IReadOnlyList<string> args)
    {
        var o = new RunOptions();
        for (int i = 0; i < args.Count; i++)
        {
            string a = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"option {a} needs a value");
            switch (a)
            {
                case "-h" or "--help": o = o with { Help = true }; break;
                case "--out" or "-o": o = o with { OutDir = Value() }; break;
                case "--cluster": o = o with { Cluster = Value() }; break;
                case "--resolution":
                {
                    string v = Value();
                    if (!double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out double km) || !(km > 0) || !double.IsFinite(km))
                        throw new ArgumentException($"--resolution: got '{v}', expected a positive number of km");
                    o = o with { ResolutionKm = km };
                    break;
                }
                case "--tile-size":
                {
                    string v = Value();
                    if (!int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out int n) || n < 1)
                        throw new ArgumentException($"--tile-size: got '{v}', expected a whole number ≥ 1");
                    o = o with { TileSize = n };
                    break;
                }
                default:
                    if (a.StartsWith('-')) throw new ArgumentException($"unknown option '{a}' (see carbonsim run --help)");
                    if (o.ScenarioPath is not null) throw new ArgumentException($"more than one scenario file given ('{o.ScenarioPath}', '{a}')");
                    o = o with { ScenarioPath = a };
                    break;
            }
        }
        return o;
    }
}
