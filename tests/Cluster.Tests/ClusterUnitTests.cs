using System.Text;
using CarbonSim.Client.Hosting;
using CarbonSim.Contracts;
using CarbonSim.Model.Engine;
using CarbonSim.Grains.Persistence;
using CarbonSim.Model;
using MessagePack;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace CarbonSim.Cluster.Tests;

/// <summary>Fast checks without processes: addresses, the storage envelope, batch files.</summary>
public sealed class ClusterUnitTests
{
    [Fact]
    public void Redis_address_with_password_and_database_is_parsed_and_the_password_never_printed()
    {
        var s = ClusterSettings.Parse("redis://:s3cret@db.internal:6380/2");
        Assert.Equal(("db.internal", 6380, 2, "s3cret"), (s.RedisHost, s.RedisPort, s.Database, s.Password));
        Assert.DoesNotContain("s3cret", s.ToString());
        Assert.Contains("password set", s.ToString());
        Assert.DoesNotContain("s3cret", s.RedisConfiguration); // the password goes in as a property (RedisOptions), never into the string
        Assert.Equal("s3cret", s.RedisOptions().Password);
        Assert.Equal("redis://***@db.internal:6380/2", ClusterSettings.Redact("redis://:s3cret@db.internal:6380/2"));
        var plain = ClusterSettings.Parse("redis:6379");
        Assert.Equal(("redis", 6379, false), (plain.RedisHost, plain.RedisPort, plain.IsLoopback));
        Assert.True(ClusterSettings.Parse("redis://127.0.0.1").IsLoopback);
    }

    [Theory]
    [InlineData("http://host:6379", "redis://")]
    [InlineData("redis://host:99999", "port 1-65535")]
    [InlineData("redis://:pw@:6379", "a host name")]
    [InlineData("redis://host:6379/x", "db a whole number")]
    public void Bad_redis_addresses_name_the_flag_and_what_was_expected(string address, string expected)
    {
        var e = Assert.Throws<InvalidInputException>(() => ClusterSettings.Parse(address));
        Assert.Contains("--cluster", e.Message);
        Assert.Contains(expected, e.Message);
        Assert.DoesNotContain(":pw@", e.Message);
    }

    [Fact]
    public void Settings_come_from_the_flag_first_then_the_environment()
    {
        var env = new Dictionary<string, string>
        {
            ["CARBONSIM_REDIS"] = "redis:6379", ["CARBONSIM_REDIS_PASSWORD"] = "pw",
            ["CARBONSIM_CLUSTER_ID"] = "c1", ["CARBONSIM_SERVICE_ID"] = "s1",
        };
        var fromEnv = ClusterSettings.Resolve(null, environment: k => env.GetValueOrDefault(k))!;
        Assert.Equal(("redis", "pw", "c1", "s1"), (fromEnv.RedisHost, fromEnv.Password, fromEnv.ClusterId, fromEnv.ServiceId));
        var fromFlag = ClusterSettings.Resolve("redis://10.0.0.5:7000", "c2", null, k => env.GetValueOrDefault(k))!;
        Assert.Equal(("10.0.0.5", 7000, "c2", "s1"), (fromFlag.RedisHost, fromFlag.RedisPort, fromFlag.ClusterId, fromFlag.ServiceId));
        Assert.Null(ClusterSettings.Resolve(null, environment: _ => null));
    }

    [Fact]
    public void A_config_file_supplies_what_the_environment_does_not()
    {
        string dir = Directory.CreateTempSubdirectory("carbonsim-config").FullName;
        string path = Path.Combine(dir, "cluster.env");
        File.WriteAllText(path, "# cluster\nCARBONSIM_REDIS=redis://10.1.2.3:7001\n\nCARBONSIM_CLUSTER_ID = \"prod\"\n");
        var s = ClusterSettings.Resolve(null, null, "svc", ClusterConfigFile.Environment(path))!;
        Assert.Equal(("10.1.2.3", 7001, "prod", "svc"), (s.RedisHost, s.RedisPort, s.ClusterId, s.ServiceId));
        File.WriteAllText(path, "CARBONSIM_REDIS=redis://h:1\nredis://h:2\n");
        var e = Assert.Throws<InvalidInputException>(() => ClusterConfigFile.Environment(path));
        Assert.Contains("line 2", e.Message);
        Assert.Contains("NAME=value", e.Message);
    }

