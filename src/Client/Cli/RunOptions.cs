namespace CarbonSim.Client.Cli;

/// <summary>Arguments of <c>carbonsim run</c> (parsed by <see cref="CarbonSimCli"/>).</summary>
public sealed record RunOptions
{
    /// <summary>Scenario file; null = the bundled <c>scenarios/jjj-baseline.yaml</c>.</summary>
    public string? ScenarioPath { get; init; }
    /// <summary>The run's output folder itself; null = <c>out/&lt;scenario&gt;-&lt;utc timestamp&gt;</c>.</summary>
    public string? OutDir { get; init; }
    /// <summary>Replace <see cref="OutDir"/> if it exists.</summary>
    public bool Overwrite { get; init; }
    /// <summary>[km] Grid resolution overriding the scenario's.</summary>
    public double? ResolutionKm { get; init; }
    /// <summary>[cells] Tile edge overriding the scenario's.</summary>
    public int? TileSize { get; init; }
    /// <summary>Redis address of a running cluster (<c>redis://host:port</c>); null = <c>CARBONSIM_REDIS</c> if set, else an embedded silo.</summary>
    public string? Cluster { get; init; }
    /// <summary>Also run the sink attribution's factorial members after the full run and write <c>attribution.csv</c> (docs/model.md).</summary>
    public bool Attribution { get; init; }
    /// <summary>How the attribution's members split the sink (<c>--attribution-method</c>).</summary>
    public CarbonSim.Model.Engine.AttributionMethod AttributionMethod { get; init; }

    /// <summary>[cells] Most land cells accepted (<c>--max-cells</c>); null = <see cref="CarbonSim.Model.Safety.ResourceLimits.DefaultMaxCells"/>.</summary>
    public long? MaxCells { get; init; }
    /// <summary>[GB] Largest estimated memory accepted (<c>--max-memory</c>); null = the default limit.</summary>
    public double? MaxMemoryGb { get; init; }

    /// <summary>The size limits these options ask for.</summary>
    public CarbonSim.Model.Safety.ResourceLimits Limits => new(
        MaxCells ?? CarbonSim.Model.Safety.ResourceLimits.DefaultMaxCells,
        MaxMemoryGb is double gb ? (gb * 1e9 >= long.MaxValue ? long.MaxValue : (long)(gb * 1e9)) : CarbonSim.Model.Safety.ResourceLimits.DefaultMaxMemoryBytes);

    /// <summary>Parent of the default output folders.</summary>
    public const string DefaultOutParent = "out";

    /// <summary>The arguments after <c>run</c>, parsed as <c>carbonsim run</c> parses them; a bad command line throws <see cref="UsageException"/>.</summary>
    public static RunOptions Parse(IReadOnlyList<string> args) => CarbonSimCli.ParseRun(args);
}
