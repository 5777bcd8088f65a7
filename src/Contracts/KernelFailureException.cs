namespace CarbonSim.Contracts;

/// <summary>
/// The process kernel failed inside a grain (a mass-balance check, or input it rejected). Carries the
/// Model exception's message across silos and to the client; the Model's own exception types stay free
/// of Orleans attributes, so grains wrap them in this one.
/// </summary>
[GenerateSerializer, Alias("carbonsim.KernelFailureException")]
public sealed class KernelFailureException : Exception
{
    public KernelFailureException(string message) : base(message) { }

    /// <summary>Runs <paramref name="step"/>, turning the Model's failure exceptions into this one.</summary>
    public static T Wrap<T>(string where, Func<T> step)
    {
        try { return step(); }
        catch (Exception e) when (e is Model.MassBalanceException or Model.InvalidInputException)
        {
            throw new KernelFailureException($"{where}: {e.Message}");
        }
    }

    /// <summary>As <see cref="Wrap{T}"/>, for an asynchronous step.</summary>
    public static async Task<T> WrapAsync<T>(string where, Func<Task<T>> step)
    {
        try { return await step(); }
        catch (Exception e) when (e is Model.MassBalanceException or Model.InvalidInputException)
        {
            throw new KernelFailureException($"{where}: {e.Message}");
        }
    }
}
