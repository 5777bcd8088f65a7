using StackExchange.Redis;

namespace CarbonSim.Grains.Persistence;

/// <summary>
/// One connection to Redis, without retries, and a ping: so that a stopped Redis or a wrong password is reported
/// as one line within seconds by the client and the silo alike (Orleans would retry until its timeout, then fail
/// with a long trace that buries the cause).
/// </summary>
public static class RedisProbe
{
    /// <summary>[ms] Longest wait for Redis to accept a connection before it is reported unreachable.</summary>
    public const int MaxMilliseconds = 3000;

    /// <summary>The problem in one line (never the password), or null when Redis answered.</summary>
    public static async Task<string?> ProblemAsync(ClusterSettings settings, TimeSpan timeout)
    {
        var options = settings.RedisOptions();
        options.AbortOnConnectFail = true;
        options.ConnectRetry = 1;
        options.ConnectTimeout = (int)Math.Clamp(timeout.TotalMilliseconds, 100, MaxMilliseconds);
        options.SyncTimeout = options.ConnectTimeout;
        options.AsyncTimeout = options.ConnectTimeout;
        string where = $"redis://{settings.RedisHost}:{settings.RedisPort}/{settings.Database}";
        try
        {
            await using var redis = await ConnectionMultiplexer.ConnectAsync(options, TextWriter.Null);
            await redis.GetDatabase().PingAsync();
            return null;
        }
        catch (Exception e) when (IsAuthentication(e))
        {
            return string.IsNullOrEmpty(settings.Password)
                ? $"Redis at {where} wants a password: set {ClusterSettings.PasswordVariable} (or put it in a --config file)"
                : $"Redis refused the password for {where} (check {ClusterSettings.PasswordVariable}, the --config file or the address)";
        }
        catch (RedisConnectionException e)
        {
            return $"Redis is unreachable at {where} ({e.FailureType}); is redis-server running there, and are --cluster / {ClusterSettings.RedisVariable} right?";
        }
        catch (Exception e) when (e is RedisException or TimeoutException or System.Net.Sockets.SocketException)
        {
            return $"Redis is unreachable at {where} ({e.GetType().Name}); is redis-server running there, and are --cluster / {ClusterSettings.RedisVariable} right?";
        }
    }

    /// <summary>Whether <paramref name="e"/> (or an inner exception) is Redis refusing the credentials.</summary>
    public static bool IsAuthentication(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
        {
            if (x is RedisConnectionException { FailureType: ConnectionFailureType.AuthenticationFailure }) return true;
            string m = x.Message;
            if (m.Contains("WRONGPASS", StringComparison.Ordinal) || m.Contains("NOAUTH", StringComparison.Ordinal)
                || m.Contains("invalid password", StringComparison.OrdinalIgnoreCase) || m.Contains("AuthenticationFailure", StringComparison.Ordinal))
                return true;
        }
        return false;
    }
}
