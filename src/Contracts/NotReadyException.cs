namespace CarbonSim.Contracts;

/// <summary>
/// A grain was asked for something it cannot answer yet but will once the caller has done its part:
/// a re-activated tile that has not been set up again, a run's outcome before the run is done. The
/// coordinator's <c>RecoveryPolicy</c> retries it (the only exception of our own that it retries);
/// every other exception thrown by our grains is permanent.
/// </summary>
[GenerateSerializer, Alias("carbonsim.NotReadyException")]
public sealed class NotReadyException : Exception
{
    public NotReadyException(string message) : base(message) { }
}
