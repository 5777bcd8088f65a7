using CarbonSim.Model.Climate;
using CarbonSim.Model.Parameters;
using CarbonSim.Model.Point;

namespace CarbonSim.Client.Point;

/// <summary>
/// What the point verb needs from the rest of the engine: the process kernel behind
/// <see cref="IPointKernel"/>, and the .epc and met readers. Injected so tests can run the verb with a
/// stand-in kernel; <see cref="PointCommand.Run(string[])"/> uses <see cref="PointBackends.Default"/>.
/// </summary>
/// <param name="Kernel">Process kernel adapter.</param>
/// <param name="ReadEpc">.epc reader (path → parameters).</param>
/// <param name="ReadMet">Met reader (path, header lines → series).</param>
public sealed record PointBackend(
    IPointKernel Kernel,
    Func<string, EcophysParameters> ReadEpc,
    Func<string, int, MetSeries> ReadMet);
