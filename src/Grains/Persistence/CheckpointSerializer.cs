using System.Reflection;
using MessagePack;
using Orleans.Serialization;
using Orleans.Storage;

namespace CarbonSim.Grains.Persistence;

/// <summary>
/// How grain state is stored on a cluster (tile checkpoints, run records, spin-up equilibria,
/// batches): a MessagePack envelope <c>[schemaVersion, kind, payload]</c>, LZ4-compressed, where
/// <c>kind</c> is the state type's stable <c>[Alias]</c> (never a .NET type name) and <c>payload</c>
/// is the Orleans field-id encoding of the state (fields keyed by their <c>[Id(n)]</c>, so adding a
/// field keeps old blobs readable). A blob of another schema version or kind is refused with a
/// clear message instead of being misread.
/// </summary>
public sealed class CheckpointSerializer(Serializer serializer) : IGrainStorageSerializer
{
    /// <summary>Version of the envelope layout; bump when the layout (not a state type) changes.</summary>
    public const int SchemaVersion = 1;

    static readonly MessagePackSerializerOptions Packing =
        MessagePackSerializerOptions.Standard.WithCompression(MessagePackCompression.Lz4BlockArray);

    public BinaryData Serialize<T>(T? input)
    {
        byte[] payload = serializer.SerializeToArray(input);
        return new BinaryData(MessagePackSerializer.Serialize((SchemaVersion, KindOf(typeof(T)), payload), Packing));
    }

    public T? Deserialize<T>(BinaryData input)
    {
        var (version, kind, payload) = MessagePackSerializer.Deserialize<(int, string, byte[])>(input.ToMemory(), Packing);
        if (version != SchemaVersion)
            throw new InvalidOperationException($"stored state has envelope schema {version}; this build reads schema {SchemaVersion}");
        string expected = KindOf(typeof(T));
        if (kind != expected)
            throw new InvalidOperationException($"stored state is of kind '{kind}', expected '{expected}'");
        return serializer.Deserialize<T>(payload);
    }

    /// <summary>The stable name of a state type: its Orleans <c>[Alias]</c>, or its bare name if it has none.</summary>
    public static string KindOf(Type type) => type.GetCustomAttribute<AliasAttribute>()?.Alias ?? type.Name;
}
