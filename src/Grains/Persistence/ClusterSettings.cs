using CarbonSim.Model;

namespace CarbonSim.Grains.Persistence;

/// <summary>
/// Where a Redis-backed cluster lives and what it is called: the Redis address, an optional password
/// (never printed: see <see cref="ToString"/>), the Orleans cluster id and service id. Silos and
/// clients that share all four form one cluster.
/// </summary>
public sealed record ClusterSettings
{
    /// <summary>Environment variable holding the Redis address (<c>redis://host:port</c> or <c>host:port</c>).</summary>
    public const string RedisVariable = "CARBONSIM_REDIS";
    public const string PasswordVariable = "CARBONSIM_REDIS_PASSWORD";
    public const string ClusterIdVariable = "CARBONSIM_CLUSTER_ID";
    public const string ServiceIdVariable = "CARBONSIM_SERVICE_ID";
    public const string DefaultClusterId = "carbonsim";
    public const string DefaultServiceId = "carbonsim";

    public required string RedisHost { get; init; }
    public required int RedisPort { get; init; }
    public string? Password { get; init; }
    public int Database { get; init; }
    public string ClusterId { get; init; } = DefaultClusterId;
    public string ServiceId { get; init; } = DefaultServiceId;

    /// <summary>StackExchange.Redis configuration string without the password (see <see cref="RedisOptions"/>).</summary>
    public string RedisConfiguration =>
        $"{RedisHost}:{RedisPort},defaultDatabase={Database},abortConnect=false,connectTimeout=5000,syncTimeout=10000";

    /// <summary>
    /// StackExchange.Redis options for this cluster, a new object per call. The password is set as a property,
    /// never spliced into the configuration string, so a ',' or '=' in it stays part of the password instead of
    /// becoming further options.
    /// </summary>
    public StackExchange.Redis.ConfigurationOptions RedisOptions()
    {
        var options = StackExchange.Redis.ConfigurationOptions.Parse(RedisConfiguration);
        if (!string.IsNullOrEmpty(Password)) options.Password = Password;
        return options;
    }

    /// <summary>Whether Redis is on this machine's loopback interface (then silos advertise 127.0.0.1).</summary>
    public bool IsLoopback => RedisHost is "127.0.0.1" or "localhost" or "::1" or "[::1]";

    public override string ToString() =>
        $"redis://{RedisHost}:{RedisPort}/{Database} cluster={ClusterId} service={ServiceId}{(string.IsNullOrEmpty(Password) ? "" : " (password set)")}";

    /// <summary>
    /// Resolves the settings from an explicit address (a <c>--cluster</c> flag) or, failing that, the
    /// environment. Returns null when neither names a Redis address (embedded mode).
    /// </summary>
    /// <param name="address"><c>redis://[:password@]host[:port][/db]</c> or <c>host[:port]</c>; null = use <see cref="RedisVariable"/>.</param>
    /// <param name="environment">Variable lookup (tests pass their own); null = the process environment.</param>
    public static ClusterSettings? Resolve(string? address, string? clusterId = null, string? serviceId = null,
        Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        string place = address is null ? $"environment {RedisVariable}" : "--cluster";
        address ??= environment(RedisVariable);
        if (string.IsNullOrWhiteSpace(address)) return null;
        var parsed = Parse(address, place);
        string? password = parsed.Password ?? NullIfEmpty(environment(PasswordVariable));
        return parsed with
        {
            Password = password,
            ClusterId = NullIfEmpty(clusterId) ?? NullIfEmpty(environment(ClusterIdVariable)) ?? DefaultClusterId,
            ServiceId = NullIfEmpty(serviceId) ?? NullIfEmpty(environment(ServiceIdVariable)) ?? DefaultServiceId,
        };
    }

