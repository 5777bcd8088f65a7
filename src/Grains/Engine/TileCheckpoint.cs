using CarbonSim.Contracts;
using MessagePack;

namespace CarbonSim.Grains.Engine;

/// <summary>
/// A tile's durable state: the column states as a compressed MessagePack blob (a stable schema of
/// our own, independent of .NET type names) and the results of the years it has completed, so a
/// repeated year is answered from here.
/// </summary>
[GenerateSerializer, Alias("carbonsim.TileCheckpoint")]
public sealed class TileCheckpoint
{
    /// <summary>[a] Year the state blob belongs to (end of that year).</summary>
    [Id(0)] public int StateYear { get; set; }
    /// <summary>MessagePack (LZ4) of the flat column state vector.</summary>
    [Id(1)] public byte[] StateBlob { get; set; } = [];
    /// <summary>Results of completed years, by year.</summary>
    [Id(2)] public Dictionary<int, TileYearResult> Results { get; set; } = [];
    /// <summary>Land-use state (see <see cref="TileYear.ExportLandUse"/>) as MessagePack (LZ4); empty without land-use change.</summary>
    [Id(3)] public byte[] LandUseInts { get; set; } = [];
    [Id(4)] public byte[] LandUseDoubles { get; set; } = [];
    /// <summary>Land-use offers of completed years, by year (a repeated year re-sends the same offer).</summary>
    [Id(5)] public Dictionary<int, TileLandUseOffer> Offers { get; set; } = [];

    static readonly MessagePackSerializerOptions BlobOptions =
        MessagePackSerializerOptions.Standard.WithCompression(MessagePackCompression.Lz4BlockArray);

    public static byte[] Pack(double[] state) => MessagePackSerializer.Serialize(state, BlobOptions);
    public static double[] Unpack(byte[] blob) => MessagePackSerializer.Deserialize<double[]>(blob, BlobOptions);
    public static byte[] PackInts(int[] values) => MessagePackSerializer.Serialize(values, BlobOptions);
    public static int[] UnpackInts(byte[] blob) => MessagePackSerializer.Deserialize<int[]>(blob, BlobOptions);
}
