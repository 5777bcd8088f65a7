using System.Diagnostics;
using CarbonSim.Client.Hosting;
using CarbonSim.Grains.Persistence;
using CarbonSim.Model;
using CarbonSim.Model.Safety;
using MessagePack;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace CarbonSim.Cluster.Tests;

/// <summary>Issue #14 without a cluster: secrets in config files and addresses, poisoned state blobs, batch file limits.</summary>
public sealed class HardeningUnitTests
{
    static string Temp(string name, string text)
    {
        string dir = Directory.CreateTempSubdirectory("carbonsim-harden").FullName;
        string path = Path.Combine(dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Theory]
    [InlineData("CARBONSIM_REDIS=redis://h:1\nhunter2,ssl=false\n", "line 2")]                         // a bare password (no '=')
    [InlineData("REDIS_PASSWORD=hunter2,ssl=false\n", "line 1")]                                          // a name that says secret
    [InlineData("CARBONSIM_REDIS=redis://h:1\n  my secret hunter2,ssl=false  \n", "line 2")]
    public void A_config_line_that_may_hold_a_secret_is_never_echoed(string text, string line)
    {
        var e = Assert.Throws<InvalidInputException>(() => ClusterConfigFile.Environment(Temp("cluster.env", text)));
        Assert.Contains(line, e.Message);
        Assert.Contains("not shown", e.Message);
        Assert.DoesNotContain("hunter2", e.Message);
    }

    [Fact]
    public void A_config_line_with_a_harmless_wrong_name_names_it()
    {
        var e = Assert.Throws<InvalidInputException>(() => ClusterConfigFile.Environment(Temp("cluster.env", "REDIS_HOST=h\n")));
        Assert.Contains("got 'REDIS_HOST'", e.Message);
    }

    [Fact]
    public void A_password_with_commas_and_equals_signs_is_passed_whole()
    {
        var s = ClusterSettings.Resolve("redis://127.0.0.1:6390", environment: n => n == ClusterSettings.PasswordVariable ? "pa,ss=word,ssl=true,allowAdmin=true" : null)!;
        var options = s.RedisOptions();
        Assert.Equal("pa,ss=word,ssl=true,allowAdmin=true", options.Password);
        Assert.False(options.Ssl);          // not injected
        Assert.False(options.AllowAdmin);   // not injected
        Assert.Single(options.EndPoints);
        Assert.DoesNotContain("pa,ss", s.RedisConfiguration);
        Assert.DoesNotContain("pa,ss", s.ToString());
        // The URL form (percent-encoded) gives the same password.
        Assert.Equal("pa,ss=word", ClusterSettings.Parse("redis://:pa%2Css%3Dword@127.0.0.1:6390").RedisOptions().Password);
    }

    static CheckpointSerializer NewSerializer() => new(new ServiceCollection()
        .AddSerializer(b => b.AddAssembly(typeof(CarbonSim.Model.Engine.RunSpec).Assembly)).BuildServiceProvider().GetRequiredService<Serializer>());

    /// <summary>MessagePack's Lz4BlockArray layout: [ext 98 (uncompressed lengths), bin block...], here 12 bytes claiming 2e9.</summary>
    static byte[] Lz4Bomb()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        var w = new MessagePackWriter(buffer);
        w.WriteArrayHeader(2);
        w.WriteExtensionFormatHeader(new ExtensionHeader(98, 5));
        w.WriteInt32(2_000_000_000);
        w.Write(new byte[] { 0x10 });
        w.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    [Fact]
    public void An_lz4_block_claiming_2_GB_is_refused_before_anything_is_allocated()
    {
        var bomb = Lz4Bomb();
        Assert.True(bomb.Length <= 12, $"{bomb.Length} bytes");
        Assert.Equal(2_000_000_000, CheckpointSerializer.DecompressedBytes(bomb));
        var serializer = NewSerializer();
        long before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<UnreadableStateException>(() => serializer.Deserialize<RunProgressRecord>(new BinaryData(bomb)));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Contains("claims 2000000000 bytes", e.Message);
        Assert.Contains("carbonsim.RunProgressRecord", e.Message);
        Assert.True(allocated < 10_000_000, $"allocated {allocated} bytes");
    }

    [Fact]
    public void A_real_envelope_reports_its_size_and_garbage_is_one_clear_message()
    {
        var serializer = NewSerializer();
        var spec = TinyRegion.Build();
        var blob = serializer.Serialize(new RunSpecRecord { Spec = spec });
        long claimed = CheckpointSerializer.DecompressedBytes(blob.ToMemory());
        Assert.InRange(claimed, blob.ToMemory().Length, CheckpointSerializer.MaxStateBytes);
        Assert.NotNull(serializer.Deserialize<RunSpecRecord>(blob)?.Spec);
        var e = Assert.Throws<UnreadableStateException>(() => serializer.Deserialize<RunSpecRecord>(new BinaryData("not an envelope"u8.ToArray())));
        Assert.Contains("not a carbonsim envelope", e.Message);
    }

    [Fact]
    public void Unreadable_state_and_Redis_failures_reach_the_user_as_one_line_with_exit_3_and_4()
    {
        var err = new StringWriter();
        var unreadable = new OrleansException("Error activating grain", new UnreadableStateException("stored state of kind 'carbonsim.RunSpecRecord' claims 2000000000 bytes uncompressed\nsecond line"));
        Assert.Equal(3, CarbonSim.Client.Cli.CliErrors.Report("status", unreadable, err));
        var line = Assert.Single(err.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("carbonsim status: stored state cannot be read: stored state of kind 'carbonsim.RunSpecRecord' claims 2000000000 bytes", line);

        err = new StringWriter();
        var redis = new OrleansException("storage", new StackExchange.Redis.RedisConnectionException(StackExchange.Redis.ConnectionFailureType.SocketClosed, "No connection is active/available to service this operation: HGETALL x\n" + new string('y', 5000)));
        Assert.Equal(4, CarbonSim.Client.Cli.CliErrors.Report("wait", redis, err));
        line = Assert.Single(err.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("carbonsim wait: Redis storage failed (RedisConnectionException): No connection is active", line);
        Assert.True(line.Length < 300, line);
    }

    static string BatchFile(string yaml)
    {
        string path = Temp("batch.yaml", yaml);
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(path)!, "base.runspec"), "x");
        return path;
    }

    [Theory]
    [InlineData("version: 1\nname: ../../x\nspec: base.runspec\nensemble:\n  members: 2\n  seed: 1\n", "line 2", "got '../../x'")]
    [InlineData("version: 1\nname: /abs/x\nspec: base.runspec\nensemble:\n  members: 2\n  seed: 1\n", "line 2", "got '/abs/x'")]
    [InlineData("version: 1\nspec: base.runspec\nensemble:\n  members: 100000\n  seed: 1\n", "line 4", "at most 1000")]
    public void Batch_names_that_are_paths_and_huge_batches_are_refused(string yaml, string place, string expected)
    {
        var e = Assert.Throws<InvalidInputException>(() => ClusterBatchFile.Load(BatchFile(yaml)));
        Assert.Contains(place, e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void A_batch_list_of_more_than_1000_members_is_refused()
    {
        string yaml = "version: 1\nmembers:\n" + string.Concat(Enumerable.Repeat("  - spec: base.runspec\n", 1001));
        var e = Assert.Throws<InvalidInputException>(() => ClusterBatchFile.Load(BatchFile(yaml)));
        Assert.Contains("1001 members", e.Message);
    }

    [Fact]
    public void A_deeply_nested_batch_file_is_one_message_not_a_stack_overflow()
    {
        string yaml = "version: 1\nspec: base.runspec\nensemble: " + new string('[', 100_000) + new string(']', 100_000) + "\n";
        var e = Assert.Throws<InvalidInputException>(() => ClusterBatchFile.Load(BatchFile(yaml)));
        Assert.Contains($"nested at most {YamlLimits.MaxDepth} levels", e.Message);
    }

    [Fact]
    public void A_fifo_or_a_device_as_batch_file_is_refused_without_opening_it()
    {
        string dir = Directory.CreateTempSubdirectory("carbonsim-harden").FullName;
        string fifo = Path.Combine(dir, "batch.yaml");
        using (var mk = Process.Start("mkfifo", [fifo])) mk.WaitForExit();
        var e = Assert.Throws<InvalidInputException>(() => ClusterBatchFile.Load(fifo)); // would block forever if opened
        Assert.Contains("FIFO", e.Message);
        var d = Assert.Throws<InvalidInputException>(() => ClusterBatchFile.Load("/dev/zero"));
        Assert.Contains("device", d.Message);
    }
}

/// <summary>Issue #14 through real processes and a real Redis: a refused password is one line and exit 4, for the client and the silo.</summary>
[Collection(OwnRedisCollection.Name)]
public sealed class RedisPasswordTests(RedisFixture shared)
{
    /// <summary>A redis-server of its own with <c>requirepass</c> (a password with a comma and an equals sign).</summary>
    sealed class PasswordRedis : IDisposable
    {
        public const string Password = "s3c,ret=1";
        public int Port { get; } = Net.FreePort();
        readonly ChildProcess _redis;
        public PasswordRedis(string logDir)
        {
            _redis = ChildProcess.Start($"redis-pw-{Port}", Paths.OnPath("redis-server")!,
                ["--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--requirepass", Password], logDir);
            var until = DateTime.UtcNow.AddSeconds(10);
            while (true)
            {
                try { using var tcp = new System.Net.Sockets.TcpClient("127.0.0.1", Port); break; }
                catch (System.Net.Sockets.SocketException) when (DateTime.UtcNow < until) { Thread.Sleep(50); }
            }
        }
        public void Dispose() => _redis.Dispose();
    }

    static (int Exit, string Stdout, string Stderr) Run(string dll, IEnumerable<string> args, IDictionary<string, string> env)
    {
        var info = new ProcessStartInfo(Paths.Dotnet) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        foreach (var a in args) info.ArgumentList.Add(a);
        foreach (var (k, v) in env) info.Environment[k] = v;
        using var p = Process.Start(info)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(2))) { p.Kill(true); throw new TimeoutException($"{dll} did not exit"); }
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    static string[] Lines(string s) => s.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToArray();

    [Fact]
    public void Client_and_silo_with_a_wrong_password_say_Redis_refused_the_password_in_one_line_exit_4()
    {
        using var redis = new PasswordRedis(shared.LogDir);
        var env = new Dictionary<string, string> { [ClusterSettings.PasswordVariable] = "wrong" };
        string address = $"redis://127.0.0.1:{redis.Port}";

        var client = Run(Paths.ClientDll, ["status", "--cluster", address, "--connect-timeout", "3"], env);
        Assert.True(client.Exit == 4, $"exit {client.Exit}: {client.Stderr}");
        Assert.Equal("", client.Stdout);
        var line = Assert.Single(Lines(client.Stderr));
        Assert.Contains("Redis refused the password", line);
        Assert.DoesNotContain("wrong", line);

        var silo = Run(Paths.SiloDll, ["--cluster", address, "--silo-port", Net.FreePort().ToString(), "--gateway-port", Net.FreePort().ToString()], env);
        Assert.True(silo.Exit == 4, $"exit {silo.Exit}: {silo.Stderr}");
        var siloLine = Assert.Single(Lines(silo.Stderr));
        Assert.StartsWith("carbonsim-silo: Redis refused the password", siloLine);
    }

    [Fact]
    public void The_right_password_with_a_comma_gets_past_Redis_and_a_missing_one_is_named()
    {
        using var redis = new PasswordRedis(shared.LogDir);
        string address = $"redis://127.0.0.1:{redis.Port}";
        // Right password: Redis accepts it whole; with no silo registered the verb ends at the connect timeout (exit 4, no silo).
        var ok = Run(Paths.ClientDll, ["status", "--cluster", address, "--connect-timeout", "2", "--cluster-id", "none-" + Guid.NewGuid().ToString("N")[..6]],
            new Dictionary<string, string> { [ClusterSettings.PasswordVariable] = PasswordRedis.Password });
        Assert.True(ok.Exit == 4, $"exit {ok.Exit}: {ok.Stderr}");
        Assert.Contains("no CarbonSim silo answered", ok.Stderr);
        Assert.DoesNotContain(PasswordRedis.Password, ok.Stderr);

        var none = Run(Paths.ClientDll, ["status", "--cluster", address, "--connect-timeout", "2"], new Dictionary<string, string>());
        Assert.True(none.Exit == 4, $"exit {none.Exit}: {none.Stderr}");
        Assert.Contains("wants a password", Assert.Single(Lines(none.Stderr)));
    }
}
