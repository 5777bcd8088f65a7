using CarbonSim.Contracts;
using CarbonSim.Model.Engine;
using CarbonSim.Grains.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace CarbonSim.Client.Hosting;

/// <summary>
/// A prepared run spec in a file (<c>.runspec</c>): the same versioned, LZ4-compressed MessagePack
/// envelope the cluster stores state in (see <see cref="CheckpointSerializer"/>). Lets a run be
/// prepared once and submitted later or elsewhere (<c>carbonsim submit run.runspec</c>).
/// </summary>
public static class ClusterSpecFile
{
    public const string Extension = ".runspec";

    static CheckpointSerializer NewSerializer()
    {
        var services = new ServiceCollection().AddSerializer(b => b.AddAssembly(typeof(RunSpec).Assembly)).BuildServiceProvider();
        return new CheckpointSerializer(services.GetRequiredService<Serializer>());
    }

    public static void Write(string path, RunSpec spec) =>
        File.WriteAllBytes(path, NewSerializer().Serialize(spec).ToArray());

    public static RunSpec Read(string path)
    {
        if (!File.Exists(path)) throw new CarbonSim.Model.InvalidInputException(path, "file", "missing", "an existing .runspec file");
        CarbonSim.Model.Safety.InputFiles.RequireRegular(path, path, "file", "a .runspec file");
        try
        {
            return NewSerializer().Deserialize<RunSpec>(new BinaryData(File.ReadAllBytes(path)))
                ?? throw new InvalidDataException("the envelope holds no run spec");
        }
        catch (Exception e) when (e is not CarbonSim.Model.InvalidInputException)
        {
            throw new CarbonSim.Model.InvalidInputException(path, "envelope", e.GetType().Name, $"a carbonsim run spec (schema {CheckpointSerializer.SchemaVersion}): {e.Message}", e);
        }
    }
}

/// <summary>Hashes of specs.</summary>
public static class ClusterSpecHash
{
    /// <summary>SHA-256 (hex) of the spec's stored form: equal specs give equal hashes.</summary>
    public static string Of(RunSpec spec)
    {
        var services = new ServiceCollection().AddSerializer(b => b.AddAssembly(typeof(RunSpec).Assembly)).BuildServiceProvider();
        var bytes = services.GetRequiredService<Serializer>().SerializeToArray(spec);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
    }
}