    static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>Parses a Redis address; bad ones throw <see cref="InvalidInputException"/> naming <paramref name="place"/>.</summary>
    public static ClusterSettings Parse(string address, string place = "--cluster")
    {
        const string expected = "redis://[:password@]host[:port][/db] or host[:port]";
        string s = address.Trim();
        if (s.StartsWith("redis://", StringComparison.OrdinalIgnoreCase)) s = s["redis://".Length..];
        else if (s.Contains("://", StringComparison.Ordinal))
            throw new InvalidInputException("cluster address", place, Redact(address), expected);
        string? password = null;
        int at = s.LastIndexOf('@');
        if (at >= 0)
        {
            string user = s[..at];
            password = user.StartsWith(':') ? user[1..] : user.Contains(':') ? user[(user.IndexOf(':') + 1)..] : user;
            password = Uri.UnescapeDataString(password);
            s = s[(at + 1)..];
        }
        int db = 0;
        int slash = s.IndexOf('/');
        if (slash >= 0)
        {
            string dbText = s[(slash + 1)..];
            if (dbText.Length > 0 && (!int.TryParse(dbText, out db) || db < 0))
                throw new InvalidInputException("cluster address", place, Redact(address), expected + " (db a whole number ≥ 0)");
            s = s[..slash];
        }
        string host = s;
        int port = 6379;
        int colon = s.LastIndexOf(':');
        if (colon >= 0 && !s.EndsWith(']'))
        {
            host = s[..colon];
            if (!int.TryParse(s[(colon + 1)..], out port) || port is < 1 or > 65535)
                throw new InvalidInputException("cluster address", place, Redact(address), expected + " (port 1-65535)");
        }
        if (host.Length == 0)
            throw new InvalidInputException("cluster address", place, Redact(address), expected + " (a host name)");
        return new ClusterSettings { RedisHost = host, RedisPort = port, Password = password, Database = db };
    }

    /// <summary>The address with any password replaced by <c>***</c>.</summary>
    public static string Redact(string address)
    {
        int at = address.LastIndexOf('@');
        if (at < 0) return address;
        int scheme = address.IndexOf("://", StringComparison.Ordinal);
        int start = scheme >= 0 ? scheme + 3 : 0;
        return at > start ? address[..start] + "***" + address[at..] : address;
    }
}

/// <summary>
/// A configuration file for silos and clients: <c>NAME=value</c> lines using the environment variable
/// names (<c>CARBONSIM_REDIS</c>, <c>CARBONSIM_CLUSTER_ID</c>, …), <c>#</c> comments, blank lines.
/// Values from the real environment win over the file; flags win over both.
/// </summary>
public static class ClusterConfigFile
{
    /// <summary>A variable lookup: the process environment first, then <paramref name="path"/>'s values. The client and the silo
    /// first check that the path is a regular file of bounded size (<c>Model.Safety.InputFiles</c>; the grains use the model only through its engine).</summary>
    public static Func<string, string?> Environment(string path)
    {
        if (!File.Exists(path)) throw new InvalidInputException(path, "file", "missing", "an existing configuration file (NAME=value lines)");
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = File.ReadAllLines(path);
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            int eq = line.IndexOf('=');
            string name = eq > 0 ? line[..eq].Trim() : "";
            if (eq <= 0 || !name.StartsWith("CARBONSIM_", StringComparison.Ordinal))
                throw new InvalidInputException(path, $"line {i + 1}", Shown(eq > 0 ? name : null), "NAME=value with a CARBONSIM_ variable name");
            values[name] = line[(eq + 1)..].Trim().Trim('"');
        }
        return name => System.Environment.GetEnvironmentVariable(name) is { Length: > 0 } v ? v : values.GetValueOrDefault(name);
    }

    /// <summary>
    /// What an error may show of a bad line: a plain variable-like name that does not name a secret; never the line
    /// itself (a line without '=' may be a bare password), never a value.
    /// </summary>
    static string Shown(string? name) =>
        name is { Length: > 0 and <= 64 } && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
            && !Secretive.Any(s => name.Contains(s, StringComparison.OrdinalIgnoreCase))
            ? name : "(line not shown: it may hold a secret)";

    static readonly string[] Secretive = ["PASS", "SECRET", "TOKEN", "KEY", "AUTH", "CRED", "PWD"];
}
