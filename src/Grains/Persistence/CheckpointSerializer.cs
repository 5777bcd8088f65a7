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

    /// <summary>[bytes] Largest decompressed state read (512 MiB); a blob claiming more is refused before anything is allocated.</summary>
    public const long MaxStateBytes = 512L << 20;

    public T? Deserialize<T>(BinaryData input)
    {
        var memory = input.ToMemory();
        long claimed = DecompressedBytes(memory);
        if (claimed > MaxStateBytes)
            throw new UnreadableStateException($"stored state of kind '{KindOf(typeof(T))}' claims {claimed} bytes uncompressed; this build reads at most {MaxStateBytes} (a damaged or foreign blob)");
        (int version, string kind, byte[] payload) envelope;
        try { envelope = MessagePackSerializer.Deserialize<(int, string, byte[])>(memory, Packing); }
        catch (MessagePackSerializationException e)
        {
            throw new UnreadableStateException($"stored state of kind '{KindOf(typeof(T))}' is not a carbonsim envelope ({e.InnerException?.Message ?? e.Message})");
        }
        var (version, kind, payload) = envelope;
        if (version != SchemaVersion)
            throw new UnreadableStateException($"stored state has envelope schema {version}; this build reads schema {SchemaVersion}");
        string expected = KindOf(typeof(T));
        if (kind != expected)
            throw new UnreadableStateException($"stored state is of kind '{kind}', expected '{expected}'");
        return serializer.Deserialize<T>(payload);
    }

    /// <summary>
    /// [bytes] What a blob says it decompresses to, read from its LZ4 headers without decompressing: MessagePack's
    /// Lz4BlockArray (an array whose first element, extension 98, lists every block's uncompressed length) or Lz4Block
    /// (extension 99 starting with the length); 0 for an uncompressed envelope; long.MaxValue for a negative length.
    /// </summary>
    public static long DecompressedBytes(ReadOnlyMemory<byte> blob)
    {
        try
        {
            var reader = new MessagePackReader(blob);
            if (reader.NextMessagePackType == MessagePackType.Extension)
            {
                var header = reader.ReadExtensionFormatHeader();
                if (header.TypeCode != 99) return 0;
                int length = reader.ReadInt32();
                return length < 0 ? long.MaxValue : length;
            }
            if (reader.NextMessagePackType != MessagePackType.Array) return 0;
            int count = reader.ReadArrayHeader();
            if (count == 0 || reader.NextMessagePackType != MessagePackType.Extension) return 0;
            var lengths = reader.ReadExtensionFormatHeader();
            if (lengths.TypeCode != 98) return 0;
            long total = 0;
            for (int i = 0; i < count - 1; i++)
            {
                int length = reader.ReadInt32();
                if (length < 0) return long.MaxValue;
                total += length;
            }
            return total;
        }
        catch (Exception e) when (e is MessagePackSerializationException or EndOfStreamException or InvalidOperationException)
        {
            return 0; // not an LZ4 envelope: the deserializer reports what is wrong with it
        }
    }

    /// <summary>The stable name of a state type: its Orleans <c>[Alias]</c>, or its bare name if it has none.</summary>
    public static string KindOf(Type type) => type.GetCustomAttribute<AliasAttribute>()?.Alias ?? type.Name;
}

/// <summary>
/// Stored grain state that this build cannot read (damaged, foreign, of another schema, or claiming more memory than
/// <see cref="CheckpointSerializer.MaxStateBytes"/>): the grain cannot activate, and the run it belongs to fails
/// with this one message instead of being retried.
/// </summary>
[GenerateSerializer, Alias("carbonsim.unreadable-state")]
public sealed class UnreadableStateException : InvalidOperationException
{
    public UnreadableStateException(string message) : base(message) { }
}
