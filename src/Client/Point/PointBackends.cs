using CarbonSim.Model.Io.BiomeBgc;
using CarbonSim.Model.Point;

namespace CarbonSim.Client.Point;

/// <summary>The production backend of the point verb.</summary>
public static class PointBackends
{
    /// <summary>The process kernel with the BIOME-BGC .epc and met readers.</summary>
    public static PointBackend? Default() => new(new BgcPointKernel(), EpcReader.Read, MetReader.Read);
}