    static CheckpointSerializer NewSerializer() => new(new ServiceCollection()
        .AddSerializer(b => b.AddAssembly(typeof(RunSpec).Assembly)).BuildServiceProvider().GetRequiredService<Serializer>());

    static readonly MessagePackSerializerOptions Lz4 = MessagePackSerializerOptions.Standard.WithCompression(MessagePackCompression.Lz4BlockArray);

    [Fact]
    public void Stored_state_is_a_versioned_messagepack_envelope_without_dotnet_type_names()
    {
        var serializer = NewSerializer();
        var record = new RunProgressRecord
        {
            Progress = new RunProgress { Phase = RunPhase.Transient, FirstYear = 2020, LastYear = 2060, LastCompletedYear = 2031, TileCount = 30, Resumes = 1 },
            CancelRequested = true,
        };
        var blob = serializer.Serialize(record);
        var back = serializer.Deserialize<RunProgressRecord>(blob);
        Assert.NotNull(back);
        Assert.Equal(record.Progress, back.Progress);
        Assert.True(back.CancelRequested);

        var (version, kind, payload) = MessagePackSerializer.Deserialize<(int, string, byte[])>(blob.ToMemory(), Lz4);
        Assert.Equal(CheckpointSerializer.SchemaVersion, version);
        Assert.Equal("carbonsim.RunProgressRecord", kind);
        string text = Encoding.ASCII.GetString(payload);
        Assert.DoesNotContain("CarbonSim.", text);
        Assert.DoesNotContain("System.", text);
    }

    [Fact]
    public void A_blob_of_another_kind_or_schema_version_is_refused_with_a_message()
    {
        var serializer = NewSerializer();
        var blob = serializer.Serialize(new RunSpecRecord());
        var wrongKind = Assert.Throws<UnreadableStateException>(() => serializer.Deserialize<RunProgressRecord>(blob));
        Assert.Contains("carbonsim.RunSpecRecord", wrongKind.Message);
        var (_, kind, payload) = MessagePackSerializer.Deserialize<(int, string, byte[])>(blob.ToMemory(), Lz4);
        var future = new BinaryData(MessagePackSerializer.Serialize((CheckpointSerializer.SchemaVersion + 1, kind, payload), Lz4));
        var wrongVersion = Assert.Throws<UnreadableStateException>(() => serializer.Deserialize<RunSpecRecord>(future));
        Assert.Contains($"schema {CheckpointSerializer.SchemaVersion + 1}", wrongVersion.Message);
    }

    [Fact]
    public void A_run_spec_file_round_trips_and_a_foreign_file_is_refused()
    {
        string dir = Directory.CreateTempSubdirectory("carbonsim-spec").FullName;
        var spec = TinyRegion.Build();
        string path = Path.Combine(dir, "a.runspec");
        ClusterSpecFile.Write(path, spec);
        var back = ClusterSpecFile.Read(path);
        Assert.Equal(ClusterSpecHash.Of(spec), ClusterSpecHash.Of(back));
        Assert.Equal(spec.Cells.AreaM2, back.Cells.AreaM2);
        File.WriteAllText(Path.Combine(dir, "b.runspec"), "not a spec");
        var e = Assert.Throws<InvalidInputException>(() => ClusterSpecFile.Read(Path.Combine(dir, "b.runspec")));
        Assert.Contains("b.runspec", e.Message);
        Assert.Contains("carbonsim run spec", e.Message);
    }

