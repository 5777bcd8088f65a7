namespace CarbonSim.Grains; internal static class AssemblyMarker { }
