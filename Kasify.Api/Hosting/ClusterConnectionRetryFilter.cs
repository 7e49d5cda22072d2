namespace Kasify.Api.Hosting;

/// <summary>
/// Keeps the client trying to reach a silo for as long as the host runs, so the API can start before the silos
/// and recovers by itself when they come up.
/// </summary>
internal sealed partial class ClusterConnectionRetryFilter(ILogger<ClusterConnectionRetryFilter> logger) : IClientConnectionRetryFilter
{
    private const double MaxDelayMilliseconds = 5000;

    // Every failure would be one log line per retry; the first and then every tenth are enough to see the state.
    private const int LogEvery = 10;

    private int _attempt;

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        var attempt = Interlocked.Increment(ref _attempt);
        if (attempt == 1 || attempt % LogEvery == 0)
        {
            LogConnectionFailed(logger, attempt, exception.Message);
        }

        var delay = TimeSpan.FromMilliseconds(Math.Min(MaxDelayMilliseconds, 250 * Math.Pow(2, Math.Min(attempt, 10))));
        try
        {
            await Task.Delay(delay, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No silo reachable yet (attempt {Attempt}): {Reason}. Retrying in the background.")]
    private static partial void LogConnectionFailed(ILogger logger, int attempt, string reason);
}