    static string BatchFile(string yaml)
    {
        string dir = Directory.CreateTempSubdirectory("carbonsim-batch").FullName;
        File.WriteAllText(Path.Combine(dir, "base.runspec"), "x");
        string path = Path.Combine(dir, "batch.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    [Fact]
    public void An_ensemble_draws_the_same_factors_for_the_same_seed_within_the_half_widths()
    {
        const string template = "version: 1\nconcurrency: 3\nspec: base.runspec\nensemble:\n  members: 8\n  seed: SEED\n  perturb:\n    co2: 0.05\n    ndep: 0.2\n";
        var a = ClusterBatchFile.Load(BatchFile(template.Replace("SEED", "42")));
        var b = ClusterBatchFile.Load(BatchFile(template.Replace("SEED", "42")));
        var c = ClusterBatchFile.Load(BatchFile(template.Replace("SEED", "43")));
        Assert.Equal(3, a.Concurrency);
        Assert.Equal(8, a.Ensemble.Count);
        Assert.Equal(a.Ensemble, b.Ensemble);
        Assert.NotEqual(a.Ensemble, c.Ensemble);
        Assert.All(a.Ensemble, p => { Assert.InRange(p.Co2Factor, 0.95, 1.05); Assert.InRange(p.NDepFactor, 0.8, 1.2); });
        Assert.True(a.Ensemble.Select(p => p.Co2Factor).Distinct().Count() == 8);
    }

    [Theory]
    [InlineData("version: 1\nspec: base.runspec\nensemble:\n  members: 2\n  seed: 1\n  perturb:\n    temperature: 0.1\n", "line 7", "co2 or ndep")]
    [InlineData("version: 1\nconcurency: 3\nspec: base.runspec\n", "line 2", "concurency")]
    [InlineData("version: 1\nspec: missing.runspec\nensemble:\n  members: 2\n  seed: 1\n", "missing.runspec", "an existing file")]
    [InlineData("version: 1\nconcurrency: 0\nspec: base.runspec\nensemble:\n  members: 2\n  seed: 1\n", "line 2", "≥ 1")]
    [InlineData("version: 2\nspec: base.runspec\n", "version: 1", "2")]
    [InlineData("version: 1\nmembers: []\n", "members", "non-empty list")]
    public void Bad_batch_files_name_the_place_the_value_and_the_expectation(string yaml, string place, string expected)
    {
        string path = BatchFile(yaml);
        var e = Assert.Throws<InvalidInputException>(() => ClusterBatchFile.Load(path));
        Assert.Contains("batch.yaml", e.Message);
        Assert.Contains(place, e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Batch_summary_gives_mean_sd_min_max_over_done_members()
    {
        var rows = new List<ClusterBatchSummary.Row>
        {
            new("r0", "a", "done", [1, 2, 3, 4]),
            new("r1", "b", "done", [3, 2, 5, 8]),
            new("r2", "c", "failed", [double.NaN, double.NaN, double.NaN, double.NaN]),
        };
        var lines = ClusterBatchSummary.Csv(rows).TrimEnd('\n').Split('\n');
        Assert.Equal(1 + 3 + 4, lines.Length);
        Assert.Equal(",mean,n=2,2,2,4,6", lines[4]);
        Assert.StartsWith(",sd,n=2,1.414213562373095", lines[5]);
        Assert.Equal(",min,n=2,1,2,3,4", lines[6]);
        Assert.Equal(",max,n=2,3,2,5,8", lines[7]);
    }

    static async Task<(int Exit, string Output)> Silo(params string[] args)
    {
        string dir = Directory.CreateTempSubdirectory("carbonsim-silo-cli").FullName;
        using var child = ChildProcess.Start("silo", Paths.Dotnet, [Paths.SiloDll, .. args], dir);
        int exit = await child.WaitAsync(TimeSpan.FromMinutes(1));
        return (exit, child.Log());
    }

    [Fact]
    public async Task Silo_prints_help_and_rejects_bad_options_with_one_line()
    {
        var (exit, log) = await Silo("--help");
        Assert.Equal(0, exit);
        Assert.Contains("--cluster", log);
        Assert.Contains("CARBONSIM_REDIS_PASSWORD", log);
        (exit, log) = await Silo("--silo-port", "0");
        Assert.Equal(2, exit);
        Assert.Contains("--silo-port: got '0', expected a port 1-65535", log);
        (exit, log) = await Silo("--cluster", "http://:pw@host:1");
        Assert.Equal(2, exit);
        Assert.Contains("redis://", log);
        Assert.DoesNotContain(":pw@", log);
        (exit, log) = await Silo("--bogus");
        Assert.Equal(2, exit);
        Assert.Contains("unknown option '--bogus'", log);
    }
}
